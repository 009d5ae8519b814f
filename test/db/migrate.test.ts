import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { open, type Db } from '../../db/connection';
import { DbTooNewError, LATEST_VERSION, migrate, schemaVersion } from '../../db/migrate';
import { MIGRATIONS } from '../../db/migrations/index';
import { completePendingTerms, searchTerms } from '../../electron/workflows/master/search-terms';
import { listBackups } from '../../electron/backup/backup';
import { localStamp, PASSWORD, START, testDir, testEnv } from '../helpers/host';

/** Tables of version 1 (0010_init) and version 2 (0020_search): fixed forever, migrations are never edited. */
const V1_TABLES = ['audit_log', 'buildings', 'occupancy_history', 'people', 'sequences', 'settings', 'unit_people', 'units', 'users'];
const V2_TABLES = [...V1_TABLES, 'search_terms', 'search_terms_pending'].sort();
const ALL_VERSIONS = Array.from({ length: LATEST_VERSION }, (_, i) => i + 1);

function tablesOf(db: Db): { name: string; strict: number }[] {
  return (db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string; strict: number }[]);
}

function openIn(dir: string): Db {
  return open(path.join(dir, 'frontdesk.db'));
}

const T = '2026-01-01T00:00:00.000Z';

/** Data as a v1 (0010_init) database held it, written with plain SQL as that build did. */
function insertV1Data(db: Db) {
  const ins = (sql: string, ...p: unknown[]) => db.prepare(sql).run(...p);
  ins('INSERT INTO buildings (id, code, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', 'b1', '3', '3号楼', T, T);
  ins('INSERT INTO units (id, building_id, code, use, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', 'u1', 'b1', '3-2-1502', 'residential', T, T);
  ins('INSERT INTO units (id, building_id, code, use, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', 'u2', 'b1', '3-2-1503', 'office', T, T);
  ins('INSERT INTO units (id, building_id, code, use, voided_at, void_reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', 'u3', 'b1', '3-2-1504', 'office', T, '录错', T, T);
  const person = 'INSERT INTO people (id, kind, name, phone, phone2, voided_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
  ins(person, 'p1', 'person', '张三', '13812345678', null, null, T, T);
  ins(person, 'p2', 'person', '欧阳娜娜', '075512345678', '13900001111', null, T, T);
  ins(person, 'p3', 'person', '曾小单', null, null, null, T, T);
  ins(person, 'p4', 'person', '李四', '13755556666', null, T, T, T); // voided before the migration
  ins(person, 'p5', 'company', 'ACME Ltd', '4008001234', null, null, T, T);
  ins('INSERT INTO unit_people (id, unit_id, person_id, relation, start_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)', 'l1', 'u1', 'p1', 'owner', '2020-01-01', T, T);
}

const find = (db: Db, text: string) =>
  searchTerms(db, text, 20)
    .map((h) => `${h.kind}:${h.refId}`)
    .sort();

describe('migrate on a fresh database', () => {
  it('reaches LATEST_VERSION with user_version set, STRICT tables, WAL and foreign keys', () => {
    const dir = testDir();
    const db = openIn(dir);
    try {
      expect(schemaVersion(db)).toBe(0);
      expect(LATEST_VERSION).toBe(MIGRATIONS.length);
      expect(LATEST_VERSION).toBeGreaterThanOrEqual(2);
      // Migration files are numbered in order, the first two being the ones this suite knows.
      expect(MIGRATIONS.slice(0, 2).map((m) => m.name)).toEqual(['0010_init', '0020_search']);
      const numbers = MIGRATIONS.map((m) => Number(/^(\d{4})_[a-z0-9_]+$/.exec(m.name)?.[1]));
      expect(numbers.every((n, i) => Number.isInteger(n) && (i === 0 || n > numbers[i - 1]))).toBe(true);
      expect(migrate(db)).toEqual(ALL_VERSIONS);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      const tables = tablesOf(db);
      expect(tables.filter((t) => t.strict !== 1)).toEqual([]);
      expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(V2_TABLES));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // Nothing pending: a second run applies nothing.
      expect(migrate(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('STRICT and foreign keys are enforced, not only declared', () => {
    const db = openIn(testDir());
    try {
      migrate(db);
      expect(() => db.prepare("INSERT INTO sequences (prefix, year, value) VALUES ('FX', 'next year', 1)").run()).toThrow(
        'cannot store TEXT value in INTEGER column sequences.year',
      );
      expect(() =>
        db.prepare("INSERT INTO units (id, building_id, code, use, created_at, updated_at) VALUES ('u', 'no-such-building', '1', 'shop', 'x', 'x')").run(),
      ).toThrow(/FOREIGN KEY constraint failed/);
      expect(() =>
        db.prepare("INSERT INTO buildings (id, code, name, created_at, updated_at) VALUES ('b', '1', 'x', 'x', 'x'), ('c', '1', 'y', 'x', 'x')").run(),
      ).toThrow(/UNIQUE constraint failed: buildings.code/);
      expect(db.prepare('SELECT count(*) FROM buildings').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });

  it('runs to a target version only', () => {
    const db = openIn(testDir());
    try {
      expect(migrate(db, { target: 1 })).toEqual([1]);
      expect(schemaVersion(db)).toBe(1);
      expect(tablesOf(db).map((t) => t.name)).toEqual(V1_TABLES);
      expect(migrate(db, { target: 1 })).toEqual([]);
      expect(migrate(db, { target: 2 })).toEqual([2]);
      expect(schemaVersion(db)).toBe(2);
      expect(tablesOf(db)).toEqual(V2_TABLES.map((name) => ({ name, strict: 1 })));
      expect(migrate(db)).toEqual(ALL_VERSIONS.slice(2));
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
    } finally {
      db.close();
    }
  });

  it('calls backupBefore only when the file already has a schema, with the version it had', () => {
    const db = openIn(testDir());
    try {
      const calls: number[] = [];
      migrate(db, { target: 1, backupBefore: (v) => calls.push(v) });
      expect(calls).toEqual([]);
      migrate(db, { backupBefore: (v) => calls.push(v) });
      expect(calls).toEqual([1]);
      migrate(db, { backupBefore: (v) => calls.push(v) });
      expect(calls).toEqual([1]);
    } finally {
      db.close();
    }
  });
});

describe('each migration step is one transaction', () => {
  it('a failing step of a fresh database leaves version 0 and no tables', () => {
    const db = openIn(testDir());
    try {
      expect(() =>
        migrate(db, {
          after: {
            1: () => {
              throw new Error('boom in step 1');
            },
          },
        }),
      ).toThrow('boom in step 1');
      expect(schemaVersion(db)).toBe(0);
      expect(tablesOf(db)).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('a failing second step keeps the database at version 1 with the v1 schema and data', () => {
    const dir = testDir();
    let db = openIn(dir);
    migrate(db, { target: 1 });
    insertV1Data(db);
    let reached = false;
    expect(() =>
      migrate(db, {
        after: {
          2: (d) => {
            // The step's SQL has run by now inside the same transaction ...
            expect(d.prepare('SELECT count(*) FROM search_terms').pluck().get()).toBeGreaterThan(0);
            reached = true;
            throw new Error('boom in step 2');
          },
        },
      }),
    ).toThrow('boom in step 2');
    expect(reached).toBe(true);
    // ... and is rolled back with it.
    expect(schemaVersion(db)).toBe(1);
    expect(tablesOf(db).map((t) => t.name)).toEqual(V1_TABLES);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name LIKE 'search_terms%'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(5);
    db.close();
    // The file on disk says the same after reopening, and the migration can then run.
    db = openIn(dir);
    try {
      expect(schemaVersion(db)).toBe(1);
      expect(migrate(db, { after: { 2: (d) => void completePendingTerms(d) } })).toEqual(ALL_VERSIONS.slice(1));
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
    } finally {
      db.close();
    }
  });
});

describe('migration 0020 on data written at version 1', () => {
  it('creates search terms for existing units and people, including pinyin from the host step', () => {
    const db = openIn(testDir());
    try {
      migrate(db, { target: 1 });
      insertV1Data(db);
      let completed = -1;
      migrate(db, { after: { 2: (d) => void (completed = completePendingTerms(d)) } });
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      // Pending rows are the 4 live people; all of them completed, none left.
      expect(completed).toBe(4);
      expect(db.prepare('SELECT count(*) FROM search_terms_pending').pluck().get()).toBe(0);

      // Names, pinyin initials and full pinyin (surname readings: 曾 zeng, 单 shan).
      expect(find(db, 'zs')).toEqual(['person:p1']);
      expect(find(db, 'zhangsan')).toEqual(['person:p1']);
      expect(find(db, '张')).toEqual(['person:p1']);
      expect(find(db, 'oynn')).toEqual(['person:p2']);
      expect(find(db, 'ouyangnana')).toEqual(['person:p2']);
      expect(find(db, 'zengxiaodan')).toEqual(['person:p3']);
      expect(find(db, 'zxd')).toEqual(['person:p3']);
      expect(find(db, 'acme')).toEqual(['person:p5']);
      // Phone tails and full phones, also the second phone.
      expect(find(db, '5678')).toEqual(['person:p1', 'person:p2']);
      expect(find(db, '13812345678')).toEqual(['person:p1']);
      expect(find(db, '1111')).toEqual(['person:p2']);
      // Units by code prefix; the voided unit and the voided person have no terms.
      expect(find(db, '3-2-15')).toEqual(['unit:u1', 'unit:u2']);
      expect(find(db, '3-2-1504')).toEqual([]);
      expect(find(db, 'ls')).toEqual([]);
      expect(find(db, '李四')).toEqual([]);
      expect(find(db, '6666')).toEqual([]);
      expect(db.prepare("SELECT count(*) FROM search_terms WHERE ref_id IN ('u3', 'p4')").pluck().get()).toBe(0);
      // Exact terms of p1, nothing else.
      expect(db.prepare("SELECT term FROM search_terms WHERE ref_id = 'p1' ORDER BY term").pluck().all()).toEqual(['13812345678', '5678', 'zhangsan', 'zs', '张三']);
    } finally {
      db.close();
    }
  });

  it('0070 moves every release-slip event into the one timeline table, unchanged, and the old table is gone', () => {
    const db = openIn(testDir());
    try {
      const v = MIGRATIONS.findIndex((m) => m.name === '0070_record_events');
      migrate(db, { target: v });
      db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, password_salt, created_at, updated_at) VALUES ('u9', 'li', '李', 'clerk', 'h', 's', ?, ?)").run(T, T);
      db.pragma('foreign_keys = OFF'); // the events' slip is not what this step is about
      const ins = db.prepare('INSERT INTO release_slip_events (id, slip_id, at, user_id, action, detail) VALUES (?, ?, ?, ?, ?, ?)');
      ins.run('e1', 's1', T, 'u9', 'create', '{"number":"FX-2026-000001"}');
      ins.run('e2', 's1', T, null, 'gate-refused', null);
      db.pragma('foreign_keys = ON');
      migrate(db);
      expect(db.prepare('SELECT id, kind, record_id, at, user_id, action, detail FROM record_events ORDER BY id').all()).toEqual([
        { id: 'e1', kind: 'slip', record_id: 's1', at: T, user_id: 'u9', action: 'create', detail: '{"number":"FX-2026-000001"}' },
        { id: 'e2', kind: 'slip', record_id: 's1', at: T, user_id: null, action: 'gate-refused', detail: null },
      ]);
      expect(tablesOf(db).map((t) => t.name)).not.toContain('release_slip_events');
    } finally {
      db.close();
    }
  });

  it('through the host: a v1 file is backed up first, migrated, and searchable by channel', async () => {
    const dir = testDir();
    const old = openIn(dir);
    migrate(old, { target: 1 });
    insertV1Data(old);
    old.close();
    const before = fs.readFileSync(path.join(dir, 'frontdesk.db'));

    const env = testEnv({ dir });
    expect(env.host.state()).toEqual({ db: 'ok', message: null });
    const backups = listBackups(env.paths.backups);
    expect(backups.map((b) => b.kind)).toEqual(['pre-migration']);
    expect(backups[0].name).toBe(`frontdesk-${localStamp(new Date(START))}-pre-migration.db`);
    // The backup holds the data at version 1.
    const copy = new Database(path.join(env.paths.backups, backups[0].name), { readonly: true });
    try {
      expect(copy.pragma('user_version', { simple: true })).toBe(1);
      expect(copy.prepare('SELECT name FROM people ORDER BY id').pluck().all()).toEqual(['张三', '欧阳娜娜', '曾小单', '李四', 'ACME Ltd']);
      expect(copy.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'search_terms'").pluck().get()).toBe(0);
    } finally {
      copy.close();
    }
    expect(before.length).toBeGreaterThan(0);
    expect(env.logs.some((l) => l === `info migrated ${env.paths.db} from 1 to ${LATEST_VERSION}`)).toBe(true);

    const status = await env.ok('app.status', {});
    expect(status.schemaVersion).toBe(LATEST_VERSION);
    expect(status.setupNeeded).toBe(true);
    await env.init();
    const zs = await env.ok('search.global', { q: 'zs' });
    expect(zs).toEqual([{ kind: 'person', id: 'p1', title: '张三', subtitle: '138****5678 · 3-2-1502', unitId: null }]);
    const tail = await env.ok('search.global', { q: '5678' });
    expect(tail.map((h) => h.title).sort()).toEqual(['张三', '欧阳娜娜']);
    const unit = await env.ok('search.global', { q: '3-2-1502' });
    expect(unit).toEqual([{ kind: 'unit', id: 'u1', title: '3-2-1502', subtitle: '张三', unitId: 'u1' }]);
    // Opening it again migrates nothing and takes no second backup.
    env.restart();
    expect(listBackups(env.paths.backups).map((b) => b.kind)).toEqual(['pre-migration']);
    await env.signIn('admin', 'mgr');
    expect((await env.ok('search.global', { q: 'oynn' })).map((h) => h.title)).toEqual(['欧阳娜娜']);
  });

  it('a fresh data folder gets no pre-migration backup', async () => {
    const env = testEnv();
    expect(env.host.state()).toEqual({ db: 'ok', message: null });
    expect(listBackups(env.paths.backups)).toEqual([]);
    expect(fs.existsSync(env.paths.backups)).toBe(false);
    const db = env.db();
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(tablesOf(db).every((t) => t.strict === 1)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    await env.init();
    expect(listBackups(env.paths.backups)).toEqual([]);
  });
});

describe('a database from a newer build', () => {
  it('migrate refuses it with DbTooNewError and changes nothing', () => {
    const dir = testDir();
    const db = openIn(dir);
    try {
      migrate(db);
      db.pragma(`user_version = ${LATEST_VERSION + 1}`);
      let err: unknown;
      try {
        migrate(db, { backupBefore: () => expect.unreachable('no backup for a newer file') });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DbTooNewError);
      expect((err as DbTooNewError).fileVersion).toBe(LATEST_VERSION + 1);
      expect((err as DbTooNewError).appVersion).toBe(LATEST_VERSION);
      expect((err as Error).message).toBe(
        `The database was written by a newer FrontDesk (schema ${LATEST_VERSION + 1}; this build knows ${LATEST_VERSION}). Install the newer version, or restore a backup made by this one.`,
      );
      expect(schemaVersion(db)).toBe(LATEST_VERSION + 1);
    } finally {
      db.close();
    }
  });

  it('the host reports too-new, answers DB_UNAVAILABLE elsewhere and leaves the file untouched', async () => {
    const dir = testDir();
    const file = path.join(dir, 'frontdesk.db');
    {
      const setup = testEnv({ dir });
      await setup.init();
      await setup.ok('buildings.create', { code: 'A', name: 'A座', note: null });
      setup.dispose();
    }
    {
      const db = new Database(file);
      db.pragma(`user_version = ${LATEST_VERSION + 1}`);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    }
    const past = new Date('2025-01-02T03:04:05Z');
    fs.utimesSync(file, past, past);
    const bytes = fs.readFileSync(file);
    const listing = fs.readdirSync(dir).sort();

    const env = testEnv({ dir });
    const status = await env.ok('app.status', {});
    expect(status.db).toBe('too-new');
    expect(status.dbMessage).toBe(
      `The database was written by a newer FrontDesk (schema ${LATEST_VERSION + 1}; this build knows ${LATEST_VERSION}). Install the newer version, or restore a backup made by this one.`,
    );
    expect(status.schemaVersion).toBe(0);
    expect(status.setupNeeded).toBe(false);
    expect(status.session).toBeNull();
    for (const [channel, input] of [
      ['auth.signIn', { username: 'admin', password: PASSWORD }],
      ['setup.init', { siteName: 'x', username: 'other', displayName: 'x', password: PASSWORD, demo: false }],
      ['buildings.list', {}],
      ['backup.create', {}],
      ['settings.get', {}],
    ] as const) {
      expect(await env.fail(channel, input)).toEqual({ code: 'DB_UNAVAILABLE', message: 'error.dbTooNew' });
    }
    expect(await env.ok('recovery.backups', {})).toEqual([]);
    env.dispose();

    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.statSync(file).mtime.getTime()).toBe(past.getTime());
    // A read-only look at a WAL file may leave empty -wal/-shm companions; nothing else appears.
    // frontdesk.lock is the folder's lock (empty; its owner note is removed when the host closes).
    expect(listing.filter((n) => n !== 'frontdesk.lock')).toEqual(['frontdesk.db']);
    expect(fs.readdirSync(dir).filter((n) => !/^frontdesk\.(db(-wal|-shm)?|lock)$/.test(n))).toEqual([]);
    if (fs.existsSync(`${file}-wal`)) expect(fs.statSync(`${file}-wal`).size).toBe(0);
  });
});
