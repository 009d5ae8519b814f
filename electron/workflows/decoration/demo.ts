import type { z } from 'zod';
import { q } from '../../../db/statements';
import { addCalendarDays, addWorkingDays } from '../../../shared/kernel/deadlines';
import { can } from '../../../shared/kernel/permissions';
import type { SessionUser } from '../../../shared/contract';
import { addMonths } from '../../../shared/workflows/decoration/rules';
import {
  ApplicationInputSchema,
  CheckItemInputSchema,
  HotWorkInputSchema,
  InspectInputSchema,
  InspectionRequestSchema,
  PassInputSchema,
  PatrolInputSchema,
  PenaltyInputSchema,
  ProtectInputSchema,
  RefundInputSchema,
  ViolationInputSchema,
} from '../../../shared/workflows/decoration/schema';

type Application = Partial<z.input<typeof ApplicationInputSchema>> & { workDays?: number };
import { ctxAt, type ServiceCtx } from '../../host/context';
import * as deco from './service';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

interface DemoUnit {
  unitId: string;
  code: string;
  personId: string;
  name: string;
  phone: string | null;
}

/** The work crews of the demo's permits: names, ID numbers (valid check digits) and phones. */
const WORKERS = [
  { name: '张建军', idNumber: '440305198503121234', phone: '13712340001' },
  { name: '李大伟', idNumber: '430102199001015678', phone: '13712340002' },
  { name: '王小兵', idNumber: '360102198807079012', phone: '13712340003' },
  { name: '刘海涛', idNumber: '510104199212123456', phone: '13712340004' },
  { name: '陈国庆', idNumber: '420106198610017890', phone: '13712340005' },
];

/**
 * Decoration permits in every state, so a newcomer sees procedure 二 from application to refund at once: an
 * application with documents still missing, one awaiting the manager's approval near its deadline, one approved
 * waiting for the site protection, work under way with patrols, a minor and a serious violation and its penalty,
 * hot work approved, an office fitting out, an inspection failed with a problem still open, deposits due back
 * this week and overdue, one refunded with unpaid utilities deducted, a rejected application whose deposit is
 * due back, and a draft given up. Every step goes through the service at a believable past moment (`ctxAt`), so
 * the ledger, the timeline and the units' dated history (under decoration from the permit, back after the
 * inspection) are what the desk would have made. Runs in the caller's transaction; the manager's steps
 * (approval, penalty) are the site's first manager's when the caller is not one (the CLI).
 */
export function seedDemoDecorations(ctx: ServiceCtx): number {
  const manager = managerOf(ctx);
  if (!manager) return 0;
  const base: ServiceCtx = { ...ctx, user: manager };
  const now = ctx.clock.now().getTime();
  const today = deco.siteToday(base);
  const overrides = base.deadlines().overrides;
  // Units settled long before their permit (nothing in their history after it): homes lived in or empty, offices.
  const pick = (uses: string, states: string, limit: number) =>
    q(base.db, `SELECT u.id AS unitId, u.code, p.id AS personId, p.name, p.phone FROM units u
                  JOIN unit_people l ON l.unit_id = u.id AND l.relation IN ('owner', 'company') AND l.end_date IS NULL AND l.voided_at IS NULL
                  JOIN people p ON p.id = l.person_id
                 WHERE u.voided_at IS NULL AND u.use IN (${uses}) AND u.state IN (${states})
                   AND NOT EXISTS (SELECT 1 FROM occupancy_history h WHERE h.unit_id = u.id AND h.effective_date > ?)
                   AND NOT EXISTS (SELECT 1 FROM decorations d WHERE d.unit_id = u.id)
                 GROUP BY u.id ORDER BY u.code_key, u.code LIMIT ${limit}`).all<DemoUnit>(addCalendarDays(today, -200));
  const homes = pick("'residential'", "'vacant', 'owner_occupied'", 14);
  const offices = pick("'office'", "'vacant', 'office_in_use'", 1);
  if (homes.length < 12 || offices.length < 1) return 0;

  /**
   * Site date `daysAgo` at hh:mm (Beijing). Today's steps (all before 15:00) are spread over the hours so far
   * in the same order, so they are today and before now whatever the time of the seeding.
   */
  const at = (daysAgo: number, hhmm = '10:00'): ServiceCtx => {
    const day = Date.parse(`${addCalendarDays(today, -daysAgo)}T00:00:00+08:00`);
    const [h, m] = hhmm.split(':').map(Number);
    const t = daysAgo > 0 ? day + (h * 60 + m) * MIN : day + Math.min(1, (h * 60 + m) / (15 * 60)) * (now - 2 * MIN - day);
    return ctxAt(base, new Date(t));
  };
  const dateOf = (c: ServiceCtx) => deco.siteToday(c);
  let n = 0;

  const apply = (c: ServiceCtx, u: DemoUnit, over: Application = {}) => {
    const from = addCalendarDays(dateOf(c), 3);
    const { workDays = 60, ...rest } = over;
    n++;
    return deco.createDecoration(c, ApplicationInputSchema.parse({
      unitId: u.unitId,
      applicant: { kind: 'owner', personId: u.personId, name: u.name, phone: u.phone ?? '13800138000' },
      contractor: { self: false, company: '美家装饰有限公司', managerName: '李志明', managerPhone: '13911112222', managerIdNumber: '110101199003071234' },
      workFrom: from,
      workTo: addCalendarDays(from, workDays),
      workers: 3,
      description: '全屋翻新：水电改造、墙面、地面',
      govFlags: [],
      ...rest,
    }));
  };
  /** Ticks the checklist (all of it, or all but `leave` items). */
  const tick = (c: ServiceCtx, id: string, leave = 0) => {
    const missing = deco.getDecoration(c, id).missing;
    for (const m of missing.slice(0, missing.length - leave)) deco.checkItem(c, CheckItemInputSchema.parse({ id, kind: m.kind, code: m.code, done: true }));
  };
  const payAndSubmit = (c: ServiceCtx, id: string, receipt: string) => {
    if (deco.getDecoration(c, id).govFlags.length) deco.tellGov(c, { id });
    deco.payFees(c, { id, receipt });
    deco.submitDecoration(c, { id });
  };
  /** Applied `daysAgo`, approved the day after, protection and permit the day after that; passes for the crew. */
  const permit = (daysAgo: number, u: DemoUnit, receipt: string, over: Application = {}, workers = 3) => {
    const d = apply(at(daysAgo, '09:30'), u, { workers, ...over });
    tick(at(daysAgo, '09:40'), d.id);
    payAndSubmit(at(daysAgo, '10:15'), d.id, receipt);
    deco.approveDecoration(at(daysAgo - 1, '15:00'), { id: d.id });
    deco.confirmProtection(at(daysAgo - 2, '09:00'), ProtectInputSchema.parse({ id: d.id, by: '工程部 刘工', note: '电梯轿厢、走廊地面及入户门已做保护' }));
    deco.issuePermit(at(daysAgo - 2, '09:30'), { id: d.id });
    const detail = deco.getDecoration(base, d.id);
    for (const w of WORKERS.slice(0, workers))
      deco.addPass(at(daysAgo - 2, '09:45'), PassInputSchema.parse({ id: d.id, ...w, validFrom: dateOf(at(daysAgo - 2)), validTo: detail.workTo }));
    return d.id;
  };
  const patrols = (id: string, daysAgo: number[]) => {
    const depts = ['service', 'engineering', 'security'] as const;
    const by = { service: '客服 张敏', engineering: '工程部 陈工', security: '保安 王队' } as const;
    for (const [k, ago] of daysAgo.entries()) {
      const c = at(ago, '14:30');
      const department = depts[k % 3];
      deco.logPatrol(c, PatrolInputSchema.parse({ id, date: dateOf(c), department, by: by[department], findings: k % 4 === 1 ? '楼道有少量建筑垃圾，已提醒清运' : null }));
    }
  };
  /** Through the completion inspection, passed `daysAgo` (the unit back to its state before the permit). */
  const inspected = (id: string, daysAgo: number, fireReceipt: string | null = null) => {
    deco.requestInspection(at(daysAgo + 1, '16:00'), InspectionRequestSchema.parse({ id, fireReceipt }));
    deco.inspect(at(daysAgo, '10:30'), InspectInputSchema.parse({ id, engineeringBy: '工程部 刘工', securityBy: '保安 李队', problems: [] }));
  };
  const checksOk = { commonArea: { ok: true }, neighbours: { ok: true }, leaks: { ok: true }, violations: { ok: true } };
  /** Days since the inspection that passed for a refund due in `dueIn` days (the residential wait, from settings). */
  const passedAgoForDue = (dueIn: number, wait = base.settings().decorationRefundWait.residential) => {
    for (let ago = 1; ago < 400; ago++) {
      const passed = addCalendarDays(today, -ago);
      const due = wait.unit === 'months' ? addMonths(passed, wait.n) : addCalendarDays(passed, wait.n);
      if (due <= addCalendarDays(today, dueIn)) return ago;
    }
    return 100;
  };

  // 1. Documents missing: applied yesterday, drawings in, the contractor's papers and two commitments still to come.
  const missing = apply(at(1, '15:20'), homes[0], { workers: 4, description: '厨卫翻新，更换地板' });
  tick(at(1, '15:30'), missing.id, 5);

  // 2. Awaiting approval near its deadline: submitted so that the 3 working days end today or on the next working day.
  let back = 1;
  const warnUntil = addWorkingDays(today, base.settings().decorationApprovalWarnDays, overrides);
  while (back < 10 && addWorkingDays(addCalendarDays(today, -back), 3, overrides) > warnUntil) back++;
  const waiting = apply(at(back, '10:00'), homes[1], { govFlags: ['structure'], description: '拆除客厅与餐厅之间的非承重墙' });
  tick(at(back, '10:10'), waiting.id);
  payAndSubmit(at(back, '11:00'), waiting.id, 'SK-DEMO-0102');
  // And one submitted this morning, well within its deadline.
  const fresh = apply(at(0, '09:10'), homes[2]);
  tick(at(0, '09:20'), fresh.id);
  payAndSubmit(at(0, '09:40'), fresh.id, 'SK-DEMO-0103');

  // 3. Approved: engineering has not yet confirmed the site protection.
  const approved = apply(at(4, '10:00'), homes[3], { contractor: { self: true }, workers: 2, description: '业主自装：墙面重新粉刷' });
  tick(at(4, '10:10'), approved.id);
  payAndSubmit(at(4, '10:30'), approved.id, 'SK-DEMO-0104');
  deco.approveDecoration(at(2, '16:00'), { id: approved.id });

  // 4. Under way for a month: patrols, a minor violation warned, a serious one with the owner and contractor
  //    phoned, the notice signed, a penalty signed off and deducted from the deposit; a worker's pass revoked.
  const busy = permit(32, homes[4], 'SK-DEMO-0105', {}, 4);
  patrols(busy, [29, 26, 23, 20, 17, 14, 11, 8, 5, 2, 0]);
  deco.recordViolation(at(20, '14:40'), ViolationInputSchema.parse({ id: busy, date: dateOf(at(20)), severity: 'minor', description: '午休时段电钻施工', warnedWho: '李志明（装修负责人）' }));
  const serious = deco.recordViolation(at(11, '14:45'), ViolationInputSchema.parse({ id: busy, date: dateOf(at(11)), severity: 'serious', description: '擅自拆改卫生间承重墙体', warnedWho: null }))
    .violations.find((v) => v.severity === 'serious')!;
  deco.noticeCall(at(11, '15:00'), { violationId: serious.id, who: 'owner', note: '业主表示立即停工' });
  deco.noticeCall(at(11, '15:20'), { violationId: serious.id, who: 'contractor', note: '装修负责人李志明已知悉' });
  deco.noticeSigned(at(10, '10:00'), { violationId: serious.id });
  deco.recordPenalty(at(10, '16:00'), PenaltyInputSchema.parse({ violationId: serious.id, amountFen: 50_000, note: '违章整改表：擅自拆改墙体' }));
  deco.markRectified(at(7, '11:00'), { violationId: serious.id, note: '已按原结构恢复，工程部复查合格' });
  const gone = deco.getDecoration(base, busy).passes[3];
  deco.revokePass(at(6, '09:00'), { passId: gone.id, reason: '工人离场，收回出入证' });
  // At the gate this morning: a valid pass, and the revoked one refused.
  const passes = deco.getDecoration(base, busy).passes;
  deco.checkPass(at(0, '08:05'), { number: passes[0].number });
  deco.checkPass(at(0, '08:07'), { number: gone.number });

  // 5. Hot work approved: welding the balcony railings today and tomorrow, a fire watch named.
  const hot = permit(12, homes[5], 'SK-DEMO-0106', { description: '阳台栏杆改造、焊接', workDays: 40 }, 3);
  patrols(hot, [9, 6, 3, 1]);
  const startHot = at(0, '08:30').clock.now().getTime();
  deco.approveHotWork(at(1, '17:00'), HotWorkInputSchema.parse({ id: hot, from: new Date(startHot).toISOString(), to: new Date(startHot + DAY + 9 * 60 * MIN).toISOString(), location: '阳台', fireWatch: '保安 王队', approvedBy: '工程部 刘工' }));

  // 6. An office fitting out (facade, AC and fire drawings; the fire system changed: the owner told of the approval).
  const office = permit(25, offices[0], 'SK-DEMO-0107', { govFlags: ['fire'], description: '办公室隔断、吊顶、强弱电及喷淋改造', workDays: 45 }, 5);
  patrols(office, [22, 18, 14, 10, 6, 3, 1]);

  // 7. Inspection failed: the leak test of the bathroom failed; the problem is open, a second inspection to come.
  const failed = permit(70, homes[6], 'SK-DEMO-0108', { workDays: 60 }, 3);
  patrols(failed, [66, 58, 50, 42, 34, 26, 18, 10, 4]);
  deco.requestInspection(at(3, '16:00'), InspectionRequestSchema.parse({ id: failed, fireReceipt: null }));
  deco.inspect(at(2, '10:30'), InspectInputSchema.parse({ id: failed, engineeringBy: '工程部 刘工', securityBy: '保安 李队', problems: ['卫生间闭水试验渗漏', '公共走廊墙面污损未修复'] }));
  const [first] = deco.getDecoration(base, failed).problems;
  deco.closeProblem(at(1, '15:00'), { problemId: first.id, note: '防水层已重做' });

  // 8. Refund due this week, and one overdue: inspections passed three months ago.
  const dueAgo = passedAgoForDue(3);
  const due = permit(dueAgo + 70, homes[7], 'SK-DEMO-0109', { workDays: 60 }, 3);
  patrols(due, [dueAgo + 60, dueAgo + 40, dueAgo + 20, dueAgo + 5]);
  inspected(due, dueAgo);
  const lateAgo = passedAgoForDue(-12);
  const late = permit(lateAgo + 80, homes[8], 'SK-DEMO-0110', { workDays: 70 }, 3);
  patrols(late, [lateAgo + 70, lateAgo + 50, lateAgo + 30, lateAgo + 8]);
  deco.recordViolation(at(lateAgo + 30, '15:00'), ViolationInputSchema.parse({ id: late, date: dateOf(at(lateAgo + 30)), severity: 'minor', description: '建筑垃圾堆放楼道', warnedWho: '装修工人' }));
  inspected(late, lateAgo);

  // 9. Refunded: the refund form signed with the unpaid water and electricity deducted, the cashier paid the rest.
  //    Due twenty days ago, paid out ten days ago.
  const passedAgo = passedAgoForDue(-20);
  const refunded = permit(passedAgo + 75, homes[9], 'SK-DEMO-0111', { workDays: 60 }, 3);
  patrols(refunded, [passedAgo + 65, passedAgo + 45, passedAgo + 25, passedAgo + 6]);
  inspected(refunded, passedAgo);
  deco.prepareRefund(at(10, '10:00'), RefundInputSchema.parse({ id: refunded, requestedBy: 'owner', checks: checksOk, utilitiesFen: 18_650, signedByOwner: true, signedByContractor: true, signedByManager: true }));
  deco.payOut(at(10, '15:30'), { id: refunded, receipt: 'TK-DEMO-0111' });

  // 10. Rejected: moving the gas pipe into the living room was refused; the deposit is due back at once.
  const rejected = apply(at(6, '10:00'), homes[10], { govFlags: ['gas'], description: '燃气管道改至客厅，厨房改为开放式' });
  tick(at(6, '10:10'), rejected.id);
  payAndSubmit(at(6, '10:40'), rejected.id, 'SK-DEMO-0112');
  deco.rejectDecoration(at(0, '09:30'), { id: rejected.id, reason: '燃气管道不得私自改动，请联系燃气公司另行报批' });

  // 11. A draft given up: the owner changed plans before paying; the supervisor voided it.
  const dropped = apply(at(40, '11:00'), homes[11], { description: '更换窗户' });
  tick(at(40, '11:10'), dropped.id, 8);
  deco.voidDecoration(at(30, '09:00'), { id: dropped.id, reason: '业主取消装修计划' });
  return n;
}

/** The caller if it may approve; else the site's first manager (the CLI seeds as nobody). */
function managerOf(ctx: ServiceCtx): SessionUser | null {
  if (ctx.user && can(ctx.user.role, 'decoration.approve')) return ctx.user;
  const m = q(ctx.db, "SELECT id, username, display_name AS displayName, role FROM users WHERE role = 'manager' AND active = 1 ORDER BY created_at LIMIT 1").get<SessionUser>();
  return m ?? null;
}
