import type { Db } from '../../db/connection';
import { appendAudit } from '../../db/audit-chain';
import type { SessionUser } from '../../shared/contract';
import type { DeadlineContext } from '../../shared/kernel/deadlines';
import type { Settings } from '../../shared/master/schema';
import { deadlineContext } from './deadline-context';

export interface Clock {
  now(): Date;
}

/** What every service gets: the database, injected time and ids, the signed-in user and an audit writer. */
export interface ServiceCtx {
  db: Db;
  clock: Clock;
  newId: () => string;
  user: SessionUser | null;
  settings: () => Settings;
  /** For `dueDate(rule, start, ctx.deadlines())`: the calendar with the manager's additions, and office hours, from settings. */
  deadlines(): DeadlineContext;
  /** ISO timestamp (UTC) of now. */
  nowIso(): string;
  /** Local calendar date of now, YYYY-MM-DD. */
  today(): string;
  audit(action: string, entity: string, entityId: string | null, before?: unknown, after?: unknown): void;
}

export function localDate(d: Date): string {
  const y = d.getFullYear();
  const m = String(d.getMonth() + 1).padStart(2, '0');
  const day = String(d.getDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** Who acts, beyond the user: the app's own shells, or the admin CLI run by an operating-system user. */
export interface Actor {
  via: 'app' | 'cli';
  osUser: string | null;
}

export const APP_ACTOR: Actor = { via: 'app', osUser: null };

export function makeCtx(db: Db, clock: Clock, newId: () => string, user: SessionUser | null, settings: () => Settings, actor: Actor = APP_ACTOR): ServiceCtx {
  const nowIso = () => clock.now().toISOString();
  return {
    db,
    clock,
    newId,
    user,
    settings,
    deadlines: () => deadlineContext(settings()),
    nowIso,
    today: () => localDate(clock.now()),
    audit(action, entity, entityId, before, after) {
      appendAudit(db, {
        id: newId(),
        at: nowIso(),
        user_id: user?.id ?? null,
        action,
        entity,
        entity_id: entityId,
        before: before === undefined || before === null ? null : JSON.stringify(before),
        after: after === undefined || after === null ? null : JSON.stringify(after),
        via: actor.via,
        os_user: actor.osUser,
      });
    },
  };
}

/** The same context with its clock standing at `when` (demo records carry believable past dates). */
export function ctxAt(ctx: ServiceCtx, when: Date): ServiceCtx {
  return { ...ctx, clock: { now: () => when }, nowIso: () => when.toISOString(), today: () => localDate(when) };
}
