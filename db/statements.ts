import type Database from 'better-sqlite3';
import type { Db } from './connection';

type Params = unknown[] | [Record<string, unknown>];

interface SlowLog {
  ms: number;
  log: (sql: string, ms: number) => void;
}

const cache = new WeakMap<Db, Map<string, Database.Statement>>();
const slowLogs = new WeakMap<Db, SlowLog>();

/** Statements slower than `ms` on this connection are reported to `log`. */
export function setSlowLog(db: Db, ms: number, log: (sql: string, ms: number) => void): void {
  slowLogs.set(db, { ms, log });
}

function prepared(db: Db, sql: string, pluck = false): Database.Statement {
  let m = cache.get(db);
  if (!m) cache.set(db, (m = new Map()));
  const key = pluck ? `pluck:${sql}` : sql;
  let st = m.get(key);
  if (!st) {
    st = db.prepare(sql);
    if (pluck) st.pluck(true);
    m.set(key, st);
  }
  return st;
}

function time<T>(db: Db, sql: string, run: () => T): T {
  const slow = slowLogs.get(db);
  if (!slow) return run();
  const t0 = performance.now();
  const out = run();
  const ms = performance.now() - t0;
  if (ms > slow.ms) slow.log(sql.replace(/\s+/g, ' ').trim(), ms);
  return out;
}

/** Cached prepared statement with bound parameters only, timed for the slow-query log. */
export function q(db: Db, sql: string) {
  const st = prepared(db, sql);
  return {
    get: <T>(...p: Params) => time(db, sql, () => st.get(...p) as T | undefined),
    all: <T>(...p: Params) => time(db, sql, () => st.all(...p) as T[]),
    run: (...p: Params) => time(db, sql, () => st.run(...p)),
    /** First column of the first row. */
    value: <T>(...p: Params) => time(db, sql, () => prepared(db, sql, true).get(...p) as T | undefined),
  };
}

/**
 * The WHERE clause of a filtered list, built one condition at a time (`add` only for filters that are set),
 * and its page: `count` is the total behind the filters, `page` the rows at :limit / :offset.
 */
export function filtered(offset: number, limit: number) {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit, offset };
  return {
    params,
    /** One condition, with the named parameter it binds, if any (further ones go straight into `params`). */
    add(sql: string, key?: string, value?: unknown) {
      where.push(sql);
      if (key !== undefined) params[key] = value;
    },
    get where(): string {
      return where.length ? `WHERE ${where.join(' AND ')}` : '';
    },
    /** count(*) of `from` (e.g. `release_slips s`) under the filters. */
    count(db: Db, from: string): number {
      return q(db, `SELECT count(*) FROM ${from} ${this.where}`).value<number>(params) ?? 0;
    },
    /** `select` (everything before WHERE) under the filters, in `order`, one page. */
    page<T>(db: Db, select: string, order: string): T[] {
      return q(db, `${select} ${this.where} ORDER BY ${order} LIMIT :limit OFFSET :offset`).all<T>(params);
    },
  };
}
