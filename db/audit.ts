import type { Db } from './connection';
import { filtered, q } from './statements';

export interface AuditEntryRow {
  id: string;
  at: string;
  userName: string | null;
  via: 'app' | 'cli';
  osUser: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
}

const SELECT = `SELECT a.id, a.at, u.display_name AS userName, a.via, a.os_user AS osUser, a.action, a.entity, a.entity_id AS entityId, a.before, a.after
                  FROM audit_log a LEFT JOIN users u ON u.id = a.user_id`;

/** The newest entries, newest first. */
export function recentAudit(db: Db, limit: number): AuditEntryRow[] {
  return q(db, `${SELECT} ORDER BY a.at DESC, a.id DESC LIMIT ?`).all<AuditEntryRow>(limit);
}

/** A page of the audit log, newest first, optionally of one kind of record and one action. */
export function listAudit(db: Db, f: { entity?: string; action?: string; offset: number; limit: number }): { rows: AuditEntryRow[]; total: number; offset: number } {
  const list = filtered(f.offset, f.limit);
  if (f.entity) list.add('a.entity = :entity', 'entity', f.entity);
  if (f.action) list.add('a.action = :action', 'action', f.action);
  return { rows: list.page<AuditEntryRow>(db, SELECT, 'a.at DESC, a.id DESC'), total: list.count(db, 'audit_log a'), offset: f.offset };
}

/** The rows of `from`'s audit log that `into` does not have (by id), oldest first: what a restore would drop. */
export function auditRowsMissingFrom(from: Db, into: Db): Record<string, unknown>[] {
  const has = into.prepare('SELECT 1 FROM audit_log WHERE id = ?').pluck();
  const cols = from.prepare('SELECT * FROM audit_log LIMIT 0').columns().map((c) => c.name);
  const order = cols.includes('seq') ? 'seq' : 'at, rowid';
  const out: Record<string, unknown>[] = [];
  for (const r of from.prepare(`SELECT * FROM audit_log ORDER BY ${order}`).iterate() as IterableIterator<{ id: string }>) {
    if (!has.get(r.id)) out.push(r);
  }
  return out;
}
