import { z } from 'zod';
import type { ChannelDef } from '../../kernel/channel';
import { pageOf } from '../../master/schema';
import {
  AcceptInputSchema,
  DraftInputSchema,
  ExportInputSchema,
  FinaliseInputSchema,
  OccupancyReportSchema,
  ReportInputSchema,
  ReportUnitSchema,
  ReviseInputSchema,
  UnitsInputSchema,
  WarningSchema,
} from './schema';

/**
 * The monthly occupancy report (月度物业动态信息表). Everyone at the desk may read it (the building stewards
 * prepare it; copies go to security and the cashier); a supervisor or the manager may accept a warning;
 * only the project manager finalises and revises (PRODUCT.md "Who uses it").
 */
export const occupancyReportContract = {
  'occupancyReport.get': { kind: 'read', input: ReportInputSchema, output: OccupancyReportSchema, permission: 'occupancyReport.read' },
  'occupancyReport.draft': { kind: 'read', input: DraftInputSchema, output: OccupancyReportSchema, permission: 'occupancyReport.read' },
  'occupancyReport.units': { kind: 'read', input: UnitsInputSchema, output: pageOf(ReportUnitSchema), permission: 'occupancyReport.read' },
  'occupancyReport.accept': { kind: 'write', input: AcceptInputSchema, output: z.array(WarningSchema), permission: 'occupancyReport.accept' },
  'occupancyReport.finalise': { kind: 'write', input: FinaliseInputSchema, output: OccupancyReportSchema, permission: 'occupancyReport.finalise' },
  'occupancyReport.revise': { kind: 'write', input: ReviseInputSchema, output: OccupancyReportSchema, permission: 'occupancyReport.finalise' },
  // The month's file (the latest finalised version, else the draft): a write only for its audit row (who took it out).
  'occupancyReport.export': { kind: 'write',
    input: ExportInputSchema,
    output: z.object({ fileName: z.string(), base64: z.string(), finalised: z.boolean(), version: z.string().nullable() }),
    permission: 'occupancyReport.read',
  },
} as const satisfies Record<string, ChannelDef>;
