import { can } from '../../../shared/kernel/permissions';
import type { ServiceCtx } from '../../host/context';
import * as repo from './repo';
import { endOfDayCutoff, overduePickups, repairRows, siteToday } from './service';

const LIMIT = 50;

/**
 * What repairs put on Today, by role: for the desk, the orders not picked up in time (chase engineering); for
 * the cashier, the paid orders whose charge is still to collect; for the supervisor, after the end of the day,
 * the orders still open. (The callbacks due are the callback queue's: ../callbacks/today.ts.)
 */
export function repairsToday(ctx: ServiceCtx) {
  const role = ctx.user?.role;
  const today = siteToday(ctx);
  const cutoff = endOfDayCutoff(ctx, today);
  const pastEndOfDay = can(role, 'repairs.void') && Date.parse(ctx.nowIso()) >= Date.parse(cutoff);
  return {
    notPickedUp: can(role, 'repairs.write') ? overduePickups(ctx, LIMIT) : [],
    chargesToCollect: can(role, 'repairs.fees') ? repairRows(ctx, repo.chargesPending(ctx.db, LIMIT)) : [],
    /** For the supervisor once the day's end (a setting) has passed: how many orders are not returned or not finished. */
    endOfDay: pastEndOfDay ? { cutoff, open: repo.openBeforeCount(ctx.db, cutoff) } : null,
  };
}
