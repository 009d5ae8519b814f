import { z } from 'zod';
import { paging } from '../../kernel/channel';
import { TimelineEntrySchema } from '../../kernel/records';
import { id, isoDate, requiredText } from '../../kernel/validation';
import { OccupancyStateSchema } from '../../master/enums';
import { FIGURES, isMonth, WARNING_KINDS, type Figures } from './rules';

export const MonthSchema = z.string().refine(isMonth, { message: 'report.v.month' });

const count = z.number().int();
export const FiguresSchema = z.object({
  units: count,
  handedOver: count,
  notHandedOver: count,
  ownerOccupied: count,
  officeInUse: count,
  rented: count,
  vacant: count,
  underDecoration: count,
  moveIns: count,
  movingIns: count,
  moveOuts: count,
  decorationsStarted: count,
  decorationsCompleted: count,
  noHistory: count,
  occupancyRateBp: z.number().int().nullable(),
}) satisfies z.ZodType<Figures>;

export const BuildingFiguresSchema = z.object({ buildingId: z.string(), code: z.string(), name: z.string(), figures: FiguresSchema });
export type BuildingFigures = z.infer<typeof BuildingFiguresSchema>;

export const WarningKindSchema = z.enum(WARNING_KINDS);
export const WarningSchema = z.object({
  kind: WarningKindSchema,
  /** The unit (rentedWithoutTenancy) or building (doesNotAddUp, noHistory) it is about. */
  subjectId: z.string(),
  subject: z.string(),
  count: z.number().int(),
  acceptable: z.boolean(),
  accepted: z.object({ by: z.string().nullable(), at: z.string(), reason: z.string() }).nullable(),
});
export type Warning = z.infer<typeof WarningSchema>;

export const ChangedUnitSchema = z.object({
  unitId: z.string(),
  code: z.string(),
  /** The state at month end in the snapshot, and now. */
  was: OccupancyStateSchema.nullable(),
  now: OccupancyStateSchema.nullable(),
  /** The month's movements changed (a late move-out inside the month), even if the month-end state did not. */
  movementsChanged: z.boolean(),
});

export const SnapshotInfoSchema = z.object({
  id: z.string(),
  number: z.string(),
  revision: z.number().int(),
  reason: z.string().nullable(),
  finalisedAt: z.string(),
  finalisedBy: z.string().nullable(),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfoSchema>;

/** The report of a month (or a draft as of any date): per building and in total. */
export const OccupancyReportSchema = z.object({
  /** The month, and the day the states are as of (its last day; a draft for a date: that date). */
  month: z.string(),
  from: z.string(),
  asOf: z.string(),
  kind: z.enum(['draft', 'final']),
  /** The snapshot shown (kind final), null for a draft. */
  snapshot: SnapshotInfoSchema.nullable(),
  /** Every snapshot of the month, the original first. */
  revisions: z.array(SnapshotInfoSchema),
  buildings: z.array(BuildingFiguresSchema),
  total: FiguresSchema,
  warnings: z.array(WarningSchema),
  /** A final report: units whose figures changed since it was finalised (history recorded later, dated in or before the month). */
  changedSinceFinal: z.object({ count: z.number().int(), units: z.array(ChangedUnitSchema) }).nullable(),
  /** The month has ended, so it may be finalised (or revised, when it was). */
  canFinalise: z.boolean(),
  timeline: z.array(TimelineEntrySchema),
});
export type OccupancyReport = z.infer<typeof OccupancyReportSchema>;

export const ReportInputSchema = z.strictObject({
  month: MonthSchema,
  /** The live draft even when the month is finalised (to compare); a snapshot by id otherwise the latest. */
  draft: z.boolean().default(false),
  snapshotId: id.optional(),
});

export const DraftInputSchema = z.strictObject({ date: isoDate });

export const FigureSchema = z.enum(FIGURES);

export const UnitsInputSchema = z
  .strictObject({
    /** A month's report (its snapshot when finalised, unless `draft`), or a draft as of `date`. */
    month: MonthSchema.optional(),
    date: isoDate.optional(),
    draft: z.boolean().default(false),
    snapshotId: id.optional(),
    buildingId: id.nullable().default(null),
    figure: FigureSchema,
    ...paging,
  })
  .refine((v) => (v.month === undefined) !== (v.date === undefined), { path: ['month'], message: 'report.v.monthOrDate' });

export const ReportUnitSchema = z.object({
  unitId: z.string(),
  code: z.string(),
  buildingCode: z.string(),
  /** State at the day; for a movement, the state it moved to. */
  state: OccupancyStateSchema.nullable(),
  /** Movements only: the day and the state it left. */
  date: z.string().nullable(),
  from: OccupancyStateSchema.nullable(),
  /** Movements only: the numbered record that made the change (a release slip, a decoration permit…), when one did. */
  record: z.object({ source: z.string(), number: z.string() }).nullable().optional(),
});
export type ReportUnit = z.infer<typeof ReportUnitSchema>;

export const AcceptInputSchema = z.strictObject({
  month: MonthSchema,
  kind: WarningKindSchema,
  subjectId: id,
  reason: requiredText(200),
});

export const ExportInputSchema = z.strictObject({ month: MonthSchema, format: z.enum(['pdf', 'xlsx']), lang: z.enum(['zh-CN', 'en']) });

export const FinaliseInputSchema = z.strictObject({ month: MonthSchema });
export const ReviseInputSchema = z.strictObject({ month: MonthSchema, reason: requiredText(200) });

/** Today: last month's report, due or overdue, for whoever finalises it. */
export const ReportDueSchema = z.object({ month: z.string(), dueDate: z.string(), overdue: z.boolean() }).nullable();
