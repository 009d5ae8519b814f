import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { open, type Db } from '../../db/connection';
import { DbTooNewError, LATEST_VERSION, migrate, schemaVersion } from '../../db/migrate';
import { setSlowLog } from '../../db/statements';
import { siteMeta } from '../../db/site-meta';
import { auditRowsMissingFrom } from '../../db/audit';
import type { AppStatus, SessionUser } from '../../shared/contract';
import { AppError } from '../../shared/kernel/errors';
import type { Settings } from '../../shared/master/schema';
import * as backup from '../backup/backup';
import { quickCheckInBackground, type IntegrityCheck } from '../backup/integrity-check';
import * as auth from '../services/auth';
import { DEFAULT_SETTINGS, readSettings, writeSettings } from '../services/settings';
import { completePendingTerms } from '../workflows/master/search-terms';
import { makeCtx, type Actor, type Clock, type ServiceCtx } from './context';
import type { Logger } from './log';
import type { dataPaths } from './paths';

export interface SiteDatabaseOptions {
  paths: ReturnType<typeof dataPaths>;
  clock: Clock;
  newId: () => string;
  log: Logger;
  actor: Actor;
  /** The file was closed or replaced under the signed-in sessions: they end. */
  onReset: () => void;
  /** Before the file is closed (an import holding a transaction stops first). */
  beforeClose: () => void;
}

/**
 * The site's database file through its life: opened (checked, migrated, a fresh one created only
 * where there is none), watched by the background integrity check, backed up, restored from a
 * proven file, replaced by a new site from the recovery screen, and closed.
 */
export interface SiteDatabase {
  readonly db: Db | null;
  state(): { db: AppStatus['db']; message: string | null };
  settings(): Settings;
  /** Saves a settings change (the caller checked the permission) and applies what the host itself uses. */
  updateSettings(ctx: ServiceCtx, input: Partial<Settings>): Settings;
  /** The open database; throws DB_UNAVAILABLE (translated by why) while no file is open. */
  requireOpen(): Db;
  /** A service context acting as `user`; throws DB_UNAVAILABLE while no file is open. */
  ctxFor(user: SessionUser | null): ServiceCtx;
  meta: { get(key: string): string | null; set(key: string, value: string): void; remove(key: string): void };
  integrity(): Promise<void>;
  /** The page-by-page check of the open file (before it opened, or in the background since): running, passed or failed, and when; null before any. */
  lastCheck(): IntegrityCheck | null;
  backupNow(kind: backup.BackupKind, opts?: { rotate?: boolean }): ReturnType<typeof backup.createBackup>;
  /** The automatic backup of the day, if there is none yet (errors are logged, never thrown). */
  dailyBackup(): void;
  restore(name: string, user: SessionUser | null): void;
  restoreFile(file: string, user: SessionUser | null): void;
  newSite(): void;
  setupOpen(): boolean;
  completeSetup(siteName: string, user?: SessionUser | null): void;
  close(): void;
}

export function openSiteDatabase(o: SiteDatabaseOptions): SiteDatabase {
  const { paths, clock, newId, log, actor, onReset } = o;
  let db: Db | null = null;
  let dbState: AppStatus['db'] = 'unavailable';
  let dbMessage: string | null = null;
  let settingsCache: Settings | null = null;
  let generation = 0;
  let integrity: Promise<void> = Promise.resolve();
  let checker: ReturnType<typeof quickCheckInBackground> | null = null;
  let lastCheck: IntegrityCheck | null = null;
  // Present while this host has the file open; one left by a process that is gone means an unclean stop.
  const openMarker = `${paths.db}.open-${process.pid}-${randomUUID().slice(0, 8)}`;

  const settings = (): Settings => {
    if (!db) return DEFAULT_SETTINGS;
    return (settingsCache ??= readSettings(db));
  };
  const requireOpen = (): Db => {
    if (!db) throw new AppError('DB_UNAVAILABLE', dbState === 'too-new' ? 'error.dbTooNew' : 'error.dbDamaged');
    return db;
  };
  const ctxFor = (user: SessionUser | null): ServiceCtx => makeCtx(requireOpen(), clock, newId, user, settings, actor);
  const meta = {
    get: (key: string) => (db ? siteMeta.get(db, key) : null),
    set: (key: string, value: string) => void (db && siteMeta.set(db, key, value)),
    remove: (key: string) => void (db && siteMeta.remove(db, key)),
  };
  const slowLog = (d: Db) => setSlowLog(d, settings().slowQueryMs, (sql, ms) => log('warn', `slow query ${ms.toFixed(0)} ms: ${sql.slice(0, 300)}`));

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
    const checkNow = check.ok && (check.version < LATEST_VERSION || unclean);
    if (checkNow) check = backup.checkDatabaseFile(paths.db);
    else checkLater = check.ok;
    lastCheck = checkNow ? { result: check.ok ? 'ok' : 'failed', at: clock.now().toISOString() } : null;
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
      slowLog(db);
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
    lastCheck = { result: 'running', at: clock.now().toISOString() };
    return checker.result.then((result) => {
      if (gen !== generation) return;
      lastCheck = { result: result === 'ok' ? 'ok' : 'failed', at: clock.now().toISOString() };
      if (result === 'ok') return;
      log('error', `database ${paths.db} failed the integrity check, closed: ${result}`);
      closeDb();
      onReset();
      dbState = 'damaged';
      dbMessage = result;
    });
  }

  function closeDb() {
    o.beforeClose();
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
      onReset();
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

  const setupOpen = () => !!db && !meta.get('setup_completed_at') && auth.countUsers(db) === 0;
  function completeSetup(siteName: string, user: SessionUser | null = null) {
    const ctx = ctxFor(user);
    ctx.db.transaction(() => {
      settingsCache = writeSettings(ctx, { siteName });
      meta.set('setup_completed_at', ctx.nowIso());
      ctx.audit('setup', 'database', null, null, { siteName });
    })();
  }

  function updateSettings(ctx: ServiceCtx, input: Partial<Settings>): Settings {
    settingsCache = writeSettings(ctx, input);
    if (db) slowLog(db);
    return settingsCache;
  }

  openDb();

  return {
    get db() {
      return db;
    },
    state: () => ({ db: dbState, message: dbMessage }),
    settings,
    updateSettings,
    requireOpen,
    ctxFor,
    meta,
    integrity: () => integrity,
    lastCheck: () => lastCheck,
    backupNow,
    dailyBackup,
    restore,
    restoreFile,
    newSite,
    setupOpen,
    completeSetup,
    close() {
      generation++;
      closeDb();
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

