import type { Db } from '../../db/connection';
import { q } from '../../db/statements';
import type { SessionUser } from '../../shared/contract';
import type { Settings } from '../../shared/schemas/entities';

export interface Clock {
  now(): Date;
}

/** What every service gets: the database, injected time and ids, the signed-in user and an audit writer. */
export interface ServiceCtx {
  db: Db;
  clock: Clock;
  newId: () => string;
  user: SessionUser | null;
  settings: () => Settings;
  /** ISO timestamp (UTC) of now. */
  nowIso(): string;
  /** Local calendar date of now, YYYY-MM-DD. */
  today(): string;
  audit(action: string, entity: string, entityId: string | null, before?: unknown, after?: unknown): void;
}

export function localDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

export function makeCtx(db: Db, clock: Clock, newId: () => string, user: SessionUser | null, settings: () => Settings): ServiceCtx {
  const nowIso = () => clock.now().toISOString();
  return {
    db,
    clock,
    newId,
    user,
    settings,
    nowIso,
    today: () => localDate(clock.now()),
    audit(action, entity, entityId, before, after) {
      q(db, 'INSERT INTO audit_log (id, at, user_id, action, entity, entity_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        newId(),
        nowIso(),
        user?.id ?? null,
        action,
        entity,
        entityId,
        before === undefined || before === null ? null : JSON.stringify(before),
        after === undefined || after === null ? null : JSON.stringify(after),
      );
    },
  };
}
