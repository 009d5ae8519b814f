/** The callback queue's schemas (回访, procedure 八): the attempt, the queue's list and page, the rate. */
import { z } from 'zod';
import { id, isoDate, note } from '../../kernel/validation';
import { TimelineEntrySchema } from '../../kernel/records';
import { CALLBACK_CHANNELS, CALLBACK_STATES, SATISFACTION } from './rules';

const dateTime = z.iso.datetime({ offset: true, message: 'v.dateTime' });

export const AttemptInputSchema = z.strictObject({
  callbackId: id,
  channel: z.enum(CALLBACK_CHANNELS),
  at: dateTime,
  reached: z.boolean(),
  fixed: z.boolean().nullable().default(null),
  satisfaction: z.enum(SATISFACTION).nullable().default(null),
  note: note(300),
});

export const CallbackListInputSchema = z.strictObject({
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
  /** open: the queue (open and escalated), by due date, overdue first. */
  state: z.enum([...CALLBACK_STATES, 'queue']).default('queue'),
});

export const CallbackRowSchema = z.object({
  id: z.string(),
  number: z.string(),
  state: z.enum(CALLBACK_STATES),
  sourceKind: z.string(),
  sourceId: z.string(),
  sourceNumber: z.string(),
  /** The source's page in the app, as its registered source says (null for a kind no longer registered). */
  sourceRoute: z.string().nullable(),
  placeName: z.string(),
  contactName: z.string(),
  contactPhoneMasked: z.string(),
  dueDate: z.string(),
  overdue: z.boolean(),
  unreached: z.number(),
  doneAt: z.string().nullable(),
});
export type CallbackRow = z.infer<typeof CallbackRowSchema>;

export const CallbackDetailSchema = CallbackRowSchema.extend({
  outcome: z.enum(['closed', 'reopened']).nullable(),
  attempts: z.array(
    z.object({
      id: z.string(),
      channel: z.enum(CALLBACK_CHANNELS),
      at: z.string(),
      reached: z.boolean(),
      fixed: z.boolean().nullable(),
      satisfaction: z.enum(SATISFACTION).nullable(),
      note: z.string().nullable(),
      byName: z.string().nullable(),
    }),
  ),
  timeline: z.array(TimelineEntrySchema),
});
export type CallbackDetail = z.infer<typeof CallbackDetailSchema>;

export const RateInputSchema = z.strictObject({ from: isoDate, to: isoDate }).refine((r) => r.to >= r.from, { path: ['to'], message: 'v.endBeforeStart' });
export const RateSchema = z.object({ due: z.number(), onTime: z.number(), basisPoints: z.number().nullable() });
