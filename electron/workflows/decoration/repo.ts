/** Decoration permits: the SQL (db/migrations/0140_decoration.sql). */
import type { Db } from '../../../db/connection';
import { q } from '../../../db/statements';
import type { LedgerKind } from '../../../shared/workflows/decoration/rules';
import type { DecorationState } from '../../../shared/workflows/decoration/rules';
import type { UnitUse } from '../../../shared/master/enums';

export interface DecorationDb {
  id: string;
  number: string;
  state: DecorationState;
  unit_id: string;
  unit_code: string;
  unit_use: UnitUse;
  applicant_kind: 'owner' | 'agent' | 'tenant' | 'company_tenant';
  applicant_person_id: string | null;
  applicant_name: string;
  applicant_phone: string;
  self_decoration: 0 | 1;
  contractor_company: string | null;
  contractor_manager: string | null;
  contractor_phone: string | null;
  contractor_id_number: string | null;
  work_from: string;
  work_to: string;
  workers: number;
  description: string;
  gov_flags: string;
  gov_told_at: string | null;
  gov_told_by: string | null;
  fees: string | null;
  fees_total_fen: number | null;
  fees_receipt: string | null;
  fees_paid_at: string | null;
  fees_paid_by: string | null;
  submitted_at: string | null;
  approval_due: string | null;
  approval_due_estimated: 0 | 1;
  decided_at: string | null;
  decided_by: string | null;
  reject_reason: string | null;
  protection_by: string | null;
  protection_note: string | null;
  protection_at: string | null;
  permit_issued_at: string | null;
  prior_state: string | null;
  inspection_requested_at: string | null;
  fire_receipt: string | null;
  passed_on: string | null;
  refund_due: string | null;
  refund_requested_by: 'owner' | 'contractor' | null;
  refund_owner_consent: 0 | 1;
  refund_checks: string | null;
  refund_utilities_fen: number | null;
  refund_signed: string | null;
  refund_prepared_at: string | null;
  refund_prepared_by: string | null;
  refund_receipt: string | null;
  refunded_at: string | null;
  refunded_by: string | null;
  last_patrol_date: string | null;
  print_count: number;
  void_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export const byId = (db: Db, id: string) => q(db, 'SELECT * FROM decorations WHERE id = ?').get<DecorationDb>(id);
export const byNumber = (db: Db, number: string) => q(db, 'SELECT * FROM decorations WHERE number = ?').get<DecorationDb>(number);

export function insert(db: Db, row: Omit<DecorationDb, 'approval_due_estimated' | 'refund_owner_consent' | 'print_count' | NullCols> & Partial<Pick<DecorationDb, NullCols>>): void {
  const cols = Object.keys(row) as (keyof typeof row)[];
  q(db, `INSERT INTO decorations (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c] ?? null));
}
type NullCols =
  | 'gov_told_at' | 'gov_told_by' | 'fees' | 'fees_total_fen' | 'fees_receipt' | 'fees_paid_at' | 'fees_paid_by' | 'submitted_at' | 'approval_due'
  | 'decided_at' | 'decided_by' | 'reject_reason' | 'protection_by' | 'protection_note' | 'protection_at' | 'permit_issued_at' | 'prior_state'
  | 'inspection_requested_at' | 'fire_receipt' | 'passed_on' | 'refund_due' | 'refund_requested_by' | 'refund_checks' | 'refund_utilities_fen'
  | 'refund_signed' | 'refund_prepared_at' | 'refund_prepared_by' | 'refund_receipt' | 'refunded_at' | 'refunded_by' | 'last_patrol_date' | 'void_reason';

export function update(db: Db, id: string, now: string, set: Partial<Record<keyof DecorationDb, string | number | null>>): void {
  const cols = Object.keys(set) as (keyof DecorationDb)[];
  q(db, `UPDATE decorations SET ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...cols.map((c) => set[c] ?? null), now, id);
}

// ---------------------------------------------------------------- checklist

export interface ItemDb {
  kind: 'document' | 'commitment';
  code: string;
  on_date: string;
  by_name: string | null;
}
export const items = (db: Db, id: string) =>
  q(db, `SELECT i.kind, i.code, i.on_date, u.display_name AS by_name FROM decoration_items i LEFT JOIN users u ON u.id = i.by_user WHERE i.decoration_id = ?`).all<ItemDb>(id);
export function setItem(db: Db, id: string, kind: string, code: string, done: boolean, onDate: string, user: string | null, now: string): void {
  if (done)
    q(db, `INSERT INTO decoration_items (decoration_id, kind, code, on_date, by_user, at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (decoration_id, kind, code) DO UPDATE SET on_date = excluded.on_date, by_user = excluded.by_user, at = excluded.at`).run(id, kind, code, onDate, user, now);
  else q(db, 'DELETE FROM decoration_items WHERE decoration_id = ? AND kind = ? AND code = ?').run(id, kind, code);
}

// ---------------------------------------------------------------- passes

export interface PassDb {
  id: string;
  decoration_id: string;
  number: string;
  name: string;
  id_number: string;
  phone: string;
  valid_from: string;
  valid_to: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  printed: 0 | 1;
  created_at: string;
}
export const passes = (db: Db, id: string) => q(db, 'SELECT * FROM decoration_passes WHERE decoration_id = ? ORDER BY created_at, number').all<PassDb>(id);
export const passById = (db: Db, id: string) => q(db, 'SELECT * FROM decoration_passes WHERE id = ?').get<PassDb>(id);
export const passByNumber = (db: Db, number: string) => q(db, 'SELECT * FROM decoration_passes WHERE number = ?').get<PassDb>(number);
export function insertPass(db: Db, p: Omit<PassDb, 'revoked_at' | 'revoked_by' | 'revoke_reason' | 'printed'>): void {
  q(db, `INSERT INTO decoration_passes (id, decoration_id, number, name, id_number, phone, valid_from, valid_to, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    p.id, p.decoration_id, p.number, p.name, p.id_number, p.phone, p.valid_from, p.valid_to, p.created_at,
  );
}
export const revokePass = (db: Db, id: string, user: string | null, reason: string, now: string) =>
  q(db, 'UPDATE decoration_passes SET revoked_at = ?, revoked_by = ?, revoke_reason = ? WHERE id = ? AND revoked_at IS NULL').run(now, user, reason, id);
export const markPassPrinted = (db: Db, passId: string) => q(db, 'UPDATE decoration_passes SET printed = 1 WHERE id = ?').run(passId);
export const markPassesPrinted = (db: Db, id: string) => q(db, 'UPDATE decoration_passes SET printed = 1 WHERE decoration_id = ? AND revoked_at IS NULL').run(id);

// ---------------------------------------------------------------- patrols, violations, hot work

export interface PatrolDb {
  id: string;
  on_date: string;
  department: 'service' | 'engineering' | 'security';
  by_name: string;
  findings: string | null;
  at: string;
}
export const patrols = (db: Db, id: string) => q(db, 'SELECT id, on_date, department, by_name, findings, at FROM decoration_patrols WHERE decoration_id = ? ORDER BY on_date DESC, at DESC').all<PatrolDb>(id);
export function insertPatrol(db: Db, p: PatrolDb & { decoration_id: string; by_user: string | null }): void {
  q(db, 'INSERT INTO decoration_patrols (id, decoration_id, on_date, department, by_name, findings, by_user, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    p.id, p.decoration_id, p.on_date, p.department, p.by_name, p.findings, p.by_user, p.at,
  );
}

export interface ViolationDb {
  id: string;
  decoration_id: string;
  on_date: string;
  severity: 'minor' | 'serious';
  description: string;
  hot_work: 0 | 1;
  hot_work_unapproved: 0 | 1;
  warned_who: string | null;
  owner_called_at: string | null;
  owner_call_note: string | null;
  contractor_called_at: string | null;
  contractor_call_note: string | null;
  signed_at: string | null;
  penalty_fen: number | null;
  penalty_deducted_fen: number | null;
  penalty_note: string | null;
  penalty_by: string | null;
  penalty_by_name?: string | null;
  penalty_at: string | null;
  rectified_at: string | null;
  rectified_note: string | null;
  by_user: string | null;
  at: string;
}
export const violations = (db: Db, id: string) =>
  q(db, `SELECT v.*, u.display_name AS penalty_by_name FROM decoration_violations v LEFT JOIN users u ON u.id = v.penalty_by
          WHERE v.decoration_id = ? ORDER BY v.on_date, v.at`).all<ViolationDb>(id);
export const violationById = (db: Db, id: string) => q(db, 'SELECT * FROM decoration_violations WHERE id = ?').get<ViolationDb>(id);
export function insertViolation(db: Db, v: Pick<ViolationDb, 'id' | 'decoration_id' | 'on_date' | 'severity' | 'description' | 'hot_work' | 'hot_work_unapproved' | 'warned_who' | 'by_user' | 'at'>): void {
  q(db, `INSERT INTO decoration_violations (id, decoration_id, on_date, severity, description, hot_work, hot_work_unapproved, warned_who, by_user, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(v.id, v.decoration_id, v.on_date, v.severity, v.description, v.hot_work, v.hot_work_unapproved, v.warned_who, v.by_user, v.at);
}
export function updateViolation(db: Db, id: string, set: Partial<Record<keyof ViolationDb, string | number | null>>): void {
  const cols = Object.keys(set) as (keyof ViolationDb)[];
  q(db, `UPDATE decoration_violations SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => set[c] ?? null), id);
}

export interface HotWorkDb {
  id: string;
  from_at: string;
  to_at: string;
  location: string;
  fire_watch: string;
  approved_by: string;
  at: string;
}
export const hotWorks = (db: Db, id: string) => q(db, 'SELECT id, from_at, to_at, location, fire_watch, approved_by, at FROM decoration_hot_work WHERE decoration_id = ? ORDER BY from_at').all<HotWorkDb>(id);
export const hotWorkById = (db: Db, id: string) => q(db, 'SELECT *, decoration_id FROM decoration_hot_work WHERE id = ?').get<HotWorkDb & { decoration_id: string }>(id);
export function insertHotWork(db: Db, h: HotWorkDb & { decoration_id: string; by_user: string | null }): void {
  q(db, 'INSERT INTO decoration_hot_work (id, decoration_id, from_at, to_at, location, fire_watch, approved_by, by_user, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    h.id, h.decoration_id, h.from_at, h.to_at, h.location, h.fire_watch, h.approved_by, h.by_user, h.at,
  );
}

// ---------------------------------------------------------------- inspections

export interface InspectionDb {
  seq: number;
  engineering_by: string;
  security_by: string;
  passed: 0 | 1;
  at: string;
}
export const inspections = (db: Db, id: string) => q(db, 'SELECT seq, engineering_by, security_by, passed, at FROM decoration_inspections WHERE decoration_id = ? ORDER BY seq').all<InspectionDb>(id);
export function insertInspection(db: Db, id: string, i: InspectionDb & { by_user: string | null }): void {
  q(db, 'INSERT INTO decoration_inspections (decoration_id, seq, engineering_by, security_by, passed, by_user, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, i.seq, i.engineering_by, i.security_by, i.passed, i.by_user, i.at);
}
export interface ProblemDb {
  id: string;
  decoration_id: string;
  inspection: number;
  description: string;
  closed_at: string | null;
  closed_note: string | null;
}
export const problems = (db: Db, id: string) => q(db, 'SELECT id, decoration_id, inspection, description, closed_at, closed_note FROM decoration_problems WHERE decoration_id = ? ORDER BY inspection, rowid').all<ProblemDb>(id);
export const problemById = (db: Db, id: string) => q(db, 'SELECT id, decoration_id, inspection, description, closed_at, closed_note FROM decoration_problems WHERE id = ?').get<ProblemDb>(id);
export const insertProblem = (db: Db, p: { id: string; decoration_id: string; inspection: number; description: string }) =>
  q(db, 'INSERT INTO decoration_problems (id, decoration_id, inspection, description) VALUES (?, ?, ?, ?)').run(p.id, p.decoration_id, p.inspection, p.description);
export const closeProblem = (db: Db, id: string, note: string | null, user: string | null, now: string) =>
  q(db, 'UPDATE decoration_problems SET closed_at = ?, closed_note = ?, closed_by = ? WHERE id = ? AND closed_at IS NULL').run(now, note, user, id);

// ---------------------------------------------------------------- the ledger

export interface LedgerDb {
  id: string;
  seq: number;
  kind: LedgerKind;
  amount_fen: number;
  balance_fen: number;
  receipt: string | null;
  note: string | null;
  ref_id: string | null;
  by_name: string | null;
  at: string;
}
export const ledger = (db: Db, id: string) =>
  q(db, `SELECT l.id, l.seq, l.kind, l.amount_fen, l.balance_fen, l.receipt, l.note, l.ref_id, u.display_name AS by_name, l.at
           FROM deposit_ledger l LEFT JOIN users u ON u.id = l.by_user WHERE l.decoration_id = ? ORDER BY l.seq`).all<LedgerDb>(id);
export function appendLedger(db: Db, e: { id: string; decoration_id: string; seq: number; kind: LedgerKind; amount_fen: number; balance_fen: number; receipt: string | null; note: string | null; ref_id: string | null; by_user: string | null; at: string }, paidAt: string): void {
  q(db, `INSERT INTO deposit_ledger (id, decoration_id, seq, kind, amount_fen, balance_fen, receipt, note, ref_id, by_user, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    e.id, e.decoration_id, e.seq, e.kind, e.amount_fen, e.balance_fen, e.receipt, e.note, e.ref_id, e.by_user, e.at,
  );
  q(db, `INSERT INTO deposit_balances (decoration_id, balance_fen, paid_at) VALUES (?, ?, ?)
         ON CONFLICT (decoration_id) DO UPDATE SET balance_fen = excluded.balance_fen`).run(e.decoration_id, e.balance_fen, paidAt);
}
export const balance = (db: Db, id: string) => q(db, 'SELECT balance_fen FROM deposit_balances WHERE decoration_id = ?').value<number>(id) ?? 0;

// ---------------------------------------------------------------- lists

/** A list row's SELECT … FROM, optionally pinned to one of the partial indexes (the app never runs ANALYZE). */
export const rowSelect = (index?: string) => `SELECT d.id, d.number, d.state, d.unit_id, d.unit_code, d.unit_use, d.applicant_name, d.contractor_company, d.self_decoration,
  d.work_from, d.work_to, d.approval_due, d.refund_due, d.last_patrol_date, d.created_at, COALESCE(b.balance_fen, 0) AS held_fen
  FROM decorations d${index ? ` INDEXED BY ${index}` : ''} LEFT JOIN deposit_balances b ON b.decoration_id = d.id`;
export const ROW_SELECT = rowSelect();
export interface RowDb {
  id: string;
  number: string;
  state: DecorationState;
  unit_id: string;
  unit_code: string;
  unit_use: UnitUse;
  applicant_name: string;
  contractor_company: string | null;
  self_decoration: 0 | 1;
  work_from: string;
  work_to: string;
  approval_due: string | null;
  refund_due: string | null;
  last_patrol_date: string | null;
  created_at: string;
  held_fen: number;
}

/** Approvals waiting, by deadline (the partial index). */
export const awaitingApproval = (db: Db, limit: number) =>
  q(db, `${rowSelect('decorations_approval')} WHERE d.state = 'submitted' ORDER BY d.approval_due, d.created_at LIMIT ?`).all<RowDb>(limit);
/** Permits under way with no patrol logged on `today`. */
export const noPatrolOn = (db: Db, today: string, limit: number) =>
  q(db, `${rowSelect('decorations_patrol')} WHERE d.state IN ('under_way', 'inspection') AND (d.last_patrol_date IS NULL OR d.last_patrol_date < ?)
         ORDER BY d.last_patrol_date, d.created_at LIMIT ?`).all<RowDb>(today, limit);
export const noPatrolCount = (db: Db, today: string) =>
  q(db, `SELECT COUNT(*) FROM decorations INDEXED BY decorations_patrol WHERE state IN ('under_way', 'inspection') AND (last_patrol_date IS NULL OR last_patrol_date < ?)`).value<number>(today) ?? 0;
/** Deposits to refund by `until` (due this week, or already overdue): completed or rejected, not refunded yet. */
export const refundsDueBy = (db: Db, until: string, limit: number) =>
  q(db, `${rowSelect('decorations_refund')} WHERE d.state IN ('completed', 'rejected') AND d.refund_due <= ? ORDER BY d.refund_due, d.created_at LIMIT ?`).all<RowDb>(until, limit);

/** Refunds due between two days (inclusive), by due date: `from` '0000-01-01' for every overdue one. */
export const refundsIn = (db: Db, from: string, to: string, limit: number) =>
  q(db, `${rowSelect('decorations_refund')} WHERE d.state IN ('completed', 'rejected') AND d.refund_due BETWEEN ? AND ? ORDER BY d.refund_due, d.created_at LIMIT ?`).all<RowDb>(from, to, limit);

/** The dashboard's counts, exact however many there are: approvals waiting / near their deadline / past it; refunds due ahead / overdue. */
export const approvalCounts = (db: Db, warnUntil: string, today: string) =>
  q(db, `SELECT COUNT(*) AS waiting, COALESCE(SUM(substr(approval_due, 1, 10) <= ?), 0) AS near, COALESCE(SUM(substr(approval_due, 1, 10) < ?), 0) AS late
           FROM decorations INDEXED BY decorations_approval WHERE state = 'submitted'`).get<{ waiting: number; near: number; late: number }>(warnUntil, today)!;
export const refundCounts = (db: Db, today: string, ahead: string) =>
  q(db, `SELECT COALESCE(SUM(refund_due BETWEEN ? AND ?), 0) AS due, COALESCE(SUM(refund_due < ?), 0) AS overdue
           FROM decorations INDEXED BY decorations_refund WHERE state IN ('completed', 'rejected') AND refund_due IS NOT NULL`).get<{ due: number; overdue: number }>(today, ahead, today)!;
export const heldTotal = (db: Db) =>
  q(db, 'SELECT COUNT(*) AS count, COALESCE(SUM(balance_fen), 0) AS fen FROM deposit_balances INDEXED BY deposit_balances_held WHERE balance_fen > 0').get<{ count: number; fen: number }>()!;

export interface Held {
  count: number;
  fen: number;
}
/** The deposits held, by when they were paid (the buckets' lower bounds as ISO instants, newest first). */
export function heldByAge(db: Db, bounds: readonly string[]): Held[] {
  const cases = bounds.map((_, i) => `WHEN paid_at >= ? THEN ${i}`).join(' ');
  const rows = q(db, `SELECT CASE ${cases} ELSE ${bounds.length} END AS bucket, COUNT(*) AS count, SUM(balance_fen) AS fen
                       FROM deposit_balances INDEXED BY deposit_balances_held WHERE balance_fen > 0 GROUP BY bucket`).all<{ bucket: number; count: number; fen: number }>(...bounds);
  return Array.from({ length: bounds.length + 1 }, (_, i) => {
    const r = rows.find((x) => x.bucket === i);
    return { count: r?.count ?? 0, fen: r?.fen ?? 0 };
  });
}
export const ledgerTotals = (db: Db) =>
  q(db, `SELECT kind, SUM(amount_fen) AS fen FROM deposit_ledger GROUP BY kind`).all<{ kind: LedgerKind; fen: number }>();
