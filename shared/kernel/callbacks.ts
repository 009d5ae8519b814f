/**
 * What a source of the callback queue (回访, procedure 八) shares with it: the queue is generic — repairs are its
 * first source; complaints, requests and suggestions will feed it through the same interface. A source's own
 * shared code may not read another workflow's (eslint.config.js), so the words both sides use live here once:
 * a callback's states and the summary a source's page lists of its callbacks. The rest of the queue's rules
 * are shared/workflows/callbacks/.
 */
import { z } from 'zod';

export const CALLBACK_STATES = ['open', 'escalated', 'done', 'cancelled'] as const;
export type CallbackState = (typeof CALLBACK_STATES)[number];

/** What a reached answer does to the source: closes it, or (not fixed, or unsatisfied) reopens it. */
export type CallbackAnswer = 'closed' | 'reopened';

/** One callback of a source, as the source's page lists them. */
export const SourceCallbackSchema = z.object({ id: z.string(), number: z.string(), state: z.enum(CALLBACK_STATES), dueDate: z.string() });
export type SourceCallback = z.infer<typeof SourceCallbackSchema>;
