/**
 * The monthly occupancy report on real SQLite through the real host: a site built from a script of dated
 * state changes (hand-over, moving in, decoration start and end, a tenant move-out slip, corrections), whose
 * figures are counted by hand for three months; finalising, a back-dated change after it, a revision;
 * warnings resolved or accepted; the due reminder on a fixed clock; who may do what.
 */
import { describe, expect, it } from 'vitest';
import { figuresByUnitPass, monthEndRates } from '../../../electron/workflows/occupancy-report/service';
import type { ChannelInput } from '../../../shared/contract';
import type { OccupancyState } from '../../../shared/master/enums';
import { figuresOf, movementsOf, transitionsOf, dueReminder, type Figures } from '../../../shared/workflows/occupancy-report/rules';
import { PASSWORD, testEnv, type TestEnv } from '../../helpers/host';

const SESSIONS = ['mgr', 'clerk', 'supervisor'];

/** Moves the clock to noon (Beijing) of a day; the idle-locked sessions are unlocked, as the staff would. */
async function on(env: TestEnv, date: string) {
  env.clock.set(`${date}T04:00:00.000Z`);
  for (const s of SESSIONS) await env.ok('auth.unlock', { password: PASSWORD }, s);
}

async function setState(env: TestEnv, unitId: string, state: OccupancyState, effectiveDate = env.clock.now().toISOString().slice(0, 10), note: string | null = null) {
  await env.ok('units.setOccupancy', { unitId, state, effectiveDate, note });
}

const person = (name: string, phone: string): ChannelInput<'people.create'> => ({ kind: 'person', name, phone, phone2: null, idType: null, idNumber: null, contactPerson: null, emergencyName: null, emergencyPhone: null, birthday: null, note: null });

/** Expected figures: the states and movements named, everything else zero; the rate as the product defines it. */
function fig(units: number, over: Partial<Figures>): Figures {
  const f = { ...figuresOf(0, {}), units, ...over };
  const occupied = f.ownerOccupied + f.officeInUse + f.rented;
  return { ...f, occupancyRateBp: f.handedOver ? Math.round((occupied / f.handedOver) * 10_000) : null };
}

/**
 * The site, December 2025 to February 2026 (the clock walks through it):
 *   building 1: 1-101 (owner 张三), 1-102;  building 2: 2-201, 2-202, 2-203, and 2-204 that never gets a history.
 */
async function buildSite() {
  const env = testEnv();
  env.clock.set('2025-12-01T04:00:00.000Z');
  await env.init();
  await env.addUser('clerk');
  await env.addUser('supervisor');
  const b1 = await env.ok('buildings.create', { code: '1', name: '1号楼', note: null });
  const b2 = await env.ok('buildings.create', { code: '2', name: '2号楼', note: null });
  const unit = async (b: string, code: string) => (await env.ok('units.create', { buildingId: b, code, use: 'residential', floor: 1, areaM2: 90, note: null })).id;
  const u = {
    '1-101': await unit(b1.id, '1-101'),
    '1-102': await unit(b1.id, '1-102'),
    '2-201': await unit(b2.id, '2-201'),
    '2-202': await unit(b2.id, '2-202'),
    '2-203': await unit(b2.id, '2-203'),
    '2-204': await unit(b2.id, '2-204'),
  };
  const owner = await env.ok('people.create', person('张三', '13812345678'));
  const tenant = await env.ok('people.create', person('李娜', '13912345678'));
  await env.ok('links.create', { unitId: u['1-101'], personId: owner.id, relation: 'owner', startDate: '2025-12-01', endDate: null });
  await env.ok('links.create', { unitId: u['2-201'], personId: owner.id, relation: 'owner', startDate: '2025-12-01', endDate: null });

  await on(env, '2025-12-05');
  for (const code of ['1-101', '1-102', '2-201', '2-202', '2-203'] as const) await setState(env, u[code], 'not_handed_over');
  // January: two hand-overs, a decoration starts, a hand-over corrected the same day into moving in, a tenant moves in.
  await on(env, '2026-01-06');
  await setState(env, u['1-101'], 'vacant');
  await setState(env, u['2-201'], 'vacant');
  await on(env, '2026-01-10');
  await setState(env, u['1-101'], 'under_decoration');
  await on(env, '2026-01-12');
  await setState(env, u['2-202'], 'vacant');
  await setState(env, u['2-202'], 'owner_occupied', '2026-01-12', '更正：当天已入住');
  await on(env, '2026-01-20');
  await env.ok('links.create', { unitId: u['2-201'], personId: tenant.id, relation: 'tenant', startDate: '2026-01-20', endDate: null });
  await setState(env, u['2-201'], 'rented');
  // February: the decoration ends and the owner moves in; the tenant moves out with a release slip; 1-102 is
  // handed over and decorated; 2-203 entered as handed over by mistake and corrected the next day; 2-202 let.
  await on(env, '2026-02-03');
  await setState(env, u['1-101'], 'owner_occupied');
  await on(env, '2026-02-10');
  await tenantMovesOut(env, u['2-201'], tenant.id);
  await on(env, '2026-02-15');
  await setState(env, u['1-102'], 'vacant');
  await on(env, '2026-02-20');
  await setState(env, u['1-102'], 'under_decoration');
  await on(env, '2026-02-25');
  await setState(env, u['2-203'], 'vacant');
  await on(env, '2026-02-26');
  await setState(env, u['2-203'], 'not_handed_over', '2026-02-25', '更正：录入错误，尚未交房');
  await on(env, '2026-02-27');
  await setState(env, u['2-202'], 'rented');
  return { env, b1: b1.id, b2: b2.id, u, tenantId: tenant.id };
}

/** A tenant move-out through the slips workflow: create, submit, verify by phone, fees, issue, out through the gate. */
async function tenantMovesOut(env: TestEnv, unitId: string, tenantId: string) {
  const s = await env.ok('slips.create', {
    unitId,
    nature: 'moving_out',
    reason: '退租搬家',
    carrier: { type: 'tenant', personId: tenantId, name: '李娜', phone: '13912345678', idType: null, idNumber: null },
    items: [{ name: '纸箱', quantity: 5, unitOfCount: '箱', remark: null }],
    tenantMoveOut: true,
    meterReadings: { water: 10, electricity: 200, gas: null },
  });
  await env.ok('slips.submit', { id: s.id });
  await env.ok('slips.recordCall', { slipId: s.id, contactRole: 'owner', contactName: '张三', contactPhone: '13812345678', calledAt: env.clock.now().toISOString(), answer: 'agreed', note: null });
  await env.ok('slips.confirmFees', { slipId: s.id, receipt: 'SK-1' });
  await env.ok('slips.issue', { slipId: s.id, signatures: { clerk: { mode: 'paper' }, carrier: { mode: 'paper' }, owner: { mode: 'recording' } }, recordingRef: 'REC-1', acknowledgeFrequent: false });
  await env.ok('gate.exit', { number: s.number });
}

// Counted by hand from the script above.
const DEC = {
  b1: fig(2, { notHandedOver: 2 }),
  b2: fig(4, { notHandedOver: 4, noHistory: 1 }),
};
const JAN = {
  b1: fig(2, { handedOver: 1, notHandedOver: 1, underDecoration: 1, moveIns: 1, decorationsStarted: 1 }),
  b2: fig(4, { handedOver: 2, notHandedOver: 2, noHistory: 1, ownerOccupied: 1, rented: 1, moveIns: 2, movingIns: 2 }),
};
const FEB = {
  b1: fig(2, { handedOver: 2, ownerOccupied: 1, underDecoration: 1, moveIns: 1, movingIns: 1, decorationsStarted: 1, decorationsCompleted: 1 }),
  b2: fig(4, { handedOver: 2, notHandedOver: 2, noHistory: 1, rented: 1, vacant: 1, movingIns: 1, moveOuts: 1 }),
};
const total = (a: Figures, b: Figures) => {
  const t = fig(a.units + b.units, {});
  for (const k of Object.keys(t) as (keyof Figures)[]) if (k !== 'occupancyRateBp') t[k] = (a[k] as number) + (b[k] as number);
  return fig(t.units, t);
};

describe('the rules', () => {
  it('name each change of state by its columns', () => {
    expect(movementsOf('not_handed_over', 'vacant')).toEqual(['moveIns']);
    // A first recorded state (an imported roster, a unit added with the state it had) is an opening state.
    expect(movementsOf(null, 'vacant')).toEqual([]);
    expect(movementsOf(null, 'owner_occupied')).toEqual([]);
    expect(movementsOf('not_handed_over', 'owner_occupied')).toEqual(['moveIns', 'movingIns']);
    expect(movementsOf('vacant', 'rented')).toEqual(['movingIns']);
    expect(movementsOf('owner_occupied', 'rented')).toEqual(['movingIns']);
    expect(movementsOf('rented', 'vacant')).toEqual(['moveOuts']);
    expect(movementsOf('vacant', 'under_decoration')).toEqual(['decorationsStarted']);
    expect(movementsOf('under_decoration', 'office_in_use')).toEqual(['movingIns', 'decorationsCompleted']);
    expect(movementsOf('vacant', 'not_handed_over')).toEqual([]);
    expect(movementsOf('rented', 'rented')).toEqual([]);
  });

  it('take the last entry of a day and skip repeats', () => {
    const r = (id: string, effectiveDate: string, state: OccupancyState) => ({ unitId: 'u', id, effectiveDate, state });
    const t = transitionsOf('vacant', [r('3', '2026-02-05', 'rented'), r('1', '2026-02-01', 'vacant'), r('2', '2026-02-05', 'owner_occupied')]);
    expect(t.transitions.map((x) => [x.date, x.from, x.to])).toEqual([['2026-02-05', 'vacant', 'rented']]);
    expect(t.after).toBe('rented');
  });

  it('remind from the 1st, overdue after the 3rd, until finalised (days are settings)', () => {
    const s = { occupancyReportRemindFromDay: 1, occupancyReportDueDay: 3 };
    expect(dueReminder('2026-03-01', s, () => false)).toEqual({ month: '2026-02', dueDate: '2026-03-03', overdue: false });
    expect(dueReminder('2026-03-03', s, () => false)?.overdue).toBe(false);
    expect(dueReminder('2026-03-04', s, () => false)?.overdue).toBe(true);
    expect(dueReminder('2026-03-04', s, (m) => m === '2026-02')).toBeNull();
    expect(dueReminder('2026-01-02', s, () => false)).toMatchObject({ month: '2025-12', dueDate: '2026-01-03' });
    expect(dueReminder('2026-03-04', { occupancyReportRemindFromDay: 5, occupancyReportDueDay: 10 }, () => false)).toBeNull();
  });
});

describe('the monthly occupancy report', () => {
  it('equals a hand count for three months, per building and in total; every figure lists its units', async () => {
    const { env, b1, b2, u } = await buildSite();
    await on(env, '2026-03-02');
    for (const [month, want] of [['2025-12', DEC], ['2026-01', JAN], ['2026-02', FEB]] as const) {
      const r = await env.ok('occupancyReport.get', { month });
      expect(r, month).toMatchObject({ kind: 'draft', snapshot: null, asOf: { '2025-12': '2025-12-31', '2026-01': '2026-01-31', '2026-02': '2026-02-28' }[month] });
      expect(r.buildings.map((b) => [b.code, b.figures]), month).toEqual([['1', want.b1], ['2', want.b2]]);
      expect(r.total, month).toEqual(total(want.b1, want.b2));
      // The fast plan (kept month ends + the month's changes) and one pass over every unit agree.
      expect(figuresByUnitPass(env.host.ctx(null), month).total, month).toEqual(r.total);
    }
    expect((await env.ok('occupancyReport.get', { month: '2026-02' })).total.occupancyRateBp).toBe(5000);
    // The 12-month trend (rolled back a month at a time) gives each month's own draft rate.
    const trend = monthEndRates(env.host.ctx(null), '2026-02');
    expect(trend.map((t) => t.month)).toEqual(['2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
    expect(trend.slice(-3)).toEqual([
      { month: '2025-12', rateBp: null, finalised: false },
      { month: '2026-01', rateBp: fig(6, total(JAN.b1, JAN.b2)).occupancyRateBp, finalised: false },
      { month: '2026-02', rateBp: 5000, finalised: false },
    ]);
    expect(trend.slice(0, 9).every((t) => t.rateBp === null)).toBe(true);
    // Started from the month's own draft (as the PDF export does), the same trend.
    expect(monthEndRates(env.host.ctx(null), '2026-02', 12, await env.ok('occupancyReport.get', { month: '2026-02' }))).toEqual(trend);

    const units = async (input: Omit<ChannelInput<'occupancyReport.units'>, 'month'>, month = '2026-02') =>
      (await env.ok('occupancyReport.units', { month, ...input })).rows.map((r) => (r.date ? `${r.code} ${r.date} ${r.from}→${r.state}` : r.code));
    expect(await units({ figure: 'notHandedOver', buildingId: b2 })).toEqual(['2-203', '2-204']);
    expect(await units({ figure: 'noHistory' })).toEqual(['2-204']);
    expect(await units({ figure: 'handedOver' })).toEqual(['1-101', '1-102', '2-201', '2-202']);
    expect(await units({ figure: 'moveOuts' })).toEqual(['2-201 2026-02-10 rented→vacant']);
    expect(await units({ figure: 'movingIns' })).toEqual(['1-101 2026-02-03 under_decoration→owner_occupied', '2-202 2026-02-27 owner_occupied→rented']);
    expect(await units({ figure: 'moveIns', buildingId: b1 })).toEqual(['1-102 2026-02-15 not_handed_over→vacant']);
    expect(await units({ figure: 'moveIns', buildingId: b2 })).toEqual([]);
    expect(await units({ figure: 'moveIns' }, '2026-01')).toEqual(['1-101 2026-01-06 not_handed_over→vacant', '2-201 2026-01-06 not_handed_over→vacant', '2-202 2026-01-12 not_handed_over→owner_occupied']);
    const page = await env.ok('occupancyReport.units', { month: '2026-02', figure: 'units', offset: 2, limit: 2 });
    expect(page).toMatchObject({ total: 6, offset: 2, rows: [{ code: '2-201', buildingCode: '2', state: 'vacant' }, { code: '2-202', state: 'rented' }] });

    // A draft for any date: states that day, the movements of its month up to it.
    const mid = await env.ok('occupancyReport.draft', { date: '2026-02-12' });
    expect(mid).toMatchObject({ kind: 'draft', from: '2026-02-01', asOf: '2026-02-12', canFinalise: false });
    expect(mid.total).toMatchObject({ ownerOccupied: 2, rented: 0, vacant: 1, underDecoration: 0, moveOuts: 1, movingIns: 1, decorationsCompleted: 1, moveIns: 0 });
    expect((await env.ok('occupancyReport.units', { date: '2026-02-12', figure: 'vacant' })).rows.map((r) => r.code)).toEqual(['2-201']);
    expect(u['2-204']).toBeTruthy();
  });

  it('warns (rented with no tenancy, units with no history), resolved in the data or accepted with who and why', async () => {
    const { env, u, tenantId } = await buildSite();
    await on(env, '2026-03-02');
    const feb = await env.ok('occupancyReport.get', { month: '2026-02' });
    expect(feb.warnings.map((w) => [w.kind, w.subject, w.count, w.acceptable, w.accepted])).toEqual([
      ['noHistory', '2', 1, true, null],
      ['rentedWithoutTenancy', '2-202', 1, true, null],
    ]);
    expect(feb.canFinalise).toBe(true);
    expect(await env.fail('occupancyReport.finalise', { month: '2026-02' })).toEqual({ code: 'BAD_STATE', message: 'report.error.unresolved', params: { count: 2 } });
    // Resolved in the data: the tenancy of 2-202 is registered from the day it was let.
    await env.ok('links.create', { unitId: u['2-202'], personId: tenantId, relation: 'tenant', startDate: '2026-02-27', endDate: null });
    // Accepted: by a supervisor, with the reason; a clerk may not.
    const noHistory = (await env.ok('occupancyReport.get', { month: '2026-02' })).warnings;
    expect(noHistory.map((w) => w.kind)).toEqual(['noHistory']);
    const accept = { month: '2026-02', kind: 'noHistory' as const, subjectId: noHistory[0].subjectId, reason: '2-204 为会所，不交房' };
    expect((await env.fail('occupancyReport.accept', accept, 'clerk')).code).toBe('FORBIDDEN');
    const after = await env.ok('occupancyReport.accept', accept, 'supervisor');
    expect(after).toEqual([{ ...noHistory[0], accepted: { by: 'supervisor 用户', at: '2026-03-02T04:00:00.000Z', reason: '2-204 为会所，不交房' } }]);
    expect(env.rows("SELECT action, after FROM audit_log WHERE action = 'accept-warning'")).toEqual([
      { action: 'accept-warning', after: JSON.stringify({ month: '2026-02', kind: 'noHistory', subject: '2', reason: '2-204 为会所，不交房' }) },
    ]);
    expect(await env.fail('occupancyReport.accept', { ...accept, kind: 'rentedWithoutTenancy', subjectId: u['2-202'] })).toMatchObject({ code: 'NOT_FOUND', message: 'report.error.noSuchWarning' });
    expect(await env.fail('occupancyReport.accept', { ...accept, kind: 'doesNotAddUp' })).toMatchObject({ code: 'BAD_STATE', message: 'report.error.mustResolve' });
    expect((await env.ok('occupancyReport.finalise', { month: '2026-02' })).kind).toBe('final');
  });

  it('finalises a frozen snapshot; a back-dated change is flagged, not applied; a numbered revision with a reason is correct and the original stays', async () => {
    const { env, u } = await buildSite();
    await on(env, '2026-03-02');
    // Not before the month has ended, and only by the manager.
    expect(await env.fail('occupancyReport.finalise', { month: '2026-03' })).toMatchObject({ code: 'BAD_STATE', message: 'report.error.notEnded' });
    expect(await env.fail('occupancyReport.revise', { month: '2026-02', reason: 'x' })).toMatchObject({ code: 'BAD_STATE', message: 'report.error.notFinal' });
    for (const month of ['2026-01', '2026-02']) {
      for (const w of (await env.ok('occupancyReport.get', { month })).warnings) await env.ok('occupancyReport.accept', { month, kind: w.kind, subjectId: w.subjectId, reason: '已核实' });
    }
    expect((await env.fail('occupancyReport.finalise', { month: '2026-02' }, 'clerk')).code).toBe('FORBIDDEN');
    expect((await env.fail('occupancyReport.finalise', { month: '2026-02' }, 'supervisor')).code).toBe('FORBIDDEN');
    const jan = await env.ok('occupancyReport.finalise', { month: '2026-01' });
    const feb = await env.ok('occupancyReport.finalise', { month: '2026-02' });
    expect(jan.snapshot).toMatchObject({ number: 'YB-2026-000001', revision: 0, reason: null, finalisedBy: '王经理', finalisedAt: '2026-03-02T04:00:00.000Z' });
    expect(feb).toMatchObject({ kind: 'final', snapshot: { number: 'YB-2026-000002', revision: 0 }, changedSinceFinal: { count: 0, units: [] } });
    expect(feb.buildings.map((b) => b.figures)).toEqual([FEB.b1, FEB.b2]);
    expect(feb.timeline.map((e) => [e.action, e.userName])).toEqual([['finalise', '王经理']]);
    expect(await env.fail('occupancyReport.finalise', { month: '2026-02' })).toMatchObject({ code: 'BAD_STATE', message: 'report.error.alreadyFinal' });
    expect(env.rows("SELECT action FROM audit_log WHERE entity = 'occupancy-report' AND action = 'finalise'")).toHaveLength(2);

    // Recorded later, dated inside the finalised months: the owner of 1-101 left on 28 February; 2-203 was in fact handed over on 15 January.
    await on(env, '2026-03-05');
    await setState(env, u['1-101'], 'vacant', '2026-02-28', '补录：业主已搬离');
    await setState(env, u['2-203'], 'vacant', '2026-01-15', '补录：实际已交房');
    const frozen = await env.ok('occupancyReport.get', { month: '2026-02' });
    expect(frozen.buildings.map((b) => b.figures)).toEqual([FEB.b1, FEB.b2]);
    expect(frozen.total).toEqual(feb.total);
    expect(frozen.changedSinceFinal).toEqual({ count: 1, units: [{ unitId: u['1-101'], code: '1-101', was: 'owner_occupied', now: 'vacant', movementsChanged: true }] });
    expect((await env.ok('occupancyReport.get', { month: '2026-01' })).changedSinceFinal).toEqual({
      count: 1,
      units: [{ unitId: u['2-203'], code: '2-203', was: 'not_handed_over', now: 'vacant', movementsChanged: true }],
    });
    // The frozen lists stay as finalised; the draft shows the data now.
    const moveOuts = async (input: Partial<ChannelInput<'occupancyReport.units'>> = {}) =>
      (await env.ok('occupancyReport.units', { month: '2026-02', figure: 'moveOuts', ...input })).rows.map((r) => r.code);
    expect(await moveOuts()).toEqual(['2-201']);
    expect(await moveOuts({ draft: true })).toEqual(['1-101', '2-201']);
    expect((await env.ok('occupancyReport.get', { month: '2026-02', draft: true })).total).toMatchObject({ ownerOccupied: 0, vacant: 2, moveOuts: 2 });
    // Nothing in a snapshot can be changed, even by hand.
    expect(() => env.db().prepare("UPDATE occupancy_reports SET figures = '{}'").run()).toThrow(/never changes/);
    expect(() => env.db().prepare('DELETE FROM occupancy_report_buildings').run()).toThrow(/never changes/);

    // The revision: numbered, with its reason, correct; the original stays, and says it was revised.
    expect((await env.fail('occupancyReport.revise', { month: '2026-02', reason: 'x' }, 'supervisor')).code).toBe('FORBIDDEN');
    expect((await env.fail('occupancyReport.revise', { month: '2026-02', reason: '  ' })).code).toBe('VALIDATION');
    const rev = await env.ok('occupancyReport.revise', { month: '2026-02', reason: '补录 1-101 业主 2 月 28 日搬离' });
    const want = { b1: fig(2, { ...FEB.b1, ownerOccupied: 0, vacant: 1, moveOuts: 1 }), b2: FEB.b2 };
    expect(rev).toMatchObject({ kind: 'final', snapshot: { number: 'YB-2026-000003', revision: 1, reason: '补录 1-101 业主 2 月 28 日搬离' }, changedSinceFinal: { count: 0 } });
    expect(rev.buildings.map((b) => b.figures)).toEqual([want.b1, want.b2]);
    expect(rev.total).toEqual(total(want.b1, want.b2));
    expect(rev.total.occupancyRateBp).toBe(2500);
    expect(rev.revisions.map((r) => [r.number, r.revision])).toEqual([['YB-2026-000002', 0], ['YB-2026-000003', 1]]);
    expect(rev.timeline.map((e) => e.action)).toEqual(['revise']);
    const original = await env.ok('occupancyReport.get', { month: '2026-02', snapshotId: feb.snapshot!.id });
    expect(original.total).toEqual(feb.total);
    expect(original.changedSinceFinal).toBeNull();
    expect(original.timeline.map((e) => e.action)).toEqual(['finalise', 'revised']);
    expect(await moveOuts()).toEqual(['1-101', '2-201']);
    expect(await moveOuts({ snapshotId: feb.snapshot!.id })).toEqual(['2-201']);
    expect(env.rows("SELECT action, before, after FROM audit_log WHERE action = 'revise'")).toEqual([
      { action: 'revise', before: JSON.stringify({ number: 'YB-2026-000002', revision: 0 }), after: JSON.stringify({ number: 'YB-2026-000003', revision: 1, reason: '补录 1-101 业主 2 月 28 日搬离' }) },
    ]);
    // A change after the revision flags the revision, not the original.
    await setState(env, u['1-102'], 'owner_occupied', '2026-02-28');
    expect((await env.ok('occupancyReport.get', { month: '2026-02' })).changedSinceFinal?.units.map((x) => x.code)).toEqual(['1-102']);
    expect((await env.ok('occupancyReport.get', { month: '2026-02', snapshotId: feb.snapshot!.id })).changedSinceFinal).toBeNull();
  });

  it('keeps month-end counts exact under back-dated changes, voided units and units moved between buildings', async () => {
    const { env, b1, b2, u } = await buildSite();
    await on(env, '2026-03-03');
    const ctx = () => env.host.ctx(null);
    const months = ['2025-12', '2026-01', '2026-02'];
    const agree = async (why: string) => {
      for (const month of months) {
        const r = await env.ok('occupancyReport.get', { month, draft: true });
        const byUnit = figuresByUnitPass(ctx(), month);
        expect(r.buildings, `${why} ${month}`).toEqual(byUnit.buildings);
      }
    };
    // A month's end is kept by the first change recorded after the month closed (none yet in March).
    const kept = () => env.rows<{ month_end: string }>('SELECT month_end FROM occupancy_month_ends ORDER BY 1').map((r) => r.month_end);
    expect(kept()).toEqual(['2025-11-30', '2025-12-31', '2026-01-31']);
    await agree('as built');
    // A seeded walk of back-dated changes.
    let seed = 7;
    const next = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const states: OccupancyState[] = ['not_handed_over', 'vacant', 'under_decoration', 'owner_occupied', 'office_in_use', 'rented'];
    const codes = Object.keys(u) as (keyof typeof u)[];
    for (let i = 0; i < 25; i++) {
      const day = new Date(Date.parse('2025-11-20T00:00:00Z') + Math.floor(next() * 100) * 86_400_000).toISOString().slice(0, 10);
      await setState(env, u[codes[Math.floor(next() * codes.length)]], states[Math.floor(next() * states.length)], day);
    }
    expect(kept()).toEqual(['2025-11-30', '2025-12-31', '2026-01-31', '2026-02-28']);
    await agree('after back-dated changes');
    await env.ok('units.update', { id: u['1-102'], buildingId: b2, code: '1-102', use: 'residential', floor: 1, areaM2: 90, note: null });
    await agree('after a move to building 2');
    await env.ok('units.void', { id: u['2-201'], reason: '录入错误' });
    await agree('after a void');
    expect(b1).toBeTruthy();
  });

  it('reminds the manager on Today from the 1st, overdue after the 3rd, until February is finalised', async () => {
    const { env } = await buildSite();
    await on(env, '2026-02-28');
    expect((await env.ok('today.summary', {})).occupancyReport).toEqual({ month: '2026-01', dueDate: '2026-02-03', overdue: true });
    await on(env, '2026-03-01');
    expect((await env.ok('today.summary', {})).occupancyReport).toEqual({ month: '2026-02', dueDate: '2026-03-03', overdue: false });
    expect((await env.ok('today.summary', {}, 'clerk')).occupancyReport).toBeNull();
    expect((await env.ok('today.summary', {}, 'supervisor')).occupancyReport).toBeNull();
    await on(env, '2026-03-03');
    expect((await env.ok('today.summary', {})).occupancyReport?.overdue).toBe(false);
    await on(env, '2026-03-04');
    expect((await env.ok('today.summary', {})).occupancyReport).toEqual({ month: '2026-02', dueDate: '2026-03-03', overdue: true });
    // The days are settings.
    await env.ok('settings.update', { occupancyReportDueDay: 5 });
    expect((await env.ok('today.summary', {})).occupancyReport).toEqual({ month: '2026-02', dueDate: '2026-03-05', overdue: false });
    for (const w of (await env.ok('occupancyReport.get', { month: '2026-02' })).warnings) await env.ok('occupancyReport.accept', { month: '2026-02', kind: w.kind, subjectId: w.subjectId, reason: '已核实' });
    await env.ok('occupancyReport.finalise', { month: '2026-02' });
    expect((await env.ok('today.summary', {})).occupancyReport).toBeNull();
  });

  it('lets everyone at the desk read it; only the manager finalises and revises', async () => {
    const env = testEnv();
    await env.init();
    await env.addUser('clerk');
    await env.addUser('cashier');
    for (const s of ['clerk', 'cashier', 'mgr']) expect((await env.ok('occupancyReport.get', { month: '2026-02' }, s)).kind).toBe('draft');
    for (const s of ['clerk', 'cashier']) {
      expect((await env.fail('occupancyReport.finalise', { month: '2026-02' }, s)).code).toBe('FORBIDDEN');
      expect((await env.fail('occupancyReport.revise', { month: '2026-02', reason: 'x' }, s)).code).toBe('FORBIDDEN');
    }
    expect(await env.fail('occupancyReport.get', { month: '2026-13' })).toMatchObject({ code: 'VALIDATION', fieldErrors: { month: { message: 'report.v.month' } } });
    expect(await env.fail('occupancyReport.units', { figure: 'units' })).toMatchObject({ code: 'VALIDATION', fieldErrors: { month: { message: 'report.v.monthOrDate' } } });
    // An empty site finalises at once (nothing to warn about), with the number prefix from settings.
    await env.ok('settings.update', { occupancyReportPrefix: 'DT' });
    expect((await env.ok('occupancyReport.finalise', { month: '2026-02' })).snapshot?.number).toBe('DT-2026-000001');
  });
});
