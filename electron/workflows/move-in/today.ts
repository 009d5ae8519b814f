import { q } from '../../../db/statements';
import { can } from '../../../shared/kernel/permissions';
import type { ServiceCtx } from '../../host/context';
import * as repo from './repo';
import { listMovingIns, listNotices, siteToday } from './service';
import { isOverdue } from '../../../shared/workflows/move-in/rules';

const LIMIT = 50;

/**
 * What move-in puts on Today, by role: the owners expected (imported notices dated today or before, not started),
 * the rectification items past their due date (the desk chases engineering), and the 入住知会单 not yet received
 * by every department (the desk, and the cashier who is one of them).
 */
export function moveInToday(ctx: ServiceCtx) {
  const role = ctx.user?.role;
  const today = siteToday(ctx);
  const desk = can(role, 'move-in.write');
  const waiting = desk ? listNotices(ctx, { offset: 0, limit: LIMIT, waiting: true }, today) : { rows: [], total: 0 };
  const overdue = desk ? repo.overdueRects(ctx.db, today, LIMIT) : [];
  const overdueTotal = desk ? (q(ctx.db, "SELECT COUNT(*) FROM move_in_rectifications r JOIN move_ins m ON m.id = r.move_in_id WHERE r.state = 'open' AND r.due_date < ? AND m.state != 'voided'").value<number>(today) ?? 0) : 0;
  const notices = desk || can(role, 'move-in.fees') ? listMovingIns(ctx, { offset: 0, limit: LIMIT, queue: 'notReceived' }).rows : [];
  return {
    waitingNotices: waiting.rows,
    waitingTotal: waiting.total,
    overdueRectifications: overdue.map((r) => ({
      id: r.id, moveInId: r.move_in_id, number: r.number, unitCode: r.unit_code, area: r.area, item: r.item, description: r.description, critical: r.critical === 1,
      ownerOpinion: r.owner_opinion, assignedTo: r.assigned_to, dueDate: r.due_date, state: r.state, fixedAt: r.fixed_at, fixedNote: r.fixed_note, acceptedAt: r.accepted_at,
      reopened: r.reopened, overdue: isOverdue({ state: r.state, dueDate: r.due_date }, today),
    })),
    overdueTotal,
    noticesNotReceived: notices,
  };
}
