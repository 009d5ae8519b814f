/**
 * The callback queue (回访, procedure 八; 第7篇 of the front desk's duties): pure rules. The queue is generic:
 * a source (repairs first; complaints, requests and suggestions later) creates a callback when its work is
 * finished, with the due date its own rules give; the queue logs the attempts, escalates the unreached ones and
 * hands a reached answer back to the source. Every number comes from settings.
 */
import { localWallClock } from '../../kernel/deadlines';
import type { CallbackAnswer, CallbackState } from '../../kernel/callbacks';

export { CALLBACK_STATES, type CallbackAnswer, type CallbackState } from '../../kernel/callbacks';

/** Overdue from the day after the due date (site calendar). */
export const callbackOverdue = (dueDate: string, nowIso: string): boolean => localWallClock(nowIso).slice(0, 10) > dueDate;

export const CALLBACK_CHANNELS = ['phone', 'visit', 'sms'] as const;
export type CallbackChannel = (typeof CALLBACK_CHANNELS)[number];

export const SATISFACTION = ['very_satisfied', 'satisfied', 'neutral', 'unsatisfied'] as const;
export type Satisfaction = (typeof SATISFACTION)[number];

export interface AttemptAnswer {
  reached: boolean;
  fixed: boolean | null;
  satisfaction: Satisfaction | null;
}

/** What an attempt does to its callback and its source: still open, escalated, done (source closed), or done and the source reopened. */
export type AttemptOutcome = 'open' | 'escalated' | CallbackAnswer;

/**
 * Not reached: the callback stays open, and after `escalateAfter` unreached attempts it goes to the supervisor.
 * Reached: "not fixed" or unsatisfied reopens the source; anything else closes it.
 */
export function attemptOutcome(a: AttemptAnswer, unreachedBefore: number, escalateAfter: number, state: CallbackState): AttemptOutcome {
  if (!a.reached) return unreachedBefore + 1 >= escalateAfter || state === 'escalated' ? 'escalated' : 'open';
  return a.fixed === false || a.satisfaction === 'unsatisfied' ? 'reopened' : 'closed';
}

/** Why an attempt's answer is incomplete (field → message key): a reached callee answers both questions. */
export function attemptProblems(a: AttemptAnswer): Record<string, string> {
  const out: Record<string, string> = {};
  if (a.reached) {
    if (a.fixed === null) out.fixed = 'v.required';
    if (a.satisfaction === null) out.satisfaction = 'v.required';
  } else {
    if (a.fixed !== null) out.fixed = 'callback.v.notReached';
    if (a.satisfaction !== null) out.satisfaction = 'callback.v.notReached';
  }
  return out;
}

export const callbackOpen = (s: CallbackState): boolean => s === 'open' || s === 'escalated';

export interface RateCallback {
  dueDate: string;
  state: CallbackState;
  /** Site-calendar date it was done (the reached attempt), or null. */
  doneDate: string | null;
}

export interface Rate {
  due: number;
  onTime: number;
  /** onTime ÷ due in basis points (10000 = 100 %), rounded down; null when nothing was due. */
  basisPoints: number | null;
}

/**
 * The callback rate over [from, to] (site dates) as of `today`: due = callbacks due in the period whose due
 * date has come (or that are done already); on time = those done on or before their due date. Cancelled
 * callbacks (a voided source) count for neither.
 */
export function callbackRate(callbacks: readonly RateCallback[], from: string, to: string, today: string): Rate {
  let due = 0;
  let onTime = 0;
  for (const c of callbacks) {
    if (c.state === 'cancelled' || c.dueDate < from || c.dueDate > to) continue;
    const isDone = c.state === 'done' && c.doneDate !== null;
    if (c.dueDate > today && !isDone) continue;
    due++;
    if (isDone && c.doneDate! <= c.dueDate) onTime++;
  }
  return { due, onTime, basisPoints: due === 0 ? null : Math.floor((onTime * 10_000) / due) };
}
