import { filtered, q } from '../../../db/statements';
import { AppError, fieldError } from '../../../shared/kernel/errors';
import { maskIdNumber, maskPhone } from '../../../shared/master/id-number';
import {
  frequentCarryOut,
  issueBlockers,
  needsVerification,
  signatureProblems,
  stateAfterVerification,
  transitionError,
  verifyContactFor,
  type CarrierType,
  type SignatureFacts,
  type SignMode,
  type Signer,
  type SlipAction,
  type SlipNature,
  type SlipState,
  type VerifyAnswer,
  type VerifyContact,
} from '../../../shared/workflows/slips/rules';
import type { MeterReadings, SlipDetail, SlipDraft, SlipRow } from '../../../shared/workflows/slips/schema';
import type { IdType } from '../../../shared/master/enums';
import type { ServiceCtx } from '../../host/context';
import { recordOccupancy } from '../master/service';
import { can } from '../../../shared/kernel/permissions';
import { parseRecordNumber, type RecordNumber } from '../../../shared/kernel/record-number';
import { nextNumber } from '../../kit/numbers';
import { appendEvent, timelineOf } from '../../kit/timeline';
import { endRecord } from '../../kit/void';
import type { SearchHit } from '../../../shared/master/schema';

interface SlipDb {
  id: string;
  number: string;
  unit_id: string;
  unit_code: string;
  state: SlipState;
  nature: SlipNature;
  reason: string;
  carrier_type: CarrierType;
  carrier_person_id: string | null;
  carrier_name: string;
  carrier_phone: string | null;
  carrier_id_type: IdType | null;
  carrier_id_number: string | null;
  tenant_move_out: number;
  tenancy_link_id: string | null;
  meter_readings: string | null;
  fees_cleared_by_name: string | null;
  fees_cleared_at: string | null;
  fees_receipt: string | null;
  sig_clerk: string | null;
  sig_carrier: string | null;
  sig_owner: string | null;
  sign_clerk: SignMode | null;
  sign_carrier: SignMode | null;
  sign_owner: SignMode | null;
  recording_ref: string | null;
  issued_at: string | null;
  exited_at: string | null;
  end_reason: string | null;
  print_count: number;
  created_at: string;
  item_summary: string;
}

const SLIP_SELECT = `
  SELECT s.*, u.code AS unit_code, fu.display_name AS fees_cleared_by_name,
         (SELECT group_concat(i.name || '×' || i.quantity, '、') FROM release_slip_items i WHERE i.slip_id = s.id) AS item_summary
    FROM release_slips s JOIN units u ON u.id = s.unit_id LEFT JOIN users fu ON fu.id = s.fees_cleared_by`;

const toRow = (r: SlipDb): SlipRow => ({
  id: r.id,
  number: r.number,
  unitId: r.unit_id,
  unitCode: r.unit_code,
  state: r.state,
  nature: r.nature,
  carrierName: r.carrier_name,
  carrierType: r.carrier_type,
  itemSummary: r.item_summary ?? '',
  createdAt: r.created_at,
  issuedAt: r.issued_at,
  exitedAt: r.exited_at,
});

function slipDb(ctx: ServiceCtx, id: string): SlipDb {
  const r = q(ctx.db, `${SLIP_SELECT} WHERE s.id = ?`).get<SlipDb>(id);
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

/** A step on the slip's timeline (the kit's one timeline for every kind of record). */
function event(ctx: ServiceCtx, slipId: string, action: string, detail?: unknown) {
  appendEvent(ctx, 'slip', slipId, action, detail);
}

function guard(action: SlipAction, state: SlipState) {
  const why = transitionError(action, state);
  if (why) throw new AppError('BAD_STATE', why);
}

/** The unit's current owner (for "is the carrier the owner in person?" and whom to phone). */
function owners(ctx: ServiceCtx, unitId: string) {
  return q(ctx.db, `SELECT p.id, p.name, p.phone, p.kind, p.contact_person FROM unit_people l JOIN people p ON p.id = l.person_id
                     WHERE l.unit_id = ? AND l.relation IN ('owner', 'co_owner', 'company') AND l.voided_at IS NULL
                       AND (l.end_date IS NULL OR l.end_date > ?) ORDER BY CASE l.relation WHEN 'owner' THEN 0 ELSE 1 END, l.start_date`)
    .all<{ id: string; name: string; phone: string | null; kind: string; contact_person: string | null }>(unitId, ctx.today());
}

function activeTenancy(ctx: ServiceCtx, unitId: string, personId: string | null) {
  return q(ctx.db, `SELECT l.id, l.person_id FROM unit_people l WHERE l.unit_id = ? AND l.relation = 'tenant' AND l.voided_at IS NULL
                     AND (l.end_date IS NULL OR l.end_date > ?) AND (? IS NULL OR l.person_id = ?) ORDER BY l.start_date DESC LIMIT 1`)
    .get<{ id: string; person_id: string }>(unitId, ctx.today(), personId, personId);
}

function carrierIsOwner(ctx: ServiceCtx, s: { unit_id: string; carrier_person_id: string | null; carrier_type: CarrierType }): boolean {
  return s.carrier_type === 'owner' && !!s.carrier_person_id && owners(ctx, s.unit_id).some((o) => o.id === s.carrier_person_id);
}

function checkDraft(ctx: ServiceCtx, d: SlipDraft) {
  const unit = q(ctx.db, 'SELECT id FROM units WHERE id = ? AND voided_at IS NULL').value(d.unitId);
  if (!unit) throw fieldError('unitId', 'v.notFound');
  if (d.carrier.personId) {
    const p = q(ctx.db, 'SELECT id FROM people WHERE id = ? AND voided_at IS NULL').value(d.carrier.personId);
    if (!p) throw fieldError('carrier.personId', 'v.notFound');
  }
  if (d.tenantMoveOut) {
    if (d.nature !== 'moving_out') throw fieldError('tenantMoveOut', 'v.tenantMoveOutNeedsMovingOut');
    if (!activeTenancy(ctx, d.unitId, null)) throw fieldError('tenantMoveOut', 'v.noActiveTenancy');
  }
}

function writeItems(ctx: ServiceCtx, slipId: string, d: SlipDraft) {
  q(ctx.db, 'DELETE FROM release_slip_items WHERE slip_id = ?').run(slipId);
  d.items.forEach((it, i) =>
    q(ctx.db, 'INSERT INTO release_slip_items (id, slip_id, line, name, quantity, unit_of_count, remark) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      ctx.newId(), slipId, i + 1, it.name, it.quantity, it.unitOfCount, it.remark,
    ),
  );
}

const auditDraft = (d: SlipDraft) => ({
  unitId: d.unitId,
  nature: d.nature,
  reason: d.reason,
  carrier: { type: d.carrier.type, name: d.carrier.name, phone: d.carrier.phone ? maskPhone(d.carrier.phone) : null },
  items: d.items.map((i) => `${i.name}×${i.quantity}${i.unitOfCount}`),
  tenantMoveOut: d.tenantMoveOut,
});

export function createSlip(ctx: ServiceCtx, d: SlipDraft): SlipDetail {
  checkDraft(ctx, d);
  const id = ctx.newId();
  const now = ctx.nowIso();
  ctx.db.transaction(() => {
    const number = nextNumber(ctx, ctx.settings().slipPrefix, ctx.clock.now().getFullYear());
    const tenancy = d.tenantMoveOut ? activeTenancy(ctx, d.unitId, null) : undefined;
    q(ctx.db, `INSERT INTO release_slips (id, number, unit_id, state, nature, reason, carrier_type, carrier_person_id, carrier_name, carrier_phone,
               carrier_id_type, carrier_id_number, tenant_move_out, tenancy_link_id, meter_readings, created_by, created_at, updated_at)
               VALUES (?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      id, number, d.unitId, d.nature, d.reason, d.carrier.type, d.carrier.personId, d.carrier.name, d.carrier.phone, d.carrier.idType, d.carrier.idNumber,
      d.tenantMoveOut ? 1 : 0, tenancy?.id ?? null, d.meterReadings ? JSON.stringify(d.meterReadings) : null, ctx.user?.id ?? null, now, now,
    );
    writeItems(ctx, id, d);
    event(ctx, id, 'create', { number });
    ctx.audit('create', 'slip', id, null, { number, ...auditDraft(d) });
  })();
  return getSlip(ctx, id);
}

export function updateSlip(ctx: ServiceCtx, input: { id: string; draft: SlipDraft }): SlipDetail {
  const before = slipDb(ctx, input.id);
  guard('edit', before.state);
  const d = input.draft;
  checkDraft(ctx, d);
  ctx.db.transaction(() => {
    const tenancy = d.tenantMoveOut ? activeTenancy(ctx, d.unitId, null) : undefined;
    q(ctx.db, `UPDATE release_slips SET unit_id = ?, nature = ?, reason = ?, carrier_type = ?, carrier_person_id = ?, carrier_name = ?, carrier_phone = ?,
               carrier_id_type = ?, carrier_id_number = ?, tenant_move_out = ?, tenancy_link_id = ?, meter_readings = ?, updated_at = ? WHERE id = ?`).run(
      d.unitId, d.nature, d.reason, d.carrier.type, d.carrier.personId, d.carrier.name, d.carrier.phone, d.carrier.idType, d.carrier.idNumber,
      d.tenantMoveOut ? 1 : 0, tenancy?.id ?? null, d.meterReadings ? JSON.stringify(d.meterReadings) : null, ctx.nowIso(), input.id,
    );
    writeItems(ctx, input.id, d);
    event(ctx, input.id, 'edit');
    ctx.audit('update', 'slip', input.id, { number: before.number }, auditDraft(d));
  })();
  return getSlip(ctx, input.id);
}

function setState(ctx: ServiceCtx, id: string, state: SlipState, extra = '', params: unknown[] = []) {
  q(ctx.db, `UPDATE release_slips SET state = ?, updated_at = ?${extra} WHERE id = ?`).run(state, ctx.nowIso(), ...params, id);
}

/** Draft → awaiting verification, or straight to ready when the carrier is the unit's owner in person. */
export function submitSlip(ctx: ServiceCtx, id: string): SlipDetail {
  const s = slipDb(ctx, id);
  guard('submit', s.state);
  const next: SlipState = needsVerification(s.carrier_type, carrierIsOwner(ctx, s)) ? 'awaiting_verification' : 'ready_to_issue';
  ctx.db.transaction(() => {
    setState(ctx, id, next);
    event(ctx, id, 'submit', { state: next });
    ctx.audit('submit', 'slip', id, { state: s.state }, { state: next });
  })();
  return getSlip(ctx, id);
}

export function recordCall(
  ctx: ServiceCtx,
  input: { slipId: string; contactRole: VerifyContact; contactName: string; contactPhone: string; calledAt: string; answer: VerifyAnswer; note: string | null },
): SlipDetail {
  const s = slipDb(ctx, input.slipId);
  guard('verify', s.state);
  if (new Date(input.calledAt).getTime() > ctx.clock.now().getTime() + 60_000) throw fieldError('calledAt', 'v.notInFuture');
  const next = stateAfterVerification(input.answer);
  ctx.db.transaction(() => {
    q(ctx.db, `INSERT INTO release_slip_calls (id, slip_id, contact_role, contact_name, contact_phone, called_at, answer, note, recorded_by, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
      ctx.newId(), input.slipId, input.contactRole, input.contactName, input.contactPhone, new Date(input.calledAt).toISOString(), input.answer, input.note, ctx.user?.id ?? null, ctx.nowIso(),
    );
    if (next !== s.state) setState(ctx, input.slipId, next, next === 'refused' ? ', end_reason = ?' : '', next === 'refused' ? ['slip.refusedOnPhone'] : []);
    event(ctx, input.slipId, 'call', { contactRole: input.contactRole, contactName: input.contactName, answer: input.answer, state: next });
    ctx.audit('verify', 'slip', input.slipId, { state: s.state }, { answer: input.answer, state: next, contact: input.contactName });
  })();
  return getSlip(ctx, input.slipId);
}

/** The cashier confirms all fees are cleared up to today (moving out). */
export function confirmFees(ctx: ServiceCtx, input: { slipId: string; receipt: string }): SlipDetail {
  const s = slipDb(ctx, input.slipId);
  guard('confirmFees', s.state);
  if (s.nature !== 'moving_out') throw new AppError('BAD_STATE', 'slip.why.feesOnlyForMovingOut');
  ctx.db.transaction(() => {
    q(ctx.db, 'UPDATE release_slips SET fees_cleared_by = ?, fees_cleared_at = ?, fees_receipt = ?, updated_at = ? WHERE id = ?').run(
      ctx.user?.id ?? null, ctx.nowIso(), input.receipt, ctx.nowIso(), input.slipId,
    );
    event(ctx, input.slipId, 'fees-cleared', { receipt: input.receipt });
    ctx.audit('confirm-fees', 'slip', input.slipId, null, { receipt: input.receipt });
  })();
  return getSlip(ctx, input.slipId);
}

/** The owner agreed on the phone, or is the carrier in person. */
function ownerConsent(ctx: ServiceCtx, s: SlipDb): boolean {
  return carrierIsOwner(ctx, s) || !!q(ctx.db, "SELECT 1 FROM release_slip_calls WHERE slip_id = ? AND contact_role = 'owner' AND answer = 'agreed'").value(s.id);
}

/** What blocks issuing; with `signatures`, the clerk's signature choices are checked too. */
function blockers(ctx: ServiceCtx, s: SlipDb, signatures: SignatureFacts | null = null): string[] {
  return issueBlockers({
    state: s.state,
    nature: s.nature,
    tenantMoveOut: s.tenant_move_out === 1,
    feesCleared: !!s.fees_cleared_at,
    meterReadings: !!s.meter_readings,
    ownerConsent: ownerConsent(ctx, s),
    signatures,
  });
}

type IssueSignatures = Record<Signer, { mode: SignMode; image: string | null }>;

const signatureFacts = (sigs: IssueSignatures, recordingRef: string | null): SignatureFacts => ({
  modes: { clerk: sigs.clerk.mode, carrier: sigs.carrier.mode, owner: sigs.owner.mode },
  images: { clerk: !!sigs.clerk.image, carrier: !!sigs.carrier.image, owner: !!sigs.owner.image },
  recordingRef: !!recordingRef,
});

/** Earlier temporary carry-outs of the unit inside the window (issued or exited), newest first. */
function earlierCarryOuts(ctx: ServiceCtx, s: SlipDb) {
  const { frequentCarryOutDays: days } = ctx.settings();
  const since = new Date(ctx.clock.now().getTime() - days * 86_400_000).toISOString();
  return q(ctx.db, `SELECT s.number, s.created_at AS createdAt,
                           (SELECT group_concat(i.name || '×' || i.quantity, '、') FROM release_slip_items i WHERE i.slip_id = s.id) AS itemSummary
                      FROM release_slips s WHERE s.unit_id = ? AND s.nature = 'temporary' AND s.id <> ? AND s.state IN ('issued', 'exited')
                       AND coalesce(s.issued_at, s.created_at) >= ? ORDER BY s.created_at DESC`).all<{ number: string; createdAt: string; itemSummary: string }>(s.unit_id, s.id, since);
}

function frequentInfo(ctx: ServiceCtx, s: SlipDb): SlipDetail['frequent'] {
  if (s.nature !== 'temporary') return null;
  const { frequentCarryOutThreshold: threshold, frequentCarryOutDays: days } = ctx.settings();
  const earlier = earlierCarryOuts(ctx, s);
  return frequentCarryOut(earlier.length + 1, threshold) ? { threshold, days, earlier } : null;
}

export function issueSlip(
  ctx: ServiceCtx,
  input: { slipId: string; signatures: IssueSignatures; recordingRef: string | null; acknowledgeFrequent: boolean },
): SlipDetail {
  const s = slipDb(ctx, input.slipId);
  const sigFacts = signatureFacts(input.signatures, input.recordingRef);
  const why = blockers(ctx, s, sigFacts);
  const problems = signatureProblems(sigFacts);
  // The procedure's blockers first (state, fees, meters, consent); once only the signatures are wrong, each is told at its signer.
  if (why.length > problems.length) throw new AppError('BAD_STATE', why[0], { params: { reasons: why.join(',') } });
  if (problems.length) throw new AppError('VALIDATION', 'error.VALIDATION', { fieldErrors: Object.fromEntries(problems.map((p) => [p.field, { message: p.message }])) });
  const modes: Record<Signer, SignMode> = { clerk: input.signatures.clerk.mode, carrier: input.signatures.carrier.mode, owner: input.signatures.owner.mode };
  const frequent = frequentInfo(ctx, s);
  if (frequent && !input.acknowledgeFrequent) throw new AppError('BAD_STATE', 'slip.why.frequentNotAcknowledged', { params: { count: frequent.earlier.length + 1, days: frequent.days } });
  ctx.db.transaction(() => {
    q(ctx.db, `UPDATE release_slips SET state = 'issued', sig_clerk = ?, sig_carrier = ?, sig_owner = ?, sign_clerk = ?, sign_carrier = ?, sign_owner = ?, recording_ref = ?,
               issued_by = ?, issued_at = ?, updated_at = ? WHERE id = ?`).run(
      input.signatures.clerk.image, input.signatures.carrier.image, input.signatures.owner.image, modes.clerk, modes.carrier, modes.owner, input.recordingRef,
      ctx.user?.id ?? null, ctx.nowIso(), ctx.nowIso(), input.slipId,
    );
    event(ctx, input.slipId, 'issue', {
      signers: modes,
      recordingRef: input.recordingRef,
      frequentAcknowledged: frequent ? frequent.earlier.map((e) => e.number) : undefined,
    });
    ctx.audit('issue', 'slip', input.slipId, { state: s.state }, { state: 'issued', signClerk: modes.clerk, signCarrier: modes.carrier, signOwner: modes.owner, recordingRef: input.recordingRef });
  })();
  return getSlip(ctx, input.slipId);
}

/** What the guard sees after typing or scanning a number; a slip that may not leave is logged as refused at the gate. */
export function gateLookup(ctx: ServiceCtx, input: { number: string }): SlipDetail {
  const number = normaliseSlipNumber(input.number);
  const row = q(ctx.db, 'SELECT id, state FROM release_slips WHERE number = ?').get<{ id: string; state: SlipState }>(number);
  if (!row) throw new AppError('NOT_FOUND', 'slip.gate.unknown', { params: { number } });
  if (row.state !== 'issued') ctx.db.transaction(() => event(ctx, row.id, 'gate-refused', { refusal: gateRefusal(row.state), at: 'lookup' }))();
  return getSlip(ctx, row.id);
}

function gateRefusal(state: SlipState): GateRefusal | null {
  return state === 'exited' ? 'slip.gate.alreadyExited' : state === 'voided' ? 'slip.gate.voided' : state === 'refused' ? 'slip.gate.refused' : state !== 'issued' ? 'slip.gate.notIssued' : null;
}

export type GateRefusal = 'slip.gate.unknown' | 'slip.gate.alreadyExited' | 'slip.gate.voided' | 'slip.gate.refused' | 'slip.gate.notIssued';

/** Normalises what a scanner or a guard typed: the QR holds the number; case and spaces do not matter. */
/**
 * A slip number as typed or scanned at the gate, the CLI or a list filter: the canonical spelling when it reads
 * as a record number (full-width, lower case, no dashes or zeros: the same reading as the search box), else
 * the text folded for a partial match.
 */
export function normaliseSlipNumber(text: string): string {
  return parseRecordNumber(text)?.canonical ?? text.trim().toUpperCase().replace(/\s+/g, '');
}

/** The slip with that number, for the CLI's `print` and `forms` (no permission: the CLI acts as the site's administrator). */
export function slipByNumber(ctx: ServiceCtx, number: RecordNumber): { id: string; number: string } | null {
  return q(ctx.db, 'SELECT id, number FROM release_slips WHERE number = ?').get<{ id: string; number: string }>(number.canonical) ?? null;
}

/** "Open by number" in the global search: the slip with that number (any prefix, so slips numbered before a change of `slipPrefix` are found too). */
export function findSlipsByNumber(ctx: ServiceCtx, number: RecordNumber): SearchHit[] {
  if (!can(ctx.user?.role, 'slips.read')) return [];
  const row = q(ctx.db, 'SELECT s.id, s.number, u.code AS unit_code, s.unit_id, s.state FROM release_slips s JOIN units u ON u.id = s.unit_id WHERE s.number = ?')
    .get<{ id: string; number: string; unit_code: string; unit_id: string; state: SlipState }>(number.canonical);
  return row ? [{ kind: 'slip', id: row.id, title: row.number, subtitle: row.unit_code, unitId: row.unit_id, state: row.state }] : [];
}

/** The gate marks an issued slip exited, exactly once; a tenant move-out ends the tenancy and makes the unit vacant. */
export function exitSlip(ctx: ServiceCtx, input: { number: string }): SlipDetail {
  const number = normaliseSlipNumber(input.number);
  const row = q(ctx.db, 'SELECT id FROM release_slips WHERE number = ?').get<{ id: string }>(number);
  if (!row) throw new AppError('NOT_FOUND', 'slip.gate.unknown', { params: { number } });
  ctx.db.transaction(() => {
    // Re-read inside the transaction: two gates scanning the same slip cannot both exit it.
    const s = slipDb(ctx, row.id);
    const refusal = gateRefusal(s.state);
    if (refusal) {
      event(ctx, s.id, 'gate-refused', { refusal });
      throw new AppError('BAD_STATE', refusal, { params: { number, exitedAt: s.exited_at ?? '' } });
    }
    const now = ctx.nowIso();
    const today = ctx.today();
    q(ctx.db, "UPDATE release_slips SET state = 'exited', exited_by = ?, exited_at = ?, updated_at = ? WHERE id = ? AND state = 'issued'").run(ctx.user?.id ?? null, now, now, s.id);
    if (s.tenant_move_out === 1 && s.tenancy_link_id) {
      q(ctx.db, 'UPDATE unit_people SET end_date = ?, updated_at = ? WHERE id = ? AND (end_date IS NULL OR end_date > ?)').run(today, now, s.tenancy_link_id, today);
      recordOccupancy(ctx, s.unit_id, 'vacant', today, 'slip', s.number);
      ctx.audit('end', 'link', s.tenancy_link_id, null, { endDate: today, slip: s.number });
      ctx.audit('set-occupancy', 'unit', s.unit_id, null, { state: 'vacant', date: today, slip: s.number });
    }
    event(ctx, s.id, 'exit');
    ctx.audit('exit', 'slip', s.id, { state: 'issued' }, { state: 'exited' });
  })();
  return getSlip(ctx, row.id);
}

function end(ctx: ServiceCtx, action: 'refuse' | 'void', input: { id: string; reason: string }): SlipDetail {
  const s = slipDb(ctx, input.id);
  const to: SlipState = action === 'refuse' ? 'refused' : 'voided';
  endRecord(ctx, action, input.reason, {
    kind: 'slip',
    id: input.id,
    state: s.state,
    to,
    refusal: transitionError(action, s.state),
    apply: () => setState(ctx, input.id, to, ', end_reason = ?', [input.reason]),
  });
  return getSlip(ctx, input.id);
}
export const refuseSlip = (ctx: ServiceCtx, input: { id: string; reason: string }) => end(ctx, 'refuse', input);
export const voidSlip = (ctx: ServiceCtx, input: { id: string; reason: string }) => end(ctx, 'void', input);

export function getSlip(ctx: ServiceCtx, id: string): SlipDetail {
  const s = slipDb(ctx, id);
  const items = q(ctx.db, 'SELECT line, name, quantity, unit_of_count AS unitOfCount, remark FROM release_slip_items WHERE slip_id = ? ORDER BY line').all<SlipDetail['items'][number]>(id);
  const calls = q(ctx.db, `SELECT c.id, c.contact_role AS contactRole, c.contact_name AS contactName, c.contact_phone AS phone, c.called_at AS calledAt, c.answer, c.note,
                                  u.display_name AS recordedByName
                             FROM release_slip_calls c LEFT JOIN users u ON u.id = c.recorded_by WHERE c.slip_id = ? ORDER BY c.called_at, c.id`)
    .all<Omit<SlipDetail['calls'][number], 'contactPhoneMasked'> & { phone: string }>(id)
    .map(({ phone, ...c }) => ({ ...c, contactPhoneMasked: maskPhone(phone) }));
  const timeline = timelineOf(ctx, 'slip', id);
  const isOwner = carrierIsOwner(ctx, s);
  const verify = needsVerification(s.carrier_type, isOwner);
  const role = verifyContactFor(s.carrier_type);
  const own = role === 'owner' || role === 'company_head' ? owners(ctx, s.unit_id) : [];
  const target = role === 'company_head' ? (own.find((o) => o.kind === 'company') ?? own[0]) : own[0];
  return {
    ...toRow(s),
    reason: s.reason,
    carrierPhoneMasked: s.carrier_phone ? maskPhone(s.carrier_phone) : null,
    carrierIdType: s.carrier_id_type,
    carrierIdMasked: s.carrier_id_number ? maskIdNumber(s.carrier_id_number) : null,
    carrierPersonId: s.carrier_person_id,
    tenantMoveOut: s.tenant_move_out === 1,
    meterReadings: s.meter_readings ? (JSON.parse(s.meter_readings) as MeterReadings) : null,
    items,
    calls,
    fees: s.fees_cleared_at ? { clearedByName: s.fees_cleared_by_name, clearedAt: s.fees_cleared_at, receipt: s.fees_receipt ?? '' } : null,
    signers: { clerk: s.sign_clerk, carrier: s.sign_carrier, owner: s.sign_owner },
    recordingRef: s.recording_ref,
    endReason: s.end_reason,
    printCount: s.print_count,
    needsVerification: verify,
    proposedContact: verify
      ? { role, personId: target?.id ?? null, name: target ? (role === 'company_head' && target.contact_person ? target.contact_person : target.name) : null, phoneMasked: target?.phone ? maskPhone(target.phone) : null }
      : null,
    issueBlockers: s.state === 'ready_to_issue' ? blockers(ctx, s) : [],
    frequent: s.state === 'ready_to_issue' || s.state === 'awaiting_verification' || s.state === 'draft' ? frequentInfo(ctx, s) : null,
    timeline,
  };
}

export function listSlips(
  ctx: ServiceCtx,
  f: { offset: number; limit: number; state?: SlipState; nature?: SlipNature; from?: string; to?: string; unitId?: string; carrier?: string; number?: string },
) {
  const list = filtered(f.offset, f.limit);
  const { add } = list;
  if (f.state) add('s.state = :state', 'state', f.state);
  if (f.nature) add('s.nature = :nature', 'nature', f.nature);
  if (f.from) add('s.created_at >= :from', 'from', new Date(`${f.from}T00:00:00`).toISOString());
  if (f.to) add('s.created_at < :to', 'to', new Date(new Date(`${f.to}T00:00:00`).getTime() + 86_400_000).toISOString());
  if (f.unitId) add('s.unit_id = :unitId', 'unitId', f.unitId);
  if (f.carrier?.trim()) add("s.carrier_name LIKE :carrier ESCAPE '\\'", 'carrier', `%${f.carrier.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (f.number?.trim()) add("s.number LIKE :number ESCAPE '\\'", 'number', `%${normaliseSlipNumber(f.number).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const rows = list.page<SlipDb>(ctx.db, SLIP_SELECT, 's.created_at DESC, s.id DESC').map(toRow);
  return { rows, total: list.count(ctx.db, 'release_slips s'), offset: f.offset };
}

/**
 * Today's queues. `ready`: ready to issue now — a moving-out slip only once the cashier has confirmed the
 * fees (until then it cannot be issued). `fees`: moving-out slips still waiting for the cashier.
 */
const WAITING = {
  ready: "s.state = 'ready_to_issue' AND (s.nature <> 'moving_out' OR s.fees_cleared_at IS NOT NULL)",
  fees: "s.nature = 'moving_out' AND s.fees_cleared_at IS NULL AND s.state IN ('draft', 'awaiting_verification', 'ready_to_issue')",
} as const;

export function slipsWaiting(ctx: ServiceCtx, queue: 'ready' | 'fees', limit: number): SlipRow[] {
  return q(ctx.db, `${SLIP_SELECT} WHERE ${WAITING[queue]} ORDER BY s.created_at DESC, s.id DESC LIMIT ?`).all<SlipDb>(limit).map(toRow);
}

/** How many slips each of Today's queues holds (the lists above stop at their limit), and how many went out since `sinceIso`. */
export function countQueues(ctx: ServiceCtx, sinceIso: string): { awaitingVerification: number; readyToIssue: number; feesToConfirm: number; exited: number } {
  // Only open slips can wait (index release_slips_state); the exits are read from their partial index.
  const open = q(
    ctx.db,
    `SELECT coalesce(sum(s.state = 'awaiting_verification'), 0) AS awaitingVerification, coalesce(sum(${WAITING.ready}), 0) AS readyToIssue, coalesce(sum(${WAITING.fees}), 0) AS feesToConfirm
       FROM release_slips s WHERE s.state IN ('draft', 'awaiting_verification', 'ready_to_issue')`,
  ).get<{ awaitingVerification: number; readyToIssue: number; feesToConfirm: number }>()!;
  const exited = q(ctx.db, 'SELECT count(*) FROM release_slips WHERE exited_at >= ?').value<number>(sinceIso) ?? 0;
  return { ...open, exited };
}

/** Slips that went out through the gate since `sinceIso`, newest first (Today's exits). */
export function exitedSince(ctx: ServiceCtx, sinceIso: string, limit: number): SlipRow[] {
  return q(ctx.db, `${SLIP_SELECT} WHERE s.exited_at >= ? ORDER BY s.exited_at DESC LIMIT ?`).all<SlipDb>(sinceIso, limit).map(toRow);
}

/** For the PDF: everything printed on the slip, unmasked where the paper form needs it. */
export function slipForPrint(ctx: ServiceCtx, id: string) {
  const s = slipDb(ctx, id);
  return { slip: getSlip(ctx, id), signatures: { clerk: s.sig_clerk, carrier: s.sig_carrier, owner: s.sig_owner }, carrierPhone: s.carrier_phone };
}

/** Counts a print; every print after the first is a copy (副本) and is logged. */
export function markPrinted(ctx: ServiceCtx, id: string): { copy: boolean; count: number } {
  const s = slipDb(ctx, id);
  const count = s.print_count + 1;
  ctx.db.transaction(() => {
    q(ctx.db, 'UPDATE release_slips SET print_count = ? WHERE id = ?').run(count, id);
    event(ctx, id, count > 1 ? 'reprint' : 'print', { count });
    ctx.audit(count > 1 ? 'reprint' : 'print', 'slip', id, null, { number: s.number, count });
  })();
  return { copy: count > 1, count };
}
