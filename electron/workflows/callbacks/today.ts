import { can } from '../../../shared/kernel/permissions';
import type { ServiceCtx } from '../../host/context';
import { siteToday } from '../../kit/atomic';
import { callbacksDueBy } from './service';

const LIMIT = 50;

/** What the callback queue puts on Today: for those who make the calls, the callbacks due today or overdue (overdue first; escalated ones marked), and how many. */
export function callbacksToday(ctx: ServiceCtx) {
  if (!can(ctx.user?.role, 'callbacks.read')) return { due: [], dueTotal: 0 };
  const { rows, total } = callbacksDueBy(ctx, siteToday(ctx), LIMIT);
  return { due: rows, dueTotal: total };
}
