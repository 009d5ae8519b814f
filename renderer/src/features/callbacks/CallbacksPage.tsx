import { Segmented, Space, Table, Tag, Tooltip } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CallbackRow } from '../../../../shared/workflows/callbacks/schema';
import { EmptyHint, QueryError } from '../../components/feedback';
import { formatDateTime } from '../../components/format';
import { ListPageHeader } from '../../components/list-page';
import { useListParams } from '../../components/use-list-params';
import { useQuery } from '../../components/use-query';
import { CallbackStateTag, OverdueTag, mono } from './common';

/** The filter: the queue (open and escalated, by due date, overdue first) or the callbacks in one state. */
const FILTERS = ['queue', 'escalated', 'done', 'cancelled'] as const;
type Filter = (typeof FILTERS)[number];

/** `/callbacks`: the callback queue (回访), due first. */
export default function CallbacksPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const filters = useListParams();
  const asked = filters.get('state') as Filter | undefined;
  const state: Filter = asked && FILTERS.includes(asked) ? asked : 'queue';
  const list = useQuery('callbacks.list', { offset: filters.offset, limit: filters.pageSize, state });
  const rows = list.data?.rows ?? [];

  return (
    <div data-testid="callbacks-page">
      <ListPageHeader
        title={t('nav.callbacks')}
        total={list.data?.total}
        countText={(count, formatted) => t(state === 'queue' ? 'callbackUi.countQueue' : 'callbackUi.count', { count, formatted })}
        onNew={null}
        newLabel={null}
        newTestId="new-callback"
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Filter>
          value={state}
          onChange={(v) => filters.update({ state: v === 'queue' ? undefined : v })}
          options={FILTERS.map((f) => ({ value: f, label: <span data-testid={`filter-${f}`}>{t(`callbackUi.filter.${f}`)}</span> }))}
          data-testid="filter-state"
        />
        {state === 'queue' ? <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('callbackUi.queueHint')}</span> : null}
      </Space>
      <QueryError error={list.error} onRetry={list.reload} />
      <Table<CallbackRow>
        rowKey="id"
        loading={list.loading}
        dataSource={rows}
        pagination={filters.pagination(list.data?.total ?? 0)}
        onRow={(c) =>
          ({
            onClick: () => navigate(`/callbacks/${c.id}`),
            style: { cursor: 'pointer' },
            'data-testid': 'callback-row',
            'data-number': c.number,
            'data-source': c.sourceNumber,
            'data-state': c.state,
            'data-overdue': c.overdue ? 'true' : 'false',
          }) as object
        }
        locale={{
          emptyText: list.error ? (
            <span />
          ) : state === 'queue' ? (
            <EmptyHint title={t('callbackUi.emptyQueue')} hint={t('callbackUi.emptyQueueHint')} />
          ) : (
            <EmptyHint title={t('callbackUi.emptyState', { state: t(`callbackUi.filter.${state}`) })} />
          ),
        }}
        columns={[
          {
            title: t('callback.number'),
            dataIndex: 'number',
            width: 170,
            render: (v: string, c) => (
              <Link to={`/callbacks/${c.id}`} onClick={(e) => e.stopPropagation()} style={{ ...mono, fontWeight: 600 }}>
                {v}
              </Link>
            ),
          },
          {
            title: t('callbackUi.source'),
            dataIndex: 'sourceNumber',
            width: 170,
            render: (v: string, c) => {
              const to = c.sourceRoute;
              return to ? (
                <Link to={to} onClick={(e) => e.stopPropagation()} style={mono} data-testid="callback-source">
                  {v}
                </Link>
              ) : (
                <span style={mono}>{v}</span>
              );
            },
          },
          { title: t('callbackUi.place'), dataIndex: 'placeName', width: 120, render: (v: string) => <strong>{v}</strong> },
          {
            title: t('callbackUi.contact'),
            dataIndex: 'contactName',
            render: (v: string, c) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {v} <span style={{ ...mono, color: 'rgba(0,0,0,0.55)' }}>{c.contactPhoneMasked}</span>
              </span>
            ),
          },
          {
            title: t('callback.dueDate'),
            dataIndex: 'dueDate',
            width: 170,
            render: (v: string, c) => (
              <Space size={4}>
                <span style={c.overdue ? { color: '#cf1322', fontWeight: 500 } : undefined}>{v}</span>
                {c.overdue ? <OverdueTag /> : null}
              </Space>
            ),
          },
          {
            title: t('callbackUi.unreached'),
            dataIndex: 'unreached',
            width: 130,
            align: 'right',
            render: (v: number) =>
              v ? (
                <Tooltip title={t('callbackUi.unreachedTip', { count: v })}>
                  <Tag color={v >= 2 ? 'orange' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="unreached-count">
                    {t('callbackUi.times', { count: v })}
                  </Tag>
                </Tooltip>
              ) : (
                <span style={{ color: 'rgba(0,0,0,0.35)' }}>—</span>
              ),
          },
          {
            title: t('callbackUi.status'),
            dataIndex: 'state',
            width: 170,
            render: (v: CallbackRow['state'], c) => (
              <Space size={4} orientation="vertical">
                <CallbackStateTag state={v} />
                {c.doneAt ? <span style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>{formatDateTime(c.doneAt)}</span> : null}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
