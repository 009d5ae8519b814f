import { text, type BreakdownTile, type Tile } from '../../../shared/kernel/dashboard';
import { OCCUPANCY_STATES } from '../../../shared/master/enums';
import type { ServiceCtx } from '../../host/context';
import { closedMonthEnds } from '../occupancy-report/service';
import { countCurrentStates } from './repo';

/** What master data puts on the manager's dashboard: the units by state now, each with its change since last month's end. */
export function masterTiles(ctx: ServiceCtx): Tile[] {
  const now = countCurrentStates(ctx.db);
  const [end] = closedMonthEnds(ctx, 1);
  const parts: BreakdownTile['parts'] = OCCUPANCY_STATES.map((s) => ({
    key: s,
    label: text(`enum.state.${s}`),
    value: now[s] ?? 0,
    change: end.totals ? (now[s] ?? 0) - (end.totals[s] ?? 0) : null,
    link: `/units?state=${s}`,
  }));
  // Units with no state yet (never set, never imported with one): counted, with no list of their own.
  if (now.unknown) parts.push({ key: 'unknown', label: text('enum.state.unknown'), value: now.unknown, change: null, link: '/units' });
  return [{ kind: 'breakdown', id: 'occupancy.byState', title: 'dashboard.byState.title', link: '/units', parts, changeLabel: text('dashboard.byState.change', { date: end.date }), empty: text('dashboard.empty') }];
}
