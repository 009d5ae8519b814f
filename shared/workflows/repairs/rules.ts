/**
 * Repairs (报修 / 维修派工, procedure 十三): pure rules. A finished repair feeds the callback queue (回访,
 * procedure 八; shared/workflows/callbacks/), due as its category's rule below says. Every number comes from settings (PRODUCT.md: a number from the rule books is a setting with that default).
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
