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
import {
  attemptOutcome,
  attemptProblems,
  callbackOverdue,
  callbackRate,
  type RateCallback,
} from '../../../shared/workflows/callbacks/rules';

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
  it('is overdue from the next site day', () => {
    expect(callbackOverdue('2026-03-17', '2026-03-17T15:59:00.000Z')).toBe(false);
    expect(callbackOverdue('2026-03-17', '2026-03-17T16:00:00.000Z')).toBe(true);
  });
});

describe('callback attempts', () => {
  const no = { reached: false, fixed: null, satisfaction: null };
  it('three unreached attempts escalate (the setting’s count)', () => {
    expect(attemptOutcome(no, 0, 3, 'open')).toBe('open');
    expect(attemptOutcome(no, 1, 3, 'open')).toBe('open');
    expect(attemptOutcome(no, 2, 3, 'open')).toBe('escalated');
    expect(attemptOutcome(no, 3, 3, 'escalated')).toBe('escalated');
  });
  it('unsatisfied or not fixed reopens; otherwise closes', () => {
    expect(attemptOutcome({ reached: true, fixed: true, satisfaction: 'unsatisfied' }, 0, 3, 'open')).toBe('reopened');
    expect(attemptOutcome({ reached: true, fixed: false, satisfaction: 'satisfied' }, 0, 3, 'open')).toBe('reopened');
    expect(attemptOutcome({ reached: true, fixed: true, satisfaction: 'neutral' }, 2, 3, 'escalated')).toBe('closed');
  });
  it('a reached callee answers both questions; an unreached one none', () => {
    expect(attemptProblems({ reached: true, fixed: null, satisfaction: null })).toEqual({ fixed: 'v.required', satisfaction: 'v.required' });
    expect(attemptProblems({ reached: false, fixed: true, satisfaction: null })).toEqual({ fixed: 'callback.v.notReached' });
    expect(attemptProblems(no)).toEqual({});
  });
});

describe('the callback rate', () => {
  const date = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
  const cb: fc.Arbitrary<RateCallback> = fc.record({
    dueDate: date,
    state: fc.constantFrom('open', 'escalated', 'done', 'cancelled'),
    doneDate: fc.option(date, { nil: null }),
  }).map((c) => (c.state === 'done' ? { ...c, doneDate: c.doneDate ?? c.dueDate } : { ...c, doneDate: null }));

  it('is done on time ÷ due', () => {
    const r = callbackRate(
      [
        { dueDate: '2026-03-10', state: 'done', doneDate: '2026-03-10' },
        { dueDate: '2026-03-10', state: 'done', doneDate: '2026-03-11' },
        { dueDate: '2026-03-11', state: 'open', doneDate: null },
        { dueDate: '2026-03-20', state: 'open', doneDate: null },
        { dueDate: '2026-03-12', state: 'cancelled', doneDate: null },
      ],
      '2026-03-01',
      '2026-03-31',
      '2026-03-15',
    );
    expect(r).toEqual({ due: 3, onTime: 1, basisPoints: 3333 });
    expect(callbackRate([], '2026-03-01', '2026-03-31', '2026-03-15').basisPoints).toBeNull();
  });

  it('is never above 100 % and equals a hand count', () => {
    fc.assert(
      fc.property(fc.array(cb, { maxLength: 60 }), date, date, date, (cbs, a, b, today) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const r = callbackRate(cbs, from, to, today);
        const inPeriod = cbs.filter((c) => c.state !== 'cancelled' && c.dueDate >= from && c.dueDate <= to);
        const due = inPeriod.filter((c) => c.dueDate <= today || c.state === 'done');
        const onTime = due.filter((c) => c.state === 'done' && c.doneDate! <= c.dueDate);
        expect(r.due).toBe(due.length);
        expect(r.onTime).toBe(onTime.length);
        if (r.basisPoints !== null) expect(r.basisPoints).toBeLessThanOrEqual(10_000);
        expect(r.basisPoints === 10_000).toBe(due.length > 0 && onTime.length === due.length);
      }),
    );
  });
});

describe('charges', () => {
  it('are integer fen: unit price × quantity, summed', () => {
    expect(chargeTotal([{ unitPriceFen: 3000, quantity: 2 }, { unitPriceFen: 1250, quantity: 3 }])).toBe(9750);
    expect(() => chargeTotal([{ unitPriceFen: 0.5, quantity: 1 }])).toThrow();
  });
});
