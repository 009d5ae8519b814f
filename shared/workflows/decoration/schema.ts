import { z } from 'zod';
import { paging } from '../../kernel/channel';
import { TimelineEntrySchema } from '../../kernel/records';
import { id, isoDate, optPhone, optText, phone, requiredText, text } from '../../kernel/validation';
import { UnitUseSchema } from '../../master/enums';
import { APPLICANT_KINDS, DECORATION_STATES, DEPARTMENTS, FEE_CODES, GOV_FLAGS, LEDGER_KINDS } from './rules';

const dateTime = z.iso.datetime({ offset: true, message: 'v.dateTime' });
const fen = z.number().int({ message: 'decoration.v.fen' }).min(0, { message: 'decoration.v.fen' }).max(100_000_000, { message: 'repairSettings.v.priceTooBig' });
const receipt = requiredText(40);
/** An ID document's number as typed (kept; shown masked, revealed with a log line). */
const idNumber = requiredText(30);
const optIdNumber = optText(30);

export const ApplicantSchema = z.strictObject({
  kind: z.enum(APPLICANT_KINDS),
  personId: id.nullable().optional().transform((v) => v ?? null),
  name: requiredText(50),
  phone,
});

/** The contractor, or self-decoration (自装): then the company fields are empty. */
export const ContractorSchema = z
  .strictObject({
    self: z.boolean(),
    company: optText(80),
    managerName: optText(30),
    managerPhone: optPhone,
    managerIdNumber: optIdNumber,
  })
  .superRefine((c, ctx) => {
    if (c.self) return;
    for (const k of ['company', 'managerName', 'managerPhone'] as const) if (!c[k]) ctx.addIssue({ code: 'custom', path: [k], message: 'v.required' });
  });

const applicationFields = {
  applicant: ApplicantSchema,
  contractor: ContractorSchema,
  workFrom: isoDate,
  workTo: isoDate,
  workers: z.number().int().min(0).max(500),
  description: requiredText(500),
  /** Work that needs a government approval (消防报建、结构改动、煤气改动): the owner must be told. */
  govFlags: z.array(z.enum(GOV_FLAGS)).max(3).default([]),
};
const periodOk = (d: { workFrom: string; workTo: string }, ctx: z.RefinementCtx) => {
  if (d.workTo < d.workFrom) ctx.addIssue({ code: 'custom', path: ['workTo'], message: 'decoration.v.periodOrder' });
};

export const ApplicationInputSchema = z.strictObject({ unitId: id, ...applicationFields }).superRefine(periodOk);
export type ApplicationInput = z.infer<typeof ApplicationInputSchema>;
export const ApplicationUpdateSchema = z.strictObject({ id, ...applicationFields }).superRefine(periodOk);

export const CheckItemInputSchema = z.strictObject({
  id,
  kind: z.enum(['document', 'commitment']),
  code: z.string().min(1).max(40),
  done: z.boolean(),
  /** The day the document came in or the commitment was signed (today when left out). */
  date: isoDate.nullable().optional().transform((v) => v ?? null),
});

export const PayInputSchema = z.strictObject({ id, receipt });
export const ReasonInputSchema = z.strictObject({ id, reason: requiredText(200) });
export const ProtectInputSchema = z.strictObject({ id, by: requiredText(30), note: optText(200) });
export const PassInputSchema = z
  .strictObject({ id, name: requiredText(30), idNumber, phone, validFrom: isoDate, validTo: isoDate })
  .superRefine((p, ctx) => {
    if (p.validTo < p.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'decoration.v.periodOrder' });
  });
export const RevokePassInputSchema = z.strictObject({ passId: id, reason: requiredText(200) });
export const PatrolInputSchema = z.strictObject({ id, date: isoDate, department: z.enum(DEPARTMENTS), by: requiredText(30), findings: optText(300) });
export const ViolationInputSchema = z.strictObject({
  id,
  date: isoDate,
  severity: z.enum(['minor', 'serious']),
  description: requiredText(300),
  /** Hot work seen on site: without an approval covering the day it is serious whatever was chosen. */
  hotWork: z.boolean().default(false),
  /** A minor violation's verbal warning: to whom it was given. */
  warnedWho: optText(30),
});
export const NoticeCallInputSchema = z.strictObject({ violationId: id, who: z.enum(['owner', 'contractor']), note: optText(200) });
export const NoticeSignedInputSchema = z.strictObject({ violationId: id });
export const PenaltyInputSchema = z.strictObject({ violationId: id, amountFen: fen.refine((n) => n > 0, { message: 'decoration.v.fen' }), note: optText(200) });
export const RectifiedInputSchema = z.strictObject({ violationId: id, note: optText(200) });
export const HotWorkInputSchema = z
  .strictObject({ id, from: dateTime, to: dateTime, location: requiredText(60), fireWatch: requiredText(30), approvedBy: requiredText(30) })
  .superRefine((h, ctx) => {
    if (Date.parse(h.to) <= Date.parse(h.from)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'decoration.v.periodOrder' });
  });
export const InspectionRequestSchema = z.strictObject({ id, fireReceipt: optText(40) });
export const InspectInputSchema = z.strictObject({
  id,
  engineeringBy: requiredText(30),
  securityBy: requiredText(30),
  problems: z.array(requiredText(200)).max(30).default([]),
});
export const CloseProblemInputSchema = z.strictObject({ problemId: id, note: optText(200) });

const CheckSchema = z.strictObject({ ok: z.boolean(), note: optText(200) });
export const REFUND_CHECKS = ['commonArea', 'neighbours', 'leaks', 'violations'] as const;
export const RefundInputSchema = z.strictObject({
  id,
  requestedBy: z.enum(['owner', 'contractor']),
  /** A contractor's request needs the owner's consent (如装修公司提出退还,则需通知业主,由业主同意). */
  ownerConsent: z.boolean().default(false),
  checks: z.strictObject({ commonArea: CheckSchema, neighbours: CheckSchema, leaks: CheckSchema, violations: CheckSchema }),
  /** 应付水电费: unpaid utilities, deducted by the ledger. */
  utilitiesFen: fen,
  /** The three sign the refund form (业主、装修公司、项目中心负责人): recorded as signed on the paper. */
  signedByOwner: z.boolean(),
  signedByContractor: z.boolean(),
  signedByManager: z.boolean(),
});
export const PayOutInputSchema = z.strictObject({ id, receipt });

export const DECORATION_QUEUES = ['open', 'awaitingApproval', 'underWay', 'noPatrolToday', 'refundDue', 'refundOverdue'] as const;
export const DecorationListInputSchema = z.strictObject({
  ...paging,
  state: z.enum(DECORATION_STATES).optional(),
  queue: z.enum(DECORATION_QUEUES).optional(),
  /** One unit's permits (the unit page). */
  unitId: id.optional(),
  /** A ZX number, a unit code (prefix) or a contractor. */
  search: text(60).optional(),
});

// ---------------------------------------------------------------- outputs

export const DecorationRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  state: z.enum(DECORATION_STATES),
  unitId: z.string(),
  unitCode: z.string(),
  use: UnitUseSchema,
  applicantName: z.string(),
  contractor: z.string().nullable(),
  workFrom: z.string(),
  workTo: z.string(),
  approvalDue: z.string().nullable(),
  refundDue: z.string().nullable(),
  depositHeldFen: z.number(),
  lastPatrol: z.string().nullable(),
  createdAt: z.string(),
});
export type DecorationRow = z.infer<typeof DecorationRowSchema>;

export const ChecklistEntrySchema = z.object({ kind: z.enum(['document', 'commitment']), code: z.string(), required: z.boolean(), done: z.boolean(), date: z.string().nullable(), by: z.string().nullable() });
export const FeeLineSchema = z.object({ code: z.enum(FEE_CODES), quantity: z.number(), unitFen: z.number(), amountFen: z.number() });
export const LedgerEntrySchema = z.object({ id: z.string(), seq: z.number(), kind: z.enum(LEDGER_KINDS), amountFen: z.number(), balanceFen: z.number(), receipt: z.string().nullable(), note: z.string().nullable(), at: z.string(), by: z.string().nullable() });
export type LedgerEntryRow = z.infer<typeof LedgerEntrySchema>;
export const PassSchema = z.object({
  id: z.string(),
  number: z.string(),
  name: z.string(),
  idNumberMasked: z.string(),
  phoneMasked: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  printed: z.boolean(),
});
export type Pass = z.infer<typeof PassSchema>;
export const PatrolSchema = z.object({ id: z.string(), date: z.string(), department: z.enum(DEPARTMENTS), by: z.string(), findings: z.string().nullable(), at: z.string() });
export const ViolationSchema = z.object({
  id: z.string(),
  date: z.string(),
  severity: z.enum(['minor', 'serious']),
  description: z.string(),
  hotWork: z.boolean(),
  /** Serious because it was hot work without an approval covering the day. */
  hotWorkUnapproved: z.boolean(),
  warnedWho: z.string().nullable(),
  ownerCalledAt: z.string().nullable(),
  ownerCallNote: z.string().nullable(),
  contractorCalledAt: z.string().nullable(),
  signedAt: z.string().nullable(),
  penaltyFen: z.number().nullable(),
  penaltyDeductedFen: z.number().nullable(),
  penaltyBy: z.string().nullable(),
  penaltyAt: z.string().nullable(),
  rectifiedAt: z.string().nullable(),
  rectifiedNote: z.string().nullable(),
});
export type Violation = z.infer<typeof ViolationSchema>;
export const HotWorkSchema = z.object({ id: z.string(), from: z.string(), to: z.string(), location: z.string(), fireWatch: z.string(), approvedBy: z.string(), at: z.string() });
export const ProblemSchema = z.object({ id: z.string(), inspection: z.number(), description: z.string(), closedAt: z.string().nullable(), closedNote: z.string().nullable() });
export const InspectionSchema = z.object({ seq: z.number(), at: z.string(), engineeringBy: z.string(), securityBy: z.string(), passed: z.boolean() });

export const DecorationDetailSchema = DecorationRowSchema.extend({
  unitArea: z.number().nullable(),
  buildingName: z.string(),
  applicant: z.object({ kind: z.enum(APPLICANT_KINDS), personId: z.string().nullable(), name: z.string(), phoneMasked: z.string() }),
  contractorDetail: z.object({ self: z.boolean(), company: z.string().nullable(), managerName: z.string().nullable(), managerPhone: z.string().nullable(), managerIdMasked: z.string().nullable() }),
  workers: z.number(),
  description: z.string(),
  govFlags: z.array(z.enum(GOV_FLAGS)),
  govToldAt: z.string().nullable(),
  govToldBy: z.string().nullable(),
  checklist: z.array(ChecklistEntrySchema),
  missing: z.array(z.object({ kind: z.enum(['document', 'commitment']), code: z.string() })),
  fees: z.array(FeeLineSchema),
  feesTotalFen: z.number(),
  feesPaid: z.object({ receipt: z.string(), at: z.string(), by: z.string().nullable() }).nullable(),
  submittedAt: z.string().nullable(),
  approvalDueEstimated: z.boolean(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  rejectReason: z.string().nullable(),
  protection: z.object({ by: z.string(), note: z.string().nullable(), at: z.string() }).nullable(),
  permitIssuedAt: z.string().nullable(),
  priorState: z.string().nullable(),
  passes: z.array(PassSchema),
  patrols: z.array(PatrolSchema),
  violations: z.array(ViolationSchema),
  hotWorks: z.array(HotWorkSchema),
  inspectionRequestedAt: z.string().nullable(),
  fireReceipt: z.string().nullable(),
  inspections: z.array(InspectionSchema),
  problems: z.array(ProblemSchema),
  passedOn: z.string().nullable(),
  ledger: z.array(LedgerEntrySchema),
  /** What the refund would be now (deposit − penalties − utilities), from the ledger; null once refunded or before payment. */
  refund: z
    .object({
      requestedBy: z.enum(['owner', 'contractor']).nullable(),
      ownerConsent: z.boolean(),
      checks: z.record(z.string(), z.object({ ok: z.boolean(), note: z.string().nullable() })).nullable(),
      utilitiesFen: z.number().nullable(),
      preparedAt: z.string().nullable(),
      preparedBy: z.string().nullable(),
      signed: z.object({ owner: z.boolean(), contractor: z.boolean(), manager: z.boolean() }),
      depositFen: z.number(),
      penaltiesFen: z.number(),
      refundFen: z.number(),
      paidOut: z.object({ receipt: z.string(), at: z.string(), by: z.string().nullable() }).nullable(),
    })
    .nullable(),
  voidReason: z.string().nullable(),
  timeline: z.array(TimelineEntrySchema),
});
export type DecorationDetail = z.infer<typeof DecorationDetailSchema>;

export const PassCheckSchema = z.object({
  answer: z.enum(['valid', 'expired', 'notYet', 'revoked', 'unknown']),
  number: z.string(),
  pass: z
    .object({ name: z.string(), idNumberMasked: z.string(), validFrom: z.string(), validTo: z.string(), revokedAt: z.string().nullable(), revokeReason: z.string().nullable(), permitNumber: z.string(), permitId: z.string(), unitCode: z.string(), contractor: z.string().nullable() })
    .nullable(),
});
export type PassCheck = z.infer<typeof PassCheckSchema>;

export const LedgerViewSchema = z.object({
  asOf: z.string(),
  held: z.object({ count: z.number(), fen: z.number() }),
  /** Deposits held by how long since they were paid. */
  byAge: z.array(z.object({ bucket: z.enum(['lt3m', '3to6m', '6to12m', 'gt12m']), count: z.number(), fen: z.number() })),
  refundsDue: z.array(DecorationRowSchema),
  refundsOverdue: z.array(DecorationRowSchema),
  totals: z.object({ paidFen: z.number(), penaltiesFen: z.number(), utilitiesFen: z.number(), refundedFen: z.number() }),
});
export type LedgerView = z.infer<typeof LedgerViewSchema>;
