import Database from 'better-sqlite3';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
}

let binding: string | undefined;

/**
 * Points every connection at a better-sqlite3 addon other than the one in node_modules: the Electron
 * main process uses a build for Electron's ABI kept beside the Node build (see scripts/electron-sqlite.mjs),
 * so neither `npm test` nor the window needs a rebuild back and forth.
 */
export function setNativeBinding(file: string | undefined): void {
  binding = file;
}

export function nativeBinding(): string | undefined {
  return binding;
}

/** A bare connection (no pragmas): for checking a candidate file without changing it. */
export function openRaw(file: string, opts: { readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  return new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.fileMustExist ?? opts.readonly ?? false, nativeBinding: binding });
}

/**
 * Every `db.transaction(fn)` of the app begins with BEGIN IMMEDIATE: it takes the write lock at the
 * start and waits for it (busy_timeout), instead of reading under a shared lock and failing with
 * SQLITE_BUSY when it tries to write while another connection holds the lock (read-then-write).
 * Every transaction in this app writes (or may: a failed sign-in counts). Nested calls are savepoints.
 */
function immediateTransactions(db: Db): void {
  const plain = db.transaction.bind(db);
  db.transaction = ((fn: (...args: unknown[]) => unknown) => {
    const t = plain(fn);
    const run = function (this: unknown, ...args: unknown[]) {
      return t.immediate.apply(this, args);
    };
    for (const k of ['deferred', 'immediate', 'exclusive'] as const) Object.defineProperty(run, k, { value: t[k] });
    Object.defineProperty(run, 'default', { value: t.immediate });
    return run;
  }) as Db['transaction'];
}

/** Opens a SQLite file with the pragmas every connection needs. Throws if the file is not a database. */
export function open(file: string, opts: OpenOptions = {}): Db {
  const db = openRaw(file, { readonly: opts.readonly ?? false });
  try {
    if (!opts.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Durable at COMMIT: in WAL mode FULL fsyncs the WAL at every commit, so a fee confirmation or an
    // issued slip the clerk saw saved survives a power cut (NORMAL could lose the last commits).
    db.pragma('synchronous = FULL');
    db.pragma('cache_size = -32000');
    // Statement journals (every write to a table with triggers keeps one, so it can be undone alone) and
    // temporary sorts in memory: on disk, the journal cost a 50,000-row import a temp-file write per row
    // (an occupancy-history insert 40 → 17 µs, an audit row alike). They are small; a desktop has the RAM.
    db.pragma('temp_store = MEMORY');
    // INSERT OR REPLACE deletes the row it replaces; with recursive triggers that delete fires the
    // append-only triggers (the audit log also refuses a duplicate id on insert, for other tools).
    db.pragma('recursive_triggers = ON');
    immediateTransactions(db);
    // Touch the schema so a file that is not a database fails here, not at the first query.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}
