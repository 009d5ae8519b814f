import { text, type Tile } from '../../../shared/kernel/dashboard';
import type { ServiceCtx } from '../../host/context';
import { lastMonthReport, rateTrend } from './service';

/** Months on the occupancy-rate trend, this one included. */
export const TREND_MONTHS = 12;

/** What the monthly report puts on the manager's dashboard: the occupancy rate over a year, and last month's report. */
export function occupancyReportTiles(ctx: ServiceCtx): Tile[] {
  const r = lastMonthReport(ctx);
  const link = `/reports/occupancy?month=${r.month}`;
  const trend = rateTrend(ctx, TREND_MONTHS);
  const missing = trend.filter((p) => !p.known).length;
  const status: Tile = r.number
    ? r.changedSince
      ? { kind: 'status', id: 'report.lastMonth', title: 'dashboard.report.title', link, tone: 'warn', message: text('dashboard.report.finalChanged', { month: r.month, number: r.number, count: r.changedSince }) }
      : { kind: 'status', id: 'report.lastMonth', title: 'dashboard.report.title', link, tone: 'ok', message: text('dashboard.report.final', { month: r.month, number: r.number }) }
    : r.dueDate
      ? { kind: 'status', id: 'report.lastMonth', title: 'dashboard.report.title', link, tone: r.overdue ? 'bad' : 'warn', message: text(r.overdue ? 'dashboard.report.overdue' : 'dashboard.report.due', { month: r.month, date: r.dueDate }) }
      : { kind: 'status', id: 'report.lastMonth', title: 'dashboard.report.title', link, tone: 'neutral', message: text('dashboard.report.draft', { month: r.month }) };
  return [
    {
      kind: 'trend',
      id: 'occupancy.rateTrend',
      title: 'dashboard.rateTrend.title',
      link,
      format: 'bp',
      points: trend.map((p) => ({ period: p.month, value: p.rateBp })),
      note: missing ? text('dashboard.rateTrend.missing', { count: missing }) : text('dashboard.rateTrend.note'),
    },
    status,
  ];
}
