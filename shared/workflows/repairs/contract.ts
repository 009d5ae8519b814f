import { z } from 'zod';
import { voidInput, type ChannelDef } from '../../kernel/channel';
import { id, isoDate } from '../../kernel/validation';
import { pageOf } from '../../master/schema';
import {
  ChaseInputSchema,
  CollectInputSchema,
  CompleteInputSchema,
  DispatchInputSchema,
  PickUpInputSchema,
  RepairDetailSchema,
  RepairIntakeSchema,
  RepairListInputSchema,
  RepairRowSchema,
  RepairStatsSchema,
  StatsExportInputSchema,
  StatsInputSchema,
  WaiveInputSchema,
} from './schema';

/** Repairs (报修 / 维修派工); their callbacks are the callback queue's (shared/workflows/callbacks/contract.ts). */
export const repairsContract = {
  'repairs.list': { kind: 'read', input: RepairListInputSchema, output: pageOf(RepairRowSchema), permission: 'repairs.read' },
  'repairs.get': { kind: 'read', input: z.strictObject({ id }), output: RepairDetailSchema, permission: 'repairs.read' },
  'repairs.create': { kind: 'write', input: RepairIntakeSchema, output: RepairDetailSchema, permission: 'repairs.write' },
  'repairs.dispatch': { kind: 'write', input: DispatchInputSchema, output: RepairDetailSchema, permission: 'repairs.write' },
  'repairs.pickUp': { kind: 'write', input: PickUpInputSchema, output: RepairDetailSchema, permission: 'repairs.write' },
  'repairs.chase': { kind: 'write', input: ChaseInputSchema, output: RepairDetailSchema, permission: 'repairs.write' },
  'repairs.complete': { kind: 'write', input: CompleteInputSchema, output: RepairDetailSchema, permission: 'repairs.write' },
  'repairs.collect': { kind: 'write', input: CollectInputSchema, output: RepairDetailSchema, permission: 'repairs.fees' },
  'repairs.waive': { kind: 'write', input: WaiveInputSchema, output: RepairDetailSchema, permission: 'repairs.fees' },
  'repairs.void': { kind: 'write', input: voidInput, output: RepairDetailSchema, permission: 'repairs.void' },
  'repairs.endOfDay': { kind: 'read', input: z.strictObject({ date: isoDate }), output: z.object({ cutoff: z.string(), rows: z.array(RepairRowSchema) }), permission: 'repairs.read' },
  /** The end-of-day list as a printable A4 PDF (for pdf.print / file.save). */
  'repairs.endOfDayPdf': { kind: 'read',
    input: z.strictObject({ date: isoDate, lang: z.enum(['zh-CN', 'en']) }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), count: z.number() }),
    permission: 'repairs.read',
  },

  // The month's statistics are the desk's own monthly figures (procedure 十三: the desk totals the month's repair
  // charges; 第7篇: the callbacks are summed up monthly), aggregates without anyone's name or phone: everyone who
  // reads repairs may read them, the cashier for the charges too. The export is a write only for its audit row.
  'repairs.stats': { kind: 'read', input: StatsInputSchema, output: RepairStatsSchema, permission: 'repairs.read' },
  'repairs.statsExport': { kind: 'write', input: StatsExportInputSchema, output: z.object({ fileName: z.string(), base64: z.string() }), permission: 'repairs.read' },
} as const satisfies Record<string, ChannelDef>;
