/** Repairs on real SQLite through the real host: a site, a clerk, a cashier, a supervisor, two technicians; each step as a clerk does it. */
import type { ChannelInput } from '../../shared/contract';
import { createSite, type Site } from './fixtures';
import { PASSWORD, testEnv, type TestEnv } from './host';

export const SESSIONS = ['mgr', 'clerk', 'cashier', 'supervisor'];

export async function setup(): Promise<{ env: TestEnv; site: Site }> {
  const env = testEnv();
  await env.init();
  const site = await createSite(env);
  await env.ok('settings.update', {
    idleLockMinutes: 240,
    technicians: [
      { code: 'liu', name: '刘师傅', trade: '水电', phone: '13600001111' },
      { code: 'chen', name: '陈师傅', trade: '木工', phone: null },
    ],
  });
  await env.addUser('clerk');
  await env.addUser('cashier');
  await env.addUser('supervisor');
  return { env, site };
}

/** After the clock jumps past the idle lock, every session unlocks again, as the clerks would. */
export async function wake(env: TestEnv) {
  for (const s of SESSIONS) await env.ok('auth.unlock', { password: PASSWORD }, s);
}

export const now = (env: TestEnv) => env.clock.now().toISOString();

export function intake(env: TestEnv, site: Site, over: Partial<ChannelInput<'repairs.create'>> = {}): ChannelInput<'repairs.create'> {
  return {
    place: { kind: 'unit', unitId: site.unitId },
    reporterName: '张三',
    reporterPhone: '138 1234 5678',
    reportedAt: now(env),
    category: 'water',
    description: '厨房水管爆裂，正在漏水',
    appointmentAt: null,
    urgent: true,
    paid: false,
    ...over,
  };
}

export const dispatch = (env: TestEnv, id: string) => env.ok('repairs.dispatch', { id, notifiedName: '工程部刘工', notifiedAt: now(env) }, 'clerk');
export const pickUp = (env: TestEnv, id: string, technician = 'liu') => env.ok('repairs.pickUp', { id, technician, signedAt: now(env) }, 'clerk');
export const complete = (env: TestEnv, id: string, over: Partial<ChannelInput<'repairs.complete'>> = {}) =>
  env.call('repairs.complete', { id, workDone: '更换阀门', requesterSign: 'paper', finishedAt: now(env), ...over }, 'clerk');

export async function finished(env: TestEnv, site: Site, over: Partial<ChannelInput<'repairs.create'>> = {}, done: Partial<ChannelInput<'repairs.complete'>> = {}) {
  const r = await env.ok('repairs.create', intake(env, site, over), 'clerk');
  await dispatch(env, r.id);
  await pickUp(env, r.id);
  const c = await complete(env, r.id, done);
  if (!c.ok) throw new Error(JSON.stringify(c));
  return env.ok('repairs.get', { id: r.id }, 'clerk');
}

export const reached = (env: TestEnv, callbackId: string, fixed: boolean, satisfaction: 'very_satisfied' | 'satisfied' | 'neutral' | 'unsatisfied') =>
  env.ok('callbacks.attempt', { callbackId, channel: 'phone', at: now(env), reached: true, fixed, satisfaction, note: null }, 'clerk');
export const unreached = (env: TestEnv, callbackId: string) => env.ok('callbacks.attempt', { callbackId, channel: 'phone', at: now(env), reached: false }, 'clerk');
