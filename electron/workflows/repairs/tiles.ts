import { text, type Tile } from '../../../shared/kernel/dashboard';
import type { ServiceCtx } from '../../host/context';
import { overdueCallbackCount } from '../callbacks/service';
import * as repo from './repo';
import { listRepairs } from './service';

/**
 * What repairs put on the manager's dashboard (after the callback rate, ../callbacks/tiles.ts): the repairs open,
 * not picked up, overdue for pick-up, with the callbacks overdue.
 */
export function repairsTiles(ctx: ServiceCtx): Tile[] {
  const open = new Map(repo.openCounts(ctx.db).map((r) => [r.state, r.n]));
  const notPickedUp = (open.get('received') ?? 0) + (open.get('dispatched') ?? 0) + (open.get('reopened') ?? 0);
  // Counted by the list's own overdue queue (the one the figure links to), not by reading the waiting orders again.
  const overdue = listRepairs(ctx, { offset: 0, limit: 1, queue: 'overdue' }).total;
  const callbacksOverdue = overdueCallbackCount(ctx);
  return [
    {
      kind: 'breakdown',
      id: 'repairs.open',
      title: 'dashboard.repairsOpen.title',
      link: '/repairs',
      parts: [
        { key: 'open', label: text('dashboard.repairsOpen.open'), value: notPickedUp + (open.get('picked_up') ?? 0), link: '/repairs?queue=open' },
        { key: 'notPickedUp', label: text('dashboard.repairsOpen.notPickedUp'), value: notPickedUp, link: '/repairs?queue=notPickedUp' },
        { key: 'overdue', label: text('dashboard.repairsOpen.overdue'), value: overdue, link: '/repairs?queue=overdue', tone: overdue ? 'bad' : undefined },
        { key: 'callbacksOverdue', label: text('dashboard.repairsOpen.callbacksOverdue'), value: callbacksOverdue, link: '/callbacks', tone: callbacksOverdue ? 'warn' : undefined },
      ],
    },
  ];
}
