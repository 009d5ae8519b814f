import { text, type Tile, type Tone } from '../../shared/kernel/dashboard';
import type { BackupInfo } from '../../shared/master/schema';
import type { IntegrityCheck } from './integrity-check';

const HOUR = 3_600_000;
/** The automatic backup is daily: a day and a half without one is worth a look, a week is a problem. */
const BACKUP_WARN_HOURS = 36;
const BACKUP_BAD_HOURS = 7 * 24;

export interface SafetyState {
  latestBackup: BackupInfo | null;
  lastCheck: IntegrityCheck | null;
}

/** What the safety side (backups, the integrity check) puts on the manager's dashboard. */
export function safetyTiles(now: Date, s: SafetyState): Tile[] {
  return [backupTile(now, s.latestBackup), checkTile(s.lastCheck)];
}

function backupTile(now: Date, b: BackupInfo | null): Tile {
  const base = { kind: 'status', id: 'safety.backup', title: 'dashboard.backup.title', link: '/backup' } as const;
  if (!b) return { ...base, tone: 'bad', message: text('dashboard.backup.never'), at: null };
  const hours = Math.max(0, Math.floor((now.getTime() - Date.parse(b.createdAt)) / HOUR));
  const tone: Tone = hours >= BACKUP_BAD_HOURS ? 'bad' : hours >= BACKUP_WARN_HOURS ? 'warn' : 'ok';
  const message = hours < 1 ? text('dashboard.backup.justNow') : hours < 48 ? text('dashboard.backup.hoursAgo', { count: hours }) : text('dashboard.backup.daysAgo', { count: Math.floor(hours / 24) });
  return { ...base, tone, message, at: b.createdAt };
}

function checkTile(c: IntegrityCheck | null): Tile {
  const base = { kind: 'status', id: 'safety.integrity', title: 'dashboard.integrity.title', link: '/backup' } as const;
  if (!c) return { ...base, tone: 'warn', message: text('dashboard.integrity.never'), at: null };
  if (c.result === 'running') return { ...base, tone: 'neutral', message: text('dashboard.integrity.running'), at: c.at };
  return c.result === 'ok' ? { ...base, tone: 'ok', message: text('dashboard.integrity.ok'), at: c.at } : { ...base, tone: 'bad', message: text('dashboard.integrity.failed'), at: c.at };
}
