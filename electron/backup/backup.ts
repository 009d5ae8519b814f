import fs from 'node:fs';
import path from 'node:path';
import { openRaw, type Db } from '../../db/connection';
import { DbTooNewError, LATEST_VERSION } from '../../db/migrate';
import type { BackupInfo } from '../../shared/master/schema';

export type BackupKind = BackupInfo['kind'];
const KINDS: BackupKind[] = ['daily', 'manual', 'pre-migration', 'pre-restore', 'pre-import'];
const NAME = /^frontdesk-(\d{8})-(\d{6})(?:-(\d+))?-(daily|manual|pre-migration|pre-restore|pre-import)\.db$/;

/** Kinds other than daily keep their newest N files. */
export const KEEP_OTHER = 20;

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

export function parseBackupName(name: string): { kind: BackupKind; createdAt: string; day: string; seq: number } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [d, t] = [m[1], m[2]];
  const createdAt = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}`;
  return { kind: m[4] as BackupKind, createdAt, day: createdAt.slice(0, 10), seq: m[3] ? Number(m[3]) : 1 };
}

export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  const out: (BackupInfo & { seq: number })[] = [];
  for (const name of fs.readdirSync(dir)) {
    const meta = parseBackupName(name);
    if (!meta) continue;
    out.push({ name, kind: meta.kind, createdAt: meta.createdAt, sizeBytes: fs.statSync(path.join(dir, name)).size, seq: meta.seq });
  }
  // Newest first: by time, then by the counter added to a name taken within the same second
  // (a plain name sort would put "-2-manual" before "-manual" and "-10-" before "-9-").
  out.sort((a, b) => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : b.seq - a.seq || (a.name < b.name ? 1 : -1)));
  return out.map(({ seq: _seq, ...info }) => info);
}

/** A consistent copy of the live database (VACUUM INTO: compact, readable while the app keeps writing). */
export function createBackup(db: Db, dir: string, kind: BackupKind, now: Date): BackupInfo {
  fs.mkdirSync(dir, { recursive: true });
  let name = `frontdesk-${stamp(now)}-${kind}.db`;
  for (let i = 2; fs.existsSync(path.join(dir, name)); i++) name = `frontdesk-${stamp(now)}-${i}-${kind}.db`;
  const tmp = path.join(dir, `${name}.partial`);
  fs.rmSync(tmp, { force: true });
  db.prepare('VACUUM INTO ?').run(tmp);
  fsyncFile(tmp);
  fs.renameSync(tmp, path.join(dir, name));
  return listBackups(dir).find((b) => b.name === name)!;
}

/**
 * Rotation: keep the newest `keepDaily` daily backups, plus the newest backup of each of the last
 * `keepMonthly` months (whatever its kind), plus the newest KEEP_OTHER of each other kind.
 */
export function rotateBackups(dir: string, keepDaily: number, keepMonthly: number): string[] {
  const all = listBackups(dir);
  const keep = new Set<string>();
  for (const kind of KINDS) {
    const ofKind = all.filter((b) => b.kind === kind);
    ofKind.slice(0, kind === 'daily' ? keepDaily : KEEP_OTHER).forEach((b) => keep.add(b.name));
  }
  const months = new Map<string, string>();
  for (const b of all) if (!months.has(b.createdAt.slice(0, 7))) months.set(b.createdAt.slice(0, 7), b.name);
  [...months.values()].slice(0, keepMonthly).forEach((n) => keep.add(n));
  const removed = all.filter((b) => !keep.has(b.name)).map((b) => b.name);
  for (const n of removed) fs.rmSync(path.join(dir, n), { force: true });
  return removed;
}

export function hasBackupOfDay(dir: string, kind: BackupKind, day: string): boolean {
  return listBackups(dir).some((b) => b.kind === kind && b.createdAt.slice(0, 10) === day);
}

/** The `application_id` FrontDesk stamps into its database header ('FDK1', migration 0050). */
export const APPLICATION_ID = 0x46444b31;
/** The schema version that stamps it: older FrontDesk files carry 0 and are recognised by their tables. */
const STAMPED_FROM = 5;

export type FileProblem = 'missing' | 'empty' | 'not-sqlite' | 'foreign' | 'damaged' | 'too-new' | 'no-site' | 'no-manager';
export type FileCheck = { ok: true; version: number } | { ok: false; reason: FileProblem; message: string };

const bad = (reason: FileProblem, message: string): FileCheck => ({ ok: false, reason, message });

/**
 * What a file is, read-only, without changing it. `check`: 'none' reads the header and schema only
 * (the start-up check: the page-by-page check then runs in the background, see integrity-check.ts),
 * 'quick' adds `quick_check`, 'full' adds `integrity_check` (a restore). `requireSite`: the file must
 * also hold a site and at least one active manager (a restore: else nobody could sign in to it).
 */
export function inspectDatabaseFile(file: string, opts: { check?: 'none' | 'quick' | 'full'; requireSite?: boolean } = {}): FileCheck {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    return bad('missing', `${file} does not exist`);
  }
  if (size === 0) return bad('empty', 'the file is empty (0 bytes)');
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1') !== 'SQLite format 3\0') return bad('not-sqlite', 'file is not a database');
  let db: Db | null = null;
  try {
    db = openRaw(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    const appId = db.pragma('application_id', { simple: true }) as number;
    const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]));
    const ours = appId === APPLICATION_ID || (appId === 0 && version >= 1 && version < STAMPED_FROM && ['users', 'settings', 'audit_log', 'units'].every((t) => tables.has(t)));
    if (!ours) return version === 0 && tables.size === 0 ? bad('empty', 'the database holds no tables') : bad('foreign', `not a FrontDesk database (application_id ${appId}, schema ${version})`);
    if (version > LATEST_VERSION) return bad('too-new', new DbTooNewError(version, LATEST_VERSION).message);
    const check = opts.check ?? 'full';
    if (check !== 'none') {
      const result = db.pragma(check === 'full' ? 'integrity_check' : 'quick_check', { simple: true }) as string;
      if (result !== 'ok') return bad('damaged', result);
    }
    if (opts.requireSite) {
      if (!db.prepare("SELECT 1 FROM settings WHERE key = 'siteName'").get()) return bad('no-site', 'the database holds no site');
      const managers = db.prepare("SELECT count(*) FROM users WHERE role = 'manager' AND active = 1").pluck().get() as number;
      if (managers === 0) return bad('no-manager', 'the database has no active manager account');
    }
    return { ok: true, version };
  } catch (e) {
    return bad('damaged', (e as Error).message);
  } finally {
    db?.close();
  }
}

/** The start-up and `verify` check of the live file: FrontDesk's, not newer, intact (unless `full` is false). */
export function checkDatabaseFile(file: string, opts: { full?: boolean } = {}): FileCheck {
  return inspectDatabaseFile(file, { check: opts.full === false ? 'none' : 'quick' });
}

/** Interrupted backups and restores leave temp files; they are removed at start by the folder's owner. */
export function cleanStaleTemps(dataDir: string, backupsDir: string, log: (m: string) => void): void {
  // File times are the real clock's, whatever clock the host is given.
  const cutoff = Date.now() - 60_000;
  const sweep = (dir: string, suffixes: string[]) => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir)) {
      if (!suffixes.some((s) => name.endsWith(s))) continue;
      const f = path.join(dir, name);
      // Not one a read-only CLI backup is writing right now.
      if (fs.statSync(f).mtimeMs > cutoff) continue;
      fs.rmSync(f, { force: true });
      log(`removed the stale temporary file ${f}`);
    }
  };
  sweep(backupsDir, ['.partial']);
  sweep(dataDir, ['.restoring', '.creating', '.creating-wal', '.creating-shm']);
}

/** Replaces the database file (closed by the caller) with a checked backup; the old file's WAL and SHM go with it. */
export function replaceDatabaseFile(dbFile: string, backupFile: string): void {
  const tmp = `${dbFile}.restoring`;
  fs.copyFileSync(backupFile, tmp);
  fsyncFile(tmp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
  fs.renameSync(tmp, dbFile);
}

/** Moves a damaged database aside (never deletes it) so support can still look at it. */
export function quarantine(dbFile: string, now: Date): string {
  const target = `${dbFile}.damaged-${stamp(now)}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(dbFile + suffix)) fs.renameSync(dbFile + suffix, target + suffix);
  }
  return target;
}

/** On disk before it is renamed into place: a power cut leaves the old file or the whole new one. */
function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
