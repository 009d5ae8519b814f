import type { Db } from '../../db/connection';
import type { AppStatus, SessionUser } from '../../shared/contract';
import * as auth from '../services/auth';
import type { Clock } from './context';
import type { Call, Session } from './handler';

/** The signed-in sessions, by the shell's session key. */
export class Sessions {
  private readonly map = new Map<string, Session>();

  constructor(private readonly clock: Clock) {}

  signIn(call: Call, user: SessionUser, notice: AppStatus['notice'] = null): SessionUser {
    this.map.set(call.sessionKey, { user, lastActive: this.clock.now().getTime(), locked: false, notice });
    return user;
  }

  unlock(session: Session): void {
    session.locked = false;
    this.touch(session);
  }

  touch(session: Session): void {
    session.lastActive = this.clock.now().getTime();
  }

  get(key: string): Session | null {
    return this.map.get(key) ?? null;
  }

  end(key: string): void {
    this.map.delete(key);
  }

  /** Every session of a user (deactivated, or given another role). */
  endUser(userId: string): void {
    for (const [key, s] of this.map) if (s.user.id === userId) this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  /**
   * The session of a call as it stands now: ended if its account was deactivated since sign-in, its role
   * and name refreshed, and locked once idle longer than the setting.
   */
  current(key: string, db: Db | null, idleLockMinutes: number): Session | null {
    let session = this.map.get(key) ?? null;
    if (session && db) {
      const row = auth.currentAccount(db, session.user.id);
      if (!row || row.active !== 1) {
        this.map.delete(key);
        session = null;
      } else {
        session.user = { ...session.user, role: row.role, displayName: row.displayName };
      }
    }
    if (session && !session.locked && this.clock.now().getTime() - session.lastActive > idleLockMinutes * 60_000) session.locked = true;
    return session;
  }
}
