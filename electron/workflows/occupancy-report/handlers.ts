import type { occupancyReportContract } from '../../../shared/workflows/occupancy-report/contract';
import type { Handlers } from '../../host/handler';
import { exportReport } from './export';
import * as report from './service';

export type OccupancyReportChannel = keyof typeof occupancyReportContract;

/** The monthly occupancy report: each channel to its service call. */
export const occupancyReportHandlers: Handlers<OccupancyReportChannel> = {
  'occupancyReport.get': (ctx, input) => report.getReport(ctx, input),
  'occupancyReport.draft': (ctx, input) => report.draftOn(ctx, input.date),
  'occupancyReport.units': (ctx, input) => report.unitsOf(ctx, input),
  'occupancyReport.accept': (ctx, input) => report.acceptWarning(ctx, input),
  'occupancyReport.finalise': (ctx, input) => report.finalise(ctx, input),
  'occupancyReport.revise': (ctx, input) => report.revise(ctx, input),
  'occupancyReport.export': async (ctx, input) => {
    const file = await exportReport(ctx, input);
    ctx.audit('export', 'occupancy-report', null, null, { month: input.month, format: input.format, version: file.version ?? 'draft' });
    return { fileName: file.fileName, base64: file.bytes.toString('base64'), finalised: file.finalised, version: file.version };
  },
};
