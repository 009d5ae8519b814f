import type { slipsContract } from '../../../shared/workflows/slips/contract';
import type { Handlers } from '../../host/handler';
import { printSlip } from './print';
import * as slips from './service';

export type SlipChannel = keyof typeof slipsContract;

/** Release slips and the gate: each channel to its service call. */
export const slipHandlers: Handlers<SlipChannel> = {
  'slips.list': (ctx, input) => slips.listSlips(ctx, input),
  'slips.get': (ctx, input) => slips.getSlip(ctx, input.id),
  'slips.create': (ctx, input) => slips.createSlip(ctx, input),
  'slips.update': (ctx, input) => slips.updateSlip(ctx, input),
  'slips.submit': (ctx, input) => slips.submitSlip(ctx, input.id),
  'slips.recordCall': (ctx, input) => slips.recordCall(ctx, input),
  'slips.confirmFees': (ctx, input) => slips.confirmFees(ctx, input),
  'slips.issue': (ctx, input) => slips.issueSlip(ctx, input),
  'slips.refuse': (ctx, input) => slips.refuseSlip(ctx, input),
  'slips.void': (ctx, input) => slips.voidSlip(ctx, input),
  'slips.print': async (ctx, input) => {
    const { bytes, copy, number } = await printSlip(ctx, input.id, input.lang);
    return { fileName: `${number}${copy ? '-copy' : ''}.pdf`, pdfBase64: bytes.toString('base64'), copy };
  },
  'gate.lookup': (ctx, input) => slips.gateLookup(ctx, input),
  'gate.exit': (ctx, input) => slips.exitSlip(ctx, input),
};
