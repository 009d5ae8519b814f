import { z } from 'zod';
import { paging } from '../../kernel/channel';
import { TimelineEntrySchema } from '../../kernel/records';
import { id, isoDate, optDate, optPhone, optText, phone, requiredText, text } from '../../kernel/validation';
import { OccupancyStateSchema, UnitUseSchema } from '../../master/enums';
import { PersonInputSchema } from '../../master/schema';
import {
  COPY_ITEMS,
  DEPOSIT_KINDS,
  INSPECTION_RESULTS,
  METER_KINDS,
  MOVE_IN_STATES,
  MOVE_IN_STEPS,
  MOVING_IN_STATES,
  NOT_HANDED_OVER_REASONS,
  NOTICE_DEPARTMENTS,
  OCCUPANTS,
  OWNER_ANSWERS,
  RECTIFICATION_STATES,
  REGISTER_STATUSES,
} from './rules';

const dateTime = z.iso.datetime({ offset: true, message: 'v.dateTime' });
const fen = z.number().int({ message: 'movein.v.fen' }).min(0, { message: 'movein.v.fen' }).max(100_000_000, { message: 'repairSettings.v.priceTooBig' });
const seen = z.boolean().refine((v) => v, { message: 'movein.v.seen' });

// ---------------------------------------------------------------- move-in (入伙)

/** Start from a unit not handed over, for its owner(s): picked from the unit's people, or one registered on the spot. */
export const MoveInCreateSchema = z
  .strictObject({
    unitId: id,
    /** The imported 入伙通知书 the owner came with (its date is kept). */
    noticeId: id.nullable().optional().transform((v) => v ?? null),
    ownerIds: z.array(id).max(6).default([]),
    newOwner: PersonInputSchema.nullable().optional().transform((v) => v ?? null),
  })
  .superRefine((m, ctx) => {
    if (!m.ownerIds.length && !m.newOwner) ctx.addIssue({ code: 'custom', path: ['ownerIds'], message: 'movein.v.owner' });
  });

/** Step 1: ID, purchase contract and the move-in notice seen; the notice's date starts the prepaid fee. */
export const IdentityInputSchema = z.strictObject({ id, idDocumentSeen: seen, purchaseContractSeen: seen, noticeSeen: seen, noticeDate: isoDate });
/** Step 2, the desk: the computed property fee changed, with the reason (before the cashier confirms). */
export const FeeOverrideInputSchema = z.strictObject({ id, propertyFeeFen: fen, reason: requiredText(200) });
/** Step 2, the cashier: paid, with the receipt number. */
export const FeeConfirmInputSchema = z.strictObject({ id, receipt: requiredText(40) });
export const CopiesInputSchema = z.strictObject({ id, items: z.array(z.enum(COPY_ITEMS)).max(COPY_ITEMS.length), otherNote: optText(100) });

export const FamilyMemberSchema = z.strictObject({ name: requiredText(30), phone: optPhone, relationNote: optText(20), birthday: optDate });
/** Step 4, 业主档案: family members (linked to the unit), the agreements, the owner's emergency mobile and birthday (required). */
export const ArchiveInputSchema = z.strictObject({
  id,
  family: z.array(FamilyMemberSchema).max(12).default([]),
  bankAgreement: z.boolean(),
  fireSafetyAgreement: z.boolean(),
  documentReceipt: z.boolean(),
  emergencyName: optText(30),
  emergencyMobile: optPhone,
  birthday: optDate,
});

export const SignatureSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('screen'), image: z.string().regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, { message: 'v.invalid' }).max(400_000) }),
  z.strictObject({ mode: z.literal('paper') }),
]);
/** Step 5, 钥匙签收表: the keys (from the use's template, edited), signed by the owner on screen or on the paper. */
export const KeysInputSchema = z.strictObject({
  id,
  keys: z.array(z.strictObject({ kind: requiredText(30), count: z.number().int().min(1).max(50) })).min(1, { message: 'v.tooFewItems' }).max(30),
  signature: SignatureSchema.nullable(),
});

export const InspectionItemInputSchema = z.strictObject({
  area: requiredText(40),
  item: requiredText(40),
  result: z.enum(INSPECTION_RESULTS),
  note: optText(200),
  /** A defect that keeps the unit from being handed over (leak, no power…) unless the owner accepts it in writing. */
  critical: z.boolean().default(false),
  ownerOpinion: optText(200),
  dueDate: optDate,
});
/** Step 6, 房屋验收记录表 with engineering: every template item ok or defective, the meters read. */
export const InspectInputSchema = z.strictObject({
  id,
  date: isoDate,
  engineeringBy: requiredText(30),
  items: z.array(InspectionItemInputSchema).max(300),
  meters: z.array(z.strictObject({ kind: z.enum(METER_KINDS), reading: z.number().min(0).max(1e9) })).max(3),
});
export const RectFixInputSchema = z.strictObject({ itemId: id, note: optText(200) });
export const RectAcceptInputSchema = z.strictObject({ itemId: id, note: optText(200) });
export const RectReopenInputSchema = z.strictObject({ itemId: id, reason: requiredText(200) });

/** Step 7: handed over on a date (the unit is vacant from it, step 8), or not handed over with the reason. */
export const HandoverInputSchema = z
  .strictObject({
    id,
    outcome: z.enum(['handed_over', 'not_handed_over']),
    date: isoDate,
    reason: z.enum(NOT_HANDED_OVER_REASONS).nullable().optional().transform((v) => v ?? null),
    note: optText(200),
    /** The owner accepts the open critical defects in writing (their 房屋验收记录表 signed so). */
    defectsAcceptedInWriting: z.boolean().default(false),
  })
  .superRefine((h, ctx) => {
    if (h.outcome === 'not_handed_over' && !h.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'v.required' });
  });

export const MOVE_IN_QUEUES = ['open', 'notHandedOver', 'handedOver'] as const;
export const MoveInListInputSchema = z.strictObject({
  ...paging,
  state: z.enum(MOVE_IN_STATES).optional(),
  queue: z.enum(MOVE_IN_QUEUES).optional(),
  unitId: id.optional(),
  buildingId: id.optional(),
  /** An RH number, a unit code (prefix) or an owner's name. */
  search: text(60).optional(),
});

// ---------------------------------------------------------------- notices (入伙通知书)

export const NoticeImportPreviewInputSchema = z.strictObject({ fileName: z.string().min(1).max(255), contentBase64: z.string().min(1).max(20_000_000), batchName: optText(60) });
export const NoticeImportCommitInputSchema = z.strictObject({ batchId: id, onlyValid: z.boolean() });
export const NoticeListInputSchema = z.strictObject({ ...paging, batchId: id.optional(), waiting: z.boolean().default(true), search: text(60).optional() });

export const ImportIssueSchema = z.object({ field: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() });
export const NoticePreviewRowSchema = z.object({
  line: z.number(),
  unitCode: z.string(),
  unitId: z.string().nullable(),
  ownerName: z.string(),
  /** Masked like every phone in a list; kept in clear with the batch for the commit. */
  phoneMasked: z.string().nullable(),
  noticeDate: z.string().nullable(),
  errors: z.array(ImportIssueSchema),
});
export const NoticePreviewSchema = z.object({
  batchId: z.string(),
  name: z.string(),
  fileName: z.string(),
  /** A file-level problem (unreadable, no header, columns missing): no rows then. */
  fileError: ImportIssueSchema.nullable(),
  rows: z.array(NoticePreviewRowSchema),
  valid: z.number(),
  invalid: z.number(),
});
export const NoticeCommitSchema = z.object({ batchId: z.string(), imported: z.number(), skipped: z.number() });
export const NoticeRowSchema = z.object({
  id: z.string(),
  batchId: z.string(),
  batchName: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  buildingId: z.string(),
  ownerName: z.string(),
  phoneMasked: z.string().nullable(),
  noticeDate: z.string(),
  moveInId: z.string().nullable(),
  moveInNumber: z.string().nullable(),
  moveInState: z.enum(MOVE_IN_STATES).nullable(),
});
export type NoticeRow = z.infer<typeof NoticeRowSchema>;
/** An imported (committed) batch of notices with its counts: notices, those not started yet, those whose unit is handed over. */
export const NoticeBatchSchema = z.object({
  id: z.string(),
  name: z.string(),
  fileName: z.string(),
  importedAt: z.string(),
  notices: z.number(),
  waiting: z.number(),
  handedOver: z.number(),
});
export type NoticeBatch = z.infer<typeof NoticeBatchSchema>;

// ---------------------------------------------------------------- outputs

export const MoveInRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  state: z.enum(MOVE_IN_STATES),
  unitId: z.string(),
  unitCode: z.string(),
  buildingId: z.string(),
  use: UnitUseSchema,
  ownerNames: z.string(),
  noticeDate: z.string().nullable(),
  nextStep: z.enum(MOVE_IN_STEPS).nullable(),
  handoverDate: z.string().nullable(),
  notHandedOverReason: z.enum(NOT_HANDED_OVER_REASONS).nullable(),
  openRectifications: z.number(),
  createdAt: z.string(),
});
export type MoveInRow = z.infer<typeof MoveInRowSchema>;

export const StepDoneSchema = z.object({ step: z.enum(MOVE_IN_STEPS), at: z.string(), by: z.string().nullable(), detail: z.string().nullable() });
export const RectificationSchema = z.object({
  id: z.string(),
  moveInId: z.string(),
  number: z.string(),
  unitCode: z.string(),
  area: z.string(),
  item: z.string(),
  description: z.string(),
  critical: z.boolean(),
  ownerOpinion: z.string(),
  assignedTo: z.string(),
  dueDate: z.string(),
  state: z.enum(RECTIFICATION_STATES),
  fixedAt: z.string().nullable(),
  fixedNote: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  reopened: z.number(),
  overdue: z.boolean(),
});
export type Rectification = z.infer<typeof RectificationSchema>;
export const RectificationListInputSchema = z.strictObject({ ...paging, queue: z.enum(['open', 'overdue', 'fixed', 'all']).default('open'), moveInId: id.optional() });

export const MoveInDetailSchema = MoveInRowSchema.extend({
  buildingName: z.string(),
  areaM2: z.number().nullable(),
  owners: z.array(z.object({ personId: z.string(), name: z.string(), phoneMasked: z.string().nullable(), primary: z.boolean() })),
  noticeId: z.string().nullable(),
  steps: z.array(StepDoneSchema),
  fees: z.object({
    rateFen: z.number(),
    areaM2: z.number().nullable(),
    months: z.number(),
    periodFrom: z.string().nullable(),
    periodTo: z.string().nullable(),
    computedFen: z.number().nullable(),
    propertyFeeFen: z.number().nullable(),
    overrideReason: z.string().nullable(),
    deposit: z.object({ kind: z.enum(DEPOSIT_KINDS), fen: z.number() }),
    totalFen: z.number().nullable(),
    receipt: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    confirmedBy: z.string().nullable(),
  }),
  copies: z.object({ items: z.array(z.enum(COPY_ITEMS)), otherNote: z.string().nullable() }).nullable(),
  archive: z.object({ bankAgreement: z.boolean(), fireSafetyAgreement: z.boolean(), documentReceipt: z.boolean(), family: z.array(z.object({ personId: z.string(), name: z.string() })) }).nullable(),
  keyTemplate: z.array(z.object({ kind: z.string(), count: z.number() })),
  keys: z.object({ items: z.array(z.object({ kind: z.string(), count: z.number() })), signedMode: z.enum(['screen', 'paper']), hasImage: z.boolean() }).nullable(),
  inspectionTemplate: z.array(z.object({ area: z.string(), item: z.string() })),
  inspection: z
    .object({
      date: z.string(),
      engineeringBy: z.string(),
      items: z.array(z.object({ id: z.string(), area: z.string(), item: z.string(), result: z.enum(INSPECTION_RESULTS), note: z.string().nullable(), critical: z.boolean() })),
      meters: z.array(z.object({ kind: z.enum(METER_KINDS), reading: z.number() })),
    })
    .nullable(),
  rectifications: z.array(RectificationSchema),
  defectsAcceptedInWriting: z.boolean(),
  handoverNote: z.string().nullable(),
  voidReason: z.string().nullable(),
  timeline: z.array(TimelineEntrySchema),
});
export type MoveInDetail = z.infer<typeof MoveInDetailSchema>;

export const RegisterInputSchema = z
  .strictObject({ buildingId: id.optional(), batchId: id.optional() })
  .refine((r) => !!r.buildingId !== !!r.batchId, { path: ['buildingId'], message: 'movein.v.registerScope' });
export const RegisterSchema = z.object({
  scope: z.object({ kind: z.enum(['building', 'batch']), id: z.string(), name: z.string() }),
  counts: z.object({ total: z.number(), ...Object.fromEntries(REGISTER_STATUSES.map((s) => [s, z.number()])) as Record<(typeof REGISTER_STATUSES)[number], z.ZodNumber> }),
  rows: z.array(
    z.object({
      unitId: z.string(),
      unitCode: z.string(),
      ownerNames: z.string(),
      noticeDate: z.string().nullable(),
      moveInId: z.string().nullable(),
      number: z.string().nullable(),
      status: z.enum(REGISTER_STATUSES),
      handoverDate: z.string().nullable(),
      reason: z.enum(NOT_HANDED_OVER_REASONS).nullable(),
      nextStep: z.enum(MOVE_IN_STEPS).nullable(),
    }),
  ),
});
export type Register = z.infer<typeof RegisterSchema>;

// ---------------------------------------------------------------- moving in (入住)

/** 向业主核实: the call to the owner about a tenant moving in, recorded like a slip's verification. */
export const OwnerConfirmationSchema = z.strictObject({ contactName: requiredText(30), contactPhone: phone, calledAt: dateTime, answer: z.enum(OWNER_ANSWERS), note: optText(200) });
export const MovingInCreateSchema = z.strictObject({
  unitId: id,
  occupant: z.enum(OCCUPANTS),
  /** The actual day of the move (一般以客户搬家为准). */
  date: isoDate,
  /** The owner moving in (one of the unit's owners), or the tenant already registered. */
  personId: id.nullable().optional().transform((v) => v ?? null),
  /** 租户信息表: a tenant registered on the spot. */
  tenant: PersonInputSchema.nullable().optional().transform((v) => v ?? null),
  ownerConfirmation: OwnerConfirmationSchema.nullable().optional().transform((v) => v ?? null),
  /** 安全责任书 signed by the tenant. */
  pledgeSigned: z.boolean().default(false),
  leaseFrom: optDate,
  leaseTo: optDate,
  note: optText(200),
});
export const MovingInReceiptInputSchema = z.strictObject({ id, department: z.enum(NOTICE_DEPARTMENTS), receivedBy: requiredText(30) });
export const MovingInListInputSchema = z.strictObject({
  ...paging,
  queue: z.enum(['notReceived', 'all']).default('all'),
  unitId: id.optional(),
  /** An RZ number, a unit code (prefix) or the name (prefix) of the person moving in. */
  search: text(60).optional(),
});

export const MovingInRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  state: z.enum(MOVING_IN_STATES),
  unitId: z.string(),
  unitCode: z.string(),
  occupant: z.enum(OCCUPANTS),
  personName: z.string(),
  date: z.string(),
  occupancy: OccupancyStateSchema,
  notReceived: z.array(z.enum(NOTICE_DEPARTMENTS)),
  createdAt: z.string(),
});
export type MovingInRow = z.infer<typeof MovingInRowSchema>;
export const MovingInDetailSchema = MovingInRowSchema.extend({
  personId: z.string(),
  priorState: OccupancyStateSchema.nullable(),
  tenancyLinkId: z.string().nullable(),
  tenancyEnded: z.string().nullable(),
  ownerConfirmation: z.object({ contactName: z.string(), contactPhoneMasked: z.string(), calledAt: z.string(), answer: z.enum(OWNER_ANSWERS), note: z.string().nullable(), recordedBy: z.string().nullable(), recordedAt: z.string() }).nullable(),
  pledgeSigned: z.boolean(),
  leaseFrom: z.string().nullable(),
  leaseTo: z.string().nullable(),
  note: z.string().nullable(),
  receipts: z.array(z.object({ department: z.enum(NOTICE_DEPARTMENTS), receivedBy: z.string(), at: z.string(), by: z.string().nullable() })),
  voidReason: z.string().nullable(),
  timeline: z.array(TimelineEntrySchema),
});
export type MovingInDetail = z.infer<typeof MovingInDetailSchema>;
