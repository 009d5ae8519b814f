/**
 * The repair screens' form schemas: the fields as the clerk fills them (a place kind and its one value, charge
 * lines that may be half typed), checked with the contract's own rules and messages, and turned into the
 * channel's input. The host checks again; its field errors map back onto these fields (see `fieldOf`).
 */
import { z } from 'zod';
import { optText, phone, requiredText } from '../../../../shared/kernel/validation';
import type { ChannelInput } from '../../../../shared/contract';

const dateTime = z.iso.datetime({ offset: true, message: 'v.dateTime' });
const required = { message: 'v.required' };

/** A charge line as typed: the item and the quantity may still be empty (null), which reads as "required". */
export const ChargeFormSchema = z.object({
  code: z
    .string()
    .nullable()
    .refine((v) => !!v, required)
    .transform((v) => v!),
  quantity: z
    .number()
    .int()
    .min(1)
    .max(999)
    .nullable()
    .refine((v) => v !== null, required)
    .transform((v) => v!),
});
export type ChargeValue = z.input<typeof ChargeFormSchema>;

export const IntakeFormSchema = z
  .object({
    placeKind: z.enum(['unit', 'public']),
    unitId: z.string().nullable(),
    areaCode: z.string().nullable(),
    reporterPersonId: z.string().nullable(),
    reporterName: requiredText(50),
    reporterPhone: z.string().trim().min(1, required).pipe(phone),
    reportedAt: dateTime,
    category: z
      .string()
      .nullable()
      .refine((v) => !!v, required)
      .transform((v) => v!),
    description: requiredText(300),
    appointmentAt: dateTime.nullable(),
    urgent: z.boolean(),
    paid: z.boolean(),
    charges: z.array(ChargeFormSchema).max(20),
    priceTold: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.placeKind === 'unit' && !v.unitId) ctx.addIssue({ code: 'custom', path: ['unitId'], message: 'v.required' });
    if (v.placeKind === 'public' && !v.areaCode) ctx.addIssue({ code: 'custom', path: ['areaCode'], message: 'v.required' });
    if (v.paid && !v.priceTold) ctx.addIssue({ code: 'custom', path: ['priceTold'], message: 'repair.v.priceNotTold' });
  });

/** The checked form as the channel's input: the place is one of two kinds; a free repair has no charges. */
export function toIntake(v: z.output<typeof IntakeFormSchema>): ChannelInput<'repairs.create'> {
  return {
    place: v.placeKind === 'unit' ? { kind: 'unit', unitId: v.unitId! } : { kind: 'public', areaCode: v.areaCode! },
    reporterPersonId: v.reporterPersonId,
    reporterName: v.reporterName,
    reporterPhone: v.reporterPhone,
    reportedAt: v.reportedAt,
    category: v.category,
    description: v.description,
    appointmentAt: v.appointmentAt,
    urgent: v.urgent,
    paid: v.paid,
    charges: v.paid ? v.charges : [],
    priceTold: v.paid && v.priceTold,
  };
}

export type IntakeValues = z.input<typeof IntakeFormSchema>;

/** A host field path of repairs.create as the form's field: the place is two fields here. */
export function intakeField(path: string): string {
  if (path === 'place' || path === 'place.unitId' || path === 'place.kind') return 'unitId';
  if (path === 'place.areaCode') return 'areaCode';
  return path;
}

export const DispatchFormSchema = z.object({
  notifiedName: requiredText(30),
  notifiedAt: dateTime.nullable(),
  note: optText(200),
});

export const ChaseFormSchema = z.object({ notifiedName: requiredText(30), note: optText(200) });

export const CompleteFormSchema = z
  .object({
    workDone: requiredText(300),
    materials: optText(200),
    charges: z.array(ChargeFormSchema).max(20),
    requesterSign: z.enum(['screen', 'paper']),
    finishedAt: dateTime.nullable(),
    leakTestDate: z.string().nullable(),
    needsLeakTest: z.boolean(),
    paid: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.needsLeakTest && !v.leakTestDate) ctx.addIssue({ code: 'custom', path: ['leakTestDate'], message: 'repair.v.leakTestRequired' });
    if (v.paid && v.charges.length === 0) ctx.addIssue({ code: 'custom', path: ['charges'], message: 'repair.v.paidNeedsCharges' });
  });
