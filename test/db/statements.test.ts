import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { open } from '../../db/connection';
import { migrate } from '../../db/migrate';
import { q, setSlowLog } from '../../db/statements';
import { testDir } from '../helpers/host';

const SLOW_SQL = 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) SELECT count(*) FROM n';

describe('prepared statements', () => {
  it('bind parameters (never interpolate), and report slow queries to the log', () => {
    const db = open(path.join(testDir(), 'frontdesk.db'));
    try {
      migrate(db);
      const ins = q(db, 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
      const hostile = "x'); DROP TABLE users; --";
      ins.run(hostile, '"v"', 'now');
      expect(q(db, 'SELECT key FROM settings WHERE value = :v').value<string>({ v: '"v"' })).toBe(hostile);
      expect(q(db, "SELECT count(*) FROM sqlite_schema WHERE name = 'users'").value<number>()).toBe(1);
      expect(q(db, 'SELECT key, value FROM settings').all()).toEqual([{ key: hostile, value: '"v"' }]);
      expect(q(db, 'SELECT key FROM settings WHERE key = ?').get('missing')).toBeUndefined();

      const logged: { sql: string; ms: number }[] = [];
      setSlowLog(db, 1, (sql, ms) => logged.push({ sql, ms }));
      expect(q(db, SLOW_SQL).value<number>()).toBe(300000);
      expect(logged.length).toBe(1);
      expect(logged[0].sql).toBe(SLOW_SQL);
      expect(logged[0].ms).toBeGreaterThan(1);

      setSlowLog(db, 60_000, (sql, ms) => logged.push({ sql, ms }));
      q(db, SLOW_SQL).value();
      q(db, 'SELECT 1').get();
      expect(logged.length).toBe(1);
    } finally {
      db.close();
    }
  });

  it('open() refuses a file that is not a database, and sets the pragmas', () => {
    const dir = testDir();
    const file = path.join(dir, 'junk.db');
    fs.writeFileSync(file, Buffer.alloc(4096, 1));
    expect(() => open(file)).toThrow('file is not a database');
    const db = open(path.join(dir, 'ok.db'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      // FULL: every COMMIT is on disk before it returns (issue 6).
      expect(db.pragma('synchronous', { simple: true })).toBe(2);
      expect(db.pragma('recursive_triggers', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      // MEMORY (2): the statement journal of a write to a table with triggers is not a temp file per row.
      expect(db.pragma('temp_store', { simple: true })).toBe(2);
    } finally {
      db.close();
    }
  });
});
