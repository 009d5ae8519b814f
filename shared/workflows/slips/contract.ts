import { z } from 'zod';
import { voidInput, type ChannelDef } from '../../kernel/channel';
import { id, requiredText } from '../../kernel/validation';
import { pageOf } from '../../master/schema';
import { IssueInputSchema, SlipDetailSchema, SlipDraftSchema, SlipListInputSchema, SlipRowSchema, VerificationInputSchema } from './schema';

/** Goods-release slips (物品放行条) and the gate. */
export const slipsContract = {
  // ---- goods-release slips (物品放行条) ----
  'slips.list': { kind: 'read', input: SlipListInputSchema, output: pageOf(SlipRowSchema), permission: 'slips.read' },
  'slips.get': { kind: 'read', input: z.strictObject({ id }), output: SlipDetailSchema, permission: 'slips.read' },
  'slips.create': { kind: 'write', input: SlipDraftSchema, output: SlipDetailSchema, permission: 'slips.write' },
  'slips.update': { kind: 'write', input: z.strictObject({ id, draft: SlipDraftSchema }), output: SlipDetailSchema, permission: 'slips.write' },
  'slips.submit': { kind: 'write', input: z.strictObject({ id }), output: SlipDetailSchema, permission: 'slips.write' },
  'slips.recordCall': { kind: 'write', input: VerificationInputSchema, output: SlipDetailSchema, permission: 'slips.write' },
  'slips.confirmFees': { kind: 'write', input: z.strictObject({ slipId: id, receipt: requiredText(40) }), output: SlipDetailSchema, permission: 'slips.fees' },
  'slips.issue': { kind: 'write', input: IssueInputSchema, output: SlipDetailSchema, permission: 'slips.write' },
  'slips.refuse': { kind: 'write', input: voidInput, output: SlipDetailSchema, permission: 'slips.write' },
  'slips.void': { kind: 'write', input: voidInput, output: SlipDetailSchema, permission: 'slips.void' },
  'slips.print': { kind: 'write',
    input: z.strictObject({ id, lang: z.enum(['zh-CN', 'en']) }),
    output: z.object({ fileName: z.string(), pdfBase64: z.string(), copy: z.boolean() }),
    permission: 'slips.write',
  },
  'gate.lookup': { kind: 'write', input: z.strictObject({ number: z.string().min(1).max(60) }), output: SlipDetailSchema, permission: 'gate.exit' },
  'gate.exit': { kind: 'write', input: z.strictObject({ number: z.string().min(1).max(60) }), output: SlipDetailSchema, permission: 'gate.exit' },
} as const satisfies Record<string, ChannelDef>;
