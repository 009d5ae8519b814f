import path from 'node:path';
import { schemaVersion } from '../../db/migrate';
import { listAudit } from '../../db/audit';
import type { AppStatus } from '../../shared/contract';
import type { appContract } from '../../shared/app/contract';
import { AppError } from '../../shared/kernel/errors';
import * as backup from '../backup/backup';
import * as auth from '../services/auth';
import { seedDemo } from '../services/demo/seed';
import { globalSearch } from './search';
import { printRecordForm } from './print';
import type { SiteDatabase } from './database';
import type { Handlers, Session } from './handler';
import type { Sessions } from './sessions';
import { today } from './today';
import type { dataPaths } from './paths';

export const APP_VERSION = '0.1.0';

/**
 * The app's own channels (not a workflow's): status and setup, signing in, recovery, settings,
 * users, audit, backups, Today and the global search (both composed from the workflows).
 */
export function appHandlers(site: SiteDatabase, sessions: Sessions, paths: ReturnType<typeof dataPaths>, capabilities: AppStatus['capabilities']): Handlers<keyof typeof appContract> {
  return {
    'app.status': (_ctx, _input, call) => {
      const setupNeeded = site.setupOpen();
      const siteName = site.db && !setupNeeded ? site.settings().siteName : null;
      const { db: dbState, message: dbMessage } = site.state();
      const s = call.session;
      return {
        db: dbState,
        dbMessage,
        setupNeeded,
        siteName,
        language: site.settings().language,
        version: APP_VERSION,
        schemaVersion: site.db ? schemaVersion(site.db) : 0,
        session: s ? { user: s.user, locked: s.locked, idleLockMinutes: site.settings().idleLockMinutes } : null,
        notice: s && !s.locked ? s.notice : null,
        capabilities,
        latestBackup: backup.listBackups(paths.backups)[0] ?? null,
      };
    },
    'setup.init': async (_ctx, input, call) => {
      const ctx = site.ctxFor(null);
      // Never on a restored, emptied or foreign file: only on one FrontDesk made and nobody set up.
      if (!site.setupOpen()) throw new AppError('BAD_STATE', 'error.setupDone');
      const user = await auth.createUser(ctx, { username: input.username, displayName: input.displayName, role: 'manager', password: input.password }, { onlyIfFirst: true });
      const me = auth.toSessionUser(user);
      const asMe = site.ctxFor(me);
      site.completeSetup(input.siteName, me);
      if (input.demo) seedDemo(asMe, { units: 2000, seed: 20261123 }, site.updateSettings);
      return sessions.signIn(call, me);
    },
    'auth.signIn': async (_ctx, input, call) => {
      const ctx = site.ctxFor(null);
      const user = await auth.authenticate(ctx, input.username, input.password);
      let notice: Session['notice'] = null;
      ctx.db.transaction(() => {
        site.ctxFor(user).audit('sign-in', 'user', user.id);
        // The next manager to sign in is told, once, that the app was not closed properly.
        const unclean = user.role === 'manager' ? site.meta.get('unclean_stop') : null;
        if (unclean) {
          notice = { kind: 'unclean-stop', ...(JSON.parse(unclean) as { lastActiveAt: string; intact: boolean }) };
          site.meta.remove('unclean_stop');
        }
      })();
      return sessions.signIn(call, user, notice);
    },
    'auth.unlock': async (_ctx, input, call) => {
      const s = call.session;
      if (!s) throw new AppError('UNAUTHENTICATED');
      const user = await auth.authenticate(site.ctxFor(null), s.user.username, input.password);
      sessions.unlock(s);
      return user;
    },
    'auth.signOut': (_ctx, _input, call) => {
      if (call.session && site.db) site.ctxFor(call.session.user).audit('sign-out', 'user', call.session.user.id);
      sessions.end(call.sessionKey);
      return { done: true };
    },
    'auth.lock': (_ctx, _input, call) => {
      if (call.session) call.session.locked = true;
      return { done: true };
    },
    'auth.changePassword': async (ctx, input) => {
      const me = ctx.user!;
      await auth.authenticate(site.ctxFor(null), me.username, input.current).catch(() => {
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
      if (site.state().db === 'ok') throw new AppError('FORBIDDEN');
      site.restore(input.name, call.session?.user ?? null);
      return { done: true };
    },
    'recovery.newSite': () => {
      site.newSite();
      return { done: true };
    },

    'today.summary': (ctx) => today(ctx, () => ({ latestBackup: backup.listBackups(paths.backups)[0] ?? null, lastCheck: site.lastCheck() })),
    'search.global': (ctx, input) => globalSearch(ctx, input.q),
    'records.print': (ctx, input) => printRecordForm(ctx, input),
    'settings.get': () => site.settings(),
    'settings.update': (ctx, input) => site.updateSettings(ctx, input),
    'users.list': (ctx) => auth.listUsers(ctx),
    'users.create': (ctx, input) => auth.createUser(ctx, input),
    'users.update': (ctx, input) => {
      const before = auth.getUser(ctx, input.id);
      const u = auth.updateUser(ctx, input);
      // A deactivated or re-roled user is signed out everywhere; a new display name signs nobody out.
      if (!u.active || u.role !== before.role) sessions.endUser(u.id);
      return u;
    },
    'users.resetPassword': async (ctx, input) => {
      await auth.setPassword(ctx, input.id, input.password, 'reset-password');
      return { done: true };
    },
    'audit.list': (ctx, input) => listAudit(ctx.db, input),
    // Only the Electron shell has native dialogs; it answers these before they reach the host.
    'file.save': () => {
      throw new AppError('BAD_STATE', 'error.nativeOnly');
    },
    'pdf.print': () => {
      throw new AppError('BAD_STATE', 'error.nativeOnly');
    },
    'backup.list': () => backup.listBackups(paths.backups),
    'backup.create': (ctx) => {
      const info = site.backupNow('manual');
      ctx.audit('backup', 'database', null, null, { backup: info.name });
      return info;
    },
    'backup.restore': (ctx, input) => {
      site.restore(input.name, ctx.user);
      return { done: true };
    },
  };
}
