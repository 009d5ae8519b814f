/**
 * The monthly repair statistics as a workbook, in the UI language and with the screen's own words (the
 * repairStats messages): a summary sheet (each figure a number in its column — count, amount in yuan, minutes,
 * rate — so the sheet calculates), the figures by category with SUM totals, and the month's orders one a row,
 * times in site time (Beijing), from which the medians can be checked (MEDIAN / PERCENTILE.INC).
 */
import { resources, type Language } from '../../../../shared/i18n/index';
import { localWallClock } from '../../../../shared/kernel/deadlines';
import { SATISFACTION } from '../../../../shared/workflows/callbacks/rules';
import type { RepairStats } from '../../../../shared/workflows/repairs/schema';
import { createReportBook, type XlsxCell, type XlsxColumn } from '../../../kit/xlsx';
import type { MonthOrderRow } from '../stats-repo';

/** {{name}} placeholders filled, as i18next does for the screen. */
const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, k: string) => String(params[k] ?? ''));

const wall = (iso: string | null) => (iso ? localWallClock(iso).replace('T', ' ') : null);

export function statsFileName(month: string, lang: Language): string {
  return `${resources[lang].repairStats.fileName}-${month}.xlsx`;
}

export async function statsWorkbook(stats: RepairStats, orders: readonly MonthOrderRow[], lang: Language, opts: { siteName: string; created: Date }): Promise<Buffer> {
  const M = resources[lang];
  const S = M.repairStats;
  const monthLabel = fill(S.monthLabel, { year: stats.month.slice(0, 4), month: Number(stats.month.slice(5, 7)) });
  const title = `${opts.siteName} ${S.title} ${monthLabel}`;
  const subtitle = fill(stats.partial ? S.partial : S.asOf, { at: wall(stats.asOf)! });
  const book = createReportBook({ created: opts.created });

  // ---- summary: one figure a row, its value in the column of its kind ----
  const r = stats.received;
  const ch = stats.charges;
  const cb = stats.callbacks;
  type Line = [label: string, count: number | null, fen?: number | null, minutes?: number | null, rate?: number | null];
  const lines: Line[] = [
    [S.total, r.total],
    [`  ${S.urgent}`, r.urgent],
    [`  ${S.normal}`, r.normal],
    [`  ${S.paid}`, r.paid],
    [`  ${S.free}`, r.free],
    [S.voided, r.voided],
    [`${S.charges} · ${S.billed}`, ch.orders, ch.billedFen],
    [`  ${S.collected}`, ch.collected, ch.collectedFen],
    [`  ${S.waived}`, ch.waived, ch.waivedFen],
    [`  ${S.pending}`, ch.pending, ch.pendingFen],
    [S.pickUpMedian, stats.pickUp.count, null, stats.pickUp.medianMinutes],
    [S.pickUpP90, stats.pickUp.count, null, stats.pickUp.p90Minutes],
    [S.completeMedian, stats.complete.count, null, stats.complete.medianMinutes],
    [S.completeP90, stats.complete.count, null, stats.complete.p90Minutes],
    [S.due, cb.due],
    [S.onTime, cb.onTime, null, null, cb.basisPoints === null ? null : cb.basisPoints / 100],
    [S.reached, cb.reached],
    ...SATISFACTION.map((s): Line => [`  ${M.callback.satisfaction[s]}`, cb.satisfaction[s]]),
    [S.reopened, cb.reopened],
  ];
  book.addTableSheet({
    name: S.sheetSummary,
    title,
    subtitle,
    columns: [
      { header: S.figure, kind: 'text' },
      { header: S.count, kind: 'number' },
      { header: S.amount, kind: 'fen' },
      { header: S.minutesColumn, kind: 'number', decimals: 1 },
      { header: `${S.rateColumn}（${S.rate}）`, kind: 'percent', decimals: 2 },
    ],
    rows: lines.map(([label, count, fen = null, minutes = null, rate = null]) => [label, count, fen, minutes, rate]),
  });

  // ---- by category, with totals ----
  book.addTableSheet({
    name: S.sheetByCategory,
    title,
    subtitle,
    columns: [
      { header: S.category, kind: 'text' },
      { header: S.total, kind: 'number' },
      { header: S.urgent, kind: 'number' },
      { header: S.paid, kind: 'number' },
      { header: S.finished, kind: 'number' },
      { header: `${S.billed}（${S.amount}）`, kind: 'fen' },
    ],
    rows: stats.byCategory.map((c) => [c.name, c.received, c.urgent, c.paid, c.finished, c.billedFen]),
    totals: { label: S.totalRow },
  });

  // ---- the month's orders ----
  const columns: XlsxColumn[] = [
    { header: M.repair.number, kind: 'text' },
    { header: M.repair.place, kind: 'text' },
    { header: S.category, kind: 'text' },
    { header: S.urgency, kind: 'text' },
    { header: S.paid, kind: 'text' },
    { header: `${M.repair.chargeTotal}（${S.amount}）`, kind: 'fen' },
    { header: S.chargeState, kind: 'text' },
    { header: S.state, kind: 'text' },
    { header: M.repair.reportedAt, kind: 'text' },
    { header: S.pickedUpAt, kind: 'text' },
    { header: M.repair.finishedAt, kind: 'text' },
  ];
  await book.addDetailSheet({
    name: S.sheetOrders,
    title: `${S.sheetOrders} ${monthLabel}`,
    columns,
    rows: (function* (): Generator<XlsxCell[]> {
      for (const o of orders)
        yield [
          o.number,
          o.placeName,
          o.categoryName,
          o.urgent ? M.repair.urgent : M.repair.normal,
          o.paid ? S.paid : S.free,
          o.paid ? o.chargeTotalFen : null,
          o.paid ? M.repair.chargeState[o.chargeState] : null,
          M.repair.state[o.state],
          wall(o.reportedAt),
          wall(o.pickedUpAt),
          wall(o.finishedAt),
        ];
    })(),
  });
  return book.finish();
}
