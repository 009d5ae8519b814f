import { addCalendarDays } from '../../../shared/kernel/deadlines';
import { text, type Tile } from '../../../shared/kernel/dashboard';
import type { ServiceCtx } from '../../host/context';
import * as repo from './repo';
import { siteToday } from './service';
import { approvalWarnUntil } from './today';

/** What decoration puts on the manager's dashboard: approvals near their deadline, the deposits held, the refunds due — each an exact count. */
export function decorationTiles(ctx: ServiceCtx): Tile[] {
  const today = siteToday(ctx);
  const a = repo.approvalCounts(ctx.db, approvalWarnUntil(ctx), today);
  const r = repo.refundCounts(ctx.db, today, addCalendarDays(today, ctx.settings().decorationRefundAheadDays));
  const held = repo.heldTotal(ctx.db);
  return [
    {
      kind: 'breakdown',
      id: 'decoration.approvals',
      title: 'dashboard.decorationApprovals.title',
      link: '/decoration?queue=awaitingApproval',
      parts: [
        { key: 'waiting', label: text('dashboard.decorationApprovals.waiting'), value: a.waiting, link: '/decoration?queue=awaitingApproval' },
        { key: 'near', label: text('dashboard.decorationApprovals.near'), value: a.near, link: '/decoration?queue=awaitingApproval', tone: a.near ? 'warn' : undefined },
        { key: 'late', label: text('dashboard.decorationApprovals.late'), value: a.late, link: '/decoration?queue=awaitingApproval', tone: a.late ? 'bad' : undefined },
      ],
    },
    { kind: 'stat', id: 'decoration.depositsHeld', title: 'dashboard.depositsHeld.title', link: '/decoration/ledger', format: 'fen', value: held.fen, note: text('dashboard.depositsHeld.note', { count: held.count }) },
    {
      kind: 'breakdown',
      id: 'decoration.refunds',
      title: 'dashboard.decorationRefunds.title',
      link: '/decoration?queue=refundDue',
      parts: [
        { key: 'due', label: text('dashboard.decorationRefunds.due'), value: r.due, link: '/decoration?queue=refundDue' },
        { key: 'overdue', label: text('dashboard.decorationRefunds.overdue'), value: r.overdue, link: '/decoration?queue=refundOverdue', tone: r.overdue ? 'bad' : undefined },
      ],
    },
  ];
}
