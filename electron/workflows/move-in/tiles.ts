import { q } from '../../../db/statements';
import { text, type Tile } from '../../../shared/kernel/dashboard';
import type { ServiceCtx } from '../../host/context';
import * as repo from './repo';
import { siteToday } from './service';

/**
 * What move-in puts on the manager's dashboard: the handover progress, and the rectification items (open, overdue,
 * awaiting the owner) — exact counts. Only on a site with a handover under way (a move-in record or an imported
 * notice): a site whose units were all handed over years ago is not shown two tiles of zeros.
 */
export function moveInTiles(ctx: ServiceCtx): Tile[] {
  if (!q(ctx.db, 'SELECT EXISTS (SELECT 1 FROM move_ins) OR EXISTS (SELECT 1 FROM move_in_notices)').value<number>()) return [];
  const p = repo.progressCounts(ctx.db);
  // Notices exist only for committed batches (the commit writes them).
  const waiting = repo.waitingCount(ctx.db);
  const r = repo.rectCounts(ctx.db, siteToday(ctx));
  return [
    {
      kind: 'breakdown',
      id: 'moveIn.progress',
      title: 'movein.tile.progress.title',
      link: '/move-in',
      parts: [
        { key: 'handedOver', label: text('movein.tile.progress.handedOver'), value: p.handed, link: '/move-in?queue=handedOver', tone: 'ok' },
        { key: 'inProgress', label: text('movein.tile.progress.inProgress'), value: p.open, link: '/move-in?queue=open' },
        { key: 'notHandedOver', label: text('movein.tile.progress.notHandedOver'), value: p.notHanded, link: '/move-in?queue=notHandedOver', tone: p.notHanded ? 'warn' : undefined },
        { key: 'waiting', label: text('movein.tile.progress.waiting'), value: waiting, link: '/move-in/notices' },
      ],
    },
    {
      kind: 'breakdown',
      id: 'moveIn.rectifications',
      title: 'movein.tile.rectifications.title',
      link: '/move-in/rectifications',
      parts: [
        { key: 'open', label: text('movein.tile.rectifications.open'), value: r.open, link: '/move-in/rectifications?queue=open' },
        { key: 'overdue', label: text('movein.tile.rectifications.overdue'), value: r.overdue, link: '/move-in/rectifications?queue=overdue', tone: r.overdue ? 'bad' : undefined },
        { key: 'fixed', label: text('movein.tile.rectifications.fixed'), value: r.fixed, link: '/move-in/rectifications?queue=fixed' },
      ],
    },
  ];
}
