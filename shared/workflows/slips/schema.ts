import { z } from 'zod';
import { normaliseIdNumber } from '../../kernel/normalise';
import { CARRIER_TYPES, SIGN_MODES, SLIP_NATURES, SLIP_STATES, VERIFY_ANSWERS, VERIFY_CONTACTS } from './rules';
import { IdTypeSchema } from '../../master/enums';
import { id, isoDate, isValidResidentId, optPhone, optText, phone, requiredText } from '../../kernel/validation';

/** One A4 page holds two parts; each part has room for this many item lines (more → a second slip). */
export const MAX_SLIP_ITEMS = 10;

export const SlipItemSchema = z.strictObject({
  name: requiredText(40),
  quantity: z.number().int().min(1).max(9999),
  unitOfCount: requiredText(6),
  remark: optText(40),
});
export type SlipItem = z.infer<typeof SlipItemSchema>;

export const MeterReadingsSchema = z.strictObject({
  water: z.number().min(0).max(99_999_999),
  electricity: z.number().min(0).max(99_999_999),
  gas: z.number().min(0).max(99_999_999).nullable(),
});
export type MeterReadings = z.infer<typeof MeterReadingsSchema>;

export const CarrierSchema = z
  .strictObject({
    type: z.enum(CARRIER_TYPES),
    personId: id.nullable().optional().transform((v) => v ?? null),
    name: requiredText(50),
    phone: optPhone,
    idType: IdTypeSchema.nullable().optional().transform((v) => v ?? null),
    // Full-width digits and x from a Chinese IME, spaces between groups: the same number, upper-cased.
    idNumber: optText(30).transform((v) => (v ? normaliseIdNumber(v) : null)),
  })
  .superRefine((c, ctx) => {
    if (c.idNumber && c.idType === 'resident_id' && !isValidResidentId(c.idNumber)) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'v.residentId' });
  });

export const SlipDraftSchema = z.strictObject({
  unitId: id,
  nature: z.enum(SLIP_NATURES),
  reason: requiredText(200),
  carrier: CarrierSchema,
  items: z.array(SlipItemSchema).min(1).max(MAX_SLIP_ITEMS),
  tenantMoveOut: z.boolean().default(false),
  meterReadings: MeterReadingsSchema.nullable().default(null),
});
export type SlipDraft = z.infer<typeof SlipDraftSchema>;

export const VerificationInputSchema = z.strictObject({
  slipId: id,
  contactRole: z.enum(VERIFY_CONTACTS),
  contactName: requiredText(50),
  contactPhone: phone,
  calledAt: z.iso.datetime({ offset: true, message: 'v.dateTime' }),
  answer: z.enum(VERIFY_ANSWERS),
  note: optText(200),
});

const signature = z
  .string()
  .max(300_000, { message: 'v.signatureTooBig' })
  .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, { message: 'v.signatureFormat' })
  .nullable();

/**
 * One signer at issue: how they sign, and the captured image when on screen. Every mode is accepted here;
 * which ones a signer may choose (the clerk and the carrier must sign) is the rules' answer, with its reason.
 */
const signer = z.strictObject({
  mode: z.enum(SIGN_MODES),
  image: signature.optional().transform((v) => v ?? null),
});

export const IssueInputSchema = z.strictObject({
  slipId: id,
  signatures: z.strictObject({ clerk: signer, carrier: signer, owner: signer }),
  recordingRef: optText(60),
  acknowledgeFrequent: z.boolean().default(false),
});

export const SlipListInputSchema = z.strictObject({
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
  state: z.enum(SLIP_STATES).optional(),
  nature: z.enum(SLIP_NATURES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  unitId: id.optional(),
  carrier: z.string().max(50).optional(),
  number: z.string().max(30).optional(),
});

export const SlipRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  unitId: z.string(),
  unitCode: z.string(),
  state: z.enum(SLIP_STATES),
  nature: z.enum(SLIP_NATURES),
  carrierName: z.string(),
  carrierType: z.enum(CARRIER_TYPES),
  itemSummary: z.string(),
  createdAt: z.string(),
  issuedAt: z.string().nullable(),
  exitedAt: z.string().nullable(),
});
export type SlipRow = z.infer<typeof SlipRowSchema>;

export const SlipDetailSchema = SlipRowSchema.extend({
  reason: z.string(),
  carrierPhoneMasked: z.string().nullable(),
  carrierIdType: IdTypeSchema.nullable(),
  carrierIdMasked: z.string().nullable(),
  carrierPersonId: z.string().nullable(),
  tenantMoveOut: z.boolean(),
  meterReadings: MeterReadingsSchema.nullable(),
  items: z.array(z.object({ line: z.number(), name: z.string(), quantity: z.number(), unitOfCount: z.string(), remark: z.string().nullable() })),
  calls: z.array(
    z.object({
      id: z.string(),
      contactRole: z.enum(VERIFY_CONTACTS),
      contactName: z.string(),
      contactPhoneMasked: z.string(),
      calledAt: z.string(),
      answer: z.enum(VERIFY_ANSWERS),
      note: z.string().nullable(),
      recordedByName: z.string().nullable(),
    }),
  ),
  fees: z.object({ clearedByName: z.string().nullable(), clearedAt: z.string(), receipt: z.string() }).nullable(),
  /** How each signer signed (null: not recorded — a slip not issued yet, or issued before the choice was kept and without an image). */
  signers: z.object({ clerk: z.enum(SIGN_MODES).nullable(), carrier: z.enum(SIGN_MODES).nullable(), owner: z.enum(SIGN_MODES).nullable() }),
  recordingRef: z.string().nullable(),
  endReason: z.string().nullable(),
  printCount: z.number(),
  needsVerification: z.boolean(),
  proposedContact: z
    .object({ role: z.enum(VERIFY_CONTACTS), personId: z.string().nullable(), name: z.string().nullable(), phoneMasked: z.string().nullable() })
    .nullable(),
  issueBlockers: z.array(z.string()),
  frequent: z.object({ threshold: z.number(), days: z.number(), earlier: z.array(z.object({ number: z.string(), createdAt: z.string(), itemSummary: z.string() })) }).nullable(),
  timeline: z.array(z.object({ at: z.string(), userName: z.string().nullable(), action: z.string(), detail: z.string().nullable() })),
});
export type SlipDetail = z.infer<typeof SlipDetailSchema>;
