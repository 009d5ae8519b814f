/**
 * Repairs at the bench site: five years of orders and their callbacks seeded with prepared INSERTs shaped like
 * the rows the service writes (issue 9: 500,000 orders, 450,000 callbacks with their attempts), and the repairs
 * section of `npm run bench` (--repairs-only): intake, the list and its searches, Today's queues, a month's
 * statistics.
 *
 * Each order's life is simulated on its own deterministic random stream (intake, engineering told, chases,
 * the technician's signature, the finish, the cashier, callback attempts, a reopen and its second round) and
 * cut at the moment of seeding: old orders are closed, the last hour's still wait for a technician, the last
 * days' callbacks are open or overdue. The timeline (record_events) and audit rows of the seeded orders are not
 * written: nothing measured here reads them, and they would add millions of rows to the seeding.
 */
import type { Db } from '../../db/connection';
import { addCalendarDays, localWallClock } from '../../shared/kernel/deadlines';
import { formatRecordNumber } from '../../shared/kernel/record-number';
import { DEFAULT_REPAIR_SETTINGS, type Technician } from '../../shared/workflows/repairs/settings';
import type { Satisfaction } from '../../shared/workflows/callbacks/rules';
import { createIds } from '../../electron/host/ids';
import { int, rng } from './stats';

export const REPAIRS_SITE = {
  repairs: 500_000,
  callbacks: 450_000,
  /** Shares of the orders (the mix). */
  urgentShare: 0.08,
  paidShare: 0.25,
  publicShare: 0.08,
  voidShare: 0.015,
  chunk: 10_000,
} as const;

export const TECHNICIANS: Technician[] = [
  { code: 'liu', name: '刘师傅', trade: '水电', phone: '13600001111' },
  { code: 'chen', name: '陈师傅', trade: '木工', phone: '13600002222' },
  { code: 'zhao', name: '赵师傅', trade: '水电', phone: '13600003333' },
  { code: 'sun', name: '孙师傅', trade: '泥瓦', phone: '13600004444' },
  { code: 'zhou', name: '周师傅', trade: '电梯', phone: '13600005555' },
  { code: 'wu', name: '吴师傅', trade: '综合维修', phone: null },
  { code: 'zheng', name: '郑师傅', trade: '空调', phone: '13600007777' },
  { code: 'wang', name: '王师傅', trade: '门窗', phone: '13600008888' },
];

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const BJ = 8 * HOUR;

/** Category codes with their share of the orders; public-area orders draw from the second list. */
const UNIT_CATEGORIES: [string, number][] = [['water', 27], ['electric', 21], ['doors_windows', 13], ['walls', 8], ['appliances', 10], ['safety', 3], ['leak', 9], ['other', 9]];
const PUBLIC_CATEGORIES: [string, number][] = [['public_facilities', 40], ['lifts', 25], ['electric', 15], ['safety', 10], ['leak', 5], ['other', 5]];
const DESCRIPTIONS: Record<string, string[]> = {
  water: ['厨房水龙头漏水', '卫生间下水道堵塞', '水管爆裂，正在漏水', '马桶水箱不停流水', '热水器进水阀漏水'],
  electric: ['客厅灯不亮', '插座没电', '跳闸后合不上', '卫生间排气扇不转', '开关面板松动'],
  doors_windows: ['入户门锁芯卡住', '窗户关不严', '阳台推拉门脱轨', '纱窗破损'],
  walls: ['墙面开裂', '天花板掉皮', '瓷砖空鼓', '墙面发霉'],
  appliances: ['空调不制冷', '抽油烟机异响', '燃气灶打不着火', '电热水器冒烟'],
  lifts: ['电梯按钮失灵', '电梯门关不上', '电梯运行异响'],
  public_facilities: ['大堂门禁故障', '楼道感应灯不亮', '车库道闸抬不起', '园区路灯不亮', '信报箱门坏'],
  safety: ['消防栓箱门损坏', '烟感报警器误报', '安全出口指示灯不亮', '防火门闭门器坏'],
  leak: ['楼上渗水到天花板', '外墙渗水', '卫生间地面渗漏', '飘窗渗水'],
  other: ['晾衣架坏了', '信箱钥匙丢失', '可视对讲无图像', '其他小修'],
};
const WORK: string[] = ['更换配件，试用正常', '疏通完毕', '紧固后正常', '更换阀门', '重新接线', '调试后正常', '修补完毕'];
const VOID_REASONS = ['重复报修', '业主已自行修好', '录入错误', '业主取消'];
const PAID_CHARGES: { code: string; kind: 'labour' | 'material' }[] = DEFAULT_REPAIR_SETTINGS.repairPriceList.map((p) => ({ code: p.code, kind: p.kind }));

export function weighted<T>(next: () => number, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = next() * total;
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1][0];
}

/** A positive duration around `median` ms, spread like waiting times are (log-normal). */
export function lognormal(next: () => number, median: number, sigma: number): number {
  const u = Math.max(1e-9, next());
  const v = next();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return median * Math.exp(sigma * z);
}

/**
 * A time of day through the day's load: 5% of the calls before 07:00, 88% from 07:00 to 21:00, 7% after —
 * a monotonic map, so times spread evenly in order stay in order.
 */
function dayLoad(f: number): number {
  if (f < 0.05) return (f / 0.05) * (7 / 24);
  if (f < 0.93) return 7 / 24 + ((f - 0.05) / 0.88) * (14 / 24);
  return 21 / 24 + ((f - 0.93) / 0.07) * (3 / 24);
}

const iso = (ms: number) => new Date(ms).toISOString();
// Beijing time has no daylight saving (shared/kernel/deadlines.ts): +8 h is its wall clock, and a million
// Intl calls cheaper (localWallClock is checked against it once, below).
const siteDate = (ms: number) => new Date(ms + BJ).toISOString().slice(0, 10);
const siteYear = (ms: number) => new Date(ms + BJ).getUTCFullYear();

interface Attempt {
  at: number;
  reached: boolean;
  fixed: boolean | null;
  satisfaction: Satisfaction | null;
}

interface CallbackPlan {
  createdAt: number;
  dueDate: string;
  attempts: Attempt[];
}

interface Cycle {
  told: number;
  notifiedName: string;
  chases: number[];
  pickUp: number | null;
  technician: Technician;
  finish: number | null;
  leakTestDate: string | null;
  callback: CallbackPlan | null;
}

interface Plan {
  createdAt: number;
  reportedAt: number;
  urgent: boolean;
  paid: boolean;
  category: string;
  area: string | null;
  voidAt: number | null;
  voidReason: string;
  cycles: Cycle[];
  charges: { code: string; quantity: number }[];
  /** The cashier's settlement after the (last) finish, or never. */
  settle: { at: number; to: 'collected' | 'waived' } | null;
  description: string;
  work: string;
}

const SATISFACTIONS: [Satisfaction, number][] = [['very_satisfied', 46], ['satisfied', 42], ['neutral', 9], ['unsatisfied', 3]];

/** One callback's attempts from `from` on: reached or not; three unreached go to the supervisor, who mostly reaches them. */
function plannedAttempts(next: () => number, from: number, second: boolean): Attempt[] {
  const out: Attempt[] = [];
  let at = from + lognormal(next, 20 * HOUR, 0.6);
  for (let k = 0; k < 6; k++) {
    const supervisor = k >= 3;
    if (k === 3 && next() < 0.15) break; // escalated and never reached: stays with the supervisor
    if (next() < (supervisor ? 0.9 : 0.72)) {
      const fixed = second || next() > 0.015;
      const satisfaction = second ? (next() < 0.5 ? 'very_satisfied' : 'satisfied') : weighted(next, SATISFACTIONS);
      out.push({ at, reached: true, fixed, satisfaction });
      return out;
    }
    out.push({ at, reached: false, fixed: null, satisfaction: null });
    at += lognormal(next, supervisor ? 20 * HOUR : 6 * HOUR, 0.5);
  }
  return out;
}

function cycle(next: () => number, p: { urgent: boolean; category: string; from: number; stuck: boolean; limitMs: number }, withCallback: boolean, second: boolean): Cycle {
  const told = p.from + (p.urgent ? next() * 3 * MIN : next() * 12 * MIN);
  const wait = p.stuck ? Infinity : lognormal(next, p.urgent ? 6 * MIN : 17 * MIN, 0.55);
  const chases: number[] = [];
  for (let c = told + p.limitMs; c < told + wait && chases.length < 5; c += p.limitMs) chases.push(c);
  const pickUp = p.stuck ? null : told + wait;
  const finish = pickUp === null ? null : pickUp + Math.min(5 * DAY, lognormal(next, 95 * MIN, 1.1));
  const leak = p.category === 'leak';
  const leakTestDate = finish !== null && leak ? addCalendarDays(siteDate(finish), Math.floor(next() * 3)) : null;
  let callback: CallbackPlan | null = null;
  if (finish !== null && withCallback) {
    const rule = DEFAULT_REPAIR_SETTINGS.repairCategories.find((c) => c.code === p.category)!;
    const dueDate = addCalendarDays(leakTestDate ?? siteDate(finish), rule.callbackDays);
    const from = leakTestDate ? Math.max(finish, Date.parse(`${leakTestDate}T09:00:00+08:00`)) : finish;
    callback = { createdAt: finish, dueDate, attempts: plannedAttempts(next, from, second) };
  }
  return { told, notifiedName: next() < 0.5 ? '工程部值班' : '工程部主管', chases, pickUp, technician: TECHNICIANS[Math.floor(next() * TECHNICIANS.length)], finish, leakTestDate, callback };
}

/** The whole life of order `i` (created at `createdAt`), as it would go on without the seeding's "now". */
function planOrder(i: number, createdAt: number, withCallbacks: boolean): Plan {
  const next = rng((0x5eed_0009 + Math.imul(i, 0x9e3779b1)) >>> 0);
  const isPublic = next() < REPAIRS_SITE.publicShare;
  const category = weighted(next, isPublic ? PUBLIC_CATEGORIES : UNIT_CATEGORIES);
  const urgent = next() < REPAIRS_SITE.urgentShare;
  // Public areas are free (公共区域); a unit's order is paid often enough that 25% of all are.
  const paid = !isPublic && next() < REPAIRS_SITE.paidShare / (1 - REPAIRS_SITE.publicShare);
  const limitMs = (urgent ? DEFAULT_REPAIR_SETTINGS.repairPickupMinutes.urgent : DEFAULT_REPAIR_SETTINGS.repairPickupMinutes.normal) * MIN;
  const voided = next() < REPAIRS_SITE.voidShare;
  const stuck = !voided && next() < 0.0001;
  const first = cycle(next, { urgent, category, from: createdAt, stuck, limitMs }, withCallbacks, false);
  const cycles = [first];
  const reachedFirst = first.callback?.attempts.find((a) => a.reached);
  if (reachedFirst && (reachedFirst.fixed === false || reachedFirst.satisfaction === 'unsatisfied')) {
    cycles.push(cycle(next, { urgent, category, from: reachedFirst.at + 10 * MIN + next() * 2 * HOUR, stuck: false, limitMs }, withCallbacks, true));
  }
  const charges: Plan['charges'] = [];
  if (paid) {
    const lines = 1 + Math.floor(next() * 3);
    charges.push({ code: next() < 0.7 ? 'labour_visit' : 'labour_hour', quantity: 1 + Math.floor(next() * 2) });
    const materials = PAID_CHARGES.filter((c) => c.kind === 'material');
    for (let l = 1; l < lines; l++) charges.push({ code: materials[Math.floor(next() * materials.length)].code, quantity: 1 + Math.floor(next() * 3) });
  }
  const lastFinish = cycles[cycles.length - 1].finish ?? first.finish;
  const x = next();
  const settle = paid && lastFinish !== null && x < 0.97 ? { at: lastFinish + lognormal(next, 5 * HOUR, 1), to: x < 0.93 ? ('collected' as const) : ('waived' as const) } : null;
  const descriptions = DESCRIPTIONS[category];
  return {
    createdAt,
    reportedAt: createdAt - Math.floor(next() * 8 * MIN),
    urgent,
    paid,
    category,
    area: isPublic ? DEFAULT_REPAIR_SETTINGS.publicAreas[Math.floor(next() * DEFAULT_REPAIR_SETTINGS.publicAreas.length)].code : null,
    voidAt: voided ? createdAt + next() * (first.pickUp !== null ? Math.min(first.pickUp - createdAt, 2 * HOUR) : 2 * HOUR) : null,
    voidReason: VOID_REASONS[Math.floor(next() * VOID_REASONS.length)],
    cycles,
    charges,
    settle,
    description: descriptions[Math.floor(next() * descriptions.length)],
    work: WORK[Math.floor(next() * WORK.length)],
  };
}

/** How many callbacks the order's life has made by `now` (its seeded rows). */
const callbacksBy = (p: Plan, now: number) => (p.voidAt !== null && p.voidAt <= now ? 0 : p.cycles.filter((c) => c.callback && c.callback.createdAt <= now).length);

/** The moment of order i: spread evenly over the five years, through the day's load (Beijing time); today's evenly up to `end`. */
function createdAtOf(i: number, n: number, start: number, end: number): number {
  const t = start + ((i + 0.5) / n) * (end - start);
  const local = t + BJ;
  const day = Math.floor(local / DAY);
  if (day === Math.floor((end + BJ) / DAY)) return t;
  return day * DAY + dayLoad((local - day * DAY) / DAY) * DAY - BJ;
}

export interface RepairsSeedCounts {
  repairs: number;
  charges: number;
  callbacks: number;
  attempts: number;
}

/**
 * Seeds the orders (REPAIRS_SITE) up to `now`, in time order, one transaction per chunk. The oldest orders —
 * from before the desk recorded its callbacks in FrontDesk — have none, so that the callbacks come to
 * REPAIRS_SITE.callbacks.
 */
export function seedRepairs(
  db: Db,
  opts: { now: number; years: number; clerks: string[]; cashier: string; supervisor: string; say: (line: string) => void; size?: { repairs: number; callbacks: number } },
): RepairsSeedCounts {
  const n = opts.size?.repairs ?? REPAIRS_SITE.repairs;
  if (siteDate(opts.now) !== localWallClock(opts.now).slice(0, 10)) throw new Error('the site calendar is not UTC+8');
  const target = opts.size?.callbacks ?? REPAIRS_SITE.callbacks;
  const end = opts.now;
  const start = end - opts.years * 365 * DAY;
  const unitRows = db
    .prepare(
      `SELECT u.id, u.code, p.id AS personId, p.name, p.phone FROM unit_people l JOIN units u ON u.id = l.unit_id JOIN people p ON p.id = l.person_id
        WHERE l.voided_at IS NULL AND l.end_date IS NULL AND p.kind = 'person' AND p.phone IS NOT NULL ORDER BY u.id`,
    )
    .all() as { id: string; code: string; personId: string; name: string; phone: string }[];
  const units: { id: string; code: string; people: { id: string; name: string; phone: string }[] }[] = [];
  for (const r of unitRows) {
    const last = units[units.length - 1];
    if (last?.id === r.id) last.people.push({ id: r.personId, name: r.name, phone: r.phone });
    else units.push({ id: r.id, code: r.code, people: [{ id: r.personId, name: r.name, phone: r.phone }] });
  }
  if (!units.length) throw new Error('no unit with a resident who has a phone');

  // Pass 1: how many callbacks each order makes, to find the first order whose callbacks are kept.
  const perOrder = new Uint8Array(n);
  for (let i = 0; i < n; i++) perOrder[i] = callbacksBy(planOrder(i, createdAtOf(i, n, start, end), true), end);
  let first = n;
  for (let sum = 0; first > 0 && sum + perOrder[first - 1] <= target; ) sum += perOrder[--first];
  opts.say(`  (callbacks kept from order ${int(first)} on, ${siteDate(createdAtOf(first, n, start, end))})`);

  let clockMs = start;
  const newId = createIds(() => clockMs);
  const price = new Map(DEFAULT_REPAIR_SETTINGS.repairPriceList.map((p) => [p.code, p]));
  const categoryName = new Map(DEFAULT_REPAIR_SETTINGS.repairCategories.map((c) => [c.code, c.name]));
  const areaName = new Map(DEFAULT_REPAIR_SETTINGS.publicAreas.map((a) => [a.code, a.name]));
  const insRepair = db.prepare(`INSERT INTO repairs (
      id, number, state, unit_id, area_code, place_name, category, category_name, reporter_person_id, reporter_name, reporter_phone, reporter_phone_last4,
      reported_at, description, appointment_at, urgent, paid, price_told, charge_total_fen, charge_state, charge_note, charge_by, charge_at,
      notified_name, dispatched_at, chase_count, last_chased_at, technician_code, technician_name, technician_trade, technician_phone,
      picked_up_at, work_done, materials, requester_sign, finished_at, leak_test_date, reopen_count, end_reason, created_by, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insCharge = db.prepare('INSERT INTO repair_charges (id, repair_id, line, code, name, kind, unit_of_count, unit_price_fen, quantity, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insCallback = db.prepare(`INSERT INTO callbacks (id, number, source_kind, source_id, source_number, state, due_date, place_name, contact_name, contact_phone,
      unreached, escalated_at, outcome, done_at, done_date, created_at, updated_at) VALUES (?, ?, 'repair', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insAttempt = db.prepare('INSERT INTO callback_attempts (id, callback_id, channel, at, reached, fixed, satisfaction, note, by_user, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const repairSeq = new Map<number, number>();
  const callbackSeq = new Map<number, number>();
  const seq = (m: Map<number, number>, year: number) => {
    const v = (m.get(year) ?? 0) + 1;
    m.set(year, v);
    return v;
  };
  const counts: RepairsSeedCounts = { repairs: 0, charges: 0, callbacks: 0, attempts: 0 };
  const pick = <T>(arr: readonly T[], x: number) => arr[Math.floor(x * arr.length) % arr.length];

  const writeOrder = (i: number) => {
    const createdAt = createdAtOf(i, n, start, end);
    const p = planOrder(i, createdAt, i >= first);
    const now = end;
    clockMs = createdAt;
    const id = newId();
    const number = formatRecordNumber(DEFAULT_REPAIR_SETTINGS.repairPrefix, siteYear(createdAt), seq(repairSeq, siteYear(createdAt)));
    const unit = p.area ? null : pick(units, ((i * 2654435761) >>> 0) / 4294967296);
    const reporter = unit ? pick(unit.people, (i % 7) / 7) : pick(units, ((i * 40503) >>> 0) / 65536 / 65536).people[0];
    const placeName = unit ? unit.code : areaName.get(p.area!)!;
    const clerk = opts.clerks[i % opts.clerks.length];

    // The order's columns as its life stands at `now`.
    let state: string = 'received';
    let updated = createdAt;
    const r = {
      notified: null as string | null, dispatched: null as number | null, chaseCount: 0, lastChased: null as number | null, tech: null as Technician | null,
      pickedUp: null as number | null, finished: null as number | null, leakTestDate: null as string | null, reopen: 0, endReason: null as string | null,
      work: null as string | null, sign: null as string | null,
    };
    const voided = p.voidAt !== null && p.voidAt <= now;
    const lines = p.charges.map((c, k) => {
      const item = price.get(c.code)!;
      return { line: k + 1, code: item.code, name: item.name, kind: item.kind, unitOfCount: item.unitOfCount, unitPriceFen: item.priceFen, quantity: c.quantity, amountFen: item.priceFen * c.quantity };
    });
    const chargeTotal = lines.reduce((s, l) => s + l.amountFen, 0);
    const callbacks: { plan: CallbackPlan; cycle: number }[] = [];
    for (const [k, c] of p.cycles.entries()) {
      if (voided && c.told > p.voidAt!) break;
      if (c.told > now) break;
      state = 'dispatched';
      updated = c.told;
      Object.assign(r, { notified: c.notifiedName, dispatched: c.told, tech: null, pickedUp: null, lastChased: null });
      for (const t of c.chases) if (t <= now && (!voided || t <= p.voidAt!)) {
        r.chaseCount++;
        r.lastChased = t;
        updated = t;
      }
      if (voided && (c.pickUp === null || c.pickUp > p.voidAt!)) break;
      if (c.pickUp === null || c.pickUp > now) break;
      state = 'picked_up';
      updated = c.pickUp;
      Object.assign(r, { tech: c.technician, pickedUp: c.pickUp });
      if (c.finish === null || c.finish > now) break;
      state = 'completed';
      updated = c.finish;
      Object.assign(r, { finished: c.finish, leakTestDate: c.leakTestDate, work: p.work, sign: 'paper' });
      if (!c.callback) {
        state = 'closed';
        continue;
      }
      callbacks.push({ plan: c.callback, cycle: k });
      const reached = c.callback.attempts.find((a) => a.reached && a.at <= now);
      if (!reached) break;
      updated = Math.max(updated, reached.at);
      if (reached.fixed === false || reached.satisfaction === 'unsatisfied') {
        state = 'reopened';
        r.reopen++;
      } else {
        state = 'closed';
        break;
      }
    }
    if (voided) {
      state = 'voided';
      r.endReason = p.voidReason;
      updated = p.voidAt!;
    }
    const settled = p.settle && !voided && r.finished !== null && p.settle.at <= now ? p.settle : null;
    const chargeState = !p.paid || voided ? 'none' : settled ? settled.to : 'pending';
    insRepair.run(
      id, number, state, unit?.id ?? null, p.area, placeName, p.category, categoryName.get(p.category)!, unit ? reporter.id : null, reporter.name, reporter.phone, reporter.phone.slice(-4),
      iso(p.reportedAt), p.description, null, p.urgent ? 1 : 0, p.paid ? 1 : 0, p.paid ? 1 : 0, chargeTotal, chargeState,
      settled?.to === 'waived' ? '业主困难，经理同意减免' : settled ? `R-${i}` : null, settled ? opts.cashier : null, settled ? iso(settled.at) : null,
      r.notified, r.dispatched === null ? null : iso(r.dispatched), r.chaseCount, r.lastChased === null ? null : iso(r.lastChased),
      r.tech?.code ?? null, r.tech?.name ?? null, r.tech?.trade ?? null, r.tech?.phone ?? null,
      r.pickedUp === null ? null : iso(r.pickedUp), r.work, r.work && p.paid ? '见收费项目' : null, r.sign, r.finished === null ? null : iso(r.finished), r.leakTestDate,
      r.reopen, r.endReason, clerk, iso(createdAt), iso(Math.max(updated, settled?.at ?? 0)),
    );
    counts.repairs++;
    for (const l of lines) {
      insCharge.run(newId(), id, l.line, l.code, l.name, l.kind, l.unitOfCount, l.unitPriceFen, l.quantity, l.amountFen);
      counts.charges++;
    }
    for (const { plan } of callbacks) {
      clockMs = plan.createdAt;
      const cbId = newId();
      const cbNumber = formatRecordNumber(DEFAULT_REPAIR_SETTINGS.callbackPrefix, siteYear(plan.createdAt), seq(callbackSeq, siteYear(plan.createdAt)));
      const made = plan.attempts.filter((a) => a.at <= now);
      const reached = made.find((a) => a.reached);
      const unreached = made.filter((a) => !a.reached).length;
      const escalatedAt = made.filter((a) => !a.reached)[2]?.at ?? null;
      const outcome = reached ? (reached.fixed === false || reached.satisfaction === 'unsatisfied' ? 'reopened' : 'closed') : null;
      const cbState = reached ? 'done' : unreached >= DEFAULT_REPAIR_SETTINGS.callbackEscalateAfter ? 'escalated' : 'open';
      const last = made.length ? made[made.length - 1].at : plan.createdAt;
      insCallback.run(
        cbId, cbNumber, id, number, cbState, plan.dueDate, placeName, reporter.name, reporter.phone, unreached, escalatedAt === null ? null : iso(escalatedAt),
        outcome, reached ? iso(reached.at) : null, reached ? siteDate(reached.at) : null, iso(plan.createdAt), iso(last),
      );
      counts.callbacks++;
      for (const [k, a] of made.entries()) {
        clockMs = a.at;
        const by = k >= 3 ? opts.supervisor : opts.clerks[(i + k) % opts.clerks.length];
        insAttempt.run(newId(), cbId, k % 5 === 4 ? 'visit' : 'phone', iso(a.at), a.reached ? 1 : 0, a.fixed === null ? null : a.fixed ? 1 : 0, a.satisfaction, null, by, iso(a.at));
        counts.attempts++;
      }
    }
  };

  for (let from = 0; from < n; from += REPAIRS_SITE.chunk) {
    db.transaction(() => {
      for (let i = from; i < Math.min(n, from + REPAIRS_SITE.chunk); i++) writeOrder(i);
    })();
  }
  // The numbers go on from the seeded ones.
  const setSeq = db.prepare('INSERT INTO sequences (prefix, year, value) VALUES (?, ?, ?) ON CONFLICT (prefix, year) DO UPDATE SET value = max(value, excluded.value)');
  db.transaction(() => {
    for (const [year, v] of repairSeq) setSeq.run(DEFAULT_REPAIR_SETTINGS.repairPrefix, year, v);
    for (const [year, v] of callbackSeq) setSeq.run(DEFAULT_REPAIR_SETTINGS.callbackPrefix, year, v);
  })();
  return counts;
}

/** Migration 0130's indexes, for the bench's "without them" figure. */
export const REPAIR_STATS_INDEXES = ['repairs_stats_picked_up', 'repairs_stats_finished', 'callbacks_stats_due', 'callback_attempts_reached'] as const;
