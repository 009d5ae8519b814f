import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../../db/connection';
import { DbTooNewError, LATEST_VERSION } from '../../db/migrate';
import type { BackupInfo } from '../../shared/schemas/entities';

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

/**
 * Opens a candidate file read-only and checks it: a SQLite database, from this build or older, and
 * (unless `full` is false) intact page by page. `full: false` reads only the header and schema — the
 * start-up check; the page-by-page check then runs in the background (see integrity-check.ts).
 */
export function checkDatabaseFile(file: string, opts: { full?: boolean } = {}): { ok: true; version: number } | { ok: false; reason: 'damaged' | 'too-new'; message: string } {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) return { ok: false, reason: 'too-new', message: new DbTooNewError(version, LATEST_VERSION).message };
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    const check = opts.full === false ? 'ok' : (db.pragma('quick_check', { simple: true }) as string);
    if (check !== 'ok') return { ok: false, reason: 'damaged', message: check };
    return { ok: true, version };
  } catch (e) {
    return { ok: false, reason: 'damaged', message: (e as Error).message };
  } finally {
    db?.close();
  }
}

/** Replaces the database file (closed by the caller) with a checked backup; the old file's WAL and SHM go with it. */
export function replaceDatabaseFile(dbFile: string, backupFile: string): void {
  const tmp = `${dbFile}.restoring`;
  fs.copyFileSync(backupFile, tmp);
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
