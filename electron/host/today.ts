import { recentAudit } from '../../db/audit';
import type { Tile } from '../../shared/kernel/dashboard';
import { can } from '../../shared/kernel/permissions';
import { safetyTiles, type SafetyState } from '../backup/tiles';
import { masterToday } from '../workflows/master/today';
import { masterTiles } from '../workflows/master/tiles';
import { slipsToday } from '../workflows/slips/today';
import { slipsTiles } from '../workflows/slips/tiles';
import { occupancyReportToday } from '../workflows/occupancy-report/today';
import { occupancyReportTiles } from '../workflows/occupancy-report/tiles';
import { repairsToday } from '../workflows/repairs/today';
import { repairsTiles } from '../workflows/repairs/tiles';
import { callbacksToday } from '../workflows/callbacks/today';
import { callbacksTiles } from '../workflows/callbacks/tiles';
import { decorationToday } from '../workflows/decoration/today';
import { decorationTiles } from '../workflows/decoration/tiles';
import { moveInToday } from '../workflows/move-in/today';
import { moveInTiles } from '../workflows/move-in/tiles';
import { todayScheduleNotice } from '../services/schedule-notice';
import type { ServiceCtx } from './context';

/**
 * The manager's dashboard, in a fixed order: occupancy now (by state, the rate over a year, last month's report),
 * release slips, the callback rate and the repairs, then the safety of the data. A workflow adds its tiles with one line here.
 */
function dashboardTiles(ctx: ServiceCtx, safety: () => SafetyState): Tile[] {
  if (!can(ctx.user?.role, 'dashboard.read')) return [];
  return [...masterTiles(ctx), ...occupancyReportTiles(ctx), ...slipsTiles(ctx), ...callbacksTiles(ctx), ...repairsTiles(ctx), ...decorationTiles(ctx), ...moveInTiles(ctx), ...safetyTiles(ctx.clock.now(), safety())];
}

/** Today: what each workflow contributes (each filters its items by the user's role), the latest activity, and for the manager the dashboard's tiles. */
export function today(ctx: ServiceCtx, safety: () => SafetyState) {
  return {
    date: ctx.today(),
    slips: slipsToday(ctx),
    counts: masterToday(ctx),
    recent: recentAudit(ctx.db, 10),
    scheduleNotice: todayScheduleNotice(ctx),
    occupancyReport: occupancyReportToday(ctx),
    repairs: repairsToday(ctx),
    callbacks: callbacksToday(ctx),
    decoration: decorationToday(ctx),
    moveIn: moveInToday(ctx),
    tiles: dashboardTiles(ctx, safety),
  };
}
