import { text, type Tile } from '../../../shared/kernel/dashboard';
import type { ServiceCtx } from '../../host/context';
import * as repo from './repo';
import { ledgerView, siteToday } from './service';
import { approvalWarnUntil } from './today';

/** What decoration puts on the manager's dashboard: approvals near their deadline, the deposits held, the refunds due. */
export function decorationTiles(ctx: ServiceCtx): Tile[] {
  const today = siteToday(ctx);
  const warnUntil = approvalWarnUntil(ctx);
  const waiting = repo.awaitingApproval(ctx.db, 500);
  const near = waiting.filter((r) => (r.approval_due ?? '').slice(0, 10) <= warnUntil).length;
  const late = waiting.filter((r) => (r.approval_due ?? '9999').slice(0, 10) < today).length;
  const v = ledgerView(ctx, 500);
  return [
    {
      kind: 'breakdown',
      id: 'decoration.approvals',
      title: 'dashboard.decorationApprovals.title',
      link: '/decoration?queue=awaitingApproval',
      parts: [
        { key: 'waiting', label: text('dashboard.decorationApprovals.waiting'), value: waiting.length, link: '/decoration?queue=awaitingApproval' },
        { key: 'near', label: text('dashboard.decorationApprovals.near'), value: near, link: '/decoration?queue=awaitingApproval', tone: near ? 'warn' : undefined },
        { key: 'late', label: text('dashboard.decorationApprovals.late'), value: late, link: '/decoration?queue=awaitingApproval', tone: late ? 'bad' : undefined },
      ],
    },
    { kind: 'stat', id: 'decoration.depositsHeld', title: 'dashboard.depositsHeld.title', link: '/decoration/ledger', format: 'fen', value: v.held.fen, note: text('dashboard.depositsHeld.note', { count: v.held.count }) },
    {
      kind: 'breakdown',
      id: 'decoration.refunds',
      title: 'dashboard.decorationRefunds.title',
      link: '/decoration?queue=refundDue',
      parts: [
        { key: 'due', label: text('dashboard.decorationRefunds.due'), value: v.refundsDue.length, link: '/decoration?queue=refundDue' },
        { key: 'overdue', label: text('dashboard.decorationRefunds.overdue'), value: v.refundsOverdue.length, link: '/decoration?queue=refundOverdue', tone: v.refundsOverdue.length ? 'bad' : undefined },
      ],
    },
  ];
}
