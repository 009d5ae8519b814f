import type { AuditEntry } from '../../../../shared/schemas/entities';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export const AUDIT_ENTITIES = ['building', 'unit', 'person', 'link', 'user', 'settings', 'database', 'import', 'slip'] as const;
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'void',
  'end',
  'set-occupancy',
  'reveal',
  'sign-in',
  'sign-out',
  'sign-in-failed',
  'sign-in-locked',
  'change-password',
  'reset-password',
  'import',
  'import-create',
  'demo-create',
  'seed-demo',
  'backup',
  'restore',
  'submit',
  'verify',
  'confirm-fees',
  'issue',
  'exit',
  'refuse',
  'print',
  'reprint',
] as const;

export function actionLabel(t: Translate, action: string): string {
  return t(`audit.action.${action}`, { defaultValue: action });
}

export function entityLabel(t: Translate, entity: string): string {
  return t(`audit.entity.${entity}`, { defaultValue: entity });
}

function pick(json: string | null): Record<string, unknown> | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** One readable line: "新建 房屋 3-2-1502". */
export function auditSummary(t: Translate, e: AuditEntry): string {
  const after = pick(e.after);
  const before = pick(e.before);
  const label = [after?.code, after?.name, after?.username, before?.code, before?.name].find((v) => typeof v === 'string' && v) as string | undefined;
  return `${actionLabel(t, e.action)} · ${entityLabel(t, e.entity)}${label ? ` ${label}` : ''}`;
}
