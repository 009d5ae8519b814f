/**
 * Repairs on Today, through the real host on real SQLite: each role's lists (the callbacks due beside them) and
 * the list's queues. The callback-rate tiles and the frozen month are test/workflows/callbacks/today.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { TestEnv } from '../../helpers/host';
import { complete, dispatch, finished, intake, pickUp, setup, wake } from '../../helpers/repairs';

const today = (env: TestEnv, session: string) => env.ok('today.summary', {}, session);
describe('Today', () => {
  it('the desk sees the orders to chase and the callbacks due (overdue first); the cashier the charges to collect', async () => {
    const { env, site } = await setup();
    const urgent = await env.ok('repairs.create', intake(env, site), 'clerk');
    const normal = await env.ok('repairs.create', intake(env, site, { urgent: false, description: '卫生间门锁坏了', category: 'doors_windows' }), 'clerk');
    env.clock.advanceMinutes(11);
    await wake(env);
    let t = await today(env, 'clerk');
    // 11 minutes: the urgent one is past its 10 minutes, the normal one has 30.
    expect(t.repairs.notPickedUp.map((r) => r.number)).toEqual([urgent.number]);
    expect(t.repairs.chargesToCollect).toEqual([]);
    env.clock.advanceMinutes(20);
    await wake(env);
    t = await today(env, 'clerk');
    expect(t.repairs.notPickedUp.map((r) => r.number)).toEqual([urgent.number, normal.number]);
    // A chase gives engineering the limit again.
    await env.ok('repairs.chase', { id: urgent.id, notifiedName: '工程部刘工' }, 'clerk');
    expect((await today(env, 'clerk')).repairs.notPickedUp.map((r) => r.number)).toEqual([normal.number]);

    // Two callbacks: one due in two days, one (finished two days earlier) due today; then one overdue.
    const a = await finished(env, site, { paid: true, priceTold: true, charges: [{ code: 'tap', quantity: 1 }] });
    env.clock.advanceDays(2);
    await wake(env);
    const b = await finished(env, site);
    t = await today(env, 'clerk');
    expect(t.callbacks.due.map((c) => c.sourceNumber)).toEqual([a.number]);
    expect(t.callbacks.dueTotal).toBe(1);
    env.clock.advanceDays(2);
    await wake(env);
    t = await today(env, 'clerk');
    expect(t.callbacks.due.map((c) => [c.sourceNumber, c.overdue])).toEqual([
      [a.number, true],
      [b.number, false],
    ]);
    // The cashier: no callbacks, no chasing; the paid order's charge to collect.
    const cashier = await today(env, 'cashier');
    expect(cashier.repairs).toMatchObject({ notPickedUp: [], endOfDay: null });
    expect(cashier.callbacks).toEqual({ due: [], dueTotal: 0 });
    expect(cashier.repairs.chargesToCollect.map((r) => r.number)).toEqual([a.number]);
    await env.ok('repairs.collect', { id: a.id, receipt: 'SJ-001' }, 'cashier');
    expect((await today(env, 'cashier')).repairs.chargesToCollect).toEqual([]);
  });

  it('after the end of the day (17:00, a setting) the supervisor is told how many orders are still open', async () => {
    const { env, site } = await setup();
    // START is 12:00 Beijing time.
    await env.ok('repairs.create', intake(env, site), 'clerk');
    const done = await env.ok('repairs.create', intake(env, site, { urgent: false }), 'clerk');
    await dispatch(env, done.id);
    await pickUp(env, done.id);
    await complete(env, done.id);
    expect((await today(env, 'supervisor')).repairs.endOfDay).toBeNull();
    env.clock.set('2026-03-15T09:01:00.000Z'); // 17:01
    await wake(env);
    expect((await today(env, 'supervisor')).repairs.endOfDay).toEqual({ cutoff: '2026-03-15T09:00:00.000Z', open: 1 });
    expect((await today(env, 'clerk')).repairs.endOfDay).toBeNull();
    await env.ok('settings.update', { repairEndOfDay: '17:30' });
    expect((await today(env, 'supervisor')).repairs.endOfDay).toBeNull();
  });
});

describe('the list’s queues', () => {
  it('open, not picked up, overdue for pick-up (as the rule counts it: from the last chase, or dispatch, or intake)', async () => {
    const { env, site } = await setup();
    const u = await env.ok('repairs.create', intake(env, site), 'clerk');
    const n = await env.ok('repairs.create', intake(env, site, { urgent: false }), 'clerk');
    const p = await env.ok('repairs.create', intake(env, site, { urgent: false }), 'clerk');
    await dispatch(env, p.id);
    await pickUp(env, p.id);
    const c = await finished(env, site);
    const queue = async (q: 'open' | 'notPickedUp' | 'overdue') => (await env.ok('repairs.list', { queue: q }, 'clerk')).rows.map((r) => r.number).sort();
    expect(await queue('open')).toEqual([u.number, n.number, p.number].sort());
    expect(await queue('notPickedUp')).toEqual([u.number, n.number].sort());
    expect(await queue('overdue')).toEqual([]);
    env.clock.advanceMinutes(11);
    await wake(env);
    expect(await queue('overdue')).toEqual([u.number]);
    await dispatch(env, u.id); // told engineering now: the limit counts again
    expect(await queue('overdue')).toEqual([]);
    env.clock.advanceMinutes(31);
    await wake(env);
    expect(await queue('overdue')).toEqual([u.number, n.number].sort());
    // Every overdue row is one the rule calls overdue.
    const rows = (await env.ok('repairs.list', { queue: 'overdue' }, 'clerk')).rows;
    expect(rows.every((r) => r.overdueForPickup)).toBe(true);
    expect(await queue('open')).not.toContain(c.number);
  });
});
