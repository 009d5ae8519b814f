import type { repairsContract } from '../../../shared/workflows/repairs/contract';
import type { Handlers } from '../../host/handler';
import { printEndOfDay } from './print';
import * as repairs from './service';
import { exportStats, monthStats } from './stats';

export type RepairsChannel = keyof typeof repairsContract;

/** Repairs: each channel to its service call. */
export const repairsHandlers: Handlers<RepairsChannel> = {
  'repairs.list': (ctx, input) => repairs.listRepairs(ctx, input),
  'repairs.get': (ctx, input) => repairs.getRepair(ctx, input.id),
  'repairs.create': (ctx, input) => repairs.createRepair(ctx, input),
  'repairs.dispatch': (ctx, input) => repairs.dispatchRepair(ctx, input),
  'repairs.pickUp': (ctx, input) => repairs.pickUpRepair(ctx, input),
  'repairs.chase': (ctx, input) => repairs.chaseRepair(ctx, input),
  'repairs.complete': (ctx, input) => repairs.completeRepair(ctx, input),
  'repairs.collect': (ctx, input) => repairs.collectCharge(ctx, input),
  'repairs.waive': (ctx, input) => repairs.waiveCharge(ctx, input),
  'repairs.void': (ctx, input) => repairs.voidRepair(ctx, input),
  'repairs.endOfDay': (ctx, input) => repairs.endOfDay(ctx, input),
  'repairs.endOfDayPdf': async (ctx, input) => {
    const { bytes, count } = await printEndOfDay(ctx, input.date, input.lang);
    return { fileName: `repairs-open-${input.date}.pdf`, pdfBase64: bytes.toString('base64'), count };
  },

  'repairs.stats': (ctx, input) => monthStats(ctx, input),
  'repairs.statsExport': async (ctx, input) => {
    const file = await exportStats(ctx, input);
    // Who took the month's figures out (the list of orders in it names places): on the repairs' audit trail.
    ctx.audit('export', 'repair', null, null, { statistics: input.month, format: 'xlsx', lang: input.lang });
    return { fileName: file.fileName, base64: file.bytes.toString('base64') };
  },
};
