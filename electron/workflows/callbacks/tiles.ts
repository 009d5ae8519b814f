import { text, type Tile, type Tone } from '../../../shared/kernel/dashboard';
import { addCalendarDays } from '../../../shared/kernel/deadlines';
import { firstDayOf, lastDayOf, mondayOf, monthOf, previousMonth } from '../../../shared/kernel/months';
import type { Rate } from '../../../shared/workflows/callbacks/rules';
import type { ServiceCtx } from '../../host/context';
import { siteToday } from '../../kit/atomic';
import { monthRate, rateBetween } from './service';

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
 * What the callback queue puts on the manager's dashboard: the callback rate (done on time ÷ due; target 100 %)
 * today, this week and this month — last month's as frozen when it closed beside it. (The tile ids keep their
 * first home's prefix, repairs., as the dashboard has always named them.)
 */
export function callbacksTiles(ctx: ServiceCtx): Tile[] {
  const today = siteToday(ctx);
  const month = monthOf(today);
  const lastMonth = monthRate(ctx, previousMonth(month));
  return [
    rateTile('repairs.callbackRateToday', 'dashboard.callbackRate.today', rateBetween(ctx, { from: today, to: today })),
    rateTile('repairs.callbackRateWeek', 'dashboard.callbackRate.week', rateBetween(ctx, { from: mondayOf(today), to: addCalendarDays(mondayOf(today), 6) })),
    rateTile('repairs.callbackRateMonth', 'dashboard.callbackRate.month', rateBetween(ctx, { from: firstDayOf(month), to: lastDayOf(month) }), {
      previous: lastMonth.basisPoints,
      previousLabel: text(lastMonth.frozen ? 'dashboard.callbackRate.lastMonthFrozen' : 'dashboard.callbackRate.lastMonth'),
    }),
  ];
}
