import { scheduleNotice } from '../../shared/kernel/deadlines';
import { can } from '../../shared/kernel/permissions';
import type { ServiceCtx } from '../host/context';

/**
 * Today's notice that a year's official holiday schedule is not in the data (convention 13): from
 * 1 December for next year (the State Council publishes it in November or December), or all year for
 * the current one. Only for whoever can fix it in Settings — the project manager — and gone once the
 * year is in the data (an app update) or the manager confirmed having entered it by hand.
 */
export function todayScheduleNotice(ctx: ServiceCtx): { year: number } | null {
  if (!can(ctx.user?.role, 'settings.write')) return null;
  const notice = scheduleNotice(ctx.today(), ctx.settings().calendarOverrides);
  return notice ? { year: notice.year } : null;
}
