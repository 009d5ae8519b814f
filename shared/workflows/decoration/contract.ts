import { z } from 'zod';
import { voidInput, type ChannelDef } from '../../kernel/channel';
import type { Permission } from '../../kernel/permissions';
import { id } from '../../kernel/validation';
import { pageOf } from '../../master/schema';
import {
  ApplicationInputSchema,
  ApplicationUpdateSchema,
  CheckItemInputSchema,
  CloseProblemInputSchema,
  DecorationDetailSchema,
  DecorationListInputSchema,
  DecorationRowSchema,
  HotWorkInputSchema,
  InspectInputSchema,
  InspectionRequestSchema,
  LedgerViewSchema,
  NoticeCallInputSchema,
  NoticeSignedInputSchema,
  PassCheckSchema,
  PassInputSchema,
  PatrolInputSchema,
  PayInputSchema,
  PayOutInputSchema,
  PenaltyInputSchema,
  ProtectInputSchema,
  ReasonInputSchema,
  RectifiedInputSchema,
  RefundInputSchema,
  RevokePassInputSchema,
  ViolationInputSchema,
} from './schema';

const detail = DecorationDetailSchema;
const w = <I extends z.ZodType, P extends Permission = 'decoration.write'>(input: I, permission?: P) =>
  ({ kind: 'write', input, output: detail, permission: (permission ?? 'decoration.write') as P }) as const;

/** Decoration permits (装修管理, procedure 二), their worker passes, patrols, violations and the deposit ledger. */
export const decorationContract = {
  'decoration.list': { kind: 'read', input: DecorationListInputSchema, output: pageOf(DecorationRowSchema), permission: 'decoration.read' },
  'decoration.get': { kind: 'read', input: z.strictObject({ id }), output: detail, permission: 'decoration.read' },
  'decoration.create': w(ApplicationInputSchema),
  'decoration.update': w(ApplicationUpdateSchema),
  'decoration.check': w(CheckItemInputSchema),
  /** The owner was told the work needs a government approval (fire, structure, gas). */
  'decoration.tellGov': w(z.strictObject({ id })),
  'decoration.pay': w(PayInputSchema, 'decoration.fees'),
  'decoration.submit': w(z.strictObject({ id })),
  'decoration.approve': w(z.strictObject({ id }), 'decoration.approve'),
  'decoration.reject': w(ReasonInputSchema, 'decoration.approve'),
  'decoration.protect': w(ProtectInputSchema),
  'decoration.issuePermit': w(z.strictObject({ id })),
  'decoration.addPass': w(PassInputSchema),
  'decoration.revokePass': w(RevokePassInputSchema),
  'decoration.patrol': w(PatrolInputSchema),
  'decoration.violation': w(ViolationInputSchema),
  'decoration.noticeCall': w(NoticeCallInputSchema),
  'decoration.noticeSigned': w(NoticeSignedInputSchema),
  /** 违章整改表: the manager signs off the penalty, and the ledger deducts it from the deposit. */
  'decoration.penalty': w(PenaltyInputSchema, 'decoration.approve'),
  'decoration.rectified': w(RectifiedInputSchema),
  'decoration.hotWork': w(HotWorkInputSchema),
  'decoration.requestInspection': w(InspectionRequestSchema),
  'decoration.inspect': w(InspectInputSchema),
  'decoration.closeProblem': w(CloseProblemInputSchema),
  'decoration.prepareRefund': w(RefundInputSchema),
  'decoration.payOut': w(PayOutInputSchema, 'decoration.fees'),
  'decoration.void': w(voidInput, 'decoration.void'),
  /** A person's ID number or phone in clear from a permit (the contractor manager's ID, a worker's): a logged reveal. */
  'decoration.reveal': { kind: 'write',
    input: z.strictObject({ id, field: z.enum(['applicantPhone', 'managerId', 'passIdNumber', 'passPhone']), passId: id.optional() }),
    output: z.object({ value: z.string().nullable() }),
    permission: 'pii.reveal',
  },

  /** The gate: a scanned or typed pass number answered valid / expired / not yet valid / revoked / unknown, and logged. */
  'passes.check': { kind: 'write', input: z.strictObject({ number: z.string().min(1).max(60) }), output: PassCheckSchema, permission: 'gate.exit' },

  /** The manager's view of the deposits: held (total, by age), refunds due and overdue, the ledger's totals. */
  'decoration.ledger': { kind: 'read', input: z.strictObject({}), output: LedgerViewSchema, permission: 'decoration.ledger' },
  'decoration.ledgerExport': { kind: 'write', input: z.strictObject({ lang: z.enum(['zh-CN', 'en']) }), output: z.object({ fileName: z.string(), base64: z.string() }), permission: 'decoration.ledger' },
} as const satisfies Record<string, ChannelDef>;
