import { z } from 'zod';
import type { Permission } from './permissions';
import { id, requiredText } from './validation';

/**
 * A channel, declared once in its workflow's contract slice: name `domain.verb`, zod input and output,
 * whether it reads or writes, and who may call it. `auth: 'none'` channels work before sign-in
 * (status, setup, sign-in, recovery); every other channel needs a signed-in, unlocked session, plus
 * `permission` when given. `kind: 'write'` channels are refused while an import holds the database.
 */
export interface ChannelDef {
  kind: 'read' | 'write';
  input: z.ZodTypeAny;
  output: z.ZodTypeAny;
  auth?: 'none' | 'session';
  permission?: Permission;
}

export const empty = z.strictObject({});
export const paging = { offset: z.number().int().min(0).max(10_000_000).default(0), limit: z.number().int().min(1).max(500).default(50) };
export const voidInput = z.strictObject({ id, reason: requiredText(200) });
export const done = z.object({ done: z.literal(true) });
