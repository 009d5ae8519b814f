import type { AuditEntry } from '../../../../shared/master/schema';

type Translate = (key: string, options?: Record<string, unknown>) => string;

export const AUDIT_ENTITIES = ['building', 'unit', 'person', 'link', 'user', 'settings', 'database', 'import', 'slip', 'occupancy-report', 'repair', 'callback', 'decoration', 'pass', 'move-in', 'moving-in', 'channel'] as const;
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
  'forbidden',
  'restore-refused',
  'unclean-stop',
  'new-site',
  'setup',
  'accept-warning',
  'finalise',
  'revise',
  'export',
  'dispatch',
  'pick-up',
  'chase',
  'complete',
  'collect',
  'waive',
  'close',
  'reopen',
  'attempt',
  'gov-told',
  'pay',
  'approve',
  'reject',
  'protect',
  'issue-permit',
  'add-pass',
  'revoke-pass',
  'gate-check',
  'violation',
  'penalty',
  'hot-work',
  'request-inspection',
  'inspection-passed',
  'inspection-failed',
  'prepare-refund',
  'pay-out',
  'identity',
  'fees',
  'copies',
  'archive',
  'keys',
  'inspection',
  'handover',
  'vacant',
  'fee-override',
  'rect-fix',
  'rect-accept',
  'rect-reopen',
  'receipt',
  'import-preview',
] as const;

/** The action's name; on some records the same name means something else (verify: a slip's call, the database's integrity check). */
export function actionLabel(t: Translate, action: string, entity?: string): string {
  const general = t(`audit.action.${action}`, { defaultValue: action });
  return entity ? t(`audit.actionOn.${entity}.${action}`, { defaultValue: general }) : general;
}

/** Who did it: the user, the command line (with the operating-system user who ran it), or the system. */
export function actorLabel(t: Translate, e: Pick<AuditEntry, 'via' | 'osUser' | 'userName'>): { text: string; system: boolean } {
  if (e.via === 'cli') return { text: t('audit.cli', { user: e.osUser ?? '?' }), system: false };
  if (e.userName) return { text: e.userName, system: false };
  return { text: t('audit.system'), system: true };
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
  const label = (e.entity === 'channel' && e.entityId) || ([after?.code, after?.name, after?.username, before?.code, before?.name].find((v) => typeof v === 'string' && v) as string | undefined);
  return `${actionLabel(t, e.action, e.entity)} · ${entityLabel(t, e.entity)}${label ? ` ${label}` : ''}`;
}

/** One key of an entry's change: the value before and/or after (absent when that side does not have it). */
export interface ChangePart {
  key: string;
  before?: string;
  after?: string;
}

/** Keys whose values are enumerations, with the i18n prefix of their labels (`state` depends on the record). */
const ENUM_LABELS: Record<string, string> = {
  use: 'enum.use',
  nature: 'enum.slipNature',
  relation: 'enum.relation',
  role: 'enum.role',
  kind: 'enum.kind',
  idType: 'enum.idType',
  answer: 'enum.verifyAnswer',
  'carrier.type': 'enum.carrierType',
  signClerk: 'slip.sig.mode',
  signCarrier: 'slip.sig.mode',
  signOwner: 'slip.sig.mode',
};

/** Unchanged keys that still say which record it is, so an update shows them. */
const IDENTIFYING = new Set(['code', 'number', 'name', 'username', 'unit', 'person']);

const MAX_VALUE = 40;

function enumPrefix(entity: string, path: string): string | undefined {
  if (path === 'state') return entity === 'slip' ? 'enum.slipState' : 'enum.state';
  return ENUM_LABELS[path];
}

/** A value as the clerk reads it: enum labels, short ids, lists joined; '' for nothing. */
function formatValue(t: Translate, entity: string, path: string, v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => formatValue(t, entity, path, x)).filter(Boolean).join(', ');
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => formatValue(t, entity, `${path}.${k}`, x))
      .filter(Boolean)
      .join(' ');
  }
  if (typeof v !== 'string') return String(v);
  const key = path.split('.').pop() ?? path;
  const prefix = enumPrefix(entity, path);
  if (prefix) return t(`${prefix}.${v}`, { defaultValue: v });
  if (entity === 'person' && key === 'field') return t(`person.${v}`, { defaultValue: v });
  if ((key === 'id' || key.endsWith('Id')) && v.length > 12) return `…${v.slice(-8)}`;
  return v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE - 1)}…` : v;
}

/**
 * What an entry changed, key by key: for an update only the keys whose value changed (plus the ones
 * naming the record), for a create or void what was recorded. Enum values are shown by their labels.
 */
export function changeParts(t: Translate, e: Pick<AuditEntry, 'entity' | 'before' | 'after'>): ChangePart[] {
  const b = pick(e.before);
  const a = pick(e.after);
  const fmt = (k: string, v: unknown) => formatValue(t, e.entity, k, v);
  // Not an object (an old or odd entry): show it as it is.
  const raw = (json: string | null) => (json && (json.length > MAX_VALUE ? `${json.slice(0, MAX_VALUE - 1)}…` : json)) || undefined;
  if ((e.before && !b) || (e.after && !a)) return [{ key: '', before: b ? undefined : raw(e.before), after: a ? undefined : raw(e.after) }];

  // What names the record, what only the old side has, what changed, what only the new side has.
  const naming: ChangePart[] = [];
  const gone: ChangePart[] = [];
  const changed: ChangePart[] = [];
  const added: ChangePart[] = [];
  for (const [k, v] of Object.entries(b ?? {})) {
    if (a && k in a) continue;
    const before = fmt(k, v);
    if (before) gone.push({ key: k, before });
  }
  for (const [k, v] of Object.entries(a ?? {})) {
    const after = fmt(k, v);
    if (!b || !(k in b)) {
      if (after) added.push({ key: k, after });
      continue;
    }
    const before = fmt(k, b[k]);
    if (before !== after) changed.push({ key: k, before: before || '—', after: after || '—' });
    else if (IDENTIFYING.has(k) && after) naming.push({ key: k, after });
  }
  const parts = [...naming, ...gone, ...changed, ...added];
  return parts;
}

/** The parts as one line of text (for a tooltip). */
export function changeText(parts: ChangePart[]): string {
  return parts
    .map((p) => `${p.key ? `${p.key}: ` : ''}${[p.before, p.after].filter((x) => x !== undefined).join(' → ')}`)
    .join(' · ');
}
