import { describe, expect, it } from 'vitest';
import * as repo from '../../../electron/workflows/master/repo';
import { createSite, ID_A, ID_B, ID_BAD, MISSING_ID, USCC } from '../../helpers/fixtures';
import { testEnv, type TestEnv } from '../../helpers/host';

const FORBIDDEN = { code: 'FORBIDDEN', message: 'error.FORBIDDEN' };
const NOT_FOUND = { code: 'NOT_FOUND', message: 'error.NOT_FOUND' };
const fieldErr = (fieldErrors: Record<string, { message: string; params?: Record<string, string | number> }>) => ({ code: 'VALIDATION', message: 'error.VALIDATION', fieldErrors });

async function setup() {
  const env = testEnv();
  await env.init();
  const site = await createSite(env);
  return { env, site };
}

const person = (over: Record<string, unknown> = {}) => ({ kind: 'person', name: '测试', ...over });

describe('buildings', () => {
  it('create, duplicate code, update, void (only when empty), code free again after voiding', async () => {
    const { env, site } = await setup();
    const b = await env.ok('buildings.create', { code: ' 2 ', name: '  2号楼   东 ', note: '  ' });
    expect(b).toEqual({ id: expect.any(String), code: '2', name: '2号楼 东', note: null, unitCount: 0, voided: false, createdAt: '2026-03-15T04:00:00.000Z', updatedAt: '2026-03-15T04:00:00.000Z' });
    expect(await env.fail('buildings.create', { code: '2', name: 'x', note: null })).toEqual(fieldErr({ code: { message: 'v.codeTaken' } }));
    expect(await env.fail('buildings.create', { code: '2 号', name: 'x', note: null })).toEqual(fieldErr({ code: { message: 'v.code' } }));
    expect(await env.fail('buildings.create', { code: '', name: 'x'.repeat(51) })).toEqual(fieldErr({ code: { message: 'v.required' }, name: { message: 'v.tooLong', params: { max: 50 } } }));
    expect(await env.fail('buildings.update', { id: b.id, code: '1', name: 'x', note: null })).toEqual(fieldErr({ code: { message: 'v.codeTaken' } }));

    env.clock.advanceMinutes(1);
    const u = await env.ok('buildings.update', { id: b.id, code: '2', name: '2号楼', note: '新楼' });
    expect(u).toMatchObject({ code: '2', name: '2号楼', note: '新楼', updatedAt: '2026-03-15T04:01:00.000Z', createdAt: '2026-03-15T04:00:00.000Z' });
    const audit = env.rows<{ before: string; after: string }>("SELECT before, after FROM audit_log WHERE entity = 'building' AND action = 'update'");
    expect(audit.map((a) => [JSON.parse(a.before), JSON.parse(a.after)])).toEqual([[{ code: '2', name: '2号楼 东', note: null }, { code: '2', name: '2号楼', note: '新楼' }]]);

    expect(await env.fail('buildings.void', { id: site.buildingId, reason: '拆除' })).toEqual({ code: 'BAD_STATE', message: 'error.buildingHasUnits', params: { count: 2 } });
    expect(await env.fail('buildings.void', { id: b.id, reason: '  ' })).toEqual(fieldErr({ reason: { message: 'v.required' } }));
    expect(await env.ok('buildings.void', { id: b.id, reason: '录入错误' })).toEqual({ done: true });
    expect((await env.ok('buildings.list', { includeVoided: false })).map((x) => x.code)).toEqual(['1']);
    expect((await env.ok('buildings.list', { includeVoided: true })).map((x) => [x.code, x.voided, x.unitCount])).toEqual([
      ['1', false, 2],
      ['2', true, 0],
    ]);
    expect(env.rows('SELECT code, void_reason, voided_at FROM buildings WHERE id = ?', b.id)).toEqual([{ code: '2', void_reason: '录入错误', voided_at: '2026-03-15T04:01:00.000Z' }]);
    expect(await env.fail('buildings.update', { id: b.id, code: '2', name: 'x', note: null })).toEqual(NOT_FOUND);
    expect(await env.fail('buildings.void', { id: b.id, reason: 'again' })).toEqual(NOT_FOUND);
    // A voided building's code can be used again.
    expect((await env.ok('buildings.create', { code: '2', name: '新2号楼', note: null })).code).toBe('2');
    expect(env.count('SELECT count(*) FROM buildings')).toBe(3);
  });
});

describe('units', () => {
  it('validates with field errors: duplicate code, unknown building, area, floor, use', async () => {
    const { env, site } = await setup();
    const base = { buildingId: site.buildingId, code: '1-201', use: 'residential' as const, floor: 2, areaM2: 88.25, note: null };
    expect(await env.fail('units.create', { ...base, code: '1-101' })).toEqual(fieldErr({ code: { message: 'v.codeTaken' } }));
    expect(await env.fail('units.create', { ...base, buildingId: MISSING_ID })).toEqual(fieldErr({ buildingId: { message: 'v.notFound' } }));
    expect(await env.fail('units.create', { ...base, areaM2: 88.255 })).toEqual(fieldErr({ areaM2: { message: 'v.twoDecimals' } }));
    expect(await env.fail('units.create', { ...base, areaM2: 0 })).toEqual(fieldErr({ areaM2: { message: 'v.tooSmall', params: { min: 0 } } }));
    expect(await env.fail('units.create', { ...base, floor: 201 })).toEqual(fieldErr({ floor: { message: 'v.tooBig', params: { max: 200 } } }));
    expect(await env.fail('units.create', { ...base, use: 'villa' as never })).toEqual(fieldErr({ use: { message: 'v.invalidChoice' } }));
    expect(await env.fail('units.create', { ...base, code: '1/201' })).toEqual(fieldErr({ code: { message: 'v.code' } }));
    expect(env.count('SELECT count(*) FROM units')).toBe(2);
    const u = await env.ok('units.create', base);
    expect(u).toEqual({ id: expect.any(String), buildingId: site.buildingId, buildingCode: '1', code: '1-201', use: 'residential', floor: 2, areaM2: 88.25, state: null, stateSince: null, ownerNames: null, note: null, voided: false });
  });

  it('list: natural order, filters, paging, LIKE wildcards taken literally', async () => {
    const { env, site } = await setup();
    for (const code of ['1-1502', '1-902', '1-1_01']) await env.ok('units.create', { buildingId: site.buildingId, code, use: 'office', floor: null, areaM2: null, note: null });
    const all = await env.ok('units.list', {});
    expect(all.total).toBe(5);
    // Natural order: 1-902 before 1-1502 (issue 7): '1-1_01' is room 1 of something, before 101; it sorted last by length before.
    expect(all.rows.map((r) => r.code)).toEqual(['1-1_01', '1-101', '1-102', '1-902', '1-1502']);
    expect((await env.ok('units.list', { use: 'office' })).rows.map((r) => r.code)).toEqual(['1-1_01', '1-902', '1-1502']);
    expect((await env.ok('units.list', { q: '1-1_' })).rows.map((r) => r.code)).toEqual(['1-1_01']);
    expect((await env.ok('units.list', { q: '%' })).total).toBe(0);
    expect((await env.ok('units.list', { q: '1-10' })).rows.map((r) => r.code)).toEqual(['1-101', '1-102']);
    const page = await env.ok('units.list', { offset: 2, limit: 2 });
    expect(page).toMatchObject({ total: 5, offset: 2 });
    expect(page.rows.map((r) => r.code)).toEqual(['1-102', '1-902']);
    expect((await env.ok('units.list', { buildingId: MISSING_ID })).total).toBe(0);
    expect(all.rows[1]).toMatchObject({ code: '1-101', ownerNames: '张三', areaM2: 89.5 });
  });

  it('void keeps the row, hides it from lists, detail and search, and is audited', async () => {
    const { env, site } = await setup();
    env.clock.advanceMinutes(3);
    expect((await env.ok('search.global', { q: '1-102' })).map((h) => h.title)).toEqual(['1-102']);
    expect(await env.ok('units.void', { id: site.unit2Id, reason: '重复录入' })).toEqual({ done: true });
    expect(env.rows('SELECT code, voided_at, void_reason FROM units WHERE id = ?', site.unit2Id)).toEqual([{ code: '1-102', voided_at: '2026-03-15T04:03:00.000Z', void_reason: '重复录入' }]);
    expect((await env.ok('units.list', {})).rows.map((r) => r.code)).toEqual(['1-101']);
    expect(await env.ok('search.global', { q: '1-102' })).toEqual([]);
    expect(await env.fail('units.get', { id: site.unit2Id })).toEqual(NOT_FOUND);
    expect(await env.fail('units.void', { id: site.unit2Id, reason: 'x' })).toEqual(NOT_FOUND);
    expect((await env.ok('buildings.list', { includeVoided: false }))[0].unitCount).toBe(1);
    expect((await env.ok('today.summary', {})).counts).toMatchObject({ buildings: 1, units: 1, people: 2 });
    expect(env.rows("SELECT action, before, after FROM audit_log WHERE entity = 'unit' AND entity_id = ? AND action = 'void'", site.unit2Id)).toEqual([
      { action: 'void', before: JSON.stringify({ code: '1-102' }), after: JSON.stringify({ reason: '重复录入' }) },
    ]);
    // The code is free for a new unit.
    expect((await env.ok('units.create', { buildingId: site.buildingId, code: '1-102', use: 'shop', floor: null, areaM2: null, note: null })).use).toBe('shop');
    // Clerks cannot void; supervisors can.
    await env.addUser('clerk');
    expect(await env.fail('units.void', { id: site.unitId, reason: 'x' }, 'clerk')).toEqual(FORBIDDEN);
  });

  it('update is audited with before and after', async () => {
    const { env, site } = await setup();
    await env.ok('units.update', { id: site.unit2Id, buildingId: site.buildingId, code: '1-102A', use: 'shop', floor: -1, areaM2: 30.5, note: '改商铺' });
    const [row] = env.rows<{ before: string; after: string }>("SELECT before, after FROM audit_log WHERE entity = 'unit' AND action = 'update'");
    expect(JSON.parse(row.before)).toEqual({ buildingId: site.buildingId, code: '1-102', use: 'residential', floor: 1, areaM2: 120, note: null });
    expect(JSON.parse(row.after)).toEqual({ buildingId: site.buildingId, code: '1-102A', use: 'shop', floor: -1, areaM2: 30.5, note: '改商铺' });
    expect((await env.ok('search.global', { q: '1-102a' })).map((h) => h.title)).toEqual(['1-102A']);
    expect(await env.ok('search.global', { q: '1-102' })).toHaveLength(1);
    expect(await env.fail('units.update', { id: site.unit2Id, buildingId: site.buildingId, code: '1-101', use: 'shop', floor: null, areaM2: null, note: null })).toEqual(
      fieldErr({ code: { message: 'v.codeTaken' } }),
    );
  });
});

describe('people', () => {
  it('validation errors are field errors with i18n keys', async () => {
    const { env } = await setup();
    const cases: [Record<string, unknown>, Record<string, { message: string; params?: Record<string, number> }>][] = [
      [person({ phone: '12345' }), { phone: { message: 'v.phone' } }],
      [person({ phone2: '138123456789' }), { phone2: { message: 'v.phone' } }],
      [person({ emergencyPhone: 'abc' }), { emergencyPhone: { message: 'v.phone' } }],
      [person({ idType: 'resident_id', idNumber: ID_BAD }), { idNumber: { message: 'v.residentId' } }],
      [person({ idType: 'resident_id', idNumber: '110105194902300021' }), { idNumber: { message: 'v.residentId' } }],
      [person({ idNumber: ID_A }), { idType: { message: 'v.required' } }],
      [person({ kind: 'company', name: 'ACME' }), { contactPerson: { message: 'v.required' } }],
      [person({ kind: 'company', name: 'ACME', contactPerson: '王五', idType: 'business_license', idNumber: '9144030071526726XA' }), { idNumber: { message: 'v.creditCode' } }],
      [person({ idType: 'passport', idNumber: 'E12-3456' }), { idNumber: { message: 'v.documentNumber' } }],
      [person({ birthday: '2026-02-30' }), { birthday: { message: 'v.date' } }],
      [person({ name: '张\u0007三' }), { name: { message: 'v.controlChars' } }],
      [person({ name: '长'.repeat(101) }), { name: { message: 'v.tooLong', params: { max: 100 } } }],
      [person({ contactPerson: 'x'.repeat(51) }), { contactPerson: { message: 'v.tooLong', params: { max: 50 } } }],
      [person({ name: '   ' }), { name: { message: 'v.required' } }],
      [person({ kind: 'robot' }), { kind: { message: 'v.invalidChoice' } }],
      [person({ extra: 1 }), { _: { message: 'v.unknownField' } }],
    ];
    for (const [input, fieldErrors] of cases) {
      expect([input, await env.fail('people.create', input)]).toEqual([input, fieldErr(fieldErrors)]);
    }
    // A birthday in the future is a business rule checked by the service.
    expect(await env.fail('people.create', person({ birthday: '2026-03-16' }))).toEqual(fieldErr({ birthday: { message: 'v.notInFuture' } }));
    expect(env.count('SELECT count(*) FROM people')).toBe(2);
    // Optional fields may be left out, or blank.
    const p = await env.ok('people.create', { kind: 'person', name: '王五', phone: ' ', birthday: '', idNumber: '' });
    expect(p).toMatchObject({ name: '王五', phoneMasked: null, idType: null, idNumberMasked: null, birthday: null, contactPerson: null });
    // Phones are normalised: spaces, dashes, +86.
    const q = await env.ok('people.create', { kind: 'person', name: '赵六', phone: '+86 139-0000-1234', idType: 'passport', idNumber: 'e1234567' });
    expect(await env.ok('people.reveal', { id: q.id, field: 'phone' })).toEqual({ value: '13900001234' });
    expect(await env.ok('people.reveal', { id: q.id, field: 'idNumber' })).toEqual({ value: 'E1234567' });
  });

  it('phones and ID numbers are masked in every list and detail', async () => {
    const { env, site } = await setup();
    const list = await env.ok('people.list', {});
    expect(list.total).toBe(2);
    const zhang = list.rows.find((r) => r.id === site.personId)!;
    expect(zhang).toEqual({
      id: site.personId,
      kind: 'person',
      name: '张三',
      phoneMasked: '138****5678',
      idType: 'resident_id',
      idNumberMasked: '110***********002X',
      contactPerson: null,
      units: '1-101',
    });
    const company = list.rows.find((r) => r.id === site.companyId)!;
    expect(company).toMatchObject({ phoneMasked: '075*****5678', idNumberMasked: '914***********26XG', contactPerson: '王五', units: null });

    const detail = await env.ok('people.get', { id: site.personId });
    expect(detail).toEqual({
      ...zhang,
      phone2Masked: null,
      emergencyName: '李四',
      emergencyPhoneMasked: '139****4321',
      birthday: '1949-12-31',
      note: null,
      updatedAt: '2026-03-15T04:00:00.000Z',
      links: [
        {
          id: site.linkId,
          unitId: site.unitId,
          unitCode: '1-101',
          personId: site.personId,
          personName: '张三',
          personKind: 'person',
          phoneMasked: '138****5678',
          relation: 'owner',
          startDate: '2020-01-01',
          endDate: null,
          active: true,
        },
      ],
    });
    const unit = await env.ok('units.get', { id: site.unitId });
    expect(unit.links).toEqual(detail.links);
    expect(unit.ownerNames).toBe('张三');
    const hits = await env.ok('search.global', { q: '5678' });
    expect(hits.map((h) => h.subtitle).sort()).toEqual(['075*****5678', '138****5678 · 1-101']);

    // Nowhere in what the renderer gets is a clear phone or ID number.
    const everything = JSON.stringify([
      list,
      detail,
      unit,
      hits,
      await env.ok('people.get', { id: site.companyId }),
      await env.ok('people.list', { q: 'zs' }),
      await env.ok('today.summary', {}),
      await env.ok('audit.list', { offset: 0, limit: 500 }),
      await env.ok('units.list', {}),
    ]);
    for (const secret of ['13812345678', '13987654321', '075512345678', ID_A, ID_A.toLowerCase(), USCC]) {
      expect(everything.includes(secret), secret).toBe(false);
    }
  });

  it('people.reveal gives the clear value to pii.reveal roles only, and audits each reveal', async () => {
    const { env, site } = await setup();
    const clerk = await env.addUser('clerk');
    await env.addUser('cashier');
    const reveals = () => env.rows<{ user_id: string; entity: string; entity_id: string; after: string; before: null }>("SELECT user_id, entity, entity_id, before, after FROM audit_log WHERE action = 'reveal' ORDER BY id");

    expect(await env.fail('people.reveal', { id: site.personId, field: 'phone' }, 'cashier')).toEqual(FORBIDDEN);
    expect(await env.fail('people.reveal', { id: site.personId, field: 'idNumber' }, 'cashier')).toEqual(FORBIDDEN);
    expect(reveals()).toEqual([]);

    expect(await env.ok('people.reveal', { id: site.personId, field: 'phone' }, 'clerk')).toEqual({ value: '13812345678' });
    expect(await env.ok('people.reveal', { id: site.personId, field: 'idNumber' }, 'clerk')).toEqual({ value: ID_A });
    expect(await env.ok('people.reveal', { id: site.personId, field: 'emergencyPhone' }, 'clerk')).toEqual({ value: '13987654321' });
    expect(await env.ok('people.reveal', { id: site.personId, field: 'phone2' }, 'clerk')).toEqual({ value: null });
    expect(reveals()).toEqual(
      ['phone', 'idNumber', 'emergencyPhone', 'phone2'].map((field) => ({ user_id: clerk.id, entity: 'person', entity_id: site.personId, before: null, after: JSON.stringify({ field, name: '张三' }) })),
    );
    expect(await env.fail('people.reveal', { id: MISSING_ID, field: 'phone' }, 'clerk')).toEqual(NOT_FOUND);
    expect(await env.fail('people.reveal', { id: site.personId, field: 'password' as never }, 'clerk')).toEqual(fieldErr({ field: { message: 'v.invalidChoice' } }));
    expect(reveals()).toHaveLength(4);
  });

  it('the audit log keeps before/after of updates, never a full ID number or phone, and cannot be changed', async () => {
    const { env, site } = await setup();
    env.clock.advanceMinutes(2);
    const updated = await env.ok('people.update', {
      id: site.personId,
      person: { kind: 'person', name: '张三丰', phone: '13600001111', idType: 'resident_id', idNumber: ID_B, emergencyName: null, emergencyPhone: null, birthday: '1990-03-07' },
    });
    expect(updated).toMatchObject({ name: '张三丰', phoneMasked: '136****1111', idNumberMasked: '440***********1235', emergencyName: null, updatedAt: '2026-03-15T04:02:00.000Z' });
    const [row] = env.rows<{ before: string; after: string; user_id: string }>("SELECT before, after, user_id FROM audit_log WHERE entity = 'person' AND action = 'update'");
    expect(JSON.parse(row.before)).toEqual({
      kind: 'person',
      name: '张三',
      phone: '138****5678',
      idType: 'resident_id',
      idNumber: '110…002X',
      contactPerson: null,
      emergencyName: '李四',
      birthday: '1949-12-31',
    });
    expect(JSON.parse(row.after)).toEqual({ kind: 'person', name: '张三丰', phone: '136****1111', idType: 'resident_id', idNumber: '440…1235', contactPerson: null, emergencyName: null, birthday: '1990-03-07' });

    const all = JSON.stringify(env.rows('SELECT * FROM audit_log'));
    for (const secret of [ID_A, ID_B, USCC, '13812345678', '13600001111', '13987654321', '075512345678']) expect(all.includes(secret), secret).toBe(false);

    const db = env.db();
    const n = env.count('SELECT count(*) FROM audit_log');
    expect(() => db.prepare("UPDATE audit_log SET action = 'tampered'").run()).toThrow('audit_log is append-only');
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow('audit_log is append-only');
    expect(() => db.prepare("DELETE FROM audit_log WHERE action = 'update'").run()).toThrow('audit_log is append-only');
    expect(env.count('SELECT count(*) FROM audit_log')).toBe(n);
    expect(env.count("SELECT count(*) FROM audit_log WHERE action = 'tampered'")).toBe(0);
  });
});

describe('links', () => {
  it('create, refuse duplicates and wrong relations, end and void', async () => {
    const { env, site } = await setup();
    const link = { unitId: site.unitId, personId: site.personId, relation: 'owner' as const, startDate: '2021-01-01', endDate: null };
    expect(await env.fail('links.create', link)).toEqual(fieldErr({ personId: { message: 'v.alreadyLinked' } }));
    expect(await env.fail('links.create', { ...link, relation: 'company' })).toEqual(fieldErr({ relation: { message: 'v.companyRelationNeedsCompany' } }));
    expect(await env.fail('links.create', { ...link, relation: 'tenant', endDate: '2019-12-31' })).toEqual(fieldErr({ endDate: { message: 'v.endBeforeStart' } }));
    expect(await env.fail('links.create', { ...link, unitId: MISSING_ID })).toEqual(fieldErr({ unitId: { message: 'v.notFound' } }));
    expect(await env.fail('links.create', { ...link, personId: MISSING_ID })).toEqual(fieldErr({ personId: { message: 'v.notFound' } }));

    const tenant = await env.ok('links.create', { unitId: site.unitId, personId: site.companyId, relation: 'tenant', startDate: '2025-01-01', endDate: '2027-12-31' });
    expect(tenant).toMatchObject({ unitCode: '1-101', personName: '深圳市阳光科技有限公司', personKind: 'company', relation: 'tenant', active: true, phoneMasked: '075*****5678' });
    expect(await env.fail('links.end', { id: tenant.id, endDate: '2024-12-31' })).toEqual(fieldErr({ endDate: { message: 'v.endBeforeStart' } }));
    const ended = await env.ok('links.end', { id: tenant.id, endDate: '2026-03-14' });
    expect(ended).toMatchObject({ endDate: '2026-03-14', active: false });
    // Ended links sort after current ones.
    expect((await env.ok('units.get', { id: site.unitId })).links.map((l) => [l.relation, l.active])).toEqual([
      ['owner', true],
      ['tenant', false],
    ]);
    expect(await env.ok('links.void', { id: tenant.id, reason: '录错' })).toEqual({ done: true });
    expect((await env.ok('units.get', { id: site.unitId })).links.map((l) => l.relation)).toEqual(['owner']);
    expect(await env.fail('links.end', { id: tenant.id, endDate: '2026-03-14' })).toEqual(NOT_FOUND);
    expect(env.rows('SELECT void_reason FROM unit_people WHERE id = ?', tenant.id)).toEqual([{ void_reason: '录错' }]);
  });
});

describe('occupancy history (房屋动态)', () => {
  it('manager sets dated states; the state on any past date is answered from the history', async () => {
    const { env, site } = await setup();
    await env.addUser('clerk');
    await env.addUser('supervisor');
    const set = (unitId: string, state: string, effectiveDate: string, session = 'mgr') => env.call('units.setOccupancy', { unitId, state, effectiveDate, note: null }, session);
    expect(await set(site.unitId, 'vacant', '2025-06-01', 'clerk')).toEqual({ ok: false, error: FORBIDDEN });
    expect(await set(site.unitId, 'vacant', '2025-06-01', 'supervisor')).toEqual({ ok: false, error: FORBIDDEN });
    expect(env.count('SELECT count(*) FROM occupancy_history')).toBe(0);

    for (const [state, date] of [
      ['not_handed_over', '2024-01-01'],
      ['vacant', '2025-06-01'],
      ['under_decoration', '2025-09-15'],
      ['owner_occupied', '2026-01-20'],
    ]) {
      expect((await set(site.unitId, state, date)).ok).toBe(true);
    }
    expect((await set(site.unit2Id, 'rented', '2025-12-31')).ok).toBe(true);
    // Entered later, but dated earlier: slots into the history by date.
    expect((await set(site.unit2Id, 'vacant', '2025-07-01')).ok).toBe(true);
    // Today's counts (from the state kept on each unit) are what the history says for today.
    const onToday = await env.ok('occupancy.onDate', { date: '2026-03-15' });
    expect((await env.ok('today.summary', {})).counts.byState).toEqual(onToday.counts);
    expect(onToday.counts).toMatchObject({ owner_occupied: 1, rented: 1 });
    // The future is refused; today is fine.
    expect(await set(site.unit2Id, 'vacant', '2026-03-16')).toEqual({ ok: false, error: fieldErr({ effectiveDate: { message: 'v.notInFuture' } }) });
    expect(await set(site.unit2Id, 'vacant', '2026-02-30')).toEqual({ ok: false, error: fieldErr({ effectiveDate: { message: 'v.date' } }) });
    expect(await set(MISSING_ID, 'vacant', '2026-01-01')).toEqual({ ok: false, error: NOT_FOUND });

    const db = env.db();
    expect(repo.stateOn(db, site.unitId, '2023-12-31')).toBeNull();
    expect(repo.stateOn(db, site.unitId, '2024-01-01')).toBe('not_handed_over');
    expect(repo.stateOn(db, site.unitId, '2025-08-31')).toBe('vacant');
    expect(repo.stateOn(db, site.unitId, '2025-09-15')).toBe('under_decoration');
    expect(repo.stateOn(db, site.unitId, '2025-12-31')).toBe('under_decoration');
    expect(repo.stateOn(db, site.unitId, '2026-03-15')).toBe('owner_occupied');
    expect(repo.stateOn(db, site.unit2Id, '2025-06-30')).toBeNull();
    expect(repo.stateOn(db, site.unit2Id, '2025-11-30')).toBe('vacant');
    expect(repo.stateOn(db, site.unit2Id, '2025-12-31')).toBe('rented');

    const states = (date: string) =>
      repo
        .statesOn(db, date)
        .map((r) => `${r.unitId === site.unitId ? '1-101' : '1-102'}:${r.state}`)
        .sort();
    expect(states('2025-05-31')).toEqual(['1-101:not_handed_over', '1-102:null']);
    expect(states('2025-08-31')).toEqual(['1-101:vacant', '1-102:vacant']);
    expect(states('2025-12-31')).toEqual(['1-101:under_decoration', '1-102:rented']);
    expect(states('2026-02-28')).toEqual(['1-101:owner_occupied', '1-102:rented']);

    expect(await env.ok('occupancy.onDate', { date: '2025-12-31' }, 'clerk')).toEqual({ date: '2025-12-31', counts: { under_decoration: 1, rented: 1 }, units: 2 });
    expect(await env.ok('occupancy.onDate', { date: '2025-08-31' })).toEqual({ date: '2025-08-31', counts: { vacant: 2 }, units: 2 });
    expect(await env.ok('occupancy.onDate', { date: '2023-01-31' })).toEqual({ date: '2023-01-31', counts: { unknown: 2 }, units: 2 });
    expect(await env.ok('occupancy.onDate', { date: '2025-12-31', buildingId: MISSING_ID })).toEqual({ date: '2025-12-31', counts: {}, units: 0 });

    // Two changes on one day: the one entered last wins.
    expect((await set(site.unit2Id, 'under_decoration', '2026-03-01')).ok).toBe(true);
    expect((await set(site.unit2Id, 'rented', '2026-03-01')).ok).toBe(true);
    expect(repo.stateOn(db, site.unit2Id, '2026-03-01')).toBe('rented');

    const detail = await env.ok('units.get', { id: site.unitId });
    expect(detail).toMatchObject({ state: 'owner_occupied', stateSince: '2026-01-20' });
    expect(detail.history.map((h) => [h.effectiveDate, h.state, h.source, h.createdByName])).toEqual([
      ['2026-01-20', 'owner_occupied', 'manual', '王经理'],
      ['2025-09-15', 'under_decoration', 'manual', '王经理'],
      ['2025-06-01', 'vacant', 'manual', '王经理'],
      ['2024-01-01', 'not_handed_over', 'manual', '王经理'],
    ]);
    expect((await env.ok('units.list', { state: 'owner_occupied' })).rows.map((r) => r.code)).toEqual(['1-101']);
    expect((await env.ok('units.list', { state: 'rented' })).rows.map((r) => [r.code, r.stateSince])).toEqual([['1-102', '2026-03-01']]);
    expect((await env.ok('today.summary', {})).counts.byState).toEqual({ owner_occupied: 1, rented: 1 });

    const audit = env.rows<{ before: string; after: string }>("SELECT before, after FROM audit_log WHERE action = 'set-occupancy' AND entity_id = ? ORDER BY id", site.unitId);
    expect(audit.map((a) => JSON.parse(a.before))).toEqual([
      { state: null, date: '2024-01-01' },
      { state: 'not_handed_over', date: '2025-06-01' },
      { state: 'vacant', date: '2025-09-15' },
      { state: 'under_decoration', date: '2026-01-20' },
    ]);
    expect(JSON.parse(audit[3].after)).toMatchObject({ state: 'owner_occupied', date: '2026-01-20', note: null });
  });
});

describe('search', () => {
  const titles = async (env: TestEnv, q: string) => (await env.ok('search.global', { q })).map((h) => `${h.kind}:${h.title}`).sort();

  it('finds units by code prefix, people by characters, pinyin initials, full pinyin and phone tail; results are masked', async () => {
    const { env, site } = await setup();
    await env.ok('people.create', { kind: 'person', name: '张珊珊', phone: '13700009999' });
    expect(await titles(env, '1-10')).toEqual(['unit:1-101', 'unit:1-102']);
    expect(await titles(env, '1101')).toEqual(['unit:1-101']);
    expect(await titles(env, '102')).toEqual(['unit:1-102']);
    expect(await titles(env, '张')).toEqual(['person:张三', 'person:张珊珊']);
    expect(await titles(env, '张三')).toEqual(['person:张三']);
    expect(await titles(env, 'zs')).toEqual(['person:张三', 'person:张珊珊']);
    expect(await titles(env, 'ZSS')).toEqual(['person:张珊珊']);
    expect(await titles(env, 'zhang')).toEqual(['person:张三', 'person:张珊珊']);
    expect(await titles(env, 'zhangsan')).toEqual(['person:张三']);
    expect(await titles(env, 'zhangshan')).toEqual(['person:张珊珊']);
    expect(await titles(env, '5678')).toEqual(['person:张三', 'person:深圳市阳光科技有限公司']);
    expect(await titles(env, '9999')).toEqual(['person:张珊珊']);
    expect(await titles(env, '138123')).toEqual(['person:张三']);
    expect(await titles(env, 'szsygkjyxgs')).toEqual(['person:深圳市阳光科技有限公司']);
    expect(await env.ok('search.global', { q: 'zs' })).toContainEqual({ kind: 'person', id: site.personId, title: '张三', subtitle: '138****5678 · 1-101', unitId: null });
    expect(await env.ok('search.global', { q: '1-101' })).toEqual([{ kind: 'unit', id: site.unitId, title: '1-101', subtitle: '张三', unitId: site.unitId }]);
    // An exact term ranks first.
    expect((await env.ok('search.global', { q: '张三' }))[0].title).toBe('张三');
    for (const q of ['', '   ', '%', '_', "'", '\\', 'zz', '😀']) expect(await env.ok('search.global', { q })).toEqual([]);
    expect((await env.ok('people.list', { q: 'zs' })).rows.map((r) => [r.name, r.phoneMasked])).toEqual([
      ['张三', '138****5678'],
      ['张珊珊', '137****9999'],
    ]);
  });

  it('follows renames and forgets voided records', async () => {
    const { env, site } = await setup();
    await env.ok('people.update', { id: site.personId, person: { kind: 'person', name: '李四光', phone: '13911112222' } });
    expect(await titles(env, 'zs')).toEqual([]);
    expect(await titles(env, '5678')).toEqual(['person:深圳市阳光科技有限公司']);
    expect(await titles(env, 'lsg')).toEqual(['person:李四光']);
    expect(await titles(env, '2222')).toEqual(['person:李四光']);

    await env.ok('units.void', { id: site.unit2Id, reason: '重复' });
    expect(await titles(env, '1-10')).toEqual(['unit:1-101']);
    // There is no people.void channel yet; a person voided in the database (e.g. by a later workflow) is not found any more.
    env.db().prepare("UPDATE people SET voided_at = '2026-03-15T05:00:00.000Z', void_reason = '重复' WHERE id = ?").run(site.personId);
    expect(await titles(env, 'lsg')).toEqual([]);
    expect(await titles(env, '2222')).toEqual([]);
    expect((await env.ok('people.list', {})).rows.map((r) => r.name)).toEqual(['深圳市阳光科技有限公司']);
    expect(await env.fail('people.get', { id: site.personId })).toEqual(NOT_FOUND);
    expect(await env.fail('people.reveal', { id: site.personId, field: 'phone' })).toEqual(NOT_FOUND);
  });
});
