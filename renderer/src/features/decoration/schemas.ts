/**
 * The decoration screens' form schemas: the fields as the clerk fills them (a unit, dates and a number that may
 * still be empty), checked with the contract's own rules and messages (the applicant's and contractor's schemas
 * are the contract's), and turned into the channel's input. The host checks again; its field errors have the
 * same paths as these fields.
 */
import { z } from 'zod';
import { isoDate, optText, phone, requiredText } from '../../../../shared/kernel/validation';
import { APPLICANT_KINDS, GOV_FLAGS } from '../../../../shared/workflows/decoration/rules';
import { ContractorSchema } from '../../../../shared/workflows/decoration/schema';
import type { ChannelInput } from '../../../../shared/contract';

const required = { message: 'v.required' };
/** A date picked (YYYY-MM-DD), or still empty: "required". */
const reqDate = z
  .string()
  .nullable()
  .refine((v) => !!v, required)
  .transform((v) => v!)
  .pipe(isoDate);
const reqPhone = z.string().trim().min(1, required).pipe(phone);
const periodOk = (from: string, to: string, path: string, ctx: z.RefinementCtx) => {
  if (from && to && to < from) ctx.addIssue({ code: 'custom', path: [path], message: 'decoration.v.periodOrder' });
};

export const ApplicationFormSchema = z
  .object({
    unitId: z
      .string()
      .nullable()
      .refine((v) => !!v, required)
      .transform((v) => v!),
    applicant: z.object({
      kind: z.enum(APPLICANT_KINDS),
      personId: z.string().nullable(),
      name: requiredText(50),
      phone: reqPhone,
    }),
    contractor: ContractorSchema,
    workFrom: reqDate,
    workTo: reqDate,
    workers: z
      .number()
      .int({ message: 'decorationUi.v.workers' })
      .min(0, { message: 'decorationUi.v.workers' })
      .max(500, { message: 'decorationUi.v.workers' })
      .nullable()
      .refine((v) => v !== null, required)
      .transform((v) => v!),
    description: requiredText(500),
    govFlags: z.array(z.enum(GOV_FLAGS)).max(3),
  })
  .superRefine((v, ctx) => periodOk(v.workFrom, v.workTo, 'workTo', ctx));

export type ApplicationValues = z.input<typeof ApplicationFormSchema>;

export function toApplication(v: z.output<typeof ApplicationFormSchema>): ChannelInput<'decoration.create'> {
  const c = v.contractor;
  return {
    unitId: v.unitId,
    applicant: { kind: v.applicant.kind, personId: v.applicant.personId, name: v.applicant.name, phone: v.applicant.phone },
    contractor: c.self
      ? { self: true, company: null, managerName: null, managerPhone: null, managerIdNumber: null }
      : { self: false, company: c.company, managerName: c.managerName, managerPhone: c.managerPhone, managerIdNumber: c.managerIdNumber },
    workFrom: v.workFrom,
    workTo: v.workTo,
    workers: v.workers,
    description: v.description,
    govFlags: v.govFlags,
  };
}

/** The host's paths of decoration.create that are fields of the form. */
export const APPLICATION_FIELDS = [
  'unitId',
  'applicant.kind',
  'applicant.personId',
  'applicant.name',
  'applicant.phone',
  'contractor.company',
  'contractor.managerName',
  'contractor.managerPhone',
  'contractor.managerIdNumber',
  'workFrom',
  'workTo',
  'workers',
  'description',
  'govFlags',
];

/** A worker's pass as typed at the counter. */
export const PassFormSchema = z
  .object({
    name: requiredText(30),
    idNumber: requiredText(30),
    phone: reqPhone,
    validFrom: reqDate,
    validTo: reqDate,
  })
  .superRefine((v, ctx) => periodOk(v.validFrom, v.validTo, 'validTo', ctx));
export type PassValues = z.input<typeof PassFormSchema>;

export const ProtectFormSchema = z.object({ by: requiredText(30), note: optText(200) });
export type ProtectValues = z.input<typeof ProtectFormSchema>;
