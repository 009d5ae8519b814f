import { useCallback } from 'react';
import { Button, Space, Table, Tabs, Tooltip } from 'antd';
import { AccountBookOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DECORATION_STATES, type DecorationState } from '../../../../shared/workflows/decoration/rules';
import { DECORATION_QUEUES, type DecorationRow } from '../../../../shared/workflows/decoration/schema';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { formatDate, formatInt } from '../../components/format';
import { ClearFilters, ParamInput } from '../../components/list-page';
import { useCan } from '../../components/permissions';
import { useListParams, useNewRecordOpener } from '../../components/use-list-params';
import { useQuery } from '../../components/use-query';
import { ApprovalDue, DecorationStateTag, muted, useApprovalWarnDays } from './common';
import { RecordNumberLink, UnitUseCell, useRecordRow } from '../../components/record-table';

/** The tabs of the list: every permit, the open ones, then each state. */
const TABS = ['all', 'open', ...DECORATION_STATES] as const;

/** `/decoration`: every application and permit, newest first; by state, searched by ZX number, unit or contractor. */
export default function DecorationsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const filters = useListParams();
  const stateParam = filters.get('state');
  const state = DECORATION_STATES.find((s) => s === stateParam);
  const queue = DECORATION_QUEUES.find((x) => x === filters.get('queue'));
  const search = filters.get('q') ?? '';
  const canWrite = can('decoration.write');

  const list = useQuery('decoration.list', { offset: filters.offset, limit: filters.pageSize, state, queue, search: search || undefined });
  const openNew = useCallback(() => navigate('/decoration/new'), [navigate]);
  useNewRecordOpener(canWrite ? openNew : null);
  const filtered = !!(state || queue || search);
  const total = list.data?.total;
  const tab = state ?? (queue === 'open' ? 'open' : queue ? undefined : 'all');

  return (
    <div data-testid="decorations-page">
      <PageHeader
        title={t('decorationUi.title')}
        sub={total === undefined ? undefined : t('decorationUi.count', { count: total, formatted: formatInt(total) })}
        extra={
          <>
            {can('decoration.ledger') ? (
              <Button icon={<AccountBookOutlined />} onClick={() => navigate('/decoration/ledger')} data-testid="link-ledger">
                {t('decorationUi.ledger')}
              </Button>
            ) : null}
            {canWrite ? (
              <Tooltip title={t('shortcut.new')}>
                <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="new-decoration">
                  {t('decorationUi.new')}
                </Button>
              </Tooltip>
            ) : null}
          </>
        }
      />
      <Tabs
        size="small"
        activeKey={tab ?? ''}
        data-testid="state-tabs"
        onChange={(k) => filters.update({ state: DECORATION_STATES.includes(k as DecorationState) ? k : undefined, queue: k === 'open' ? 'open' : undefined })}
        items={TABS.map((k) => ({ key: k, label: <span data-testid={`tab-${k}`}>{k === 'all' ? t('decorationUi.tabAll') : k === 'open' ? t('decorationUi.tabOpen') : t(`decoration.state.${k}`)}</span> }))}
        style={{ marginBottom: 4 }}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <ParamInput name="q" delay={250} width={320} maxLength={60} placeholder={t('decorationUi.search')} testId="filter-q" pageFocus />
        {queue && queue !== 'open' ? <span style={muted}>{t(`decorationUi.queue.${queue}`)}</span> : null}
        <ClearFilters shown={filtered} onClear={filters.clear} />
      </Space>
      <QueryError error={list.error} onRetry={list.reload} />
      <DecorationTable
        rows={list.data?.rows ?? []}
        loading={list.loading}
        pagination={filters.pagination(total ?? 0)}
        empty={
          list.error ? (
            <span />
          ) : filtered ? (
            <EmptyHint title={t('decorationUi.noMatch')} hint={t('decorationUi.noMatchHint')} />
          ) : (
            <EmptyHint
              title={t('decorationUi.emptyTitle')}
              hint={t('decorationUi.emptyHint')}
              action={
                canWrite ? (
                  <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="empty-new-decoration">
                    {t('decorationUi.new')}
                  </Button>
                ) : undefined
              }
            />
          )
        }
      />
    </div>
  );
}

/** The permits table: the list page and the unit page's decoration card (`hideUnit`). */
export function DecorationTable({
  rows,
  loading,
  pagination,
  empty,
  hideUnit,
  size = 'middle',
  testId = 'decoration-table',
}: {
  rows: DecorationRow[];
  loading: boolean;
  pagination: false | React.ComponentProps<typeof Table<DecorationRow>>['pagination'];
  empty: React.ReactNode;
  hideUnit?: boolean;
  size?: 'small' | 'middle';
  testId?: string;
}) {
  const { t } = useTranslation();
  const openRow = useRecordRow('/decoration', 'decoration-row');
  const warnDays = useApprovalWarnDays();
  return (
    <Table<DecorationRow>
      rowKey="id"
      size={size}
      data-testid={testId}
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      scroll={{ x: hideUnit ? 900 : 1100 }}
      onRow={openRow}
      locale={{ emptyText: empty }}
      columns={[
        {
          title: t('decoration.number'),
          dataIndex: 'number',
          width: 160,
          render: (v: string, r) => <RecordNumberLink to={`/decoration/${r.id}`} number={v} />,
        },
        ...(hideUnit
          ? []
          : [
              {
                title: t('decorationUi.unit'),
                dataIndex: 'unitCode',
                width: 180,
                render: (v: string, r: DecorationRow) => <UnitUseCell code={v} use={r.use} />,
              },
            ]),
        { title: t('decorationUi.applicant'), dataIndex: 'applicantName', width: 120 },
        {
          title: t('decorationUi.contractor'),
          dataIndex: 'contractor',
          width: 200,
          render: (v: string | null) => (v ? v : <span style={muted}>{t('decorationUi.selfShort')}</span>),
        },
        {
          title: t('decorationUi.workPeriod'),
          key: 'period',
          width: 200,
          render: (_: unknown, r) => (
            <span style={{ whiteSpace: 'nowrap' }}>
              {formatDate(r.workFrom)} ~ {formatDate(r.workTo)}
            </span>
          ),
        },
        { title: t('decorationUi.state'), dataIndex: 'state', width: 120, render: (v: DecorationState) => <DecorationStateTag state={v} /> },
        {
          title: t('decorationUi.deadline'),
          key: 'deadline',
          render: (_: unknown, r) =>
            r.state === 'submitted' ? (
              <span>
                <span style={{ ...muted, fontSize: 12, marginRight: 4 }}>{t('decorationUi.approveBy')}</span>
                <ApprovalDue due={r.approvalDue} warnDays={warnDays} testId="row-approval-due" />
              </span>
            ) : (r.state === 'completed' || r.state === 'rejected') && r.refundDue ? (
              <span style={{ whiteSpace: 'nowrap' }}>
                <span style={{ ...muted, fontSize: 12, marginRight: 4 }}>{t('decorationUi.refundBy')}</span>
                {formatDate(r.refundDue)}
              </span>
            ) : (
              <span style={muted}>—</span>
            ),
        },
      ]}
    />
  );
}
