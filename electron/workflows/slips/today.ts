import type { ServiceCtx } from '../../host/context';
import { exitedSince, listSlips, slipsWaiting } from './service';

/**
 * What release slips put on Today: waiting for a verification call, ready to issue (a moving-out slip only
 * once its fees are confirmed), fees for the cashier to confirm, out through the gate today.
 */
export function slipsToday(ctx: ServiceCtx) {
  return {
    awaitingVerification: listSlips(ctx, { state: 'awaiting_verification', offset: 0, limit: 50 }).rows,
    readyToIssue: slipsWaiting(ctx, 'ready', 50),
    feesToConfirm: slipsWaiting(ctx, 'fees', 50),
    exitedToday: exitedSince(ctx, new Date(`${ctx.today()}T00:00:00`).toISOString(), 100),
  };
}
