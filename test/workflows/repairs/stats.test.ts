/**
 * The monthly repair statistics on a real SQLite file through the host, against a month counted by hand: ten
 * orders around March 2026 (Beijing time) taken through the real steps — intake, dispatch, pick-up, completion,
 * the cashier, callbacks — each at a chosen time, then the figures and the XLSX read back.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { percentile } from '../../../shared/workflows/repairs/rules';
import type { ChannelInput } from '../../../shared/contract';
import { createSite, type Site } from '../../helpers/fixtures';
import { PASSWORD, TestEnv, testEnv } from '../../helpers/host';

/** An instant given as Beijing wall-clock time ('2026-03-02 09:00'). */
const bj = (wall: string) => new Date(`${wall.replace(' ', 'T')}:00+08:00`).toISOString();
const plus = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

const SESSIONS = ['mgr', 'clerk', 'cashier', 'supervisor'];
/** Sets the clock; the sessions that will act unlock again if the jump passed the idle lock, as the clerks would. */
async function at(env: TestEnv, iso: string, sessions = SESSIONS) {
  env.clock.set(iso);
  for (const s of sessions) await env.ok('auth.unlock', { password: PASSWORD }, s);
}

async function setup(env: TestEnv = testEnv()) {
  await env.init();
  const site = await createSite(env);
  await env.ok('settings.update', { idleLockMinutes: 240, technicians: [{ code: 'liu', name: '刘师傅', trade: '水电', phone: '13600001111' }] });
  await env.addUser('clerk');
  await env.addUser('cashier');
  await env.addUser('supervisor');
  return { env, site };
}

interface Order {
  received: string;
  category: string;
  urgent?: boolean;
  charges?: ChannelInput<'repairs.create'>['charges'];
  /** Minutes from intake to engineering told, and from told to the technician's signature. */
  told?: number;
  pickUp?: number | string;
  /** Minutes from intake to the finish, or an instant. */
  finish?: number | string;
}

async function intake(env: TestEnv, site: Site, o: Order): Promise<string> {
  await at(env, o.received, ['clerk']);
  const paid = !!o.charges?.length;
  const r = await env.ok(
    'repairs.create',
    {
      place: { kind: 'unit', unitId: site.unitId },
      reporterName: '张三',
      reporterPhone: '13812345678',
      reportedAt: o.received,
      category: o.category,
      description: '报修',
      urgent: !!o.urgent,
      paid,
      charges: o.charges ?? [],
      priceTold: paid,
    },
    'clerk',
  );
  return r.id;
}

/** The later steps, done afterwards with the times they happened at (as a clerk catching up on paper would). */
async function steps(env: TestEnv, id: string, o: Order) {
  if (o.told === undefined) return;
  const told = plus(o.received, o.told);
  await env.ok('repairs.dispatch', { id, notifiedName: '工程部', notifiedAt: told }, 'clerk');
  if (o.pickUp === undefined) return;
  const signed = typeof o.pickUp === 'string' ? o.pickUp : plus(told, o.pickUp);
  await env.ok('repairs.pickUp', { id, technician: 'liu', signedAt: signed }, 'clerk');
  if (o.finish === undefined) return;
  const finishedAt = typeof o.finish === 'string' ? o.finish : plus(o.received, o.finish);
  await env.ok('repairs.complete', { id, workDone: '修好', requesterSign: 'paper', finishedAt }, 'clerk');
}

const callbackOf = async (env: TestEnv, id: string) => (await env.ok('repairs.get', { id }, 'clerk')).callbacks.at(-1)!.id;
type Sat = 'very_satisfied' | 'satisfied' | 'neutral' | 'unsatisfied';
const reached = (env: TestEnv, callbackId: string, when: string, satisfaction: Sat, fixed = true) =>
  env.ok('callbacks.attempt', { callbackId, channel: 'phone', at: when, reached: true, fixed, satisfaction, note: null }, 'clerk');
const unreached = (env: TestEnv, callbackId: string, when: string) => env.ok('callbacks.attempt', { callbackId, channel: 'phone', at: when, reached: false }, 'clerk');

/**
 * March 2026, by hand (Beijing time):
 *
 * | order | received        | category      | urgent | paid (fen)    | told→signed | received→finished     | callback due | answer                  |
 * |-------|-----------------|---------------|--------|---------------|-------------|-----------------------|--------------|-------------------------|
 * | O1    | 03-02 09:00     | water         | yes    | free          | 2 min       | 60 min                | 03-04        | 03-05 late, satisfied   |
 * | O2    | 03-05 10:00     | electric      |        | 12000 collect | 4           | 120                   | 03-07        | 03-06 unsatisfied→reopen|
 * | O3    | 03-10 14:00     | water         |        | 8600 waived   | 6           | 180                   | 03-12        | 03-12 23:30 neutral, not fixed→reopen |
 * | O4    | 03-20 08:00     | doors_windows |        | 4800 pending  | 8           | 240                   | 03-22        | 3 × unreached (overdue) |
 * | O5    | 03-25 11:00     | electric      | yes    | free          | 30          | 600                   | 03-27        | 03-27 satisfied         |
 * | O6    | 03-31 23:59     | water         |        | free          | 21 (04-01)  | 121 (04-01 02:00)     | 04-03        | 04-02 very satisfied    |
 * | O7    | 04-01 00:00     | water         |        | free          | —           | —                     |              |                         |
 * | O8    | 03-01 00:30     | other         |        | free, VOIDED  | —           | —                     |              |                         |
 * | O9    | 02-27 10:00     | walls         |        | 3000 collect  | 20 (Feb)    | 2820 (03-01 09:00)    | 03-03        | 03-03 very satisfied    |
 * | O10   | 03-28 09:00     | appliances    | yes    | 3000 (open)   | told only   | —                     |              |                         |
 *
 * Received in March (not voided): O1–O6, O10 = 7; urgent 3, normal 4; paid 4, free 3; voided 1 (O8, which UTC
 * puts in February). Finished in March: O1–O5, O9 = 6 → minutes [60, 120, 180, 240, 600, 2820]: median 210,
 * p90 (h = 4.5) 600 + 0.5 × 2220 = 1710. Picked up in March: O1–O5 → told→signed [2, 4, 6, 8, 30]: median 6,
 * p90 (h = 3.6) 8 + 0.6 × 22 = 21.2. Billed: O2 12000 + O3 8600 + O4 4800 + O9 3000 = 28400 fen; collected 2
 * (15000), waived 1 (8600), pending 1 (4800). Callbacks due in March: O9, O1, O2, O3, O4, O5 = 6; on time O9,
 * O2, O3 (23:30 Beijing is still the 12th), O5 = 4 → 6666 bp. Reached in March: 5 — very satisfied 1, satisfied
 * 2, neutral 1, unsatisfied 1; reopened 2.
 */
const MARCH: Record<string, Order> = {
  O1: { received: bj('2026-03-02 09:00'), category: 'water', urgent: true, told: 0, pickUp: 2, finish: 60 },
  O2: { received: bj('2026-03-05 10:00'), category: 'electric', charges: [{ code: 'labour_visit', quantity: 1 }, { code: 'tap', quantity: 2 }], told: 5, pickUp: 4, finish: 120 },
  O3: { received: bj('2026-03-10 14:00'), category: 'water', charges: [{ code: 'labour_hour', quantity: 1 }, { code: 'pipe', quantity: 3 }], told: 0, pickUp: 6, finish: 180 },
  O4: { received: bj('2026-03-20 08:00'), category: 'doors_windows', charges: [{ code: 'switch', quantity: 1 }, { code: 'labour_visit', quantity: 1 }], told: 0, pickUp: 8, finish: 240 },
  O5: { received: bj('2026-03-25 11:00'), category: 'electric', urgent: true, told: 1, pickUp: 30, finish: 600 },
  O6: { received: bj('2026-03-31 23:59'), category: 'water', told: 0, pickUp: 21, finish: 121 },
  O7: { received: bj('2026-04-01 00:00'), category: 'water' },
  O8: { received: bj('2026-03-01 00:30'), category: 'other' },
  O9: { received: bj('2026-02-27 10:00'), category: 'walls', charges: [{ code: 'labour_visit', quantity: 1 }], told: 0, pickUp: 20, finish: bj('2026-03-01 09:00') },
  O10: { received: bj('2026-03-28 09:00'), category: 'appliances', urgent: true, charges: [{ code: 'labour_visit', quantity: 1 }], told: 0 },
};

/** March's orders, built once for the tests that only read them (and export, which adds only audit rows). */
async function march() {
  const { env, site } = await setup(new TestEnv());
  const ids: Record<string, string> = {};
  for (const [k, o] of Object.entries(MARCH)) ids[k] = await intake(env, site, o);
  await at(env, '2026-04-20T04:00:00.000Z');
  for (const [k, o] of Object.entries(MARCH)) await steps(env, ids[k], o);
  await env.ok('repairs.void', { id: ids.O8, reason: '重复录入' }, 'supervisor');
  await env.ok('repairs.collect', { id: ids.O2, receipt: 'R-1' }, 'cashier');
  await env.ok('repairs.collect', { id: ids.O9, receipt: 'R-2' }, 'cashier');
  await env.ok('repairs.waive', { id: ids.O3, reason: '业主困难' }, 'cashier');

  await reached(env, await callbackOf(env, ids.O9), bj('2026-03-03 10:00'), 'very_satisfied');
  const c1 = await callbackOf(env, ids.O1);
  await unreached(env, c1, bj('2026-03-04 10:00'));
  await reached(env, c1, bj('2026-03-05 09:00'), 'satisfied');
  await reached(env, await callbackOf(env, ids.O2), bj('2026-03-06 15:00'), 'unsatisfied');
  await reached(env, await callbackOf(env, ids.O3), bj('2026-03-12 23:30'), 'neutral', false);
  const c4 = await callbackOf(env, ids.O4);
  for (const d of ['22', '23', '24']) await unreached(env, c4, bj(`2026-03-${d} 10:00`));
  await reached(env, await callbackOf(env, ids.O5), bj('2026-03-27 16:00'), 'satisfied');
  await reached(env, await callbackOf(env, ids.O6), bj('2026-04-02 10:00'), 'very_satisfied');
  return { env, site, ids };
}

describe('percentile (PERCENTILE.INC)', () => {
  it('interpolates between the closest ranks; the median of an even count is the mean of the middle two', () => {
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(percentile([10, 20, 30, 40], 0.9)).toBeCloseTo(37, 10);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3, 4, 5], 0)).toBe(1);
    expect(percentile([1, 2, 3, 4, 5], 1)).toBe(5);
    expect(percentile([], 0.5)).toBeNull();
  });
});

let shared: Awaited<ReturnType<typeof march>>;
beforeAll(async () => {
  shared = await march();
}, 120_000);
afterAll(() => shared?.env.dispose());

describe('repairs.stats: a month counted by hand', () => {
  it('counts what was received by category, urgency and paid / free; the month starts and ends at Beijing midnight', async () => {
    const { env } = shared;
    const s = await env.ok('repairs.stats', { month: '2026-03' }, 'clerk');
    expect(s).toMatchObject({ month: '2026-03', from: '2026-03-01', to: '2026-03-31', partial: false });
    expect(s.received).toEqual({ total: 7, urgent: 3, normal: 4, paid: 4, free: 3, voided: 1 });
    // Every category of the settings, in their order, zeros too; walls received nothing in March but finished O9.
    expect(s.byCategory.map((c) => c.code)).toEqual(['water', 'electric', 'doors_windows', 'walls', 'appliances', 'lifts', 'public_facilities', 'safety', 'leak', 'other']);
    const by = Object.fromEntries(s.byCategory.map((c) => [c.code, c]));
    expect(by.water).toEqual({ code: 'water', name: '水', received: 3, urgent: 1, paid: 1, finished: 2, billedFen: 8600 });
    expect(by.electric).toEqual({ code: 'electric', name: '电', received: 2, urgent: 1, paid: 1, finished: 2, billedFen: 12000 });
    expect(by.doors_windows).toMatchObject({ received: 1, urgent: 0, paid: 1, finished: 1, billedFen: 4800 });
    expect(by.walls).toMatchObject({ received: 0, finished: 1, billedFen: 3000 });
    expect(by.appliances).toMatchObject({ received: 1, urgent: 1, paid: 1, finished: 0, billedFen: 0 });
    expect(by.other).toMatchObject({ received: 0, finished: 0 });
    expect(s.byCategory.reduce((n, c) => n + c.received, 0)).toBe(s.received.total);

    // 03-31 23:59 and 04-01 00:00 Beijing fall in different months, though both are 03-31 in UTC; 03-01 00:30
    // Beijing (02-28 in UTC, voided) is March's.
    const april = await env.ok('repairs.stats', { month: '2026-04' }, 'clerk');
    expect(april.received).toEqual({ total: 1, urgent: 0, normal: 1, paid: 0, free: 1, voided: 0 });
    expect(april.pickUp).toEqual({ count: 1, medianMinutes: 21, p90Minutes: 21 });
    expect(april.complete).toEqual({ count: 1, medianMinutes: 121, p90Minutes: 121 });
    const feb = await env.ok('repairs.stats', { month: '2026-02' }, 'clerk');
    expect(feb.received).toEqual({ total: 1, urgent: 0, normal: 1, paid: 1, free: 0, voided: 0 });
    expect(feb.pickUp.count).toBe(1);
    expect(feb.complete.count).toBe(0);
  });

  it('bills the paid orders finished in the month, in fen: collected + waived + pending = billed', async () => {
    const { env } = shared;
    const { charges } = await env.ok('repairs.stats', { month: '2026-03' }, 'cashier');
    expect(charges).toEqual({ orders: 4, billedFen: 28400, collected: 2, collectedFen: 15000, waived: 1, waivedFen: 8600, pending: 1, pendingFen: 4800 });
    expect(charges.collectedFen + charges.waivedFen + charges.pendingFen).toBe(charges.billedFen);
    // The cashier's figures are integer fen everywhere.
    expect(Object.values(charges).every(Number.isSafeInteger)).toBe(true);
  });

  it('times to pick up and to complete: median and 90th percentile in minutes over the known set', async () => {
    const { env } = shared;
    const s = await env.ok('repairs.stats', { month: '2026-03' }, 'clerk');
    expect(s.pickUp).toEqual({ count: 5, medianMinutes: 6, p90Minutes: 21.2 });
    expect(s.complete).toEqual({ count: 6, medianMinutes: 210, p90Minutes: 1710 });
  });

  it('callbacks: the rate equals the hand count and the callbacks.rate channel; satisfaction of those reached; reopened', async () => {
    const { env } = shared;
    const s = await env.ok('repairs.stats', { month: '2026-03' }, 'clerk');
    expect(s.callbacks).toEqual({
      due: 6,
      onTime: 4,
      basisPoints: 6666,
      reached: 5,
      satisfaction: { very_satisfied: 1, satisfied: 2, neutral: 1, unsatisfied: 1 },
      reopened: 2,
    });
    const rate = await env.ok('callbacks.rate', { from: '2026-03-01', to: '2026-03-31' }, 'clerk');
    expect({ due: s.callbacks.due, onTime: s.callbacks.onTime, basisPoints: s.callbacks.basisPoints }).toEqual(rate);
    // April: O6's callback is due on 04-03 and answered on 04-02.
    const april = await env.ok('repairs.stats', { month: '2026-04' }, 'clerk');
    expect(april.callbacks).toMatchObject({ due: 1, onTime: 1, basisPoints: 10000, reached: 1, satisfaction: { very_satisfied: 1, satisfied: 0, neutral: 0, unsatisfied: 0 }, reopened: 0 });
  });

  it('the current month runs to now: partial, and callbacks due later this month do not count yet', async () => {
    const { env, site } = await setup();
    const id = await intake(env, site, { received: bj('2026-03-02 09:00'), category: 'water' });
    await at(env, bj('2026-03-03 12:00'), ['clerk']);
    await steps(env, id, { received: bj('2026-03-02 09:00'), category: 'water', told: 0, pickUp: 5, finish: 60 });
    const s = await env.ok('repairs.stats', { month: '2026-03' }, 'clerk');
    expect(s).toMatchObject({ partial: true, asOf: bj('2026-03-03 12:00'), received: { total: 1 }, complete: { count: 1, medianMinutes: 60 } });
    // Due on 03-04, not yet come: nothing due so far.
    expect(s.callbacks).toMatchObject({ due: 0, onTime: 0, basisPoints: null });
    await at(env, bj('2026-03-05 08:00'), ['clerk']);
    expect((await env.ok('repairs.stats', { month: '2026-03' }, 'clerk')).callbacks).toMatchObject({ due: 1, onTime: 0, basisPoints: 0 });
  });

  it('a month with no repairs: zeros, no times, no rate', async () => {
    const { env } = await setup();
    const s = await env.ok('repairs.stats', { month: '2025-12' }, 'clerk');
    expect(s.received).toEqual({ total: 0, urgent: 0, normal: 0, paid: 0, free: 0, voided: 0 });
    expect(s.pickUp).toEqual({ count: 0, medianMinutes: null, p90Minutes: null });
    expect(s.complete).toEqual({ count: 0, medianMinutes: null, p90Minutes: null });
    expect(s.callbacks).toMatchObject({ due: 0, onTime: 0, basisPoints: null, reached: 0 });
    expect(s.byCategory.every((c) => c.received === 0 && c.finished === 0)).toBe(true);
  });

  it('refuses a month still to come, or not a month', async () => {
    const { env } = await setup();
    // The clock is 2026-03-15 Beijing time.
    expect((await env.fail('repairs.stats', { month: '2026-04' }, 'clerk')).fieldErrors).toEqual({ month: { message: 'repair.v.statsFuture' } });
    expect((await env.fail('repairs.stats', { month: '2026-13' }, 'clerk')).fieldErrors).toMatchObject({ month: { message: 'repair.v.statsMonth' } });
    expect((await env.fail('repairs.statsExport', { month: '2026-04', lang: 'en' }, 'clerk')).fieldErrors).toEqual({ month: { message: 'repair.v.statsFuture' } });
  });

  it('a category removed from the settings keeps the name its orders carried', async () => {
    const { env, site } = await setup();
    await intake(env, site, { received: bj('2026-03-02 09:00'), category: 'lifts' });
    const cats = (await env.ok('settings.get', {})).repairCategories.filter((c) => c.code !== 'lifts');
    await env.ok('settings.update', { repairCategories: cats });
    const s = await env.ok('repairs.stats', { month: '2026-03' }, 'clerk');
    expect(s.byCategory.at(-1)).toEqual({ code: 'lifts', name: '电梯', received: 1, urgent: 0, paid: 0, finished: 0, billedFen: 0 });
  });
});

async function load(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's rows as plain values, empty cells null, formulas as their cached results, from row `from` on. */
function values(ws: ExcelJS.Worksheet, from = 1): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n < from) return;
    out.push(
      Array.from({ length: ws.columnCount }, (_, i) => {
        const v = row.getCell(i + 1).value;
        return v && typeof v === 'object' && 'result' in v ? v.result : (v ?? null);
      }),
    );
  });
  return out;
}

describe('repairs.statsExport: the XLSX read back', () => {
  it('zh-CN: summary, by category with totals, and the month’s orders in Beijing time, amounts in yuan', async () => {
    const { env } = shared;
    const exports = () => env.count("SELECT count(*) FROM audit_log WHERE action = 'export' AND entity = 'repair'");
    const before = exports();
    const file = await env.ok('repairs.statsExport', { month: '2026-03', lang: 'zh-CN' }, 'clerk');
    expect(file.fileName).toBe('报修月度统计-2026-03.xlsx');
    const wb = await load(file.base64);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '按类别', '报修单']);

    const sum = wb.getWorksheet('汇总')!;
    expect(sum.getCell('A1').value).toBe('阳光花园服务中心 报修月度统计 2026年3月');
    expect(values(sum, 3)[0]).toEqual(['项目', '数量', '金额（元）', '分钟', '比率（回访率）']);
    const rows = new Map(values(sum, 4).map((r) => [String(r[0]).trim(), r]));
    expect(rows.get('报修总数')?.[1]).toBe(7);
    expect(rows.get('紧急')?.[1]).toBe(3);
    expect(rows.get('已作废（不计入）')?.[1]).toBe(1);
    expect(rows.get('有偿维修费（本月完工的有偿单） · 应收')?.slice(1, 3)).toEqual([4, 284]);
    expect(rows.get('已收')?.slice(1, 3)).toEqual([2, 150]);
    expect(rows.get('减免')?.slice(1, 3)).toEqual([1, 86]);
    expect(rows.get('待收')?.slice(1, 3)).toEqual([1, 48]);
    expect(rows.get('领单用时中位数')?.[3]).toBe(6);
    expect(rows.get('领单用时 90% 分位数')?.[3]).toBe(21.2);
    expect(rows.get('完工用时中位数')?.[3]).toBe(210);
    expect(rows.get('完工用时 90% 分位数')?.[3]).toBe(1710);
    expect(rows.get('本月应回访')?.[1]).toBe(6);
    expect(rows.get('按时回访')?.[1]).toBe(4);
    expect(rows.get('按时回访')?.[4]).toBeCloseTo(0.6666, 10);
    expect(rows.get('非常满意')?.[1]).toBe(1);
    expect(rows.get('不满意')?.[1]).toBe(1);
    expect(rows.get('回访后返修')?.[1]).toBe(2);
    // Numbers are numbers (the sheet calculates), amounts in yuan with two places.
    expect(sum.getCell('B4').type).toBe(ExcelJS.ValueType.Number);

    const cat = values(wb.getWorksheet('按类别')!, 3);
    expect(cat[0]).toEqual(['维修类别', '报修总数', '紧急', '有偿', '本月完工', '应收（金额（元））']);
    expect(cat[1]).toEqual(['水', 3, 1, 1, 2, 86]);
    expect(cat.at(-1)).toEqual(['合计', 7, 3, 4, 6, 284]);

    const orders = values(wb.getWorksheet('报修单')!, 2);
    expect(orders[0]).toEqual(['报修单号', '报修位置', '维修类别', '紧急程度', '有偿', '合计（金额（元））', '收费状态', '状态', '报修时间', '领单时间', '完成时间']);
    // Every order received in March, voided O8 too, in the order they came in (O8 at 00:30 on the 1st first).
    expect(orders).toHaveLength(1 + 8);
    expect(orders[1]).toEqual([expect.stringMatching(/^BX-2026-\d{6}$/), '1-101', '其他', '一般维修', '无偿 / 公共区域', null, null, '已作废', '2026-03-01 00:30', null, null]);
    const o2 = orders.find((r) => r[8] === '2026-03-05 10:00')!;
    expect(o2.slice(2, 11)).toEqual(['电', '一般维修', '有偿', 120, '已收费', '回访不满意，重新派工', '2026-03-05 10:00', '2026-03-05 10:09', '2026-03-05 12:00']);
    expect(orders.at(-1)?.[8]).toBe('2026-03-31 23:59');
    expect(exports()).toBe(before + 1);
  });

  it('en: the same file in English', async () => {
    const { env } = shared;
    const file = await env.ok('repairs.statsExport', { month: '2026-03', lang: 'en' }, 'cashier');
    expect(file.fileName).toBe('repair-statistics-2026-03.xlsx');
    const wb = await load(file.base64);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'By category', 'Orders']);
    expect(values(wb.getWorksheet('By category')!, 3).at(-1)).toEqual(['Total', 7, 3, 4, 6, 284]);
    const orders = values(wb.getWorksheet('Orders')!, 2);
    expect(orders[0].slice(0, 4)).toEqual(['Repair number', 'Location', 'Category', 'Urgency']);
    expect(orders[1].slice(3, 5)).toEqual(['Normal', 'Free / common area']);
  });

  it('an empty month still gives a file: zeros and no orders', async () => {
    const { env } = await setup();
    const wb = await load((await env.ok('repairs.statsExport', { month: '2026-01', lang: 'zh-CN' }, 'clerk')).base64);
    expect(values(wb.getWorksheet('报修单')!, 2)).toHaveLength(1);
    const cat = wb.getWorksheet('按类别')!;
    const rows = values(cat, 4);
    expect(rows.slice(0, -1).every((r) => r.slice(1).every((v) => v === 0))).toBe(true);
    // The totals are SUMs over the category rows (exceljs reads a cached 0 back as no result, so the formulas are checked).
    expect(rows.at(-1)).toEqual(['合计', ...['B', 'C', 'D', 'E', 'F'].map((c) => ({ formula: `SUM(${c}4:${c}13)` }))]);
  });
});
