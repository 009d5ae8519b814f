/**
 * Move-in (入伙 / 交房, procedure 一) and moving in (入住, procedure 三; PRODUCT.md §1): pure rules. Every number
 * comes from settings (./settings.ts). Money is integer fen; the fee maths is here and nowhere else.
 */
import { assertFen, type Fen } from '../../kernel/money';
import type { OccupancyState, UnitUse } from '../../master/enums';

export const MOVE_IN_STATES = ['open', 'not_handed_over', 'handed_over', 'voided'] as const;
export type MoveInState = (typeof MOVE_IN_STATES)[number];

/**
 * The checklist of procedure 一, in order. Each is recorded once with who and when, and none can be skipped:
 * a step is taken only when every step before it is done. `vacant` (the unit's dated state) is recorded with
 * the handover, by the same transaction.
 */
export const MOVE_IN_STEPS = ['identity', 'fees', 'copies', 'archive', 'keys', 'inspection', 'handover', 'vacant'] as const;
export type MoveInStep = (typeof MOVE_IN_STEPS)[number];

/** The first step not done yet (null when all are). */
export function nextStep(done: readonly string[]): MoveInStep | null {
  return MOVE_IN_STEPS.find((s) => !done.includes(s)) ?? null;
}

/** Why `step` may not be taken now (a message key), or null: the record must be open, the step not done, every step before it done. */
export function stepError(step: MoveInStep, state: MoveInState, done: readonly string[]): string | null {
  if (state !== 'open' && state !== 'not_handed_over') return 'movein.why.closed';
  if (done.includes(step)) return 'movein.why.stepDone';
  return nextStep(done) === step ? null : 'movein.why.order';
}

/** A record is voided (by a supervisor) only before the unit was handed over: after it, the unit's history stands. */
export const voidError = (state: MoveInState): string | null => (state === 'open' || state === 'not_handed_over' ? null : 'movein.why.void');

/** Why a unit was not handed over (《房屋交接汇总表》). */
export const NOT_HANDED_OVER_REASONS = ['owner_refused', 'defects', 'fees'] as const;
export type NotHandedOverReason = (typeof NOT_HANDED_OVER_REASONS)[number];

// ---------------------------------------------------------------- fees

export interface FeeInput {
  /** Property-management fee, fen per m² per month, for the unit's use. */
  rateFen: Fen;
  /** The unit's floor area in m² (at most two decimals are taken). */
  areaM2: number;
  months: number;
}

/** An area in hundredths of a m², so the fee maths stays in integers: 89.5 → 8950; 120.456 → 12046 (to the nearest hundredth). */
export const areaCenti = (areaM2: number): number => Math.round(areaM2 * 100);

/**
 * The prepaid property fee (预收三个月物业管理费): rate (fen / m² / month) × area (m², two decimals) × months,
 * computed in integers as rate × area-in-hundredths × months / 100 and rounded half up to the fen
 * (2.50 ¥/m² × 89.50 m² × 3 = 67,125 fen = ¥671.25; 2.33 × 89.55 × 3 = 62,595.45 → 62,595 fen).
 */
export function prepaidFee(f: FeeInput): Fen {
  assertFen(f.rateFen);
  const numerator = f.rateFen * areaCenti(f.areaM2) * f.months;
  return assertFen(Math.floor((numerator + 50) / 100));
}

export const DEPOSIT_KINDS = ['none', 'electricity', 'water'] as const;
export type DepositKind = (typeof DEPOSIT_KINDS)[number];
export interface RevolvingDeposit {
  kind: DepositKind;
  fen: Fen;
}

/** 写字楼收取1000元的电费流转金、商务公寓收取200元水费流转金: the deposit of a use (settings), none when its amount is 0. */
export function revolvingDeposit(d: RevolvingDeposit): RevolvingDeposit {
  return d.kind === 'none' || d.fen <= 0 ? { kind: 'none', fen: 0 } : { kind: d.kind, fen: assertFen(d.fen) };
}

/** The last day of a prepaid period of `months` from `from` (2026-03-20 + 3 months → 2026-06-19). */
export function periodEnd(from: string, months: number): string {
  const [y, m, d] = from.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  const end = new Date(Date.UTC(ny, nm - 1, Math.min(d, last)));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------- copies, archive, keys, inspection

/** 复印业主身份、银行卡及其它相关资料: the copies each ticked; `other` names what else was copied. */
export const COPY_ITEMS = ['id_card', 'bank_card', 'other'] as const;
export type CopyItem = (typeof COPY_ITEMS)[number];
export const REQUIRED_COPIES: readonly CopyItem[] = ['id_card', 'bank_card'];
export const missingCopies = (ticked: readonly string[]): CopyItem[] => REQUIRED_COPIES.filter((c) => !ticked.includes(c));

/** A mainland mobile number (the emergency contact must be reachable by SMS: 紧急情况之移动通讯联系方式). */
export const isMobile = (phone: string): boolean => /^1[3-9]\d{9}$/.test(phone);

export const INSPECTION_RESULTS = ['ok', 'defective'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];
export const METER_KINDS = ['water', 'electricity', 'gas'] as const;
export type MeterKind = (typeof METER_KINDS)[number];

export interface TemplateItem {
  area: string;
  item: string;
}
/** The template items the inspection has no result for (each ok or defective, none left out). */
export function missingInspectionItems(template: readonly TemplateItem[], results: readonly TemplateItem[]): TemplateItem[] {
  const got = new Set(results.map((r) => `${r.area}|${r.item}`));
  return template.filter((t) => !got.has(`${t.area}|${t.item}`));
}

// ---------------------------------------------------------------- rectification items

export const RECTIFICATION_STATES = ['open', 'fixed', 'accepted'] as const;
export type RectificationState = (typeof RECTIFICATION_STATES)[number];
export type RectificationAction = 'fix' | 'accept' | 'reopen';
const RECT_FROM: Record<RectificationAction, readonly RectificationState[]> = { fix: ['open'], accept: ['fixed'], reopen: ['fixed'] };
const RECT_TO: Record<RectificationAction, RectificationState> = { fix: 'fixed', accept: 'accepted', reopen: 'open' };

/** open → fixed (engineering) → accepted by the owner, or reopened (back to open). */
export function rectificationStep(action: RectificationAction, state: RectificationState): { to: RectificationState } | { error: string } {
  return RECT_FROM[action].includes(state) ? { to: RECT_TO[action] } : { error: `movein.why.rect.${action}` };
}

/** Overdue: not fixed by its due date (a fixed item waits for the owner, not for engineering). */
export const isOverdue = (r: { state: RectificationState; dueDate: string }, today: string): boolean => r.state === 'open' && r.dueDate < today;

/**
 * Why the unit may not be handed over now, or null: a critical defect not yet accepted by the owner refuses
 * it, unless the owner accepts the open ones in writing (recorded on the handover).
 */
export function handoverError(openCritical: number, acceptedInWriting: boolean): string | null {
  return openCritical > 0 && !acceptedInWriting ? 'movein.error.criticalOpen' : null;
}

// ---------------------------------------------------------------- moving in (入住)

export const OCCUPANTS = ['owner', 'tenant'] as const;
export type Occupant = (typeof OCCUPANTS)[number];

/** The state a moving-in sets (房屋动态): a tenant makes it rented; an owner of an office or shop, office in use; else owner-occupied. */
export function occupancyOf(use: UnitUse, occupant: Occupant): OccupancyState {
  if (occupant === 'tenant') return 'rented';
  return use === 'office' || use === 'shop' ? 'office_in_use' : 'owner_occupied';
}

/** 入住知会单 goes to these departments; each records its receipt. */
export const NOTICE_DEPARTMENTS = ['security', 'engineering', 'cashier'] as const;
export type NoticeDepartment = (typeof NOTICE_DEPARTMENTS)[number];
export const MOVING_IN_STATES = ['notified', 'received', 'voided'] as const;
export type MovingInState = (typeof MOVING_IN_STATES)[number];
export const notReceived = (received: readonly string[]): NoticeDepartment[] => NOTICE_DEPARTMENTS.filter((d) => !received.includes(d));

export const OWNER_ANSWERS = ['agreed', 'refused', 'no_answer'] as const;
export type OwnerAnswer = (typeof OWNER_ANSWERS)[number];

/**
 * What a tenant moving in still lacks (message keys, by field): the owner's confirmation answered "agreed",
 * the signed safety pledge, and a lease that covers the moving-in date.
 */
export function tenantGaps(t: { ownerAnswer: OwnerAnswer | null; pledgeSigned: boolean; leaseFrom: string | null; leaseTo: string | null; date: string }): Record<string, string> {
  const out: Record<string, string> = {};
  if (t.ownerAnswer !== 'agreed') out['ownerConfirmation.answer'] = t.ownerAnswer ? 'movein.v.ownerNotAgreed' : 'v.required';
  if (!t.pledgeSigned) out.pledgeSigned = 'movein.v.pledge';
  if (!t.leaseFrom) out.leaseFrom = 'v.required';
  if (!t.leaseTo) out.leaseTo = 'v.required';
  if (t.leaseFrom && t.leaseTo && t.leaseTo < t.leaseFrom) out.leaseTo = 'v.endBeforeStart';
  else if (t.leaseFrom && t.leaseTo && (t.date < t.leaseFrom || t.date > t.leaseTo)) out.date = 'movein.v.outsideLease';
  return out;
}

// ---------------------------------------------------------------- the handover register

export const REGISTER_STATUSES = ['handed_over', 'not_handed_over', 'in_progress', 'waiting', 'no_notice'] as const;
export type RegisterStatus = (typeof REGISTER_STATUSES)[number];

/** A unit's line on 《房屋交接汇总表》: from its latest live move-in record, else its notice. */
export function registerStatus(r: { moveInState: MoveInState | null; hasNotice: boolean }): RegisterStatus {
  if (r.moveInState === 'handed_over') return 'handed_over';
  if (r.moveInState === 'not_handed_over') return 'not_handed_over';
  if (r.moveInState === 'open') return 'in_progress';
  return r.hasNotice ? 'waiting' : 'no_notice';
}
