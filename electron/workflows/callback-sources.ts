import { registerCallbackSource, type CallbackSource } from './callbacks/service';
import { answerRepair } from './repairs/service';

/**
 * Every kind of record that feeds the callback queue (回访): one line a source. The queue is generic; it knows
 * a source only by this entry — its page, and what a reached answer does to it — so callbacks/ never reads a
 * source's folder and a source calls only callbacks/service.ts (createCallback, cancelCallbacksOf).
 */
export const CALLBACK_SOURCES: readonly CallbackSource[] = [
  { kind: 'repair', route: (id) => `/repairs/${id}`, onAnswered: (ctx, id, outcome, callback) => answerRepair(ctx, id, outcome, callback) },
];

/** Registers them with the queue (the host does, when it starts; again is harmless). */
export function registerCallbackSources(): void {
  for (const s of CALLBACK_SOURCES) registerCallbackSource(s);
}
