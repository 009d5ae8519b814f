import { useCallback } from 'react';
import { Button, Space, Table, Tabs, Tag, Tooltip } from 'antd';
import { AuditOutlined, PlusOutlined, TableOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MoveInState, MoveInStep } from '../../../../shared/workflows/move-in/rules';
import { MOVE_IN_QUEUES, type MoveInRow } from '../../../../shared/workflows/move-in/schema';
import { EmptyHint, PageHeader, QueryError } from '../../components/feedback';
import { formatDate, formatInt } from '../../components/format';
import { ClearFilters, ParamInput } from '../../components/list-page';
import { useCan } from '../../components/permissions';
import { useListParams, useNewRecordOpener } from '../../components/use-list-params';
import { useQuery } from '../../components/use-query';
import { MoveInStateTag, muted } from './common';
import { RecordNumberLink, UnitUseCell, useRecordRow } from '../../components/record-table';

/** The tabs: the records under way first (the default), those not handed over, those handed over, every one. */
const TABS = [...MOVE_IN_QUEUES, 'all'] as const;
type Tab = (typeof TABS)[number];

/** `/move-in`: the move-in records (入伙), by queue, searched by RH number, unit code or owner. */
export default function MoveInsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const filters = useListParams();
  const tab: Tab = TABS.find((x) => x === filters.get('queue')) ?? 'open';
  const search = filters.get('q') ?? '';
  const canWrite = can('move-in.write');

  const list = useQuery('moveIn.list', { offset: filters.offset, limit: filters.pageSize, queue: tab === 'all' ? undefined : tab, search: search || undefined });
  const openNew = useCallback(() => navigate('/move-in/new'), [navigate]);
  useNewRecordOpener(canWrite ? openNew : null);
  const total = list.data?.total;

  return (
    <div data-testid="move-ins-page">
      <PageHeader
        title={t('moveinUi.title')}
        sub={total === undefined ? undefined : t('moveinUi.count', { count: total, formatted: formatInt(total) })}
        extra={
          <>
            <Button icon={<UnorderedListOutlined />} onClick={() => navigate('/move-in/notices')} data-testid="link-notices">
              {t('moveinUi.notices')}
            </Button>
            <Button icon={<AuditOutlined />} onClick={() => navigate('/move-in/rectifications')} data-testid="link-rectifications">
              {t('moveinUi.rectifications')}
            </Button>
            <Button icon={<TableOutlined />} onClick={() => navigate('/move-in/register')} data-testid="link-register">
              {t('moveinUi.register')}
            </Button>
            {canWrite ? (
              <Tooltip title={t('shortcut.new')}>
                <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="new-move-in">
                  {t('moveinUi.new')}
                </Button>
              </Tooltip>
            ) : null}
          </>
        }
      />
      <Tabs
        size="small"
        activeKey={tab}
        data-testid="queue-tabs"
        onChange={(k) => filters.update({ queue: k === 'open' ? undefined : k })}
        items={TABS.map((k) => ({ key: k, label: <span data-testid={`tab-${k}`}>{t(`moveinUi.tab.${k}`)}</span> }))}
        style={{ marginBottom: 4 }}
      />
      <Space wrap style={{ marginBottom: 12 }}>
        <ParamInput name="q" delay={250} width={320} maxLength={60} placeholder={t('moveinUi.search')} testId="filter-q" pageFocus />
        <ClearFilters shown={!!search || tab !== 'open'} onClear={filters.clear} />
      </Space>
      <QueryError error={list.error} onRetry={list.reload} />
      <MoveInTable
        rows={list.data?.rows ?? []}
        loading={list.loading}
        pagination={filters.pagination(total ?? 0)}
        empty={
          list.error ? (
            <span />
          ) : search ? (
            <EmptyHint title={t('moveinUi.noMatch')} hint={t('moveinUi.noMatchHint')} />
          ) : (
            <EmptyHint
              title={t(`moveinUi.empty.${tab}`)}
              hint={t('moveinUi.emptyHint')}
              action={
                canWrite ? (
                  <Button type="primary" icon={<PlusOutlined />} onClick={openNew} data-testid="empty-new-move-in">
                    {t('moveinUi.new')}
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

/** What a record waits for: its next step, or how it ended. */
export function NextStepCell({ r }: { r: Pick<MoveInRow, 'state' | 'nextStep' | 'notHandedOverReason'> }) {
  const { t } = useTranslation();
  if (r.state === 'voided') return <span style={muted}>—</span>;
  if (r.state === 'handed_over') return <span style={{ color: '#389e0d' }}>{t('moveinUi.allDone')}</span>;
  const step = r.nextStep as MoveInStep | null;
  if (!step) return <span style={muted}>—</span>;
  return <span data-testid="row-next-step" data-step={step}>{t('moveinUi.nextStepIs', { n: stepNumber(step), step: t(`movein.step.${step}`) })}</span>;
}

const STEP_ORDER: readonly MoveInStep[] = ['identity', 'fees', 'copies', 'archive', 'keys', 'inspection', 'handover', 'vacant'];
export const stepNumber = (s: MoveInStep) => STEP_ORDER.indexOf(s) + 1;

/** The records table: the list page and the unit page's move-in card (`hideUnit`). */
export function MoveInTable({
  rows,
  loading,
  pagination,
  empty,
  hideUnit,
  size = 'middle',
  testId = 'move-in-table',
}: {
  rows: MoveInRow[];
  loading: boolean;
  pagination: false | React.ComponentProps<typeof Table<MoveInRow>>['pagination'];
  empty: React.ReactNode;
  hideUnit?: boolean;
  size?: 'small' | 'middle';
  testId?: string;
}) {
  const { t } = useTranslation();
  const openRow = useRecordRow('/move-in', 'move-in-row');
  return (
    <Table<MoveInRow>
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
          title: t('movein.number'),
          dataIndex: 'number',
          width: 150,
          render: (v: string, r) => <RecordNumberLink to={`/move-in/${r.id}`} number={v} />,
        },
        ...(hideUnit
          ? []
          : [
              {
                title: t('moveinUi.unit'),
                dataIndex: 'unitCode',
                width: 170,
                render: (v: string, r: MoveInRow) => <UnitUseCell code={v} use={r.use} />,
              },
            ]),
        { title: t('moveinUi.owners'), dataIndex: 'ownerNames', width: 150, render: (v: string) => v || <span style={muted}>—</span> },
        { title: t('moveinUi.noticeDate'), dataIndex: 'noticeDate', width: 120, render: (v: string | null) => (v ? formatDate(v) : <span style={muted}>—</span>) },
        { title: t('moveinUi.state'), dataIndex: 'state', width: 100, render: (v: MoveInState) => <MoveInStateTag state={v} /> },
        { title: t('moveinUi.nextStep'), key: 'next', width: 170, render: (_: unknown, r) => <NextStepCell r={r} /> },
        {
          title: t('moveinUi.openRects'),
          dataIndex: 'openRectifications',
          width: 110,
          align: 'right',
          render: (v: number) => (v ? <Tag color="orange" data-testid="row-open-rects">{v}</Tag> : <span style={muted}>0</span>),
        },
        {
          title: t('moveinUi.handover'),
          key: 'handover',
          render: (_: unknown, r) =>
            r.handoverDate ? (
              <span style={{ whiteSpace: 'nowrap' }}>{t('moveinUi.handedOverOn', { date: formatDate(r.handoverDate) })}</span>
            ) : r.notHandedOverReason ? (
              <span style={{ color: '#d46b08' }}>{t(`movein.reason.${r.notHandedOverReason}`)}</span>
            ) : (
              <span style={muted}>—</span>
            ),
        },
      ]}
    />
  );
}
