import type { occupancyReportContract } from '../../../shared/workflows/occupancy-report/contract';
import type { Handlers } from '../../host/handler';
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
};
