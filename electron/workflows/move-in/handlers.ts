import type { moveInContract } from '../../../shared/workflows/move-in/contract';
import type { Handlers } from '../../host/handler';
import { commitNotices, previewNotices } from './notices';
import { printRegister } from './print';
import * as s from './service';

export type MoveInChannel = keyof typeof moveInContract;

/** Move-in and moving in: each channel to its service call. */
export const moveInHandlers: Handlers<MoveInChannel> = {
  'moveIn.list': (ctx, input) => s.listMoveIns(ctx, input),
  'moveIn.get': (ctx, input) => s.getMoveIn(ctx, input.id),
  'moveIn.create': (ctx, input) => s.createMoveIn(ctx, input),
  'moveIn.identity': (ctx, input) => s.identity(ctx, input),
  'moveIn.overrideFee': (ctx, input) => s.overrideFee(ctx, input),
  'moveIn.confirmFees': (ctx, input) => s.confirmFees(ctx, input),
  'moveIn.copies': (ctx, input) => s.copies(ctx, input),
  'moveIn.archive': (ctx, input) => s.archive(ctx, input),
  'moveIn.keys': (ctx, input) => s.keys(ctx, input),
  'moveIn.inspect': (ctx, input) => s.inspect(ctx, input),
  'moveIn.handover': (ctx, input) => s.handover(ctx, input),
  'moveIn.void': (ctx, input) => s.voidMoveIn(ctx, input),
  'moveIn.rectifications': (ctx, input) => s.listRectifications(ctx, input),
  'moveIn.rectFixed': (ctx, input) => s.rectFixed(ctx, input),
  'moveIn.rectAccepted': (ctx, input) => s.rectAccepted(ctx, input),
  'moveIn.rectReopen': (ctx, input) => s.rectReopen(ctx, input),
  'moveIn.register': (ctx, input) => s.register(ctx, input),
  'moveIn.printRegister': async (ctx, input) => {
    const { bytes, count } = await printRegister(ctx, { buildingId: input.buildingId, batchId: input.batchId }, input.lang ?? 'zh-CN');
    return { fileName: `move-in-register-${s.siteToday(ctx)}.pdf`, pdfBase64: bytes.toString('base64'), count };
  },
  'moveIn.importPreview': (ctx, input) => previewNotices(ctx, input),
  'moveIn.importCommit': (ctx, input) => commitNotices(ctx, input),
  'moveIn.notices': (ctx, input) => s.listNotices(ctx, input),
  'moveIn.batches': (ctx) => s.listBatches(ctx),
  'movingIn.list': (ctx, input) => s.listMovingIns(ctx, input),
  'movingIn.get': (ctx, input) => s.getMovingIn(ctx, input.id),
  'movingIn.create': (ctx, input) => s.createMovingIn(ctx, input),
  'movingIn.receipt': (ctx, input) => s.movingInReceipt(ctx, input),
  'movingIn.void': (ctx, input) => s.voidMovingIn(ctx, input),
};
