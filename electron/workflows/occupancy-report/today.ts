import type { ServiceCtx } from '../../host/context';
import { dueOnToday } from './service';

/** What the monthly report puts on Today: for the manager, last month's report due (from the 1st) or overdue (after the 3rd). */
export function occupancyReportToday(ctx: ServiceCtx) {
  return dueOnToday(ctx);
}
