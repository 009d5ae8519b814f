import { describe, expect, it } from 'vitest';
import type { UnitUse } from '../../../shared/master/enums';
import type { TestEnv } from '../../helpers/host';
import type { Site } from '../../helpers/fixtures';
import { application, at, inspected, refundInput, setup, tickAll, underWay, type Detail } from '../../helpers/decoration';

async function unitOf(env: TestEnv, site: Site, use: UnitUse, code: string) {
  return (await env.ok('units.create', { buildingId: site.buildingId, code, use, floor: 2, areaM2: 150, note: null })).id;
}

const codes = (d: Detail, kind: 'document' | 'commitment') => d.checklist.filter((c) => c.kind === kind && c.required).map((c) => c.code);

describe('the application', () => {
  it('numbers it ZX-year, keeps the applicant and contractor, starts its timeline and audit, and masks the IDs', async () => {
    const { env, site } = await setup();
    const d = await env.ok('decoration.create', application(site), 'clerk');
    expect(d).toMatchObject({ number: 'ZX-2026-000001', state: 'draft', unitCode: '1-101', use: 'residential', contractor: '美家装饰有限公司', workers: 4 });
    expect(d.applicant).toMatchObject({ kind: 'owner', name: '张三', phoneMasked: '138****5678' });
    expect(d.contractorDetail).toMatchObject({ self: false, managerName: '李工', managerPhone: '13911112222', managerIdMasked: expect.stringMatching(/^110\*+1234$/) });
    expect(env.rows('SELECT applicant_phone FROM decorations')).toEqual([{ applicant_phone: '13812345678' }]);
    expect(d.timeline.map((t) => t.action)).toEqual(['create']);
    expect(env.count("SELECT count(*) FROM audit_log WHERE entity = 'decoration' AND action = 'create'")).toBe(1);
  });

  it('refuses an unknown unit, a bad phone, a period that ends before it starts, a company without its manager — and a second open permit on the unit', async () => {
    const { env, site } = await setup();
    const field = async (input: unknown) => (await env.fail('decoration.create', input, 'clerk')).fieldErrors;
    expect(await field(application(site, { unitId: '01890000-0000-7000-8000-000000000000' }))).toMatchObject({ unitId: { message: 'v.notFound' } });
    expect(await field(application(site, { applicant: { kind: 'owner', name: '张三', phone: '12345' } }))).toMatchObject({ 'applicant.phone': { message: 'v.phone' } });
    expect(await field(application(site, { workFrom: '2026-04-01', workTo: '2026-03-31' }))).toMatchObject({ workTo: { message: 'decoration.v.periodOrder' } });
    expect(await field(application(site, { contractor: { self: false, company: '美家装饰' } }))).toMatchObject({ 'contractor.managerName': { message: 'v.required' }, 'contractor.managerPhone': { message: 'v.required' } });
    expect(env.count('SELECT count(*) FROM decorations')).toBe(0);
    const first = await env.ok('decoration.create', application(site), 'clerk');
    expect(await field(application(site))).toMatchObject({ unitId: { message: 'decoration.v.openPermit', params: { number: first.number } } });
    // The unit page lists one unit's permits.
    expect((await env.ok('decoration.list', { unitId: site.unitId }, 'clerk')).rows.map((r) => r.number)).toEqual([first.number]);
    expect((await env.ok('decoration.list', { unitId: site.unit2Id }, 'clerk')).total).toBe(0);
  });

  it('asks for the documents of the unit use, the contractor and the applicant, and the commitments (自装承诺书 when self-decorating)', async () => {
    const { env, site } = await setup();
    const home = await env.ok('decoration.create', application(site), 'clerk');
    expect(codes(home, 'document')).toEqual(['plan', 'ceiling', 'water_electric', 'walls', 'contractor_licence', 'contractor_qualification', 'contractor_tax', 'contractor_manager_id', 'contractor_authorisation']);
    expect(codes(home, 'commitment')).toEqual(['application_form', 'management_agreement', 'non_load_bearing_walls', 'fire_safety', 'fire_facilities']);

    const office = await env.ok('decoration.create', application(site, { unitId: await unitOf(env, site, 'office', '1-201'), applicant: { kind: 'company_tenant', name: '阳光科技', phone: '0755-12345678' } }), 'clerk');
    expect(codes(office, 'document')).toEqual(expect.arrayContaining(['facade', 'ac_drawing', 'fire_design_receipt', 'power_of_attorney', 'lease', 'tenant_licence', 'legal_person_certificate', 'legal_person_authorisation']));

    const self = await env.ok('decoration.create', application(site, { unitId: site.unit2Id, contractor: { self: true } }), 'clerk');
    expect(codes(self, 'document')).toEqual(['plan', 'ceiling', 'water_electric', 'walls']);
    expect(codes(self, 'commitment')).toContain('self_decoration');
    expect(self.contractor).toBeNull();
  });

  it('cannot go to approval with a document missing, unpaid, or the owner not told of a government approval', async () => {
    const { env, site } = await setup();
    const d = await env.ok('decoration.create', application(site, { govFlags: ['fire', 'gas'] }), 'clerk');
    expect(await env.fail('decoration.submit', { id: d.id }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'decoration.error.missing', params: { count: 14 } });
    const ticked = await tickAll(env, d);
    expect(ticked.missing).toEqual([]);
    // One document taken back: still refused, with the count.
    await env.ok('decoration.check', { id: d.id, kind: 'document', code: 'walls', done: false }, 'clerk');
    expect(await env.fail('decoration.submit', { id: d.id }, 'clerk')).toMatchObject({ message: 'decoration.error.missing', params: { count: 1 } });
    await env.ok('decoration.check', { id: d.id, kind: 'document', code: 'walls', done: true }, 'clerk');
    expect(await env.fail('decoration.submit', { id: d.id }, 'clerk')).toMatchObject({ message: 'decoration.error.unpaid' });
    await env.ok('decoration.pay', { id: d.id, receipt: 'SK-1' }, 'cashier');
    expect(await env.fail('decoration.submit', { id: d.id }, 'clerk')).toMatchObject({ message: 'decoration.error.govNotTold' });
    const told = await env.ok('decoration.tellGov', { id: d.id }, 'clerk');
    expect(told.govToldBy).toBe('clerk 用户');
    const s = await env.ok('decoration.submit', { id: d.id }, 'clerk');
    expect(s.state).toBe('submitted');
    // The flags stay on the application through to completion.
    expect(s.govFlags).toEqual(['fire', 'gas']);
  });

  it('refuses a checklist code the application does not have, and a date in the future', async () => {
    const { env, site } = await setup();
    const d = await env.ok('decoration.create', application(site, { contractor: { self: true } }), 'clerk');
    expect((await env.fail('decoration.check', { id: d.id, kind: 'document', code: 'contractor_licence', done: true }, 'clerk')).fieldErrors).toMatchObject({ code: { message: 'v.notFound' } });
    expect((await env.fail('decoration.check', { id: d.id, kind: 'document', code: 'plan', done: true, date: '2026-03-16' }, 'clerk')).fieldErrors).toMatchObject({ date: { message: 'v.notInFuture' } });
  });
});

describe('fees', () => {
  const lines = (d: Detail) => Object.fromEntries(d.fees.map((l) => [l.code, l.amountFen]));

  it('come from the schedule of the unit use: residential, office (AC, fire drain, fire linkage), business apartment (fire drain only when fire facilities change)', async () => {
    const { env, site } = await setup();
    const home = await env.ok('decoration.create', application(site, { workers: 4 }), 'clerk');
    expect(lines(home)).toEqual({ deposit: 200_000, debris: 30_000, passes: 2_000 });
    expect(home.feesTotalFen).toBe(232_000);

    const office = await env.ok('decoration.create', application(site, { unitId: await unitOf(env, site, 'office', '1-201'), workers: 2 }), 'clerk');
    expect(lines(office)).toEqual({ deposit: 500_000, debris: 50_000, passes: 1_000, ac_modification: 80_000, fire_drain: 30_000, fire_linkage: 50_000 });

    const apt = await unitOf(env, site, 'business_apartment', '1-301');
    const aptFire = await env.ok('decoration.create', application(site, { unitId: apt, workers: 1, govFlags: ['fire'] }), 'clerk');
    expect(lines(aptFire)).toEqual({ deposit: 300_000, debris: 30_000, passes: 500, fire_drain: 30_000 });
    const apt2 = await unitOf(env, site, 'business_apartment', '1-302');
    const aptPlain = await env.ok('decoration.create', application(site, { unitId: apt2, workers: 1 }), 'clerk');
    expect(lines(aptPlain)).toEqual({ deposit: 300_000, debris: 30_000, passes: 500 });
  });

  it('are taken by the cashier (not a clerk) with a receipt, once; the deposit opens the ledger; the application no longer changes', async () => {
    const { env, site } = await setup();
    const d = await env.ok('decoration.create', application(site), 'clerk');
    expect(await env.fail('decoration.pay', { id: d.id, receipt: 'SK-1' }, 'clerk')).toMatchObject({ code: 'FORBIDDEN' });
    expect((await env.fail('decoration.pay', { id: d.id, receipt: '' }, 'cashier')).fieldErrors).toMatchObject({ receipt: { message: 'v.required' } });
    const paid = await env.ok('decoration.pay', { id: d.id, receipt: 'SK-1' }, 'cashier');
    expect(paid.feesPaid).toMatchObject({ receipt: 'SK-1', by: 'cashier 用户' });
    expect(paid.ledger.map((e) => [e.kind, e.amountFen, e.balanceFen, e.receipt])).toEqual([['payment', 200_000, 200_000, 'SK-1']]);
    expect(paid.depositHeldFen).toBe(200_000);
    expect(await env.fail('decoration.pay', { id: d.id, receipt: 'SK-2' }, 'cashier')).toMatchObject({ message: 'decoration.why.paidTwice' });
    const { id: _id, ...input } = { ...application(site), id: d.id };
    expect(await env.fail('decoration.update', { ...input, id: d.id, unitId: undefined }, 'clerk')).toMatchObject({ code: 'VALIDATION' });
    const { unitId: _u, ...edit } = application(site);
    expect(await env.fail('decoration.update', { ...edit, id: d.id, workers: 9 }, 'clerk')).toMatchObject({ message: 'decoration.why.editPaid' });
    // A paid deposit is not voided away.
    expect(await env.fail('decoration.void', { id: d.id, reason: '业主取消' })).toMatchObject({ message: 'decoration.why.voidPaid' });
  });
});

describe('approval', () => {
  async function submittedAt(env: TestEnv, site: Site, when: string) {
    await at(env, when);
    const d = await env.ok('decoration.create', application(site), 'clerk');
    await tickAll(env, d);
    await env.ok('decoration.pay', { id: d.id, receipt: 'SK-1' }, 'cashier');
    return env.ok('decoration.submit', { id: d.id }, 'clerk');
  }

  it('is due within 3 working days of the complete application — across the 2026 National Day holiday, the Saturday make-up day counts', async () => {
    const { env, site } = await setup();
    // Wednesday 30 September 2026, 10:00 in Beijing: 1–7 October are off, Saturday 10 October is worked.
    const d = await submittedAt(env, site, '2026-09-30T02:00:00.000Z');
    expect(d.approvalDue).toBe('2026-10-10');
    expect(d.approvalDueEstimated).toBe(false);
  });

  it('is the project manager’s: a clerk or supervisor is refused; a rejection needs a reason and puts the deposit due back at once', async () => {
    const { env, site } = await setup();
    const d = await submittedAt(env, site, '2026-03-16T02:00:00.000Z');
    expect(d.approvalDue).toBe('2026-03-19');
    expect(await env.fail('decoration.approve', { id: d.id }, 'clerk')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await env.fail('decoration.approve', { id: d.id }, 'supervisor')).toMatchObject({ code: 'FORBIDDEN' });
    expect((await env.fail('decoration.reject', { id: d.id, reason: ' ' })).fieldErrors).toMatchObject({ reason: { message: 'v.required' } });
    const r = await env.ok('decoration.reject', { id: d.id, reason: '图纸与现场不符' });
    expect(r).toMatchObject({ state: 'rejected', rejectReason: '图纸与现场不符', refundDue: '2026-03-16', decidedBy: '王经理' });
    // The deposit comes back without the months' wait.
    await env.ok('decoration.prepareRefund', refundInput(d.id), 'clerk');
    const out = await env.ok('decoration.payOut', { id: d.id, receipt: 'TK-1' }, 'cashier');
    expect(out.state).toBe('refunded');
    expect(out.ledger.at(-1)).toMatchObject({ kind: 'refund', amountFen: 200_000, balanceFen: 0 });
  });

  it('shows on Today near its deadline, then is gone when approved', async () => {
    const { env, site } = await setup();
    const d = await submittedAt(env, site, '2026-03-16T02:00:00.000Z');
    const early = await env.ok('today.summary', {}, 'clerk');
    expect(early.decoration.approvalsNearDeadline).toEqual([]);
    await at(env, '2026-03-18T02:00:00.000Z');
    const near = await env.ok('today.summary', {});
    expect(near.decoration.approvalsNearDeadline.map((r) => r.number)).toEqual([d.number]);
    const tile = near.tiles.find((t) => t.id === 'decoration.approvals');
    expect(tile).toMatchObject({ kind: 'breakdown', parts: [{ key: 'waiting', value: 1 }, { key: 'near', value: 1 }, { key: 'late', value: 0 }] });
    await env.ok('decoration.approve', { id: d.id });
    expect((await env.ok('today.summary', {})).decoration.approvalsNearDeadline).toEqual([]);
  });
});

describe('the permit', () => {
  it('needs the site protection first; then the unit is under decoration from today, and goes back to its state when the inspection passes', async () => {
    const { env, site } = await setup();
    await env.ok('units.setOccupancy', { unitId: site.unitId, state: 'owner_occupied', effectiveDate: '2026-01-01', note: null });
    const d = await env.ok('decoration.create', application(site), 'clerk');
    await tickAll(env, d);
    await env.ok('decoration.pay', { id: d.id, receipt: 'SK-1' }, 'cashier');
    await env.ok('decoration.submit', { id: d.id }, 'clerk');
    await env.ok('decoration.approve', { id: d.id });
    expect(await env.fail('decoration.issuePermit', { id: d.id }, 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'decoration.error.noProtection' });
    await env.ok('decoration.protect', { id: d.id, by: '工程部刘工' }, 'clerk');
    const p = await env.ok('decoration.issuePermit', { id: d.id }, 'clerk');
    expect(p).toMatchObject({ state: 'under_way', priorState: 'owner_occupied' });
    expect((await env.ok('units.get', { id: site.unitId })).state).toBe('under_decoration');
    expect(env.rows("SELECT state, effective_date, source, note FROM occupancy_history WHERE unit_id = ? AND source = 'decoration'", site.unitId)).toEqual([
      { state: 'under_decoration', effective_date: '2026-03-15', source: 'decoration', note: d.number },
    ]);
    await at(env, '2026-04-24T04:00:00.000Z');
    await env.ok('decoration.requestInspection', { id: d.id }, 'clerk');
    const done = await env.ok('decoration.inspect', { id: d.id, engineeringBy: '刘工', securityBy: '李队' }, 'clerk');
    expect(done).toMatchObject({ state: 'completed', passedOn: '2026-04-24', refundDue: '2026-07-24' });
    expect((await env.ok('units.get', { id: site.unitId })).state).toBe('owner_occupied');
    // The monthly report counts the decoration started in March and completed in April from these changes, and names the permit.
    const started = await env.ok('occupancyReport.units', { month: '2026-03', draft: true, figure: 'decorationsStarted' });
    expect(started.rows.map((r) => [r.code, r.date, r.from, r.state, r.record])).toEqual([['1-101', '2026-03-15', 'owner_occupied', 'under_decoration', { source: 'decoration', number: d.number }]]);
    const completed = await env.ok('occupancyReport.units', { month: '2026-04', draft: true, figure: 'decorationsCompleted' });
    expect(completed.rows.map((r) => [r.code, r.date, r.record?.number])).toEqual([['1-101', '2026-04-24', d.number]]);
  });

  it('a failed inspection keeps its problems open; they are closed, and the next inspection passes', async () => {
    const { env, site } = await setup();
    const d = await underWay(env, site);
    await env.ok('decoration.requestInspection', { id: d.id }, 'clerk');
    const failed = await env.ok('decoration.inspect', { id: d.id, engineeringBy: '刘工', securityBy: '李队', problems: ['阳台防水未做闭水试验', '公共走廊墙面划伤'] }, 'clerk');
    expect(failed.state).toBe('inspection');
    expect(failed.inspections).toMatchObject([{ seq: 1, passed: false }]);
    await env.ok('decoration.closeProblem', { problemId: failed.problems[0].id, note: '已做闭水试验' }, 'clerk');
    const still = await env.ok('decoration.inspect', { id: d.id, engineeringBy: '刘工', securityBy: '李队' }, 'clerk');
    expect(still.state).toBe('inspection');
    await env.ok('decoration.closeProblem', { problemId: failed.problems[1].id }, 'clerk');
    expect(await env.fail('decoration.closeProblem', { problemId: failed.problems[1].id }, 'clerk')).toMatchObject({ message: 'decoration.why.problemClosed' });
    const passed = await env.ok('decoration.inspect', { id: d.id, engineeringBy: '刘工', securityBy: '李队' }, 'clerk');
    expect(passed.state).toBe('completed');
    expect(passed.inspections.map((i) => i.passed)).toEqual([false, false, true]);
  });

  it('an office must record the fire acceptance receipt before the inspection; its refund is due 15 days after', async () => {
    const { env, site } = await setup();
    const unitId = await unitOf(env, site, 'office', '1-201');
    const d = await underWay(env, site, { unitId });
    expect((await env.fail('decoration.requestInspection', { id: d.id }, 'clerk')).fieldErrors).toMatchObject({ fireReceipt: { message: 'decoration.v.fireReceipt' } });
    await env.ok('decoration.requestInspection', { id: d.id, fireReceipt: '深消验字〔2026〕第118号' }, 'clerk');
    const done = await env.ok('decoration.inspect', { id: d.id, engineeringBy: '刘工', securityBy: '李队' }, 'clerk');
    expect(done).toMatchObject({ fireReceipt: '深消验字〔2026〕第118号', passedOn: '2026-03-15', refundDue: '2026-03-30' });
  });
});

describe('worker passes at the gate', () => {
  it('are numbered CR-year; the gate answers valid, not yet, expired, revoked or unknown, and logs every check', async () => {
    const { env, site } = await setup();
    const d = await underWay(env, site);
    const add = (name: string, validFrom: string, validTo: string) => env.ok('decoration.addPass', { id: d.id, name, idNumber: '110101199003071234', phone: '139 0013 9000', validFrom, validTo }, 'clerk');
    await add('王五', '2026-03-15', '2026-04-15');
    await add('赵六', '2026-03-20', '2026-04-15');
    const three = await add('钱七', '2026-03-10', '2026-03-14');
    expect(three.passes.map((p) => p.number)).toEqual(['CR-2026-000001', 'CR-2026-000002', 'CR-2026-000003']);
    expect(three.passes[0]).toMatchObject({ idNumberMasked: expect.stringMatching(/^110\*+1234$/), phoneMasked: '139****9000' });
    expect((await env.fail('decoration.addPass', { id: d.id, name: '孙八', idNumber: 'X1', phone: '13900139000', validFrom: '2026-03-15', validTo: '2026-07-01' }, 'clerk')).fieldErrors).toMatchObject({
      validTo: { message: 'decoration.v.passAfterWork', params: { date: '2026-06-15' } },
    });
    const check = async (number: string) => (await env.ok('passes.check', { number }, 'clerk')).answer;
    expect(await check('cr-2026-000001')).toBe('valid');
    expect(await check('CR-2026-000002')).toBe('notYet');
    expect(await check('CR-2026-000003')).toBe('expired');
    await env.ok('decoration.revokePass', { passId: three.passes[0].id, reason: '已离场' }, 'clerk');
    const revoked = await env.ok('passes.check', { number: 'CR-2026-000001' }, 'clerk');
    expect(revoked).toMatchObject({ answer: 'revoked', pass: { name: '王五', permitNumber: d.number, unitCode: '1-101', revokeReason: '已离场' } });
    expect(await check('CR-2026-999999')).toBe('unknown');
    expect(await check('not a number')).toBe('unknown');
    expect(env.count("SELECT count(*) FROM audit_log WHERE action = 'gate-check'")).toBe(6);
    expect(env.count("SELECT count(*) FROM record_events WHERE kind = 'decoration' AND action = 'gate-check'")).toBe(4);
    // A pass of a finished permit no longer opens the gate.
    await env.ok('decoration.requestInspection', { id: d.id }, 'clerk');
    await env.ok('decoration.inspect', { id: d.id, engineeringBy: '刘工', securityBy: '李队' }, 'clerk');
    expect(await check('CR-2026-000002')).toBe('notYet');
    await at(env, '2026-03-25T02:00:00.000Z');
    expect(await check('CR-2026-000002')).toBe('expired');
  });
});

describe('during the work', () => {
  it('patrols are logged; Today lists the permits with no patrol today', async () => {
    const { env, site } = await setup();
    const d = await underWay(env, site);
    expect((await env.ok('today.summary', {}, 'clerk')).decoration.noPatrolToday.map((r) => r.number)).toEqual([d.number]);
    expect((await env.fail('decoration.patrol', { id: d.id, date: '2026-03-16', department: 'security', by: '保安李' }, 'clerk')).fieldErrors).toMatchObject({ date: { message: 'v.notInFuture' } });
    const p = await env.ok('decoration.patrol', { id: d.id, date: '2026-03-15', department: 'security', by: '保安李', findings: '正常' }, 'clerk');
    expect(p.lastPatrol).toBe('2026-03-15');
    expect((await env.ok('today.summary', {}, 'clerk')).decoration.noPatrolToday).toEqual([]);
    expect((await env.ok('decoration.list', { queue: 'noPatrolToday' }, 'clerk')).total).toBe(0);
  });

  it('a minor violation records who was warned; a serious one: the owner is phoned first, then the contractor, both sign', async () => {
    const { env, site } = await setup();
    const d = await underWay(env, site);
    expect((await env.fail('decoration.violation', { id: d.id, date: '2026-03-15', severity: 'minor', description: '楼道堆放材料' }, 'clerk')).fieldErrors).toMatchObject({ warnedWho: { message: 'decoration.v.warnedWho' } });
    const minor = await env.ok('decoration.violation', { id: d.id, date: '2026-03-15', severity: 'minor', description: '楼道堆放材料', warnedWho: '施工负责人李工' }, 'clerk');
    expect(await env.fail('decoration.noticeCall', { violationId: minor.violations[0].id, who: 'owner' }, 'clerk')).toMatchObject({ message: 'decoration.why.notSerious' });
    const s = await env.ok('decoration.violation', { id: d.id, date: '2026-03-15', severity: 'serious', description: '擅自拆改承重墙' }, 'clerk');
    const v = s.violations[1];
    expect(await env.fail('decoration.noticeCall', { violationId: v.id, who: 'contractor' }, 'clerk')).toMatchObject({ message: 'decoration.error.ownerFirst' });
    expect(await env.fail('decoration.noticeSigned', { violationId: v.id }, 'clerk')).toMatchObject({ message: 'decoration.error.callsFirst' });
    await env.ok('decoration.noticeCall', { violationId: v.id, who: 'owner', note: '业主表示理解，支持整改' }, 'clerk');
    await env.ok('decoration.noticeCall', { violationId: v.id, who: 'contractor' }, 'clerk');
    const signed = await env.ok('decoration.noticeSigned', { violationId: v.id }, 'clerk');
    expect(signed.violations[1]).toMatchObject({ ownerCallNote: '业主表示理解，支持整改', ownerCalledAt: expect.any(String), contractorCalledAt: expect.any(String), signedAt: expect.any(String) });
  });

  it('hot work without an approval covering the day is a serious violation; with one it is what was seen', async () => {
    const { env, site } = await setup();
    const d = await underWay(env, site);
    const bad = await env.ok('decoration.violation', { id: d.id, date: '2026-03-15', severity: 'minor', description: '电焊作业', hotWork: true, warnedWho: '焊工' }, 'clerk');
    expect(bad.violations[0]).toMatchObject({ severity: 'serious', hotWorkUnapproved: true });
    expect((await env.fail('decoration.hotWork', { id: d.id, from: '2026-03-15T08:00:00.000Z', to: '2026-03-15T01:00:00.000Z', location: '厨房', fireWatch: '保安李', approvedBy: '工程部刘工' }, 'clerk')).fieldErrors).toMatchObject({ to: { message: 'decoration.v.periodOrder' } });
    await env.ok('decoration.hotWork', { id: d.id, from: '2026-03-15T01:00:00.000Z', to: '2026-03-15T08:00:00.000Z', location: '厨房', fireWatch: '保安李', approvedBy: '工程部刘工' }, 'clerk');
    const ok = await env.ok('decoration.violation', { id: d.id, date: '2026-03-15', severity: 'minor', description: '动火点未配灭火器', hotWork: true, warnedWho: '焊工' }, 'clerk');
    expect(ok.violations[1]).toMatchObject({ severity: 'minor', hotWorkUnapproved: false });
    expect(ok.hotWorks).toMatchObject([{ location: '厨房', fireWatch: '保安李' }]);
  });
});

describe('the refund', () => {
  async function withPenalty(env: TestEnv, site: Site, fen: number) {
    const d = await underWay(env, site);
    const s = await env.ok('decoration.violation', { id: d.id, date: '2026-03-15', severity: 'serious', description: '擅自改动外立面' }, 'clerk');
    expect(await env.fail('decoration.penalty', { violationId: s.violations[0].id, amountFen: fen }, 'supervisor')).toMatchObject({ code: 'FORBIDDEN' });
    await env.ok('decoration.penalty', { violationId: s.violations[0].id, amountFen: fen, note: '违章整改表 第3号' });
    await env.ok('decoration.requestInspection', { id: d.id }, 'clerk');
    return env.ok('decoration.inspect', { id: d.id, engineeringBy: '刘工', securityBy: '李队' }, 'clerk');
  }

  it('deposit − penalties − unpaid utilities, in fen, computed by the ledger; the balance is 0 after the payout; it cannot be paid twice', async () => {
    const { env, site } = await setup();
    const d = await withPenalty(env, site, 50_000);
    expect(d.refund).toMatchObject({ depositFen: 200_000, penaltiesFen: 50_000, refundFen: 150_000 });
    expect(await env.fail('decoration.prepareRefund', refundInput(d.id), 'clerk')).toMatchObject({ code: 'BAD_STATE', message: 'decoration.error.notDue', params: { date: '2026-06-15' } });
    await at(env, '2026-06-15T02:00:00.000Z');
    expect(await env.fail('decoration.payOut', { id: d.id, receipt: 'TK-1' }, 'cashier')).toMatchObject({ message: 'decoration.error.notPrepared' });
    expect((await env.fail('decoration.prepareRefund', refundInput(d.id, { utilitiesFen: 150_001 }), 'clerk')).fieldErrors).toMatchObject({ utilitiesFen: { message: 'decoration.v.exceedsBalance' } });
    expect((await env.fail('decoration.prepareRefund', refundInput(d.id, { signedByManager: false }), 'clerk')).fieldErrors).toMatchObject({ signedByManager: { message: 'decoration.v.signed' } });
    const ready = await env.ok('decoration.prepareRefund', refundInput(d.id, { utilitiesFen: 12_050, checks: { commonArea: { ok: true }, neighbours: { ok: true }, leaks: { ok: false, note: '楼下天花轻微水渍，已修复' }, violations: { ok: false, note: '违约金已扣' } } }), 'clerk');
    expect(ready.refund).toMatchObject({ utilitiesFen: 12_050, refundFen: 137_950 });
    expect(await env.fail('decoration.payOut', { id: d.id, receipt: 'TK-1' }, 'clerk')).toMatchObject({ code: 'FORBIDDEN' });
    const out = await env.ok('decoration.payOut', { id: d.id, receipt: 'TK-1' }, 'cashier');
    expect(out.ledger.map((e) => [e.kind, e.amountFen, e.balanceFen])).toEqual([
      ['payment', 200_000, 200_000],
      ['penalty', 50_000, 150_000],
      ['utilities', 12_050, 137_950],
      ['refund', 137_950, 0],
    ]);
    expect(out).toMatchObject({ state: 'refunded', depositHeldFen: 0, refund: { refundFen: 137_950, paidOut: { receipt: 'TK-1', by: 'cashier 用户' } } });
    expect(await env.fail('decoration.payOut', { id: d.id, receipt: 'TK-2' }, 'cashier')).toMatchObject({ code: 'BAD_STATE' });
    expect(await env.fail('decoration.penalty', { violationId: out.violations[0].id, amountFen: 1 })).toMatchObject({ code: 'BAD_STATE' });
  });

  it('a penalty larger than the deposit is deducted only up to it: the refund is 0, never negative', async () => {
    const { env, site } = await setup();
    const d = await withPenalty(env, site, 250_000);
    expect(d.violations[0]).toMatchObject({ penaltyFen: 250_000, penaltyDeductedFen: 200_000 });
    expect(d.refund).toMatchObject({ refundFen: 0 });
    expect(d.depositHeldFen).toBe(0);
  });

  it('a contractor’s request needs the owner’s consent; the contractor signs unless the owner decorated alone', async () => {
    const { env, site } = await setup();
    const d = await inspected(env, site);
    await at(env, '2026-06-16T02:00:00.000Z');
    expect((await env.fail('decoration.prepareRefund', refundInput(d.id, { requestedBy: 'contractor' }), 'clerk')).fieldErrors).toMatchObject({ ownerConsent: { message: 'decoration.v.ownerConsent' } });
    expect((await env.fail('decoration.prepareRefund', refundInput(d.id, { signedByContractor: false }), 'clerk')).fieldErrors).toMatchObject({ signedByContractor: { message: 'decoration.v.signed' } });
    const ok = await env.ok('decoration.prepareRefund', refundInput(d.id, { requestedBy: 'contractor', ownerConsent: true }), 'clerk');
    expect(ok.refund).toMatchObject({ requestedBy: 'contractor', ownerConsent: true, refundFen: 200_000 });
    expect(await env.fail('decoration.prepareRefund', refundInput(d.id), 'clerk')).toMatchObject({ message: 'decoration.why.preparedTwice' });
  });

  it('Today and the ledger view list the refunds due this week and overdue; the deposits held by age', async () => {
    const { env, site } = await setup();
    const d = await inspected(env, site);
    const v0 = await env.ok('decoration.ledger', {});
    expect(v0.held).toEqual({ count: 1, fen: 200_000 });
    expect(v0.byAge.find((b) => b.bucket === 'lt3m')).toMatchObject({ count: 1, fen: 200_000 });
    expect(v0.refundsDue).toEqual([]);
    await at(env, '2026-06-10T02:00:00.000Z');
    const v1 = await env.ok('decoration.ledger', {});
    expect(v1.refundsDue.map((r) => [r.number, r.refundDue])).toEqual([[d.number, '2026-06-15']]);
    expect(v1.byAge.find((b) => b.bucket === 'lt3m')).toMatchObject({ count: 1 });
    expect((await env.ok('today.summary', {}, 'cashier')).decoration.refundsDue.map((r) => r.number)).toEqual([d.number]);
    await at(env, '2026-06-20T02:00:00.000Z');
    const v2 = await env.ok('decoration.ledger', {});
    expect(v2.refundsOverdue.map((r) => r.number)).toEqual([d.number]);
    expect(v2.byAge.find((b) => b.bucket === '3to6m')).toMatchObject({ count: 1, fen: 200_000 });
    expect((await env.ok('decoration.list', { queue: 'refundOverdue' })).rows.map((r) => r.number)).toEqual([d.number]);
    const file = await env.ok('decoration.ledgerExport', { lang: 'zh-CN' });
    expect(Buffer.from(file.base64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

describe('the ledger table', () => {
  it('refuses an update, a delete, an entry that does not follow the last, and a second refund', async () => {
    const { env, site } = await setup();
    const d = await underWay(env, site);
    const db = env.db();
    const e = env.rows<{ id: string }>('SELECT id FROM deposit_ledger')[0];
    expect(() => db.prepare('UPDATE deposit_ledger SET amount_fen = 1 WHERE id = ?').run(e.id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM deposit_ledger WHERE id = ?').run(e.id)).toThrow(/append-only/);
    const insert = (seq: number, kind: string, amount: number, balance: number) =>
      db.prepare("INSERT INTO deposit_ledger (id, decoration_id, seq, kind, amount_fen, balance_fen, at) VALUES (lower(hex(randomblob(16))), ?, ?, ?, ?, ?, '2026-03-15T04:00:00.000Z')").run(d.id, seq, kind, amount, balance);
    expect(() => insert(2, 'penalty', 100, 199_999)).toThrow(/does not follow/);
    expect(() => insert(3, 'penalty', 100, 199_900)).toThrow(/does not follow/);
    expect(() => insert(2, 'penalty', 300_000, -100_000)).toThrow();
    insert(2, 'refund', 200_000, 0);
    expect(() => insert(3, 'refund', 0, 0)).toThrow(/UNIQUE/);
  });
});
