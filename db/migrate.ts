import type { Db } from './connection';
import { MIGRATIONS } from './migrations/index';

export class DbTooNewError extends Error {
  constructor(readonly fileVersion: number, readonly appVersion: number) {
    super(`The database was written by a newer FrontDesk (schema ${fileVersion}; this build knows ${appVersion}). Install the newer version, or restore a backup made by this one.`);
    this.name = 'DbTooNewError';
  }
}

export const LATEST_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export interface MigrateOptions {
  /** Called once, before the first pending migration, when the file already holds a schema. */
  backupBefore?: (fromVersion: number) => void;
  /** Run migrations up to this version only (tests of migrations on old data). */
  target?: number;
  /** Host-side completion steps, run inside the same transaction as the migration of that version. */
  after?: Partial<Record<number, (db: Db) => void>>;
}

/** Applies pending migrations, each with its version bump in one transaction. Returns the versions applied. */
export function migrate(db: Db, opts: MigrateOptions = {}): number[] {
  const target = opts.target ?? LATEST_VERSION;
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw new DbTooNewError(current, LATEST_VERSION);
  if (current >= target) return [];
  if (current > 0) opts.backupBefore?.(current);
  const applied: number[] = [];
  for (let v = current + 1; v <= target; v++) {
    const step = MIGRATIONS[v - 1];
    db.transaction(() => {
      db.exec(step.sql);
      step.complete?.(db);
      if (step.sqlAfter) db.exec(step.sqlAfter);
      opts.after?.[v]?.(db);
      db.pragma(`user_version = ${v}`);
    })();
    applied.push(v);
  }
  return applied;
}
