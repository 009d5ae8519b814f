/**
 * Issue 6, in one process on real files: restores prove their file, unusable data files go to
 * recovery (never to first-run setup), the audit log refuses rewriting and is hash-chained, unclean
 * stops are recorded and shown once. The multi-process findings are in data-folder.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit-chain';
import { open } from '../../db/connection';
import { LATEST_VERSION, migrate } from '../../db/migrate';
import { hashPassword } from '../../electron/services/auth';
import { listBackups } from '../../electron/backup/backup';
import { digest } from '../helpers/fixtures';
import { localStamp, PASSWORD, testDir, testEnv, TestEnv } from '../helpers/host';

const SETUP = { siteName: '新站点', username: 'intruder', displayName: '入侵者', password: PASSWORD, demo: false };

/** A site with a building and a manual backup of it. */
async function siteWithBackup() {
  const env = testEnv();
  await env.init();
  await env.ok('buildings.create', { code: 'A', name: 'A座', note: null });
  const good = await env.ok('backup.create', {});
  env.clock.advanceMinutes(1);
  return { env, good };
}

/** Bad candidate files, each under a backup's name in the backups folder. */
function plantBadBackups(env: TestEnv, goodName: string): Record<string, string> {
  const dir = env.paths.backups;
  let n = 10;
  const name = () => `frontdesk-${localStamp(env.clock.now())}-${n++}-manual.db`;
  const files: Record<string, string> = {};
  const make = (reason: string, write: (file: string) => void) => {
    const f = name();
    write(path.join(dir, f));
    files[f] = reason;
  };
  make('empty', (f) => fs.writeFileSync(f, ''));
  make('empty', (f) => new Database(f).exec('VACUUM').close());
  make('foreign', (f) => {
    const db = new Database(f);
    db.exec("CREATE TABLE users (id TEXT, role TEXT, active INT); CREATE TABLE settings (key TEXT, value TEXT); INSERT INTO settings VALUES ('siteName', '\"x\"')");
    db.close();
  });
  make('foreign', (f) => {
    const db = new Database(f);
    db.exec('CREATE TABLE notes (body TEXT)');
    db.pragma('user_version = 3');
    db.close();
  });
  make('too-new', (f) => {
    fs.copyFileSync(path.join(dir, goodName), f);
    const db = new Database(f);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
  });
  make('damaged', (f) => {
    const bytes = fs.readFileSync(path.join(dir, goodName));
    fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
  });
  make('no-manager', (f) => {
    fs.copyFileSync(path.join(dir, goodName), f);
    const db = new Database(f);
    db.exec("UPDATE users SET active = 0 WHERE role = 'manager'");
    db.close();
  });
  make('no-site', (f) => {
    fs.copyFileSync(path.join(dir, goodName), f);
    const db = new Database(f);
    db.exec("DELETE FROM settings WHERE key = 'siteName'");
    db.close();
  });
  return files;
}

describe('a restore proves its file first', () => {
  it('refuses empty, foreign, too-new, truncated and manager-less files with their reason, changing nothing', async () => {
    const { env, good } = await siteWithBackup();
    const bad = plantBadBackups(env, good.name);
    const before = digest(env.db());
    const backupsBefore = listBackups(env.paths.backups).map((b) => b.name);
    for (const [name, reason] of Object.entries(bad)) {
      expect(await env.fail('backup.restore', { name }), name).toEqual({ code: 'BAD_STATE', message: 'error.backupInvalid', params: { reason } });
    }
    // Still signed in, same data, no pre-restore backup, and every refusal audited.
    expect(digest(env.db())).toEqual(before);
    expect(listBackups(env.paths.backups).map((b) => b.name)).toEqual(backupsBefore);
    expect(env.count("SELECT count(*) FROM audit_log WHERE action = 'restore-refused'")).toBe(Object.keys(bad).length);
    expect((await env.ok('app.status', {})).session?.user.username).toBe('admin');
    // Setup stays closed: the refused files never replaced the site.
    expect(await env.fail('setup.init', SETUP, 'anyone')).toEqual({ code: 'BAD_STATE', message: 'error.setupDone' });
    // The recovery list marks each of them.
    const listed = await env.ok('recovery.backups', {});
    expect(Object.fromEntries(listed.filter((b) => b.name in bad).map((b) => [b.name, b.problem]))).toEqual(
      // The header-only look of the list cannot see the truncation; the restore's page-by-page check does.
      Object.fromEntries(Object.entries(bad).map(([n, r]) => [n, r === 'damaged' ? expect.toBeOneOf([null, 'damaged']) : r])),
    );
    expect(listed.find((b) => b.name === good.name)?.problem).toBeNull();
  });

  it('an older FrontDesk backup (no application_id yet) is accepted and migrated; the file gets the id', async () => {
    const { env } = await siteWithBackup();
    const older = `frontdesk-${localStamp(env.clock.now())}-9-manual.db`;
    const f = path.join(env.paths.backups, older);
    // A schema-4 file as that build wrote it (migrations 1–4 only: no application_id, no site_meta, an audit
    // log without its chain): a site, its manager (with the test password) and a building, in plain SQL.
    const db = open(f);
    migrate(db, { target: 4 });
    const T = '2026-03-01T00:00:00.000Z';
    const pw = await hashPassword(PASSWORD);
    db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)').run('siteName', JSON.stringify('阳光花园'), T);
    db.prepare("INSERT INTO users (id, username, display_name, role, password_hash, password_salt, created_at, updated_at) VALUES ('u1', 'admin', '王经理', 'manager', ?, ?, ?, ?)").run(pw.hash, pw.salt, T, T);
    db.prepare("INSERT INTO buildings (id, code, name, created_at, updated_at) VALUES ('b1', 'A', 'A座', ?, ?)").run(T, T);
    db.prepare("INSERT INTO audit_log (id, at, user_id, action, entity, entity_id) VALUES ('a1', ?, 'u1', 'create', 'building', 'b1')").run(T);
    db.pragma('journal_mode = DELETE');
    db.close();
    const raw = new Database(f, { readonly: true });
    expect([raw.pragma('user_version', { simple: true }), raw.pragma('application_id', { simple: true })]).toEqual([4, 0]);
    raw.close();
    expect(await env.ok('backup.restore', { name: older })).toEqual({ done: true });
    await env.signIn('admin', 'mgr');
    expect(env.db().pragma('application_id', { simple: true })).toBe(0x46444b31);
    expect(verifyAuditChain(env.db())).toMatchObject({ ok: true });
    expect((await env.ok('app.status', {})).setupNeeded).toBe(false);
    expect((await env.ok('buildings.list', { includeVoided: false })).map((b) => b.code)).toEqual(['A']);
  });
});

describe('an unusable data file at start goes to recovery, never to first-run setup', () => {
  it.each([
    ['a zero-byte file', (f: string) => fs.writeFileSync(f, ''), 'foreign'],
    ['an empty SQLite file', (f: string) => new Database(f).exec('VACUUM').close(), 'foreign'],
    ['another program’s SQLite file', (f: string) => new Database(f).exec('CREATE TABLE t (x)').close(), 'foreign'],
    ['a file with no SQLite header', (f: string) => fs.writeFileSync(f, Buffer.alloc(8192, 0x41)), 'damaged'],
  ] as const)('%s', async (_what, write, state) => {
    const dir = testDir();
    write(path.join(dir, 'frontdesk.db'));
    const bytes = fs.readFileSync(path.join(dir, 'frontdesk.db'));
    const env = testEnv({ dir });
    const status = await env.ok('app.status', {});
    expect(status).toMatchObject({ db: state, setupNeeded: false });
    expect(await env.fail('setup.init', SETUP)).toEqual({ code: 'DB_UNAVAILABLE', message: 'error.dbDamaged' });
    // No backups at all: a new site only when asked for explicitly, and the old file is kept aside.
    expect(await env.ok('recovery.backups', {})).toEqual([]);
    expect(await env.fail('recovery.newSite', {})).toMatchObject({ code: 'VALIDATION' });
    expect(await env.ok('recovery.newSite', { confirm: true })).toEqual({ done: true });
    expect((await env.ok('app.status', {})).setupNeeded).toBe(true);
    const kept = fs.readdirSync(dir).filter((n) => n.startsWith('frontdesk.db.damaged-') && !/-(wal|shm)$/.test(n));
    expect(kept.length).toBe(1);
    expect(fs.readFileSync(path.join(dir, kept[0])).equals(bytes)).toBe(true);
    await env.init();
    expect(env.count("SELECT count(*) FROM audit_log WHERE action = 'new-site'")).toBe(1);
  });

  it('with backups, offers them instead of a new site; a folder with backups but no data file too', async () => {
    const { env, good } = await siteWithBackup();
    env.host.close();
    fs.writeFileSync(env.paths.db, '');
    for (const s of ['-wal', '-shm']) fs.rmSync(env.paths.db + s, { force: true });
    env.restart();
    expect((await env.ok('app.status', {})).db).toBe('foreign');
    expect(await env.fail('recovery.newSite', { confirm: true })).toEqual({ code: 'BAD_STATE', message: 'error.restoreInstead' });
    expect((await env.ok('recovery.backups', {})).map((b) => [b.name, b.problem])).toEqual([[good.name, null]]);

    env.host.close();
    fs.rmSync(env.paths.db);
    env.restart();
    expect(await env.ok('app.status', {})).toMatchObject({ db: 'missing', setupNeeded: false });
    expect(fs.existsSync(env.paths.db)).toBe(false);
    expect(await env.ok('recovery.restore', { name: good.name })).toEqual({ done: true });
    await env.signIn('admin', 'mgr');
    expect((await env.ok('buildings.list', { includeVoided: false })).map((b) => b.code)).toEqual(['A']);
  });

  it('a set-up file whose managers were removed by another tool is not offered as a new site', async () => {
    const env = testEnv();
    await env.init();
    env.host.close();
    const raw = new Database(env.paths.db);
    raw.exec("UPDATE users SET active = 0 WHERE role = 'manager'");
    raw.close();
    env.restart();
    expect(await env.ok('app.status', {})).toMatchObject({ db: 'no-manager', setupNeeded: false });
    expect(await env.fail('setup.init', SETUP)).toMatchObject({ code: 'DB_UNAVAILABLE' });
  });

  it('only a file FrontDesk created and nobody set up offers setup', async () => {
    const env = testEnv();
    expect((await env.ok('app.status', {})).setupNeeded).toBe(true);
    await env.init();
    env.restart();
    expect((await env.ok('app.status', {})).setupNeeded).toBe(false);
    expect(await env.fail('setup.init', SETUP, 'x')).toEqual({ code: 'BAD_STATE', message: 'error.setupDone' });
  });
});

describe('the audit log is tamper-evident', () => {
  async function siteAudit() {
    const env = testEnv();
    await env.init();
    for (const code of ['A', 'B', 'C']) await env.ok('buildings.create', { code, name: `${code}座`, note: null });
    return env;
  }

  it('refuses UPDATE, DELETE and INSERT OR REPLACE, from the app’s connection and from a plain one', async () => {
    const env = await siteAudit();
    const first = env.rows<{ id: string; seq: number; hash: string }>('SELECT id, seq, hash FROM audit_log ORDER BY seq LIMIT 1')[0];
    const plain = new Database(env.paths.db);
    try {
      for (const db of [env.db(), plain]) {
        expect(() => db.prepare("UPDATE audit_log SET action = 'x' WHERE id = ?").run(first.id)).toThrow('append-only');
        expect(() => db.prepare('DELETE FROM audit_log WHERE id = ?').run(first.id)).toThrow('append-only');
        expect(() => db.prepare("INSERT OR REPLACE INTO audit_log (id, at, action, entity, seq, hash) VALUES (?, 'x', 'x', 'x', ?, ?)").run(first.id, first.seq, first.hash)).toThrow('append-only');
        expect(() => db.prepare("REPLACE INTO audit_log (id, at, action, entity, seq, hash) VALUES ('new', 'x', 'x', 'x', ?, 'h')").run(first.seq)).toThrow('append-only');
        // A row without its place in the chain is refused too.
        expect(() => db.prepare("INSERT INTO audit_log (id, at, action, entity) VALUES ('forged', 'x', 'x', 'x')").run()).toThrow();
      }
    } finally {
      plain.close();
    }
    expect(verifyAuditChain(env.db())).toEqual({ ok: true, rows: env.count('SELECT count(*) FROM audit_log') });
  });

  it('finds a row edited, or removed, by a tool that dropped the triggers', async () => {
    const env = await siteAudit();
    const n = env.count('SELECT count(*) FROM audit_log');
    env.host.close();
    const raw = new Database(env.paths.db);
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    const seq = raw.prepare("SELECT seq FROM audit_log WHERE after LIKE '%B座%'").pluck().get() as number;
    raw.prepare("UPDATE audit_log SET after = replace(after, 'B座', 'X座') WHERE seq = ?").run(seq);
    expect(verifyAuditChain(raw)).toEqual({ ok: false, rows: seq, seq, problem: 'altered' });
    raw.prepare("UPDATE audit_log SET after = replace(after, 'X座', 'B座') WHERE seq = ?").run(seq);
    expect(verifyAuditChain(raw)).toEqual({ ok: true, rows: n });
    raw.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect(verifyAuditChain(raw)).toEqual({ ok: false, rows: 2, seq: 2, problem: 'missing' });
    raw.close();
  });
});

describe('an unclean stop', () => {
  it('is logged, audited and shown once to the next manager who signs in, not to a clerk', async () => {
    const env = testEnv();
    await env.init();
    await env.addUser('clerk');
    env.host.close();
    // What a killed process leaves behind: its open marker (pid of no living process).
    fs.writeFileSync(`${env.paths.db}.open-999999999-deadbeef`, '');
    env.restart();
    expect(env.logs.some((l) => l.startsWith('warn the last run stopped without closing the database'))).toBe(true);
    expect(env.count("SELECT count(*) FROM audit_log WHERE action = 'unclean-stop'")).toBe(1);
    await env.signIn('clerk', 'clerk');
    expect((await env.ok('app.status', {}, 'clerk')).notice).toBeNull();
    await env.signIn('admin', 'mgr');
    expect((await env.ok('app.status', {})).notice).toEqual({ kind: 'unclean-stop', lastActiveAt: expect.any(String), intact: true });
    await env.signIn('admin', 'mgr2');
    expect((await env.ok('app.status', {}, 'mgr2')).notice).toBeNull();
    env.restart();
    await env.signIn('admin', 'mgr');
    expect((await env.ok('app.status', {})).notice).toBeNull();
  });

  it('stale temporary files of interrupted backups are removed at start, fresh ones are left', async () => {
    const env = testEnv();
    await env.init();
    env.host.close();
    fs.mkdirSync(env.paths.backups, { recursive: true });
    const stale = path.join(env.paths.backups, 'frontdesk-20260101-000000-daily.db.partial');
    const fresh = path.join(env.paths.backups, 'frontdesk-20260315-120000-manual.db.partial');
    fs.writeFileSync(stale, 'x');
    fs.writeFileSync(fresh, 'x');
    const old = new Date(Date.now() - 3600_000);
    fs.utimesSync(stale, old, old);
    env.restart();
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
  });
});
