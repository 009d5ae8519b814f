import { create } from 'zustand';
import type { AppStatus, SessionUser } from '../../../shared/contract';

/**
 * Which screen the app is on and who is signed in. Session and UI state only:
 * the database (through the host) is the source of truth for everything else.
 */
export type SessionStatus =
  | 'loading' // waiting for app.status
  | 'unavailable' // the host could not open the database, or app.status failed
  | 'token-lost' // browser shell: this page lost its launch token
  | 'recovery' // database unusable: damaged, too new, foreign, missing, or no manager left
  | 'setup' // first run
  | 'signed-out'
  | 'locked'
  | 'signed-in';

interface SessionState {
  status: SessionStatus;
  app: AppStatus | null;
  user: SessionUser | null;
  locked: boolean;
  idleLockMinutes: number;
  /** Why the user is on the sign-in screen when it was not their choice. */
  signedOutReason: 'expired' | null;
  bootError: string | null;
  fromAppStatus(app: AppStatus): void;
  bootFailed(message: string): void;
  signedIn(user: SessionUser): void;
  lock(): void;
  signedOut(reason?: 'expired' | null): void;
  tokenLost(): void;
  setLanguageSetting(language: AppStatus['language']): void;
  setSiteName(name: string): void;
  setIdleLockMinutes(minutes: number): void;
}

function statusOf(app: AppStatus): SessionStatus {
  if (app.db === 'unavailable') return 'unavailable';
  // Every other state but ok: the file cannot be used as it is, so the recovery screen.
  if (app.db !== 'ok') return 'recovery';
  if (app.setupNeeded) return 'setup';
  if (!app.session) return 'signed-out';
  return app.session.locked ? 'locked' : 'signed-in';
}

export const useSessionStore = create<SessionState>((set) => ({
  status: 'loading',
  app: null,
  user: null,
  locked: false,
  idleLockMinutes: 10,
  signedOutReason: null,
  bootError: null,
  fromAppStatus: (app) =>
    set((s) => ({
      app,
      status: s.status === 'token-lost' ? 'token-lost' : statusOf(app),
      user: app.session?.user ?? null,
      locked: app.session?.locked ?? false,
      idleLockMinutes: app.session?.idleLockMinutes ?? s.idleLockMinutes,
      bootError: null,
    })),
  bootFailed: (message) => set((s) => (s.status === 'token-lost' ? {} : { status: 'unavailable', bootError: message })),
  signedIn: (user) => set({ user, locked: false, status: 'signed-in', signedOutReason: null }),
  lock: () => set((s) => (s.user ? { locked: true, status: 'locked' } : {})),
  signedOut: (reason = null) => set({ user: null, locked: false, status: 'signed-out', signedOutReason: reason }),
  tokenLost: () => set({ status: 'token-lost' }),
  setLanguageSetting: (language) => set((s) => (s.app ? { app: { ...s.app, language } } : {})),
  setSiteName: (siteName) => set((s) => (s.app ? { app: { ...s.app, siteName } } : {})),
  setIdleLockMinutes: (idleLockMinutes) => set({ idleLockMinutes }),
}));
