/**
 * Goods-release slip (物品放行条) rules — procedure 四 and 十五. Pure functions: the service applies them
 * inside its transactions, the UI uses them to explain why a button is disabled.
 */

import { formatRecordNumber } from '../../kernel/record-number';

export const SLIP_STATES = ['draft', 'awaiting_verification', 'ready_to_issue', 'issued', 'exited', 'refused', 'voided'] as const;
export type SlipState = (typeof SLIP_STATES)[number];

export const CARRIER_TYPES = ['owner', 'tenant', 'family', 'helper', 'decoration_worker', 'company_employee', 'other'] as const;
export type CarrierType = (typeof CARRIER_TYPES)[number];

export const SLIP_NATURES = ['moving_out', 'temporary'] as const;
export type SlipNature = (typeof SLIP_NATURES)[number];

/** Whom the clerk phones to verify (核实): the person entitled to agree. */
export const VERIFY_CONTACTS = ['owner', 'company_head', 'decoration_manager'] as const;
export type VerifyContact = (typeof VERIFY_CONTACTS)[number];

export const VERIFY_ANSWERS = ['agreed', 'refused', 'unreachable'] as const;
export type VerifyAnswer = (typeof VERIFY_ANSWERS)[number];

export type SlipAction = 'submit' | 'verify' | 'confirmFees' | 'issue' | 'exit' | 'refuse' | 'void' | 'edit';

/** Terminal states: nothing happens to the slip any more. */
export const isFinal = (s: SlipState) => s === 'exited' || s === 'refused' || s === 'voided';

/** Which states each action may start from. */
const FROM: Record<SlipAction, readonly SlipState[]> = {
  edit: ['draft'],
  submit: ['draft'],
  verify: ['awaiting_verification'],
  confirmFees: ['draft', 'awaiting_verification', 'ready_to_issue'],
  issue: ['ready_to_issue'],
  exit: ['issued'],
  refuse: ['draft', 'awaiting_verification', 'ready_to_issue', 'issued'],
  void: ['draft', 'awaiting_verification', 'ready_to_issue', 'issued'],
};

/** null when allowed; otherwise the i18n key of the reason. */
export function transitionError(action: SlipAction, state: SlipState): string | null {
  if (FROM[action].includes(state)) return null;
  if (state === 'exited') return 'slip.why.alreadyExited';
  if (state === 'voided') return 'slip.why.voided';
  if (state === 'refused') return 'slip.why.refused';
  return `slip.why.not.${action}`;
}

/** Verification is required unless the carrier is the unit's owner in person. */
export function needsVerification(carrierType: CarrierType, carrierIsOwnerOfUnit: boolean): boolean {
  return !(carrierType === 'owner' && carrierIsOwnerOfUnit);
}

/** The one to phone, by carrier type: company staff → the company's responsible person; decoration worker → decoration manager; everyone else → the owner. */
export function verifyContactFor(carrierType: CarrierType): VerifyContact {
  if (carrierType === 'company_employee') return 'company_head';
  if (carrierType === 'decoration_worker') return 'decoration_manager';
  return 'owner';
}

/** The state after a verification call. Unreachable keeps the slip waiting; refused ends it. */
export function stateAfterVerification(answer: VerifyAnswer): SlipState {
  return answer === 'agreed' ? 'ready_to_issue' : answer === 'refused' ? 'refused' : 'awaiting_verification';
}

/** Who signs a slip (procedure 四 6): the clerk, the carrier and the owner. */
export const SIGNERS = ['clerk', 'carrier', 'owner'] as const;
export type Signer = (typeof SIGNERS)[number];

/**
 * How one signer signs: on screen (the captured image is kept and printed), on the printed paper (the
 * printed line is left empty for it), or — the owner only — not at all, the phone-recording reference of
 * the verification call standing in for the signature.
 */
export const SIGN_MODES = ['screen', 'paper', 'recording'] as const;
export type SignMode = (typeof SIGN_MODES)[number];

/** The choices a signer has: the clerk and the carrier must sign, on screen or on paper; the owner may also not sign. */
export const signModesFor = (who: Signer): readonly SignMode[] => (who === 'owner' ? SIGN_MODES : ['screen', 'paper']);

/** The clerk's choice for each signer at issue, whether an image was captured, and whether a recording reference was given. */
export interface SignatureFacts {
  modes: Record<Signer, SignMode | null>;
  images: Record<Signer, boolean>;
  recordingRef: boolean;
}

/** One thing wrong with the signatures: the field it belongs to and the i18n key of the reason. */
export interface SignatureProblem {
  field: string;
  message: string;
}

/** Everything wrong with the signatures, signer by signer (clerk, carrier, owner), then the recording reference. */
export function signatureProblems(f: SignatureFacts): SignatureProblem[] {
  const out: SignatureProblem[] = [];
  for (const who of SIGNERS) {
    const mode = f.modes[who];
    if (!mode || !signModesFor(who).includes(mode)) out.push({ field: `signatures.${who}.mode`, message: `slip.why.mustSign.${who}` });
    else if (mode === 'screen' && !f.images[who]) out.push({ field: `signatures.${who}.image`, message: `slip.why.emptySignature.${who}` });
    else if (mode !== 'screen' && f.images[who]) out.push({ field: `signatures.${who}.image`, message: 'slip.why.imageNotOnScreen' });
  }
  // Only an owner who does not sign at all needs the recording; signing on paper is a signature.
  if (f.modes.owner === 'recording' && !f.recordingRef) out.push({ field: 'recordingRef', message: 'slip.why.noOwnerSignature' });
  return out;
}

export interface IssueFacts {
  state: SlipState;
  nature: SlipNature;
  tenantMoveOut: boolean;
  feesCleared: boolean;
  meterReadings: boolean;
  ownerConsent: boolean;
  /** The signatures as the clerk chose them; null before the clerk has chosen (the slip page's list of what still blocks). */
  signatures: SignatureFacts | null;
}

/** Every reason the slip cannot be issued now (i18n keys), in the order a clerk should fix them; the signatures last. */
export function issueBlockers(f: IssueFacts): string[] {
  const why: string[] = [];
  const t = transitionError('issue', f.state);
  if (t) why.push(t);
  if (f.nature === 'moving_out' && !f.feesCleared) why.push('slip.why.feesNotCleared');
  if (f.tenantMoveOut && !f.meterReadings) why.push('slip.why.noMeterReadings');
  if (f.tenantMoveOut && !f.ownerConsent) why.push('slip.why.noOwnerConsent');
  if (f.signatures) why.push(...signatureProblems(f.signatures).map((p) => p.message));
  return why;
}

/** Temporary carry-outs from one unit in the window, including this one, that trigger the warning. */
export function frequentCarryOut(count: number, threshold: number): boolean {
  return count >= threshold;
}

/** FX-2026-000123 */
export function slipNumber(prefix: string, year: number, seq: number): string {
  return formatRecordNumber(prefix, year, seq);
}
