/** The callback queue's pure rules: overdue by the site's date, what an attempt does, the rate against a hand count. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attemptOutcome, attemptProblems, callbackOverdue, callbackRate, type RateCallback } from '../../../shared/workflows/callbacks/rules';

describe('a callback', () => {
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
