import { z } from 'zod';
import { done, paging, voidInput, type ChannelDef } from '../kernel/channel';
import { id, isoDate, note } from '../kernel/validation';
import { BuildingInputSchema, BuildingSchema, LinkInputSchema, LinkViewSchema, PersonDetailSchema, PersonInputSchema, PersonRowSchema, UnitDetailSchema, UnitInputSchema, UnitRowSchema, pageOf } from './schema';
import { OccupancyStateSchema, RelationSchema, UnitUseSchema } from './enums';

const IssueSchema = z.object({ line: z.number(), column: z.string().nullable(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
const SkipReasonSchema = z.enum(['blank', 'summary', 'note', 'duplicate', 'error', 'unchanged']);

/** What importing a row will do (or did) to a unit that already exists; `noteKept` is not a change. */
export const UnitChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('use'), from: UnitUseSchema, to: UnitUseSchema }),
  z.object({ kind: z.literal('floor'), from: z.number().nullable(), to: z.number() }),
  z.object({ kind: z.literal('area'), from: z.number().nullable(), to: z.number() }),
  z.object({ kind: z.literal('note'), to: z.string() }),
  z.object({ kind: z.literal('noteKept') }),
  z.object({ kind: z.literal('state'), from: OccupancyStateSchema.nullable(), to: OccupancyStateSchema }),
  z.object({ kind: z.literal('link'), relation: RelationSchema, name: z.string(), newPerson: z.boolean() }),
]);
export type UnitChange = z.infer<typeof UnitChangeSchema>;

/** A person or company of a preview row, normalised as it will be stored; phone and ID masked as in every list. */
const ImportPartyPreviewSchema = z.object({
  name: z.string(),
  kind: z.enum(['person', 'company']),
  phoneMasked: z.string().nullable(),
  idType: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  birthday: z.string().nullable(),
  birthdayFromId: z.boolean(),
  note: z.string().nullable(),
});

export const ImportSummarySchema = z.object({
  jobId: z.string(),
  fileName: z.string(),
  totalLines: z.number(),
  validRows: z.number(),
  errorRows: z.number(),
  encoding: z.string().nullable(),
  columns: z.record(z.string(), z.string()),
  /** Headers of the file that are not imported, as written. */
  ignoredColumns: z.array(z.string()),
  fileErrors: z.array(IssueSchema),
  errors: z.array(IssueSchema),
  /** Valid rows whose unit is new / already exists. */
  newUnits: z.number(),
  existingUnits: z.number(),
  /** Every line left out, by reason (error and duplicate rows: when only the valid rows are imported); the first lines of each. */
  skipped: z.array(z.object({ reason: SkipReasonSchema, count: z.number(), lines: z.array(z.number()) })),
  skippedRows: z.number(),
  /** Rows whose unit already exists, and what importing them does (the first 500). */
  existing: z.array(z.object({ line: z.number(), unitCode: z.string(), changes: z.array(UnitChangeSchema) })),
  preview: z.array(
    z.object({
      line: z.number(),
      unitCode: z.string(),
      buildingCode: z.string(),
      use: z.string(),
      useDefaulted: z.boolean(),
      floor: z.number().nullable(),
      floorFromCode: z.boolean(),
      areaM2: z.number().nullable(),
      state: z.string().nullable(),
      note: z.string().nullable(),
      owner: ImportPartyPreviewSchema.nullable(),
      tenant: ImportPartyPreviewSchema.nullable(),
      tenancyStart: z.string().nullable(),
      /** Null for a new unit; else what importing the row does to it (empty: nothing, the row is skipped). */
      changes: z.array(UnitChangeSchema).nullable(),
    }),
  ),
});
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

export const ImportResultSchema = z.object({
  buildings: z.number(),
  units: z.number(),
  /** Units that already existed and had something to change. */
  updated: z.number(),
  people: z.number(),
  links: z.number(),
  /** Every line of the file left out, with `skippedBy` saying why. */
  skipped: z.number(),
  skippedBy: z.array(z.object({ reason: SkipReasonSchema, count: z.number() })),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const ImportProgressSchema = z.object({
  jobId: z.string(),
  phase: z.enum(['parsing', 'ready', 'importing', 'done', 'failed']),
  done: z.number(),
  total: z.number(),
  result: ImportResultSchema.nullable(),
  error: z.string().nullable(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

/** Master data: buildings, units, people, their links, occupancy states, and the roster import. */
export const masterContract = {
  'buildings.list': { kind: 'read', input: z.strictObject({ includeVoided: z.boolean().default(false) }), output: z.array(BuildingSchema), permission: 'masterdata.read' },
  'buildings.create': { kind: 'write', input: BuildingInputSchema, output: BuildingSchema, permission: 'masterdata.write' },
  'buildings.update': { kind: 'write', input: BuildingInputSchema.extend({ id }), output: BuildingSchema, permission: 'masterdata.write' },
  'buildings.void': { kind: 'write', input: voidInput, output: done, permission: 'masterdata.void' },
  'units.list': { kind: 'read',
    input: z.strictObject({
      ...paging,
      buildingId: id.optional(),
      use: UnitUseSchema.optional(),
      state: OccupancyStateSchema.optional(),
      q: z.string().max(50).optional(),
    }),
    output: pageOf(UnitRowSchema),
    permission: 'masterdata.read',
  },
  'units.get': { kind: 'read', input: z.strictObject({ id }), output: UnitDetailSchema, permission: 'masterdata.read' },
  'units.create': { kind: 'write', input: UnitInputSchema, output: UnitRowSchema, permission: 'masterdata.write' },
  'units.update': { kind: 'write', input: UnitInputSchema.extend({ id }), output: UnitRowSchema, permission: 'masterdata.write' },
  'units.void': { kind: 'write', input: voidInput, output: done, permission: 'masterdata.void' },
  'units.setOccupancy': { kind: 'write',
    input: z.strictObject({ unitId: id, state: OccupancyStateSchema, effectiveDate: isoDate, note: note(200) }),
    output: UnitDetailSchema,
    permission: 'occupancy.set',
  },
  'occupancy.onDate': { kind: 'read',
    input: z.strictObject({ date: isoDate, buildingId: id.optional() }),
    output: z.object({ date: z.string(), counts: z.record(z.string(), z.number()), units: z.number() }),
    permission: 'masterdata.read',
  },
  'people.list': { kind: 'read', input: z.strictObject({ ...paging, q: z.string().max(50).optional() }), output: pageOf(PersonRowSchema), permission: 'masterdata.read' },
  'people.get': { kind: 'read', input: z.strictObject({ id }), output: PersonDetailSchema, permission: 'masterdata.read' },
  'people.create': { kind: 'write', input: PersonInputSchema, output: PersonDetailSchema, permission: 'masterdata.write' },
  'people.update': { kind: 'write', input: z.strictObject({ id, person: PersonInputSchema }), output: PersonDetailSchema, permission: 'masterdata.write' },
  'people.reveal': { kind: 'write',
    input: z.strictObject({ id, field: z.enum(['phone', 'phone2', 'idNumber', 'emergencyPhone']) }),
    output: z.object({ value: z.string().nullable() }),
    permission: 'pii.reveal',
  },
  'links.create': { kind: 'write', input: LinkInputSchema, output: LinkViewSchema, permission: 'masterdata.write' },
  'links.end': { kind: 'write', input: z.strictObject({ id, endDate: isoDate }), output: LinkViewSchema, permission: 'masterdata.write' },
  'links.void': { kind: 'write', input: voidInput, output: done, permission: 'masterdata.void' },
  // Starts an import job (and would read the running import's uncommitted rows): refused while one runs.
  'import.preview': { kind: 'write',
    input: z.strictObject({ fileName: z.string().min(1).max(255), contentBase64: z.string().min(1).max(70_000_000) }),
    output: ImportSummarySchema,
    permission: 'import.run',
  },
  'import.commit': { kind: 'write', input: z.strictObject({ jobId: z.string().max(64), onlyValid: z.boolean() }), output: ImportProgressSchema, permission: 'import.run' },
  'import.progress': { kind: 'read', input: z.strictObject({ jobId: z.string().max(64) }), output: ImportProgressSchema, permission: 'import.run' },
} as const satisfies Record<string, ChannelDef>;
