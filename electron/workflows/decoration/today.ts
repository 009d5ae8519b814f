import { addCalendarDays, addWorkingDays } from '../../../shared/kernel/deadlines';
import { can } from '../../../shared/kernel/permissions';
import type { ServiceCtx } from '../../host/context';
import * as repo from './repo';
import { siteToday, toRow as row } from './service';

const LIMIT = 50;


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
