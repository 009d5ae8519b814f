/**
 * The callback queue's SQL, rows in snake_case as stored (tables of migrations 0120, 0125, 0130). Query plan:
 * the queue and Today's due list read the partial index callbacks_queue, the rate callbacks_due, one source's
 * callbacks callbacks_source, one source's rate callbacks_stats_due and its answers callback_attempts_reached.
 */
import type { Db } from '../../../db/connection';
import { q } from '../../../db/statements';
import type { CallbackState, Satisfaction } from '../../../shared/workflows/callbacks/rules';

export interface CallbackDb {
  id: string;
  number: string;
  source_kind: string;
  source_id: string;
  source_number: string;
  state: CallbackState;
  due_date: string;
  place_name: string;
  contact_name: string;
  contact_phone: string;
  unreached: number;
  outcome: 'closed' | 'reopened' | null;
  done_at: string | null;
  done_date: string | null;
}

export const callbackById = (db: Db, id: string) => q(db, 'SELECT * FROM callbacks WHERE id = ?').get<CallbackDb>(id);

export const callbacksOfSource = (db: Db, kind: string, sourceId: string) =>
  q(db, 'SELECT * FROM callbacks WHERE source_kind = ? AND source_id = ? ORDER BY created_at, id').all<CallbackDb>(kind, sourceId);

export function insertCallback(
  db: Db,
  c: { id: string; number: string; sourceKind: string; sourceId: string; sourceNumber: string; dueDate: string; placeName: string; contactName: string; contactPhone: string; now: string },
): void {
  q(db, `INSERT INTO callbacks (id, number, source_kind, source_id, source_number, state, due_date, place_name, contact_name, contact_phone, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?)`).run(c.id, c.number, c.sourceKind, c.sourceId, c.sourceNumber, c.dueDate, c.placeName, c.contactName, c.contactPhone, c.now, c.now);
}

export function updateCallback(db: Db, id: string, now: string, set: Record<string, string | number | null>): void {
  const cols = Object.keys(set);
  q(db, `UPDATE callbacks SET ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`).run(...cols.map((c) => set[c]), now, id);
}

export function listCallbacks(db: Db, f: { offset: number; limit: number; state: CallbackState | 'queue' }): { rows: CallbackDb[]; total: number } {
  const w = f.state === 'queue' ? "state IN ('open', 'escalated')" : 'state = :state';
  const p = { state: f.state, limit: f.limit, offset: f.offset };
  // The queue's count reads its small partial index; without table statistics the planner would count the
  // 450,000 rows of callbacks_due instead (37 ms at the bench site, 0.7 ms pinned).
  const from = f.state === 'queue' ? 'callbacks INDEXED BY callbacks_queue' : 'callbacks';
  const total = q(db, `SELECT count(*) FROM ${from} WHERE ${w}`).value<number>(p) ?? 0;
  const rows = q(db, `SELECT * FROM callbacks WHERE ${w} ORDER BY due_date, created_at, id LIMIT :limit OFFSET :offset`).all<CallbackDb>(p);
  return { rows, total };
}

export const attemptsOf = (db: Db, callbackId: string) =>
  q(db, `SELECT a.id, a.channel, a.at, a.reached, a.fixed, a.satisfaction, a.note, u.display_name AS byName
           FROM callback_attempts a LEFT JOIN users u ON u.id = a.by_user WHERE a.callback_id = ? ORDER BY a.at, a.id`)
    .all<{ id: string; channel: 'phone' | 'visit' | 'sms'; at: string; reached: number; fixed: number | null; satisfaction: string | null; note: string | null; byName: string | null }>(callbackId);

export function insertAttempt(
  db: Db,
  a: { id: string; callbackId: string; channel: string; at: string; reached: boolean; fixed: boolean | null; satisfaction: string | null; note: string | null; byUser: string | null; now: string },
): void {
  q(db, `INSERT INTO callback_attempts (id, callback_id, channel, at, reached, fixed, satisfaction, note, by_user, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    a.id, a.callbackId, a.channel, a.at, a.reached ? 1 : 0, a.fixed === null ? null : a.fixed ? 1 : 0, a.satisfaction, a.note, a.byUser, a.now,
  );
}

/** The callbacks due in [from, to] (index callbacks_due), for the rate. */
export const callbacksDueBetween = (db: Db, from: string, to: string) =>
  q(db, 'SELECT due_date AS dueDate, state, done_date AS doneDate FROM callbacks WHERE due_date BETWEEN ? AND ?').all<{ dueDate: string; state: CallbackState; doneDate: string | null }>(from, to);

/** The callback queue's items due by `date` (overdue first), and how many there are (index callbacks_queue). */
export function callbacksDueBy(db: Db, date: string, limit: number): { rows: CallbackDb[]; total: number } {
  const w = "state IN ('open', 'escalated') AND due_date <= ?";
  return {
    rows: q(db, `SELECT * FROM callbacks INDEXED BY callbacks_queue WHERE ${w} ORDER BY due_date, created_at, id LIMIT ?`).all<CallbackDb>(date, limit),
    // Pinned as the queue's count is (the planner's own choice, callbacks_due, read every callback due so far: 40 ms → 0.1 ms).
    total: q(db, `SELECT count(*) FROM callbacks INDEXED BY callbacks_queue WHERE ${w}`).value<number>(date) ?? 0,
  };
}

export const overdueCallbackCount = (db: Db, today: string) =>
  q(db, "SELECT count(*) FROM callbacks INDEXED BY callbacks_queue WHERE state IN ('open', 'escalated') AND due_date < ?").value<number>(today) ?? 0;

export const frozenRate = (db: Db, month: string) => q(db, 'SELECT due, on_time AS onTime FROM callback_rate_months WHERE month = ?').get<{ due: number; onTime: number }>(month);
export const lastFrozenMonth = (db: Db) => q(db, 'SELECT max(month) FROM callback_rate_months').value<string | null>() ?? null;
export const earliestDueDate = (db: Db) => q(db, 'SELECT min(due_date) FROM callbacks').value<string | null>() ?? null;
export const freezeRate = (db: Db, month: string, due: number, onTime: number, now: string) =>
  q(db, 'INSERT OR IGNORE INTO callback_rate_months (month, due, on_time, frozen_at) VALUES (?, ?, ?, ?)').run(month, due, onTime, now);

export const callbackByNumber = (db: Db, number: string) =>
  q(db, 'SELECT id, number, source_number, place_name, state FROM callbacks WHERE number = ?').get<{ id: string; number: string; source_number: string; place_name: string; state: CallbackState }>(number);

/** One source kind's callbacks due in [from, to] (site dates), for callbackRate (index callbacks_stats_due). */
export const sourceCallbacksDue = (db: Db, sourceKind: string, from: string, to: string) =>
  q(db, `SELECT due_date AS dueDate, state, done_date AS doneDate FROM callbacks WHERE source_kind = ? AND due_date BETWEEN ? AND ?`)
    .all<{ dueDate: string; state: CallbackState; doneDate: string | null }>(sourceKind, from, to);

/**
 * Reached attempts on one source kind's callbacks in [start, end): satisfaction and what the callback did, counted
 * (index callback_attempts_reached). CROSS JOIN keeps the month's attempts as the outer loop: left to itself (no
 * table statistics) the planner walked every repair callback by callbacks_source instead — 300 ms against 10 ms.
 */
export const sourceReachedAnswers = (db: Db, sourceKind: string, startIso: string, endIso: string) =>
  q(db, `SELECT a.satisfaction, c.outcome, count(*) AS n
           FROM callback_attempts a CROSS JOIN callbacks c ON c.id = a.callback_id
          WHERE a.reached = 1 AND a.at >= ? AND a.at < ? AND c.source_kind = ?
          GROUP BY a.satisfaction, c.outcome`)
    .all<{ satisfaction: Satisfaction | null; outcome: 'closed' | 'reopened' | null; n: number }>(startIso, endIso, sourceKind);
