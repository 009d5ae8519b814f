import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { open } from '../../db/connection';
import { LATEST_VERSION, migrate } from '../../db/migrate';
import {
  checkDatabaseFile,
  createBackup,
  hasBackupOfDay,
  KEEP_OTHER,
  listBackups,
  parseBackupName,
  quarantine,
  replaceDatabaseFile,
  rotateBackups,
} from '../../electron/backup/backup';
import { localStamp, testDir } from '../helpers/host';

const touch = (dir: string, names: string[]) => {
  fs.mkdirSync(dir, { recursive: true });
  for (const n of names) fs.writeFileSync(path.join(dir, n), 'x');
};
const name = (day: string, time: string, kind: string) => `frontdesk-${day.replace(/-/g, '')}-${time}-${kind}.db`;
const days = (from: number, to: number, month: string) => Array.from({ length: to - from + 1 }, (_, i) => `${month}-${String(from + i).padStart(2, '0')}`);

describe('backup names', () => {
  it('parses kind and local creation time, and ignores other files', () => {
    expect(parseBackupName('frontdesk-20260315-120102-daily.db')).toEqual({ kind: 'daily', createdAt: '2026-03-15T12:01:02', day: '2026-03-15', seq: 1 });
    expect(parseBackupName('frontdesk-20260315-120102-3-pre-import.db')).toEqual({ kind: 'pre-import', createdAt: '2026-03-15T12:01:02', day: '2026-03-15', seq: 3 });
    for (const bad of ['frontdesk-20260315-120102-weekly.db', 'frontdesk-20260315-120102-daily.db.partial', '../frontdesk-20260315-120102-daily.db', 'frontdesk.db', 'x']) {
      expect(parseBackupName(bad)).toBeNull();
    }
    const dir = testDir();
    touch(dir, ['frontdesk-20260315-120102-daily.db', 'frontdesk-20260315-120102-daily.db.partial', 'notes.txt']);
    expect(listBackups(dir).map((b) => b.name)).toEqual(['frontdesk-20260315-120102-daily.db']);
    expect(listBackups(path.join(dir, 'missing'))).toEqual([]);
  });

  it('lists newest first, also for backups taken within the same second', () => {
    const dir = testDir();
    const db = open(path.join(dir, 'frontdesk.db'));
    try {
      migrate(db);
      const at = new Date('2026-03-15T04:00:00Z');
      const made = [
        createBackup(db, path.join(dir, 'b'), 'manual', at).name,
        createBackup(db, path.join(dir, 'b'), 'manual', at).name,
        createBackup(db, path.join(dir, 'b'), 'manual', at).name,
      ];
      const s = localStamp(at);
      expect(made).toEqual([`frontdesk-${s}-manual.db`, `frontdesk-${s}-2-manual.db`, `frontdesk-${s}-3-manual.db`]);
      expect(listBackups(path.join(dir, 'b')).map((b) => b.name)).toEqual([...made].reverse());
    } finally {
      db.close();
    }
    // The tenth of a second sorts after the second, not between 1 and 2.
    const many = testDir();
    touch(many, ['frontdesk-20260315-120000-manual.db', ...[2, 3, 9, 10, 11].map((i) => `frontdesk-20260315-120000-${i}-manual.db`), 'frontdesk-20260315-120001-manual.db']);
    expect(listBackups(many).map((b) => b.name)).toEqual([
      'frontdesk-20260315-120001-manual.db',
      ...[11, 10, 9, 3, 2].map((i) => `frontdesk-20260315-120000-${i}-manual.db`),
      'frontdesk-20260315-120000-manual.db',
    ]);
  });

  it('hasBackupOfDay looks at kind and local day', () => {
    const dir = testDir();
    touch(dir, [name('2026-03-14', '235959', 'daily'), name('2026-03-15', '000001', 'manual')]);
    expect(hasBackupOfDay(dir, 'daily', '2026-03-14')).toBe(true);
    expect(hasBackupOfDay(dir, 'daily', '2026-03-15')).toBe(false);
    expect(hasBackupOfDay(dir, 'manual', '2026-03-15')).toBe(true);
  });
});

describe('rotateBackups', () => {
  // Daily backups: 2026-01-31, 2026-02-27/28, 2026-03-10..15; manual ones 2025-12-01..25; one each of other kinds.
  const files = [
    ...days(10, 15, '2026-03').map((d) => name(d, '030000', 'daily')),
    name('2026-02-27', '030000', 'daily'),
    name('2026-02-28', '030000', 'daily'),
    name('2026-01-31', '030000', 'daily'),
    ...days(1, 25, '2025-12').map((d) => name(d, '150000', 'manual')),
    name('2025-11-30', '080000', 'pre-migration'),
    name('2025-06-01', '080000', 'pre-import'),
    name('2025-05-01', '080000', 'pre-restore'),
  ];

  it('keeps the newest daily files, the newest of each recent month, and KEEP_OTHER of each other kind', () => {
    expect(KEEP_OTHER).toBe(20);
    const dir = testDir();
    touch(dir, files);
    const removed = rotateBackups(dir, 3, 2);
    expect(removed.sort()).toEqual(
      [
        ...days(10, 12, '2026-03').map((d) => name(d, '030000', 'daily')),
        name('2026-02-27', '030000', 'daily'),
        name('2026-01-31', '030000', 'daily'),
        ...days(1, 5, '2025-12').map((d) => name(d, '150000', 'manual')),
      ].sort(),
    );
    expect(fs.readdirSync(dir).sort()).toEqual(files.filter((f) => !removed.includes(f)).sort());
    // Kept: 3 newest daily + February's newest (the month rule) + 20 manual + 3 others.
    expect(listBackups(dir).length).toBe(3 + 1 + 20 + 3);
    // Idempotent.
    expect(rotateBackups(dir, 3, 2)).toEqual([]);
  });

  it('more months keep each month’s newest backup, whatever its kind', () => {
    const dir = testDir();
    touch(dir, files);
    const removed = rotateBackups(dir, 3, 4);
    // 2026-01-31 survives as January's newest; December's newest is the 25th (a manual one, kept anyway).
    expect(removed.sort()).toEqual(
      [...days(10, 12, '2026-03').map((d) => name(d, '030000', 'daily')), name('2026-02-27', '030000', 'daily'), ...days(1, 5, '2025-12').map((d) => name(d, '150000', 'manual'))].sort(),
    );
    // With keepMonthly 0 only the daily and per-kind rules apply.
    const dir2 = testDir();
    touch(dir2, files);
    expect(rotateBackups(dir2, 1, 0).filter((n) => n.includes('daily')).length).toBe(8);
    expect(listBackups(dir2).filter((b) => b.kind === 'daily').map((b) => b.name)).toEqual([name('2026-03-15', '030000', 'daily')]);
  });
});

describe('checkDatabaseFile, replace and quarantine', () => {
  it('tells a good, a damaged, a too-new and a missing file apart without changing them', () => {
    const dir = testDir();
    const good = path.join(dir, 'good.db');
    const db = open(good);
    migrate(db);
    db.close();
    expect(checkDatabaseFile(good)).toEqual({ ok: true, version: LATEST_VERSION });

    const garbage = path.join(dir, 'garbage.db');
    fs.writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
    expect(checkDatabaseFile(garbage)).toEqual({ ok: false, reason: 'not-sqlite', message: 'file is not a database' });

    const newer = path.join(dir, 'newer.db');
    fs.copyFileSync(good, newer);
    const n = new Database(newer);
    n.pragma(`user_version = ${LATEST_VERSION + 5}`);
    n.close();
    const r = checkDatabaseFile(newer);
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.reason).toBe('too-new');
    expect(r.ok === false && r.message).toContain(`schema ${LATEST_VERSION + 5}; this build knows ${LATEST_VERSION}`);

    const missing = checkDatabaseFile(path.join(dir, 'missing.db'));
    expect(missing.ok).toBe(false);
    expect(missing.ok === false && missing.reason).toBe('missing');
    expect(fs.existsSync(path.join(dir, 'missing.db'))).toBe(false);
  });

  it('replaceDatabaseFile swaps the file and drops the old WAL; quarantine moves, never deletes', () => {
    const dir = testDir();
    const live = path.join(dir, 'frontdesk.db');
    fs.writeFileSync(live, 'old');
    fs.writeFileSync(`${live}-wal`, 'old wal');
    fs.writeFileSync(`${live}-shm`, 'old shm');
    const src = path.join(dir, 'backup.db');
    fs.writeFileSync(src, 'new');
    replaceDatabaseFile(live, src);
    expect(fs.readFileSync(live, 'utf8')).toBe('new');
    expect(fs.readFileSync(src, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir).sort()).toEqual(['backup.db', 'frontdesk.db']);

    fs.writeFileSync(`${live}-wal`, 'wal');
    const at = new Date('2026-03-15T04:05:06Z');
    const target = quarantine(live, at);
    expect(target).toBe(`${live}.damaged-${localStamp(at)}`);
    expect(fs.readFileSync(target, 'utf8')).toBe('new');
    expect(fs.readFileSync(`${target}-wal`, 'utf8')).toBe('wal');
    expect(fs.existsSync(live)).toBe(false);
  });
});
