import type { ServiceCtx } from '../../host/context';
import { exitedSince, listSlips } from './service';

/** What release slips put on Today: waiting for a verification call, ready to issue, out through the gate today. */
export function slipsToday(ctx: ServiceCtx) {
  const slipsIn = (state: 'awaiting_verification' | 'ready_to_issue') => listSlips(ctx, { state, offset: 0, limit: 50 }).rows;
  return {
    awaitingVerification: slipsIn('awaiting_verification'),
    readyToIssue: slipsIn('ready_to_issue'),
    exitedToday: exitedSince(ctx, new Date(`${ctx.today()}T00:00:00`).toISOString(), 100),
  };
}
