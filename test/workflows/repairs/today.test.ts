/**
 * Repairs and callbacks on Today and on the manager's dashboard, through the real host on real SQLite: each
 * role's lists, the list's queues, the callback-rate tiles against a hand count, and a month's rate frozen when
 * the month closes (a late, back-dated attempt leaves it).
 */
import { describe, expect, it } from 'vitest';
import type { Tile } from '../../../shared/kernel/dashboard';
import { PASSWORD, type TestEnv } from '../../helpers/host';
import { complete, dispatch, finished, intake, now, pickUp, reached, setup, unreached, wake } from '../../helpers/repairs';

const today = (env: TestEnv, session: string) => env.ok('today.summary', {}, session);
const tile = (tiles: Tile[], id: string) => {
  const t = tiles.find((x) => x.id === id);
  if (!t) throw new Error(`no tile ${id} in ${tiles.map((x) => x.id).join(', ')}`);
  return t;
};
const stat = (tiles: Tile[], id: string) => {
  const t = tile(tiles, id);
  if (t.kind !== 'stat') throw new Error(`${id} is a ${t.kind}`);
  return t;
};

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

describe('the dashboard', () => {
  it('the callback rate today, this week and this month against a hand count, and the repairs open', async () => {
    const { env, site } = await setup();
    // Sunday 15 March 2026. Three repairs finished on the 13th (due the 15th: today), one on the 14th (due the 16th).
    env.clock.set('2026-03-13T04:00:00.000Z');
    await wake(env);
    const due = [await finished(env, site), await finished(env, site), await finished(env, site)];
    env.clock.set('2026-03-14T04:00:00.000Z');
    await wake(env);
    await finished(env, site);
    env.clock.set('2026-03-15T04:00:00.000Z');
    await wake(env);
    const cb = async (repairId: string) => (await env.ok('repairs.get', { id: repairId }, 'clerk')).callbacks[0].id;
    await reached(env, await cb(due[0].id), true, 'satisfied');
    await unreached(env, await cb(due[1].id));
    const open = await env.ok('repairs.create', intake(env, site), 'clerk');
    env.clock.advanceMinutes(15);
    await env.ok('auth.unlock', { password: PASSWORD }, 'mgr');
    const tiles = (await today(env, 'mgr')).tiles;
    // Today: 3 due, 1 done on time. This week (Mon 9 – Sun 15): the same 3 (the 16th is next week). The month: 3 due so far.
    expect(stat(tiles, 'repairs.callbackRateToday')).toMatchObject({ value: 3333, format: 'bp', tone: 'bad', note: { params: { due: 3, onTime: 1 } } });
    expect(stat(tiles, 'repairs.callbackRateWeek')).toMatchObject({ value: 3333 });
    expect(stat(tiles, 'repairs.callbackRateMonth')).toMatchObject({ value: 3333, previous: null });
    const breakdown = tile(tiles, 'repairs.open');
    expect(breakdown.kind === 'breakdown' && Object.fromEntries(breakdown.parts.map((p) => [p.key, p.value]))).toEqual({ open: 1, notPickedUp: 1, overdue: 1, callbacksOverdue: 0 });
    expect(open.state).toBe('received');
    // The order of the dashboard: repairs after release slips, before the safety of the data.
    const ids = tiles.map((t) => t.id);
    expect(ids.indexOf('slips.waiting')).toBeLessThan(ids.indexOf('repairs.callbackRateToday'));
    expect(ids.indexOf('repairs.open')).toBeLessThan(ids.indexOf('safety.backup'));
    expect((await today(env, 'clerk')).tiles).toEqual([]);
  });

  it('a month’s rate is frozen when it closes: an attempt back-dated into it afterwards leaves the figure', async () => {
    const { env, site } = await setup();
    env.clock.set('2026-03-27T04:00:00.000Z');
    await wake(env);
    const r = await finished(env, site); // due 29 March
    const callbackId = (await env.ok('repairs.get', { id: r.id }, 'clerk')).callbacks[0].id;
    // April: March had one callback due, not done — 0 %. The first write of April (this unreached attempt) freezes March.
    env.clock.set('2026-04-02T04:00:00.000Z');
    await wake(env);
    await unreached(env, callbackId);
    expect(env.rows('SELECT month, due, on_time FROM callback_rate_months')).toEqual([{ month: '2026-03', due: 1, on_time: 0 }]);
    // The clerk then records the call she really made on 28 March: done, and on time — but March is closed.
    await env.ok('callbacks.attempt', { callbackId, channel: 'phone', at: '2026-03-28T03:00:00.000Z', reached: true, fixed: true, satisfaction: 'satisfied', note: null }, 'clerk');
    expect(await env.ok('callbacks.rate', { from: '2026-03-01', to: '2026-03-31' }, 'clerk')).toMatchObject({ due: 1, onTime: 1 });
    const month = stat((await today(env, 'mgr')).tiles, 'repairs.callbackRateMonth');
    expect(month).toMatchObject({ previous: 0, previousLabel: { key: 'dashboard.callbackRate.lastMonthFrozen' } });
    expect(env.rows('SELECT month, due, on_time FROM callback_rate_months')).toEqual([{ month: '2026-03', due: 1, on_time: 0 }]);
    expect(now(env)).toBe('2026-04-02T04:00:00.000Z');
  });
});
