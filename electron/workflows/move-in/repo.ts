/** Move-in's SQL (prepared statements, bound parameters), rows as stored; ./service.ts maps them out. */
import type { Db } from '../../../db/connection';
import { q } from '../../../db/statements';
import type { UnitUse } from '../../../shared/master/enums';
import { MOVE_IN_STEPS, type MoveInState, type MoveInStep, type MovingInState, type NoticeDepartment, type Occupant, type OwnerAnswer, type RectificationState } from '../../../shared/workflows/move-in/rules';

export interface MoveInDb {
  id: string;
  number: string;
  state: MoveInState;
  unit_id: string;
  unit_code: string;
  building_id: string;
  unit_use: UnitUse;
  area_m2: number | null;
  notice_id: string | null;
  notice_date: string | null;
  next_step: string | null;
  fee_rate_fen: number;
  fee_months: number;
  fee_computed_fen: number | null;
  fee_property_fen: number | null;
  fee_override_reason: string | null;
  deposit_kind: 'none' | 'electricity' | 'water';
  deposit_fen: number;
  fee_receipt: string | null;
  fee_confirmed_at: string | null;
  fee_confirmed_by: string | null;
  copies: string | null;
  copies_note: string | null;
  bank_agreement: number | null;
  fire_safety_agreement: number | null;
  document_receipt: number | null;
  key_template: string;
  keys: string | null;
  keys_signed_mode: 'screen' | 'paper' | null;
  keys_signature: string | null;
  inspection_template: string;
  inspection_date: string | null;
  inspection_by: string | null;
  meters: string | null;
  handover_date: string | null;
  not_handed_over_reason: 'owner_refused' | 'defects' | 'fees' | null;
  handover_note: string | null;
  defects_accepted: number;
  print_count: number;
  void_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export const byId = (db: Db, id: string) => q(db, 'SELECT * FROM move_ins WHERE id = ?').get<MoveInDb>(id);
export const byNumber = (db: Db, number: string) => q(db, 'SELECT * FROM move_ins WHERE number = ?').get<MoveInDb>(number);
export const liveOfUnit = (db: Db, unitId: string) =>
  q(db, "SELECT * FROM move_ins WHERE unit_id = ? AND state IN ('open', 'not_handed_over', 'handed_over') ORDER BY created_at DESC LIMIT 1").get<MoveInDb>(unitId);

export function insert(db: Db, r: Partial<MoveInDb> & Pick<MoveInDb, 'id' | 'number' | 'state' | 'unit_id' | 'created_at' | 'updated_at'>): void {
  const cols = Object.keys(r);
  q(db, `INSERT INTO move_ins (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(r);
}

/** Updates the given columns (names from this file's callers only, never from input). */
export function update(db: Db, id: string, now: string, set: Partial<MoveInDb>): void {
  const cols = Object.keys(set);
  q(db, `UPDATE move_ins SET ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @updated_at WHERE id = @id`).run({ ...set, id, updated_at: now });
}

export interface StepDb {
  step: string;
  at: string;
  by_name: string | null;
  detail: string | null;
}
/** The steps done, in the checklist's order (which is also the order they were taken in). */
export const steps = (db: Db, id: string) =>
  q(db, 'SELECT s.step, s.at, u.display_name AS by_name, s.detail FROM move_in_steps s LEFT JOIN users u ON u.id = s.by_user WHERE s.move_in_id = ?')
    .all<StepDb>(id)
    .sort((a, b) => MOVE_IN_STEPS.indexOf(a.step as MoveInStep) - MOVE_IN_STEPS.indexOf(b.step as MoveInStep));
export const stepNames = (db: Db, id: string) => q(db, 'SELECT step FROM move_in_steps WHERE move_in_id = ?').all<{ step: string }>(id).map((s) => s.step);
export const insertStep = (db: Db, id: string, step: string, by: string | null, at: string, detail: unknown) =>
  q(db, 'INSERT INTO move_in_steps (move_in_id, step, by_user, at, detail) VALUES (?, ?, ?, ?, ?)').run(id, step, by, at, detail === undefined ? null : JSON.stringify(detail));

export const owners = (db: Db, id: string) =>
  q(db, 'SELECT o.person_id, p.name, p.phone, o.seq FROM move_in_owners o JOIN people p ON p.id = o.person_id WHERE o.move_in_id = ? ORDER BY o.seq').all<{ person_id: string; name: string; phone: string | null; seq: number }>(id);
export const insertOwner = (db: Db, id: string, personId: string, seq: number) => q(db, 'INSERT INTO move_in_owners (move_in_id, person_id, seq) VALUES (?, ?, ?)').run(id, personId, seq);
export const family = (db: Db, id: string) =>
  q(db, 'SELECT f.person_id, p.name FROM move_in_family f JOIN people p ON p.id = f.person_id WHERE f.move_in_id = ? ORDER BY p.created_at').all<{ person_id: string; name: string }>(id);

export interface ItemDb {
  id: string;
  seq: number;
  area: string;
  item: string;
  result: 'ok' | 'defective';
  note: string | null;
  critical: number;
}
export const items = (db: Db, id: string) => q(db, 'SELECT id, seq, area, item, result, note, critical FROM move_in_inspection_items WHERE move_in_id = ? ORDER BY seq').all<ItemDb>(id);

export interface RectDb {
  id: string;
  move_in_id: string;
  number: string;
  unit_code: string;
  area: string;
  item: string;
  description: string;
  critical: number;
  owner_opinion: string;
  assigned_to: string;
  due_date: string;
  state: RectificationState;
  fixed_at: string | null;
  fixed_note: string | null;
  accepted_at: string | null;
  reopened: number;
}
export const RECT_SELECT = `SELECT r.id, r.move_in_id, m.number, m.unit_code, i.area, i.item, r.description, r.critical, r.owner_opinion, r.assigned_to, r.due_date, r.state,
                                   r.fixed_at, r.fixed_note, r.accepted_at, r.reopened
                              FROM move_in_rectifications r JOIN move_ins m ON m.id = r.move_in_id JOIN move_in_inspection_items i ON i.id = r.inspection_item_id`;
export const rectifications = (db: Db, id: string) => q(db, `${RECT_SELECT} WHERE r.move_in_id = ? ORDER BY i.seq`).all<RectDb>(id);
export const rectById = (db: Db, id: string) => q(db, `${RECT_SELECT} WHERE r.id = ?`).get<RectDb>(id);
/** Critical items the owner has not accepted yet (open, or fixed and waiting for the owner). */
export const openCritical = (db: Db, id: string) => q(db, "SELECT COUNT(*) FROM move_in_rectifications WHERE move_in_id = ? AND critical = 1 AND state != 'accepted'").value<number>(id) ?? 0;
export const openCount = (db: Db, id: string) => q(db, "SELECT COUNT(*) FROM move_in_rectifications WHERE move_in_id = ? AND state != 'accepted'").value<number>(id) ?? 0;
/** Overdue items of live records: open past their due date, oldest due first. */
export const overdueRects = (db: Db, today: string, limit: number) =>
  q(db, `${RECT_SELECT} WHERE r.state = 'open' AND r.due_date < ? AND m.state != 'voided' ORDER BY r.due_date, r.id LIMIT ?`).all<RectDb>(today, limit);
export const rectCounts = (db: Db, today: string) =>
  q(db, `SELECT COALESCE(SUM(r.state = 'open'), 0) AS open, COALESCE(SUM(r.state = 'open' AND r.due_date < ?), 0) AS overdue, COALESCE(SUM(r.state = 'fixed'), 0) AS fixed
           FROM move_in_rectifications r JOIN move_ins m ON m.id = r.move_in_id WHERE r.state != 'accepted' AND m.state != 'voided'`).get<{ open: number; overdue: number; fixed: number }>(today)!;

/** Handover progress over the site: live records by state, and notices not started. */
export const progressCounts = (db: Db) =>
  q(db, `SELECT COALESCE(SUM(state = 'handed_over'), 0) AS handed, COALESCE(SUM(state = 'not_handed_over'), 0) AS notHanded, COALESCE(SUM(state = 'open'), 0) AS open
           FROM move_ins WHERE state != 'voided'`).get<{ handed: number; notHanded: number; open: number }>()!;

export interface NoticeDb {
  id: string;
  batch_id: string;
  batch_name: string;
  unit_id: string;
  unit_code: string;
  building_id: string;
  owner_name: string;
  phone: string | null;
  notice_date: string;
  move_in_id: string | null;
  move_in_number: string | null;
  move_in_state: MoveInState | null;
}
/**
 * A notice with the live record started from it, if any. The record is joined first (CROSS JOIN keeps SQLite's
 * order): the waiting list drops the started notices before it looks up their batch and unit (20,000 notices: 4 ms, not 10).
 */
export const NOTICE_SELECT = `SELECT n.id, n.batch_id, b.name AS batch_name, n.unit_id, u.code AS unit_code, u.building_id, n.owner_name, n.phone, n.notice_date,
                                     m.id AS move_in_id, m.number AS move_in_number, m.state AS move_in_state
                                FROM move_in_notices n LEFT JOIN move_ins m ON m.notice_id = n.id AND m.state != 'voided'
                               CROSS JOIN move_in_batches b ON b.id = n.batch_id CROSS JOIN units u ON u.id = n.unit_id`;
export const noticeById = (db: Db, id: string) => q(db, `${NOTICE_SELECT} WHERE n.id = ?`).get<NoticeDb>(id);
/**
 * How many notices (dated `upTo` or before) no live record was started from: every notice less the live records
 * started from one (a notice starts one at most: createMoveIn takes only a notice not started, in its transaction),
 * less the later-dated ones waiting.
 * Two index counts instead of an anti-join probing every notice ever imported.
 */
export function waitingCount(db: Db, upTo?: string): number {
  const notices = q(db, 'SELECT COUNT(*) FROM move_in_notices').value<number>() ?? 0;
  const started = q(db, "SELECT COUNT(*) FROM move_ins WHERE notice_id IS NOT NULL AND state != 'voided'").value<number>() ?? 0;
  const later = upTo
    ? (q(db, "SELECT COUNT(*) FROM move_in_notices n WHERE n.notice_date > ? AND NOT EXISTS (SELECT 1 FROM move_ins m WHERE m.notice_id = n.id AND m.state != 'voided')").value<number>(upTo) ?? 0)
    : 0;
  return notices - started - later;
}
/** The unit's notices not yet started (the waiting ones). */
export const liveNoticeOfUnit = (db: Db, unitId: string) => q(db, `${NOTICE_SELECT} WHERE n.unit_id = ? AND m.id IS NULL ORDER BY n.notice_date DESC LIMIT 1`).get<NoticeDb>(unitId);

export interface MovingInDb {
  id: string;
  number: string;
  state: MovingInState;
  unit_id: string;
  unit_code: string;
  occupant: Occupant;
  person_id: string;
  person_name: string;
  on_date: string;
  occupancy: 'owner_occupied' | 'office_in_use' | 'rented';
  prior_state: string | null;
  tenancy_link_id: string | null;
  tenancy_end: string | null;
  owner_contact: string | null;
  owner_phone: string | null;
  owner_called_at: string | null;
  owner_answer: OwnerAnswer | null;
  owner_note: string | null;
  pledge_signed: number;
  lease_from: string | null;
  lease_to: string | null;
  note: string | null;
  void_reason: string | null;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
}
export const MOVING_SELECT = `SELECT mi.*, p.name AS person_name, l.end_date AS tenancy_end, cu.display_name AS created_by_name
                                FROM moving_ins mi JOIN people p ON p.id = mi.person_id LEFT JOIN unit_people l ON l.id = mi.tenancy_link_id LEFT JOIN users cu ON cu.id = mi.created_by`;
export const movingById = (db: Db, id: string) => q(db, `${MOVING_SELECT} WHERE mi.id = ?`).get<MovingInDb>(id);
export const movingByNumber = (db: Db, number: string) => q(db, `${MOVING_SELECT} WHERE mi.number = ?`).get<MovingInDb>(number);
export const receipts = (db: Db, id: string) =>
  q(db, `SELECT r.department, r.received_by, r.at, u.display_name AS by_name FROM moving_in_receipts r LEFT JOIN users u ON u.id = r.by_user WHERE r.moving_in_id = ?
           ORDER BY r.at, CASE r.department WHEN 'security' THEN 0 WHEN 'engineering' THEN 1 ELSE 2 END`)
    .all<{ department: NoticeDepartment; received_by: string; at: string; by_name: string | null }>(id);
