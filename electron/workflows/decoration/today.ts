import { addCalendarDays, addWorkingDays } from '../../../shared/kernel/deadlines';
import { can } from '../../../shared/kernel/permissions';
import type { ServiceCtx } from '../../host/context';
import * as repo from './repo';
import { siteToday } from './service';
import type { DecorationRow } from '../../../shared/workflows/decoration/schema';

const LIMIT = 50;

const row = (r: repo.RowDb): DecorationRow => ({
  id: r.id, number: r.number, state: r.state, unitId: r.unit_id, unitCode: r.unit_code, use: r.unit_use, applicantName: r.applicant_name,
  contractor: r.self_decoration ? null : r.contractor_company, workFrom: r.work_from, workTo: r.work_to, approvalDue: r.approval_due,
  refundDue: r.refund_due, depositHeldFen: r.held_fen, lastPatrol: r.last_patrol_date, createdAt: r.created_at,
});

/** The last day that counts as "near" an approval deadline: today plus the warning's working days (settings). */
export function approvalWarnUntil(ctx: ServiceCtx): string {
  return addWorkingDays(siteToday(ctx), ctx.settings().decorationApprovalWarnDays, ctx.deadlines().overrides);
}

/**
 * What decoration puts on Today, by role: approvals near or past their deadline (the desk follows them, the
 * manager approves), permits with no patrol today (the desk), refunds due this week and overdue (desk and cashier).
 */
export function decorationToday(ctx: ServiceCtx) {
  const role = ctx.user?.role;
  const today = siteToday(ctx);
  const warnUntil = approvalWarnUntil(ctx);
  const approvals = can(role, 'decoration.write') || can(role, 'decoration.approve') ? repo.awaitingApproval(ctx.db, LIMIT).map(row).filter((r) => (r.approvalDue ?? '').slice(0, 10) <= warnUntil) : [];
  const noPatrol = can(role, 'decoration.write') ? repo.noPatrolOn(ctx.db, today, LIMIT).map(row) : [];
  const refunds = can(role, 'decoration.write') || can(role, 'decoration.fees') ? repo.refundsDueBy(ctx.db, addCalendarDays(today, ctx.settings().decorationRefundAheadDays), LIMIT).map(row) : [];
  return { today, approvalsNearDeadline: approvals, noPatrolToday: noPatrol, refundsDue: refunds };
}
