import { localWallClock } from '../../shared/kernel/deadlines';
import type { ServiceCtx } from '../host/context';

/**
 * A use-case whose reads, rule checks and writes run in one transaction (BEGIN IMMEDIATE; the inner ones are
 * savepoints): two counters cannot both take the same step.
 */
export const atomic =
  <A extends unknown[], T>(fn: (ctx: ServiceCtx, ...args: A) => T) =>
  (ctx: ServiceCtx, ...args: A): T =>
    ctx.db.transaction(() => fn(ctx, ...args))();

/** The site's date today (Beijing time, shared/kernel/deadlines.ts), whatever zone the counter PC is set to. */
export const siteToday = (ctx: ServiceCtx): string => localWallClock(ctx.clock.now()).slice(0, 10);
