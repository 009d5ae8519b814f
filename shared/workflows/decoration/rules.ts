/**
 * Decoration permits and the deposit ledger (装修管理, procedure 二; PRODUCT.md §2): pure rules. Every number
 * comes from settings (./settings.ts). Money is integer fen; the ledger's maths is here and nowhere else.
 */
import { addCalendarDays } from '../../kernel/deadlines';
import { assertFen, type Fen } from '../../kernel/money';
import type { UnitUse } from '../../master/enums';

export const DECORATION_STATES = ['draft', 'submitted', 'approved', 'rejected', 'under_way', 'inspection', 'completed', 'refunded', 'voided'] as const;
export type DecorationState = (typeof DECORATION_STATES)[number];

export const DECORATION_ACTIONS = [
  'edit', // documents, commitments, government flags, contractor details
  'pay', // the cashier confirms the fees
  'submit',
  'approve',
  'reject',
  'protect', // engineering confirms the site protection
  'issuePermit',
  'pass', // register / revoke worker passes
  'patrol',
  'violation',
  'hotWork',
  'requestInspection',
  'inspect',
  'prepareRefund',
  'payOut',
  'void',
] as const;
export type DecorationAction = (typeof DECORATION_ACTIONS)[number];

const FROM: Record<DecorationAction, readonly DecorationState[]> = {
  edit: ['draft'],
  pay: ['draft'],
  submit: ['draft'],
  approve: ['submitted'],
  reject: ['submitted'],
  protect: ['approved'],
  issuePermit: ['approved'],
  pass: ['approved', 'under_way', 'inspection'],
  patrol: ['under_way', 'inspection'],
  violation: ['under_way', 'inspection'],
  hotWork: ['under_way'],
  requestInspection: ['under_way'],
  inspect: ['inspection'],
  // A rejected application's deposit goes back at once; a finished one's when it is due.
  prepareRefund: ['completed', 'rejected'],
  payOut: ['completed', 'rejected'],
  void: ['draft', 'submitted', 'approved'],
};

/** Why `action` may not be done in `state` (a message key naming the step), or null. */
export function transitionError(action: DecorationAction, state: DecorationState): string | null {
  return FROM[action].includes(state) ? null : `decoration.why.${action}`;
}

// ---------------------------------------------------------------- applicants, documents, commitments

export const APPLICANT_KINDS = ['owner', 'agent', 'tenant', 'company_tenant'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export const GOV_FLAGS = ['fire', 'structure', 'gas'] as const;
export type GovFlag = (typeof GOV_FLAGS)[number];

export const DEPARTMENTS = ['service', 'engineering', 'security'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** One item of the checklist: a document received, or a commitment signed. */
export interface ChecklistItem {
  kind: 'document' | 'commitment';
  code: string;
}

/**
 * The documents an application needs (procedure 二 step 2): the drawings always; the contractor's papers when a
 * company does the work; offices the facade rendering, the AC modification drawing and the fire-design receipt;
 * an agent or tenant the power of attorney, a tenant the lease, a company tenant its licence and certificates.
 */
export function requiredDocuments(o: { use: UnitUse; selfDecoration: boolean; applicant: ApplicantKind }): string[] {
  const out = ['plan', 'ceiling', 'water_electric', 'walls'];
  if (!o.selfDecoration) out.push('contractor_licence', 'contractor_qualification', 'contractor_tax', 'contractor_manager_id', 'contractor_authorisation');
  if (o.use === 'office') out.push('facade', 'ac_drawing', 'fire_design_receipt');
  if (o.applicant !== 'owner') out.push('power_of_attorney');
  if (o.applicant === 'tenant' || o.applicant === 'company_tenant') out.push('lease');
  if (o.applicant === 'company_tenant') out.push('tenant_licence', 'legal_person_certificate', 'legal_person_authorisation');
  return out;
}

/** The commitments signed (step 3): five always, and 自装承诺书 for self-decoration. */
export function requiredCommitments(o: { selfDecoration: boolean }): string[] {
  const out = ['application_form', 'management_agreement', 'non_load_bearing_walls', 'fire_safety', 'fire_facilities'];
  if (o.selfDecoration) out.push('self_decoration');
  return out;
}

/** What is still missing for the application to go to approval: checklist codes, in order. */
export function missingItems(
  o: { use: UnitUse; selfDecoration: boolean; applicant: ApplicantKind },
  have: readonly ChecklistItem[],
): ChecklistItem[] {
  const got = new Set(have.map((h) => `${h.kind}:${h.code}`));
  return [
    ...requiredDocuments(o).map((code) => ({ kind: 'document' as const, code })),
    ...requiredCommitments(o).map((code) => ({ kind: 'commitment' as const, code })),
  ].filter((x) => !got.has(`${x.kind}:${x.code}`));
}

// ---------------------------------------------------------------- fees

export const FEE_CODES = ['deposit', 'debris', 'passes', 'ac_modification', 'fire_drain', 'fire_linkage'] as const;
export type FeeCode = (typeof FEE_CODES)[number];

export interface FeeSchedule {
  depositFen: Fen;
  debrisFen: Fen;
  passFeeFen: Fen;
  acModificationFen: Fen;
  fireDrainFen: Fen;
  fireLinkageFen: Fen;
}

export interface FeeLine {
  code: FeeCode;
  quantity: number;
  unitFen: Fen;
  amountFen: Fen;
}

/**
 * The fees of an application from the published schedule of its unit's use (procedure 二 step 7): the deposit,
 * debris removal and a pass fee per worker; offices add AC modification, fire water-drain and fire linkage; a
 * business apartment changing fire facilities pays the fire water-drain fee only. Zero lines are left out.
 */
export function feeLines(use: UnitUse, s: FeeSchedule, o: { workers: number; fireChange: boolean }): FeeLine[] {
  const line = (code: FeeCode, unitFen: Fen, quantity = 1): FeeLine => ({ code, quantity, unitFen: assertFen(unitFen), amountFen: assertFen(unitFen * quantity) });
  const out = [line('deposit', s.depositFen), line('debris', s.debrisFen), line('passes', s.passFeeFen, o.workers)];
  if (use === 'office') out.push(line('ac_modification', s.acModificationFen), line('fire_drain', s.fireDrainFen), line('fire_linkage', s.fireLinkageFen));
  else if (use === 'business_apartment' && o.fireChange) out.push(line('fire_drain', s.fireDrainFen));
  return out.filter((l) => l.amountFen > 0);
}

export const feesTotal = (lines: readonly { amountFen: Fen }[]): Fen => assertFen(lines.reduce((a, l) => a + l.amountFen, 0));

// ---------------------------------------------------------------- the deposit ledger

export const LEDGER_KINDS = ['payment', 'penalty', 'utilities', 'refund'] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];

/** An entry as the ledger keeps it: the amount is positive; the kind says which way it moves the balance. */
export interface LedgerEntry {
  kind: LedgerKind;
  amountFen: Fen;
}

const SIGN: Record<LedgerKind, 1 | -1> = { payment: 1, penalty: -1, utilities: -1, refund: -1 };

/** The deposit held: the sum of the entries, each by its sign. */
export const balanceOf = (entries: readonly LedgerEntry[]): Fen => assertFen(entries.reduce((a, e) => a + SIGN[e.kind] * e.amountFen, 0));

export const isRefunded = (entries: readonly LedgerEntry[]): boolean => entries.some((e) => e.kind === 'refund');

/**
 * Why an entry may not be appended, or null: amounts are positive whole fen; one payment, before anything
 * else; a deduction never takes the balance below zero; nothing after the refund, and one refund only (it is
 * the whole balance, computed, so the balance is 0 after it).
 */
export function entryError(entries: readonly LedgerEntry[], next: LedgerEntry): string | null {
  if (!Number.isInteger(next.amountFen) || next.amountFen < 0) return 'decoration.ledger.badAmount';
  if (isRefunded(entries)) return 'decoration.ledger.refunded';
  const paid = entries.some((e) => e.kind === 'payment');
  if (next.kind === 'payment') return paid ? 'decoration.ledger.paidTwice' : next.amountFen > 0 ? null : 'decoration.ledger.badAmount';
  if (!paid) return 'decoration.ledger.notPaid';
  const balance = balanceOf(entries);
  if (next.kind === 'refund') return next.amountFen === balance ? null : 'decoration.ledger.refundNotBalance';
  if (next.amountFen === 0) return 'decoration.ledger.badAmount';
  return next.amountFen > balance ? 'decoration.ledger.exceedsBalance' : null;
}

/**
 * The refund of a deposit (procedure 二 step 14): deposit − penalties − unpaid utilities, with what each
 * deduction could take. A penalty larger than what is left is deducted only up to it; the rest is owed apart.
 */
export function refundOf(depositFen: Fen, penalties: readonly Fen[], utilitiesFen: Fen): { deducted: { penaltiesFen: Fen; utilitiesFen: Fen }; uncoveredFen: Fen; refundFen: Fen } {
  let left = assertFen(depositFen);
  let penaltiesFen = 0;
  let uncoveredFen = 0;
  for (const p of penalties) {
    const take = Math.min(assertFen(p), left);
    penaltiesFen += take;
    uncoveredFen += p - take;
    left -= take;
  }
  const u = Math.min(assertFen(utilitiesFen), left);
  uncoveredFen += utilitiesFen - u;
  left -= u;
  return { deducted: { penaltiesFen, utilitiesFen: u }, uncoveredFen, refundFen: left };
}

// ---------------------------------------------------------------- dates

/** `n` calendar months after a date, the day kept or the month's last day (2026-11-30 + 3 → 2027-02-28). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface RefundWait {
  unit: 'days' | 'months';
  n: number;
}

/** When the deposit is due back: 3 months after the inspection passed, 15 days for offices (settings by use). */
export const refundDueDate = (passedOn: string, wait: RefundWait): string => (wait.unit === 'months' ? addMonths(passedOn, wait.n) : addCalendarDays(passedOn, wait.n));

/** A worker pass at the gate on a day: valid, expired (or not valid yet), revoked. */
export type PassAnswer = 'valid' | 'expired' | 'notYet' | 'revoked';
export function passAnswer(p: { validFrom: string; validTo: string; revokedAt: string | null; permitOpen: boolean }, today: string): PassAnswer {
  if (p.revokedAt) return 'revoked';
  if (today < p.validFrom) return 'notYet';
  if (today > p.validTo || !p.permitOpen) return 'expired';
  return 'valid';
}
