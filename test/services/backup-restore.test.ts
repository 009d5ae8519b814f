import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LATEST_VERSION } from '../../db/migrate';
import { listBackups } from '../../electron/backup/backup';
import { localStamp, MINUTE, PASSWORD, START, testDir, testEnv, TestEnv } from '../helpers/host';

const buildingNames = async (env: TestEnv, session = 'mgr') => (await env.ok('buildings.list', { includeVoided: true }, session)).map((b) => `${b.code}:${b.name}`);

function readOnly<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

describe('backup and restore through the channels', () => {
  it('round trip: the data comes back, a pre-restore backup holds what was replaced, everyone is signed out', async () => {
    const env = testEnv();
    await env.init();
    await env.addUser('supervisor');
    await env.ok('buildings.create', { code: 'A', name: 'A座', note: null });

    env.clock.advanceMinutes(5);
    const info = await env.ok('backup.create', {}, 'supervisor');
    expect(info).toEqual({
      name: `frontdesk-${localStamp(env.clock.now())}-manual.db`,
      kind: 'manual',
      createdAt: expect.any(String),
      sizeBytes: fs.statSync(path.join(env.paths.backups, info.name)).size,
    });
    expect(info.sizeBytes).toBeGreaterThan(4096);
    expect((await env.ok('app.status', {})).latestBackup).toEqual(info);

    env.clock.advanceMinutes(5);
    await env.ok('buildings.create', { code: 'B', name: 'B座', note: null });
    const a = (await env.ok('buildings.list', { includeVoided: false })).find((b) => b.code === 'A')!;
    await env.ok('buildings.update', { id: a.id, code: 'A', name: 'A座（改名）', note: null });
    expect(await buildingNames(env)).toEqual(['A:A座（改名）', 'B:B座']);

    env.clock.advanceMinutes(5);
    // Only a manager restores.
    expect(await env.fail('backup.restore', { name: info.name }, 'supervisor')).toEqual({ code: 'FORBIDDEN', message: 'error.FORBIDDEN' });
    expect(await env.ok('backup.restore', { name: info.name })).toEqual({ done: true });

    // Both sessions are gone.
    expect(await env.fail('buildings.list', {})).toEqual({ code: 'UNAUTHENTICATED', message: 'error.UNAUTHENTICATED' });
    expect(await env.fail('buildings.list', {}, 'supervisor')).toEqual({ code: 'UNAUTHENTICATED', message: 'error.UNAUTHENTICATED' });
    expect((await env.ok('app.status', {})).session).toBeNull();

    await env.signIn('admin', 'mgr');
    expect(await buildingNames(env)).toEqual(['A:A座']);

    const list = await env.ok('backup.list', {});
    expect(list.map((b) => b.kind)).toEqual(['pre-restore', 'manual']);
    expect(list[0].name).toBe(`frontdesk-${localStamp(env.clock.now())}-pre-restore.db`);
    // The pre-restore backup holds the data as it was just before.
    expect(readOnly(path.join(env.paths.backups, list[0].name), (db) => db.prepare('SELECT code || name FROM buildings ORDER BY code').pluck().all())).toEqual([
      'AA座（改名）',
      'BB座',
    ]);
    // The restore is in the audit log of the restored database.
    const audit = await env.ok('audit.list', { offset: 0, limit: 50, action: 'restore' });
    // With who restored it, the replaced data's backup, and the audit rows that only the replaced data had.
    const pre = list[0].name;
    expect(audit.rows.map((r) => [r.entity, r.userName, r.via, JSON.parse(r.after!)])).toEqual([
      [
        'database',
        '王经理',
        'app',
        {
          backup: info.name,
          by: { username: 'admin', displayName: '王经理' },
          replacedBy: pre,
          quarantined: null,
          lostAudit: { file: `${pre}.audit.jsonl`, rows: 4 },
        },
      ],
    ]);
    const lost = fs.readFileSync(path.join(env.paths.backups, `${pre}.audit.jsonl`), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { action: string; entity: string });
    expect(lost.map((r) => `${r.action} ${r.entity}`)).toEqual(['backup database', 'create building', 'update building', 'forbidden channel']);
    expect(env.logs).toContain(`info restored ${info.name}`);
  });

  it('refuses names that are not in the list, and files that are not good backups; nothing changes', async () => {
    const env = testEnv();
    await env.init();
    await env.ok('buildings.create', { code: 'A', name: 'A座', note: null });
    await env.ok('backup.create', {});
    for (const name of ['../frontdesk.db', '../../etc/passwd', '/etc/passwd', 'frontdesk.db', 'frontdesk-20990101-000000-manual.db', `..${path.sep}backups${path.sep}x.db`]) {
      expect(await env.fail('backup.restore', { name })).toEqual({ code: 'NOT_FOUND', message: 'error.backupNotFound' });
    }
    // A file with a backup's name that is not a database, and one from a newer build.
    const bad = `frontdesk-${localStamp(env.clock.now())}-2-manual.db`;
    fs.writeFileSync(path.join(env.paths.backups, bad), 'not a database at all');
    expect(await env.fail('backup.restore', { name: bad })).toEqual({ code: 'BAD_STATE', message: 'error.backupInvalid', params: { reason: 'not-sqlite' } });
    const newer = `frontdesk-${localStamp(env.clock.now())}-3-manual.db`;
    fs.copyFileSync(path.join(env.paths.backups, listBackups(env.paths.backups).at(-1)!.name), path.join(env.paths.backups, newer));
    const n = new Database(path.join(env.paths.backups, newer));
    n.pragma(`user_version = ${LATEST_VERSION + 1}`);
    n.close();
    expect(await env.fail('backup.restore', { name: newer })).toEqual({ code: 'BAD_STATE', message: 'error.backupInvalid', params: { reason: 'too-new' } });
    // Still signed in, same data, no pre-restore backup taken.
    expect(await buildingNames(env)).toEqual(['A:A座']);
    expect(listBackups(env.paths.backups).filter((b) => b.kind === 'pre-restore')).toEqual([]);
    // recovery.restore is for a database that cannot be opened only.
    expect(await env.fail('recovery.restore', { name: listBackups(env.paths.backups).at(-1)!.name }, 'nobody')).toEqual({ code: 'FORBIDDEN', message: 'error.FORBIDDEN' });
  });

  it('restores the oldest backup even when taking the pre-restore backup rotates it out', async () => {
    const env = testEnv();
    await env.init();
    await env.ok('settings.update', { backupKeepMonthly: 0 });
    await env.ok('buildings.create', { code: 'OLD', name: '旧楼', note: null });
    const first = await env.ok('backup.create', {});
    // Twenty earlier restores' backups, the oldest of them holding only OLD.
    const src = path.join(env.paths.backups, first.name);
    const names = Array.from({ length: 20 }, (_, i) => `frontdesk-202601${String(i + 1).padStart(2, '0')}-090000-pre-restore.db`);
    for (const n of names) fs.copyFileSync(src, path.join(env.paths.backups, n));
    await env.ok('buildings.create', { code: 'NEW', name: '新楼', note: null });

    expect(await env.ok('backup.restore', { name: names[0] })).toEqual({ done: true });
    expect(env.host.state()).toEqual({ db: 'ok', message: null });
    await env.signIn('admin', 'mgr');
    expect(await buildingNames(env)).toEqual(['OLD:旧楼']);
    // Rotation ran afterwards: 20 pre-restore backups are kept, the newest being the one just taken.
    const pre = listBackups(env.paths.backups).filter((b) => b.kind === 'pre-restore');
    expect(pre.length).toBe(20);
    expect(pre[0].name).toBe(`frontdesk-${localStamp(env.clock.now())}-pre-restore.db`);
    expect(pre.map((b) => b.name)).not.toContain(names[0]);
  });

  it('keeps 20 manual backups when more are taken', async () => {
    const env = testEnv();
    await env.init();
    const made: string[] = [];
    for (let i = 0; i < 23; i++) {
      env.clock.advanceMinutes(1);
      made.push((await env.ok('backup.create', {})).name);
    }
    const list = await env.ok('backup.list', {});
    expect(list.map((b) => b.name)).toEqual(made.slice(3).reverse());
    expect(await env.ok('recovery.backups', {})).toEqual(list.map((b) => ({ ...b, problem: null })));
  });
});

describe('a damaged database file at start', () => {
  async function prepare(env: TestEnv) {
    await env.init();
    await env.ok('buildings.create', { code: 'A', name: 'A座', note: null });
    for (let i = 0; i < 300; i++) {
      await env.ok('people.create', { kind: 'person', name: `住户${i}`, phone: `138${String(i).padStart(8, '0')}`, note: '备注'.repeat(40) });
    }
    env.clock.advanceMinutes(1);
    const good = await env.ok('backup.create', {});
    env.clock.advanceMinutes(1);
    await env.ok('buildings.create', { code: 'B', name: '写在备份之后', note: null });
    env.dispose();
    return good;
  }

  async function recoverFrom(dir: string, good: { name: string }, damagedBytes: Buffer, expectedMessage: RegExp) {
    const env = testEnv({ dir });
    // Damage deep inside the file is found by the page-by-page check, which runs in the background.
    await env.host.integrity();
    const status = await env.ok('app.status', {});
    expect(status.db).toBe('damaged');
    expect(status.dbMessage).toMatch(expectedMessage);
    expect(status.setupNeeded).toBe(false);
    expect(status.schemaVersion).toBe(0);
    expect(status.latestBackup?.name).toBe(good.name);
    expect(env.host.state().db).toBe('damaged');
    expect(env.logs.some((l) => l.startsWith('error database ') && (l.includes('not opened: damaged') || l.includes('failed the integrity check')))).toBe(true);

    expect(await env.fail('auth.signIn', { username: 'admin', password: PASSWORD })).toEqual({ code: 'DB_UNAVAILABLE', message: 'error.dbDamaged' });
    expect(await env.fail('buildings.list', {})).toEqual({ code: 'DB_UNAVAILABLE', message: 'error.dbDamaged' });
    expect(await env.ok('auth.signOut', {})).toEqual({ done: true });

    const backups = await env.ok('recovery.backups', {});
    expect(backups).toEqual([{ name: good.name, kind: 'manual', createdAt: expect.any(String), sizeBytes: fs.statSync(path.join(env.paths.backups, good.name)).size, problem: null }]);
    for (const name of ['../x', '../frontdesk.db', '..', `../backups/${good.name}`, `${good.name}/..`, 'frontdesk.db']) {
      expect(await env.fail('recovery.restore', { name })).toEqual({ code: 'NOT_FOUND', message: 'error.backupNotFound' });
    }
    expect(env.host.state().db).toBe('damaged');

    env.clock.advanceMinutes(10);
    expect(await env.ok('recovery.restore', { name: good.name })).toEqual({ done: true });
    const after = await env.ok('app.status', {});
    expect(after.db).toBe('ok');
    expect(after.dbMessage).toBeNull();
    expect(after.schemaVersion).toBe(LATEST_VERSION);
    expect(after.siteName).toBe('阳光花园服务中心');
    await env.signIn('admin', 'mgr');
    expect(await buildingNames(env)).toEqual(['A:A座']);
    expect((await env.ok('people.list', { offset: 0, limit: 1 })).total).toBe(300);

    // The damaged file is kept aside, byte for byte; no pre-restore backup could be taken of it.
    const kept = `${env.paths.db}.damaged-${localStamp(env.clock.now())}`;
    expect(fs.readFileSync(kept).equals(damagedBytes)).toBe(true);
    expect(listBackups(env.paths.backups).map((b) => b.kind)).toEqual(['manual']);
    const audit = await env.ok('audit.list', { offset: 0, limit: 5, action: 'restore' });
    // Nobody could sign in: the row says so, and names where the damaged file went.
    expect(audit.rows.map((r) => [r.userName, JSON.parse(r.after!)])).toEqual([
      [null, { backup: good.name, by: 'recovery screen (nobody could sign in)', replacedBy: null, quarantined: path.basename(kept), lostAudit: null }],
    ]);
    // And recovery.restore is refused again now that the database is fine.
    expect(await env.fail('recovery.restore', { name: good.name })).toEqual({ code: 'FORBIDDEN', message: 'error.FORBIDDEN' });
  }

  it('garbage bytes in frontdesk.db', async () => {
    const dir = testDir();
    const good = await prepare(new TestEnv({ dir }));
    const garbage = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => (i * 7919 + 13) % 256));
    fs.writeFileSync(path.join(dir, 'frontdesk.db'), garbage);
    for (const s of ['-wal', '-shm']) fs.rmSync(path.join(dir, `frontdesk.db${s}`), { force: true });
    await recoverFrom(dir, good, garbage, /^file is not a database$/);
  });

  it('after an unclean stop the page-by-page check runs before opening, not in the background', async () => {
    const dir = testDir();
    await prepare(new TestEnv({ dir }));
    const file = path.join(dir, 'frontdesk.db');
    const { pageSize, page } = readOnly(file, (db) => {
      const leaves = db.prepare("SELECT pageno FROM dbstat WHERE name = 'people' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
      return { pageSize: db.pragma('page_size', { simple: true }) as number, page: leaves[Math.floor(leaves.length / 2)] };
    });
    const bytes = fs.readFileSync(file);
    for (let i = 0; i < pageSize; i++) bytes[(page - 1) * pageSize + i] = (i * 31 + 7) % 251;
    fs.writeFileSync(file, bytes);
    // The marker a process leaves while it has the file open; pid 2^22+1 is above Linux's pid_max, so it is gone.
    fs.writeFileSync(`${file}.open-4194305-deadbeef`, '');
    const env = testEnv({ dir });
    // No waiting for the background check: the state is known as soon as the host is created.
    expect(env.host.state().db).toBe('damaged');
    expect(fs.existsSync(`${file}.open-4194305-deadbeef`)).toBe(false);
  });

  it('a valid database with a b-tree page overwritten in the middle', async () => {
    const dir = testDir();
    const good = await prepare(new TestEnv({ dir }));
    const file = path.join(dir, 'frontdesk.db');
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    const { pageSize, pageCount, page } = readOnly(file, (db) => {
      const leaves = db.prepare("SELECT pageno FROM dbstat WHERE name = 'people' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
      return {
        pageSize: db.pragma('page_size', { simple: true }) as number,
        pageCount: db.pragma('page_count', { simple: true }) as number,
        page: leaves[Math.floor(leaves.length / 2)],
      };
    });
    expect(page).toBeGreaterThan(2);
    expect(page).toBeLessThan(pageCount);
    const bytes = fs.readFileSync(file);
    for (let i = 0; i < pageSize; i++) bytes[(page - 1) * pageSize + i] = (i * 31 + 7) % 251;
    fs.writeFileSync(file, bytes);
    await recoverFrom(dir, good, bytes, /./);
  });
});

describe('the automatic daily backup', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is taken once per day by the host timer, and rotated by the settings', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    const env = testEnv({ autoBackup: true });
    // Not before setup: there is nothing to keep yet.
    vi.advanceTimersByTime(3000);
    expect(listBackups(env.paths.backups)).toEqual([]);
    await env.init();
    await env.ok('settings.update', { backupKeepDaily: 2 });

    vi.advanceTimersByTime(60 * MINUTE);
    expect(listBackups(env.paths.backups).map((b) => b.name)).toEqual([`frontdesk-${localStamp(new Date(START))}-daily.db`]);
    // Later the same day: no second one.
    env.clock.advanceMinutes(60);
    vi.advanceTimersByTime(60 * MINUTE);
    env.clock.advanceMinutes(60);
    vi.advanceTimersByTime(60 * MINUTE);
    expect(listBackups(env.paths.backups).length).toBe(1);

    const names = [`frontdesk-${localStamp(new Date(START))}-daily.db`];
    for (let day = 1; day <= 3; day++) {
      env.clock.set(new Date(Date.parse(START) + day * 86_400_000).toISOString());
      vi.advanceTimersByTime(60 * MINUTE);
      names.unshift(`frontdesk-${localStamp(env.clock.now())}-daily.db`);
    }
    // backupKeepDaily 2 keeps the two newest; March's newest is one of them.
    expect(listBackups(env.paths.backups).map((b) => b.name)).toEqual(names.slice(0, 2));
    expect(listBackups(env.paths.backups).every((b) => b.kind === 'daily')).toBe(true);
    env.dispose();
    // Closing the host stops the timer.
    env.clock.advanceDays(1);
    vi.advanceTimersByTime(120 * MINUTE);
    expect(vi.getTimerCount()).toBe(0);
  });
});
