/**
 * Move-in (入伙) and moving in (入住) at the bench site (issue 11), seeded with prepared INSERTs shaped like the
 * rows electron/workflows/move-in/service.ts writes (db/migrations/0150_move_in.sql), in one transaction.
 *
 * Five years of handovers: each building's notices came in a batch and its owners' move-ins were handed over
 * (a few voided, their rectification items nearly all accepted long since, a few left open); then a phase of
 * 2,000 units is being handed over now, its batch of 2,000 notices imported two months ago: move-ins handed
 * over, not handed over (each reason), open at every step and voided, and notices still waiting. Each record
 * has its steps (move_in_steps), its owner, its timeline (record_events); the inspected ones their items from
 * their own template (of a length that makes MOVE_IN_SITE.items exactly) and MOVE_IN_SITE.rects of those items
 * defective, as rectification items. Moving-ins (入住) of handed-over units, with their departments' receipts.
 *
 * The units' master data is not touched (the batch's units keep their state, the moving-ins write no dated
 * history, no audit rows are written): nothing measured here reads them, and the other sections see the site
 * as it was.
 */
import type { Db } from '../../db/connection';
import { createIds } from '../../electron/host/ids';
import { formatRecordNumber } from '../../shared/kernel/record-number';
import type { UnitUse } from '../../shared/master/enums';
import { MOVE_IN_STEPS, NOT_HANDED_OVER_REASONS, NOTICE_DEPARTMENTS, occupancyOf, prepaidFee, revolvingDeposit, type MoveInStep, type MoveInState } from '../../shared/workflows/move-in/rules';
import type { DEFAULT_MOVE_IN_SETTINGS } from '../../shared/workflows/move-in/settings';
import { rng } from './stats';

export const MOVE_IN_SITE = {
  moveIns: 20_000,
  items: 200_000,
  rects: 30_000,
  /** The phase being handed over now: one batch of notices for this many units. */
  batchUnits: 2_000,
  /** Of which have a move-in record (the rest are still waiting). */
  batchMoveIns: 1_700,
  movingIns: 5_000,
} as const;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const BJ = 8 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();
const siteDate = (ms: number) => new Date(ms + BJ).toISOString().slice(0, 10);
const siteYear = (ms: number) => new Date(ms + BJ).getUTCFullYear();
const dayStart = (date: string) => Date.parse(`${date}T00:00:00+08:00`);
const officeAt = (date: string, f: number) => dayStart(date) + (8.5 + f * 9.5) * HOUR;

type Settings = typeof DEFAULT_MOVE_IN_SETTINGS;
export interface MoveInSeedOptions {
  now: number;
  years: number;
  clerks: string[];
  cashier: string;
  supervisor: string;
  settings: Settings;
}
export interface MoveInSeedCounts {
  moveIns: number;
  byState: Record<string, number>;
  notices: number;
  batches: number;
  steps: number;
  items: number;
  rects: number;
  movingIns: number;
  receipts: number;
  events: number;
  /** The batch of the phase being handed over. */
  batchId: string;
}

interface UnitRef {
  id: string;
  code: string;
  building_id: string;
  use: UnitUse;
  area_m2: number;
  owner_id: string;
  owner_name: string;
  owner_phone: string | null;
  tenant_link: string | null;
  tenant_id: string | null;
  tenant_start: string | null;
}

interface Plan {
  unit: UnitRef;
  createdAt: number;
  state: MoveInState;
  /** Steps done, in order, each with its moment. */
  steps: { step: MoveInStep; at: number }[];
  reason: (typeof NOT_HANDED_OVER_REASONS)[number] | null;
  voidAt: number | null;
  batch: number;
  noticeDate: string;
  items: number;
  rects: number;
  historic: boolean;
}

const DEFECTS = ['墙面空鼓', '地面划痕', '窗扇关闭不严', '门锁松动', '地漏排水缓慢', '插座无电', '天花水渍', '瓷砖破损', '阳台立管渗水', '门框磕碰'];
const OPINIONS = ['同意整改后复验', '要求限期整改', '同意先收房，限期整改'];

/** Spreads `total` over the records by weight 1 each: the first `total % n` get one more. */
const spread = (n: number, total: number) => (k: number) => Math.floor(total / n) + (k < total % n ? 1 : 0);

export function seedMoveIns(db: Db, o: MoveInSeedOptions): MoveInSeedCounts {
  const S = MOVE_IN_SITE;
  const now = o.now;
  const start = now - o.years * 365 * DAY;
  const next = rng(0x11a0);
  const units = db
    .prepare(
      `SELECT u.id, u.code, u.building_id, u.use, u.area_m2, p.id AS owner_id, p.name AS owner_name, p.phone AS owner_phone,
              (SELECT t.id FROM unit_people t WHERE t.unit_id = u.id AND t.relation = 'tenant' AND t.voided_at IS NULL ORDER BY t.start_date DESC LIMIT 1) AS tenant_link,
              (SELECT t.person_id FROM unit_people t WHERE t.unit_id = u.id AND t.relation = 'tenant' AND t.voided_at IS NULL ORDER BY t.start_date DESC LIMIT 1) AS tenant_id,
              (SELECT t.start_date FROM unit_people t WHERE t.unit_id = u.id AND t.relation = 'tenant' AND t.voided_at IS NULL ORDER BY t.start_date DESC LIMIT 1) AS tenant_start
         FROM units u JOIN unit_people l ON l.unit_id = u.id AND l.relation = 'owner' AND l.voided_at IS NULL AND l.end_date IS NULL
         JOIN people p ON p.id = l.person_id
        WHERE u.voided_at IS NULL AND u.area_m2 IS NOT NULL GROUP BY u.id ORDER BY u.code_key, u.code`,
    )
    .all() as UnitRef[];
  const historic = S.moveIns - S.batchMoveIns;
  const residential = units.filter((u) => u.use === 'residential');
  if (residential.length < S.batchUnits || units.length < historic + S.batchUnits) throw new Error(`only ${units.length} units with an owner and an area for ${S.moveIns} move-ins`);
  // The phase being handed over: the last 2,000 homes in code order (whole towers and the end of one).
  const batchUnits = residential.slice(-S.batchUnits);
  const inBatch = new Set(batchUnits.map((u) => u.id));
  const others = units.filter((u) => !inBatch.has(u.id));
  let stride = Math.floor(others.length * 0.618) | 1;
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  while (gcd(stride, others.length) !== 1) stride += 2;
  const oldUnits = Array.from({ length: historic }, (_, k) => others[(k * stride) % others.length]);
  // Each building's handover went by in its own weeks: buildings in the order of their first unit.
  const buildings = [...new Set(oldUnits.map((u) => u.building_id))];
  const bIndex = new Map(buildings.map((b, i) => [b, i]));
  const span = now - 150 * DAY - start;

  const plans: Plan[] = [];
  const through = (createdAt: number, upTo: number, gaps: () => number) => {
    const out: { step: MoveInStep; at: number }[] = [];
    let t = createdAt;
    for (let i = 0; i < upTo; i++) {
      t += gaps();
      out.push({ step: MOVE_IN_STEPS[i], at: Math.min(t, now - MIN) });
    }
    return out;
  };
  // Old handovers: a building's owners came in the weeks after its notices.
  for (const u of oldUnits) {
    const b = bIndex.get(u.building_id)!;
    const wave = start + (b / Math.max(1, buildings.length)) * span;
    const createdAt = officeAt(siteDate(wave + next() * 60 * DAY), next() * 0.7);
    const voided = next() < 0.01;
    plans.push({
      unit: u, createdAt, state: voided ? 'voided' : 'handed_over', reason: null, batch: b, noticeDate: siteDate(wave), historic: true,
      steps: voided ? through(createdAt, 1, () => 5 * MIN) : through(createdAt, 8, () => (4 + next() * 15) * MIN),
      voidAt: voided ? createdAt + 2 * HOUR : null, items: 0, rects: 0,
    });
  }
  // The phase under way: notices two months ago, owners coming since; the latest still at the first steps.
  const batchAt = now - 60 * DAY;
  const batchNo = buildings.length;
  for (let k = 0; k < S.batchMoveIns; k++) {
    const u = batchUnits[k];
    const createdAt = Math.min(now - 30 * MIN, officeAt(siteDate(batchAt + 5 * DAY + ((k + 0.5) / S.batchMoveIns) * 55 * DAY), next() * 0.6));
    const r = next();
    const gaps = () => (4 + next() * 15) * MIN;
    let p: Pick<Plan, 'state' | 'steps' | 'reason' | 'voidAt'>;
    if (r < 0.55) p = { state: 'handed_over', steps: through(createdAt, 8, gaps), reason: null, voidAt: null };
    else if (r < 0.65) {
      const reason = NOT_HANDED_OVER_REASONS[k % 3];
      p = { state: 'not_handed_over', steps: through(createdAt, reason === 'fees' ? 1 : 6, gaps), reason, voidAt: null };
    } else if (r < 0.985) p = { state: 'open', steps: through(createdAt, Math.floor(next() * 7), gaps), reason: null, voidAt: null };
    else p = { state: 'voided', steps: through(createdAt, 1, gaps), reason: null, voidAt: createdAt + HOUR };
    plans.push({ unit: u, createdAt, ...p, batch: batchNo, noticeDate: siteDate(batchAt + Math.floor(next() * 58) * DAY), historic: false, items: 0, rects: 0 });
  }
  const inspected = plans.filter((p) => p.steps.some((s) => s.step === 'inspection'));
  const itemShare = spread(inspected.length, S.items);
  const rectShare = spread(inspected.length, S.rects);
  inspected.forEach((p, k) => {
    p.items = itemShare(k);
    p.rects = rectShare((k * 7919) % inspected.length);
  });
  const template = o.settings.moveInInspectionTemplate;
  if (Math.max(...inspected.map((p) => p.items)) > template.length) throw new Error('more inspection items a record than the template has');
  plans.sort((a, b) => a.createdAt - b.createdAt);

  let clockMs = start;
  const newId = createIds(() => clockMs);
  const ins = {
    batch: db.prepare("INSERT INTO move_in_batches (id, name, file_name, state, preview, valid, invalid, created_by, created_at, committed_at) VALUES (?, ?, ?, 'committed', NULL, ?, 0, ?, ?, ?)"),
    notice: db.prepare('INSERT INTO move_in_notices (id, batch_id, line, unit_id, owner_name, phone, notice_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    moveIn: db.prepare(`INSERT INTO move_ins (id, number, state, unit_id, unit_code, building_id, unit_use, area_m2, notice_id, notice_date, next_step, fee_rate_fen, fee_months,
        fee_computed_fen, fee_property_fen, deposit_kind, deposit_fen, fee_receipt, fee_confirmed_at, fee_confirmed_by, copies, bank_agreement, fire_safety_agreement,
        document_receipt, key_template, keys, keys_signed_mode, inspection_template, inspection_date, inspection_by, meters, handover_date, not_handed_over_reason,
        handover_note, defects_accepted, void_reason, created_by, created_at, updated_at)
      VALUES (@id, @number, @state, @unit_id, @unit_code, @building_id, @unit_use, @area_m2, @notice_id, @notice_date, @next_step, @fee_rate_fen, @fee_months,
        @fee_computed_fen, @fee_property_fen, @deposit_kind, @deposit_fen, @fee_receipt, @fee_confirmed_at, @fee_confirmed_by, @copies, @bank_agreement, @fire_safety_agreement,
        @document_receipt, @key_template, @keys, @keys_signed_mode, @inspection_template, @inspection_date, @inspection_by, @meters, @handover_date, @not_handed_over_reason,
        @handover_note, @defects_accepted, @void_reason, @created_by, @created_at, @updated_at)`),
    owner: db.prepare('INSERT INTO move_in_owners (move_in_id, person_id, seq) VALUES (?, ?, 0)'),
    step: db.prepare('INSERT INTO move_in_steps (move_in_id, step, by_user, at, detail) VALUES (?, ?, ?, ?, ?)'),
    item: db.prepare('INSERT INTO move_in_inspection_items (id, move_in_id, seq, area, item, result, note, critical) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    rect: db.prepare(`INSERT INTO move_in_rectifications (id, move_in_id, inspection_item_id, description, critical, owner_opinion, assigned_to, due_date, state, fixed_at, fixed_by, fixed_note,
        accepted_at, accepted_by, reopened, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'engineering', ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`),
    event: db.prepare("INSERT INTO record_events (id, kind, record_id, at, user_id, action, detail) VALUES (?, ?, ?, ?, ?, ?, ?)"),
    moving: db.prepare(`INSERT INTO moving_ins (id, number, state, unit_id, unit_code, occupant, person_id, on_date, occupancy, prior_state, tenancy_link_id, owner_contact, owner_phone,
        owner_called_at, owner_answer, owner_note, pledge_signed, lease_from, lease_to, note, void_reason, created_by, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'vacant', ?, ?, ?, ?, ?, NULL, ?, ?, ?, NULL, ?, ?, ?, ?)`),
    accepted: db.prepare('UPDATE move_ins SET defects_accepted = 1 WHERE id = ?'),
    receipt: db.prepare('INSERT INTO moving_in_receipts (moving_in_id, department, received_by, by_user, at) VALUES (?, ?, ?, ?, ?)'),
  };
  const setSeq = db.prepare('INSERT INTO sequences (prefix, year, value) VALUES (?, ?, ?) ON CONFLICT (prefix, year) DO UPDATE SET value = max(value, excluded.value)');
  const counts: MoveInSeedCounts = { moveIns: 0, byState: {}, notices: 0, batches: 0, steps: 0, items: 0, rects: 0, movingIns: 0, receipts: 0, events: 0, batchId: '' };
  const seqs = new Map<string, number>();
  const numberOf = (prefix: string, at: number) => {
    const key = `${prefix}|${siteYear(at)}`;
    const v = (seqs.get(key) ?? 0) + 1;
    seqs.set(key, v);
    return formatRecordNumber(prefix, siteYear(at), v);
  };
  const clerk = (k: number) => o.clerks[k % o.clerks.length];
  const event = (kind: string, id: string, at: number, user: string, action: string, detail: unknown) => {
    clockMs = at;
    ins.event.run(newId(), kind, id, iso(at), user, action, JSON.stringify(detail));
    counts.events++;
  };

  db.transaction(() => {
    // The batches: one a building for the old handovers, then the phase under way (2,000 notices).
    const batchIds: string[] = [];
    const lines = new Map<number, number>();
    const firstOf = new Map<number, Plan>();
    const sizeOf = new Map<number, number>();
    for (const p of plans) {
      if (!firstOf.has(p.batch)) firstOf.set(p.batch, p);
      sizeOf.set(p.batch, (sizeOf.get(p.batch) ?? 0) + 1);
    }
    for (let b = 0; b <= batchNo; b++) {
      const first = b < batchNo ? firstOf.get(b) : undefined;
      const at = b < batchNo ? dayStart(first?.noticeDate ?? siteDate(start)) - 10 * DAY + 10 * HOUR : batchAt;
      clockMs = at;
      const id = newId();
      const valid = b < batchNo ? (sizeOf.get(b) ?? 0) : S.batchUnits;
      ins.batch.run(id, b < batchNo ? `第${b + 1}批入伙通知` : '二期入伙通知（2,000户）', b < batchNo ? `入伙通知书-${b + 1}.xlsx` : '二期入伙通知书.xlsx', valid, clerk(b), iso(at), iso(at + 20 * MIN));
      batchIds.push(id);
      counts.batches++;
    }
    counts.batchId = batchIds[batchNo];
    const noticeIds = new Map<string, string>();
    const addNotice = (b: number, u: UnitRef, date: string) => {
      const line = (lines.get(b) ?? 1) + 1;
      lines.set(b, line);
      const id = newId();
      ins.notice.run(id, batchIds[b], line, u.id, u.owner_name, u.owner_phone, date, iso(clockMs));
      noticeIds.set(u.id, id);
      counts.notices++;
      return id;
    };
    for (const p of plans) if (p.historic) {
      clockMs = dayStart(p.noticeDate);
      addNotice(p.batch, p.unit, p.noticeDate);
    }
    clockMs = batchAt;
    const planned = new Map(plans.filter((p) => !p.historic).map((p) => [p.unit.id, p.noticeDate]));
    for (const [k, u] of batchUnits.entries()) addNotice(batchNo, u, planned.get(u.id) ?? siteDate(batchAt + (k % 58) * DAY));

    for (const [k, p] of plans.entries()) {
      clockMs = p.createdAt;
      const id = newId();
      const u = p.unit;
      const number = numberOf(o.settings.moveInPrefix, p.createdAt);
      const done = new Set(p.steps.map((s) => s.step));
      const at = (s: MoveInStep) => p.steps.find((x) => x.step === s)?.at ?? null;
      const rate = o.settings.moveInFeeRates[u.use];
      const months = o.settings.moveInPrepaidMonths;
      const fee = done.has('identity') ? prepaidFee({ rateFen: rate, areaM2: u.area_m2, months }) : null;
      const deposit = revolvingDeposit(o.settings.moveInDeposits[u.use]);
      const keys = JSON.stringify(o.settings.moveInKeyTemplates[u.use]);
      const tpl = template.slice(0, p.items || template.length);
      const inspectedAt = at('inspection');
      const inspectionDate = inspectedAt === null ? null : siteDate(inspectedAt);
      const handedAt = at('handover');
      const nextStep = p.state === 'handed_over' ? null : (MOVE_IN_STEPS.find((s) => !done.has(s)) ?? null);
      const by = clerk(k);
      // Rectification items first (planned), to know whether critical ones were accepted in writing.
      const defective = new Set<number>();
      for (let j = 0; defective.size < p.rects && j < 1000; j++) defective.add((j * 7 + k) % p.items);
      const last = Math.max(p.createdAt, ...p.steps.map((s) => s.at), p.voidAt ?? 0);
      ins.moveIn.run({
        id, number, state: p.state, unit_id: u.id, unit_code: u.code, building_id: u.building_id, unit_use: u.use, area_m2: u.area_m2,
        notice_id: noticeIds.get(u.id) ?? null, notice_date: p.noticeDate, next_step: nextStep,
        fee_rate_fen: rate, fee_months: months, fee_computed_fen: fee, fee_property_fen: fee, deposit_kind: deposit.kind, deposit_fen: deposit.fen,
        fee_receipt: done.has('fees') ? `SK-${number.slice(-6)}` : null, fee_confirmed_at: done.has('fees') ? iso(at('fees')!) : null, fee_confirmed_by: done.has('fees') ? o.cashier : null,
        copies: done.has('copies') ? '["id_card","bank_card"]' : null, bank_agreement: done.has('archive') ? (k % 5 ? 1 : 0) : null,
        fire_safety_agreement: done.has('archive') ? 1 : null, document_receipt: done.has('archive') ? 1 : null,
        key_template: keys, keys: done.has('keys') ? keys : null, keys_signed_mode: done.has('keys') ? 'paper' : null,
        inspection_template: JSON.stringify(tpl), inspection_date: inspectionDate, inspection_by: inspectionDate ? '工程部 刘工' : null,
        meters: inspectionDate ? '[{"kind":"water","reading":3.5},{"kind":"electricity","reading":12},{"kind":"gas","reading":0.8}]' : null,
        handover_date: handedAt === null ? null : siteDate(handedAt), not_handed_over_reason: p.reason,
        handover_note: p.reason ? '业主暂不收房' : null, defects_accepted: 0, void_reason: p.voidAt ? '重复登记，作废' : null,
        created_by: by, created_at: iso(p.createdAt), updated_at: iso(last),
      });
      counts.moveIns++;
      counts.byState[p.state] = (counts.byState[p.state] ?? 0) + 1;
      ins.owner.run(id, u.owner_id);
      event('move-in', id, p.createdAt, by, 'create', { unit: u.code, notice: noticeIds.get(u.id) ?? null, owners: 1 });
      for (const s of p.steps) {
        const user = s.step === 'fees' ? o.cashier : by;
        ins.step.run(id, s.step, user, iso(s.at), '{}');
        counts.steps++;
        event('move-in', id, s.at, user, s.step, {});
      }
      if (p.voidAt) event('move-in', id, p.voidAt, o.supervisor, 'void', { reason: '重复登记，作废' });
      if (p.reason) event('move-in', id, Math.max(...p.steps.map((s) => s.at)) + 10 * MIN, by, 'not-handed-over', { reason: p.reason });
      if (inspectedAt === null) continue;
      let openCritical = 0;
      for (let j = 0; j < p.items; j++) {
        const itemId = newId();
        const bad = defective.has(j);
        const critical = bad && next() < 0.06 ? 1 : 0;
        ins.item.run(itemId, id, j + 1, tpl[j].area, tpl[j].item, bad ? 'defective' : 'ok', bad ? DEFECTS[(j + k) % DEFECTS.length] : null, critical);
        counts.items++;
        if (!bad) continue;
        const due = siteDate(dayStart(inspectionDate!) + o.settings.moveInRectificationDays * DAY);
        // Old ones were nearly all put right and accepted; the phase under way has them at every state (many overdue).
        const r = next();
        const state = p.historic ? (r < 0.96 ? 'accepted' : r < 0.98 ? 'fixed' : 'open') : r < 0.45 ? 'open' : r < 0.7 ? 'fixed' : 'accepted';
        const fixedAt = state === 'open' ? null : Math.min(now - 2 * HOUR, inspectedAt + (1 + next() * 20) * DAY);
        const acceptedAt = state === 'accepted' ? Math.min(now - HOUR, fixedAt! + (1 + next() * 5) * DAY) : null;
        if (critical && state !== 'accepted') openCritical++;
        ins.rect.run(newId(), id, itemId, DEFECTS[(j + k) % DEFECTS.length], critical, OPINIONS[j % OPINIONS.length], due, state,
          fixedAt === null ? null : iso(fixedAt), fixedAt === null ? null : clerk(k + 1), fixedAt === null ? null : '已整改',
          acceptedAt === null ? null : iso(acceptedAt), acceptedAt === null ? null : by, iso(inspectedAt), iso(acceptedAt ?? fixedAt ?? inspectedAt));
        counts.rects++;
      }
      if (openCritical && p.state === 'handed_over') ins.accepted.run(id);
    }

    // Moving in: owners and tenants of old handovers, most notices received by all three departments.
    const handed = plans.filter((p) => p.historic && p.state === 'handed_over');
    const movers = Array.from({ length: Math.min(S.movingIns, handed.length) }, (_, k) => handed[Math.floor((k * handed.length) / S.movingIns)]);
    const moves = movers.map((p) => {
      const h = dayStart(siteDate(p.steps[6].at));
      const tenant = !!p.unit.tenant_link && !!p.unit.tenant_start && dayStart(p.unit.tenant_start) >= h;
      const on = tenant ? p.unit.tenant_start! : siteDate(Math.min(h + Math.floor(next() * 120) * DAY, dayStart(siteDate(now)) - DAY));
      return { p, tenant, on, at: Math.min(now - HOUR, officeAt(on, next() * 0.5)) };
    });
    moves.sort((a, b) => a.at - b.at);
    for (const [k, m] of moves.entries()) {
      clockMs = m.at;
      const id = newId();
      const u = m.p.unit;
      const number = numberOf(o.settings.movingInPrefix, m.at);
      const recent = m.at > now - 30 * DAY;
      const voided = !recent && k % 50 === 7;
      const got = voided ? 0 : recent ? k % 3 : 3;
      const state = voided ? 'voided' : got === 3 ? 'received' : 'notified';
      const by = clerk(k);
      ins.moving.run(
        id, number, state, u.id, u.code, m.tenant ? 'tenant' : 'owner', m.tenant ? u.tenant_id : u.owner_id, m.on, occupancyOf(u.use, m.tenant ? 'tenant' : 'owner'),
        m.tenant ? u.tenant_link : null, m.tenant ? u.owner_name : null, m.tenant ? (u.owner_phone ?? '13800138000') : null, m.tenant ? iso(m.at - 30 * MIN) : null,
        m.tenant ? 'agreed' : null, m.tenant ? 1 : 0, m.tenant ? m.on : null, m.tenant ? siteDate(dayStart(m.on) + 364 * DAY) : null,
        voided ? '录错房号' : null, by, iso(m.at), iso(m.at),
      );
      counts.movingIns++;
      event('moving-in', id, m.at, by, 'create', { unit: u.code, occupant: m.tenant ? 'tenant' : 'owner', date: m.on });
      for (const [j, department] of NOTICE_DEPARTMENTS.slice(0, got).entries()) {
        const at = Math.min(now - MIN, m.at + (j + 1) * 3 * HOUR);
        ins.receipt.run(id, department, department === 'security' ? '保安部 王队' : department === 'engineering' ? '工程部 刘工' : '收银 林芳', by, iso(at));
        counts.receipts++;
        event('moving-in', id, at, by, 'receipt', { department });
      }
      if (voided) event('moving-in', id, m.at + DAY, o.supervisor, 'void', { reason: '录错房号' });
    }
    for (const [key, value] of seqs) {
      const [prefix, year] = key.split('|');
      setSeq.run(prefix, Number(year), value);
    }
  })();
  return counts;
}
