import fs from 'node:fs';
import { scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../db/migrate';
import { MINUTE, PASSWORD, testEnv, type TestEnv } from '../helpers/host';

const UNAUTH = { code: 'UNAUTHENTICATED', message: 'error.UNAUTHENTICATED' };
const BAD_CREDENTIALS = { code: 'UNAUTHENTICATED', message: 'error.badCredentials' };
const LOCKED = { code: 'LOCKED', message: 'error.LOCKED' };

const auditActions = (env: TestEnv, entityId?: string) =>
  (env.rows<{ action: string }>(`SELECT action FROM audit_log ${entityId ? 'WHERE entity_id = ?' : ''} ORDER BY id`, ...(entityId ? [entityId] : [])) as { action: string }[]).map((r) => r.action);

describe('setup.init', () => {
  it('creates the first manager once, signs them in and names the site', async () => {
    const env = testEnv();
    const before = await env.ok('app.status', {});
    expect(before).toMatchObject({ db: 'ok', setupNeeded: true, siteName: null, session: null, schemaVersion: LATEST_VERSION });

    const me = await env.init({ username: '  Admin  ', displayName: ' 王 经理 ' });
    expect(me).toEqual({ id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-7/), username: 'admin', displayName: '王 经理', role: 'manager' });
    const after = await env.ok('app.status', {});
    expect(after).toMatchObject({ setupNeeded: false, siteName: '阳光花园服务中心', session: { user: me, locked: false, idleLockMinutes: 10 } });
    expect((await env.ok('settings.get', {})).siteName).toBe('阳光花园服务中心');
    expect(auditActions(env)).toEqual(['create', 'update', 'setup']);

    expect(await env.fail('setup.init', { siteName: 'X', username: 'other', displayName: 'X', password: PASSWORD, demo: false }, 'someone-else')).toEqual({
      code: 'BAD_STATE',
      message: 'error.setupDone',
    });
    expect(env.count('SELECT count(*) FROM users')).toBe(1);
    expect((await env.ok('settings.get', {})).siteName).toBe('阳光花园服务中心');
  });

  it('two setup.init calls at the same moment create one manager only', async () => {
    const env = testEnv();
    const results = await Promise.all([
      env.call('setup.init', { siteName: 'A', username: 'first', displayName: 'A', password: PASSWORD, demo: false }, 'a'),
      env.call('setup.init', { siteName: 'B', username: 'second', displayName: 'B', password: PASSWORD, demo: false }, 'b'),
    ]);
    expect(results.filter((r) => r.ok).length).toBe(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual([{ code: 'BAD_STATE', message: 'error.setupDone' }]);
    expect(env.count('SELECT count(*) FROM users')).toBe(1);
  });

  it('validates its input with i18n keys', async () => {
    const env = testEnv();
    const e = await env.fail('setup.init', { siteName: ' ', username: 'a b', displayName: 'X', password: 'short1', demo: false });
    expect(e).toEqual({
      code: 'VALIDATION',
      message: 'error.VALIDATION',
      fieldErrors: { siteName: { message: 'v.required' }, username: { message: 'v.usernameFormat' }, password: { message: 'v.passwordShort' } },
    });
    expect((await env.fail('setup.init', { siteName: 'S', username: 'abc', displayName: 'X', password: 'onlyletters', demo: false })).fieldErrors).toEqual({
      password: { message: 'v.passwordWeak' },
    });
    expect(env.count('SELECT count(*) FROM users')).toBe(0);
  });
});

describe('passwords', () => {
  it('are scrypt hashes with a per-user salt; the file never holds the password', async () => {
    const env = testEnv();
    await env.init();
    await env.ok('users.create', { username: 'clerk1', displayName: '前台', role: 'clerk', password: PASSWORD });
    const rows = env.rows<{ username: string; password_hash: string; password_salt: string }>('SELECT username, password_hash, password_salt FROM users ORDER BY username');
    expect(rows.map((r) => r.username)).toEqual(['admin', 'clerk1']);
    const [a, b] = rows;
    expect(a.password_salt).not.toBe(b.password_salt);
    expect(a.password_hash).not.toBe(b.password_hash);
    for (const r of rows) {
      expect(Buffer.from(r.password_salt, 'base64').length).toBe(16);
      expect(Buffer.from(r.password_hash, 'base64').length).toBe(32);
      // scrypt N=2^15, r=8, p=1 of the NFKC password with this salt gives exactly the stored hash.
      const key = scryptSync(PASSWORD.normalize('NFKC'), Buffer.from(r.password_salt, 'base64'), 32, { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
      expect(key.toString('base64')).toBe(r.password_hash);
    }
    env.db().pragma('wal_checkpoint(TRUNCATE)');
    const files = [env.paths.db, `${env.paths.db}-wal`].filter((f) => fs.existsSync(f));
    for (const f of files) {
      const bytes = fs.readFileSync(f);
      expect(bytes.includes(Buffer.from(PASSWORD, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(PASSWORD, 'utf16le'))).toBe(false);
    }
    // …while the file does hold the account (so the search above looked at the right bytes).
    expect(fs.readFileSync(env.paths.db).includes(Buffer.from('clerk1'))).toBe(true);
  });
});

describe('sign-in', () => {
  it('accepts the right password (user name case and spaces do not matter) and audits it', async () => {
    const env = testEnv();
    const me = await env.init();
    expect(await env.ok('auth.signIn', { username: ' ADMIN ', password: PASSWORD }, 's2')).toEqual(me);
    expect(env.rows('SELECT action, entity, entity_id AS entityId, user_id AS userId FROM audit_log WHERE action = ?', 'sign-in')).toEqual([
      { action: 'sign-in', entity: 'user', entityId: me.id, userId: me.id },
    ]);
  });

  it('answers a wrong password and an unknown user the same way', async () => {
    const env = testEnv();
    await env.init();
    expect(await env.fail('auth.signIn', { username: 'admin', password: 'Wrong12345' }, 's2')).toEqual(BAD_CREDENTIALS);
    expect(await env.fail('auth.signIn', { username: 'ghost', password: 'Wrong12345' }, 's2')).toEqual(BAD_CREDENTIALS);
    expect(await env.fail('auth.signIn', { username: 'admin', password: PASSWORD.toLowerCase() }, 's2')).toEqual(BAD_CREDENTIALS);
    expect(await env.fail('today.summary', {}, 's2')).toEqual(UNAUTH);
    expect(env.rows('SELECT failed_attempts FROM users')).toEqual([{ failed_attempts: 2 }]);
  });

  it('locks the account after signInMaxAttempts failures until signInLockMinutes have passed', async () => {
    const env = testEnv();
    const me = await env.init();
    await env.ok('settings.update', { signInMaxAttempts: 3, signInLockMinutes: 2 });
    expect(await env.fail('auth.signIn', { username: 'admin', password: 'Wrong12345' }, 's2')).toEqual(BAD_CREDENTIALS);
    expect(await env.fail('auth.signIn', { username: 'admin', password: 'Wrong12345' }, 's2')).toEqual(BAD_CREDENTIALS);
    const until = new Date(env.clock.now().getTime() + 2 * MINUTE).toISOString();
    const locked = { code: 'RATE_LIMITED', message: 'error.accountLocked', params: { until } };
    expect(await env.fail('auth.signIn', { username: 'admin', password: 'Wrong12345' }, 's2')).toEqual(locked);
    // The right password is refused as well while locked.
    expect(await env.fail('auth.signIn', { username: 'admin', password: PASSWORD }, 's2')).toEqual(locked);
    env.clock.advanceMinutes(1);
    expect(await env.fail('auth.signIn', { username: 'admin', password: PASSWORD }, 's2')).toEqual(locked);
    expect((await env.ok('users.list', {}))[0].lockedUntil).toBe(until);
    env.clock.advance(MINUTE + 1000);
    expect(await env.ok('auth.signIn', { username: 'admin', password: PASSWORD }, 's2')).toEqual(me);
    expect((await env.ok('users.list', {}, 's2'))[0].lockedUntil).toBeNull();
    expect(auditActions(env, me.id).filter((a) => a.startsWith('sign-in'))).toEqual(['sign-in-failed', 'sign-in-failed', 'sign-in-locked', 'sign-in']);

    // A success resets the count: two failures, a success, two failures do not lock.
    for (const pw of ['Wrong12345', 'Wrong12345', PASSWORD, 'Wrong12345', 'Wrong12345']) await env.call('auth.signIn', { username: 'admin', password: pw }, 's3');
    expect(await env.ok('auth.signIn', { username: 'admin', password: PASSWORD }, 's3')).toEqual(me);
  });

  it('locks after the default 5 failures', async () => {
    const env = testEnv();
    await env.init();
    for (let i = 0; i < 4; i++) expect(await env.fail('auth.signIn', { username: 'admin', password: `Wrong${i}2345` }, 's2')).toEqual(BAD_CREDENTIALS);
    expect((await env.fail('auth.signIn', { username: 'admin', password: 'Wrong52345' }, 's2')).message).toBe('error.accountLocked');
    expect((await env.fail('auth.signIn', { username: 'admin', password: PASSWORD }, 's2')).code).toBe('RATE_LIMITED');
    env.clock.advanceMinutes(5);
    env.clock.advance(1);
    expect((await env.ok('auth.signIn', { username: 'admin', password: PASSWORD }, 's2')).username).toBe('admin');
  });

  it('a burst of parallel guesses is counted in full and locks the account', async () => {
    const env = testEnv();
    await env.init();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => env.call('auth.signIn', { username: 'admin', password: `Guess${i}xyz1` }, `g${i}`)));
    expect(results.every((r) => !r.ok)).toBe(true);
    const codes = results.map((r) => (!r.ok ? r.error.message : 'ok')).sort();
    expect(codes).toContain('error.accountLocked');
    expect(await env.fail('auth.signIn', { username: 'admin', password: PASSWORD }, 's2')).toMatchObject({ code: 'RATE_LIMITED', message: 'error.accountLocked' });
    // Exactly one lock: the 5th counted failure.
    expect(auditActions(env).filter((a) => a === 'sign-in-locked')).toEqual(['sign-in-locked']);
  });
});

describe('sessions', () => {
  it('sign-out ends the session and is audited', async () => {
    const env = testEnv();
    const me = await env.init();
    expect(await env.ok('auth.signOut', {})).toEqual({ done: true });
    expect(await env.fail('today.summary', {})).toEqual(UNAUTH);
    expect((await env.ok('app.status', {})).session).toBeNull();
    expect(auditActions(env, me.id)).toContain('sign-out');
    // Signing out without a session is harmless.
    expect(await env.ok('auth.signOut', {}, 'never-signed-in')).toEqual({ done: true });
  });

  it('locks after idleLockMinutes without activity; auth.unlock with the password resumes', async () => {
    const env = testEnv();
    const me = await env.init();
    env.clock.advanceMinutes(9);
    await env.ok('today.summary', {});
    // app.status (polled by the UI) is not activity.
    env.clock.advanceMinutes(9);
    await env.ok('app.status', {});
    env.clock.advanceMinutes(1);
    await env.ok('today.summary', {});
    env.clock.advance(10 * MINUTE + 1);
    expect(await env.fail('today.summary', {})).toEqual(LOCKED);
    expect(await env.fail('buildings.create', { code: 'A', name: 'A', note: null })).toEqual(LOCKED);
    expect((await env.ok('app.status', {})).session).toEqual({ user: me, locked: true, idleLockMinutes: 10 });
    expect(await env.fail('auth.unlock', { password: 'Wrong12345' })).toEqual(BAD_CREDENTIALS);
    expect(await env.fail('today.summary', {})).toEqual(LOCKED);
    expect(await env.ok('auth.unlock', { password: PASSWORD })).toEqual(me);
    expect((await env.ok('today.summary', {})).counts.buildings).toBe(0);
    expect(env.count('SELECT count(*) FROM buildings')).toBe(0);

    // A manager can shorten the delay; auth.lock locks at once.
    await env.ok('settings.update', { idleLockMinutes: 1 });
    env.clock.advance(MINUTE + 1);
    expect(await env.fail('settings.get', {})).toEqual(LOCKED);
    await env.ok('auth.unlock', { password: PASSWORD });
    expect(await env.ok('auth.lock', {})).toEqual({ done: true });
    expect(await env.fail('settings.get', {})).toEqual(LOCKED);
    expect(await env.ok('auth.lock', {})).toEqual({ done: true });
    await env.ok('auth.unlock', { password: PASSWORD });
    expect((await env.ok('settings.get', {})).idleLockMinutes).toBe(1);
    // Unlock needs a session.
    expect(await env.fail('auth.unlock', { password: PASSWORD }, 'nobody')).toEqual(UNAUTH);
  });

  it('change password: the current one is checked, the new one replaces it', async () => {
    const env = testEnv();
    const me = await env.init();
    expect(await env.fail('auth.changePassword', { current: 'Wrong12345', next: 'NewPass2027' })).toEqual({
      code: 'VALIDATION',
      message: 'error.VALIDATION',
      fieldErrors: { current: { message: 'error.badCredentials' } },
    });
    expect((await env.fail('auth.changePassword', { current: PASSWORD, next: 'abcdefgh' })).fieldErrors).toEqual({ next: { message: 'v.passwordWeak' } });
    expect((await env.fail('auth.changePassword', { current: PASSWORD, next: 'ab1' })).fieldErrors).toEqual({ next: { message: 'v.passwordShort' } });
    expect(await env.ok('auth.changePassword', { current: PASSWORD, next: 'NewPass2027' })).toEqual({ done: true });
    expect(await env.fail('auth.signIn', { username: 'admin', password: PASSWORD }, 's2')).toEqual(BAD_CREDENTIALS);
    expect(await env.ok('auth.signIn', { username: 'admin', password: 'NewPass2027' }, 's2')).toEqual(me);
    expect(auditActions(env, me.id)).toContain('change-password');
    // The session that changed it goes on.
    await env.ok('today.summary', {});
  });
});

describe('user management', () => {
  it('a deactivated user is signed out at once and cannot sign in; reactivated they can', async () => {
    const env = testEnv();
    await env.init();
    const clerk = await env.addUser('clerk');
    await env.ok('today.summary', {}, 'clerk');
    const u = await env.ok('users.update', { id: clerk.id, active: false });
    expect(u).toMatchObject({ id: clerk.id, active: false, role: 'clerk' });
    expect(await env.fail('today.summary', {}, 'clerk')).toEqual(UNAUTH);
    expect(await env.fail('auth.signIn', { username: 'clerk', password: PASSWORD }, 'clerk')).toEqual(BAD_CREDENTIALS);
    await env.ok('users.update', { id: clerk.id, active: true });
    await env.signIn('clerk', 'clerk');
    await env.ok('today.summary', {}, 'clerk');
    // Deactivated behind the host's back (another counter, the CLI): the next call notices.
    env.db().prepare('UPDATE users SET active = 0 WHERE id = ?').run(clerk.id);
    expect(await env.fail('today.summary', {}, 'clerk')).toEqual(UNAUTH);
  });

  it('a role change applies at once; a new display name signs nobody out', async () => {
    const env = testEnv();
    const me = await env.init();
    const clerk = await env.addUser('clerk');
    await env.ok('users.update', { id: clerk.id, displayName: '前台小李' }, 'mgr');
    expect((await env.ok('app.status', {}, 'clerk')).session?.user).toEqual({ ...clerk, displayName: '前台小李' });
    // The manager renaming themselves stays signed in.
    await env.ok('users.update', { id: me.id, displayName: '王总' });
    expect((await env.ok('app.status', {})).session?.user.displayName).toBe('王总');
    await env.ok('users.list', {});

    expect(await env.fail('backup.create', {}, 'clerk')).toEqual({ code: 'FORBIDDEN', message: 'error.FORBIDDEN' });
    await env.ok('users.update', { id: clerk.id, role: 'supervisor' });
    // Re-roled users sign in again and get the new role.
    expect(await env.fail('backup.create', {}, 'clerk')).toEqual(UNAUTH);
    await env.signIn('clerk', 'clerk');
    expect((await env.ok('backup.create', {}, 'clerk')).kind).toBe('manual');
  });

  it('the last active manager cannot be demoted or deactivated', async () => {
    const env = testEnv();
    const me = await env.init();
    const lastManager = { code: 'BAD_STATE', message: 'error.lastManager' };
    expect(await env.fail('users.update', { id: me.id, role: 'supervisor' })).toEqual(lastManager);
    expect(await env.fail('users.update', { id: me.id, active: false })).toEqual(lastManager);
    expect((await env.ok('users.list', {}))[0]).toMatchObject({ role: 'manager', active: true });

    const m2 = await env.addUser('manager', 'boss2', 'm2');
    // An inactive manager does not count, and can be demoted while one active manager remains.
    await env.ok('users.update', { id: m2.id, active: false });
    expect(await env.fail('users.update', { id: me.id, active: false })).toEqual(lastManager);
    expect(await env.ok('users.update', { id: m2.id, role: 'clerk' })).toMatchObject({ role: 'clerk', active: false });
    await env.ok('users.update', { id: m2.id, role: 'manager', active: true });
    await env.signIn('boss2', 'm2');
    // Now the first one can step down.
    expect(await env.ok('users.update', { id: me.id, role: 'supervisor' })).toMatchObject({ role: 'supervisor' });
    expect(await env.fail('users.update', { id: m2.id, role: 'clerk' }, 'm2')).toEqual(lastManager);
    expect(await env.fail('users.list', {})).toEqual(UNAUTH);
  });

  it('user names are unique regardless of case; reset password clears a lock', async () => {
    const env = testEnv();
    await env.init();
    await env.ok('settings.update', { signInMaxAttempts: 3 });
    const taken = { code: 'VALIDATION', message: 'error.VALIDATION', fieldErrors: { username: { message: 'v.usernameTaken' } } };
    expect(await env.fail('users.create', { username: 'ADMIN', displayName: 'x', role: 'clerk', password: PASSWORD })).toEqual(taken);
    const clerk = await env.ok('users.create', { username: 'lixiao', displayName: '小李', role: 'clerk', password: PASSWORD });
    // Two creations racing with the same name: one wins, the other gets the field error, not a crash.
    const race = await Promise.all([
      env.call('users.create', { username: 'wang', displayName: 'a', role: 'clerk', password: PASSWORD }),
      env.call('users.create', { username: 'wang', displayName: 'b', role: 'clerk', password: PASSWORD }),
    ]);
    expect(race.filter((r) => r.ok).length).toBe(1);
    expect(race.filter((r) => !r.ok).map((r) => !r.ok && r.error)).toEqual([taken]);

    for (let i = 0; i < 3; i++) await env.call('auth.signIn', { username: 'lixiao', password: 'Wrong12345' }, 'li');
    expect((await env.fail('auth.signIn', { username: 'lixiao', password: PASSWORD }, 'li')).code).toBe('RATE_LIMITED');
    expect(await env.ok('users.resetPassword', { id: clerk.id, password: 'Fresh2026x' })).toEqual({ done: true });
    expect((await env.ok('auth.signIn', { username: 'lixiao', password: 'Fresh2026x' }, 'li')).id).toBe(clerk.id);
    expect(await env.fail('users.resetPassword', { id: '01890000-0000-7000-8000-000000000000', password: 'Fresh2026x' })).toEqual({ code: 'NOT_FOUND', message: 'error.NOT_FOUND' });
    expect(auditActions(env, clerk.id)).toEqual(['create', 'sign-in-failed', 'sign-in-failed', 'sign-in-locked', 'reset-password', 'sign-in']);
  });
});
