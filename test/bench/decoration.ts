/**
 * Decoration permits at the bench site (issue 10): five years of permits in every state with their checklists,
 * worker passes, patrols, violations and penalties, hot-work approvals, inspections and the deposit ledger,
 * seeded with prepared INSERTs shaped like the rows the service writes (electron/workflows/decoration/service.ts).
 *
 * Each permit's life is planned on its own deterministic random stream (the documents coming in, the fees, the
 * submission, the manager's decision within the working-day deadline, the site protection and the permit, the
 * work, the completion inspection — sometimes failed first — and the refund after the wait, sometimes late) and
 * cut at the moment of seeding: old permits are refunded, recent ones are under way, the last days' still
 * drafts. The ledger rows follow the table's own triggers (seq consecutive, each balance the one before moved by
 * its amount), deposit_balances holds each permit's last balance, as `post` keeps it.
 *
 * Passes, patrols and penalties come to exact totals (DECORATION_SITE): each permit gets its share by the days
 * it has been under way (its workers, for the passes). The timeline (record_events), the audit rows and the
 * units' dated history of the seeded permits are not written: nothing measured here reads them.
 */
import type { Db } from '../../db/connection';
import { addCalendarDays, addWorkingDays, localWallClock, type CalendarOverridesInput } from '../../shared/kernel/deadlines';
import { formatRecordNumber } from '../../shared/kernel/record-number';
import { residentIdCheckDigit } from '../../shared/master/id-number';
import type { UnitUse } from '../../shared/master/enums';
import {
  feeLines,
  feesTotal,
  refundDueDate,
  requiredCommitments,
  requiredDocuments,
  type ApplicantKind,
  type DecorationState,
  type FeeSchedule,
  type GovFlag,
  type RefundWait,
} from '../../shared/workflows/decoration/rules';
import { createIds } from '../../electron/host/ids';
import { lognormal, weighted } from './repairs';
import { rng } from './stats';

export const DECORATION_SITE = {
  permits: 10_000,
  passes: 60_000,
  patrols: 100_000,
  /** Violations with a penalty signed off by the manager (违章整改表). */
  penalties: 5_000,
  /** Minor violations with a verbal warning only. */
  warnings: 3_000,
  /** The permit with the most workers: its passes are printed in one PDF. */
  bigPermitPasses: 200,
  chunk: 2_000,
} as const;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const BJ = 8 * HOUR;

const iso = (ms: number) => new Date(ms).toISOString();
// Beijing time has no daylight saving: +8 h is its wall clock (checked against localWallClock once, below).
const siteDate = (ms: number) => new Date(ms + BJ).toISOString().slice(0, 10);
const siteYear = (ms: number) => new Date(ms + BJ).getUTCFullYear();
const dayStart = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
/** A moment of office hours (08:30–18:00) on a site date. */
const officeAt = (date: string, f: number) => dayStart(date) + (8.5 + f * 9.5) * HOUR;
const daysBetween = (a: string, b: string) => Math.round((dayStart(b) - dayStart(a)) / DAY);

const COMPANIES = [
  '美家装饰有限公司', '金螳螂家装', '东易日盛装饰', '业之峰装饰', '龙发装饰', '星艺装饰', '居然之家家装', '名雕装饰', '广田装饰', '华浔品味装饰',
  '生活家装饰', '尚品宅配整装', '圣都家装', '松下住建', '红蚂蚁装饰', '好易家装饰工程', '鸿扬家装', '帝豪装饰', '百安居装修', '优家装饰工程部',
  '深圳市安居装饰工程有限公司', '广州市新锐装饰设计有限公司', '佳和建筑装饰', '匠心装饰工作室', '筑美空间装饰', '盛世华庭装饰', '锦程装饰工程', '鑫达建筑装饰', '宏图装饰', '恒信装饰',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '建华', '国强', '志刚', '海燕', '建国', '小红', '文斌', '德明', '春生', '立新'];
const DESCRIPTIONS = ['全屋翻新：水电改造、墙面、地面', '厨卫翻新，更换地板', '新房首次装修', '墙面重新粉刷，更换橱柜', '阳台封闭，改造卫生间防水', '办公室隔断、吊顶及强弱电', '商铺装修：门头、吊顶、照明', '局部改造：拆除非承重墙，改开放式厨房'];
const PATROL_BY = { service: ['客服 张敏', '客服 林芳', '客服 周婷'], engineering: ['工程部 刘工', '工程部 陈工', '工程部 赵工'], security: ['保安 王队', '保安 李队'] } as const;
const FINDINGS = ['垃圾未及时清运', '楼道保护膜破损', '施工时间超时（午休时段施工）', '工人未佩戴出入证', '消防器材未配置', '电线私拉乱接', '门窗未关闭，粉尘外溢'];
const VIOLATIONS_SERIOUS = ['擅自拆改承重墙', '未经审批动火作业', '私改燃气管道', '破坏外立面', '堵塞消防通道', '违规改动消防喷淋'];
const VIOLATIONS_MINOR = ['午休时段电钻施工', '建筑垃圾堆放楼道', '工人未佩戴出入证', '电梯未做保护'];
const PROBLEMS = ['卫生间闭水试验渗漏', '公共走廊墙面污损未修复', '烟感被遮挡', '空调外机位置不符合要求', '强电箱未加盖', '入户门框破损'];
const REJECT_REASONS = ['拆改承重结构，不予批准', '图纸与现场不符，需重新报审', '外立面改动未取得业委会同意', '装修单位资质不全'];
const PENALTY_FEN: [number, number][] = [[20_000, 30], [50_000, 40], [100_000, 20], [200_000, 8], [500_000, 2]];

interface UnitRef {
  id: string;
  code: string;
  use: UnitUse;
  state: string | null;
  ownerId: string;
  ownerName: string;
  ownerPhone: string | null;
}

interface Inspection {
  at: number;
  passed: boolean;
  problems: string[];
}

/** A permit's whole life, as it would go on without the seeding's "now". */
interface Plan {
  createdAt: number;
  unit: UnitRef;
  applicant: ApplicantKind;
  applicantName: string;
  applicantPhone: string;
  self: boolean;
  company: string | null;
  manager: string | null;
  managerPhone: string | null;
  managerId: string | null;
  workers: number;
  govFlags: GovFlag[];
  workFrom: string;
  workTo: string;
  description: string;
  /** All documents in and every commitment signed by then; a draft given up has only a share of them. */
  itemsAt: number;
  itemsShare: number;
  voidAt: number | null;
  paidAt: number | null;
  submittedAt: number | null;
  decidedAt: number | null;
  rejected: boolean;
  protectionAt: number | null;
  permitAt: number | null;
  inspectionAt: number | null;
  inspections: Inspection[];
  passedAt: number | null;
  refundDue: string | null;
  preparedAt: number | null;
  refundedAt: number | null;
  utilitiesFen: number;
  requestedBy: 'owner' | 'contractor';
  hotWork: { from: number; to: number }[];
}

const INF = Number.POSITIVE_INFINITY;
const pickOf = <T>(next: () => number, arr: readonly T[]): T => arr[Math.floor(next() * arr.length) % arr.length];
const nameOf = (next: () => number) => `${pickOf(next, [...SURNAMES])}${pickOf(next, GIVEN)}`;
const phoneOf = (next: () => number) => `1${pickOf(next, ['38', '39', '36', '37', '35', '50', '58', '86', '88', '89'])}${String(Math.floor(next() * 1e8)).padStart(8, '0')}`;
function idNumberOf(next: () => number): string {
  const y = 1960 + Math.floor(next() * 45);
  const m = 1 + Math.floor(next() * 12);
  const d = 1 + Math.floor(next() * 28);
  const first = `${pickOf(next, ['440305', '440304', '430102', '360102', '510104', '420106', '441302'])}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(Math.floor(next() * 1000)).padStart(3, '0')}`;
  return first + residentIdCheckDigit(first);
}

function planPermit(i: number, createdAt: number, unit: UnitRef, o: SeedOptions): Plan {
  const next = rng((0xdec0_0010 + Math.imul(i, 0x9e3779b1)) >>> 0);
  const use = unit.use;
  const applicant: ApplicantKind = weighted(next, use === 'office' || use === 'shop'
    ? [['owner', 40], ['company_tenant', 35], ['tenant', 15], ['agent', 10]]
    : [['owner', 78], ['tenant', 10], ['agent', 10], ['company_tenant', 2]]);
  const self = use === 'residential' && next() < 0.18;
  const company = self ? null : pickOf(next, COMPANIES);
  const workers = self ? 1 + Math.floor(next() * 3) : Math.max(2, Math.min(40, Math.round(lognormal(next, 5, 0.5))));
  const govFlags: GovFlag[] = [];
  if (next() < (use === 'office' ? 0.4 : 0.08)) govFlags.push('fire');
  if (next() < 0.04) govFlags.push('structure');
  if (use !== 'office' && next() < 0.03) govFlags.push('gas');
  const workFrom = siteDate(createdAt + (5 + Math.floor(next() * 6)) * DAY);
  const duration = Math.max(15, Math.min(180, Math.round(lognormal(next, use === 'residential' ? 60 : 45, 0.4))));
  const workTo = addCalendarDays(workFrom, duration);
  const plan: Plan = {
    createdAt, unit, applicant,
    applicantName: applicant === 'owner' ? unit.ownerName : applicant === 'company_tenant' ? `${pickOf(next, ['深圳', '广州', '东莞', '佛山'])}${pickOf(next, ['恒达', '汇丰', '鼎盛', '新锐', '华星'])}${pickOf(next, ['科技', '贸易', '咨询'])}有限公司` : nameOf(next),
    applicantPhone: applicant === 'owner' && unit.ownerPhone ? unit.ownerPhone : phoneOf(next),
    self, company,
    manager: self ? null : nameOf(next),
    managerPhone: self ? null : phoneOf(next),
    managerId: self ? null : idNumberOf(next),
    workers, govFlags, workFrom, workTo,
    description: pickOf(next, DESCRIPTIONS),
    itemsAt: createdAt + lognormal(next, 1.5 * DAY, 0.9),
    itemsShare: 1,
    voidAt: null, paidAt: null, submittedAt: null, decidedAt: null, rejected: false, protectionAt: null, permitAt: null, inspectionAt: null,
    inspections: [], passedAt: null, refundDue: null, preparedAt: null, refundedAt: null,
    utilitiesFen: next() < 0.25 ? (50 + Math.floor(next() * 750)) * 100 : 0,
    requestedBy: !self && next() < 0.2 ? 'contractor' : 'owner',
    hotWork: [],
  };
  // A draft given up (the owner changed plans): some documents in, never paid, voided by a supervisor.
  if (next() < 0.02) {
    plan.itemsShare = 0.2 + next() * 0.6;
    plan.voidAt = createdAt + lognormal(next, 12 * DAY, 0.5);
    return plan;
  }
  plan.paidAt = plan.itemsAt + lognormal(next, 3 * HOUR, 1);
  plan.submittedAt = Math.max(plan.itemsAt, plan.paidAt) + lognormal(next, 2 * HOUR, 1);
  plan.decidedAt = plan.submittedAt + lognormal(next, 1.6 * DAY, 0.6);
  if (next() < 0.04) {
    plan.rejected = true;
    plan.refundDue = siteDate(plan.decidedAt);
    plan.preparedAt = plan.decidedAt + lognormal(next, 2 * DAY, 0.8);
    plan.refundedAt = plan.preparedAt + lognormal(next, 3 * HOUR, 1);
    plan.utilitiesFen = 0;
    return plan;
  }
  plan.protectionAt = plan.decidedAt + lognormal(next, 20 * HOUR, 0.6);
  plan.permitAt = plan.protectionAt + lognormal(next, 2 * HOUR, 0.8);
  plan.inspectionAt = Math.max(plan.permitAt + 7 * DAY, dayStart(workTo) + (next() * 24 - 10) * DAY + 10 * HOUR);
  let at = plan.inspectionAt + lognormal(next, 1.5 * DAY, 0.6);
  if (next() < 0.15) {
    const n = 1 + Math.floor(next() * 3);
    plan.inspections.push({ at, passed: false, problems: Array.from({ length: n }, (_, k) => PROBLEMS[(Math.floor(next() * PROBLEMS.length) + k) % PROBLEMS.length]) });
    at += lognormal(next, 5 * DAY, 0.5);
  }
  plan.inspections.push({ at, passed: true, problems: [] });
  plan.passedAt = at;
  plan.refundDue = refundDueDate(siteDate(at), o.wait[use]);
  // Most deposits go back within days of falling due; one in twenty waits weeks (the owner abroad, a dispute).
  const late = next() < 0.05 ? lognormal(next, 30 * DAY, 0.6) : lognormal(next, 3 * DAY, 0.9);
  plan.preparedAt = Math.max(at + HOUR, dayStart(plan.refundDue) + 9.5 * HOUR + late);
  plan.refundedAt = plan.preparedAt + lognormal(next, 4 * HOUR, 1);
  if (next() < 0.12) {
    const span = Math.max(1, Math.floor((plan.inspectionAt - plan.permitAt) / DAY));
    const from = officeAt(siteDate(plan.permitAt + Math.floor(next() * span) * DAY), next() * 0.5);
    plan.hotWork.push({ from, to: from + (4 + Math.floor(next() * 68)) * HOUR });
  }
  return plan;
}

function stateAt(p: Plan, now: number): DecorationState {
  if (p.voidAt !== null) return p.voidAt <= now ? 'voided' : 'draft';
  if (p.submittedAt! > now) return 'draft';
  if (p.decidedAt! > now) return 'submitted';
  if (p.rejected) return p.refundedAt! <= now ? 'refunded' : 'rejected';
  if (p.permitAt! > now) return 'approved';
  if (p.inspectionAt! > now) return 'under_way';
  if (p.passedAt! > now) return 'inspection';
  return p.refundedAt! <= now ? 'refunded' : 'completed';
}

/** The span a permit has been under way by `now` (patrols and violations fall in it), in site dates; null before the permit. */
function workSpan(p: Plan, now: number): { from: string; to: string; days: number } | null {
  if (p.permitAt === null || p.permitAt > now) return null;
  const from = siteDate(p.permitAt);
  const to = siteDate(Math.min(p.passedAt ?? now, now));
  return { from, to, days: daysBetween(from, to) + 1 };
}

/** Exact shares of `total` by weight: the k-th item gets ⌊W(k+1)·T/W⌋ − ⌊W(k)·T/W⌋ (W cumulative), so they add up to `total`. */
function shares(weights: readonly number[], total: number): Uint32Array {
  const out = new Uint32Array(weights.length);
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) return out;
  let cum = 0;
  let given = 0;
  for (let k = 0; k < weights.length; k++) {
    cum += weights[k];
    const upTo = k === weights.length - 1 ? total : Math.floor((cum * total) / sum);
    out[k] = upTo - given;
    given = upTo;
  }
  return out;
}

export interface SeedOptions {
  now: number;
  years: number;
  clerks: string[];
  cashier: string;
  manager: string;
  supervisor: string;
  fees: Record<UnitUse, FeeSchedule>;
  wait: Record<UnitUse, RefundWait>;
  decorationPrefix: string;
  passPrefix: string;
  overrides?: CalendarOverridesInput;
  say: (line: string) => void;
}

export interface DecorationSeedCounts {
  permits: number;
  items: number;
  passes: number;
  patrols: number;
  violations: number;
  penalties: number;
  hotWork: number;
  inspections: number;
  ledger: number;
  byState: Partial<Record<DecorationState, number>>;
  /** The permit under way with DECORATION_SITE.bigPermitPasses workers. */
  bigPermit: string | null;
}

/** Seeds DECORATION_SITE's permits up to `now` on distinct units, in time order, one transaction per chunk. */
export function seedDecorations(db: Db, o: SeedOptions): DecorationSeedCounts {
  const n = DECORATION_SITE.permits;
  const now = o.now;
  if (siteDate(now) !== localWallClock(now).slice(0, 10)) throw new Error('the site calendar is not UTC+8');
  const today = siteDate(now);
  const start = now - o.years * 365 * DAY;
  const units = db
    .prepare(
      `SELECT u.id, u.code, u.use, u.state, p.id AS ownerId, p.name AS ownerName, p.phone AS ownerPhone
         FROM units u JOIN unit_people l ON l.unit_id = u.id AND l.relation = 'owner' AND l.voided_at IS NULL AND l.end_date IS NULL
         JOIN people p ON p.id = l.person_id
        WHERE u.voided_at IS NULL GROUP BY u.id ORDER BY u.id`,
    )
    .all() as UnitRef[];
  if (units.length < n) throw new Error(`only ${units.length} units with an owner for ${n} permits`);
  // Distinct units (one permit each), spread over the whole site: a stride coprime to the count.
  let stride = Math.floor(units.length * 0.618) | 1;
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  while (gcd(stride, units.length) !== 1) stride += 2;
  const createdAt = (k: number) => {
    const t = start + ((k + 0.5) / n) * (now - start);
    return Math.min(now - 10 * MIN, officeAt(siteDate(t), ((k * 7919) % 1000) / 1000));
  };
  const plans: Plan[] = [];
  for (let k = 0; k < n; k++) plans.push(planPermit(k, createdAt(k), units[(k * stride) % units.length], o));

  // The permit with 200 workers: the latest issued one still under way within its work period.
  let big = -1;
  for (let k = n - 1; k >= 0 && big < 0; k--) {
    const p = plans[k];
    if (stateAt(p, now) === 'under_way' && p.workTo >= today && !p.self) big = k;
  }
  if (big >= 0) plans[big].workers = DECORATION_SITE.bigPermitPasses;

  const spans = plans.map((p) => workSpan(p, now));
  const days = spans.map((s) => s?.days ?? 0);
  const passShare = shares(plans.map((p, k) => (k === big || !spans[k] ? 0 : p.workers)), DECORATION_SITE.passes - (big >= 0 ? DECORATION_SITE.bigPermitPasses : 0));
  if (big >= 0) passShare[big] = DECORATION_SITE.bigPermitPasses;
  const patrolShare = shares(days, DECORATION_SITE.patrols);
  const penaltyShare = shares(days, DECORATION_SITE.penalties);
  const warningShare = shares(days.map((d, k) => (k % 3 === 0 ? d : 0)), DECORATION_SITE.warnings);

  let clockMs = start;
  const newId = createIds(() => clockMs);
  const ins = {
    permit: db.prepare(`INSERT INTO decorations (
        id, number, state, unit_id, unit_code, unit_use, applicant_kind, applicant_person_id, applicant_name, applicant_phone, self_decoration,
        contractor_company, contractor_manager, contractor_phone, contractor_id_number, work_from, work_to, workers, description, gov_flags, gov_told_at, gov_told_by,
        fees, fees_total_fen, fees_receipt, fees_paid_at, fees_paid_by, submitted_at, approval_due, approval_due_estimated, decided_at, decided_by, reject_reason,
        protection_by, protection_note, protection_at, permit_issued_at, prior_state, inspection_requested_at, fire_receipt, passed_on, refund_due,
        refund_requested_by, refund_owner_consent, refund_checks, refund_utilities_fen, refund_signed, refund_prepared_at, refund_prepared_by, refund_receipt,
        refunded_at, refunded_by, last_patrol_date, print_count, void_reason, created_by, created_at, updated_at)
      VALUES (${Array.from({ length: 58 }, () => '?').join(', ')})`),
    item: db.prepare('INSERT INTO decoration_items (decoration_id, kind, code, on_date, by_user, at) VALUES (?, ?, ?, ?, ?, ?)'),
    pass: db.prepare(`INSERT INTO decoration_passes (id, decoration_id, number, name, id_number, phone, valid_from, valid_to, revoked_at, revoked_by, revoke_reason, printed, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    patrol: db.prepare('INSERT INTO decoration_patrols (id, decoration_id, on_date, department, by_name, findings, by_user, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    violation: db.prepare(`INSERT INTO decoration_violations (id, decoration_id, on_date, severity, description, hot_work, hot_work_unapproved, warned_who,
        owner_called_at, owner_call_note, contractor_called_at, contractor_call_note, signed_at, penalty_fen, penalty_deducted_fen, penalty_note, penalty_by, penalty_at,
        rectified_at, rectified_note, by_user, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    hotWork: db.prepare('INSERT INTO decoration_hot_work (id, decoration_id, from_at, to_at, location, fire_watch, approved_by, by_user, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    inspection: db.prepare('INSERT INTO decoration_inspections (decoration_id, seq, engineering_by, security_by, passed, by_user, at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    problem: db.prepare('INSERT INTO decoration_problems (id, decoration_id, inspection, description, closed_at, closed_note, closed_by) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    ledger: db.prepare('INSERT INTO deposit_ledger (id, decoration_id, seq, kind, amount_fen, balance_fen, receipt, note, ref_id, by_user, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'),
    balance: db.prepare('INSERT INTO deposit_balances (decoration_id, balance_fen, paid_at) VALUES (?, ?, ?)'),
  };
  const seqs = { permit: new Map<number, number>(), pass: new Map<number, number>() };
  const seq = (m: Map<number, number>, year: number) => {
    const v = (m.get(year) ?? 0) + 1;
    m.set(year, v);
    return v;
  };
  const counts: DecorationSeedCounts = { permits: 0, items: 0, passes: 0, patrols: 0, violations: 0, penalties: 0, hotWork: 0, inspections: 0, ledger: 0, byState: {}, bigPermit: null };
  const upTo = (t: number | null) => (t !== null && t <= now ? t : null);
  const at = (t: number | null) => (t !== null && t <= now ? iso(t) : null);
  const clamp = (t: number) => Math.min(t, now - MIN);

  const write = (k: number) => {
    const p = plans[k];
    const next = rng((0x5eed_0010 + Math.imul(k, 0x85ebca6b)) >>> 0);
    clockMs = p.createdAt;
    const id = newId();
    const number = formatRecordNumber(o.decorationPrefix, siteYear(p.createdAt), seq(seqs.permit, siteYear(p.createdAt)));
    const state = stateAt(p, now);
    counts.byState[state] = (counts.byState[state] ?? 0) + 1;
    if (k === big) counts.bigPermit = number;
    const clerk = o.clerks[k % o.clerks.length];
    const use = p.unit.use;
    const lines = feeLines(use, o.fees[use], { workers: p.workers, fireChange: p.govFlags.includes('fire') });
    const deposit = lines.find((l) => l.code === 'deposit')?.amountFen ?? 0;
    const paidAt = upTo(p.paidAt);
    const span = spans[k];

    // The checklist: every required item by the time it was all in (a given-up draft: its share of them).
    const appl = { use, selfDecoration: p.self, applicant: p.applicant };
    const required = [...requiredDocuments(appl).map((code) => ['document', code] as const), ...requiredCommitments(appl).map((code) => ['commitment', code] as const)];
    const itemsBy = Math.min(p.itemsAt, now);
    const inShare = p.itemsAt <= now ? p.itemsShare : Math.min(p.itemsShare, (now - p.createdAt) / (p.itemsAt - p.createdAt));
    const items = required.filter((_, j) => (j + 0.5) / required.length <= inShare);
    const itemRows = items.map(([kind, code], j) => {
      const t = p.createdAt + ((j + 1) / (items.length + 1)) * (itemsBy - p.createdAt);
      return [id, kind, code, siteDate(t), clerk, iso(t)];
    });

    // The ledger: the deposit in; each penalty (as far as the deposit goes); the unpaid utilities; the refund of what is left.
    const entries: { t: number; kind: 'payment' | 'penalty' | 'utilities' | 'refund'; amount: number; receipt: string | null; note: string | null; ref: string | null; by: string }[] = [];
    if (paidAt !== null && deposit > 0) entries.push({ t: paidAt, kind: 'payment', amount: deposit, receipt: `SK-${siteYear(paidAt)}-${String(k + 1).padStart(5, '0')}`, note: null, ref: null, by: o.cashier });

    // Passes: registered at the permit (a few later, as workers join); some revoked.
    const passCount = passShare[k];
    const passRows: unknown[][] = [];
    if (span && passCount > 0) {
      for (let j = 0; j < passCount; j++) {
        const joined = j < Math.ceil(passCount * 0.85) ? p.permitAt! : clamp(p.permitAt! + next() * Math.max(HOUR, Math.min(now, p.inspectionAt!) - p.permitAt!));
        const from = siteDate(joined) <= p.workTo ? siteDate(joined) : p.workTo;
        const revoked = k !== big && next() < 0.03 ? clamp(joined + lognormal(next, 10 * DAY, 0.7)) : null;
        const year = siteYear(joined);
        passRows.push([
          newId(), id, formatRecordNumber(o.passPrefix, year, seq(seqs.pass, year)), nameOf(next), idNumberOf(next), phoneOf(next), from, p.workTo,
          revoked === null ? null : iso(revoked), revoked === null ? null : clerk, revoked === null ? null : pickOf(next, ['工人离场', '违规施工，收回出入证', '证件遗失补办']),
          1, iso(joined),
        ]);
      }
    }

    // Patrols over the days under way; violations among them (penalties mostly for serious ones).
    let lastPatrol: string | null = null;
    const patrolRows: unknown[][] = [];
    const violationRows: unknown[][] = [];
    if (span) {
      const k1 = patrolShare[k];
      for (let j = 0; j < k1; j++) {
        const date = addCalendarDays(span.from, Math.min(span.days - 1, Math.floor(((j + next()) / k1) * span.days)));
        const dept = (['service', 'engineering', 'security'] as const)[(j + k) % 3];
        const t = clamp(officeAt(date, next()));
        patrolRows.push([newId(), id, date, dept, pickOf(next, PATROL_BY[dept]), next() < 0.75 ? null : pickOf(next, FINDINGS), clerk, iso(t)]);
        if (!lastPatrol || date > lastPatrol) lastPatrol = date;
      }
      const penalties = penaltyShare[k];
      const warnings = warningShare[k];
      const hotWorkOn = (date: string) => p.hotWork.some((h) => siteDate(h.from) <= date && date <= siteDate(h.to));
      const viol: { date: string; penalty: boolean }[] = [];
      for (let j = 0; j < penalties; j++) viol.push({ date: addCalendarDays(span.from, Math.floor(next() * span.days)), penalty: true });
      for (let j = 0; j < warnings; j++) viol.push({ date: addCalendarDays(span.from, Math.floor(next() * span.days)), penalty: false });
      viol.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      let held = deposit;
      for (const v of viol) {
        const vid = newId();
        const t = clamp(officeAt(v.date, next()));
        const hot = v.penalty && next() < 0.12;
        const unapproved = hot && !hotWorkOn(v.date);
        const serious = unapproved || (v.penalty && next() < 0.85);
        const called = serious ? clamp(t + lognormal(next, 40 * MIN, 0.5)) : null;
        const contractorCalled = serious && !p.self && called !== null ? clamp(called + lognormal(next, 30 * MIN, 0.5)) : null;
        const signed = serious ? clamp((contractorCalled ?? called!) + lognormal(next, 20 * HOUR, 0.6)) : null;
        let penaltyFen: number | null = null;
        let deducted: number | null = null;
        let penaltyAt: number | null = null;
        if (v.penalty) {
          penaltyFen = weighted(next, PENALTY_FEN);
          penaltyAt = clamp((signed ?? t) + lognormal(next, 4 * HOUR, 0.8));
          deducted = Math.min(penaltyFen, held);
          held -= deducted;
          if (deducted > 0) entries.push({ t: penaltyAt, kind: 'penalty', amount: deducted, receipt: null, note: null, ref: vid, by: o.manager });
          counts.penalties++;
        }
        const rectified = next() < 0.9 ? t + lognormal(next, 2 * DAY, 0.8) : INF;
        const description = hot ? '未经审批动火作业' : serious ? pickOf(next, VIOLATIONS_SERIOUS) : pickOf(next, VIOLATIONS_MINOR);
        violationRows.push([
          vid, id, v.date, serious ? 'serious' : 'minor', description, hot ? 1 : 0, unapproved ? 1 : 0, serious ? null : p.self ? '业主' : `${p.manager}（装修负责人）`,
          at(called), called === null ? null : '已电话告知业主', at(contractorCalled), contractorCalled === null ? null : '已通知装修负责人', at(signed),
          penaltyFen, deducted, penaltyFen === null ? null : '违章整改表已签', penaltyFen === null ? null : o.manager, at(penaltyAt),
          rectified <= now ? iso(rectified) : null, rectified <= now ? '已整改' : null, clerk, iso(t),
        ]);
      }
    }
    const balanceBeforeRefund = entries.reduce((a, e) => a + (e.kind === 'payment' ? e.amount : -e.amount), 0);
    const prepared = upTo(p.preparedAt);
    const utilities = prepared !== null ? Math.min(p.utilitiesFen, balanceBeforeRefund) : 0;
    if (prepared !== null && utilities > 0) entries.push({ t: prepared, kind: 'utilities', amount: utilities, receipt: null, note: null, ref: null, by: clerk });
    const refunded = upTo(p.refundedAt);
    if (refunded !== null && paidAt !== null) entries.push({ t: refunded, kind: 'refund', amount: balanceBeforeRefund - utilities, receipt: `TK-${siteYear(refunded)}-${String(k + 1).padStart(5, '0')}`, note: null, ref: null, by: o.cashier });

    const submitted = upTo(p.submittedAt);
    const decided = upTo(p.decidedAt);
    const protectedAt = upTo(p.protectionAt);
    const permitAt = upTo(p.permitAt);
    const inspectionAt = upTo(p.inspectionAt);
    const passedAt = upTo(p.passedAt);
    const due = submitted !== null ? addWorkingDays(siteDate(submitted), 3, o.overrides) : null;
    const lastAt = Math.max(p.createdAt, ...[paidAt, submitted, decided, protectedAt, permitAt, inspectionAt, passedAt, prepared, refunded, upTo(p.voidAt)].filter((t): t is number => t !== null));
    ins.permit.run(
      id, number, state, p.unit.id, p.unit.code, use, p.applicant, p.applicant === 'owner' ? p.unit.ownerId : null, p.applicantName, p.applicantPhone, p.self ? 1 : 0,
      p.company, p.manager, p.managerPhone, p.managerId, p.workFrom, p.workTo, p.workers, p.description, JSON.stringify(p.govFlags),
      p.govFlags.length && p.itemsAt <= now ? iso(p.itemsAt) : null, p.govFlags.length && p.itemsAt <= now ? clerk : null,
      paidAt !== null ? JSON.stringify(lines) : null, paidAt !== null ? feesTotal(lines) : null, paidAt !== null ? `SK-${siteYear(paidAt)}-${String(k + 1).padStart(5, '0')}` : null, at(paidAt), paidAt !== null ? o.cashier : null,
      at(submitted), due, 0, at(decided), decided !== null ? o.manager : null, decided !== null && p.rejected ? pickOf(next, REJECT_REASONS) : null,
      protectedAt !== null ? '工程部 刘工' : null, protectedAt !== null ? '电梯、走廊及入户门已做保护' : null, at(protectedAt),
      at(permitAt), permitAt !== null ? (p.unit.state && p.unit.state !== 'under_decoration' ? p.unit.state : 'vacant') : null,
      at(inspectionAt), inspectionAt !== null && use === 'office' ? `XF-${siteYear(inspectionAt)}-${String(k + 1).padStart(4, '0')}` : null,
      passedAt !== null ? siteDate(passedAt) : null, passedAt !== null || (p.rejected && decided !== null) ? p.refundDue : null,
      prepared !== null ? p.requestedBy : null, prepared !== null && p.requestedBy === 'contractor' ? 1 : 0,
      prepared !== null ? JSON.stringify({ commonArea: { ok: true, note: null }, neighbours: { ok: true, note: null }, leaks: { ok: true, note: null }, violations: { ok: true, note: null } }) : null,
      prepared !== null ? utilities : null, prepared !== null ? JSON.stringify({ owner: true, contractor: !p.self, manager: true }) : null, at(prepared), prepared !== null ? clerk : null,
      refunded !== null ? `TK-${siteYear(refunded)}-${String(k + 1).padStart(5, '0')}` : null, at(refunded), refunded !== null ? o.cashier : null,
      lastPatrol, permitAt !== null ? 2 : 0, p.voidAt !== null && p.voidAt <= now ? '业主取消装修计划' : null, clerk, iso(p.createdAt), iso(lastAt),
    );
    counts.permits++;
    for (const r of itemRows) {
      ins.item.run(...r);
      counts.items++;
    }
    for (const r of passRows) {
      ins.pass.run(...r);
      counts.passes++;
    }
    for (const r of patrolRows) {
      ins.patrol.run(...r);
      counts.patrols++;
    }
    for (const r of violationRows) {
      ins.violation.run(...r);
      counts.violations++;
    }
    for (const h of p.hotWork) {
      if (h.from > now) continue;
      ins.hotWork.run(newId(), id, iso(h.from), iso(h.to), pickOf(next, ['厨房', '阳台', '卫生间', '客厅']), pickOf(next, ['保安 王队', '工程部 陈工']), '工程部 刘工', clerk, iso(Math.max(p.permitAt!, h.from - 2 * HOUR)));
      counts.hotWork++;
    }
    let s = 0;
    for (const [j, insp] of p.inspections.entries()) {
      if (insp.at > now) break;
      s++;
      ins.inspection.run(id, s, '工程部 刘工', '保安 李队', insp.passed ? 1 : 0, clerk, iso(insp.at));
      counts.inspections++;
      const closedAt = p.inspections[j + 1] && p.inspections[j + 1].at <= now ? Math.max(insp.at + HOUR, p.inspections[j + 1].at - DAY) : null;
      for (const d of insp.problems) ins.problem.run(newId(), id, s, d, closedAt === null ? null : iso(closedAt), closedAt === null ? null : '已整改复查', closedAt === null ? null : clerk);
    }
    entries.sort((a, b) => a.t - b.t || (a.kind === 'payment' ? -1 : b.kind === 'payment' ? 1 : 0));
    let balance = 0;
    for (const [j, e] of entries.entries()) {
      balance += e.kind === 'payment' ? e.amount : -e.amount;
      ins.ledger.run(newId(), id, j + 1, e.kind, e.amount, balance, e.receipt, e.note, e.ref, e.by, iso(e.t));
      counts.ledger++;
    }
    if (entries.length) ins.balance.run(id, balance, iso(entries[0].t));
  };

  for (let from = 0; from < n; from += DECORATION_SITE.chunk) {
    db.transaction(() => {
      for (let k = from; k < Math.min(n, from + DECORATION_SITE.chunk); k++) write(k);
    })();
  }
  const setSeq = db.prepare('INSERT INTO sequences (prefix, year, value) VALUES (?, ?, ?) ON CONFLICT (prefix, year) DO UPDATE SET value = max(value, excluded.value)');
  db.transaction(() => {
    for (const [year, v] of seqs.permit) setSeq.run(o.decorationPrefix, year, v);
    for (const [year, v] of seqs.pass) setSeq.run(o.passPrefix, year, v);
  })();
  return counts;
}
