/**
 * The demo site (setup with "demo data") has repairs in every state and a callback queue with overdue items,
 * all made through the real services: the technicians are in settings, Today shows each role its lists.
 */
import { describe, expect, it } from 'vitest';
import { testEnv } from '../../helpers/host';

describe('the demo site', () => {
  it('has repairs in every state, paid charges, a reopened order and a callback queue with overdue and escalated items', async () => {
    const env = testEnv();
    await env.init({ demo: true });
    await env.addUser('clerk');
    await env.addUser('cashier');
    const settings = await env.ok('settings.get', {});
    expect(settings.technicians.map((t) => t.code)).toEqual(['liu', 'chen', 'wang', 'zhao']);
    const byState = Object.fromEntries(env.rows<{ state: string; n: number }>('SELECT state, count(*) AS n FROM repairs GROUP BY state').map((r) => [r.state, r.n]));
    expect(Object.keys(byState).sort()).toEqual(['closed', 'completed', 'dispatched', 'picked_up', 'received'].sort());
    expect(env.count("SELECT count(*) FROM repairs WHERE reopen_count > 0 AND state = 'picked_up'")).toBe(1);
    expect(env.count("SELECT count(*) FROM repairs WHERE area_code IS NOT NULL")).toBe(3);
    expect(env.count("SELECT count(*) FROM repairs WHERE category = 'leak' AND leak_test_date IS NOT NULL")).toBe(1);
    expect(env.count("SELECT count(*) FROM repairs WHERE charge_state = 'collected'")).toBeGreaterThan(2);
    expect(env.count("SELECT count(*) FROM repairs WHERE charge_state = 'waived'")).toBe(1);
    expect(env.count("SELECT count(*) FROM repairs WHERE chase_count > 0")).toBe(1);
    expect(env.count("SELECT count(*) FROM callbacks WHERE state = 'escalated'")).toBe(1);
    expect(env.count("SELECT count(*) FROM callbacks WHERE outcome = 'reopened'")).toBe(1);

    const clerkToday = await env.ok('today.summary', {}, 'clerk');
    const clerk = clerkToday.repairs;
    // The urgent burst pipe (25 minutes, limit 10) and the chased one (limit again from the chase, 40 minutes ago).
    expect(clerk.notPickedUp.length).toBe(2);
    expect(clerk.notPickedUp.some((r) => r.urgent)).toBe(true);
    expect(clerkToday.callbacks.due.filter((c) => c.overdue).length).toBeGreaterThanOrEqual(3);
    expect(clerkToday.callbacks.due.some((c) => c.state === 'escalated')).toBe(true);
    const cashier = (await env.ok('today.summary', {}, 'cashier')).repairs;
    expect(cashier.chargesToCollect.length).toBe(1);
    const tiles = (await env.ok('today.summary', {})).tiles;
    const month = tiles.find((t) => t.id === 'repairs.callbackRateMonth');
    expect(month?.kind === 'stat' && month.value !== null && month.value < 10_000).toBe(true);
    // Every step was audited in the chain, as any clerk's would be.
    expect(env.count("SELECT count(*) FROM audit_log WHERE entity = 'repair' AND action = 'create'")).toBe(env.count('SELECT count(*) FROM repairs'));
  });
});
