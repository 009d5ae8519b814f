/** Decoration permits on real SQLite through the real host: a site, a clerk, a cashier, a supervisor; each step as the desk does it. */
import type { ChannelInput, ChannelOutput } from '../../shared/contract';
import { createSite, type Site } from './fixtures';
import { PASSWORD, testEnv, type TestEnv } from './host';

export async function setup(): Promise<{ env: TestEnv; site: Site }> {
  const env = testEnv();
  await env.init();
  const site = await createSite(env);
  await env.ok('settings.update', { idleLockMinutes: 240 });
  await env.addUser('clerk');
  await env.addUser('cashier');
  await env.addUser('supervisor');
  return { env, site };
}

const SESSIONS = ['mgr', 'clerk', 'cashier', 'supervisor'];

/** Moves the clock to `iso` and unlocks every session again (the idle lock fires on a jump), as the counter would. */
export async function at(env: TestEnv, iso: string): Promise<void> {
  env.clock.set(iso);
  for (const s of SESSIONS) await env.ok('auth.unlock', { password: PASSWORD }, s);
}

export type Detail = ChannelOutput<'decoration.get'>;

export function application(site: Site, over: Partial<ChannelInput<'decoration.create'>> = {}): ChannelInput<'decoration.create'> {
  return {
    unitId: site.unitId,
    applicant: { kind: 'owner', personId: site.personId, name: '张三', phone: '138 1234 5678' },
    contractor: { self: false, company: '美家装饰有限公司', managerName: '李工', managerPhone: '13911112222', managerIdNumber: '110101199003071234' },
    workFrom: '2026-03-16',
    workTo: '2026-06-15',
    workers: 4,
    description: '厨卫翻新，更换地板',
    ...over,
  };
}

/** Ticks every required document and commitment of an application. */
export async function tickAll(env: TestEnv, d: Detail): Promise<Detail> {
  let out = d;
  for (const m of d.missing) out = await env.ok('decoration.check', { id: d.id, kind: m.kind, code: m.code, done: true }, 'clerk');
  return out;
}

/** From a new application to a permit issued: documents, fees, approval, protection, permit. */
export async function underWay(env: TestEnv, site: Site, over: Partial<ChannelInput<'decoration.create'>> = {}): Promise<Detail> {
  const d = await env.ok('decoration.create', application(site, over), 'clerk');
  await tickAll(env, d);
  if (d.govFlags.length) await env.ok('decoration.tellGov', { id: d.id }, 'clerk');
  await env.ok('decoration.pay', { id: d.id, receipt: 'SK-0001' }, 'cashier');
  await env.ok('decoration.submit', { id: d.id }, 'clerk');
  await env.ok('decoration.approve', { id: d.id });
  await env.ok('decoration.protect', { id: d.id, by: '工程部刘工' }, 'clerk');
  return env.ok('decoration.issuePermit', { id: d.id }, 'clerk');
}

/** Through the completion inspection, passed. */
export async function inspected(env: TestEnv, site: Site, over: Partial<ChannelInput<'decoration.create'>> = {}, fireReceipt: string | null = null): Promise<Detail> {
  const d = await underWay(env, site, over);
  await env.ok('decoration.requestInspection', { id: d.id, fireReceipt }, 'clerk');
  return env.ok('decoration.inspect', { id: d.id, engineeringBy: '刘工', securityBy: '李队' }, 'clerk');
}

export const refundInput = (id: string, over: Partial<ChannelInput<'decoration.prepareRefund'>> = {}): ChannelInput<'decoration.prepareRefund'> => ({
  id,
  requestedBy: 'owner',
  checks: { commonArea: { ok: true }, neighbours: { ok: true }, leaks: { ok: true }, violations: { ok: true } },
  utilitiesFen: 0,
  signedByOwner: true,
  signedByContractor: true,
  signedByManager: true,
  ...over,
});
