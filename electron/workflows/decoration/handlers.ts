import type { decorationContract } from '../../../shared/workflows/decoration/contract';
import type { Handlers } from '../../host/handler';
import { exportLedger } from './ledger-export';
import * as s from './service';

export type DecorationChannel = keyof typeof decorationContract;

/** Decoration permits: each channel to its service call. */
export const decorationHandlers: Handlers<DecorationChannel> = {
  'decoration.list': (ctx, input) => s.listDecorations(ctx, input),
  'decoration.get': (ctx, input) => s.getDecoration(ctx, input.id),
  'decoration.create': (ctx, input) => s.createDecoration(ctx, input),
  'decoration.update': (ctx, input) => s.updateDecoration(ctx, input),
  'decoration.check': (ctx, input) => s.checkItem(ctx, input),
  'decoration.tellGov': (ctx, input) => s.tellGov(ctx, input),
  'decoration.pay': (ctx, input) => s.payFees(ctx, input),
  'decoration.submit': (ctx, input) => s.submitDecoration(ctx, input),
  'decoration.approve': (ctx, input) => s.approveDecoration(ctx, input),
  'decoration.reject': (ctx, input) => s.rejectDecoration(ctx, input),
  'decoration.protect': (ctx, input) => s.confirmProtection(ctx, input),
  'decoration.issuePermit': (ctx, input) => s.issuePermit(ctx, input),
  'decoration.addPass': (ctx, input) => s.addPass(ctx, input),
  'decoration.revokePass': (ctx, input) => s.revokePass(ctx, input),
  'decoration.patrol': (ctx, input) => s.logPatrol(ctx, input),
  'decoration.violation': (ctx, input) => s.recordViolation(ctx, input),
  'decoration.noticeCall': (ctx, input) => s.noticeCall(ctx, input),
  'decoration.noticeSigned': (ctx, input) => s.noticeSigned(ctx, input),
  'decoration.penalty': (ctx, input) => s.recordPenalty(ctx, input),
  'decoration.rectified': (ctx, input) => s.markRectified(ctx, input),
  'decoration.hotWork': (ctx, input) => s.approveHotWork(ctx, input),
  'decoration.requestInspection': (ctx, input) => s.requestInspection(ctx, input),
  'decoration.inspect': (ctx, input) => s.inspect(ctx, input),
  'decoration.closeProblem': (ctx, input) => s.closeProblem(ctx, input),
  'decoration.prepareRefund': (ctx, input) => s.prepareRefund(ctx, input),
  'decoration.payOut': (ctx, input) => s.payOut(ctx, input),
  'decoration.void': (ctx, input) => s.voidDecoration(ctx, input),
  'decoration.reveal': (ctx, input) => s.reveal(ctx, input),
  'passes.check': (ctx, input) => s.checkPass(ctx, input),
  'decoration.ledger': (ctx) => s.ledgerView(ctx),
  'decoration.ledgerExport': async (ctx, input) => {
    const file = await exportLedger(ctx, input.lang);
    // Who took the list of deposits (names and amounts) out of the app.
    ctx.audit('export', 'decoration', null, null, { ledger: file.fileName, lang: input.lang });
    return { fileName: file.fileName, base64: file.bytes.toString('base64') };
  },
};
