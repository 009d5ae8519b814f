/**
 * The repairs' SQL, rows in snake_case as stored. Query plan: Today's not-picked-up list reads the partial index
 * repairs_not_picked_up; search by unit, phone (or its last 4 digits) and number each have their own index
 * (migration 0120). Their callbacks' SQL is the callback queue's (electron/workflows/callbacks/repo.ts).
 */
import type { Db } from '../../../db/connection';
import { filtered, q } from '../../../db/statements';
import type { ChargeKind, ChargeState, RepairState } from '../../../shared/workflows/repairs/rules';

export interface RepairDb {
  id: string;
  number: string;
  state: RepairState;
  unit_id: string | null;
  area_code: string | null;
  place_name: string;
  category: string;
  category_name: string;
  reporter_person_id: string | null;
  reporter_name: string;
  reporter_phone: string;
  reported_at: string;
  description: string;
  appointment_at: string | null;
  urgent: number;
  paid: number;
  price_told: number;
  charge_total_fen: number;
  charge_state: ChargeState;
  charge_note: string | null;
  notified_name: string | null;
  dispatched_at: string | null;
  chase_count: number;
  last_chased_at: string | null;
  technician_code: string | null;
  technician_name: string | null;
  technician_trade: string | null;
  technician_phone: string | null;
  /** The technician's signature for the work order, signed on screen (a PNG data URL). */
  technician_signature: string | null;
  picked_up_at: string | null;
  work_done: string | null;
  materials: string | null;
  requester_sign: 'screen' | 'paper' | null;
  requester_signature: string | null;
  finished_at: string | null;
  leak_test_date: string | null;
  reopen_count: number;
  end_reason: string | null;
  created_at: string;
  receiver_name: string | null;
}

const SELECT = 'SELECT r.*, u.display_name AS receiver_name FROM repairs r LEFT JOIN users u ON u.id = r.created_by';

export const repairById = (db: Db, id: string) => q(db, `${SELECT} WHERE r.id = ?`).get<RepairDb>(id);

export interface NewRepair {
  id: string;
  number: string;
  unitId: string | null;
  areaCode: string | null;
  placeName: string;
  category: string;
  categoryName: string;
  reporterPersonId: string | null;
  reporterName: string;
  reporterPhone: string;
  reportedAt: string;
  description: string;
  appointmentAt: string | null;
  urgent: boolean;
  paid: boolean;
  priceTold: boolean;
  createdBy: string | null;
  now: string;
}

export function insertRepair(db: Db, r: NewRepair): void {
  q(db, `INSERT INTO repairs (id, number, state, unit_id, area_code, place_name, category, category_name, reporter_person_id, reporter_name, reporter_phone,
                              reporter_phone_last4, reported_at, description, appointment_at, urgent, paid, price_told, charge_state, created_by, created_at, updated_at)
         VALUES (?, ?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    r.id, r.number, r.unitId, r.areaCode, r.placeName, r.category, r.categoryName, r.reporterPersonId, r.reporterName, r.reporterPhone,
    r.reporterPhone.slice(-4), r.reportedAt, r.description, r.appointmentAt, r.urgent ? 1 : 0, r.paid ? 1 : 0, r.priceTold ? 1 : 0,
    r.paid ? 'pending' : 'none', r.createdBy, r.now, r.now,
  );
}

/** Sets columns of one order (names are the code's own, never input). */
export function updateRepair(db: Db, id: string, now: string, set: Record<string, string | number | null>): void {
  const cols = Object.keys(set);
  q(db, `UPDATE repairs SET ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...cols.map((c) => set[c]), now, id);
}

export interface ChargeRow {
  line: number;
  code: string;
  name: string;
  kind: ChargeKind;
  unitOfCount: string;
  unitPriceFen: number;
  quantity: number;
  amountFen: number;
}

export function replaceCharges(db: Db, repairId: string, lines: readonly ChargeRow[], newId: () => string): void {
  q(db, 'DELETE FROM repair_charges WHERE repair_id = ?').run(repairId);
  for (const l of lines)
    q(db, `INSERT INTO repair_charges (id, repair_id, line, code, name, kind, unit_of_count, unit_price_fen, quantity, amount_fen)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(newId(), repairId, l.line, l.code, l.name, l.kind, l.unitOfCount, l.unitPriceFen, l.quantity, l.amountFen);
}

export const chargesOf = (db: Db, repairId: string) =>
  q(db, `SELECT line, code, name, kind, unit_of_count AS unitOfCount, unit_price_fen AS unitPriceFen, quantity, amount_fen AS amountFen
           FROM repair_charges WHERE repair_id = ? ORDER BY line`).all<ChargeRow>(repairId);

export interface RepairFilter {
  offset: number;
  limit: number;
  state?: RepairState;
  unitId?: string;
  number?: string;
  phone?: string;
  last4?: string;
  unitCode?: string;
  queue?: 'open' | 'notPickedUp' | 'overdue';
  /** For the overdue queue: orders whose pick-up limit counts from before these instants are overdue. */
  overdueBefore?: { urgent: string; normal: string };
}

export function listRepairs(db: Db, f: RepairFilter): { rows: RepairDb[]; total: number } {
  const list = filtered(f.offset, f.limit);
  const { add } = list;
  if (f.state) add('r.state = :state', 'state', f.state);
  if (f.unitId) add('r.unit_id = :unitId', 'unitId', f.unitId);
  if (f.number) add('r.number = :number', 'number', f.number);
  if (f.phone) add('r.reporter_phone = :phone', 'phone', f.phone);
  if (f.last4) add('r.reporter_phone_last4 = :last4', 'last4', f.last4);
  // The live unit of that code, by units_code_live (without voided_at the subquery scanned every unit: 6 ms → 0.3 ms at 50,000 units).
  if (f.unitCode) add('r.unit_id IN (SELECT id FROM units WHERE code = :unitCode AND voided_at IS NULL)', 'unitCode', f.unitCode);
  if (f.queue === 'open') add("r.state IN ('received', 'dispatched', 'picked_up', 'reopened')");
  if (f.queue === 'notPickedUp' || f.queue === 'overdue') add("r.state IN ('received', 'dispatched', 'reopened')");
  if (f.queue === 'overdue' && f.overdueBefore) {
    // The pick-up limit counts from the last chase, or from when engineering was told, or from intake (rules.pickupDueAt).
    add('coalesce(r.last_chased_at, r.dispatched_at, r.created_at) < CASE r.urgent WHEN 1 THEN :urgentBefore ELSE :normalBefore END', 'urgentBefore', f.overdueBefore.urgent);
    list.params.normalBefore = f.overdueBefore.normal;
  }
  return { rows: list.page<RepairDb>(db, SELECT, 'r.created_at DESC, r.id DESC'), total: list.count(db, 'repairs r') };
}

/** Orders waiting for a technician, oldest first (index repairs_not_picked_up). */
export const notPickedUp = (db: Db, limit: number) =>
  q(db, `${SELECT} WHERE r.state IN ('received', 'dispatched', 'reopened') ORDER BY r.created_at LIMIT ?`).all<RepairDb>(limit);

/** Orders not returned or not finished, received before `beforeIso` (index repairs_state), oldest first. */
export const openBefore = (db: Db, beforeIso: string) =>
  q(db, `${SELECT} WHERE r.state IN ('received', 'dispatched', 'picked_up', 'reopened') AND r.created_at < ? ORDER BY r.created_at, r.id`).all<RepairDb>(beforeIso);

/** Paid orders whose charge the cashier has still to collect, oldest finished first (index repairs_charge_pending). */
export const chargesPending = (db: Db, limit: number) =>
  // Pinned: without table statistics the planner took repairs_state and walked every closed order (162 ms at 500,000 repairs → 1 ms).
  q(db, `SELECT r.*, u.display_name AS receiver_name FROM repairs r INDEXED BY repairs_charge_pending LEFT JOIN users u ON u.id = r.created_by
         WHERE r.charge_state = 'pending' AND r.state IN ('completed', 'closed') ORDER BY r.finished_at, r.id LIMIT ?`).all<RepairDb>(limit);

/** Open orders by state (index repairs_state). */
export const openCounts = (db: Db) =>
  q(db, `SELECT state, count(*) AS n FROM repairs WHERE state IN ('received', 'dispatched', 'picked_up', 'reopened') GROUP BY state`).all<{ state: RepairState; n: number }>();
export const openBeforeCount = (db: Db, beforeIso: string) =>
  q(db, "SELECT count(*) FROM repairs WHERE state IN ('received', 'dispatched', 'picked_up', 'reopened') AND created_at < ?").value<number>(beforeIso) ?? 0;
