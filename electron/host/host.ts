import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { open, type Db } from '../../db/connection';
import { DbTooNewError, LATEST_VERSION, migrate, schemaVersion } from '../../db/migrate';
import { completePendingTerms } from '../workflows/master/search-terms';
import { setSlowLog } from '../../db/statements';
import { siteMeta } from '../../db/site-meta';
import { contract, isChannel, type AppStatus, type Channel, type SessionUser } from '../../shared/contract';
import { AppError, type AppErrorShape, type FieldError, type Result } from '../../shared/kernel/errors';
import { can } from '../../shared/kernel/permissions';
import type { Settings } from '../../shared/master/schema';
import { decodeMessage } from '../../shared/kernel/validation';
import * as backup from '../backup/backup';
import { quickCheckInBackground } from '../backup/integrity-check';
import * as auth from '../services/auth';
import * as md from '../workflows/master/service';
import { DEFAULT_SETTINGS, readSettings, writeSettings } from '../services/settings';
import { seedDemo } from '../services/demo/seed';
import { ImportJobs } from '../workflows/master/import/jobs';
import { masterHandlers } from '../workflows/master/handlers';
import { masterToday } from '../workflows/master/today';
import { slipHandlers } from '../workflows/slips/handlers';
import { printSlip } from '../workflows/slips/print';
import { slipsToday } from '../workflows/slips/today';
import { auditRowsMissingFrom, listAudit, recentAudit } from '../../db/audit';
import { APP_ACTOR, makeCtx, type Actor, type Clock, type ServiceCtx } from './context';
import type { Call, Handler, Handlers, Session } from './handler';
import type { appContract } from '../../shared/app/contract';
import { acquireFolderLock, type FolderLock, type FolderOwner } from './folder-lock';
import { createIds } from './ids';
import { fileLogger, type Logger } from './log';
import { dataPaths } from './paths';

export const APP_VERSION = '0.1.0';

type AppChannel = keyof typeof appContract;

export interface HostOptions {
  dataDir: string;
  clock?: Clock;
  newId?: () => string;
  capabilities?: AppStatus['capabilities'];
  log?: Logger;
  /** Take the automatic daily backup (off in most tests). */
  autoBackup?: boolean;
  /**
   * Take the data folder's lock as this kind of owner (a second owner gets FolderBusyError from
   * createHost). `false`: the CLI's read-only commands, which work beside the running app.
   */
  lock?: FolderOwner['kind'] | false;
  /** Who acts through this host, for the audit log (the CLI: its OS user). */
  actor?: Actor;
}

export interface Host {
  dispatch(channel: unknown, input: unknown, sessionKey: string): Promise<Result<unknown>>;
  /** Channel-free access for the CLI and tests: a service context acting as `user`. */
  ctx(user?: SessionUser | null): ServiceCtx;
  readonly paths: ReturnType<typeof dataPaths>;
  state(): { db: AppStatus['db']; message: string | null };
  /** Settles when the background integrity check of the file opened at start (or after a restore) is done. */
  integrity(): Promise<void>;
  backupNow(kind: backup.BackupKind, opts?: { rotate?: boolean }): ReturnType<typeof backup.createBackup>;
  /** PDF of a slip (CLI `print slip`); counts as a print like the UI's. */
  printSlip(id: string, lang: 'zh-CN' | 'en', user: SessionUser | null): Promise<{ bytes: Buffer; copy: boolean; number: string }>;
  restore(name: string, user: SessionUser | null): void;
  /** Restores from any file (CLI); it is checked first, like a backup from the list. */
  restoreFile(file: string, user: SessionUser | null): void;
  /** FrontDesk created this file and nobody has finished first-run setup on it. */
  setupOpen(): boolean;
  /** Ends first-run setup (after the first manager was created): the site's name, and setup is closed for good. */
  completeSetup(siteName: string, user?: SessionUser | null): void;
  /** The data folder's lock, while this host holds it. */
  readonly lock: FolderLock | null;
  close(): void;
}


/** What still answers when the database cannot be opened. */
const WITHOUT_DB = new Set<Channel>(['app.status', 'recovery.backups', 'recovery.restore', 'recovery.newSite', 'auth.signOut']);

function zodFieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, FieldError> {
  const out: Record<string, FieldError> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (out[key]) continue;
    const { key: message, params } = decodeMessage(issue.message);
    out[key] = params ? { message, params } : { message };
  }
  return out;
}

export function createHost(opts: HostOptions): Host {
  const clock = opts.clock ?? { now: () => new Date() };
  const newId = opts.newId ?? createIds(() => clock.now().getTime());
  const paths = dataPaths(opts.dataDir);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const log = opts.log ?? fileLogger(paths.logs);
  const capabilities = opts.capabilities ?? { nativeDialogs: false, nativePrint: false };
  const actor = opts.actor ?? APP_ACTOR;
  // Before anything touches the folder: a second process must never open the database.
  const lock = opts.lock === false ? null : acquireFolderLock(opts.dataDir, { kind: opts.lock ?? 'test' });
  const sessions = new Map<string, Session>();
  let db: Db | null = null;
  let dbState: AppStatus['db'] = 'unavailable';
  let dbMessage: string | null = null;
  let settingsCache: Settings | null = null;
  let generation = 0;
  let integrity: Promise<void> = Promise.resolve();
  let checker: ReturnType<typeof quickCheckInBackground> | null = null;
  // Present while this host has the file open; one left by a process that is gone means an unclean stop.
  const openMarker = `${paths.db}.open-${process.pid}-${randomUUID().slice(0, 8)}`;
  const timers: NodeJS.Timeout[] = [];

  const settings = (): Settings => {
    if (!db) return DEFAULT_SETTINGS;
    return (settingsCache ??= readSettings(db));
  };
  const ctxFor = (user: SessionUser | null): ServiceCtx => {
    if (!db) throw new AppError('DB_UNAVAILABLE', dbState === 'too-new' ? 'error.dbTooNew' : 'error.dbDamaged');
    return makeCtx(db, clock, newId, user, settings, actor);
  };
  const jobs = new ImportJobs(ctxFor, () => backupNow('pre-import'), log);
  const meta = {
    get: (key: string) => (db ? siteMeta.get(db, key) : null),
    set: (key: string, value: string) => db && siteMeta.set(db, key, value),
    remove: (key: string) => db && siteMeta.remove(db, key),
  };

  function fail(state: AppStatus['db'], message: string) {
    dbState = state;
    dbMessage = message;
    log('error', `database ${paths.db} not opened: ${state}: ${message}`);
  }

  /** A new site's file is made beside the real name and renamed into place once its schema is whole. */
  function createFresh() {
    const tmp = `${paths.db}.creating`;
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(tmp + suffix, { force: true });
    const fresh = open(tmp);
    try {
      migrate(fresh, { after: { 2: (d) => void completePendingTerms(d) } });
    } finally {
      fresh.close();
    }
    fs.renameSync(tmp, paths.db);
    log('info', `created a new database ${paths.db}`);
  }

  function openDb(opts: { createNew?: boolean } = {}): void {
    settingsCache = null;
    const gen = ++generation;
    if (!fs.existsSync(paths.db)) {
      // Backups but no data file: somebody removed or lost it. Offer those backups, never a blank site.
      if (!opts.createNew && backup.listBackups(paths.backups).length) return fail('missing', 'error.dbMissing');
      createFresh();
    }
    // The header and schema are read here. The page-by-page check (≈1 s on a large site) runs before
    // opening only when it matters now: the last run stopped without closing the file (power cut,
    // crash) or migrations are pending; otherwise it runs in the background.
    const unclean = uncleanStop(paths.db);
    let check = backup.checkDatabaseFile(paths.db, { full: false });
    let checkLater = false;
    if (check.ok && (check.version < LATEST_VERSION || unclean)) check = backup.checkDatabaseFile(paths.db);
    else checkLater = check.ok;
    if (!check.ok) return fail(stateOf(check.reason), check.message);
    try {
      db = open(paths.db);
      const from = schemaVersion(db);
      const applied = migrate(db, {
        backupBefore: () => backup.createBackup(db!, paths.backups, 'pre-migration', clock.now()),
        after: { 2: (d) => void completePendingTerms(d) },
      });
      if (applied.length) log('info', `migrated ${paths.db} from ${from} to ${LATEST_VERSION}`);
      if (meta.get('setup_completed_at') && !auth.hasActiveManager(db)) {
        db.close();
        db = null;
        return fail('no-manager', 'error.noManager');
      }
      setSlowLog(db, settings().slowQueryMs, (sql, ms) => log('warn', `slow query ${ms.toFixed(0)} ms: ${sql.slice(0, 300)}`));
      dbState = 'ok';
      dbMessage = null;
      fs.writeFileSync(openMarker, '');
      if (unclean) recordUncleanStop(unclean);
      if (checkLater) integrity = checkInBackground(gen);
    } catch (e) {
      db?.close();
      db = null;
      dbState = e instanceof DbTooNewError ? 'too-new' : 'damaged';
      dbMessage = (e as Error).message;
      log('error', `database open failed: ${(e as Error).stack ?? String(e)}`);
    }
  }

  /** Logged, audited, and kept for the next manager who signs in (shown once). */
  function recordUncleanStop(lastActiveAt: string) {
    log('warn', `the last run stopped without closing the database (last activity ${lastActiveAt}); the integrity check passed`);
    const ctx = ctxFor(null);
    ctx.db.transaction(() => {
      ctx.audit('unclean-stop', 'database', null, null, { lastActiveAt, check: 'ok' });
      meta.set('unclean_stop', JSON.stringify({ lastActiveAt, checkedAt: ctx.nowIso(), intact: true }));
    })();
  }

  /** A damaged file found by the background check is closed at once: better a recovery screen than writes into it. */
  function checkInBackground(gen: number): Promise<void> {
    checker = quickCheckInBackground(paths.db);
    return checker.result.then((result) => {
      if (gen !== generation || result === 'ok') return;
      log('error', `database ${paths.db} failed the integrity check, closed: ${result}`);
      closeDb();
      sessions.clear();
      dbState = 'damaged';
      dbMessage = result;
    });
  }

  function closeDb() {
    jobs.cancelAll();
    checker?.stop();
    db?.close();
    db = null;
    fs.rmSync(openMarker, { force: true });
    dbState = 'unavailable';
  }

  function backupNow(kind: backup.BackupKind, opts: { rotate?: boolean } = {}) {
    if (!db) throw new AppError('DB_UNAVAILABLE');
    const info = backup.createBackup(db, paths.backups, kind, clock.now());
    if (opts.rotate !== false) rotate();
    log('info', `backup ${info.name} (${info.sizeBytes} bytes)`);
    return info;
  }

  function rotate() {
    const s = settings();
    backup.rotateBackups(paths.backups, s.backupKeepDaily, s.backupKeepMonthly);
  }

  function dailyBackup() {
    try {
      if (!db || auth.countUsers(db) === 0) return;
      const day = makeCtx(db, clock, newId, null, settings).today();
      if (!backup.hasBackupOfDay(paths.backups, 'daily', day)) backupNow('daily');
    } catch (e) {
      log('error', `daily backup failed: ${(e as Error).message}`);
    }
  }

  /** Swaps in a checked backup. The current data is kept first as a pre-restore backup (when readable) or quarantined. */
  function restore(name: string, user: SessionUser | null) {
    const found = backup.listBackups(paths.backups).find((b) => b.name === name);
    if (!found) throw new AppError('NOT_FOUND', 'error.backupNotFound');
    restoreFile(`${paths.backups}/${found.name}`, user);
  }

  function restoreFile(file: string, user: SessionUser | null) {
    const name = path.basename(file);
    // Proven first: FrontDesk's, intact page by page, a known schema, a site and a manager. Nothing changes otherwise.
    const check = backup.inspectDatabaseFile(file, { check: 'full', requireSite: true });
    if (!check.ok) {
      log('warn', `restore of ${file} refused: ${check.reason}: ${check.message}`);
      if (db) ctxFor(user).audit('restore-refused', 'database', null, null, { backup: name, reason: check.reason });
      throw new AppError('BAD_STATE', 'error.backupInvalid', { params: { reason: check.reason } });
    }
    let kept: string | null = null;
    let quarantined: string | null = null;
    if (db) {
      // Not rotated yet: rotation could delete the very backup being restored (e.g. the oldest one kept).
      kept = backupNow('pre-restore', { rotate: false }).name;
      closeDb();
    } else if (fs.existsSync(paths.db)) {
      quarantined = path.basename(backup.quarantine(paths.db, clock.now()));
    }
    try {
      backup.replaceDatabaseFile(paths.db, file);
    } finally {
      // Whatever happened, the app gets a database back (the restored one, or the one it had) rather than none.
      sessions.clear();
      if (fs.existsSync(paths.db)) openDb();
    }
    if (db) {
      const lostAudit = kept ? keepLostAudit(path.join(paths.backups, kept), db) : null;
      ctxFor(user).audit('restore', 'database', null, null, {
        backup: name,
        by: user ? { username: user.username, displayName: user.displayName } : actor.via === 'cli' ? { osUser: actor.osUser } : 'recovery screen (nobody could sign in)',
        replacedBy: kept,
        quarantined,
        lostAudit,
      });
      rotate();
    }
    log('info', `restored ${name}`);
    if (kept) log('info', `the data before the restore is in ${kept}`);
  }

  /** The replaced database's audit rows that the restored one lacks, in a JSON-lines file beside its pre-restore backup. */
  function keepLostAudit(replacedFile: string, restored: Db): { file: string; rows: number } | null {
    const old = open(replacedFile, { readonly: true });
    try {
      const lines = auditRowsMissingFrom(old, restored).map((r) => JSON.stringify(r));
      if (!lines.length) return null;
      const file = `${replacedFile}.audit.jsonl`;
      fs.writeFileSync(file, `${lines.join('\n')}\n`);
      return { file: path.basename(file), rows: lines.length };
    } finally {
      old.close();
    }
  }

  /** A new, empty site in place of an unusable file: only when asked for, confirmed, and with no backup to restore. */
  function newSite() {
    if (dbState === 'ok' || dbState === 'too-new') throw new AppError('FORBIDDEN');
    if (backup.listBackups(paths.backups).some((b) => backup.inspectDatabaseFile(path.join(paths.backups, b.name), { check: 'none', requireSite: true }).ok)) {
      throw new AppError('BAD_STATE', 'error.restoreInstead');
    }
    const quarantined = fs.existsSync(paths.db) ? path.basename(backup.quarantine(paths.db, clock.now())) : null;
    openDb({ createNew: true });
    if (db) ctxFor(null).audit('new-site', 'database', null, null, { quarantined, reason: 'recovery screen, confirmed' });
    log('warn', `a new site was started from the recovery screen${quarantined ? `; the old file is kept as ${quarantined}` : ''}`);
  }

  /** Permission refusals are audited: someone tried something their role does not allow. */
  function auditRefusal(channel: string, session: Session | null) {
    try {
      if (db) ctxFor(session?.user ?? null).audit('forbidden', 'channel', channel);
    } catch (e) {
      log('error', `could not audit a refused call to ${channel}: ${(e as Error).message}`);
    }
  }

  const signIn = (call: Call, user: SessionUser, notice: Session['notice'] = null) => {
    sessions.set(call.sessionKey, { user, lastActive: clock.now().getTime(), locked: false, notice });
    return user;
  };
  const setupOpen = () => !!db && !meta.get('setup_completed_at') && auth.countUsers(db) === 0;
  function completeSetup(siteName: string, user: SessionUser | null = null) {
    const ctx = ctxFor(user);
    ctx.db.transaction(() => {
      settingsCache = writeSettings(ctx, { siteName });
      meta.set('setup_completed_at', ctx.nowIso());
      ctx.audit('setup', 'database', null, null, { siteName });
    })();
  }

  const appHandlers: Handlers<AppChannel> = {
    'app.status': (_ctx, _input, call) => {
      const setupNeeded = setupOpen();
      const siteName = db && !setupNeeded ? settings().siteName : null;
      const s = call.session;
      return {
        db: dbState,
        dbMessage,
        setupNeeded,
        siteName,
        language: settings().language,
        version: APP_VERSION,
        schemaVersion: db ? schemaVersion(db) : 0,
        session: s ? { user: s.user, locked: s.locked, idleLockMinutes: settings().idleLockMinutes } : null,
        notice: s && !s.locked ? s.notice : null,
        capabilities,
        latestBackup: backup.listBackups(paths.backups)[0] ?? null,
      };
    },
    'setup.init': async (_ctx, input, call) => {
      const ctx = ctxFor(null);
      // Never on a restored, emptied or foreign file: only on one FrontDesk made and nobody set up.
      if (!setupOpen()) throw new AppError('BAD_STATE', 'error.setupDone');
      const user = await auth.createUser(ctx, { username: input.username, displayName: input.displayName, role: 'manager', password: input.password }, { onlyIfFirst: true });
      const me = auth.toSessionUser(user);
      const asMe = ctxFor(me);
      completeSetup(input.siteName, me);
      if (input.demo) seedDemo(asMe, { units: 2000, seed: 20261123 });
      return signIn(call, me);
    },
    'auth.signIn': async (_ctx, input, call) => {
      const ctx = ctxFor(null);
      const user = await auth.authenticate(ctx, input.username, input.password);
      let notice: Session['notice'] = null;
      ctx.db.transaction(() => {
        ctxFor(user).audit('sign-in', 'user', user.id);
        // The next manager to sign in is told, once, that the app was not closed properly.
        const unclean = user.role === 'manager' ? meta.get('unclean_stop') : null;
        if (unclean) {
          notice = { kind: 'unclean-stop', ...(JSON.parse(unclean) as { lastActiveAt: string; intact: boolean }) };
          meta.remove('unclean_stop');
        }
      })();
      return signIn(call, user, notice);
    },
    'auth.unlock': async (_ctx, input, call) => {
      const s = call.session;
      if (!s) throw new AppError('UNAUTHENTICATED');
      const user = await auth.authenticate(ctxFor(null), s.user.username, input.password);
      s.locked = false;
      s.lastActive = clock.now().getTime();
      return user;
    },
    'auth.signOut': (_ctx, _input, call) => {
      if (call.session && db) ctxFor(call.session.user).audit('sign-out', 'user', call.session.user.id);
      sessions.delete(call.sessionKey);
      return { done: true };
    },
    'auth.lock': (_ctx, _input, call) => {
      if (call.session) call.session.locked = true;
      return { done: true };
    },
    'auth.changePassword': async (ctx, input) => {
      const me = ctx.user!;
      await auth.authenticate(ctxFor(null), me.username, input.current).catch(() => {
        throw new AppError('VALIDATION', 'error.VALIDATION', { fieldErrors: { current: { message: 'error.badCredentials' } } });
      });
      await auth.setPassword(ctx, me.id, input.next, 'change-password');
      return { done: true };
    },
    'recovery.backups': () =>
      // Each marked with what is wrong with it, if anything (header, schema, site and manager; the page-by-page check runs at restore).
      backup.listBackups(paths.backups).map((b) => {
        const check = backup.inspectDatabaseFile(path.join(paths.backups, b.name), { check: 'none', requireSite: true });
        return { ...b, problem: check.ok ? null : check.reason };
      }),
    'recovery.restore': (_ctx, input, call) => {
      // Only for a database that cannot be opened: then nobody can sign in to restore from the Backup page.
      if (dbState === 'ok') throw new AppError('FORBIDDEN');
      restore(input.name, call.session?.user ?? null);
      return { done: true };
    },
    'recovery.newSite': () => {
      newSite();
      return { done: true };
    },

    'today.summary': async (ctx) => ({ date: ctx.today(), slips: slipsToday(ctx), counts: masterToday(ctx), recent: recentAudit(ctx.db, 10), scheduleNotice: (await import('../services/schedule-notice')).todayScheduleNotice(ctx) }),
    'search.global': (ctx, input) => md.globalSearch(ctx, input.q),
    'settings.get': () => settings(),
    'settings.update': (ctx, input) => {
      settingsCache = writeSettings(ctx, input);
      if (db) setSlowLog(db, settingsCache.slowQueryMs, (sql, ms) => log('warn', `slow query ${ms.toFixed(0)} ms: ${sql.slice(0, 300)}`));
      return settingsCache;
    },
    'users.list': (ctx) => auth.listUsers(ctx),
    'users.create': (ctx, input) => auth.createUser(ctx, input),
    'users.update': (ctx, input) => {
      const before = auth.getUser(ctx, input.id);
      const u = auth.updateUser(ctx, input);
      // A deactivated or re-roled user is signed out everywhere; a new display name signs nobody out.
      if (!u.active || u.role !== before.role) for (const [key, s] of sessions) if (s.user.id === u.id) sessions.delete(key);
      return u;
    },
    'users.resetPassword': async (ctx, input) => {
      await auth.setPassword(ctx, input.id, input.password, 'reset-password');
      return { done: true };
    },
    'audit.list': (ctx, input) => listAudit(ctx.db, input),
    // Only the Electron shell has native dialogs; it answers these before they reach the host.
    'pdf.save': () => {
      throw new AppError('BAD_STATE', 'error.nativeOnly');
    },
    'pdf.print': () => {
      throw new AppError('BAD_STATE', 'error.nativeOnly');
    },
    'backup.list': () => backup.listBackups(paths.backups),
    'backup.create': (ctx) => {
      const info = backupNow('manual');
      ctx.audit('backup', 'database', null, null, { backup: info.name });
      return info;
    },
    'backup.restore': (ctx, input) => {
      restore(input.name, ctx.user);
      return { done: true };
    },
  };
  // The union of the workflows' handler maps: one line a workflow.
  const handlers: { [C in Channel]: Handler<C> } = { ...appHandlers, ...masterHandlers(jobs), ...slipHandlers };

  async function dispatch(channel: unknown, input: unknown, sessionKey: string): Promise<Result<unknown>> {
    if (!isChannel(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'error.UNKNOWN_CHANNEL' } };
    const def = contract[channel];
    try {
      if (!db && !WITHOUT_DB.has(channel)) throw new AppError('DB_UNAVAILABLE', dbState === 'too-new' ? 'error.dbTooNew' : 'error.dbDamaged');
      let session = sessions.get(sessionKey) ?? null;
      if (session && db) {
        // The account may have been deactivated or changed since sign-in.
        const row = auth.currentAccount(db, session.user.id);
        if (!row || row.active !== 1) {
          sessions.delete(sessionKey);
          session = null;
        } else {
          session.user = { ...session.user, role: row.role, displayName: row.displayName };
        }
      }
      const now = clock.now().getTime();
      if (session && !session.locked && now - session.lastActive > settings().idleLockMinutes * 60_000) session.locked = true;
      const needsSession = !('auth' in def) || def.auth !== 'none';
      if (needsSession) {
        if (!session) throw new AppError('UNAUTHENTICATED');
        if (session.locked && channel !== 'auth.lock') throw new AppError('LOCKED');
        if ('permission' in def && def.permission && !can(session.user.role, def.permission)) throw new AppError('FORBIDDEN');
        session.lastActive = now;
      }
      // The input is parsed only for a caller who may use the channel: nobody learns the shape of a
      // channel's input (field errors) before signing in with the right role.
      const parsed = def.input.safeParse(input === undefined || input === null ? {} : input);
      if (!parsed.success) {
        return { ok: false, error: { code: 'VALIDATION', message: 'error.VALIDATION', fieldErrors: zodFieldErrors(parsed.error.issues) } };
      }
      // An import holds the write transaction: only channels that read answer meanwhile.
      if (jobs.busy() && def.kind !== 'read') throw new AppError('BAD_STATE', 'error.busyImporting');
      const handler = handlers[channel] as Handler<Channel>;
      const ctx = db ? ctxFor(needsSession ? session!.user : (session?.user ?? null)) : (null as unknown as ServiceCtx);
      const value = await handler(ctx, parsed.data as never, { sessionKey, session });
      const out = def.output.safeParse(value);
      if (!out.success) {
        log('error', `output of ${channel} does not match the contract: ${JSON.stringify(out.error.issues).slice(0, 2000)}`);
        throw new AppError('INTERNAL');
      }
      return { ok: true, value: out.data };
    } catch (e) {
      if (e instanceof AppError && e.code === 'FORBIDDEN') auditRefusal(channel, sessions.get(sessionKey) ?? null);
      return { ok: false, error: toErrorShape(e, channel, log) };
    }
  }

  if (lock) backup.cleanStaleTemps(opts.dataDir, paths.backups, (m) => log('warn', m));
  try {
    openDb();
  } catch (e) {
    lock?.release();
    throw e;
  }
  if (opts.autoBackup) {
    timers.push(setTimeout(dailyBackup, 3000));
    timers.push(setInterval(dailyBackup, 60 * 60 * 1000));
    timers.forEach((t) => t.unref());
  }

  return {
    dispatch,
    ctx: (user = null) => ctxFor(user),
    paths,
    state: () => ({ db: dbState, message: dbMessage }),
    integrity: () => integrity,
    backupNow,
    printSlip: (id, lang, user) => printSlip(ctxFor(user), id, lang),
    restore,
    restoreFile,
    setupOpen,
    completeSetup,
    lock,
    close() {
      generation++;
      timers.forEach((t) => clearTimeout(t));
      closeDb();
      lock?.release();
    },
  };
}

/**
 * When a process that had the database open is gone without closing it (its marker file is left):
 * the time of its last write (the WAL's, else the file's, else the marker's modification time); else null.
 */
function uncleanStop(dbFile: string): string | null {
  const dir = path.dirname(dbFile);
  const prefix = `${path.basename(dbFile)}.open-`;
  let unclean = false;
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (pid === process.pid || isAlive(pid)) continue;
    unclean = true;
    fs.rmSync(path.join(dir, name), { force: true });
  }
  if (!unclean) return null;
  const times = [`${dbFile}-wal`, dbFile].map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0));
  return new Date(Math.max(...times)).toISOString();
}

/** The host's state for a file that cannot be used, by what is wrong with it. */
function stateOf(reason: backup.FileProblem): AppStatus['db'] {
  switch (reason) {
    case 'too-new':
      return 'too-new';
    case 'empty':
    case 'foreign':
      return 'foreign';
    case 'missing':
      return 'missing';
    case 'no-site':
    case 'no-manager':
      return 'no-manager';
    default:
      return 'damaged';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function toErrorShape(e: unknown, channel: string, log: Logger): AppErrorShape {
  if (e instanceof AppError) return e.toShape();
  const code = (e as { code?: unknown } | null | undefined)?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    log('warn', `${channel}: constraint ${(e as Error).message}`);
    return { code: 'CONFLICT', message: 'error.CONFLICT' };
  }
  const ref = randomUUID().slice(0, 8);
  log('error', `${channel} failed [${ref}]: ${(e as Error)?.stack ?? String(e)}`);
  return { code: 'INTERNAL', message: 'error.INTERNAL', params: { ref } };
}
