/**
 * The callback queue (回访, procedure 八): use-cases, each write in one transaction with its timeline step and
 * audit row. The rules are shared/workflows/callbacks/rules.ts; the SQL is ./repo.ts.
 *
 * The queue is generic. A source (repairs first; complaints, requests and suggestions later) calls
 * `createCallback` when its work is finished, with the due date its own rules give, and `cancelCallbacksOf`
 * when it is voided. The queue knows a source only as a registered `CallbackSource` (composed in one place,
 * electron/workflows/callback-sources.ts): its page, and what a reached answer does to it.
 */
import { AppError, fieldError } from '../../../shared/kernel/errors';
import { localWallClock } from '../../../shared/kernel/deadlines';
import { firstDayOf, lastDayOf, monthOf, nextMonth, previousMonth } from '../../../shared/kernel/months';
import { maskPhone } from '../../../shared/master/id-number';
import type { CallbackAnswer, SourceCallback } from '../../../shared/kernel/callbacks';
import {
  attemptOutcome,
  attemptProblems,
  callbackOpen,
  callbackOverdue,
  callbackRate,
  type CallbackChannel,
  type CallbackState,
  type Rate,
  type Satisfaction,
} from '../../../shared/workflows/callbacks/rules';
import type { CallbackDetail, CallbackRow } from '../../../shared/workflows/callbacks/schema';
import type { ServiceCtx } from '../../host/context';
import { atomic, siteToday } from '../../kit/atomic';
import { nextNumber } from '../../kit/numbers';
import { appendEvent, timelineOf } from '../../kit/timeline';
import * as repo from './repo';

const KIND = 'callback';

// ---------- the sources ----------

/** The answer a source is handed: which callback, and what the customer said. */
export interface AnsweredCallback {
  id: string;
  number: string;
  fixed: boolean | null;
  satisfaction: Satisfaction | null;
  note: string | null;
}

/** A kind of record that feeds the queue. */
export interface CallbackSource {
  /** The kind written on its callbacks (`source_kind`), e.g. 'repair'. */
  kind: string;
  /** Its record's page in the app. */
  route: (sourceId: string) => string;
  /**
   * A reached answer, inside the attempt's transaction: 'closed' (fixed and not unsatisfied) or 'reopened'. The
   * source decides what that does to its record (and writes that record's timeline step and audit row).
   */
  onAnswered: (ctx: ServiceCtx, sourceId: string, outcome: CallbackAnswer, callback: AnsweredCallback) => void;
}

const sources = new Map<string, CallbackSource>();

/** Registers a source (again: the same kind is replaced). Returns the undo, for a test's own source. */
export function registerCallbackSource(source: CallbackSource): () => void {
  sources.set(source.kind, source);
  return () => {
    if (sources.get(source.kind) === source) sources.delete(source.kind);
  };
}

function sourceOf(kind: string): CallbackSource {
  const s = sources.get(kind);
  if (!s) throw new Error(`no callback source registered for kind '${kind}' (electron/workflows/callback-sources.ts)`);
  return s;
}

const notFuture = (ctx: ServiceCtx, field: string, at: string) => {
  if (Date.parse(at) > ctx.clock.now().getTime() + 60_000) throw fieldError(field, 'v.notInFuture');
};


/**
 * A month's callback rate is frozen when the month closes: every write that can touch a callback first keeps
 * each ended month not kept yet (from the last one kept, or the first month anything was due), in its
 * transaction — so an attempt recorded late and back-dated into a closed month leaves that month's figure.
 * createCallback, cancelCallbacksOf and recordAttempt run it first; a source's write that changes callbacks
 * some other way must too.
 */
export function keepClosedRateMonths(ctx: ServiceCtx): void {
  const last = previousMonth(monthOf(siteToday(ctx)));
  const kept = repo.lastFrozenMonth(ctx.db);
  if (kept !== null && kept >= last) return;
  const first = repo.earliestDueDate(ctx.db);
  if (first === null) return;
  const months: string[] = [];
  for (let m = kept === null ? monthOf(first) : nextMonth(kept); m <= last; m = nextMonth(m)) months.push(m);
  // An app idle for years keeps the last 36 ended months; older ones are read live.
  for (const m of months.slice(-36)) {
    const r = rateBetween(ctx, { from: firstDayOf(m), to: lastDayOf(m) });
    repo.freezeRate(ctx.db, m, r.due, r.onTime, ctx.nowIso());
  }
}

export interface NewCallback {
  sourceKind: string;
  sourceId: string;
  /** The source record's number, shown on the queue (BX-2026-000012). */
  sourceNumber: string;
  /** Site date it is due by (the source's rule). */
  dueDate: string;
  placeName: string;
  contactName: string;
  contactPhone: string;
}

/** A source's work is finished: a callback joins the queue, numbered HF-year (the setting's prefix). In the caller's transaction. */
export const createCallback = atomic(function createCallback(ctx: ServiceCtx, c: NewCallback): { id: string; number: string } {
  keepClosedRateMonths(ctx);
  sourceOf(c.sourceKind);
  const id = ctx.newId();
  const number = nextNumber(ctx, ctx.settings().callbackPrefix, Number(localWallClock(ctx.clock.now()).slice(0, 4)));
  repo.insertCallback(ctx.db, { id, number, ...c, now: ctx.nowIso() });
  appendEvent(ctx, KIND, id, 'create', { source: c.sourceNumber, dueDate: c.dueDate });
  ctx.audit('create', KIND, id, null, { number, source: c.sourceNumber, dueDate: c.dueDate });
  return { id, number };
});

/** A source was voided: its open callbacks are cancelled (they count for neither side of the rate). In the caller's transaction. */
export const cancelCallbacksOf = atomic(function cancelCallbacksOf(ctx: ServiceCtx, sourceKind: string, sourceId: string): void {
  keepClosedRateMonths(ctx);
  for (const c of repo.callbacksOfSource(ctx.db, sourceKind, sourceId)) if (callbackOpen(c.state)) repo.updateCallback(ctx.db, c.id, ctx.nowIso(), { state: 'cancelled' });
});

/** A source's callbacks, oldest first, for its page. */
export const callbacksOf = (ctx: ServiceCtx, sourceKind: string, sourceId: string): SourceCallback[] =>
  repo.callbacksOfSource(ctx.db, sourceKind, sourceId).map((c) => ({ id: c.id, number: c.number, state: c.state, dueDate: c.due_date }));

// ---------- the queue ----------

const toCallbackRow = (ctx: ServiceCtx, c: repo.CallbackDb): CallbackRow => ({
  id: c.id,
  number: c.number,
  state: c.state,
  sourceKind: c.source_kind,
  sourceId: c.source_id,
  sourceNumber: c.source_number,
  sourceRoute: sources.get(c.source_kind)?.route(c.source_id) ?? null,
  placeName: c.place_name,
  contactName: c.contact_name,
  contactPhoneMasked: maskPhone(c.contact_phone),
  dueDate: c.due_date,
  overdue: callbackOpen(c.state) && callbackOverdue(c.due_date, ctx.nowIso()),
  unreached: c.unreached,
  doneAt: c.done_at,
});

export const callbackRows = (ctx: ServiceCtx, rows: readonly repo.CallbackDb[]): CallbackRow[] => rows.map((c) => toCallbackRow(ctx, c));

function callbackDb(ctx: ServiceCtx, id: string): repo.CallbackDb {
  const c = repo.callbackById(ctx.db, id);
  if (!c) throw new AppError('NOT_FOUND');
  return c;
}

export function getCallback(ctx: ServiceCtx, id: string): CallbackDetail {
  const c = callbackDb(ctx, id);
  return {
    ...toCallbackRow(ctx, c),
    outcome: c.outcome,
    attempts: repo.attemptsOf(ctx.db, id).map((a) => ({ ...a, reached: a.reached === 1, fixed: a.fixed === null ? null : a.fixed === 1, satisfaction: a.satisfaction as Satisfaction | null })),
    timeline: timelineOf(ctx, KIND, id),
  };
}

/** The callback with this number (any prefix: callbacks numbered before a change of `callbackPrefix` are found too). */
export const callbackByNumber = (ctx: ServiceCtx, number: string) => repo.callbackByNumber(ctx.db, number);

/** The contact's phone in clear for the call; every reveal is written to the audit log with who and when. */
export function revealCallbackContact(ctx: ServiceCtx, id: string): { value: string | null } {
  const c = callbackDb(ctx, id);
  ctx.db.transaction(() => ctx.audit('reveal', KIND, c.id, null, { field: 'contactPhone', name: c.contact_name }))();
  return { value: c.contact_phone };
}

/** The queue (open and escalated) by due date, overdue first; or the callbacks in one state. */
export function listCallbacks(ctx: ServiceCtx, f: { offset: number; limit: number; state: CallbackState | 'queue' }) {
  const { rows, total } = repo.listCallbacks(ctx.db, f);
  return { rows: rows.map((c) => toCallbackRow(ctx, c)), total, offset: f.offset };
}

/** The queue's items due by `date` (overdue first), at most `limit`, and how many there are. */
export function callbacksDueBy(ctx: ServiceCtx, date: string, limit: number): { rows: CallbackRow[]; total: number } {
  const { rows, total } = repo.callbacksDueBy(ctx.db, date, limit);
  return { rows: callbackRows(ctx, rows), total };
}

/** Open callbacks past their due date (site calendar), every source's. */
export const overdueCallbackCount = (ctx: ServiceCtx): number => repo.overdueCallbackCount(ctx.db, siteToday(ctx));

/**
 * One attempt: logged; unreached ones escalate after the setting's count; a reached answer closes the
 * callback and hands the answer to its source — repairs close, or (not fixed, or unsatisfied) reopen back to
 * dispatch, and their next completion creates a new callback.
 */
export const recordAttempt = atomic(function recordAttempt(
  ctx: ServiceCtx,
  input: { callbackId: string; channel: CallbackChannel; at: string; reached: boolean; fixed: boolean | null; satisfaction: Satisfaction | null; note: string | null },
): CallbackDetail {
  keepClosedRateMonths(ctx);
  const c = callbackDb(ctx, input.callbackId);
  if (!callbackOpen(c.state)) throw new AppError('BAD_STATE', `callback.why.${c.state}`);
  const problems = attemptProblems(input);
  if (Object.keys(problems).length) throw new AppError('VALIDATION', 'error.VALIDATION', { fieldErrors: Object.fromEntries(Object.entries(problems).map(([f, m]) => [f, { message: m }])) });
  notFuture(ctx, 'at', input.at);
  const at = new Date(input.at).toISOString();
  const outcome = attemptOutcome(input, c.unreached, ctx.settings().callbackEscalateAfter, c.state);
  const source = sourceOf(c.source_kind);
  const now = ctx.nowIso();
  ctx.db.transaction(() => {
    repo.insertAttempt(ctx.db, { id: ctx.newId(), callbackId: c.id, channel: input.channel, at, reached: input.reached, fixed: input.fixed, satisfaction: input.satisfaction, note: input.note, byUser: ctx.user?.id ?? null, now });
    if (outcome === 'open' || outcome === 'escalated') {
      repo.updateCallback(ctx.db, c.id, now, { unreached: c.unreached + 1, state: outcome, ...(outcome === 'escalated' && c.state !== 'escalated' ? { escalated_at: now } : {}) });
    } else {
      repo.updateCallback(ctx.db, c.id, now, { state: 'done', outcome, done_at: at, done_date: localWallClock(at).slice(0, 10) });
      source.onAnswered(ctx, c.source_id, outcome, { id: c.id, number: c.number, fixed: input.fixed, satisfaction: input.satisfaction, note: input.note });
    }
    appendEvent(ctx, KIND, c.id, 'attempt', { channel: input.channel, reached: input.reached, fixed: input.fixed, satisfaction: input.satisfaction, outcome });
    // The timeline reads in order: the third unreached attempt, then the supervisor told.
    if (outcome === 'escalated' && c.state !== 'escalated') appendEvent(ctx, KIND, c.id, 'escalate', { unreached: c.unreached + 1 });
    ctx.audit('attempt', KIND, c.id, { state: c.state }, { channel: input.channel, reached: input.reached, fixed: input.fixed, satisfaction: input.satisfaction, outcome });
  })();
  return getCallback(ctx, c.id);
});

// ---------- the rate ----------

/** Done on time ÷ due over [from, to], as of today (site calendar). */
export function rateBetween(ctx: ServiceCtx, input: { from: string; to: string }): Rate {
  return callbackRate(repo.callbacksDueBetween(ctx.db, input.from, input.to), input.from, input.to, siteToday(ctx));
}

/** A month's callback rate: as frozen when the month closed, or (this month, or a month never kept) as it is now. */
export function monthRate(ctx: ServiceCtx, month: string): Rate & { frozen: boolean } {
  const f = repo.frozenRate(ctx.db, month);
  if (f) return { ...f, basisPoints: f.due === 0 ? null : Math.floor((f.onTime * 10_000) / f.due), frozen: true };
  return { ...rateBetween(ctx, { from: firstDayOf(month), to: lastDayOf(month) }), frozen: false };
}

/** The rate of one source kind's callbacks due in [from, to] (live, for the source's own monthly figures). */
export const sourceRate = (ctx: ServiceCtx, sourceKind: string, from: string, to: string): Rate =>
  callbackRate(repo.sourceCallbacksDue(ctx.db, sourceKind, from, to), from, to, siteToday(ctx));

/** The answers of the customers of one source kind reached in [startIso, endIso): satisfaction and what each callback did, counted. */
export const sourceAnswers = (ctx: ServiceCtx, sourceKind: string, startIso: string, endIso: string) => repo.sourceReachedAnswers(ctx.db, sourceKind, startIso, endIso);
