import { useCallback } from 'react';
import { Button, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MovingInState } from '../../../../shared/workflows/move-in/rules';
import type { MovingInRow } from '../../../../shared/workflows/move-in/schema';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { formatDate, formatInt, muted } from '../../components/format';
import { ClearFilters, ParamInput } from '../../components/list-page';
import { useCan } from '../../components/permissions';
import { useListParams, useNewRecordOpener } from '../../components/use-list-params';
import { useQuery } from '../../components/use-query';
import { UnitPicker } from '../slips/common';
import { RecordNumberLink, useRecordRow } from '../../components/record-table';

const STATE_COLORS: Record<MovingInState, string> = { notified: 'gold', received: 'green', voided: 'default' };

export function MovingInStateTag({ state, testId = 'moving-in-state-tag' }: { state: MovingInState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATE_COLORS[state]} data-testid={testId} data-state={state} style={state === 'voided' ? { textDecoration: 'line-through', marginInlineEnd: 0 } : { marginInlineEnd: 0 }}>
      {t(`movein.movingInState.${state}`)}
    </Tag>
  );
}

/**
 * `/moving-in`: every moving-in (入住, RZ), newest first, or those whose 入住知会单 some department has not received yet;
 * searched by RZ number, unit code (its start) or the name of the person moving in, and filtered to one unit
 * (`?q=`, `?unit=` in the URL, so Back and links keep them).
 */
export default function MovingInsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const openRow = useRecordRow('/moving-in', 'moving-in-row');
  const filters = useListParams();
  const queue = filters.get('queue') === 'notReceived' ? 'notReceived' : 'all';
  const search = filters.get('q') ?? '';
  const unitId = filters.get('unit');
  const canWrite = can('move-in.write');
  const list = useQuery('movingIn.list', { offset: filters.offset, limit: filters.pageSize, queue, unitId, search: search || undefined });
  const filtered = !!(search || unitId);
  const openNew = useCallback(() => navigate('/moving-in/new'), [navigate]);
  useNewRecordOpener(canWrite ? openNew : null);
  const total = list.data?.total;

  return (
    <div data-testid="moving-ins-page">
      <PageHeader
        title={t('moveinLists.movingIn.title')}
        sub={total === undefined ? t('moveinLists.movingIn.sub') : `${t('moveinLists.movingIn.count', { count: total, formatted: formatInt(total) })} · ${t('moveinLists.movingIn.sub')}`}
        extra={
          canWrite ? (
            <Tooltip title={t('shortcut.new')}>
              <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="new-moving-in">
                {t('moveinLists.movingIn.new')}
              </Button>
            </Tooltip>
          ) : null
        }
      />
      <Tabs
        size="small"
        activeKey={queue}
        data-testid="queue-tabs"
        onChange={(k) => filters.update({ queue: k === 'notReceived' ? k : undefined })}
        items={[
          { key: 'all', label: <span data-testid="tab-all">{t('moveinLists.movingIn.tabAll')}</span> },
          { key: 'notReceived', label: <span data-testid="tab-notReceived">{t('moveinLists.movingIn.tabNotReceived')}</span> },
        ]}
        style={{ marginBottom: 4 }}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <ParamInput name="q" delay={250} width={280} maxLength={60} placeholder={t('moveinLists.movingIn.search')} testId="filter-q" pageFocus />
        <UnitPicker value={unitId} onChange={(v) => filters.update({ unit: v })} allowClear style={{ width: 180 }} placeholder={t('moveinLists.movingIn.filterUnit')} testId="filter-unit" />
        <ClearFilters shown={filtered} onClear={() => filters.update({ q: undefined, unit: undefined })} />
      </Space>
      <QueryError error={list.error} onRetry={list.reload} />
      <Table<MovingInRow>
        rowKey="id"
        size="middle"
        data-testid="moving-in-table"
        loading={list.loading}
        dataSource={list.data?.rows ?? []}
        pagination={filters.pagination(total ?? 0)}
        scroll={{ x: 1000 }}
        onRow={openRow}
        locale={{
          emptyText: list.error ? (
            <span />
          ) : filtered ? (
            <EmptyHint title={t('moveinLists.movingIn.noMatch')} hint={t('moveinLists.movingIn.noMatchHint')} testId="moving-in-no-match" />
          ) : (
            <EmptyHint
              title={t('moveinLists.movingIn.emptyTitle')}
              hint={t('moveinLists.movingIn.emptyHint')}
              action={
                canWrite ? (
                  <Button type="primary" icon={<PlusOutlined />} onClick={openNew}>
                    {t('moveinLists.movingIn.new')}
                  </Button>
                ) : undefined
              }
            />
          ),
        }}
        columns={[
          {
            title: t('moveinLists.movingIn.number'),
            dataIndex: 'number',
            width: 160,
            render: (v: string, r) => <RecordNumberLink to={`/moving-in/${r.id}`} number={v} />,
          },
          { title: t('moveinLists.unit'), dataIndex: 'unitCode', width: 110, render: (v: string) => <strong>{v}</strong> },
          { title: t('moveinLists.movingIn.occupant'), dataIndex: 'occupant', width: 90, render: (v: MovingInRow['occupant']) => <Tag color={v === 'tenant' ? 'purple' : 'blue'}>{t(`movein.occupant.${v}`)}</Tag> },
          { title: t('moveinLists.movingIn.person'), dataIndex: 'personName', width: 140 },
          { title: t('moveinLists.movingIn.date'), dataIndex: 'date', width: 120, render: (v: string) => formatDate(v) },
          { title: t('moveinLists.movingIn.occupancy'), dataIndex: 'occupancy', width: 110, render: (v: string) => t(`enum.state.${v}`) },
          { title: t('moveinLists.state'), dataIndex: 'state', width: 140, render: (v: MovingInState) => <MovingInStateTag state={v} /> },
          {
            title: t('moveinLists.movingIn.notReceived'),
            dataIndex: 'notReceived',
            render: (v: MovingInRow['notReceived'], r) =>
              r.state === 'notified' && v.length ? (
                <Space size={4} wrap>
                  {v.map((d) => (
                    <Tag key={d} color="orange" style={{ marginInlineEnd: 0 }}>
                      {t(`movein.department.${d}`)}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <span style={muted}>—</span>
              ),
          },
        ]}
      />
    </div>
  );
}
