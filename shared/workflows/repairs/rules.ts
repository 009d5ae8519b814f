/**
 * Repairs (报修 / 维修派工, procedure 十三) and their follow-up callbacks (回访, procedure 八): pure rules.
 * Every number comes from settings (PRODUCT.md: a number from the rule books is a setting with that default).
 */
import { addCalendarDays, localWallClock } from '../../kernel/deadlines';
import { assertFen, type Fen } from '../../kernel/money';

export const REPAIR_STATES = ['received', 'dispatched', 'picked_up', 'completed', 'closed', 'reopened', 'voided'] as const;
export type RepairState = (typeof REPAIR_STATES)[number];

export const REPAIR_ACTIONS = ['dispatch', 'pickUp', 'chase', 'complete', 'close', 'reopen', 'void'] as const;
export type RepairAction = (typeof REPAIR_ACTIONS)[number];

/** Which states each step may start from. Reopened is "back to dispatch": it is dispatched again. */
const FROM: Record<RepairAction, readonly RepairState[]> = {
  dispatch: ['received', 'reopened'],
  pickUp: ['dispatched'],
  chase: ['received', 'dispatched', 'reopened'],
  complete: ['picked_up'],
  close: ['completed'],
  reopen: ['completed'],
  void: ['received', 'dispatched', 'picked_up', 'reopened'],
};

export const NEXT: Record<Exclude<RepairAction, 'chase'>, RepairState> = {
  dispatch: 'dispatched',
  pickUp: 'picked_up',
  complete: 'completed',
  close: 'closed',
  reopen: 'reopened',
  void: 'voided',
};

/** Why `action` may not be done in `state` (a message key saying which states it needs), or null. */
export function transitionError(action: RepairAction, state: RepairState): string | null {
  return FROM[action].includes(state) ? null : `repair.why.${action}`;
}

/** Waiting for a technician to sign for the work order. */
export const notPickedUp = (state: RepairState): boolean => state === 'received' || state === 'dispatched' || state === 'reopened';

export interface PickupLimits {
  urgentMinutes: number;
  normalMinutes: number;
}

export const pickupLimitMinutes = (urgent: boolean, limits: PickupLimits): number => (urgent ? limits.urgentMinutes : limits.normalMinutes);

/**
 * When the desk must chase engineering: the limit counts from the last chase, or from when engineering was
 * told, or (not told yet) from intake — every chase gives engineering the limit again.
 */
export function pickupDueAt(o: { receivedAt: string; dispatchedAt: string | null; lastChasedAt: string | null; urgent: boolean }, limits: PickupLimits): string {
  const from = o.lastChasedAt ?? o.dispatchedAt ?? o.receivedAt;
  return new Date(Date.parse(from) + pickupLimitMinutes(o.urgent, limits) * 60_000).toISOString();
}

/** Not picked up in time at `now`: Today tells the clerk to chase. */
export function overdueForPickup(
  o: { state: RepairState; receivedAt: string; dispatchedAt: string | null; lastChasedAt: string | null; urgent: boolean },
  limits: PickupLimits,
  now: string,
): boolean {
  return notPickedUp(o.state) && Date.parse(now) > Date.parse(pickupDueAt(o, limits));
}

/** How a category's callback is due: calendar days after the repair was finished, or after its leak test. */
export const CALLBACK_FROM = ['finished', 'leakTest'] as const;
export type CallbackFrom = (typeof CALLBACK_FROM)[number];

export interface CategoryCallbackRule {
  callbackDays: number;
  callbackFrom: CallbackFrom;
}

/**
 * The callback's due date (site calendar, the whole day allowed): the finish time's date in the site's time
 * zone (a repair finished at 00:30 Beijing time belongs to that day, though UTC still says the day before),
 * or the leak-test date, plus the category's calendar days.
 */
export function callbackDueDate(rule: CategoryCallbackRule, finishedAt: string, leakTestDate: string | null): string {
  const from = rule.callbackFrom === 'leakTest' ? leakTestDate : localWallClock(finishedAt).slice(0, 10);
  if (!from) throw new RangeError('a leak repair needs its leak-test date');
  return addCalendarDays(from, rule.callbackDays);
}

/** Overdue from the day after the due date (site calendar). */
export const callbackOverdue = (dueDate: string, nowIso: string): boolean => localWallClock(nowIso).slice(0, 10) > dueDate;

export const CALLBACK_STATES = ['open', 'escalated', 'done', 'cancelled'] as const;
export type CallbackState = (typeof CALLBACK_STATES)[number];

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
export type AttemptOutcome = 'open' | 'escalated' | 'closed' | 'reopened';

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

export const CHARGE_KINDS = ['labour', 'material'] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];

export interface ChargeLine {
  unitPriceFen: Fen;
  quantity: number;
}

/** A line's amount and the order's total, in integer fen. */
export const lineAmount = (l: ChargeLine): Fen => assertFen(assertFen(l.unitPriceFen) * l.quantity);
export const chargeTotal = (lines: readonly ChargeLine[]): Fen => assertFen(lines.reduce((s, l) => s + lineAmount(l), 0));

export const CHARGE_STATES = ['none', 'pending', 'collected', 'waived'] as const;
export type ChargeState = (typeof CHARGE_STATES)[number];

/** Why the cashier may not collect or waive now, or null: only a paid, completed order's pending charge. */
export function chargeError(o: { paid: boolean; state: RepairState; chargeState: ChargeState }): string | null {
  if (!o.paid) return 'repair.why.notPaid';
  if (o.chargeState !== 'pending') return 'repair.why.chargeSettled';
  if (o.state !== 'completed' && o.state !== 'closed') return 'repair.why.notCompleted';
  return null;
}

/** Completion: a paid order has charge items; a leak repair its leak-test date; the finish is not before the pick-up nor in the future. */
export function completionProblems(
  c: { paid: boolean; chargeCount: number; needsLeakTest: boolean; leakTestDate: string | null; finishedAt: string; finishedDate: string },
  pickedUpAt: string | null,
  now: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (c.paid && c.chargeCount === 0) out.charges = 'repair.v.paidNeedsCharges';
  if (c.needsLeakTest && !c.leakTestDate) out.leakTestDate = 'repair.v.leakTestRequired';
  if (c.leakTestDate && c.leakTestDate < c.finishedDate) out.leakTestDate = 'repair.v.leakTestBeforeFinish';
  if (Date.parse(c.finishedAt) > Date.parse(now) + 60_000) out.finishedAt = 'v.notInFuture';
  else if (pickedUpAt && Date.parse(c.finishedAt) < Date.parse(pickedUpAt)) out.finishedAt = 'repair.v.finishedBeforePickUp';
  return out;
}

/**
 * The p-th percentile (0 ≤ p ≤ 1) of ascending `sorted` values, interpolated between the closest ranks — Excel's
 * PERCENTILE.INC (and MEDIAN at 0.5), so a figure of the monthly statistics can be checked in the exported sheet.
 * Null for no values.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  if (p < 0 || p > 1) throw new RangeError(`percentile out of 0..1: ${p}`);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** A month's first and last day and the instants that bound it (site calendar: Beijing midnight, UTC+8, no DST). */
export function monthBounds(month: string): { from: string; to: string; startIso: string; endIso: string } {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return {
    from: `${month}-01`,
    to: `${month}-${String(last).padStart(2, '0')}`,
    startIso: new Date(`${month}-01T00:00:00+08:00`).toISOString(),
    endIso: new Date(`${next}-01T00:00:00+08:00`).toISOString(),
  };
}
