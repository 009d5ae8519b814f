import { useCallback } from 'react';
import { Button, Space, Table, Tooltip } from 'antd';
import { BarChartOutlined, FieldTimeOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { notPickedUp, REPAIR_STATES, type RepairState } from '../../../../shared/workflows/repairs/rules';
import type { RepairRow } from '../../../../shared/workflows/repairs/schema';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { formatDateTime, formatInt } from '../../components/format';
import { ClearFilters, ParamInput, ParamSelect } from '../../components/list-page';
import { useCan } from '../../components/permissions';
import { useListParams, useNewRecordOpener } from '../../components/use-list-params';
import { useQuery } from '../../components/use-query';
import { mono, muted, NotPickedUpTag, PaidTag, RepairStateTag, UrgentTag, useOverdue, useRepairSettings, WaitingTag } from './common';
import { RecordNumberLink } from '../../components/record-table';

/** The list's queues (the dashboard's figures link to them): not finished, waiting for a technician, past the pick-up limit. */
const QUEUES = ['open', 'notPickedUp', 'overdue'] as const;

/** `/repairs`: every repair order, newest first; filter by state, search by number, unit code or phone (or its last 4 digits). */
export default function RepairsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const filters = useListParams();
  const state = filters.get('state') as RepairState | undefined;
  const text = filters.get('q') ?? '';
  const queue = QUEUES.find((x) => x === filters.get('queue'));
  const canWrite = can('repairs.write');
  const settings = useRepairSettings();

  const list = useQuery('repairs.list', {
    offset: filters.offset,
    limit: filters.pageSize,
    state: REPAIR_STATES.includes(state as RepairState) ? state : undefined,
    q: text || undefined,
    queue,
  });

  const openNew = useCallback(() => navigate('/repairs/new'), [navigate]);
  useNewRecordOpener(canWrite ? openNew : null);
  const filtered = !!(state || text || queue);
  const total = list.data?.total;

  return (
    <div data-testid="repairs-page">
      <PageHeader
        title={t('nav.repairs')}
        sub={total === undefined ? undefined : t('repairUi.count', { count: total, formatted: formatInt(total) })}
        extra={
          <>
            <Button icon={<FieldTimeOutlined />} onClick={() => navigate('/repairs/end-of-day')} data-testid="link-end-of-day">
              {t('repairUi.endOfDay.title')}
            </Button>
            <Button icon={<BarChartOutlined />} onClick={() => navigate('/repairs/stats')} data-testid="link-stats">
              {t('repairUi.stats')}
            </Button>
            {canWrite ? (
              <Tooltip title={t('shortcut.new')}>
                <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="new-repair">
                  {t('repairUi.new')}
                </Button>
              </Tooltip>
            ) : null}
          </>
        }
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <ParamInput name="q" delay={250} width={300} maxLength={40} placeholder={t('repairUi.search')} testId="filter-q" pageFocus />
        <ParamSelect name="state" width={180} placeholder={t('repairUi.filterState')} options={REPAIR_STATES.map((s) => ({ value: s, label: t(`repair.state.${s}`) }))} testId="filter-state" />
        <ParamSelect name="queue" width={180} placeholder={t('repairUi.filterQueue')} options={QUEUES.map((x) => ({ value: x, label: t(`repairUi.queue.${x}`) }))} testId="filter-queue" />
        <ClearFilters shown={filtered} onClear={filters.clear} />
      </Space>
      <QueryError error={list.error} onRetry={list.reload} />
      <RepairTable
        rows={list.data?.rows ?? []}
        loading={list.loading}
        categoryName={settings.categoryName}
        pagination={filters.pagination(total ?? 0)}
        empty={
          list.error ? (
            <span />
          ) : filtered ? (
            <EmptyHint title={t('repairUi.noMatch')} hint={t('repairUi.noMatchHint')} />
          ) : (
            <EmptyHint
              title={t('repairUi.emptyTitle')}
              hint={t('repairUi.emptyHint')}
              action={
                canWrite ? (
                  <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="empty-new-repair">
                    {t('repairUi.new')}
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

function PickupCell({ r }: { r: RepairRow }) {
  const waiting = notPickedUp(r.state);
  const overdue = useOverdue(r.pickupDueAt, waiting, r.overdueForPickup);
  if (!waiting) return null;
  return overdue ? <NotPickedUpTag chaseCount={r.chaseCount} dueAt={r.pickupDueAt} /> : <WaitingTag dueAt={r.pickupDueAt} />;
}

/** The repairs table: the list page and the end-of-day list. */
export function RepairTable({
  rows,
  loading,
  pagination,
  empty,
  categoryName,
  testId = 'repair-table',
}: {
  rows: RepairRow[];
  loading: boolean;
  pagination: false | React.ComponentProps<typeof Table<RepairRow>>['pagination'];
  empty: React.ReactNode;
  categoryName: (code: string) => string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Table<RepairRow>
      rowKey="id"
      size="middle"
      data-testid={testId}
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      scroll={{ x: 1100 }}
      onRow={(r) =>
        ({
          onClick: () => navigate(`/repairs/${r.id}`),
          style: { cursor: 'pointer' },
          'data-testid': 'repair-row',
          'data-number': r.number,
          'data-state': r.state,
          'data-overdue': String(r.overdueForPickup),
        }) as object
      }
      locale={{ emptyText: empty }}
      columns={[
        {
          title: t('repair.number'),
          dataIndex: 'number',
          width: 160,
          render: (v: string, r) => <RecordNumberLink to={`/repairs/${r.id}`} number={v} />,
        },
        {
          title: t('repair.place'),
          dataIndex: 'placeName',
          width: 130,
          render: (v: string, r) => (r.unitId ? <strong>{v}</strong> : <span>{v} <span style={{ ...muted, fontSize: 12 }}>{t('repair.publicArea')}</span></span>),
        },
        { title: t('repair.category'), dataIndex: 'category', width: 100, render: (v: string) => categoryName(v) },
        {
          title: t('repair.reporter'),
          dataIndex: 'reporterName',
          width: 170,
          render: (v: string, r) => (
            <span>
              {v} <span style={{ ...mono, ...muted, fontSize: 12 }}>{r.reporterPhoneMasked}</span>
            </span>
          ),
        },
        {
          title: t('repairUi.kind'),
          key: 'tags',
          width: 130,
          render: (_: unknown, r) => (
            <Space size={0} wrap>
              <UrgentTag urgent={r.urgent} />
              <PaidTag paid={r.paid} />
            </Space>
          ),
        },
        { title: t('repairUi.receivedAt'), dataIndex: 'receivedAt', width: 140, render: (v: string) => formatDateTime(v) },
        { title: t('repairUi.state'), dataIndex: 'state', width: 150, render: (v: RepairState) => <RepairStateTag state={v} /> },
        { title: t('repairUi.pickup'), key: 'pickup', render: (_: unknown, r) => <PickupCell r={r} /> },
      ]}
    />
  );
}
