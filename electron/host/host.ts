import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { contract, isChannel, type AppStatus, type Channel, type SessionUser } from '../../shared/contract';
import { AppError, type AppErrorShape, type FieldError, type Result } from '../../shared/kernel/errors';
import { can } from '../../shared/kernel/permissions';
import { decodeMessage } from '../../shared/kernel/validation';
import * as backup from '../backup/backup';
import { ImportJobs } from '../workflows/master/import/jobs';
import { masterHandlers } from '../workflows/master/handlers';
import { slipHandlers } from '../workflows/slips/handlers';
import { occupancyReportHandlers } from '../workflows/occupancy-report/handlers';
import { repairsHandlers } from '../workflows/repairs/handlers';
import { decorationHandlers } from '../workflows/decoration/handlers';
import { moveInHandlers } from '../workflows/move-in/handlers';
import { callbacksHandlers } from '../workflows/callbacks/handlers';
import { registerCallbackSources } from '../workflows/callback-sources';
import { RECORD_KINDS } from '../workflows/records';
import { findRecord, pickForm } from '../kit/records';
import type { PageFormat } from '../../shared/kernel/records';
import type { Language } from '../../shared/i18n/index';
import { appHandlers } from './app-handlers';
import { APP_ACTOR, type Actor, type Clock, type ServiceCtx } from './context';
import { openSiteDatabase } from './database';
import type { Handler, Session } from './handler';
import { acquireFolderLock, type FolderLock, type FolderOwner } from './folder-lock';
import { createIds } from './ids';
import { fileLogger, type Logger } from './log';
import { dataPaths } from './paths';
import { Sessions } from './sessions';

export { APP_VERSION } from './app-handlers';

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
  /** The record a typed or scanned number names, of any kind, with its forms (CLI `forms`). */
  findRecord(number: string): { kind: string; id: string; number: string; forms: { name: string; title: Record<Language, string>; format: PageFormat }[] };
  /** PDF of one of a record's forms (CLI `print`); counts as a print like the UI's (a reprint is a copy). */
  printRecord(number: string, form: string | undefined, lang: Language, user: SessionUser | null): Promise<{ bytes: Buffer; copy: boolean; number: string; form: string }>;
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

/** What still answers when the database cannot be opened. */
const WITHOUT_DB = new Set<Channel>(['app.status', 'recovery.backups', 'recovery.restore', 'recovery.newSite', 'auth.signOut']);

/**
 * The core both shells talk to: it owns the data folder (its lock and its database), composes the
 * handler maps of the app and of every workflow, and dispatches each call — session, permission,
 * input and output checked against the channel's contract.
 */
export function createHost(opts: HostOptions): Host {
  // The callback queue's sources (electron/workflows/callback-sources.ts), before anything can record an attempt.
  registerCallbackSources();
  const clock = opts.clock ?? { now: () => new Date() };
  const newId = opts.newId ?? createIds(() => clock.now().getTime());
  const paths = dataPaths(opts.dataDir);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const log = opts.log ?? fileLogger(paths.logs);
  const capabilities = opts.capabilities ?? { nativeDialogs: false, nativePrint: false };
  const actor = opts.actor ?? APP_ACTOR;
  // Before anything touches the folder: a second process must never open the database.
  const lock = opts.lock === false ? null : acquireFolderLock(opts.dataDir, { kind: opts.lock ?? 'test' });
  const sessions = new Sessions(clock);
  const timers: NodeJS.Timeout[] = [];
  let jobs: ImportJobs | null = null;

  if (lock) backup.cleanStaleTemps(opts.dataDir, paths.backups, (m) => log('warn', m));
  let site: ReturnType<typeof openSiteDatabase>;
  try {
    site = openSiteDatabase({ paths, clock, newId, log, actor, onReset: () => sessions.clear(), beforeClose: () => jobs?.cancelAll() });
  } catch (e) {
    lock?.release();
    throw e;
  }
  jobs = new ImportJobs(site.ctxFor, () => site.backupNow('pre-import'), log);

  // The union of the handler maps: the app's own, then one line a workflow.
  const handlers: { [C in Channel]: Handler<C> } = {
    ...appHandlers(site, sessions, paths, capabilities),
    ...masterHandlers(jobs),
    ...slipHandlers,
    ...occupancyReportHandlers,
    ...repairsHandlers,
    ...callbacksHandlers,
    ...decorationHandlers,
    ...moveInHandlers,
  };

  /** Permission refusals are audited: someone tried something their role does not allow. */
  function auditRefusal(channel: string, session: Session | null) {
    try {
      if (site.db) site.ctxFor(session?.user ?? null).audit('forbidden', 'channel', channel);
    } catch (e) {
      log('error', `could not audit a refused call to ${channel}: ${(e as Error).message}`);
    }
  }

  async function dispatch(channel: unknown, input: unknown, sessionKey: string): Promise<Result<unknown>> {
    if (!isChannel(channel)) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: 'error.UNKNOWN_CHANNEL' } };
    const def = contract[channel];
    try {
      if (!WITHOUT_DB.has(channel)) site.requireOpen();
      const session = sessions.current(sessionKey, site.db, site.settings().idleLockMinutes);
      const needsSession = !('auth' in def) || def.auth !== 'none';
      if (needsSession) {
        if (!session) throw new AppError('UNAUTHENTICATED');
        if (session.locked && channel !== 'auth.lock') throw new AppError('LOCKED');
        if ('permission' in def && def.permission && !can(session.user.role, def.permission)) throw new AppError('FORBIDDEN');
        sessions.touch(session);
      }
      // The input is parsed only for a caller who may use the channel: nobody learns the shape of a
      // channel's input (field errors) before signing in with the right role.
      const parsed = def.input.safeParse(input === undefined || input === null ? {} : input);
      if (!parsed.success) {
        return { ok: false, error: { code: 'VALIDATION', message: 'error.VALIDATION', fieldErrors: zodFieldErrors(parsed.error.issues) } };
      }
      // An import holds the write transaction: only channels that read answer meanwhile.
      if (jobs!.busy() && def.kind !== 'read') throw new AppError('BAD_STATE', 'error.busyImporting');
      const handler = handlers[channel] as Handler<Channel>;
      const ctx = site.db ? site.ctxFor(needsSession ? session!.user : (session?.user ?? null)) : (null as unknown as ServiceCtx);
      const value = await handler(ctx, parsed.data as never, { sessionKey, session });
      const out = def.output.safeParse(value);
      if (!out.success) {
        log('error', `output of ${channel} does not match the contract: ${JSON.stringify(out.error.issues).slice(0, 2000)}`);
        throw new AppError('INTERNAL');
      }
      return { ok: true, value: out.data };
    } catch (e) {
      if (e instanceof AppError && e.code === 'FORBIDDEN') auditRefusal(channel, sessions.get(sessionKey));
      return { ok: false, error: toErrorShape(e, channel, log) };
    }
  }

  if (opts.autoBackup) {
    timers.push(setTimeout(site.dailyBackup, 3000));
    timers.push(setInterval(site.dailyBackup, 60 * 60 * 1000));
    timers.forEach((t) => t.unref());
  }

  return {
    dispatch,
    ctx: (user = null) => site.ctxFor(user),
    paths,
    state: site.state,
    integrity: site.integrity,
    backupNow: site.backupNow,
    findRecord: (number) => {
      const r = findRecord(RECORD_KINDS, site.ctxFor(null), number);
      return { kind: r.kind.kind, id: r.id, number: r.number, forms: r.kind.forms.map(({ name, title, format }) => ({ name, title, format })) };
    },
    async printRecord(number, formName, lang, user) {
      const ctx = site.ctxFor(user);
      const found = findRecord(RECORD_KINDS, ctx, number);
      const form = pickForm(found, formName);
      const { bytes, copy } = await form.print(ctx, found.id, lang);
      return { bytes, copy, number: found.number, form: form.name };
    },
    restore: site.restore,
    restoreFile: site.restoreFile,
    setupOpen: site.setupOpen,
    completeSetup: site.completeSetup,
    lock,
    close() {
      timers.forEach((t) => clearTimeout(t));
      site.close();
      lock?.release();
    },
  };
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
