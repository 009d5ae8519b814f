import { z } from 'zod';
import { id, isoDate, optText, phone, requiredText } from '../../kernel/validation';
import { TimelineEntrySchema } from '../../kernel/records';
import { SourceCallbackSchema } from '../../kernel/callbacks';
import { CHARGE_KINDS, CHARGE_STATES, REPAIR_STATES } from './rules';

const dateTime = z.iso.datetime({ offset: true, message: 'v.dateTime' });
const optDateTime = dateTime.nullable().optional().transform((v) => v ?? null);
const settingCode = z.string().min(1, { message: 'v.required' }).max(30);

const signature = z
  .string()
  .max(300_000, { message: 'v.signatureTooBig' })
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, { message: 'v.signatureFormat' })
  .nullable()
  .optional()
  .transform((v) => v ?? null);

/** A charge line: an item of the price list in settings, and how many. */
export const ChargeInputSchema = z.strictObject({ code: settingCode, quantity: z.number().int().min(1).max(999) });
export type ChargeInput = z.infer<typeof ChargeInputSchema>;

/** Where the fault is: a unit, or one of the site's public areas (公共区域) from settings. */
const PlaceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('unit'), unitId: id }),
  z.strictObject({ kind: z.literal('public'), areaCode: settingCode }),
]);

export const RepairIntakeSchema = z
  .strictObject({
    place: PlaceSchema,
    reporterPersonId: id.nullable().optional().transform((v) => v ?? null),
    reporterName: requiredText(50),
    reporterPhone: phone,
    reportedAt: dateTime,
    category: settingCode,
    description: requiredText(300),
    appointmentAt: optDateTime,
    urgent: z.boolean(),
    paid: z.boolean(),
    charges: z.array(ChargeInputSchema).max(20).default([]),
    /** 向客户说明标准及原因: a paid repair's price was told to the customer. */
    priceTold: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    if (r.paid && !r.priceTold) ctx.addIssue({ code: 'custom', path: ['priceTold'], message: 'repair.v.priceNotTold' });
    if (!r.paid && r.charges.length) ctx.addIssue({ code: 'custom', path: ['charges'], message: 'repair.v.freeHasCharges' });
  });
export type RepairIntake = z.infer<typeof RepairIntakeSchema>;

export const DispatchInputSchema = z.strictObject({ id, notifiedName: requiredText(30), notifiedAt: dateTime, note: optText(200) });
export const PickUpInputSchema = z.strictObject({ id, technician: settingCode, signature, signedAt: dateTime });
export const ChaseInputSchema = z.strictObject({ id, notifiedName: requiredText(30), note: optText(200) });
export const CompleteInputSchema = z.strictObject({
  id,
  workDone: requiredText(300),
  materials: optText(200),
  charges: z.array(ChargeInputSchema).max(20).default([]),
  requesterSign: z.enum(['screen', 'paper']),
  requesterSignature: signature,
  finishedAt: dateTime,
  leakTestDate: isoDate.nullable().optional().transform((v) => v ?? null),
}).superRefine((c, ctx) => {
  if (c.requesterSign === 'screen' && !c.requesterSignature) ctx.addIssue({ code: 'custom', path: ['requesterSignature'], message: 'repair.v.signOnScreen' });
});
export const CollectInputSchema = z.strictObject({ id, receipt: optText(40) });
export const WaiveInputSchema = z.strictObject({ id, reason: requiredText(200) });

export const RepairListInputSchema = z.strictObject({
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
  state: z.enum(REPAIR_STATES).optional(),
  /** A number, a unit code, or a phone (or its last 4 digits). */
  q: z.string().max(40).optional(),
  unitId: id.optional(),
  /** open: not finished; notPickedUp: waiting for a technician; overdue: not picked up within the limit (chase). */
  queue: z.enum(['open', 'notPickedUp', 'overdue']).optional(),
});

export const RepairRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  state: z.enum(REPAIR_STATES),
  unitId: z.string().nullable(),
  placeName: z.string(),
  category: z.string(),
  reporterName: z.string(),
  reporterPhoneMasked: z.string(),
  urgent: z.boolean(),
  paid: z.boolean(),
  receivedAt: z.string(),
  pickupDueAt: z.string(),
  overdueForPickup: z.boolean(),
  chaseCount: z.number(),
});
export type RepairRow = z.infer<typeof RepairRowSchema>;

export const ChargeLineSchema = z.object({ line: z.number(), code: z.string(), name: z.string(), kind: z.enum(CHARGE_KINDS), unitOfCount: z.string(), unitPriceFen: z.number(), quantity: z.number(), amountFen: z.number() });

export const RepairDetailSchema = RepairRowSchema.extend({
  areaCode: z.string().nullable(),
  reporterPersonId: z.string().nullable(),
  reportedAt: z.string(),
  receiverName: z.string().nullable(),
  description: z.string(),
  appointmentAt: z.string().nullable(),
  priceTold: z.boolean(),
  charges: z.array(ChargeLineSchema),
  chargeTotalFen: z.number(),
  chargeState: z.enum(CHARGE_STATES),
  chargeNote: z.string().nullable(),
  dispatchedAt: z.string().nullable(),
  notifiedName: z.string().nullable(),
  lastChasedAt: z.string().nullable(),
  technician: z.object({ code: z.string(), name: z.string(), trade: z.string(), phone: z.string().nullable() }).nullable(),
  pickedUpAt: z.string().nullable(),
  workDone: z.string().nullable(),
  materials: z.string().nullable(),
  requesterSign: z.enum(['screen', 'paper']).nullable(),
  finishedAt: z.string().nullable(),
  leakTestDate: z.string().nullable(),
  reopenCount: z.number(),
  endReason: z.string().nullable(),
  /** The callbacks its completions created (the callback queue, shared/workflows/callbacks/). */
  callbacks: z.array(SourceCallbackSchema),
  timeline: z.array(TimelineEntrySchema),
});
export type RepairDetail = z.infer<typeof RepairDetailSchema>;

// ---------- monthly statistics ----------

/** A month of the site calendar, 'YYYY-MM'. */
export const StatsMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'repair.v.statsMonth' });
export const StatsInputSchema = z.strictObject({ month: StatsMonthSchema });
export const StatsExportInputSchema = z.strictObject({ month: StatsMonthSchema, lang: z.enum(['zh-CN', 'en']) });

/** Median and 90th percentile in minutes (one decimal), over `count` orders; null when there were none. */
const DurationSchema = z.object({ count: z.number(), medianMinutes: z.number().nullable(), p90Minutes: z.number().nullable() });
export type DurationStats = z.infer<typeof DurationSchema>;

export const CategoryStatsSchema = z.object({
  code: z.string(),
  name: z.string(),
  received: z.number(),
  urgent: z.number(),
  paid: z.number(),
  /** Finished in the month (whenever received), and the paid ones' charges billed. */
  finished: z.number(),
  billedFen: z.number(),
});
export type CategoryStats = z.infer<typeof CategoryStatsSchema>;

export const RepairStatsSchema = z.object({
  month: z.string(),
  /** First and last day of the month (site calendar). */
  from: z.string(),
  to: z.string(),
  /** The month has not ended yet: the figures run to `asOf`. */
  partial: z.boolean(),
  asOf: z.string(),
  /** Orders received in the month, voided ones apart (counted on their own line only). */
  received: z.object({ total: z.number(), urgent: z.number(), normal: z.number(), paid: z.number(), free: z.number(), voided: z.number() }),
  byCategory: z.array(CategoryStatsSchema),
  /** Paid orders finished in the month: what was billed, and how each charge stands now (billed = collected + waived + pending). */
  charges: z.object({
    orders: z.number(),
    billedFen: z.number(),
    collected: z.number(),
    collectedFen: z.number(),
    waived: z.number(),
    waivedFen: z.number(),
    pending: z.number(),
    pendingFen: z.number(),
  }),
  /** Engineering told → the technician signed, over orders picked up in the month. */
  pickUp: DurationSchema,
  /** Received → finished, over orders finished in the month. */
  complete: DurationSchema,
  callbacks: z.object({
    /** The callback rate of repairs' callbacks due in the month (callbackRate). */
    due: z.number(),
    onTime: z.number(),
    basisPoints: z.number().nullable(),
    /** Answers of the customers reached in the month. */
    reached: z.number(),
    satisfaction: z.object({ very_satisfied: z.number(), satisfied: z.number(), neutral: z.number(), unsatisfied: z.number() }),
    /** Repairs reopened in the month (not fixed, or unsatisfied). */
    reopened: z.number(),
  }),
});
export type RepairStats = z.infer<typeof RepairStatsSchema>;
