import { q } from '../../../db/statements';
import type { ServiceCtx } from '../../host/context';
import { countCurrentStates } from './repo';

/** What master data puts on Today: how many buildings, units and people, and the units by state today. */
export function masterToday(ctx: ServiceCtx) {
  return {
    buildings: q(ctx.db, 'SELECT count(*) FROM buildings WHERE voided_at IS NULL').value<number>() ?? 0,
    units: q(ctx.db, 'SELECT count(*) FROM units WHERE voided_at IS NULL').value<number>() ?? 0,
    people: q(ctx.db, 'SELECT count(*) FROM people WHERE voided_at IS NULL').value<number>() ?? 0,
    byState: countCurrentStates(ctx.db),
  };
}
