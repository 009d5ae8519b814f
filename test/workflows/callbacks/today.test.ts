/**
 * The callback queue on the manager's dashboard, through the real host on real SQLite: the callback-rate tiles
 * against a hand count (beside the repairs open), and a month's rate frozen when the month closes (a late,
 * back-dated attempt leaves it).
 */
import { describe, expect, it } from 'vitest';
import type { Tile } from '../../../shared/kernel/dashboard';
import { PASSWORD, type TestEnv } from '../../helpers/host';
import { finished, intake, now, reached, setup, unreached, wake } from '../../helpers/repairs';

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
