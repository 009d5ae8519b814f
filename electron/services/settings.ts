import type { Db } from '../../db/connection';
import { q } from '../../db/statements';
import { DEFAULT_OFFICE_HOURS, NO_OVERRIDES } from '../../shared/kernel/deadlines';
import { SettingsSchema, type Settings } from '../../shared/master/schema';
import type { ServiceCtx } from '../host/context';
import { DEFAULT_REPAIR_SETTINGS } from '../../shared/workflows/repairs/settings';
import { DEFAULT_DECORATION_SETTINGS } from '../../shared/workflows/decoration/settings';
import { DEFAULT_MOVE_IN_SETTINGS } from '../../shared/workflows/move-in/settings';

/** Defaults; every number here is editable by a manager in Settings. */
export const DEFAULT_SETTINGS: Settings = {
  siteName: 'FrontDesk',
  siteAddress: '',
  hotline: '',
  formHeader: '',
  logoDataUrl: null,
  language: 'auto',
  idleLockMinutes: 10,
  signInMaxAttempts: 5,
  signInLockMinutes: 5,
  backupKeepDaily: 14,
  backupKeepMonthly: 12,
  slowQueryMs: 40,
  slipPrefix: 'FX',
  frequentCarryOutThreshold: 3,
  frequentCarryOutDays: 30,
  occupancyReportPrefix: 'YB',
  occupancyReportRemindFromDay: 1,
  occupancyReportDueDay: 3,
  calendarOverrides: NO_OVERRIDES,
  officeHours: DEFAULT_OFFICE_HOURS,
  ...DEFAULT_REPAIR_SETTINGS,
  ...DEFAULT_DECORATION_SETTINGS,
  ...DEFAULT_MOVE_IN_SETTINGS,
};

export function readSettings(db: Db): Settings {
  const rows = q(db, 'SELECT key, value FROM settings').all<{ key: string; value: string }>();
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  // Key by key: one unreadable value falls back to its default without resetting the others (the site
  // name…) or, for a value that is not JSON, failing every call that reads settings.
  const shape = SettingsSchema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  for (const r of rows) {
    if (!Object.prototype.hasOwnProperty.call(DEFAULT_SETTINGS, r.key)) continue;
    let value: unknown;
    try {
      value = JSON.parse(r.value);
    } catch {
      continue;
    }
    const parsed = shape[r.key].safeParse(value);
    if (parsed.success) merged[r.key] = parsed.data;
  }
  const parsed = SettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
}

export function writeSettings(ctx: ServiceCtx, input: Partial<Settings>): Settings {
  // A partial schema lets `{ key: undefined }` through (IPC keeps undefined values): such a key is not a change.
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<Settings>;
  const before = readSettings(ctx.db);
  const next = SettingsSchema.parse({ ...before, ...patch });
  const changed: Partial<Record<keyof Settings, unknown>> = {};
  const was: Partial<Record<keyof Settings, unknown>> = {};
  ctx.db.transaction(() => {
    for (const key of Object.keys(patch) as (keyof Settings)[]) {
      if (JSON.stringify(before[key]) === JSON.stringify(next[key])) continue;
      q(ctx.db, 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at').run(
        key,
        JSON.stringify(next[key]),
        ctx.nowIso(),
      );
      // A logo is large; the audit keeps only whether it changed.
      was[key] = key === 'logoDataUrl' ? (before[key] ? '(image)' : null) : before[key];
      changed[key] = key === 'logoDataUrl' ? (next[key] ? '(image)' : null) : next[key];
    }
    if (Object.keys(changed).length) ctx.audit('update', 'settings', null, was, changed);
  })();
  return next;
}
