import { hash } from 'node:crypto';
import type { Db } from './connection';
import { q } from './statements';

/** The hash a chain starts from (the "previous hash" of row 1). */
export const GENESIS = '0'.repeat(64);

export interface AuditRow {
  seq: number;
  id: string;
  at: string;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before: string | null;
  after: string | null;
  via: string;
  os_user: string | null;
}

/** SHA-256 of the previous row's hash and every column of this row, in a fixed order. */
export function rowHash(prev: string, r: AuditRow): string {
  const body = JSON.stringify([r.seq, r.id, r.at, r.user_id, r.action, r.entity, r.entity_id, r.before, r.after, r.via, r.os_user]);
  return hash('sha256', `${prev}\n${body}`, 'hex');
}

const COLS = 'seq, id, at, user_id, action, entity, entity_id, before, after, via, os_user';

/**
 * Appends one row to the chain: the next seq and the hash over the previous row's. Runs in the caller's
 * transaction, or in its own (IMMEDIATE, see connection.ts) so that two writers never read the same head.
 */
export function appendAudit(db: Db, row: Omit<AuditRow, 'seq'>): void {
  const write = () => {
    const head = q(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get<{ seq: number; hash: string }>();
    const full: AuditRow = { ...row, seq: (head?.seq ?? 0) + 1 };
    q(db, `INSERT INTO audit_log (${COLS}, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      full.seq, full.id, full.at, full.user_id, full.action, full.entity, full.entity_id, full.before, full.after, full.via, full.os_user,
      rowHash(head?.hash ?? GENESIS, full),
    );
  };
  if (db.inTransaction) write();
  else db.transaction(write)();
}

/** Migration 5: numbers and chains the rows written before the chain existed (oldest first). */
export function chainExistingRows(db: Db): void {
  const rows = db.prepare('SELECT rowid AS rid, id, at, user_id, action, entity, entity_id, before, after, via, os_user FROM audit_log ORDER BY at, rowid').all() as (Omit<AuditRow, 'seq'> & { rid: number })[];
  const set = db.prepare('UPDATE audit_log SET seq = ?, hash = ? WHERE rowid = ?');
  let prev = GENESIS;
  rows.forEach((r, i) => {
    const { rid, ...rest } = r;
    const row: AuditRow = { ...rest, seq: i + 1 };
    prev = rowHash(prev, row);
    set.run(row.seq, prev, rid);
  });
}

export type ChainCheck =
  | { ok: true; rows: number }
  | { ok: false; rows: number; seq: number; problem: 'altered' | 'missing' | 'unchained' };

/**
 * Walks the chain from row 1: a row whose hash does not match was altered (or one before it was),
 * a gap in seq is a deleted row. Works on a file edited by any other tool, triggers dropped or not.
 * (Rows cut off the end leave a shorter, intact chain: the count is printed so it can be compared.)
 */
export function verifyAuditChain(db: Db): ChainCheck {
  let prev = GENESIS;
  let expected = 1;
  let n = 0;
  for (const r of db.prepare(`SELECT ${COLS}, hash FROM audit_log ORDER BY seq IS NULL, seq, rowid`).iterate() as IterableIterator<AuditRow & { hash: string | null }>) {
    n++;
    if (r.seq === null || r.hash === null) return { ok: false, rows: n, seq: expected, problem: 'unchained' };
    if (r.seq !== expected) return { ok: false, rows: n, seq: expected, problem: 'missing' };
    const { hash, ...row } = r;
    const want = rowHash(prev, row);
    if (hash !== want) return { ok: false, rows: n, seq: r.seq, problem: 'altered' };
    prev = hash;
    expected++;
  }
  return { ok: true, rows: n };
}
