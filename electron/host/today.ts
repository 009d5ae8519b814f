import { recentAudit } from '../../db/audit';
import { masterToday } from '../workflows/master/today';
import { slipsToday } from '../workflows/slips/today';
import { occupancyReportToday } from '../workflows/occupancy-report/today';
import { todayScheduleNotice } from '../services/schedule-notice';
import type { ServiceCtx } from './context';

/** Today: what each workflow contributes (each filters its items by the user's role), and the latest activity. */
export function today(ctx: ServiceCtx) {
  return { date: ctx.today(), slips: slipsToday(ctx), counts: masterToday(ctx), recent: recentAudit(ctx.db, 10), scheduleNotice: todayScheduleNotice(ctx), occupancyReport: occupancyReportToday(ctx) };
}
