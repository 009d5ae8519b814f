/**
 * The monthly repair statistics (issue 9; procedure 十三 "每月月底统计当月客户报修维修费应收取情况", 第7篇
 * "回访…每月进行汇总、统计、分析"), for one month of the site calendar (Beijing time):
 *
 * - received: orders taken in during the month, by category, urgent / normal, paid / free; voided orders count
 *   on their own line only (a voided order was a mistake or a duplicate, not work);
 * - charges: paid orders finished in the month — billed, and how each charge stands now (collected, waived,
 *   still to collect), in fen;
 * - times: engineering told → the technician signed, over orders picked up in the month; received → finished,
 *   over orders finished in the month; median and 90th percentile in minutes (percentile, as PERCENTILE.INC);
 * - callbacks: the rate of repairs' callbacks due in the month (callbackRate, the rule the dashboard uses), the
 *   satisfaction answered by the customers reached in the month, and the repairs those answers reopened — read
 *   through the callback queue's service (../callbacks/service.ts: sourceRate, sourceAnswers).
 *
 * The figures are live, not frozen: a charge collected later, or an order reopened and finished again in a later
 * month (its finish time moves there), changes them. The SQL is ./stats-repo.ts.
 */
import { fieldError } from '../../../shared/kernel/errors';
import { localWallClock } from '../../../shared/kernel/deadlines';
import { monthBounds, percentile } from '../../../shared/workflows/repairs/rules';
import { SATISFACTION } from '../../../shared/workflows/callbacks/rules';
import type { CategoryStats, DurationStats, RepairStats } from '../../../shared/workflows/repairs/schema';
import type { Language } from '../../../shared/i18n/index';
import type { ServiceCtx } from '../../host/context';
import { statsFileName, statsWorkbook } from './forms/stats-xlsx';
import { sourceAnswers, sourceRate } from '../callbacks/service';
import * as repo from './stats-repo';

/** Minutes between two stored instants; never negative (a time typed before the one it follows counts as 0). */
const minutesBetween = (from: string, to: string) => Math.max(0, (Date.parse(to) - Date.parse(from)) / 60_000);
const oneDecimal = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

export function durations(minutes: number[]): DurationStats {
  const sorted = minutes.sort((a, b) => a - b);
  return { count: sorted.length, medianMinutes: oneDecimal(percentile(sorted, 0.5)), p90Minutes: oneDecimal(percentile(sorted, 0.9)) };
}

const siteMonth = (ctx: ServiceCtx) => localWallClock(ctx.clock.now()).slice(0, 7);

/** The month asked for, refused when it is still to come. */
function checkedMonth(ctx: ServiceCtx, month: string) {
  if (month > siteMonth(ctx)) throw fieldError('month', 'repair.v.statsFuture');
  return monthBounds(month);
}

export function monthStats(ctx: ServiceCtx, input: { month: string }): RepairStats {
  const b = checkedMonth(ctx, input.month);
  const { startIso, endIso } = b;
  const settings = ctx.settings().repairCategories;

  const cats = new Map<string, CategoryStats>();
  const cat = (code: string): CategoryStats => {
    let c = cats.get(code);
    if (!c) {
      const name = settings.find((s) => s.code === code)?.name ?? repo.categoryNameIn(ctx.db, code, startIso, endIso) ?? code;
      cats.set(code, (c = { code, name, received: 0, urgent: 0, paid: 0, finished: 0, billedFen: 0 }));
    }
    return c;
  };
  // Every category of the settings in their order (a month's zeros say something too), then any other seen.
  for (const s of settings) cat(s.code);

  const received = { total: 0, urgent: 0, normal: 0, paid: 0, free: 0, voided: 0 };
  for (const r of repo.receivedByCategory(ctx.db, startIso, endIso)) {
    if (r.voided) {
      received.voided += r.n;
      continue;
    }
    const c = cat(r.category);
    c.received += r.n;
    c.urgent += r.urgent;
    c.paid += r.paid;
    received.total += r.n;
    received.urgent += r.urgent;
    received.paid += r.paid;
  }
  received.normal = received.total - received.urgent;
  received.free = received.total - received.paid;

  const charges = { orders: 0, billedFen: 0, collected: 0, collectedFen: 0, waived: 0, waivedFen: 0, pending: 0, pendingFen: 0 };
  const completeMinutes: number[] = [];
  for (const f of repo.finishedBetween(ctx.db, startIso, endIso)) {
    const c = cat(f.category);
    c.finished++;
    completeMinutes.push(minutesBetween(f.receivedAt, f.finishedAt));
    // A paid order's charge is pending, collected or waived ('none' only once voided, and voided ones are left out).
    if (!f.paid || f.chargeState === 'none') continue;
    charges.orders++;
    charges.billedFen += f.chargeTotalFen;
    c.billedFen += f.chargeTotalFen;
    charges[f.chargeState]++;
    charges[`${f.chargeState}Fen`] += f.chargeTotalFen;
  }

  const pickUpMinutes = repo.pickedUpBetween(ctx.db, startIso, endIso).map((p) => minutesBetween(p.fromAt, p.pickedUpAt));

  const rate = sourceRate(ctx, 'repair', b.from, b.to);
  const satisfaction = Object.fromEntries(SATISFACTION.map((s) => [s, 0])) as RepairStats['callbacks']['satisfaction'];
  let reached = 0;
  let reopened = 0;
  for (const a of sourceAnswers(ctx, 'repair', startIso, endIso)) {
    reached += a.n;
    if (a.satisfaction) satisfaction[a.satisfaction] += a.n;
    if (a.outcome === 'reopened') reopened += a.n;
  }

  return {
    month: input.month,
    from: b.from,
    to: b.to,
    partial: Date.parse(endIso) > ctx.clock.now().getTime(),
    asOf: ctx.nowIso(),
    received,
    byCategory: [...cats.values()],
    charges,
    pickUp: durations(pickUpMinutes),
    complete: durations(completeMinutes),
    callbacks: { ...rate, reached, satisfaction, reopened },
  };
}

/** The orders received in the month, for the export's list (voided ones too, with their state). */
export function monthOrders(ctx: ServiceCtx, month: string): repo.MonthOrderRow[] {
  const b = checkedMonth(ctx, month);
  return repo.ordersReceivedBetween(ctx.db, b.startIso, b.endIso);
}

/** The month's statistics as an XLSX file in `lang`: 报修月度统计-2026-03.xlsx / repair-statistics-2026-03.xlsx. */
export async function exportStats(ctx: ServiceCtx, input: { month: string; lang: Language }): Promise<{ fileName: string; bytes: Buffer }> {
  const stats = monthStats(ctx, input);
  const bytes = await statsWorkbook(stats, monthOrders(ctx, input.month), input.lang, { siteName: ctx.settings().siteName, created: ctx.clock.now() });
  return { fileName: statsFileName(input.month, input.lang), bytes };
}
