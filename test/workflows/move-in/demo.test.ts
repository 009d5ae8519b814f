/**
 * The demo site (setup with "demo data") has a tower in handover: its move-in notices imported in two batches,
 * move-ins in every state made through the real services at believable past moments, rectification items in
 * every state (some overdue), owners and a tenant moving in with 入住知会单 not yet received by every department.
 * The register counts each unit (and each notice) once, and the units' dated history agrees with the records.
 */
import { describe, expect, it } from 'vitest';
import { MOVE_IN_STATES, MOVE_IN_STEPS, MOVING_IN_STATES, NOT_HANDED_OVER_REASONS, NOTICE_DEPARTMENTS, RECTIFICATION_STATES, REGISTER_STATUSES } from '../../../shared/workflows/move-in/rules';
import { TestClock, testEnv } from '../../helpers/host';

async function demo(at?: string) {
  const env = testEnv(at ? { clock: new TestClock(at) } : {});
  await env.init({ demo: true });
  await env.addUser('clerk');
  await env.addUser('cashier');
  const rows = env.rows<{ id: string; number: string; state: string; unit_id: string; next_step: string | null; not_handed_over_reason: string | null; handover_date: string | null; created_at: string }>(
    'SELECT id, number, state, unit_id, next_step, not_handed_over_reason, handover_date, created_at FROM move_ins ORDER BY created_at',
  );
  return { env, rows };
}

describe('the demo site', () => {
  it('has a tower in handover with move-ins in every state, rectification items in every state, and moving-ins waiting for receipts', async () => {
    const { env, rows } = await demo();
    const states = new Set(rows.map((r) => r.state));
    for (const s of MOVE_IN_STATES) expect(states, `a move-in ${s}`).toContain(s);
    // Open at every step before the handover, and not handed over for every reason.
    const open = new Set(rows.filter((r) => r.state === 'open').map((r) => r.next_step));
    for (const s of MOVE_IN_STEPS.slice(0, 7)) expect(open, `a move-in open at ${s}`).toContain(s);
    const reasons = new Set(rows.filter((r) => r.state === 'not_handed_over').map((r) => r.not_handed_over_reason));
    for (const r of NOT_HANDED_OVER_REASONS) expect(reasons, `not handed over: ${r}`).toContain(r);
    // One live record a unit; the voided one's unit started again.
    const live = rows.filter((r) => r.state !== 'voided');
    expect(new Set(live.map((r) => r.unit_id)).size).toBe(live.length);
    const voided = rows.find((r) => r.state === 'voided')!;
    expect(live.some((r) => r.unit_id === voided.unit_id && r.created_at > voided.created_at)).toBe(true);

    // Rectification items open, overdue, fixed (waiting for the owner) and accepted; a critical one accepted in writing.
    const rects = env.rows<{ state: string }>('SELECT state FROM move_in_rectifications');
    for (const s of RECTIFICATION_STATES) expect(rects.map((r) => r.state), `an item ${s}`).toContain(s);
    const overdue = await env.ok('moveIn.rectifications', { queue: 'overdue', offset: 0, limit: 50 }, 'clerk');
    expect(overdue.total).toBeGreaterThanOrEqual(2);
    expect(overdue.rows.every((r) => r.overdue && r.state === 'open')).toBe(true);
    const openRects = await env.ok('moveIn.rectifications', { queue: 'open', offset: 0, limit: 50 }, 'clerk');
    expect(openRects.rows.some((r) => !r.overdue)).toBe(true);
    const accepted = rows.filter((r) => r.state === 'handed_over').map((r) => env.rows<{ defects_accepted: number }>('SELECT defects_accepted FROM move_ins WHERE id = ?', r.id)[0]);
    expect(accepted.some((r) => r.defects_accepted === 1)).toBe(true);

    // Today: the owners expected, the overdue items, the notices not yet received (the desk's and the cashier's).
    const clerkToday = (await env.ok('today.summary', {}, 'clerk')).moveIn;
    expect(clerkToday.waitingTotal).toBeGreaterThan(0);
    expect(clerkToday.overdueTotal).toBe(overdue.total);
    expect(clerkToday.overdueRectifications.map((r) => r.id)).toEqual(overdue.rows.map((r) => r.id));
    expect(clerkToday.noticesNotReceived.length).toBeGreaterThanOrEqual(3);
    const cashierToday = (await env.ok('today.summary', {}, 'cashier')).moveIn;
    expect(cashierToday.noticesNotReceived.map((r) => r.id)).toEqual(clerkToday.noticesNotReceived.map((r) => r.id));

    // Moving in: received, waiting for receipts (every department missing somewhere), voided; owners and a tenant.
    const moving = env.rows<{ id: string; state: string; occupant: string; unit_id: string; on_date: string; occupancy: string; prior_state: string | null }>('SELECT id, state, occupant, unit_id, on_date, occupancy, prior_state FROM moving_ins ORDER BY created_at');
    for (const s of MOVING_IN_STATES) expect(moving.map((m) => m.state), `a moving-in ${s}`).toContain(s);
    expect(new Set(moving.map((m) => m.occupant))).toEqual(new Set(['owner', 'tenant']));
    const waiting = (await env.ok('movingIn.list', { queue: 'notReceived', offset: 0, limit: 50 }, 'clerk')).rows;
    expect(waiting.every((m) => m.notReceived.length > 0)).toBe(true);
    for (const d of NOTICE_DEPARTMENTS) expect(waiting.some((m) => m.notReceived.includes(d)), `a notice not received by ${d}`).toBe(true);
    for (const m of moving) {
      const d = await env.ok('movingIn.get', { id: m.id }, 'clerk');
      if (m.state === 'received') expect(d.receipts.map((r) => r.department).sort()).toEqual([...NOTICE_DEPARTMENTS].sort());
      if (m.occupant === 'tenant' && m.state !== 'voided') {
        expect(d.ownerConfirmation?.answer).toBe('agreed');
        expect(d.pledgeSigned).toBe(true);
        expect(d.tenancyLinkId).not.toBeNull();
      }
    }

    // The batches: the first had two bad rows (committed without them); every notice is of a unit of the tower.
    const batches = env.rows<{ id: string; state: string; valid: number; invalid: number; notices: number }>(
      'SELECT b.id, b.state, b.valid, b.invalid, (SELECT count(*) FROM move_in_notices n WHERE n.batch_id = b.id) AS notices FROM move_in_batches b ORDER BY b.created_at',
    );
    expect(batches.map((b) => [b.state, b.invalid])).toEqual([['committed', 2], ['committed', 0]]);
    for (const b of batches) expect(b.notices).toBe(b.valid);
    const towers = env.rows<{ building_id: string }>('SELECT DISTINCT u.building_id FROM move_in_notices n JOIN units u ON u.id = n.unit_id');
    expect(towers).toHaveLength(1);
    const buildingId = towers[0].building_id;
    expect(new Set(rows.map((r) => env.rows<{ b: string }>('SELECT building_id AS b FROM units WHERE id = ?', r.unit_id)[0].b))).toEqual(new Set([buildingId]));

    // The register of each batch counts each of its notices once, with the state of the unit's live record.
    for (const b of batches) {
      const reg = await env.ok('moveIn.register', { batchId: b.id }, 'clerk');
      expect(reg.counts.total).toBe(b.notices);
      expect(new Set(reg.rows.map((r) => r.unitId)).size).toBe(b.notices);
      expect(REGISTER_STATUSES.reduce((a, s) => a + reg.counts[s], 0)).toBe(reg.counts.total);
      for (const r of reg.rows) {
        const rec = live.find((m) => m.unit_id === r.unitId);
        expect(r.number ?? null).toBe(rec?.number ?? null);
      }
    }
    // The tower's register: every unit once, in every status (handed over, not handed over, in progress, waiting, no notice).
    const tower = await env.ok('moveIn.register', { buildingId }, 'clerk');
    expect(tower.counts.total).toBe(env.count('SELECT count(*) FROM units WHERE building_id = ? AND voided_at IS NULL', buildingId));
    expect(new Set(tower.rows.map((r) => r.unitId)).size).toBe(tower.counts.total);
    for (const s of REGISTER_STATUSES) expect(tower.counts[s], `the register: ${s}`).toBeGreaterThan(0);
    expect(tower.counts.handed_over).toBe(rows.filter((r) => r.state === 'handed_over').length);
    expect(tower.counts.not_handed_over).toBe(rows.filter((r) => r.state === 'not_handed_over').length);
    expect(tower.counts.in_progress).toBe(rows.filter((r) => r.state === 'open').length);
    expect(tower.counts.waiting).toBe(env.count('SELECT count(*) FROM move_in_notices') - live.length);
    const notHanded = tower.rows.filter((r) => r.status === 'not_handed_over');
    expect(notHanded.every((r) => r.reason !== null)).toBe(true);

    // The dated history: a handed-over unit is vacant from its handover date (then as its moving-in says); the others not handed over.
    const history = (unitId: string) => env.rows<{ state: string; effective_date: string; source: string; note: string | null }>('SELECT state, effective_date, source, note FROM occupancy_history WHERE unit_id = ? ORDER BY effective_date, id', unitId);
    const unitState = (unitId: string) => env.rows<{ state: string }>('SELECT state FROM units WHERE id = ?', unitId)[0].state;
    for (const r of rows) {
      const h = history(r.unit_id);
      expect(h[0].state, r.number).toBe('not_handed_over');
      if (r.state !== 'handed_over') {
        if (!live.some((m) => m.unit_id === r.unit_id && m.state === 'handed_over')) {
          expect(h.map((x) => x.state), r.number).toEqual(['not_handed_over']);
          expect(unitState(r.unit_id)).toBe('not_handed_over');
        }
        continue;
      }
      const v = h.filter((x) => x.source === 'move-in');
      expect(v, r.number).toEqual([{ state: 'vacant', effective_date: r.handover_date, source: 'move-in', note: r.number }]);
      expect(h.filter((x) => x.effective_date < r.handover_date!).every((x) => x.state === 'not_handed_over')).toBe(true);
      const mine = moving.filter((m) => m.unit_id === r.unit_id);
      const lived = mine.filter((m) => m.state !== 'voided');
      expect(unitState(r.unit_id), r.number).toBe(lived.length ? lived[lived.length - 1].occupancy : 'vacant');
      for (const m of mine) {
        expect(m.on_date >= r.handover_date!).toBe(true);
        expect(m.prior_state).toBe('vacant');
      }
    }

    // Every record was created, and each step audited, as the desk's would be; the fee changed with its reason.
    expect(env.count("SELECT count(*) FROM audit_log WHERE entity = 'move-in' AND action = 'create'")).toBe(rows.length);
    expect(env.count("SELECT count(*) FROM audit_log WHERE entity = 'move-in' AND action = 'handover'")).toBe(rows.filter((r) => r.state === 'handed_over').length);
    expect(env.count("SELECT count(*) FROM audit_log WHERE entity = 'moving-in' AND action = 'create'")).toBe(moving.length);
    expect(env.count('SELECT count(*) FROM move_ins WHERE fee_override_reason IS NOT NULL AND fee_property_fen < fee_computed_fen')).toBe(1);
    const latest = env.rows<{ at: string }>("SELECT max(at) AS at FROM record_events WHERE kind IN ('move-in', 'moving-in')")[0].at;
    expect(Date.parse(latest)).toBeLessThanOrEqual(env.clock.now().getTime());
  });

  it('makes the same states whatever the hour of the seeding (just after midnight)', async () => {
    const { env, rows } = await demo('2026-10-08T16:30:00.000Z');
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(MOVE_IN_STATES));
    expect(new Set(rows.filter((r) => r.state === 'open').map((r) => r.next_step))).toEqual(new Set(MOVE_IN_STEPS.slice(0, 7)));
    const today = (await env.ok('today.summary', {}, 'clerk')).moveIn;
    expect(today.overdueTotal).toBeGreaterThanOrEqual(2);
    const latest = env.rows<{ at: string }>("SELECT max(at) AS at FROM record_events WHERE kind IN ('move-in', 'moving-in')")[0].at;
    expect(Date.parse(latest)).toBeLessThanOrEqual(env.clock.now().getTime());
  });
});
