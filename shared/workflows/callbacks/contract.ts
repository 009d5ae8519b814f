import { z } from 'zod';
import type { ChannelDef } from '../../kernel/channel';
import { id } from '../../kernel/validation';
import { pageOf } from '../../master/schema';
import { AttemptInputSchema, CallbackDetailSchema, CallbackListInputSchema, CallbackRowSchema, RateInputSchema, RateSchema } from './schema';

/** The callback queue (回访): fed by repairs now, by complaints, requests and suggestions later. */
export const callbacksContract = {
  'callbacks.list': { kind: 'read', input: CallbackListInputSchema, output: pageOf(CallbackRowSchema), permission: 'callbacks.read' },
  'callbacks.get': { kind: 'read', input: z.strictObject({ id }), output: CallbackDetailSchema, permission: 'callbacks.read' },
  'callbacks.attempt': { kind: 'write', input: AttemptInputSchema, output: CallbackDetailSchema, permission: 'callbacks.write' },
  'callbacks.rate': { kind: 'read', input: RateInputSchema, output: RateSchema, permission: 'callbacks.read' },
  /** The contact's phone in clear, to make the call: a logged reveal, like a person's. */
  'callbacks.reveal': { kind: 'write', input: z.strictObject({ id }), output: z.object({ value: z.string().nullable() }), permission: 'pii.reveal' },
} as const satisfies Record<string, ChannelDef>;
