/** Move-in (入伙) and moving in (入住) on real SQLite through the real host: a site whose units are not handed over, a clerk, a cashier, a supervisor. */
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
  // The developer's tower: both units not handed over since the building was registered.
  for (const unitId of [site.unitId, site.unit2Id]) await env.ok('units.setOccupancy', { unitId, state: 'not_handed_over', effectiveDate: '2026-01-01', note: null });
  return { env, site };
}

const SESSIONS = ['mgr', 'clerk', 'cashier', 'supervisor'];

/** Moves the clock to `iso` and unlocks every session again (the idle lock fires on a jump), as the counter would. */
export async function at(env: TestEnv, iso: string): Promise<void> {
  env.clock.set(iso);
  for (const s of SESSIONS) await env.ok('auth.unlock', { password: PASSWORD }, s);
}

export type Detail = ChannelOutput<'moveIn.get'>;

export const identityInput = (id: string, noticeDate = '2026-03-01'): ChannelInput<'moveIn.identity'> => ({ id, idDocumentSeen: true, purchaseContractSeen: true, noticeSeen: true, noticeDate });

export const archiveInput = (id: string, over: Partial<ChannelInput<'moveIn.archive'>> = {}): ChannelInput<'moveIn.archive'> => ({
  id,
  family: [{ name: '张小明', phone: '13600001111', relationNote: '儿子', birthday: '2010-05-01' }],
  bankAgreement: true,
  fireSafetyAgreement: true,
  documentReceipt: true,
  emergencyName: '李四',
  emergencyMobile: '139 8765 4321',
  birthday: '1949-12-31',
  ...over,
});

export const keysInput = (d: Detail, signature: ChannelInput<'moveIn.keys'>['signature'] = { mode: 'paper' }): ChannelInput<'moveIn.keys'> => ({ id: d.id, keys: d.keyTemplate, signature });

export interface Defect {
  area: string;
  item: string;
  note: string;
  critical?: boolean;
  ownerOpinion?: string;
  dueDate?: string;
}

/** The inspection of every template item, ok except the defects given; all meters read. */
export function inspectInput(d: Detail, defects: Defect[] = [], date = '2026-03-15'): ChannelInput<'moveIn.inspect'> {
  return {
    id: d.id,
    date,
    engineeringBy: '工程部刘工',
    items: d.inspectionTemplate.map((t) => {
      const x = defects.find((f) => f.area === t.area && f.item === t.item);
      return x
        ? { area: t.area, item: t.item, result: 'defective' as const, note: x.note, critical: x.critical ?? false, ownerOpinion: x.ownerOpinion ?? '同意整改后再验', dueDate: x.dueDate ?? null }
        : { area: t.area, item: t.item, result: 'ok' as const };
    }),
    meters: [
      { kind: 'water', reading: 12.5 },
      { kind: 'electricity', reading: 305 },
      { kind: 'gas', reading: 0 },
    ],
  };
}

/** A move-in for 张三 of 1-101 taken through identity, fees (cashier), copies, archive and keys. */
export async function throughKeys(env: TestEnv, site: Site, unitId = site.unitId): Promise<Detail> {
  const d = await env.ok('moveIn.create', { unitId, ownerIds: unitId === site.unitId ? [site.personId] : [], newOwner: unitId === site.unitId ? null : newOwner() }, 'clerk');
  await env.ok('moveIn.identity', identityInput(d.id), 'clerk');
  await env.ok('moveIn.confirmFees', { id: d.id, receipt: 'SK-0001' }, 'cashier');
  await env.ok('moveIn.copies', { id: d.id, items: ['id_card', 'bank_card'] }, 'clerk');
  await env.ok('moveIn.archive', archiveInput(d.id), 'clerk');
  return env.ok('moveIn.keys', keysInput(d), 'clerk');
}

/** Through the inspection (with these defects) and handed over on the date. */
export async function handedOver(env: TestEnv, site: Site, defects: Defect[] = [], date = '2026-03-15'): Promise<Detail> {
  const d = await throughKeys(env, site);
  await env.ok('moveIn.inspect', inspectInput(d, defects, date), 'clerk');
  return env.ok('moveIn.handover', { id: d.id, outcome: 'handed_over', date }, 'clerk');
}

export const newOwner = (name = '王芳'): ChannelInput<'people.create'> => ({
  kind: 'person',
  name,
  phone: '13500001234',
  phone2: null,
  idType: null,
  idNumber: null,
  contactPerson: null,
  emergencyName: null,
  emergencyPhone: null,
  birthday: null,
  note: null,
});
