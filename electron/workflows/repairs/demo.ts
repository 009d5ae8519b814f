import { q } from '../../../db/statements';
import type { Settings } from '../../../shared/master/schema';
import type { Satisfaction } from '../../../shared/workflows/callbacks/rules';
import type { RepairIntake } from '../../../shared/workflows/repairs/schema';
import { ctxAt, type ServiceCtx } from '../../host/context';
import * as callbacks from '../callbacks/service';
import * as repairs from './service';

/** The engineering staff the demo's work orders are signed by (a site keeps its own list in settings). */
export const DEMO_TECHNICIANS: Settings['technicians'] = [
  { code: 'liu', name: '刘建国', trade: '水电工', phone: '13600001111' },
  { code: 'chen', name: '陈志强', trade: '木工', phone: '13600002222' },
  { code: 'wang', name: '王海', trade: '电梯维保', phone: '13600003333' },
  { code: 'zhao', name: '赵德明', trade: '泥瓦工', phone: null },
];

interface Caller {
  unitId: string;
  personId: string;
  name: string;
  phone: string;
}

type Job = Pick<RepairIntake, 'category' | 'description' | 'urgent'> & { paid?: RepairIntake['charges']; work: string; technician: string };

const JOBS: Job[] = [
  { category: 'water', description: '厨房水管爆裂，水流到客厅', urgent: true, work: '关闭总阀，更换爆裂的 PPR 水管 1.5 米', technician: 'liu', paid: [{ code: 'labour_visit', quantity: 1 }, { code: 'pipe', quantity: 2 }] },
  { category: 'electric', description: '客厅插座冒烟，已拉闸', urgent: true, work: '更换烧毁的插座面板，检查线路', technician: 'liu', paid: [{ code: 'labour_visit', quantity: 1 }, { code: 'switch', quantity: 1 }] },
  { category: 'doors_windows', description: '卧室窗户关不严，漏风', urgent: false, work: '调整窗扇铰链，更换密封条', technician: 'chen' },
  { category: 'walls', description: '卫生间墙砖空鼓脱落一块', urgent: false, work: '铲除空鼓墙砖，重新铺贴', technician: 'zhao' },
  { category: 'water', description: '洗手盆水龙头一直滴水', urgent: false, work: '更换水龙头', technician: 'liu', paid: [{ code: 'labour_visit', quantity: 1 }, { code: 'tap', quantity: 1 }] },
  { category: 'appliances', description: '热水器不出热水', urgent: false, work: '更换点火器电池，试机正常', technician: 'liu' },
  { category: 'doors_windows', description: '入户门锁芯卡住，钥匙拧不动', urgent: false, work: '清洗锁芯并润滑', technician: 'chen' },
  { category: 'electric', description: '厨房灯不亮', urgent: false, work: '更换灯管', technician: 'liu' },
];

const PUBLIC_JOBS: { area: string; category: string; description: string; work: string; technician: string }[] = [
  { area: 'lift_hall', category: 'lifts', description: '2 号梯按钮失灵，按了不亮', work: '更换外呼按钮', technician: 'wang' },
  { area: 'corridor', category: 'public_facilities', description: '12 楼走廊声控灯不亮', work: '更换声控开关', technician: 'liu' },
  { area: 'garage', category: 'public_facilities', description: '车库 B 区积水', work: '疏通地漏', technician: 'zhao' },
];

/**
 * Repairs and callbacks in every state, so a newcomer sees the whole workflow on Today at once: finished and
 * called back over the last weeks (paid ones collected, one waived), a leak repair waiting for its leak test's
 * callback, callbacks overdue and one escalated after three unreached calls, one reopened after an unsatisfied
 * answer and dispatched again, and this morning an urgent burst pipe not picked up, a chased one, one in hand.
 * Runs in the caller's transaction; the technicians are written to settings by the caller first.
 */
export function seedDemoRepairs(ctx: ServiceCtx): number {
  const callers = q(ctx.db, `SELECT l.unit_id AS unitId, p.id AS personId, p.name, p.phone FROM unit_people l JOIN people p ON p.id = l.person_id
                              JOIN units u ON u.id = l.unit_id WHERE l.relation = 'owner' AND p.kind = 'person' AND p.phone IS NOT NULL AND u.use = 'residential'
                              ORDER BY u.code_key DESC, u.code LIMIT 40`).all<Caller>();
  if (callers.length < 30 || !ctx.settings().technicians.length) return 0;
  const now = ctx.clock.now().getTime();
  const ago = (minutes: number) => new Date(now - minutes * 60_000);
  const HOUR = 60;
  const DAY = 24 * HOUR;
  let n = 0;

  const take = (minutesAgo: number, who: Caller, job: Pick<Job, 'category' | 'description' | 'urgent' | 'paid'>, area?: string) => {
    const when = ago(minutesAgo);
    n++;
    return repairs.createRepair(ctxAt(ctx, when), {
      place: area ? { kind: 'public', areaCode: area } : { kind: 'unit', unitId: who.unitId },
      reporterPersonId: area ? null : who.personId,
      reporterName: who.name,
      reporterPhone: who.phone,
      reportedAt: when.toISOString(),
      category: job.category,
      description: job.description,
      appointmentAt: null,
      urgent: job.urgent,
      paid: !!job.paid,
      charges: job.paid ?? [],
      priceTold: !!job.paid,
    }).id;
  };
  const dispatch = (id: string, minutesAgo: number) => repairs.dispatchRepair(ctxAt(ctx, ago(minutesAgo)), { id, notifiedName: '工程部值班 孙工', notifiedAt: ago(minutesAgo).toISOString(), note: null });
  const pickUp = (id: string, minutesAgo: number, technician: string) => repairs.pickUpRepair(ctxAt(ctx, ago(minutesAgo)), { id, technician, signature: null, signedAt: ago(minutesAgo).toISOString() });
  const complete = (id: string, minutesAgo: number, work: string, leakTestDate: string | null = null) =>
    repairs.completeRepair(ctxAt(ctx, ago(minutesAgo)), { id, workDone: work, materials: null, charges: [], requesterSign: 'paper', requesterSignature: null, finishedAt: ago(minutesAgo).toISOString(), leakTestDate });
  const callbackOf = (id: string) => repairs.getRepair(ctx, id).callbacks.at(-1)!.id;
  const answer = (id: string, minutesAgo: number, reached: boolean, fixed: boolean | null = null, satisfaction: Satisfaction | null = null, note: string | null = null) =>
    callbacks.recordAttempt(ctxAt(ctx, ago(minutesAgo)), { callbackId: callbackOf(id), channel: 'phone', at: ago(minutesAgo).toISOString(), reached, fixed, satisfaction, note });
  /** Received, told, signed for and finished over a few hours, `minutesAgo` ago. */
  const done = (minutesAgo: number, who: Caller, job: Job, area?: string) => {
    const id = take(minutesAgo, who, job, area);
    dispatch(id, minutesAgo - 3);
    pickUp(id, minutesAgo - (job.urgent ? 8 : 25), job.technician);
    complete(id, minutesAgo - 3 * HOUR, job.work);
    return id;
  };

  // The last four weeks: finished, called back two days later, satisfied; paid charges collected (one waived).
  const SATISFIED: Satisfaction[] = ['very_satisfied', 'satisfied', 'satisfied', 'very_satisfied', 'neutral', 'satisfied'];
  for (let i = 0; i < 16; i++) {
    const job = JOBS[i % JOBS.length];
    const t = (28 - i * 1.5) * DAY + 10 * HOUR;
    const id = done(t, callers[i], job);
    answer(id, t - 2 * DAY + 2 * HOUR, true, true, SATISFIED[i % SATISFIED.length]);
    if (job.paid) {
      const c = ctxAt(ctx, ago(t - 4 * HOUR));
      if (i === 4) repairs.waiveCharge(c, { id, reason: '老人独居，主管同意免收' });
      else repairs.collectCharge(c, { id, receipt: `SJ-${String(1000 + i)}` });
    }
  }
  for (let i = 0; i < PUBLIC_JOBS.length; i++) {
    const j = PUBLIC_JOBS[i];
    const t = (20 - i * 6) * DAY + 9 * HOUR;
    const id = done(t, { ...callers[30], name: '巡逻岗 周明', phone: '13900009999' }, { ...j, urgent: false }, j.area);
    answer(id, t - 2 * DAY, true, true, 'satisfied');
  }
  // A leak repair: the leak test (闭水试验) two days after the work; its callback is due three days after that.
  {
    const t = 2 * DAY + 6 * HOUR;
    const id = take(t, callers[16], { category: 'leak', description: '楼下反映卫生间天花板渗水', urgent: false });
    dispatch(id, t - 5);
    pickUp(id, t - 30, 'zhao');
    const finished = ago(t - 4 * HOUR);
    const leakTest = new Date(finished.getTime() + 2 * DAY * 60_000).toISOString().slice(0, 10);
    complete(id, t - 4 * HOUR, '重做卫生间防水层，约定闭水试验', leakTest);
  }
  // Callbacks overdue: finished four and five days ago, nobody has called yet; one with a single unreached call.
  done(5 * DAY + 8 * HOUR, callers[17], JOBS[2]);
  const once = done(4 * DAY + 9 * HOUR, callers[18], JOBS[5]);
  answer(once, 2 * DAY, false);
  // Escalated: three calls, nobody answered — the supervisor takes it.
  const escalated = done(6 * DAY + 7 * HOUR, callers[19], JOBS[6]);
  for (const h of [4 * DAY, 3 * DAY + 4 * HOUR, 2 * DAY + 5 * HOUR]) answer(escalated, h, false);
  // Reopened: the owner was not satisfied (still dripping); engineering told again, the technician has it again.
  const reopened = done(3 * DAY + 6 * HOUR, callers[20], JOBS[4]);
  answer(reopened, 1 * DAY + 2 * HOUR, true, false, 'unsatisfied', '水龙头还在滴水，要求重新上门');
  dispatch(reopened, 1 * DAY + HOUR);
  pickUp(reopened, 1 * DAY + 30, 'liu');
  // A paid order finished this morning: the cashier has its charge to collect; its callback is due in two days.
  done(5 * HOUR, callers[21], JOBS[1]);
  // Today: a normal order in the technician's hands, one dispatched and within its limit, one chased once, and an
  // urgent burst pipe reported 25 minutes ago that nobody has signed for (Today says: chase).
  const inHand = take(3 * HOUR, callers[22], JOBS[3]);
  dispatch(inHand, 3 * HOUR - 2);
  pickUp(inHand, 2 * HOUR, 'zhao');
  const waiting = take(12, callers[23], JOBS[7]);
  dispatch(waiting, 10);
  const chased = take(75, callers[24], JOBS[6]);
  dispatch(chased, 72);
  repairs.chaseRepair(ctxAt(ctx, ago(40)), { id: chased, notifiedName: '工程部值班 孙工', note: '业主来电催促' });
  const burst = take(25, callers[25], { category: 'water', description: '主卧卫生间进水管爆裂，水漫到走廊', urgent: true });
  dispatch(burst, 24);
  take(8, callers[26], { category: 'walls', description: '阳台墙面有裂缝', urgent: false });
  return n;
}
