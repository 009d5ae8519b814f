import { text, type Tile, type Tone } from '../../../shared/kernel/dashboard';
import { firstDayOf, lastDayOf, mondayOf, monthOf, previousMonth } from '../../../shared/kernel/months';
import { addCalendarDays } from '../../../shared/kernel/deadlines';
import type { Rate } from '../../../shared/workflows/repairs/rules';
import type { ServiceCtx } from '../../host/context';
import * as repo from './repo';
import { monthRate, overduePickups, rateBetween, siteToday } from './service';

/** The target is 100 %: anything less is a warning, nothing due is neutral. */
const toneOf = (r: Rate): Tone => (r.basisPoints === null ? 'neutral' : r.basisPoints >= 10_000 ? 'ok' : r.basisPoints >= 9_000 ? 'warn' : 'bad');

const rateTile = (id: string, title: string, r: Rate, extra: Partial<Extract<Tile, { kind: 'stat' }>> = {}): Tile => ({
  kind: 'stat',
  id,
  title,
  link: '/callbacks',
  format: 'bp',
  value: r.basisPoints,
  tone: toneOf(r),
  note: text('dashboard.callbackRate.note', { due: r.due, onTime: r.onTime }),
  ...extra,
});

/**
 * What repairs put on the manager's dashboard: the callback rate (done on time ÷ due; target 100 %) today,
 * this week and this month — last month's as frozen when it closed beside it — and the repairs open, not
 * picked up, overdue for pick-up, with the callbacks overdue.
 */
export function repairsTiles(ctx: ServiceCtx): Tile[] {
  const today = siteToday(ctx);
  const month = monthOf(today);
  const lastMonth = monthRate(ctx, previousMonth(month));
  const open = new Map(repo.openCounts(ctx.db).map((r) => [r.state, r.n]));
  const notPickedUp = (open.get('received') ?? 0) + (open.get('dispatched') ?? 0) + (open.get('reopened') ?? 0);
  const overdue = overduePickups(ctx, 1000).length;
  const callbacksOverdue = repo.overdueCallbackCount(ctx.db, today);
  return [
    rateTile('repairs.callbackRateToday', 'dashboard.callbackRate.today', rateBetween(ctx, { from: today, to: today })),
    rateTile('repairs.callbackRateWeek', 'dashboard.callbackRate.week', rateBetween(ctx, { from: mondayOf(today), to: addCalendarDays(mondayOf(today), 6) })),
    rateTile('repairs.callbackRateMonth', 'dashboard.callbackRate.month', rateBetween(ctx, { from: firstDayOf(month), to: lastDayOf(month) }), {
      previous: lastMonth.basisPoints,
      previousLabel: text(lastMonth.frozen ? 'dashboard.callbackRate.lastMonthFrozen' : 'dashboard.callbackRate.lastMonth'),
    }),
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
