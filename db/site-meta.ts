import type { Db } from './connection';
import { q } from './statements';

/** Facts about the database file itself (table site_meta, migration 0050): when it was made, whether setup ran, notices. */
export const siteMeta = {
  get: (db: Db, key: string): string | null => q(db, 'SELECT value FROM site_meta WHERE key = ?').value<string>(key) ?? null,
  set: (db: Db, key: string, value: string): void => void q(db, 'INSERT INTO site_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value),
  remove: (db: Db, key: string): void => void q(db, 'DELETE FROM site_meta WHERE key = ?').run(key),
};
