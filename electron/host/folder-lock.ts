import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openRaw, type Db } from '../../db/connection';

/** What the owner of a data folder says about itself, for a second process to show. */
export interface FolderOwner {
  pid: number;
  kind: 'electron' | 'browser' | 'cli' | 'test';
  startedAt: string;
  hostname: string;
  /** The browser shell's launch address, once it listens. */
  url?: string;
  command?: string;
}

export interface FolderLock {
  /** Adds to what a second process is told (the browser shell's address). */
  update(info: Partial<FolderOwner>): void;
  release(): void;
}

export class FolderBusyError extends Error {
  constructor(readonly dir: string, readonly owner: FolderOwner | null) {
    super(describeOwner(dir, owner));
    this.name = 'FolderBusyError';
  }
}

export function describeOwner(dir: string, owner: FolderOwner | null): string {
  if (!owner) return `FrontDesk is already running on ${dir}.`;
  const what = owner.kind === 'electron' ? 'the FrontDesk window' : owner.kind === 'browser' ? 'the FrontDesk browser shell' : owner.kind === 'cli' ? `the FrontDesk CLI (${owner.command ?? 'a command'})` : 'FrontDesk';
  return `${dir} is in use by ${what} (pid ${owner.pid}, since ${owner.startedAt})${owner.url ? ` at ${owner.url}` : ''}.`;
}

const LOCK = 'frontdesk.lock';
const OWNER = 'frontdesk.owner.json';

/**
 * One process owns a data folder. The lock is SQLite's own file lock on `frontdesk.lock`, held by an
 * open EXCLUSIVE transaction: the operating system releases it when the process ends in any way
 * (kill -9, power cut), so a lock left by a dead process is simply free — nothing to wait on or clean.
 * It also conflicts between two connections of one process (tests open hosts side by side).
 */
export function acquireFolderLock(dir: string, info: Omit<FolderOwner, 'pid' | 'startedAt' | 'hostname'>): FolderLock {
  fs.mkdirSync(dir, { recursive: true });
  const ownerFile = path.join(dir, OWNER);
  let db: Db | null = openRaw(path.join(dir, LOCK));
  try {
    db.pragma('busy_timeout = 0');
    db.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY' || (e as { code?: string }).code === 'SQLITE_LOCKED') throw new FolderBusyError(dir, readOwner(dir));
    throw e;
  }
  let owner: FolderOwner = { ...info, pid: process.pid, startedAt: new Date().toISOString(), hostname: os.hostname() };
  // The launch address carries the browser shell's token: readable by this OS user only.
  const write = () => fs.writeFileSync(ownerFile, JSON.stringify(owner, null, 2), { mode: 0o600 });
  write();
  return {
    update(more) {
      owner = { ...owner, ...more };
      if (db) write();
    },
    release() {
      if (!db) return;
      fs.rmSync(ownerFile, { force: true });
      db.close();
      db = null;
    },
  };
}

/** The owner's own description, if it is readable (it may be half-written or left by a dead owner). */
export function readOwner(dir: string): FolderOwner | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, OWNER), 'utf8')) as FolderOwner;
  } catch {
    return null;
  }
}
