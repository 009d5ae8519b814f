import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { UnitUse } from '../../../shared/master/enums';
import type { Site } from '../../helpers/fixtures';
import { b64, type TestEnv } from '../../helpers/host';
import { archiveInput, at, handedOver, identityInput, inspectInput, keysInput, newOwner, setup, throughKeys, type Detail } from '../../helpers/move-in';

async function unitOf(env: TestEnv, site: Site, use: UnitUse, code: string, areaM2: number | null = 150) {
  const id = (await env.ok('units.create', { buildingId: site.buildingId, code, use, floor: 2, areaM2, note: null })).id;
  await env.ok('units.setOccupancy', { unitId: id, state: 'not_handed_over', effectiveDate: '2026-01-01', note: null });
  return id;
}
const stepsOf = (d: Detail) => d.steps.map((s) => [s.step, s.by]);

describe('starting a move-in', () => {
  it('numbers it RH-year for the owner of a unit not handed over; timeline, audit; the step due is identity', async () => {
    const { env, site } = await setup();
    const d = await env.ok('moveIn.create', { unitId: site.unitId, ownerIds: [site.personId] }, 'clerk');
    expect(d).toMatchObject({ number: 'RH-2026-000001', state: 'open', unitCode: '1-101', use: 'residential', ownerNames: '张三', nextStep: 'identity', areaM2: 89.5 });
    expect(d.owners).toEqual([{ personId: site.personId, name: '张三', phoneMasked: '138****5678', primary: true }]);
    expect(d.timeline.map((t) => t.action)).toEqual(['create']);
    expect(env.count("SELECT count(*) FROM audit_log WHERE entity = 'move-in' AND action = 'create'")).toBe(1);
    // Found by its number in the global search.
    expect((await env.ok('search.global', { q: 'rh-2026-1' }, 'clerk')).map((h) => [h.kind, h.title, h.subtitle])).toEqual([['move-in', d.number, '1-101']]);
    expect((await env.ok('moveIn.list', { search: d.number }, 'clerk')).rows.map((r) => r.id)).toEqual([d.id]);
  });

  it('the list finds a record by unit code prefix and by its owner (name, pinyin initials), through the search terms, not a check of every record', async () => {
    const { env, site } = await setup();
    const a = await env.ok('moveIn.create', { unitId: site.unitId, ownerIds: [site.personId] }, 'clerk');
    const b = await env.ok('moveIn.create', { unitId: await unitOf(env, site, 'residential', '1-103'), newOwner: newOwner('王芳') }, 'clerk');
    const found = async (search: string) => (await env.ok('moveIn.list', { search }, 'clerk')).rows.map((r) => r.number).sort();
    expect(await found('1-10')).toEqual([a.number, b.number]);
    expect(await found('1-103')).toEqual([b.number]);
    expect(await found('王')).toEqual([b.number]);
    expect(await found('王芳')).toEqual([b.number]);
    expect(await found('wf')).toEqual([b.number]);
    expect(await found('张三')).toEqual([a.number]);
    expect(await found('2-')).toEqual([]);
    expect(await found('%')).toEqual([]);
    const plan = env
      .rows<{ detail: string }>(
        `EXPLAIN QUERY PLAN SELECT m.id FROM move_ins m WHERE (m.unit_id IN (SELECT ref_id FROM search_terms WHERE kind = 'unit' AND term >= ? AND term < ?)
           OR m.id IN (SELECT o.move_in_id FROM move_in_owners o WHERE o.person_id IN (SELECT ref_id FROM search_terms WHERE kind = 'person' AND term >= ? AND term < ?))) ORDER BY m.created_at DESC LIMIT 50`,
        'x', 'y', 'x', 'y',
      )
      .map((r) => r.detail)
      .join(' | ');
    expect(plan).toMatch(/SEARCH search_terms/);
    expect(plan).toMatch(/SEARCH o USING (COVERING )?INDEX move_in_owners_person \(person_id=\?\)/);
    expect(plan).not.toMatch(/SCAN (m|o)\b/);
  });

  it('refuses a unit already handed over, a second record, and a person who is not its owner; registers a new owner on the spot', async () => {
    const { env, site } = await setup();
    await env.ok('units.setOccupancy', { unitId: site.unit2Id, state: 'vacant', effectiveDate: '2026-02-01', note: null });
    expect(await env.fail('moveIn.create', { unitId: site.unit2Id, ownerIds: [site.personId] }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'movein.error.notNotHandedOver', params: { state: 'vacant' } });
    const other = await unitOf(env, site, 'residential', '1-103');
    expect((await env.fail('moveIn.create', { unitId: other, ownerIds: [site.personId] }, 'clerk')).fieldErrors).toMatchObject({ 'ownerIds.0': { message: 'movein.v.notOwner' } });
    expect((await env.fail('moveIn.create', { unitId: other }, 'clerk')).fieldErrors).toMatchObject({ ownerIds: { message: 'movein.v.owner' } });
    const d = await env.ok('moveIn.create', { unitId: other, newOwner: newOwner('王芳') }, 'clerk');
    expect(d.ownerNames).toBe('王芳');
    expect(env.rows("SELECT relation, start_date FROM unit_people WHERE unit_id = ? AND voided_at IS NULL", other)).toEqual([{ relation: 'owner', start_date: '2026-03-15' }]);
    const first = await env.ok('moveIn.create', { unitId: site.unitId, ownerIds: [site.personId] }, 'clerk');
    expect((await env.fail('moveIn.create', { unitId: site.unitId, ownerIds: [site.personId] }, 'clerk')).fieldErrors).toMatchObject({ unitId: { message: 'movein.error.openRecord', params: { number: first.number } } });
  });
});

describe('the steps, in order', () => {
  it('refuses a step out of order, naming the step due; each step is recorded once with who and when', async () => {
    const { env, site } = await setup();
    const d = await env.ok('moveIn.create', { unitId: site.unitId, ownerIds: [site.personId] }, 'clerk');
    expect(await env.fail('moveIn.copies', { id: d.id, items: ['id_card', 'bank_card'] }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'movein.why.order', params: { step: 'identity' } });
    expect(await env.fail('moveIn.confirmFees', { id: d.id, receipt: 'SK-1' }, 'cashier')).toMatchObject({ message: 'movein.why.order', params: { step: 'identity' } });
    expect((await env.fail('moveIn.identity', { ...identityInput(d.id), purchaseContractSeen: false }, 'clerk')).fieldErrors).toMatchObject({ purchaseContractSeen: { message: 'movein.v.seen' } });
    await env.ok('moveIn.identity', identityInput(d.id), 'clerk');
    expect(await env.fail('moveIn.identity', identityInput(d.id), 'clerk')).toMatchObject({ message: 'movein.why.stepDone' });
    expect(await env.fail('moveIn.keys', keysInput(d), 'clerk')).toMatchObject({ message: 'movein.why.order', params: { step: 'fees' } });
    await env.ok('moveIn.confirmFees', { id: d.id, receipt: 'SK-1' }, 'cashier');
    expect(await env.fail('moveIn.archive', archiveInput(d.id), 'clerk')).toMatchObject({ message: 'movein.why.order', params: { step: 'copies' } });
    await env.ok('moveIn.copies', { id: d.id, items: ['id_card', 'bank_card'] }, 'clerk');
    await env.ok('moveIn.archive', archiveInput(d.id), 'clerk');
    expect(await env.fail('moveIn.inspect', inspectInput(d), 'clerk')).toMatchObject({ message: 'movein.why.order', params: { step: 'keys' } });
    await env.ok('moveIn.keys', keysInput(d), 'clerk');
    expect(await env.fail('moveIn.handover', { id: d.id, outcome: 'handed_over', date: '2026-03-15' }, 'clerk')).toMatchObject({ message: 'movein.why.order', params: { step: 'inspection' } });
    await env.ok('moveIn.inspect', inspectInput(d), 'clerk');
    const h = await env.ok('moveIn.handover', { id: d.id, outcome: 'handed_over', date: '2026-03-15' }, 'clerk');
    expect(stepsOf(h)).toEqual([
      ['identity', 'clerk 用户'], ['fees', 'cashier 用户'], ['copies', 'clerk 用户'], ['archive', 'clerk 用户'],
      ['keys', 'clerk 用户'], ['inspection', 'clerk 用户'], ['handover', 'clerk 用户'], ['vacant', 'clerk 用户'],
    ]);
    expect(h.steps.every((s) => s.at.startsWith('2026-03-15T'))).toBe(true);
    expect(h).toMatchObject({ state: 'handed_over', nextStep: null, handoverDate: '2026-03-15' });
    expect(h.timeline.map((t) => t.action)).toEqual(['create', 'identity', 'fees', 'copies', 'archive', 'keys', 'inspection', 'handover', 'vacant']);
    expect(env.count("SELECT count(*) FROM audit_log WHERE entity = 'move-in'")).toBe(9);
    // Nothing is taken twice after the handover.
    expect(await env.fail('moveIn.copies', { id: d.id, items: ['id_card', 'bank_card'] }, 'clerk')).toMatchObject({ message: 'movein.why.closed' });
  });
});

describe('fees', () => {
  it('prepay 3 months of the property fee from the notice date: rate × area (two decimals) × 3 in fen; the cashier confirms, a clerk cannot', async () => {
    const { env, site } = await setup();
    const d = await env.ok('moveIn.create', { unitId: site.unitId, ownerIds: [site.personId] }, 'clerk');
    const i = await env.ok('moveIn.identity', identityInput(d.id, '2026-03-01'), 'clerk');
    // ¥2.50/m²/month × 89.50 m² × 3 = ¥671.25; residential: no revolving deposit.
    expect(i.fees).toMatchObject({ rateFen: 250, areaM2: 89.5, months: 3, periodFrom: '2026-03-01', periodTo: '2026-05-31', computedFen: 67_125, propertyFeeFen: 67_125, deposit: { kind: 'none', fen: 0 }, totalFen: 67_125 });
    expect(await env.fail('moveIn.confirmFees', { id: d.id, receipt: 'SK-1' }, 'clerk')).toMatchObject({ code: 'FORBIDDEN' });
    expect(env.count("SELECT count(*) FROM move_in_steps WHERE step = 'fees'")).toBe(0);
    expect((await env.fail('moveIn.confirmFees', { id: d.id, receipt: ' ' }, 'cashier')).fieldErrors).toMatchObject({ receipt: { message: 'v.required' } });
    const paid = await env.ok('moveIn.confirmFees', { id: d.id, receipt: 'SK-1' }, 'cashier');
    expect(paid.fees).toMatchObject({ receipt: 'SK-1', confirmedBy: 'cashier 用户', totalFen: 67_125 });
    expect(paid.nextStep).toBe('copies');
    expect(await env.fail('moveIn.overrideFee', { id: d.id, propertyFeeFen: 1, reason: '改' }, 'clerk')).toMatchObject({ message: 'movein.why.stepDone' });
  });

  it('the computed fee is changed only with a reason; the deposit by use (office ¥1,000 electricity, business apartment ¥200 water)', async () => {
    const { env, site } = await setup();
    const office = await unitOf(env, site, 'office', '1-201', 120.45);
    const o = await env.ok('moveIn.create', { unitId: office, newOwner: newOwner() }, 'clerk');
    const oi = await env.ok('moveIn.identity', identityInput(o.id), 'clerk');
    // ¥6.00 × 120.45 × 3 = ¥2,168.10, plus the ¥1,000 electricity revolving deposit.
    expect(oi.fees).toMatchObject({ computedFen: 216_810, deposit: { kind: 'electricity', fen: 100_000 }, totalFen: 316_810 });
    expect((await env.fail('moveIn.overrideFee', { id: o.id, propertyFeeFen: 200_000, reason: '' }, 'clerk')).fieldErrors).toMatchObject({ reason: { message: 'v.required' } });
    const changed = await env.ok('moveIn.overrideFee', { id: o.id, propertyFeeFen: 200_000, reason: '开发商承担部分物业费' }, 'clerk');
    expect(changed.fees).toMatchObject({ computedFen: 216_810, propertyFeeFen: 200_000, overrideReason: '开发商承担部分物业费', totalFen: 300_000 });
    expect(changed.timeline.at(-1)).toMatchObject({ action: 'fee-override' });
    const paid = await env.ok('moveIn.confirmFees', { id: o.id, receipt: 'SK-9' }, 'cashier');
    expect(JSON.parse(paid.steps.find((s) => s.step === 'fees')!.detail!)).toMatchObject({ propertyFeeFen: 200_000, depositFen: 100_000, totalFen: 300_000, overridden: true });

    const apt = await unitOf(env, site, 'business_apartment', '1-301', 45.67);
    const a = await env.ok('moveIn.create', { unitId: apt, newOwner: newOwner('赵六') }, 'clerk');
    // ¥4.00 × 45.67 × 3 = ¥548.04, plus ¥200 water.
    expect((await env.ok('moveIn.identity', identityInput(a.id), 'clerk')).fees).toMatchObject({ computedFen: 54_804, deposit: { kind: 'water', fen: 20_000 }, totalFen: 74_804 });

    // No area: nothing computed; the desk enters the fee with a reason before the cashier can confirm.
    const noArea = await unitOf(env, site, 'residential', '1-401', null);
    const n = await env.ok('moveIn.create', { unitId: noArea, newOwner: newOwner('孙七') }, 'clerk');
    await env.ok('moveIn.identity', identityInput(n.id), 'clerk');
    expect(await env.fail('moveIn.confirmFees', { id: n.id, receipt: 'SK-3' }, 'cashier')).toMatchObject({ message: 'movein.error.noArea' });
  });
});

describe('copies, archive, keys', () => {
  async function toArchive(env: TestEnv, site: Site) {
    const d = await env.ok('moveIn.create', { unitId: site.unitId, ownerIds: [site.personId] }, 'clerk');
    await env.ok('moveIn.identity', identityInput(d.id), 'clerk');
    await env.ok('moveIn.confirmFees', { id: d.id, receipt: 'SK-1' }, 'cashier');
    expect((await env.fail('moveIn.copies', { id: d.id, items: ['id_card'] }, 'clerk')).fieldErrors).toMatchObject({ 'items.bank_card': { message: 'v.required' } });
    expect((await env.fail('moveIn.copies', { id: d.id, items: ['id_card', 'bank_card', 'other'] }, 'clerk')).fieldErrors).toMatchObject({ otherNote: { message: 'v.required' } });
    await env.ok('moveIn.copies', { id: d.id, items: ['id_card', 'bank_card', 'other'], otherNote: '购房合同首页' }, 'clerk');
    return d;
  }

  it('the archive needs the emergency mobile and the birthday; family members become people linked to the unit', async () => {
    const { env, site } = await setup();
    const d = await toArchive(env, site);
    expect((await env.fail('moveIn.archive', archiveInput(d.id, { emergencyMobile: null }), 'clerk')).fieldErrors).toMatchObject({ emergencyMobile: { message: 'v.required' } });
    expect((await env.fail('moveIn.archive', archiveInput(d.id, { emergencyMobile: '0755-12345678' }), 'clerk')).fieldErrors).toMatchObject({ emergencyMobile: { message: 'movein.v.mobile' } });
    expect((await env.fail('moveIn.archive', archiveInput(d.id, { birthday: null, fireSafetyAgreement: false }), 'clerk')).fieldErrors).toMatchObject({
      birthday: { message: 'movein.v.birthday' }, fireSafetyAgreement: { message: 'movein.v.seen' },
    });
    // Nothing half-saved: no step, no family member, the owner's row as it was.
    expect(env.count("SELECT count(*) FROM move_in_steps WHERE step = 'archive'")).toBe(0);
    expect(env.count("SELECT count(*) FROM people WHERE name = '张小明'")).toBe(0);
    expect(env.rows('SELECT emergency_phone FROM people WHERE id = ?', site.personId)).toEqual([{ emergency_phone: '13987654321' }]);
    const a = await env.ok('moveIn.archive', archiveInput(d.id, { emergencyMobile: '13911112222', birthday: '1950-01-02' }), 'clerk');
    expect(a.archive).toMatchObject({ bankAgreement: true, fireSafetyAgreement: true, documentReceipt: true, family: [{ name: '张小明' }] });
    expect(env.rows('SELECT emergency_phone, birthday FROM people WHERE id = ?', site.personId)).toEqual([{ emergency_phone: '13911112222', birthday: '1950-01-02' }]);
    const family = env.rows<{ relation: string; name: string }>("SELECT l.relation, p.name FROM unit_people l JOIN people p ON p.id = l.person_id WHERE l.unit_id = ? AND l.relation = 'family'", site.unitId);
    expect(family).toEqual([{ relation: 'family', name: '张小明' }]);
  });

  it('the keys from the template of the use, edited, must be signed (on screen or on paper)', async () => {
    const { env, site } = await setup();
    const d = await toArchive(env, site);
    await env.ok('moveIn.archive', archiveInput(d.id), 'clerk');
    expect(d.keyTemplate).toEqual([{ kind: 'entrance', count: 3 }, { kind: 'room', count: 4 }, { kind: 'mailbox', count: 2 }, { kind: 'meter_box', count: 1 }]);
    expect(await env.fail('moveIn.keys', keysInput(d, null), 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'movein.error.keysNotSigned' });
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const k = await env.ok('moveIn.keys', { id: d.id, keys: [{ kind: 'entrance', count: 2 }, { kind: 'garage', count: 1 }], signature: { mode: 'screen', image: png } }, 'clerk');
    expect(k.keys).toEqual({ items: [{ kind: 'entrance', count: 2 }, { kind: 'garage', count: 1 }], signedMode: 'screen', hasImage: true });
    expect(k.nextStep).toBe('inspection');
  });
});

describe('inspection, rectification items and the handover', () => {
  it('every template item needs a result; a defect needs its note and the owner’s opinion, and becomes a rectification item for engineering', async () => {
    const { env, site } = await setup();
    const d = await throughKeys(env, site);
    const input = inspectInput(d, [{ area: 'kitchen', item: 'plumbing', note: '水槽下水管渗漏', critical: true }, { area: 'bedroom', item: 'walls', note: '墙面裂缝', ownerOpinion: '要求重新批荡' }]);
    expect(await env.fail('moveIn.inspect', { ...input, items: input.items.slice(1) }, 'clerk')).toMatchObject({ message: 'movein.error.itemsMissing', params: { count: 1 } });
    const noOpinion = { ...input, items: input.items.map((i) => (i.result === 'defective' ? { ...i, ownerOpinion: null } : i)) };
    expect(Object.values((await env.fail('moveIn.inspect', noOpinion, 'clerk')).fieldErrors ?? {}).map((e) => e.message)).toEqual(['movein.v.ownerOpinion', 'movein.v.ownerOpinion']);
    expect((await env.fail('moveIn.inspect', { ...input, meters: input.meters.slice(0, 2) }, 'clerk')).fieldErrors).toMatchObject({ 'meters.gas': { message: 'v.required' } });
    const i = await env.ok('moveIn.inspect', input, 'clerk');
    expect(i.inspection!.items).toHaveLength(d.inspectionTemplate.length);
    expect(i.inspection!.meters).toEqual(input.meters);
    expect(i.rectifications.map((r) => [r.area, r.item, r.description, r.critical, r.ownerOpinion, r.assignedTo, r.dueDate, r.state])).toEqual([
      ['bedroom', 'walls', '墙面裂缝', false, '要求重新批荡', 'engineering', '2026-03-30', 'open'],
      ['kitchen', 'plumbing', '水槽下水管渗漏', true, '同意整改后再验', 'engineering', '2026-03-30', 'open'],
    ]);
    expect(i.openRectifications).toBe(2);
  });

  it('refuses the handover while a critical defect is not accepted, unless the owner accepts it in writing; fixed → accepted, or reopened', async () => {
    const { env, site } = await setup();
    const d = await throughKeys(env, site);
    const i = await env.ok('moveIn.inspect', inspectInput(d, [{ area: 'kitchen', item: 'plumbing', note: '水槽下水管渗漏', critical: true }, { area: 'bedroom', item: 'walls', note: '墙面裂缝' }]), 'clerk');
    const leak = i.rectifications.find((r) => r.critical)!;
    const wall = i.rectifications.find((r) => !r.critical)!;
    const hand = { id: d.id, outcome: 'handed_over' as const, date: '2026-03-15' };
    expect(await env.fail('moveIn.handover', hand, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'movein.error.criticalOpen', params: { count: 1 } });
    expect(await env.fail('moveIn.rectAccepted', { itemId: leak.id }, 'clerk')).toMatchObject({ message: 'movein.why.rect.accept' });
    await env.ok('moveIn.rectFixed', { itemId: leak.id, note: '更换下水管' }, 'clerk');
    // Fixed is not enough: the owner must accept it.
    expect(await env.fail('moveIn.handover', hand, 'clerk')).toMatchObject({ message: 'movein.error.criticalOpen' });
    const reopened = await env.ok('moveIn.rectReopen', { itemId: leak.id, reason: '复查仍渗水' }, 'clerk');
    expect(reopened.rectifications.find((r) => r.id === leak.id)).toMatchObject({ state: 'open', reopened: 1, fixedAt: null });
    await env.ok('moveIn.rectFixed', { itemId: leak.id, note: '重新打胶' }, 'clerk');
    const accepted = await env.ok('moveIn.rectAccepted', { itemId: leak.id }, 'clerk');
    expect(accepted.rectifications.find((r) => r.id === leak.id)!.state).toBe('accepted');
    // The open wall crack is not critical: it stays on the list, and does not hold the handover back.
    const h = await env.ok('moveIn.handover', hand, 'clerk');
    expect(h).toMatchObject({ state: 'handed_over', defectsAcceptedInWriting: false, openRectifications: 1 });
    expect(h.rectifications.find((r) => r.id === wall.id)!.state).toBe('open');
    expect(h.timeline.map((t) => t.action)).toEqual(expect.arrayContaining(['rect-fix', 'rect-reopen', 'rect-accept']));
  });

  it('the owner may accept the open critical defects in writing and take the unit', async () => {
    const { env, site } = await setup();
    const d = await throughKeys(env, site);
    await env.ok('moveIn.inspect', inspectInput(d, [{ area: 'living', item: 'electrics', note: '客厅无电', critical: true }]), 'clerk');
    const h = await env.ok('moveIn.handover', { id: d.id, outcome: 'handed_over', date: '2026-03-15', defectsAcceptedInWriting: true }, 'clerk');
    expect(h).toMatchObject({ state: 'handed_over', defectsAcceptedInWriting: true });
    expect(JSON.parse(h.steps.find((s) => s.step === 'handover')!.detail!)).toMatchObject({ criticalAccepted: 1 });
  });

  it('overdue rectification items are on Today and on the dashboard tile until fixed', async () => {
    const { env, site } = await setup();
    const h = await handedOver(env, site, [{ area: 'bedroom', item: 'walls', note: '墙面裂缝', dueDate: '2026-03-20' }]);
    const item = h.rectifications[0];
    expect((await env.ok('today.summary', {}, 'clerk')).moveIn.overdueRectifications).toEqual([]);
    await at(env, '2026-03-21T04:00:00.000Z');
    const t = await env.ok('today.summary', {}, 'clerk');
    expect(t.moveIn.overdueRectifications.map((r) => [r.id, r.number, r.unitCode, r.overdue])).toEqual([[item.id, h.number, '1-101', true]]);
    expect(t.moveIn.overdueTotal).toBe(1);
    expect((await env.ok('moveIn.rectifications', { queue: 'overdue' }, 'clerk')).rows.map((r) => r.id)).toEqual([item.id]);
    const tile = (await env.ok('today.summary', {})).tiles.find((x) => x.id === 'moveIn.rectifications');
    expect(tile).toMatchObject({ kind: 'breakdown', parts: [{ key: 'open', value: 1 }, { key: 'overdue', value: 1, tone: 'bad' }, { key: 'fixed', value: 0 }] });
    await env.ok('moveIn.rectFixed', { itemId: item.id }, 'clerk');
    expect((await env.ok('today.summary', {}, 'clerk')).moveIn.overdueRectifications).toEqual([]);
    // The cashier has no rectification list on Today.
    expect((await env.ok('today.summary', {}, 'cashier')).moveIn.overdueRectifications).toEqual([]);
  });

  it('makes the unit vacant on the handover date in its dated history; the monthly report counts the move-in and links this record', async () => {
    const { env, site } = await setup();
    await at(env, '2026-04-02T04:00:00.000Z');
    const d = await throughKeys(env, site);
    await env.ok('moveIn.inspect', inspectInput(d, [], '2026-03-31'), 'clerk');
    expect((await env.fail('moveIn.handover', { id: d.id, outcome: 'handed_over', date: '2026-04-03' }, 'clerk')).fieldErrors).toMatchObject({ date: { message: 'v.notInFuture' } });
    const h = await env.ok('moveIn.handover', { id: d.id, outcome: 'handed_over', date: '2026-03-31' }, 'clerk');
    expect(h.handoverDate).toBe('2026-03-31');
    expect((await env.ok('units.get', { id: site.unitId })).state).toBe('vacant');
    expect(env.rows("SELECT state, effective_date, source, note FROM occupancy_history WHERE unit_id = ? AND source = 'move-in'", site.unitId)).toEqual([
      { state: 'vacant', effective_date: '2026-03-31', source: 'move-in', note: h.number },
    ]);
    expect((await env.ok('occupancy.onDate', { date: '2026-03-30' })).counts.not_handed_over).toBe(2);
    expect((await env.ok('occupancy.onDate', { date: '2026-03-31' })).counts.vacant).toBe(1);
    const moves = await env.ok('occupancyReport.units', { month: '2026-03', draft: true, figure: 'moveIns' });
    expect(moves.rows.map((r) => [r.code, r.date, r.from, r.state, r.record])).toEqual([['1-101', '2026-03-31', 'not_handed_over', 'vacant', { source: 'move-in', number: h.number }]]);
    expect((await env.ok('occupancyReport.units', { month: '2026-04', draft: true, figure: 'moveIns' })).total).toBe(0);
  });

  it('not handed over with the reason (owner refused, defects, fees), and handed over later; the register per building counts every unit', async () => {
    const { env, site } = await setup();
    const d = await throughKeys(env, site);
    expect((await env.fail('moveIn.handover', { id: d.id, outcome: 'not_handed_over', date: '2026-03-15' }, 'clerk')).fieldErrors).toMatchObject({ reason: { message: 'v.required' } });
    const n = await env.ok('moveIn.handover', { id: d.id, outcome: 'not_handed_over', date: '2026-03-15', reason: 'owner_refused', note: '业主对户型不满' }, 'clerk');
    expect(n).toMatchObject({ state: 'not_handed_over', notHandedOverReason: 'owner_refused', nextStep: 'inspection' });
    expect((await env.ok('units.get', { id: site.unitId })).state).toBe('not_handed_over');
    const other = await env.ok('moveIn.create', { unitId: site.unit2Id, newOwner: newOwner() }, 'clerk');
    const extra = await unitOf(env, site, 'residential', '1-103');
    let reg = await env.ok('moveIn.register', { buildingId: site.buildingId }, 'clerk');
    expect(reg.scope).toMatchObject({ kind: 'building', name: '1号楼' });
    expect(reg.rows.map((r) => [r.unitCode, r.status, r.reason, r.number])).toEqual([
      ['1-101', 'not_handed_over', 'owner_refused', d.number],
      ['1-102', 'in_progress', null, other.number],
      ['1-103', 'no_notice', null, null],
    ]);
    expect(reg.counts).toEqual({ total: 3, handed_over: 0, not_handed_over: 1, in_progress: 1, waiting: 0, no_notice: 1 });
    // The owner comes back: the steps go on from where they stopped.
    await env.ok('moveIn.inspect', inspectInput(n), 'clerk');
    const h = await env.ok('moveIn.handover', { id: d.id, outcome: 'handed_over', date: '2026-03-15' }, 'clerk');
    expect(h).toMatchObject({ state: 'handed_over', notHandedOverReason: null });
    reg = await env.ok('moveIn.register', { buildingId: site.buildingId }, 'clerk');
    expect(reg.counts).toMatchObject({ handed_over: 1, not_handed_over: 0 });
    expect(reg.rows[0]).toMatchObject({ unitCode: '1-101', status: 'handed_over', handoverDate: '2026-03-15', ownerNames: '张三' });
    void extra;
    // The handover progress tile.
    const tile = (await env.ok('today.summary', {})).tiles.find((x) => x.id === 'moveIn.progress');
    expect(tile).toMatchObject({ parts: [{ key: 'handedOver', value: 1 }, { key: 'inProgress', value: 1 }, { key: 'notHandedOver', value: 0 }, { key: 'waiting', value: 0 }] });
  });

  it('is voided by a supervisor with a reason, not by a clerk, and never after the handover', async () => {
    const { env, site } = await setup();
    const d = await env.ok('moveIn.create', { unitId: site.unitId, ownerIds: [site.personId] }, 'clerk');
    expect(await env.fail('moveIn.void', { id: d.id, reason: '录入错误' }, 'clerk')).toMatchObject({ code: 'FORBIDDEN' });
    const v = await env.ok('moveIn.void', { id: d.id, reason: '录入错误' }, 'supervisor');
    expect(v).toMatchObject({ state: 'voided', voidReason: '录入错误', nextStep: null });
    expect(await env.fail('moveIn.identity', identityInput(d.id), 'clerk')).toMatchObject({ message: 'movein.why.closed' });
    const h = await handedOver(env, site);
    expect(await env.fail('moveIn.void', { id: h.id, reason: '误操作' }, 'supervisor')).toMatchObject({ message: 'movein.why.void' });
  });
});

describe('move-in notices (入伙通知书)', () => {
  it('imports a CSV through a preview with per-row errors; commits the valid rows; they wait in a list, and a move-in started from one keeps its date', async () => {
    const { env, site } = await setup();
    await env.ok('units.setOccupancy', { unitId: await unitOf(env, site, 'residential', '1-104'), state: 'vacant', effectiveDate: '2026-02-01', note: null });
    await unitOf(env, site, 'residential', '1-105');
    const csv = [
      '入伙通知书清单,,,',
      '房号,业主姓名,联系电话,入伙日期',
      '1-101,张三,13812345678,2026-03-10',
      '1-102,李雷,12345,2026/3/12',
      '1-999,韩梅梅,,2026-03-12',
      '1-104,王五,,2026-03-12',
      '1-101,张三,,2026-03-10',
      '1-105,,,2026-03-12',
      '1-105,赵六,,三月',
      '',
    ].join('\n');
    const p = await env.ok('moveIn.importPreview', { fileName: '三期入伙.csv', contentBase64: b64(csv) }, 'clerk');
    expect(p).toMatchObject({ fileError: null, valid: 1, invalid: 6 });
    expect(p.rows[0]).toMatchObject({ ownerName: '张三', phoneMasked: '138****5678', noticeDate: '2026-03-10' });
    expect(p.rows.map((r) => [r.line, r.unitCode, r.errors.map((e) => `${e.field}:${e.code}`)])).toEqual([
      [3, '1-101', []],
      [4, '1-102', ['phone:import.error.badPhone']],
      [5, '1-999', ['unit:movein.v.unknownUnit']],
      [6, '1-104', ['unit:movein.v.unitHandedOver']],
      [7, '1-101', ['unit:movein.v.duplicateInFile']],
      [8, '1-105', ['owner:import.error.required']],
      [9, '1-105', ['unit:movein.v.duplicateInFile', 'date:import.error.badDate']],
    ]);
    expect(await env.fail('moveIn.importCommit', { batchId: p.batchId, onlyValid: false }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'movein.error.importHasErrors', params: { count: 6 } });
    expect(env.count('SELECT count(*) FROM move_in_notices')).toBe(0);
    expect(await env.ok('moveIn.importCommit', { batchId: p.batchId, onlyValid: true }, 'clerk')).toEqual({ batchId: p.batchId, imported: 1, skipped: 6 });
    expect(await env.fail('moveIn.importCommit', { batchId: p.batchId, onlyValid: true }, 'clerk')).toMatchObject({ message: 'movein.error.batchCommitted' });

    const waiting = await env.ok('moveIn.notices', {}, 'clerk');
    expect(waiting.rows.map((n) => [n.unitCode, n.ownerName, n.phoneMasked, n.noticeDate, n.moveInNumber])).toEqual([['1-101', '张三', '138****5678', '2026-03-10', null]]);
    expect((await env.ok('today.summary', {}, 'clerk')).moveIn.waitingNotices.map((n) => n.unitCode)).toEqual(['1-101']);
    const reg = await env.ok('moveIn.register', { batchId: p.batchId }, 'clerk');
    expect(reg.rows.map((r) => [r.unitCode, r.status, r.ownerNames, r.noticeDate])).toEqual([['1-101', 'waiting', '张三', '2026-03-10']]);

    const d = await env.ok('moveIn.create', { unitId: site.unitId, ownerIds: [site.personId], noticeId: waiting.rows[0].id }, 'clerk');
    expect(d).toMatchObject({ noticeId: waiting.rows[0].id, noticeDate: '2026-03-10' });
    expect((await env.ok('moveIn.notices', {}, 'clerk')).total).toBe(0);
    expect((await env.ok('moveIn.notices', { waiting: false }, 'clerk')).rows[0]).toMatchObject({ moveInNumber: d.number, moveInState: 'open' });
    expect((await env.ok('moveIn.register', { batchId: p.batchId }, 'clerk')).counts).toMatchObject({ in_progress: 1, waiting: 0 });
    // A second file naming the same unit is refused on that row.
    const again = await env.ok('moveIn.importPreview', { fileName: 'again.csv', contentBase64: b64('房号,业主,入伙日期\n1-101,张三,2026-03-10\n') }, 'clerk');
    expect(again.rows[0].errors.map((e) => e.code)).toEqual(['movein.v.noticeExists']);
  });

  it('reads an XLSX with the unit split into building and room; a file without the columns is refused as a whole', async () => {
    const { env } = await setup();
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('入伙通知');
    ws.addRow(['楼栋', '房号', '业主', '入伙日期']);
    ws.addRow(['1', '102', '李雷', new Date(Date.UTC(2026, 2, 12))]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const p = await env.ok('moveIn.importPreview', { fileName: 'notices.xlsx', contentBase64: Buffer.from(xlsx).toString('base64') }, 'clerk');
    expect(p.rows.map((r) => [r.unitCode, r.ownerName, r.noticeDate, r.errors])).toEqual([['1-102', '李雷', '2026-03-12', []]]);
    const bad = await env.ok('moveIn.importPreview', { fileName: 'x.csv', contentBase64: b64('a,b\n1,2\n') }, 'clerk');
    expect(bad).toMatchObject({ fileError: { code: 'movein.import.noHeader' }, rows: [], valid: 0 });
  });
});

describe('moving in (入住)', () => {
  it("an owner's moving-in sets the state by use on the date; the 入住知会单 stays on Today until security, engineering and the cashier have received it", async () => {
    const { env, site } = await setup();
    await handedOver(env, site, [], '2026-03-10');
    await at(env, '2026-03-20T04:00:00.000Z');
    expect((await env.fail('movingIn.create', { unitId: site.unitId, occupant: 'owner', date: '2026-03-09', personId: site.personId }, 'clerk')).fieldErrors).toMatchObject({ date: { message: 'movein.v.beforeHandover' } });
    expect(await env.fail('movingIn.create', { unitId: site.unit2Id, occupant: 'owner', date: '2026-03-18', personId: site.personId }, 'clerk')).toMatchObject({ message: 'movein.error.notHandedOver' });
    const m = await env.ok('movingIn.create', { unitId: site.unitId, occupant: 'owner', date: '2026-03-18', personId: site.personId }, 'clerk');
    expect(m).toMatchObject({ number: 'RZ-2026-000001', state: 'notified', occupancy: 'owner_occupied', priorState: 'vacant', notReceived: ['security', 'engineering', 'cashier'] });
    expect((await env.ok('units.get', { id: site.unitId })).state).toBe('owner_occupied');
    expect(env.rows("SELECT state, effective_date, note FROM occupancy_history WHERE unit_id = ? AND source = 'moving-in'", site.unitId)).toEqual([{ state: 'owner_occupied', effective_date: '2026-03-18', note: m.number }]);
    const moving = await env.ok('occupancyReport.units', { month: '2026-03', draft: true, figure: 'movingIns' });
    expect(moving.rows.map((r) => [r.code, r.date, r.record])).toEqual([['1-101', '2026-03-18', { source: 'moving-in', number: m.number }]]);

    expect((await env.ok('today.summary', {}, 'clerk')).moveIn.noticesNotReceived.map((r) => r.number)).toEqual([m.number]);
    await env.ok('movingIn.receipt', { id: m.id, department: 'security', receivedBy: '保安李队' }, 'clerk');
    expect(await env.fail('movingIn.receipt', { id: m.id, department: 'security', receivedBy: '保安李队' }, 'clerk')).toMatchObject({ message: 'movein.why.receivedTwice' });
    await env.ok('movingIn.receipt', { id: m.id, department: 'engineering', receivedBy: '工程部刘工' }, 'clerk');
    expect((await env.ok('today.summary', {}, 'cashier')).moveIn.noticesNotReceived.map((r) => r.notReceived)).toEqual([['cashier']]);
    const done = await env.ok('movingIn.receipt', { id: m.id, department: 'cashier', receivedBy: '收银员小陈' }, 'clerk');
    expect(done).toMatchObject({ state: 'received', notReceived: [] });
    expect(done.receipts.map((r) => [r.department, r.receivedBy, r.by])).toEqual([['security', '保安李队', 'clerk 用户'], ['engineering', '工程部刘工', 'clerk 用户'], ['cashier', '收银员小陈', 'clerk 用户']]);
    expect((await env.ok('today.summary', {}, 'clerk')).moveIn.noticesNotReceived).toEqual([]);
    expect((await env.ok('search.global', { q: m.number }, 'clerk')).map((h) => h.kind)).toEqual(['moving-in']);
  });

  it("a tenant needs the owner's confirmation, the signed pledge and the lease; the tenancy link it makes is ended by a tenant move-out slip", async () => {
    const { env, site } = await setup();
    const office = await unitOf(env, site, 'office', '1-201');
    const d = await env.ok('moveIn.create', { unitId: office, newOwner: newOwner('王芳') }, 'clerk');
    await env.ok('moveIn.identity', identityInput(d.id), 'clerk');
    await env.ok('moveIn.confirmFees', { id: d.id, receipt: 'SK-7' }, 'cashier');
    await env.ok('moveIn.copies', { id: d.id, items: ['id_card', 'bank_card'] }, 'clerk');
    await env.ok('moveIn.archive', archiveInput(d.id, { family: [] }), 'clerk');
    const k = await env.ok('moveIn.keys', keysInput(d), 'clerk');
    await env.ok('moveIn.inspect', inspectInput(k), 'clerk');
    await env.ok('moveIn.handover', { id: d.id, outcome: 'handed_over', date: '2026-03-15' }, 'clerk');

    const tenant = { ...newOwner('李娜'), phone: '13912345678' };
    const base = { unitId: office, occupant: 'tenant' as const, date: '2026-03-15', tenant };
    const f = (await env.fail('movingIn.create', base, 'clerk')).fieldErrors;
    expect(f).toMatchObject({ 'ownerConfirmation.answer': { message: 'v.required' }, pledgeSigned: { message: 'movein.v.pledge' }, leaseFrom: { message: 'v.required' }, leaseTo: { message: 'v.required' } });
    const call = { contactName: '王芳', contactPhone: '13500001234', calledAt: '2026-03-15T03:30:00.000Z', answer: 'refused' as const };
    expect((await env.fail('movingIn.create', { ...base, ownerConfirmation: call, pledgeSigned: true, leaseFrom: '2026-03-15', leaseTo: '2027-03-14' }, 'clerk')).fieldErrors).toMatchObject({
      'ownerConfirmation.answer': { message: 'movein.v.ownerNotAgreed' },
    });
    expect(env.count("SELECT count(*) FROM unit_people WHERE relation = 'tenant'")).toBe(0);
    const m = await env.ok('movingIn.create', { ...base, ownerConfirmation: { ...call, answer: 'agreed', note: '同意出租' }, pledgeSigned: true, leaseFrom: '2026-03-15', leaseTo: '2027-03-14' }, 'clerk');
    expect(m).toMatchObject({ occupant: 'tenant', personName: '李娜', occupancy: 'rented', pledgeSigned: true, leaseFrom: '2026-03-15', leaseTo: '2027-03-14', tenancyEnded: null });
    expect(m.ownerConfirmation).toMatchObject({ contactName: '王芳', contactPhoneMasked: '135****1234', answer: 'agreed', recordedBy: 'clerk 用户' });
    expect(m.timeline.map((t) => t.action)).toEqual(['owner-confirmation', 'create']);
    expect(env.rows('SELECT relation, start_date, end_date FROM unit_people WHERE id = ?', m.tenancyLinkId)).toEqual([{ relation: 'tenant', start_date: '2026-03-15', end_date: null }]);
    expect((await env.ok('units.get', { id: office })).state).toBe('rented');
    expect(await env.fail('movingIn.create', { ...base, ownerConfirmation: { ...call, answer: 'agreed' }, pledgeSigned: true, leaseFrom: '2026-03-15', leaseTo: '2027-03-14' }, 'clerk')).toMatchObject({ message: 'movein.error.alreadyRented' });

    // Months later the tenant moves out through a release slip; at the gate the tenancy ends and the unit is vacant.
    await at(env, '2026-09-30T04:00:00.000Z');
    const slip = await env.ok('slips.create', {
      unitId: office, nature: 'moving_out', reason: '退租搬家',
      carrier: { type: 'tenant', personId: m.personId, name: '李娜', phone: '13912345678', idType: null, idNumber: null },
      items: [{ name: '办公桌', quantity: 4, unitOfCount: '张', remark: null }], tenantMoveOut: true, meterReadings: { water: 10, electricity: 2000, gas: null },
    });
    await env.ok('slips.submit', { id: slip.id });
    await env.ok('slips.recordCall', { slipId: slip.id, contactRole: 'owner', contactName: '王芳', contactPhone: '13500001234', calledAt: env.clock.now().toISOString(), answer: 'agreed', note: null });
    await env.ok('slips.confirmFees', { slipId: slip.id, receipt: 'SK-88' });
    await env.ok('slips.issue', { slipId: slip.id, signatures: { clerk: { mode: 'paper' }, carrier: { mode: 'paper' }, owner: { mode: 'recording' } }, recordingRef: 'REC-1', acknowledgeFrequent: false });
    await env.ok('gate.exit', { number: slip.number });
    expect((await env.ok('movingIn.get', { id: m.id }, 'clerk')).tenancyEnded).toBe('2026-09-30');
    expect((await env.ok('units.get', { id: office })).state).toBe('vacant');
  });

  it('a moving-in recorded in error is voided by a supervisor: the unit back to its state before on that date, the tenancy voided', async () => {
    const { env, site } = await setup();
    await handedOver(env, site);
    const m = await env.ok('movingIn.create', { unitId: site.unitId, occupant: 'owner', date: '2026-03-15', personId: site.personId }, 'clerk');
    expect(await env.fail('movingIn.void', { id: m.id, reason: '录错房号' }, 'clerk')).toMatchObject({ code: 'FORBIDDEN' });
    const v = await env.ok('movingIn.void', { id: m.id, reason: '录错房号' }, 'supervisor');
    expect(v).toMatchObject({ state: 'voided', voidReason: '录错房号', notReceived: [] });
    expect((await env.ok('units.get', { id: site.unitId })).state).toBe('vacant');
    expect((await env.ok('today.summary', {}, 'clerk')).moveIn.noticesNotReceived).toEqual([]);
  });
});
