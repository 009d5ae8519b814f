import { useEffect, useState } from 'react';
import { Button, Drawer, Table, Tooltip } from 'antd';
import { ArrowRightOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { MOVEMENT_FIGURES, STATE_FIGURES, type Figure, type Figures } from '../../../../shared/workflows/occupancy-report/rules';
import type { OccupancyReport, ReportUnit } from '../../../../shared/workflows/occupancy-report/schema';
import { EmptyHint, QueryError } from '../../components/feedback';
import { formatDate, formatInt } from '../../components/format';
import { RecordNumberLink } from '../../components/record-link';
import { StateTag } from '../../components/tags';
import { useQuery } from '../../components/use-query';
import { formatRate, tabular } from './common';

/** One line of the table: a building, or the total (buildingId null). */
export interface FigureRow {
  buildingId: string | null;
  code: string;
  name: string;
  figures: Figures;
}

/** Which figure of which line the clerk asked to see the units of. */
export interface FigureTarget {
  buildingId: string | null;
  label: string;
  figure: Figure;
  count: number;
}

/** Which report the figures come from, so the units behind them are the same ones (the snapshot, or the live draft). */
export interface ReportSource {
  month: string;
  draft: boolean;
  snapshotId?: string;
}

const isMovement = (f: Figure) => (MOVEMENT_FIGURES as readonly string[]).includes(f);

/**
 * Column widths that fit the whole table in the content area of a 1366-pixel window (sidebar open),
 * both languages: the columns with long English words ("occupied", "decoration") are wider. Narrower, it scrolls
 * sideways with the building column kept in view.
 */
const WIDTH: Partial<Record<Figure, number>> = { ownerOccupied: 76, underDecoration: 84, decorationsStarted: 88, decorationsCompleted: 88 };
const widthOf = (f: Figure) => WIDTH[f] ?? 66;
const BUILDING_WIDTH = 100;
const RATE_WIDTH = 84;
const TABLE_WIDTH = BUILDING_WIDTH + RATE_WIDTH + [...STATE_FIGURES, ...MOVEMENT_FIGURES].reduce((n, f) => n + widthOf(f), 0);
const HEADER_CELL = { whiteSpace: 'normal' as const, lineHeight: 1.3, fontSize: 13, padding: '6px 6px' };

/** A figure: a link-styled button (Tab reaches it, Enter opens it) that lists the units behind it. */
function FigureButton({ row, figure, onOpen }: { row: FigureRow; figure: Figure; onOpen: (t: FigureTarget) => void }) {
  const { t } = useTranslation();
  const n = row.figures[figure];
  const label = row.buildingId ? row.code : t('report.total');
  return (
    <Button
      type="link"
      size="small"
      style={{ ...tabular, padding: '0 2px', height: 'auto', fontWeight: row.buildingId ? undefined : 600, color: n === 0 ? 'rgba(0,0,0,0.35)' : undefined }}
      aria-label={t('report.page.showUnits', { building: label, figure: t(`report.figure.${figure}`), count: n })}
      onClick={() => onOpen({ buildingId: row.buildingId, label, figure, count: n })}
      data-testid="figure"
      data-figure={figure}
      data-value={n}
    >
      {formatInt(n)}
    </Button>
  );
}

/** Per building and in total: the states at month end, the month's movements, the occupancy rate. */
export function FiguresTable({ report, onOpen }: { report: OccupancyReport; onOpen: (t: FigureTarget) => void }) {
  const { t } = useTranslation();
  const rows: FigureRow[] = [...report.buildings.map((b) => ({ buildingId: b.buildingId, code: b.code, name: b.name, figures: b.figures })), { buildingId: null, code: 'total', name: '', figures: report.total }];
  // Under their group's heading the month's columns drop the repeated "this month" (本月…); the full name is the tooltip and the button's label.
  const figureColumn = (f: Figure) => ({
    key: f,
    title: <span title={t(`report.figure.${f}`)}>{isMovement(f) ? t(`report.page.short.${f}`) : t(`report.figure.${f}`)}</span>,
    align: 'right' as const,
    width: widthOf(f),
    onHeaderCell: () => ({ style: HEADER_CELL }),
    onCell: () => ({ style: { padding: '6px 6px' } }),
    render: (_: unknown, row: FigureRow) => <FigureButton row={row} figure={f} onOpen={onOpen} />,
  });
  const columns: ColumnsType<FigureRow> = [
    {
      key: 'building',
      title: t('report.building'),
      fixed: 'left',
      width: BUILDING_WIDTH,
      ellipsis: true,
      render: (_: unknown, row) =>
        row.buildingId ? (
          <span title={row.name}>
            <strong>{row.code}</strong>
            {row.name && row.name !== row.code ? <span style={{ color: 'rgba(0,0,0,0.45)', marginLeft: 6, fontSize: 12 }}>{row.name}</span> : null}
          </span>
        ) : (
          <strong>{t('report.total')}</strong>
        ),
    },
    { key: 'states', title: t('report.page.statesAtEnd'), children: STATE_FIGURES.map(figureColumn) },
    { key: 'movements', title: t('report.page.inTheMonth'), children: MOVEMENT_FIGURES.map(figureColumn) },
    {
      key: 'rate',
      title: (
        <Tooltip title={t('report.occupancyRateHint')}>
          <span>
            {t('report.occupancyRate')} <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
          </span>
        </Tooltip>
      ),
      align: 'right',
      width: RATE_WIDTH,
      onHeaderCell: () => ({ style: HEADER_CELL }),
      render: (_: unknown, row) => (
        <span style={{ ...tabular, fontWeight: row.buildingId ? undefined : 600 }} data-testid="rate">
          {formatRate(row.figures.occupancyRateBp)}
        </span>
      ),
    },
  ];
  // isolation: the fixed building column's z-index stays inside the table, under the app's sticky header.
  return (
    <div style={{ isolation: 'isolate' }}>
      <Table<FigureRow>
        rowKey={(r) => r.buildingId ?? 'total'}
        size="small"
        bordered
        pagination={false}
        dataSource={rows}
        columns={columns}
        scroll={{ x: TABLE_WIDTH }}
        onRow={(r) => ({ 'data-testid': r.buildingId ? 'report-row' : 'report-total', 'data-code': r.code, style: r.buildingId ? undefined : { background: '#fafafa' } }) as object}
        data-testid="report-table"
      />
    </div>
  );
}

const PAGE_SIZE = 50;

/** The units behind one figure, paged from the host (the snapshot's when the report shown is final). */
export function UnitsDrawer({ target, source, onClose }: { target: FigureTarget | null; source: ReportSource; onClose: () => void }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  useEffect(() => setOffset(0), [target]);
  const query = useQuery(
    'occupancyReport.units',
    target ? { month: source.month, draft: source.draft, snapshotId: source.snapshotId, buildingId: target.buildingId, figure: target.figure, offset, limit: PAGE_SIZE } : null,
  );
  const movement = target ? isMovement(target.figure) : false;
  const columns: ColumnsType<ReportUnit> = [
    {
      key: 'code',
      title: t('report.page.unit'),
      render: (_: unknown, u) => (
        <Link to={`/units/${u.unitId}`} data-testid="units-drawer-link">
          {u.code}
        </Link>
      ),
    },
    { key: 'building', title: t('report.building'), dataIndex: 'buildingCode', width: 90 },
    ...(movement
      ? [
          { key: 'date', title: t('report.page.date'), width: 110, render: (_: unknown, u: ReportUnit) => <span style={tabular}>{formatDate(u.date)}</span> },
          {
            key: 'change',
            title: t('report.page.change'),
            render: (_: unknown, u: ReportUnit) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                <StateTag state={u.from} /> <ArrowRightOutlined style={{ color: 'rgba(0,0,0,0.45)', marginRight: 8 }} />
                <StateTag state={u.state} />
              </span>
            ),
          },
          {
            key: 'record',
            title: t('report.page.record'),
            render: (_: unknown, u: ReportUnit) => (u.record ? <RecordNumberLink number={u.record.number} /> : <span style={{ color: 'rgba(0,0,0,0.35)' }}>—</span>),
          },
        ]
      : [{ key: 'state', title: t('report.page.stateAtEnd'), render: (_: unknown, u: ReportUnit) => <StateTag state={u.state} /> }]),
  ];
  const data = target ? query.data : undefined;
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      size={movement ? 760 : 520}
      title={target ? t('report.page.drawerTitle', { building: target.label, figure: t(`report.figure.${target.figure}`) }) : ''}
      extra={data ? <span style={{ color: 'rgba(0,0,0,0.45)' }}>{t('report.unitsBehind', { figure: t(`report.figure.${target!.figure}`), count: data.total })}</span> : null}
      data-testid="units-drawer"
      destroyOnHidden
    >
      <QueryError error={query.error} onRetry={query.reload} />
      <Table<ReportUnit>
        rowKey={(u) => `${u.unitId}-${u.date ?? ''}-${u.state ?? ''}`}
        size="small"
        loading={query.loading}
        dataSource={data?.rows ?? []}
        columns={columns}
        onRow={(u) => ({ 'data-testid': 'units-drawer-row', 'data-code': u.code }) as object}
        locale={{ emptyText: query.loading || query.error ? <span /> : <EmptyHint title={t('report.page.noUnits')} hint={t('report.page.noUnitsHint')} /> }}
        pagination={
          data && data.total > PAGE_SIZE
            ? { current: Math.floor(offset / PAGE_SIZE) + 1, pageSize: PAGE_SIZE, total: data.total, showSizeChanger: false, onChange: (p) => setOffset((p - 1) * PAGE_SIZE) }
            : false
        }
      />
    </Drawer>
  );
}
