import { text, type Tile } from '../../../shared/kernel/dashboard';
import type { ServiceCtx } from '../../host/context';
import { countQueues } from './service';

/** What release slips put on the manager's dashboard: today's exits, and how many slips wait in each queue. */
export function slipsTiles(ctx: ServiceCtx): Tile[] {
  const n = countQueues(ctx, new Date(`${ctx.today()}T00:00:00`).toISOString());
  return [
    { kind: 'stat', id: 'slips.exitedToday', title: 'dashboard.slipsExited.title', link: '/slips?state=exited', format: 'int', value: n.exited },
    {
      kind: 'breakdown',
      id: 'slips.waiting',
      title: 'dashboard.slipsWaiting.title',
      link: '/slips',
      parts: [
        { key: 'awaitingVerification', label: text('today.slipsAwaiting'), value: n.awaitingVerification, link: '/slips?state=awaiting_verification', tone: n.awaitingVerification ? 'warn' : undefined },
        { key: 'readyToIssue', label: text('today.slipsReady'), value: n.readyToIssue, link: '/slips?state=ready_to_issue' },
        { key: 'feesToConfirm', label: text('today.slipsFees'), value: n.feesToConfirm, link: '/slips?nature=moving_out', tone: n.feesToConfirm ? 'warn' : undefined },
      ],
    },
  ];
}
