/**
 * Move-in (入伙, procedure 一) and moving in (入住, procedure 三) on the demo site: one residential tower was
 * delivered by the developer three months ago and is being handed over. Its units are not handed over in the
 * master data (electron/services/demo/seed.ts writes them so); the developer's move-in notices came in two spreadsheets, imported through
 * the import path (preview with per-row errors, then commit of the valid rows); the owners came to the desk and
 * their move-ins stand in every state: open at each of the steps, not handed over for each reason, handed over
 * (with rectification items open, overdue, fixed and accepted, one critical defect accepted in writing), and
 * one voided and started again. Owners and a tenant then moved in (RZ), some 入住知会单 not yet received by
 * every department, one moving-in recorded in error and voided.
 *
 * Every step goes through the service at a believable past moment (`ctxAt`), so the register, the timelines,
 * the audit and the units' dated history (vacant from the handover date, then occupied from the moving-in)
 * are what the desk would have made. Runs in the caller's transaction.
 */
import { addCalendarDays } from '../../../shared/kernel/deadlines';
import type { ImportRow } from '../../../shared/master/import-schema';
import type { SessionUser } from '../../../shared/contract';
import type { MoveInStep, NoticeDepartment, NotHandedOverReason } from '../../../shared/workflows/move-in/rules';
import {
  ArchiveInputSchema,
  CopiesInputSchema,
  FeeConfirmInputSchema,
  FeeOverrideInputSchema,
  HandoverInputSchema,
  IdentityInputSchema,
  InspectInputSchema,
  KeysInputSchema,
  MoveInCreateSchema,
  MovingInCreateSchema,
  MovingInReceiptInputSchema,
} from '../../../shared/workflows/move-in/schema';
import { q } from '../../../db/statements';
import { can } from '../../../shared/kernel/permissions';
import { ctxAt, type ServiceCtx } from '../../host/context';
import { readImportCsv as readCsv } from '../master/service';
import { commitNotices, previewRead } from './notices';
import * as mi from './service';

const MIN = 60_000;
/** The handover tower was delivered this many days before the seeding. */
export const DELIVERED_DAYS_AGO = 90;

/**
 * Takes the demo's tower in handover out of the generated rows: the smallest residential tower of 40 units or
 * more (3栋, 84 units, on the 2,000-unit demo). Its units are not handed over yet: no owners, tenants or family.
 */
export function splitHandoverTower(rows: ImportRow[]): { rest: ImportRow[]; tower: ImportRow[] } {
  const sizes = new Map<string, number>();
  for (const r of rows) if (r.use === 'residential') sizes.set(r.buildingCode, (sizes.get(r.buildingCode) ?? 0) + 1);
  const pick = [...sizes].filter(([, n]) => n >= 40).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0]?.[0];
  if (!pick) return { rest: rows, tower: [] };
  return {
    rest: rows.filter((r) => r.buildingCode !== pick),
    tower: rows
      .filter((r) => r.buildingCode === pick)
      .map((r) => ({ ...r, state: 'not_handed_over' as const, owner: null, tenant: null, tenancyStart: null, coOwners: [], family: [] })),
  };
}

const SURNAMES = '陈林黄吴周刘郑孙何谢杨许马朱胡郭罗高梁宋唐韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏';
const GIVEN = ['志强', '晓燕', '建华', '丽娟', '文斌', '海燕', '国平', '美玲', '俊杰', '雨婷', '振宇', '静怡', '德明', '晓峰', '春梅', '立新', '嘉欣', '子轩', '淑华', '嘉豪', '伟', '敏', '磊', '婷'];
const ownerName = (i: number) => SURNAMES[(i * 7) % SURNAMES.length] + GIVEN[(i * 5) % GIVEN.length];
const mobile = (i: number) => `1${'35789'[i % 5]}${String(600_000_000 + i * 7_919_003).slice(-9)}`;

interface TowerUnit {
  unitId: string;
  code: string;
}
interface Notice {
  unitId: string;
  code: string;
  noticeDate: string;
  ownerName: string;
  phone: string | null;
}
interface Defect {
  area: string;
  item: string;
  note: string;
  critical?: boolean;
  opinion?: string;
  /** Due this many days after the inspection (else the settings' wait). */
  dueIn?: number;
}

/** Seeds the tower's handover (see the file's comment); the move-in records made. */
export function seedDemoMoveIns(ctx: ServiceCtx, buildingCode: string): number {
  const manager = managerOf(ctx);
  if (!manager) return 0;
  const base: ServiceCtx = { ...ctx, user: manager };
  const db = base.db;
  const now = ctx.clock.now().getTime();
  const today = mi.siteToday(base);
  const units = q(db, `SELECT u.id AS unitId, u.code FROM units u JOIN buildings b ON b.id = u.building_id
                        WHERE b.code = ? AND u.voided_at IS NULL AND u.state = 'not_handed_over' ORDER BY u.code_key, u.code`).all<TowerUnit>(buildingCode);
  if (units.length < 40) return 0;

  /** Site date `daysAgo` at hh:mm (Beijing); today's steps are spread over the hours so far, in order (as the decoration demo). */
  const at = (daysAgo: number, hhmm = '10:00'): ServiceCtx => {
    const day = Date.parse(`${addCalendarDays(today, -daysAgo)}T00:00:00+08:00`);
    const [h, m] = hhmm.split(':').map(Number);
    const t = daysAgo > 0 ? day + (h * 60 + m) * MIN : day + Math.min(1, (h * 60 + m) / (15 * 60)) * (now - 2 * MIN - day);
    return ctxAt(base, new Date(t));
  };
  const dateOf = (c: ServiceCtx) => mi.siteToday(c);

  // ---- the developer's notices: two spreadsheets, the first with two bad rows (committed without them) ----
  const first = units.slice(0, Math.round(units.length * 0.6));
  const second = units.slice(first.length, Math.round(units.length * 0.85));
  const csvOf = (rows: string[][]) => Buffer.from(`\ufeff${rows.map((r) => r.join(',')).join('\r\n')}\r\n`, 'utf8');
  const importBatch = (c: ServiceCtx, fileName: string, batchName: string, lines: string[][]) => {
    const preview = previewRead(c, { fileName, batchName }, readCsv(csvOf([['房号', '业主姓名', '联系电话', '入伙日期'], ...lines])));
    return commitNotices(c, { batchId: preview.batchId, onlyValid: preview.invalid > 0 });
  };
  const line = (u: TowerUnit, i: number, date: string) => [u.code, ownerName(i), i % 9 === 4 ? '' : mobile(i), date];
  const firstDate = addCalendarDays(today, -40);
  importBatch(at(45, '10:30'), `${buildingCode}栋入伙通知书（第一批）.csv`, `${buildingCode}栋第一批入伙通知`, [
    ...first.map((u, i) => line(u, i, firstDate)),
    [`${buildingCode}-9-9901`, '赵明', mobile(900), firstDate],
    [first[0].code, ownerName(0), mobile(0), firstDate],
  ]);
  importBatch(at(8, '15:00'), `${buildingCode}栋入伙通知书（第二批）.csv`, `${buildingCode}栋第二批入伙通知`, second.map((u, i) => line(u, first.length + i, addCalendarDays(today, -(i % 4)))));
  const notices = q(db, `SELECT n.unit_id AS unitId, u.code, n.notice_date AS noticeDate, n.owner_name AS ownerName, n.phone FROM move_in_notices n JOIN units u ON u.id = n.unit_id
                          JOIN buildings b ON b.id = u.building_id WHERE b.code = ? ORDER BY n.notice_date, u.code_key`).all<Notice>(buildingCode);
  const byUnit = new Map(notices.map((n) => [n.unitId, n]));
  const firstNotices = first.map((u) => byUnit.get(u.unitId)).filter((n): n is Notice => !!n);
  const secondNotices = second.map((u) => byUnit.get(u.unitId)).filter((n): n is Notice => !!n);
  if (firstNotices.length < 16 || secondNotices.length < 2) return 0;

  // ---- the move-ins ----
  let made = 0;
  let receipt = 0;
  const ownerOf = (unitId: string) =>
    q(db, "SELECT person_id FROM unit_people WHERE unit_id = ? AND relation IN ('owner', 'co_owner', 'company') AND voided_at IS NULL AND end_date IS NULL ORDER BY start_date LIMIT 1").value<string>(unitId);
  const create = (c: ServiceCtx, n: Notice) => {
    made++;
    const owner = ownerOf(n.unitId);
    const newOwner = owner ? null : { kind: 'person', name: n.ownerName, phone: n.phone, phone2: null, idType: null, idNumber: null, contactPerson: null, emergencyName: null, emergencyPhone: null, birthday: null, note: null };
    return mi.createMoveIn(c, MoveInCreateSchema.parse({ unitId: n.unitId, ownerIds: owner ? [owner] : [], newOwner })).id;
  };
  const step = (c: ServiceCtx, s: MoveInStep, id: string, n: Notice, i: number, defects: Defect[]) => {
    switch (s) {
      case 'identity':
        return mi.identity(c, IdentityInputSchema.parse({ id, idDocumentSeen: true, purchaseContractSeen: true, noticeSeen: true, noticeDate: n.noticeDate }));
      case 'fees':
        return mi.confirmFees(c, FeeConfirmInputSchema.parse({ id, receipt: `SK-DEMO-${String(2000 + ++receipt)}` }));
      case 'copies':
        return mi.copies(c, CopiesInputSchema.parse({ id, items: i % 3 ? ['id_card', 'bank_card'] : ['id_card', 'bank_card', 'other'], otherNote: i % 3 ? null : '购房合同首页' }));
      case 'archive':
        return mi.archive(c, ArchiveInputSchema.parse({
          id,
          family: i % 2 ? [{ name: `${n.ownerName.slice(0, 1)}${GIVEN[(i * 3 + 7) % GIVEN.length]}`, phone: mobile(500 + i), relationNote: '配偶', birthday: null }] : [],
          bankAgreement: i % 4 !== 1,
          fireSafetyAgreement: true,
          documentReceipt: true,
          emergencyName: ownerName(300 + i),
          emergencyMobile: mobile(700 + i),
          birthday: `${1968 + (i % 25)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + ((i * 7) % 28)).padStart(2, '0')}`,
        }));
      case 'keys': {
        const d = mi.getMoveIn(c, id);
        return mi.keys(c, KeysInputSchema.parse({ id, keys: d.keyTemplate.filter((k) => k.count > 0), signature: { mode: 'paper' } }));
      }
      case 'inspection': {
        const d = mi.getMoveIn(c, id);
        const date = dateOf(c);
        return mi.inspect(c, InspectInputSchema.parse({
          id,
          date,
          engineeringBy: i % 2 ? '工程部 刘工' : '工程部 陈工',
          items: d.inspectionTemplate.map((t) => {
            const x = defects.find((f) => f.area === t.area && f.item === t.item);
            return x
              ? { area: t.area, item: t.item, result: 'defective', note: x.note, critical: x.critical ?? false, ownerOpinion: x.opinion ?? '同意整改后复验', dueDate: x.dueIn === undefined ? null : addCalendarDays(date, x.dueIn) }
              : { area: t.area, item: t.item, result: 'ok' };
          }),
          meters: base.settings().moveInMeters.map((kind, k) => ({ kind, reading: k === 1 ? 12 + (i % 30) : k === 0 ? 3.5 + (i % 7) : 0.8 })),
        }));
      }
      default:
        throw new Error(`demo: step ${s} is not taken by through()`);
    }
  };
  const DESK: MoveInStep[] = ['identity', 'fees', 'copies', 'archive', 'keys', 'inspection'];
  const TIMES = ['09:00', '09:10', '09:30', '09:45', '10:05', '10:20', '14:30'];
  /** A move-in started `ago` days ago at the desk and taken through every step before `next` (the inspection on `inspectAgo`). */
  const through = (ago: number, n: Notice, i: number, next: MoveInStep, o: { defects?: Defect[]; inspectAgo?: number; hour?: number } = {}) => {
    const t = (k: number) => (o.hour === undefined ? TIMES[k] : `${String(o.hour).padStart(2, '0')}:${String(k * 6).padStart(2, '0')}`);
    const id = create(at(ago, t(0)), n);
    for (const [k, s] of DESK.entries()) {
      if (s === next) break;
      step(s === 'inspection' ? at(o.inspectAgo ?? ago, t(6)) : at(ago, t(k + 1)), s, id, n, i, o.defects ?? []);
    }
    return id;
  };
  const handOver = (ago: number, id: string, o: { accepted?: boolean; note?: string | null } = {}) => {
    const c = at(ago, '15:30');
    return mi.handover(c, HandoverInputSchema.parse({ id, outcome: 'handed_over', date: dateOf(c), note: o.note ?? null, defectsAcceptedInWriting: o.accepted ?? false }));
  };
  const notHanded = (ago: number, id: string, reason: NotHandedOverReason, note: string) => {
    const c = at(ago, '16:00');
    return mi.handover(c, HandoverInputSchema.parse({ id, outcome: 'not_handed_over', date: dateOf(c), reason, note }));
  };
  /** The record's rectification item of `area.item`. */
  const rect = (id: string, what: string) => mi.getMoveIn(base, id).rectifications.find((r) => `${r.area}.${r.item}` === what)!.id;
  const fixed = (ago: number, id: string, what: string, note: string) => mi.rectFixed(at(ago, '11:00'), { itemId: rect(id, what), note });
  const accepted = (ago: number, id: string, what: string) => mi.rectAccepted(at(ago, '16:30'), { itemId: rect(id, what), note: '业主现场确认' });

  const N = firstNotices;
  // Handed over 38 days ago, nothing to put right.
  const h1 = through(38, N[0], 0, 'handover');
  handOver(38, h1);
  // Two defects, both fixed by engineering and accepted by the owner.
  const h2 = through(35, N[1], 1, 'handover', {
    defects: [
      { area: 'kitchen', item: 'walls', note: '厨房墙砖空鼓两块' },
      { area: 'bedroom', item: 'windows', note: '主卧窗扇关闭不严' },
    ],
  });
  handOver(35, h2);
  fixed(28, h2, 'kitchen.walls', '已重新铺贴');
  accepted(25, h2, 'kitchen.walls');
  fixed(12, h2, 'bedroom.windows', '已调整合页、更换密封条');
  accepted(9, h2, 'bedroom.windows');
  // Started, then voided by the supervisor (the owner's papers were not complete); begun again three days ago (below).
  const voided = through(33, N[2], 2, 'fees');
  mi.voidMoveIn(at(32, '09:30'), { id: voided, reason: '业主委托书不全，作废后重新办理' });
  // One item overdue at engineering, one fixed and waiting for the owner.
  const h3 = through(30, N[3], 3, 'handover', {
    defects: [
      { area: 'bathroom', item: 'plumbing', note: '卫生间地漏排水缓慢' },
      { area: 'living', item: 'floor', note: '客厅地面有划痕' },
    ],
  });
  handOver(30, h3);
  fixed(2, h3, 'living.floor', '已打磨修补');
  // A critical leak the owner accepted in writing to take the keys; engineering is late with it.
  const h4 = through(25, N[4], 4, 'handover', {
    defects: [
      { area: 'balcony', item: 'plumbing', note: '阳台立管接口渗水', critical: true, opinion: '同意先收房，限期整改', dueIn: 7 },
      { area: 'entrance', item: 'door', note: '入户门漆面磕碰' },
    ],
  });
  handOver(25, h4, { accepted: true, note: '业主书面确认接受阳台渗水待整改' });
  fixed(20, h4, 'entrance.door', '已补漆');
  accepted(18, h4, 'entrance.door');
  // Not handed over: the owner refused (disputes the defects), a critical defect, the fees not paid.
  const n1 = through(22, N[5], 5, 'handover', { defects: [{ area: 'living', item: 'walls', note: '客厅墙面裂缝', opinion: '不同意收房，要求整改后再验' }] });
  notHanded(22, n1, 'owner_refused', '业主对墙面裂缝有异议，拒绝收房');
  const n2 = through(18, N[6], 6, 'handover', { defects: [{ area: 'kitchen', item: 'electrics', note: '厨房插座无电', critical: true, opinion: '整改后再收房', dueIn: 7 }] });
  notHanded(18, n2, 'defects', '厨房无电，待工程部整改后复验');
  // Handed over 12 days ago, one item open and not due yet.
  const h5 = through(12, N[7], 7, 'handover', { defects: [{ area: 'bedroom', item: 'ceiling', note: '次卧天花有水渍' }] });
  handOver(12, h5);
  const n3 = through(8, N[8], 8, 'fees');
  notHanded(8, n3, 'fees', '业主暂未缴纳物业费，约定下周再来办理');
  const h6 = through(6, N[9], 9, 'handover');
  handOver(6, h6);
  // Handed over yesterday, the developer paying the first month (the fee changed with the reason, before the cashier).
  const h7 = through(1, N[10], 10, 'fees');
  const fee = mi.getMoveIn(base, h7).fees;
  if (fee.computedFen !== null && fee.months > 0)
    mi.overrideFee(at(1, '09:20'), FeeOverrideInputSchema.parse({ id: h7, propertyFeeFen: fee.computedFen - Math.round(fee.computedFen / fee.months), reason: '开发商承担首月物业费（见开发商函）' }));
  for (const [k, s] of DESK.slice(1).entries()) step(at(1, ['09:30', '09:45', '10:05', '10:20', '14:30'][k]), s, h7, N[10], 10, []);
  handOver(1, h7);
  // Open at each step: inspected yesterday (one defect), waiting for the inspection, the keys, the archive, the copies, the cashier, the ID check.
  through(2, N[11], 11, 'handover', { defects: [{ area: 'bathroom', item: 'door', note: '卫生间门锁松动' }], inspectAgo: 1 });
  through(3, N[2], 2, 'inspection');
  through(2, N[12], 12, 'keys', { hour: 14 });
  through(1, N[13], 13, 'archive', { hour: 14 });
  through(1, N[14], 14, 'copies', { hour: 16 });
  through(0, N[15], 15, 'fees', { hour: 9 });
  through(0, secondNotices[0], first.length, 'identity', { hour: 10 });

  // ---- moving in (入住), in date order: owners and a tenant, the notices' receipts ----
  const ownerOfRecord = (id: string) => mi.getMoveIn(base, id).owners[0];
  const receipts = (id: string, got: [NoticeDepartment, number][]) => {
    const by: Record<NoticeDepartment, string> = { security: '保安部 王队', engineering: '工程部 刘工', cashier: '收银 林芳' };
    for (const [department, ago] of got) mi.movingInReceipt(at(ago, department === 'security' ? '10:40' : department === 'engineering' ? '14:10' : '16:20'), MovingInReceiptInputSchema.parse({ id, department, receivedBy: by[department] }));
  };
  const ownerMovesIn = (unitId: string, personId: string, ago: number) => {
    const c = at(ago, '10:00');
    return mi.createMovingIn(c, MovingInCreateSchema.parse({ unitId, occupant: 'owner', date: dateOf(c), personId, note: null })).id;
  };
  const tenantMovesIn = (unitId: string, owner: { name: string }, ago: number, tenant: { name: string; phone: string }, ownerPhone: string) => {
    const c = at(ago, '10:00');
    const date = dateOf(c);
    return mi.createMovingIn(c, MovingInCreateSchema.parse({
      unitId,
      occupant: 'tenant',
      date,
      tenant: { kind: 'person', name: tenant.name, phone: tenant.phone, phone2: null, idType: null, idNumber: null, contactPerson: null, emergencyName: null, emergencyPhone: null, birthday: null, note: null },
      ownerConfirmation: { contactName: owner.name, contactPhone: ownerPhone, calledAt: at(ago, '09:40').nowIso(), answer: 'agreed', note: '业主同意出租，租期一年' },
      pledgeSigned: true,
      leaseFrom: date,
      leaseTo: addCalendarDays(addCalendarDays(date, 365), -1),
      note: null,
    })).id;
  };
  const r1 = ownerMovesIn(N[0].unitId, ownerOfRecord(h1).personId, 20);
  receipts(r1, [['security', 20], ['engineering', 19], ['cashier', 19]]);
  const r2 = tenantMovesIn(N[3].unitId, ownerOfRecord(h3), 10, { name: '邓子豪', phone: '13826651234' }, N[3].phone ?? mobile(3));
  receipts(r2, [['security', 10]]);
  const r3 = ownerMovesIn(N[4].unitId, ownerOfRecord(h4).personId, 5);
  receipts(r3, [['security', 5], ['engineering', 4]]);
  // Elsewhere on the site: an owner moving into a home handed over long ago and left empty.
  const home = q(db, `SELECT u.id AS unitId, l.person_id AS personId FROM units u
                        JOIN unit_people l ON l.unit_id = u.id AND l.relation = 'owner' AND l.end_date IS NULL AND l.voided_at IS NULL
                       WHERE u.voided_at IS NULL AND u.use = 'residential' AND u.state = 'vacant'
                         AND NOT EXISTS (SELECT 1 FROM occupancy_history h WHERE h.unit_id = u.id AND h.effective_date > ?)
                         AND NOT EXISTS (SELECT 1 FROM decorations d WHERE d.unit_id = u.id)
                         AND NOT EXISTS (SELECT 1 FROM move_ins m WHERE m.unit_id = u.id)
                       ORDER BY u.code_key DESC, u.code LIMIT 1`).get<{ unitId: string; personId: string }>(addCalendarDays(today, -200));
  if (home) receipts(ownerMovesIn(home.unitId, home.personId, 4), [['security', 4], ['engineering', 3]]);
  // A tenant recorded on the wrong unit, voided the next day.
  const wrong = tenantMovesIn(N[7].unitId, ownerOfRecord(h5), 3, { name: '韦佳琪', phone: '13922214567' }, N[7].phone ?? mobile(7));
  mi.voidMovingIn(at(2, '09:15'), { id: wrong, reason: '录错房号，租户实际入住另一单元' });
  ownerMovesIn(N[9].unitId, ownerOfRecord(h6).personId, 2);
  return made;
}

/** The caller if they may take every step (the cashier's and the supervisor's too); else the site's first manager (the CLI seeds as nobody). */
function managerOf(ctx: ServiceCtx): SessionUser | null {
  if (ctx.user && can(ctx.user.role, 'move-in.fees') && can(ctx.user.role, 'move-in.void')) return ctx.user;
  return q(ctx.db, "SELECT id, username, display_name AS displayName, role FROM users WHERE role = 'manager' AND active = 1 ORDER BY created_at LIMIT 1").get<SessionUser>() ?? null;
}
