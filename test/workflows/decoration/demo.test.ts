/**
 * The demo site (setup with "demo data") has decoration permits in every state, made through the real services
 * at believable past moments: Today shows them to each role, every deposit ledger adds up, and the units' dated
 * history has the permits' decoration periods.
 */
import { describe, expect, it } from 'vitest';
import { localWallClock } from '../../../shared/kernel/deadlines';
import { DECORATION_STATES } from '../../../shared/workflows/decoration/rules';
import { TestClock, testEnv } from '../../helpers/host';

type Ledger = { decoration_id: string; seq: number; kind: string; amount_fen: number; balance_fen: number };

async function demo(at?: string) {
  const env = testEnv(at ? { clock: new TestClock(at) } : {});
  await env.init({ demo: true });
  await env.addUser('clerk');
  await env.addUser('cashier');
  const rows = env.rows<{ id: string; number: string; state: string; unit_id: string; unit_use: string; refund_due: string | null }>('SELECT id, number, state, unit_id, unit_use, refund_due FROM decorations ORDER BY created_at');
  return { env, rows };
}

describe('the demo site', () => {
  it('has decoration permits in every state, each step of procedure 二 on Today, and every ledger adding up', async () => {
    const { env, rows } = await demo();
    const states = new Set(rows.map((r) => r.state));
    for (const s of DECORATION_STATES) expect(states, `a permit ${s}`).toContain(s);
    const get = (id: string) => env.ok('decoration.get', { id });
    const all = await Promise.all(rows.map((r) => get(r.id)));
    const one = (state: string, pred: (d: (typeof all)[number]) => boolean = () => true) => {
      const d = all.find((x) => x.state === state && pred(x));
      expect(d, `a permit ${state}`).toBeDefined();
      return d!;
    };

    // Documents missing: not ready for approval, nothing paid.
    const draft = one('draft');
    expect(draft.missing.length).toBeGreaterThan(0);
    expect(draft.feesPaid).toBeNull();
    // Awaiting approval near its deadline: on the clerk's and the manager's Today.
    const clerkToday = (await env.ok('today.summary', {}, 'clerk')).decoration;
    const managerToday = (await env.ok('today.summary', {})).decoration;
    const near = clerkToday.approvalsNearDeadline;
    expect(near.length).toBeGreaterThanOrEqual(1);
    expect(near.every((r) => r.state === 'submitted' && r.approvalDue! >= clerkToday.today)).toBe(true);
    expect(managerToday.approvalsNearDeadline.map((r) => r.id)).toEqual(near.map((r) => r.id));
    expect(all.filter((d) => d.state === 'submitted').length).toBeGreaterThan(near.length);

    // Under way with patrols, a minor and a serious violation, the penalty deducted by the ledger.
    const busy = one('under_way', (d) => d.violations.length > 0);
    expect(busy.patrols.length).toBeGreaterThanOrEqual(5);
    expect(busy.violations.map((v) => v.severity).sort()).toEqual(['minor', 'serious']);
    const serious = busy.violations.find((v) => v.severity === 'serious')!;
    expect(serious.ownerCalledAt && serious.contractorCalledAt && serious.signedAt && serious.rectifiedAt).toBeTruthy();
    expect(serious.penaltyFen).toBe(50_000);
    expect(busy.ledger.map((e) => e.kind)).toEqual(['payment', 'penalty']);
    expect(busy.depositHeldFen).toBe(busy.ledger[0].amountFen - 50_000);
    expect(busy.passes.filter((p) => p.revokedAt).length).toBe(1);
    // The revoked pass was refused at the gate, and is still.
    const revoked = busy.passes.find((p) => p.revokedAt)!;
    expect((await env.ok('passes.check', { number: revoked.number }, 'clerk')).answer).toBe('revoked');
    expect((await env.ok('passes.check', { number: busy.passes[0].number }, 'clerk')).answer).toBe('valid');
    expect(busy.timeline.filter((e) => e.action === 'gate-check').length).toBe(2);
    // Hot work approved, covering today.
    const hot = one('under_way', (d) => d.hotWorks.length > 0);
    expect(Date.parse(hot.hotWorks[0].from)).toBeLessThanOrEqual(env.clock.now().getTime());
    expect(Date.parse(hot.hotWorks[0].to)).toBeGreaterThan(env.clock.now().getTime());
    // An office permit, with the office's fees and the fire approval told.
    const office = one('under_way', (d) => d.use === 'office');
    expect(office.fees.map((f) => f.code)).toEqual(expect.arrayContaining(['ac_modification', 'fire_drain', 'fire_linkage']));
    expect(office.govFlags).toEqual(['fire']);
    expect(office.govToldAt).not.toBeNull();
    // Permits with no patrol today are on the clerk's Today.
    expect(clerkToday.noPatrolToday.length).toBeGreaterThan(0);

    // Inspection failed, a problem still open.
    const failed = one('inspection');
    expect(failed.inspections.map((i) => i.passed)).toEqual([false]);
    expect(failed.problems.filter((p) => !p.closedAt).length).toBe(1);
    // Refunds due this week and overdue, in the manager's ledger and on the cashier's Today.
    const view = await env.ok('decoration.ledger', {});
    const due = view.refundsDue.find((r) => r.state === 'completed');
    expect(due, 'a refund due this week').toBeDefined();
    expect(view.refundsOverdue.some((r) => r.state === 'completed')).toBe(true);
    // The rejected application's deposit is due back today.
    const rejected = one('rejected');
    expect(rejected.refundDue).toBe(view.asOf);
    expect(rejected.depositHeldFen).toBeGreaterThan(0);
    expect(view.refundsDue.map((r) => r.id)).toContain(rejected.id);
    const cashier = (await env.ok('today.summary', {}, 'cashier')).decoration;
    expect(cashier.refundsDue.map((r) => r.id)).toEqual(expect.arrayContaining([due!.id, rejected.id]));
    // Refunded with the unpaid utilities deducted: deposit − utilities paid out, the balance 0.
    const refunded = one('refunded');
    expect(refunded.ledger.map((e) => e.kind)).toEqual(['payment', 'utilities', 'refund']);
    expect(refunded.ledger[1].amountFen).toBe(18_650);
    expect(refunded.ledger[2].amountFen).toBe(refunded.ledger[0].amountFen - 18_650);
    expect(refunded.depositHeldFen).toBe(0);
    expect(refunded.refund?.paidOut?.receipt).toBe('TK-DEMO-0111');
    // The draft given up was never paid.
    expect(one('voided').ledger).toEqual([]);
    expect(one('approved').protection).toBeNull();

    // Every ledger: consecutive entries, each balance the one before moved by its amount, the held balance their sum.
    const entries = env.rows<Ledger>('SELECT decoration_id, seq, kind, amount_fen, balance_fen FROM deposit_ledger ORDER BY decoration_id, seq');
    const held = new Map(env.rows<{ decoration_id: string; balance_fen: number }>('SELECT decoration_id, balance_fen FROM deposit_balances').map((r) => [r.decoration_id, r.balance_fen]));
    for (const d of all) {
      const mine = entries.filter((e) => e.decoration_id === d.id);
      let sum = 0;
      for (const [i, e] of mine.entries()) {
        sum += e.kind === 'payment' ? e.amount_fen : -e.amount_fen;
        expect(e.seq).toBe(i + 1);
        expect(e.balance_fen).toBe(sum);
      }
      expect(held.get(d.id) ?? 0, d.number).toBe(sum);
      expect(d.depositHeldFen, d.number).toBe(sum);
      if (d.state === 'refunded') expect(sum).toBe(0);
    }
    expect(view.held.fen).toBe([...held.values()].reduce((a, b) => a + b, 0));
    expect(view.totals.paidFen - view.totals.penaltiesFen - view.totals.utilitiesFen - view.totals.refundedFen).toBe(view.held.fen);

    // The units' dated history: under decoration from the permit, back to the state before once the inspection passed.
    const history = (unitId: string) => env.rows<{ state: string; effective_date: string; note: string | null }>("SELECT state, effective_date, note FROM occupancy_history WHERE unit_id = ? AND source = 'decoration' ORDER BY effective_date, id", unitId);
    const unitState = (unitId: string) => env.rows<{ state: string }>('SELECT state FROM units WHERE id = ?', unitId)[0].state;
    expect(history(busy.unitId).map((h) => [h.state, h.note])).toEqual([['under_decoration', busy.number]]);
    expect(unitState(busy.unitId)).toBe('under_decoration');
    expect(unitState(failed.unitId)).toBe('under_decoration');
    const done = history(refunded.unitId);
    expect(done.map((h) => h.state)).toEqual(['under_decoration', refunded.priorState]);
    expect(done[0].effective_date).toBe(localWallClock(refunded.permitIssuedAt!).slice(0, 10));
    expect(done[1].effective_date).toBe(refunded.passedOn);
    expect(unitState(refunded.unitId)).toBe(refunded.priorState);
    // Every permit was created, and each step audited, as the desk's would be.
    expect(env.count("SELECT count(*) FROM audit_log WHERE entity = 'decoration' AND action = 'create'")).toBe(rows.length);
    expect(env.count("SELECT count(*) FROM audit_log WHERE entity = 'decoration' AND action = 'pay-out'")).toBe(1);
  });

  it('makes the same states whatever the hour of the seeding (just after midnight, the first working day after the National Day holiday)', async () => {
    // 00:30 in Beijing on 2026-10-09: today's steps all fall in the half hour since midnight, in order.
    const { env, rows } = await demo('2026-10-08T16:30:00.000Z');
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(DECORATION_STATES));
    const today = (await env.ok('today.summary', {}, 'clerk')).decoration;
    expect(today.today).toBe('2026-10-09');
    expect(today.approvalsNearDeadline.length).toBeGreaterThanOrEqual(1);
    const view = await env.ok('decoration.ledger', {});
    expect(view.refundsDue.some((r) => r.state === 'completed')).toBe(true);
    expect(view.refundsOverdue.some((r) => r.state === 'completed')).toBe(true);
    expect(view.refundsDue.some((r) => r.state === 'rejected')).toBe(true);
    const latest = env.rows<{ at: string }>("SELECT max(at) AS at FROM record_events WHERE kind = 'decoration'")[0].at;
    expect(Date.parse(latest)).toBeLessThanOrEqual(env.clock.now().getTime());
  });
});
