import { localWallClock } from '../../../shared/kernel/deadlines';
import { can } from '../../../shared/kernel/permissions';
import type { ServiceCtx } from '../../host/context';
import { callbacksDueBy } from './service';

const LIMIT = 50;

/** What the callback queue puts on Today: for those who make the calls, the callbacks due today or overdue (overdue first; escalated ones marked), and how many. */
export function callbacksToday(ctx: ServiceCtx) {
  if (!can(ctx.user?.role, 'callbacks.read')) return { due: [], dueTotal: 0 };
  const { rows, total } = callbacksDueBy(ctx, localWallClock(ctx.clock.now()).slice(0, 10), LIMIT);
  return { due: rows, dueTotal: total };
}
