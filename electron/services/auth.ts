import type { Db } from '../../db/connection';
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { q } from '../../db/statements';
import { AppError } from '../../shared/kernel/errors';
import type { SessionUser } from '../../shared/contract';
import type { NewUser, User } from '../../shared/master/schema';
import type { Role } from '../../shared/master/enums';
import type { ServiceCtx } from '../host/context';
import { readSettings } from './settings';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;

/** scrypt with N=2^15, r=8, p=1 (≈100 ms here): slow enough for an offline attacker, fine at a counter. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string, salt = randomBytes(16)): Promise<{ hash: string; salt: string }> {
  const key = await scrypt(password.normalize('NFKC'), salt, 32, SCRYPT);
  return { hash: key.toString('base64'), salt: salt.toString('base64') };
}

export async function verifyPassword(password: string, hash: string, salt: string): Promise<boolean> {
  const key = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64'), 32, SCRYPT);
  const expected = Buffer.from(hash, 'base64');
  return expected.length === key.length && timingSafeEqual(expected, key);
}

interface UserDbRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  password_salt: string;
  failed_attempts: number;
  locked_until: string | null;
  active: number;
  created_at: string;
}

const toUser = (r: UserDbRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  active: r.active === 1,
  lockedUntil: r.locked_until,
  createdAt: r.created_at,
});

export const toSessionUser = (r: { id: string; username: string; displayName: string; role: Role }): SessionUser => ({
  id: r.id,
  username: r.username,
  displayName: r.displayName,
  role: r.role,
});

export function userCount(ctx: ServiceCtx): number {
  return countUsers(ctx.db);
}

export function countUsers(db: Db): number {
  return q(db, 'SELECT count(*) FROM users').value<number>() ?? 0;
}

export function hasActiveManager(db: Db): boolean {
  return (q(db, "SELECT count(*) FROM users WHERE role = 'manager' AND active = 1").value<number>() ?? 0) > 0;
}

/** The account as it is now (role, name, still active?), for a session signed in earlier. */
export function currentAccount(db: Db, id: string): { role: SessionUser['role']; active: number; displayName: string } | undefined {
  return q(db, 'SELECT role, active, display_name AS displayName FROM users WHERE id = ?').get(id);
}

const usernameTaken = () => new AppError('VALIDATION', 'error.VALIDATION', { fieldErrors: { username: { message: 'v.usernameTaken' } } });

/**
 * `onlyIfFirst`: refuse (error.setupDone) unless the database has no user yet. The checks are repeated
 * inside the insert's transaction: two calls racing through the slow hash must not both pass them.
 */
export async function createUser(ctx: ServiceCtx, input: NewUser, opts: { onlyIfFirst?: boolean } = {}): Promise<User> {
  if (q(ctx.db, 'SELECT 1 FROM users WHERE username = ?').value(input.username)) throw usernameTaken();
  const { hash, salt } = await hashPassword(input.password);
  const id = ctx.newId();
  const now = ctx.nowIso();
  ctx.db.transaction(() => {
    if (opts.onlyIfFirst && userCount(ctx) > 0) throw new AppError('BAD_STATE', 'error.setupDone');
    if (q(ctx.db, 'SELECT 1 FROM users WHERE username = ?').value(input.username)) throw usernameTaken();
    q(ctx.db, `INSERT INTO users (id, username, display_name, role, password_hash, password_salt, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(id, input.username, input.displayName, input.role, hash, salt, now, now);
    ctx.audit('create', 'user', id, null, { username: input.username, displayName: input.displayName, role: input.role });
  })();
  return getUser(ctx, id);
}

export function getUser(ctx: ServiceCtx, id: string): User {
  const r = q(ctx.db, 'SELECT * FROM users WHERE id = ?').get<UserDbRow>(id);
  if (!r) throw new AppError('NOT_FOUND');
  return toUser(r);
}

export function listUsers(ctx: ServiceCtx): User[] {
  return q(ctx.db, 'SELECT * FROM users ORDER BY created_at').all<UserDbRow>().map(toUser);
}

export function updateUser(ctx: ServiceCtx, input: { id: string; displayName?: string; role?: Role; active?: boolean }): User {
  const before = getUser(ctx, input.id);
  const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as User;
  // The last active manager cannot be demoted or deactivated: nobody could manage users any more.
  if (before.role === 'manager' && before.active && (after.role !== 'manager' || !after.active)) {
    const managers = q(ctx.db, "SELECT count(*) FROM users WHERE role = 'manager' AND active = 1").value<number>() ?? 0;
    if (managers <= 1) throw new AppError('BAD_STATE', 'error.lastManager');
  }
  ctx.db.transaction(() => {
    q(ctx.db, 'UPDATE users SET display_name = ?, role = ?, active = ?, updated_at = ? WHERE id = ?').run(
      after.displayName,
      after.role,
      after.active ? 1 : 0,
      ctx.nowIso(),
      input.id,
    );
    ctx.audit('update', 'user', input.id, { displayName: before.displayName, role: before.role, active: before.active }, { displayName: after.displayName, role: after.role, active: after.active });
  })();
  return getUser(ctx, input.id);
}

export async function setPassword(ctx: ServiceCtx, userId: string, password: string, action: string): Promise<void> {
  const { hash, salt } = await hashPassword(password);
  ctx.db.transaction(() => {
    const r = q(ctx.db, 'UPDATE users SET password_hash = ?, password_salt = ?, failed_attempts = 0, locked_until = NULL, updated_at = ? WHERE id = ?').run(hash, salt, ctx.nowIso(), userId);
    if (r.changes !== 1) throw new AppError('NOT_FOUND');
    ctx.audit(action, 'user', userId, null, null);
  })();
}

/**
 * Checks a password. After `signInMaxAttempts` failures in a row the account is locked for
 * `signInLockMinutes`; the answer for an unknown user and a wrong password is the same.
 */
export async function authenticate(ctx: ServiceCtx, username: string, password: string): Promise<SessionUser> {
  const settings = readSettings(ctx.db);
  const r = q(ctx.db, 'SELECT * FROM users WHERE username = ?').get<UserDbRow>(username.trim().toLowerCase());
  const lockedAt = (until: string | null, now: Date) => until !== null && new Date(until) > now;
  if (!r || r.active !== 1) {
    // Spend the same time as a real check so that user names cannot be probed by timing.
    await hashPassword(password);
    throw new AppError('UNAUTHENTICATED', 'error.badCredentials');
  }
  if (lockedAt(r.locked_until, ctx.clock.now())) {
    throw new AppError('RATE_LIMITED', 'error.accountLocked', { params: { until: r.locked_until! } });
  }
  const good = await verifyPassword(password, r.password_hash, r.password_salt);
  // The row is read again after the slow check: attempts made in parallel must each be counted, and a
  // lock set meanwhile must hold, or a burst of guesses would never reach the limit.
  const now = ctx.clock.now();
  const outcome = ctx.db.transaction((): { kind: 'ok' } | { kind: 'bad' } | { kind: 'locked'; until: string } => {
    const cur = q(ctx.db, 'SELECT failed_attempts, locked_until, active FROM users WHERE id = ?').get<{ failed_attempts: number; locked_until: string | null; active: number }>(r.id);
    if (!cur || cur.active !== 1) return { kind: 'bad' };
    if (lockedAt(cur.locked_until, now)) return { kind: 'locked', until: cur.locked_until! };
    if (good) {
      q(ctx.db, 'UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = ?').run(r.id);
      return { kind: 'ok' };
    }
    const attempts = cur.failed_attempts + 1;
    const lock = attempts >= settings.signInMaxAttempts ? new Date(now.getTime() + settings.signInLockMinutes * 60_000).toISOString() : null;
    q(ctx.db, 'UPDATE users SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(lock ? 0 : attempts, lock, r.id);
    ctx.audit(lock ? 'sign-in-locked' : 'sign-in-failed', 'user', r.id, null, { attempts });
    return lock ? { kind: 'locked', until: lock } : { kind: 'bad' };
  })();
  if (outcome.kind === 'locked') throw new AppError('RATE_LIMITED', 'error.accountLocked', { params: { until: outcome.until } });
  if (outcome.kind === 'bad') throw new AppError('UNAUTHENTICATED', 'error.badCredentials');
  return toSessionUser({ id: r.id, username: r.username, displayName: r.display_name, role: r.role });
}
