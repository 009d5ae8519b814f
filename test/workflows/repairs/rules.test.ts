import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  callbackDueDate,
  chargeTotal,
  overdueForPickup,
  pickupDueAt,
  REPAIR_ACTIONS,
  REPAIR_STATES,
  transitionError,
} from '../../../shared/workflows/repairs/rules';

const LIMITS = { urgentMinutes: 10, normalMinutes: 30 };
const AT = '2026-03-15T04:00:00.000Z';
const plus = (min: number) => new Date(Date.parse(AT) + min * 60_000).toISOString();

describe('repair states', () => {
  it('go received → dispatched → picked up → completed → closed, or reopened and dispatched again', () => {
    expect(transitionError('dispatch', 'received')).toBeNull();
    expect(transitionError('pickUp', 'dispatched')).toBeNull();
    expect(transitionError('complete', 'picked_up')).toBeNull();
    expect(transitionError('close', 'completed')).toBeNull();
    expect(transitionError('reopen', 'completed')).toBeNull();
    expect(transitionError('dispatch', 'reopened')).toBeNull();
    expect(transitionError('pickUp', 'received')).toBe('repair.why.pickUp');
    expect(transitionError('complete', 'dispatched')).toBe('repair.why.complete');
    expect(transitionError('void', 'completed')).toBe('repair.why.void');
  });
  it('nothing leaves voided or closed except nothing', () => {
    for (const a of REPAIR_ACTIONS) {
      expect(transitionError(a, 'voided')).not.toBeNull();
      expect(transitionError(a, 'closed')).not.toBeNull();
    }
    expect(REPAIR_STATES).toContain('reopened');
  });
});

describe('pick-up limits', () => {
  const order = (urgent: boolean, state: 'dispatched' | 'picked_up' = 'dispatched') => ({ state, receivedAt: AT, dispatchedAt: AT, lastChasedAt: null, urgent });
  it('urgent: 10 minutes, normal: 30 minutes, from dispatch', () => {
    expect(pickupDueAt(order(true), LIMITS)).toBe(plus(10));
    expect(overdueForPickup(order(true), LIMITS, plus(10))).toBe(false);
    expect(overdueForPickup(order(true), LIMITS, plus(11))).toBe(true);
    expect(overdueForPickup(order(false), LIMITS, plus(29))).toBe(false);
    expect(overdueForPickup(order(false), LIMITS, plus(31))).toBe(true);
  });
  it('a chase gives engineering the limit again; a picked-up order is never overdue', () => {
    expect(overdueForPickup({ ...order(true), lastChasedAt: plus(12) }, LIMITS, plus(20))).toBe(false);
    expect(overdueForPickup({ ...order(true), lastChasedAt: plus(12) }, LIMITS, plus(23))).toBe(true);
    expect(overdueForPickup(order(true, 'picked_up'), LIMITS, plus(600))).toBe(false);
  });
  it('the limits are the settings’, whatever they are', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 600 }), fc.boolean(), (u, n, urgent) => {
        const limits = { urgentMinutes: u, normalMinutes: n };
        const m = urgent ? u : n;
        return !overdueForPickup(order(urgent), limits, plus(m)) && overdueForPickup(order(urgent), limits, plus(m + 1));
      }),
    );
  });
});

describe('callback due dates', () => {
  const two = { callbackDays: 2, callbackFrom: 'finished' as const };
  const leak = { callbackDays: 3, callbackFrom: 'leakTest' as const };
  it('2 calendar days after the finish, 3 after the leak test', () => {
    expect(callbackDueDate(two, '2026-03-15T04:00:00.000Z', null)).toBe('2026-03-17');
    expect(callbackDueDate(leak, '2026-03-15T04:00:00.000Z', '2026-03-16')).toBe('2026-03-19');
    expect(() => callbackDueDate(leak, '2026-03-15T04:00:00.000Z', null)).toThrow();
  });
  it('counts from the site’s date across midnight (Beijing time), over a month end', () => {
    // 23:50 Beijing on 31 March is 15:50 UTC; 00:10 on 1 April is 16:10 UTC on 31 March.
    expect(callbackDueDate(two, '2026-03-31T15:50:00.000Z', null)).toBe('2026-04-02');
    expect(callbackDueDate(two, '2026-03-31T16:10:00.000Z', null)).toBe('2026-04-03');
  });
});

describe('charges', () => {
  it('are integer fen: unit price × quantity, summed', () => {
    expect(chargeTotal([{ unitPriceFen: 3000, quantity: 2 }, { unitPriceFen: 1250, quantity: 3 }])).toBe(9750);
    expect(() => chargeTotal([{ unitPriceFen: 0.5, quantity: 1 }])).toThrow();
  });
});
