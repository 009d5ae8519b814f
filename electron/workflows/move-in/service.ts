/**
 * Move-in (入伙, procedure 一) and moving in (入住, procedure 三): use-cases, each write one IMMEDIATE transaction
 * (kit `atomic`) with its timeline step and audit row. The rules are shared/workflows/move-in/rules.ts; the
 * SQL is ./repo.ts. The eight steps are rows of move_in_steps, each taken once, in order.
 */
import { q } from '../../../db/statements';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import { addCalendarDays } from '../../../shared/kernel/deadlines';
import { AppError, fieldError, type FieldError } from '../../../shared/kernel/errors';
import { can } from '../../../shared/kernel/permissions';
import { parseRecordNumber } from '../../../shared/kernel/record-number';
import type { OccupancyState } from '../../../shared/master/enums';
import { maskPhone } from '../../../shared/master/id-number';
import {
  handoverError,
  isMobile,
  isOverdue,
  missingCopies,
  missingInspectionItems,
  nextStep,
  notReceived,
  occupancyOf,
  periodEnd,
  prepaidFee,
  rectificationStep,
  registerStatus,
  revolvingDeposit,
  stepError,
  tenantGaps,
  voidError,
  type MoveInState,
  type MoveInStep,
  type MovingInState,
  type RectificationAction,
  type TemplateItem,
} from '../../../shared/workflows/move-in/rules';
import type { MoveInDetail, MoveInRow, MovingInDetail, MovingInRow, NoticeBatch, NoticeRow, Rectification, Register } from '../../../shared/workflows/move-in/schema';
import type { ServiceCtx } from '../../host/context';
import { atomic, siteToday } from '../../kit/atomic';
import { nextNumber } from '../../kit/numbers';
import { appendEvent, timelineOf } from '../../kit/timeline';
import { endRecord } from '../../kit/void';
import { insertPerson, occupancyStateOn, recordOccupancy } from '../master/service';
import * as repo from './repo';

export const KIND = 'move-in';
export const MOVING_KIND = 'moving-in';
/** The source of the occupancy history rows a move-in writes (the monthly report links them back by number). */
export const SOURCE = 'move-in';
export const MOVING_SOURCE = 'moving-in';

export { siteToday };
const year = (ctx: ServiceCtx) => Number(siteToday(ctx).slice(0, 4));
const uid = (ctx: ServiceCtx) => ctx.user?.id ?? null;
const userName = (ctx: ServiceCtx, id: string | null) => (id ? (q(ctx.db, 'SELECT display_name FROM users WHERE id = ?').value<string>(id) ?? null) : null);

function fieldErrors(errors: Record<string, string | FieldError>): AppError {
  const out: Record<string, FieldError> = {};
  for (const [k, v] of Object.entries(errors)) out[k] = typeof v === 'string' ? { message: v } : v;
  return new AppError('VALIDATION', 'error.VALIDATION', { fieldErrors: out });
}
const notFuture = (ctx: ServiceCtx, field: string, date: string) => {
  if (date > siteToday(ctx)) throw fieldError(field, 'v.notInFuture');
};

function rec(ctx: ServiceCtx, id: string): repo.MoveInDb {
  const m = repo.byId(ctx.db, id);
  if (!m) throw new AppError('NOT_FOUND');
  return m;
}

/** The step may be taken now: the record open, every step before it done (else BAD_STATE naming the step due). */
function guardStep(ctx: ServiceCtx, m: repo.MoveInDb, s: MoveInStep): string[] {
  const done = repo.stepNames(ctx.db, m.id);
  const why = stepError(s, m.state, done);
  if (why) throw new AppError('BAD_STATE', why, why === 'movein.why.order' ? { params: { step: nextStep(done) ?? '' } } : undefined);
  return done;
}

/** Records a step: its row (who, when), the timeline, the audit, and the record's next step. */
function takeStep(ctx: ServiceCtx, m: repo.MoveInDb, s: MoveInStep, detail: Record<string, unknown> = {}, set: Partial<repo.MoveInDb> = {}): void {
  repo.insertStep(ctx.db, m.id, s, uid(ctx), ctx.nowIso(), detail);
  const done = repo.stepNames(ctx.db, m.id);
  repo.update(ctx.db, m.id, ctx.nowIso(), { ...set, next_step: nextStep(done) });
  appendEvent(ctx, KIND, m.id, s, detail);
  ctx.audit(s, KIND, m.id, { state: m.state }, { number: m.number, state: set.state ?? m.state, ...detail });
}

const event = (ctx: ServiceCtx, m: repo.MoveInDb, action: string, detail: Record<string, unknown> = {}, to?: MoveInState) => {
  appendEvent(ctx, KIND, m.id, action, detail);
  ctx.audit(action, KIND, m.id, { state: m.state }, { number: m.number, state: to ?? m.state, ...detail });
};

// ---------------------------------------------------------------- reading

const ownerNames = (ctx: ServiceCtx, id: string) => repo.owners(ctx.db, id).map((o) => o.name).join('、');

export function toRow(ctx: ServiceCtx, m: repo.MoveInDb): MoveInRow {
  return {
    id: m.id, number: m.number, state: m.state, unitId: m.unit_id, unitCode: m.unit_code, buildingId: m.building_id, use: m.unit_use,
    ownerNames: ownerNames(ctx, m.id), noticeDate: m.notice_date, nextStep: m.state === 'voided' ? null : (m.next_step as MoveInStep | null),
    handoverDate: m.handover_date, notHandedOverReason: m.not_handed_over_reason, openRectifications: repo.openCount(ctx.db, m.id), createdAt: m.created_at,
  };
}

const rectOut = (r: repo.RectDb, today: string): Rectification => ({
  id: r.id, moveInId: r.move_in_id, number: r.number, unitCode: r.unit_code, area: r.area, item: r.item, description: r.description, critical: r.critical === 1,
  ownerOpinion: r.owner_opinion, assignedTo: r.assigned_to, dueDate: r.due_date, state: r.state, fixedAt: r.fixed_at, fixedNote: r.fixed_note, acceptedAt: r.accepted_at,
  reopened: r.reopened, overdue: isOverdue({ state: r.state, dueDate: r.due_date }, today),
});

export function getMoveIn(ctx: ServiceCtx, id: string): MoveInDetail {
  const m = rec(ctx, id);
  const today = siteToday(ctx);
  const building = q(ctx.db, 'SELECT name FROM buildings WHERE id = ?').value<string>(m.building_id) ?? '';
  const deposit = { kind: m.deposit_kind, fen: m.deposit_fen };
  const fee = m.fee_property_fen;
  const items = repo.items(ctx.db, id);
  return {
    ...toRow(ctx, m),
    buildingName: building,
    areaM2: m.area_m2,
    owners: repo.owners(ctx.db, id).map((o) => ({ personId: o.person_id, name: o.name, phoneMasked: o.phone ? maskPhone(o.phone) : null, primary: o.seq === 0 })),
    noticeId: m.notice_id,
    steps: repo.steps(ctx.db, id).map((s) => ({ step: s.step as MoveInStep, at: s.at, by: s.by_name, detail: s.detail })),
    fees: {
      rateFen: m.fee_rate_fen, areaM2: m.area_m2, months: m.fee_months,
      periodFrom: m.notice_date, periodTo: m.notice_date ? periodEnd(m.notice_date, m.fee_months) : null,
      computedFen: m.fee_computed_fen, propertyFeeFen: fee, overrideReason: m.fee_override_reason, deposit,
      totalFen: fee === null ? null : fee + m.deposit_fen, receipt: m.fee_receipt, confirmedAt: m.fee_confirmed_at, confirmedBy: userName(ctx, m.fee_confirmed_by),
    },
    copies: m.copies ? { items: JSON.parse(m.copies) as NonNullable<MoveInDetail['copies']>['items'], otherNote: m.copies_note } : null,
    archive:
      m.fire_safety_agreement === null
        ? null
        : { bankAgreement: m.bank_agreement === 1, fireSafetyAgreement: m.fire_safety_agreement === 1, documentReceipt: m.document_receipt === 1, family: repo.family(ctx.db, id).map((f) => ({ personId: f.person_id, name: f.name })) },
    keyTemplate: JSON.parse(m.key_template) as MoveInDetail['keyTemplate'],
    keys: m.keys ? { items: JSON.parse(m.keys) as MoveInDetail['keyTemplate'], signedMode: m.keys_signed_mode ?? 'paper', hasImage: !!m.keys_signature } : null,
    inspectionTemplate: JSON.parse(m.inspection_template) as TemplateItem[],
    inspection: m.inspection_date
      ? {
          date: m.inspection_date, engineeringBy: m.inspection_by ?? '',
          items: items.map((i) => ({ id: i.id, area: i.area, item: i.item, result: i.result, note: i.note, critical: i.critical === 1 })),
          meters: JSON.parse(m.meters ?? '[]') as NonNullable<MoveInDetail['inspection']>['meters'],
        }
      : null,
    rectifications: repo.rectifications(ctx.db, id).map((r) => rectOut(r, today)),
    defectsAcceptedInWriting: m.defects_accepted === 1,
    handoverNote: m.handover_note,
    voidReason: m.void_reason,
    timeline: timelineOf(ctx, KIND, id),
  };
}

export function listMoveIns(ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.list'>): ChannelOutput<'moveIn.list'> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...p: unknown[]) => {
    where.push(sql);
    params.push(...p);
  };
  if (input.state) add('m.state = ?', input.state);
  if (input.unitId) add('m.unit_id = ?', input.unitId);
  if (input.buildingId) add('m.building_id = ?', input.buildingId);
  if (input.queue === 'open') add("m.state = 'open'");
  if (input.queue === 'notHandedOver') add("m.state = 'not_handed_over'");
  if (input.queue === 'handedOver') add("m.state = 'handed_over'");
  const s = input.search?.trim();
  if (s) {
    const n = parseRecordNumber(s);
    if (n) add('m.number = ?', n.canonical);
    else {
      // Through the global search's prefix terms (unit codes; owners' names, pinyin initials, phone tails):
      // two index ranges, not a check of every record's unit and owners.
      const from = s.toLowerCase();
      const to = `${from}\u{10FFFF}`;
      add(
        `(m.unit_id IN (SELECT ref_id FROM search_terms WHERE kind = 'unit' AND term >= ? AND term < ?)
          OR m.id IN (SELECT o.move_in_id FROM move_in_owners o WHERE o.person_id IN (SELECT ref_id FROM search_terms WHERE kind = 'person' AND term >= ? AND term < ?)))`,
        from, to, from, to,
      );
    }
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = q(ctx.db, `SELECT COUNT(*) FROM move_ins m ${w}`).value<number>(...params) ?? 0;
  const rows = q(ctx.db, `SELECT m.* FROM move_ins m ${w} ORDER BY m.created_at DESC LIMIT ? OFFSET ?`).all<repo.MoveInDb>(...params, input.limit, input.offset);
  return { rows: rows.map((m) => toRow(ctx, m)), total, offset: input.offset };
}

export const moveInByNumber = (ctx: ServiceCtx, number: string) => repo.byNumber(ctx.db, number) ?? null;
export const movingInByNumber = (ctx: ServiceCtx, number: string) => repo.movingByNumber(ctx.db, number) ?? null;

// ---------------------------------------------------------------- start

interface UnitFacts {
  id: string;
  code: string;
  use: repo.MoveInDb['unit_use'];
  area_m2: number | null;
  building_id: string;
}
const unitFacts = (ctx: ServiceCtx, id: string) => q(ctx.db, 'SELECT id, code, use, area_m2, building_id FROM units WHERE id = ? AND voided_at IS NULL').get<UnitFacts>(id);
const isOwnerOf = (ctx: ServiceCtx, unitId: string, personId: string, on: string) =>
  !!q(ctx.db, `SELECT 1 FROM unit_people WHERE unit_id = ? AND person_id = ? AND relation IN ('owner', 'co_owner', 'company') AND voided_at IS NULL
               AND start_date <= ? AND (end_date IS NULL OR end_date > ?)`).value(unitId, personId, on, on);
const insertLink = (ctx: ServiceCtx, unitId: string, personId: string, relation: string, start: string): string => {
  const id = ctx.newId();
  q(ctx.db, 'INSERT INTO unit_people (id, unit_id, person_id, relation, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)').run(id, unitId, personId, relation, start, ctx.nowIso(), ctx.nowIso());
  ctx.audit('create', 'link', id, null, { unit: unitId, person: personId, relation, startDate: start, endDate: null });
  return id;
};

/** A move-in for a unit not handed over, for its owner(s); from an imported notice when the owner came with one. */
export const createMoveIn = atomic(function createMoveIn(ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.create'>): MoveInDetail {
  const unit = unitFacts(ctx, input.unitId);
  if (!unit) throw fieldError('unitId', 'v.notFound');
  const today = siteToday(ctx);
  const state = occupancyStateOn(ctx, unit.id, today);
  if (state && state !== 'not_handed_over') throw new AppError('BAD_STATE', 'movein.error.notNotHandedOver', { params: { state } });
  const live = repo.liveOfUnit(ctx.db, unit.id);
  if (live) throw fieldError('unitId', 'movein.error.openRecord', { number: live.number });
  const notice = input.noticeId ? repo.noticeById(ctx.db, input.noticeId) : repo.liveNoticeOfUnit(ctx.db, unit.id);
  if (input.noticeId && (!notice || notice.unit_id !== unit.id || notice.move_in_id)) throw fieldError('noticeId', 'movein.v.noticeNotFound');
  for (const [i, pid] of input.ownerIds.entries()) if (!isOwnerOf(ctx, unit.id, pid, today)) throw fieldError(`ownerIds.${i}`, 'movein.v.notOwner');

  const s = ctx.settings();
  const id = ctx.newId();
  const now = ctx.nowIso();
  const number = nextNumber(ctx, s.moveInPrefix, year(ctx));
  const deposit = revolvingDeposit(s.moveInDeposits[unit.use]);
  repo.insert(ctx.db, {
    id, number, state: 'open', unit_id: unit.id, unit_code: unit.code, building_id: unit.building_id, unit_use: unit.use, area_m2: unit.area_m2,
    notice_id: notice?.id ?? null, notice_date: notice?.notice_date ?? null, next_step: 'identity',
    fee_rate_fen: s.moveInFeeRates[unit.use], fee_months: s.moveInPrepaidMonths, deposit_kind: deposit.kind, deposit_fen: deposit.fen,
    key_template: JSON.stringify(s.moveInKeyTemplates[unit.use]), inspection_template: JSON.stringify(s.moveInInspectionTemplate),
    created_by: uid(ctx), created_at: now, updated_at: now,
  });
  const owners = [...new Set(input.ownerIds)];
  if (input.newOwner) {
    // 业主现场登记: the person and their owner link, in the same transaction.
    const pid = insertPerson(ctx, input.newOwner);
    ctx.audit('create', 'person', pid, null, { name: input.newOwner.name, via: number });
    insertLink(ctx, unit.id, pid, 'owner', today);
    owners.push(pid);
  }
  owners.forEach((pid, i) => repo.insertOwner(ctx.db, id, pid, i));
  const m = rec(ctx, id);
  event(ctx, m, 'create', { unit: unit.code, notice: notice?.id ?? null, owners: owners.length });
  return getMoveIn(ctx, id);
});

// ---------------------------------------------------------------- the steps

/** Step 1: the owner's ID, purchase contract and notice seen; the notice date starts the prepaid period, and the fee is computed from it. */
export const identity = atomic(function identity(ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.identity'>): MoveInDetail {
  const m = rec(ctx, input.id);
  guardStep(ctx, m, 'identity');
  const computed = m.area_m2 === null ? null : prepaidFee({ rateFen: m.fee_rate_fen, areaM2: m.area_m2, months: m.fee_months });
  takeStep(ctx, m, 'identity', { noticeDate: input.noticeDate, idDocument: true, purchaseContract: true, notice: true }, { notice_date: input.noticeDate, fee_computed_fen: computed, fee_property_fen: computed });
  return getMoveIn(ctx, m.id);
});

/** The computed fee changed by the desk, with the reason (kept, and on the timeline), while the fees are the step due. */
export const overrideFee = atomic(function overrideFee(ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.overrideFee'>): MoveInDetail {
  const m = rec(ctx, input.id);
  guardStep(ctx, m, 'fees');
  repo.update(ctx.db, m.id, ctx.nowIso(), { fee_property_fen: input.propertyFeeFen, fee_override_reason: input.reason });
  event(ctx, m, 'fee-override', { computedFen: m.fee_computed_fen, propertyFeeFen: input.propertyFeeFen, reason: input.reason });
  return getMoveIn(ctx, m.id);
});

/** Step 2: the cashier confirms the property fee and the revolving deposit paid, with the receipt (the channel is the cashier's; checked again here). */
export const confirmFees = atomic(function confirmFees(ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.confirmFees'>): MoveInDetail {
  if (!can(ctx.user?.role, 'move-in.fees')) throw new AppError('FORBIDDEN');
  const m = rec(ctx, input.id);
  guardStep(ctx, m, 'fees');
  if (m.fee_property_fen === null) throw new AppError('BAD_STATE', 'movein.error.noArea');
  const total = m.fee_property_fen + m.deposit_fen;
  const now = ctx.nowIso();
  takeStep(ctx, m, 'fees', { receipt: input.receipt, propertyFeeFen: m.fee_property_fen, depositFen: m.deposit_fen, totalFen: total, overridden: m.fee_override_reason !== null }, {
    fee_receipt: input.receipt, fee_confirmed_at: now, fee_confirmed_by: uid(ctx),
  });
  return getMoveIn(ctx, m.id);
});

/** Step 3: the copies received (ID and bank card; others named). */
export const copies = atomic(function copies(ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.copies'>): MoveInDetail {
  const m = rec(ctx, input.id);
  guardStep(ctx, m, 'copies');
  const missing = missingCopies(input.items);
  if (missing.length) throw fieldErrors(Object.fromEntries(missing.map((c) => [`items.${c}`, 'v.required'])));
  if (input.items.includes('other') && !input.otherNote) throw fieldError('otherNote', 'v.required');
  const items = [...new Set(input.items)];
  takeStep(ctx, m, 'copies', { items }, { copies: JSON.stringify(items), copies_note: input.otherNote });
  return getMoveIn(ctx, m.id);
});

/** Step 4, 业主档案: family members become people linked to the unit; the owner's emergency mobile and birthday are required and kept on the owner. */
export const archive = atomic(function archive(ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.archive'>): MoveInDetail {
  const m = rec(ctx, input.id);
  guardStep(ctx, m, 'archive');
  const errors: Record<string, string> = {};
  if (!input.emergencyMobile) errors.emergencyMobile = 'v.required';
  else if (!isMobile(input.emergencyMobile)) errors.emergencyMobile = 'movein.v.mobile';
  if (!input.birthday) errors.birthday = 'movein.v.birthday';
  else if (input.birthday > siteToday(ctx)) errors.birthday = 'v.notInFuture';
  if (!input.fireSafetyAgreement) errors.fireSafetyAgreement = 'movein.v.seen';
  if (!input.documentReceipt) errors.documentReceipt = 'movein.v.seen';
  input.family.forEach((f, i) => {
    if (f.birthday && f.birthday > siteToday(ctx)) errors[`family.${i}.birthday`] = 'v.notInFuture';
  });
  if (Object.keys(errors).length) throw fieldErrors(errors);
  const primary = repo.owners(ctx.db, m.id)[0];
  if (primary) {
    q(ctx.db, 'UPDATE people SET emergency_name = COALESCE(?, emergency_name), emergency_phone = ?, birthday = ?, updated_at = ? WHERE id = ?').run(
      input.emergencyName, input.emergencyMobile, input.birthday, ctx.nowIso(), primary.person_id,
    );
    ctx.audit('update', 'person', primary.person_id, null, { emergencyName: input.emergencyName, emergencyPhone: maskPhone(input.emergencyMobile!), birthday: input.birthday, via: m.number });
  }
  const today = siteToday(ctx);
  for (const f of input.family) {
    const pid = insertPerson(ctx, { kind: 'person', name: f.name, phone: f.phone, phone2: null, idType: null, idNumber: null, contactPerson: null, emergencyName: null, emergencyPhone: null, birthday: f.birthday, note: f.relationNote });
    ctx.audit('create', 'person', pid, null, { name: f.name, via: m.number });
    const link = insertLink(ctx, m.unit_id, pid, 'family', today);
    q(ctx.db, 'INSERT INTO move_in_family (move_in_id, person_id, link_id) VALUES (?, ?, ?)').run(m.id, pid, link);
  }
  takeStep(ctx, m, 'archive', { family: input.family.length, bankAgreement: input.bankAgreement }, {
    bank_agreement: input.bankAgreement ? 1 : 0, fire_safety_agreement: 1, document_receipt: 1,
  });
  return getMoveIn(ctx, m.id);
});

/** Step 5, 钥匙签收表: the keys handed over, signed by the owner (on screen, the image kept; or on the paper). */
export const keys = atomic(function keys(ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.keys'>): MoveInDetail {
  const m = rec(ctx, input.id);
  guardStep(ctx, m, 'keys');
  if (!input.signature) throw new AppError('BAD_STATE', 'movein.error.keysNotSigned');
  const image = input.signature.mode === 'screen' ? input.signature.image : null;
  takeStep(ctx, m, 'keys', { keys: input.keys.reduce((a, k) => a + k.count, 0), signed: input.signature.mode }, {
    keys: JSON.stringify(input.keys), keys_signed_mode: input.signature.mode, keys_signature: image,
  });
  return getMoveIn(ctx, m.id);
});

/** Step 6, 房屋验收记录表: every template item ok or defective, the meters read; each defect a rectification item for engineering. */
export const inspect = atomic(function inspect(ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.inspect'>): MoveInDetail {
  const m = rec(ctx, input.id);
  guardStep(ctx, m, 'inspection');
  notFuture(ctx, 'date', input.date);
  const template = JSON.parse(m.inspection_template) as TemplateItem[];
  const missing = missingInspectionItems(template, input.items);
  if (missing.length) throw new AppError('BAD_STATE', 'movein.error.itemsMissing', { params: { count: missing.length } });
  const errors: Record<string, string> = {};
  input.items.forEach((it, i) => {
    if (it.result !== 'defective') return;
    if (!it.note) errors[`items.${i}.note`] = 'movein.v.defectNote';
    if (!it.ownerOpinion) errors[`items.${i}.ownerOpinion`] = 'movein.v.ownerOpinion';
    if (it.dueDate && it.dueDate < input.date) errors[`items.${i}.dueDate`] = 'v.endBeforeStart';
  });
  for (const k of ctx.settings().moveInMeters) if (!input.meters.some((x) => x.kind === k)) errors[`meters.${k}`] = 'v.required';
  if (Object.keys(errors).length) throw fieldErrors(errors);
  const now = ctx.nowIso();
  const due = addCalendarDays(input.date, ctx.settings().moveInRectificationDays);
  let defects = 0;
  input.items.forEach((it, i) => {
    const itemId = ctx.newId();
    q(ctx.db, 'INSERT INTO move_in_inspection_items (id, move_in_id, seq, area, item, result, note, critical) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      itemId, m.id, i + 1, it.area, it.item, it.result, it.note, it.result === 'defective' && it.critical ? 1 : 0,
    );
    if (it.result === 'defective') {
      defects++;
      q(ctx.db, `INSERT INTO move_in_rectifications (id, move_in_id, inspection_item_id, description, critical, owner_opinion, assigned_to, due_date, state, created_at, updated_at)
                 VALUES (?, ?, ?, ?, ?, ?, 'engineering', ?, 'open', ?, ?)`).run(ctx.newId(), m.id, itemId, it.note, it.critical ? 1 : 0, it.ownerOpinion, it.dueDate ?? due, now, now);
    }
  });
  takeStep(ctx, m, 'inspection', { items: input.items.length, defects, by: input.engineeringBy }, {
    inspection_date: input.date, inspection_by: input.engineeringBy, meters: JSON.stringify(input.meters),
  });
  return getMoveIn(ctx, m.id);
});

/**
 * Steps 7 and 8: handed over on the date — refused while a critical defect is not accepted, unless the owner
 * accepts them in writing — and the unit vacant from that date in its dated history; or not handed over with
 * the reason (the record stays open to be handed over later).
 */
export const handover = atomic(function handover(ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.handover'>): MoveInDetail {
  const m = rec(ctx, input.id);
  notFuture(ctx, 'date', input.date);
  if (input.outcome === 'not_handed_over') {
    if (m.state !== 'open' && m.state !== 'not_handed_over') throw new AppError('BAD_STATE', 'movein.why.closed');
    repo.update(ctx.db, m.id, ctx.nowIso(), { state: 'not_handed_over', not_handed_over_reason: input.reason, handover_note: input.note });
    event(ctx, m, 'not-handed-over', { reason: input.reason, date: input.date, note: input.note }, 'not_handed_over');
    return getMoveIn(ctx, m.id);
  }
  guardStep(ctx, m, 'handover');
  const critical = repo.openCritical(ctx.db, m.id);
  const why = handoverError(critical, input.defectsAcceptedInWriting);
  if (why) throw new AppError('BAD_STATE', why, { params: { count: critical } });
  const on = occupancyStateOn(ctx, m.unit_id, input.date);
  if (on && on !== 'not_handed_over') throw new AppError('BAD_STATE', 'movein.error.notNotHandedOver', { params: { state: on } });
  takeStep(ctx, m, 'handover', { date: input.date, criticalAccepted: critical > 0 ? critical : undefined }, {
    state: 'handed_over', handover_date: input.date, not_handed_over_reason: null, handover_note: input.note, defects_accepted: critical > 0 ? 1 : 0,
  });
  recordOccupancy(ctx, m.unit_id, 'vacant', input.date, SOURCE, m.number);
  ctx.audit('set-occupancy', 'unit', m.unit_id, { state: on }, { state: 'vacant', date: input.date, moveIn: m.number });
  takeStep(ctx, { ...m, state: 'handed_over' }, 'vacant', { date: input.date });
  return getMoveIn(ctx, m.id);
});

export const voidMoveIn = atomic(function voidMoveIn(ctx: ServiceCtx, input: { id: string; reason: string }): MoveInDetail {
  const m = rec(ctx, input.id);
  endRecord(ctx, 'void', input.reason, {
    kind: KIND, id: m.id, state: m.state, to: 'voided' as MoveInState, refusal: voidError(m.state),
    apply: () => repo.update(ctx.db, m.id, ctx.nowIso(), { state: 'voided', void_reason: input.reason }),
  });
  return getMoveIn(ctx, m.id);
});

// ---------------------------------------------------------------- rectification items

function moveRect(ctx: ServiceCtx, itemId: string, action: RectificationAction, note: string | null): MoveInDetail {
  const r = repo.rectById(ctx.db, itemId);
  if (!r) throw new AppError('NOT_FOUND');
  const m = rec(ctx, r.move_in_id);
  if (m.state === 'voided') throw new AppError('BAD_STATE', 'movein.why.closed');
  const next = rectificationStep(action, r.state);
  if ('error' in next) throw new AppError('BAD_STATE', next.error);
  const now = ctx.nowIso();
  const set =
    action === 'fix'
      ? { fixed_at: now, fixed_by: uid(ctx), fixed_note: note }
      : action === 'accept'
        ? { accepted_at: now, accepted_by: uid(ctx) }
        : { fixed_at: null, fixed_by: null, reopened: r.reopened + 1 };
  const cols = Object.keys(set);
  q(ctx.db, `UPDATE move_in_rectifications SET state = @state, ${cols.map((c) => `${c} = @${c}`).join(', ')}, updated_at = @now WHERE id = @id`).run({ ...set, state: next.to, now, id: r.id });
  event(ctx, m, `rect-${action}`, { item: r.id, area: r.area, what: r.item, from: r.state, to: next.to, note });
  return getMoveIn(ctx, m.id);
}
export const rectFixed = atomic((ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.rectFixed'>) => moveRect(ctx, input.itemId, 'fix', input.note));
export const rectAccepted = atomic((ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.rectAccepted'>) => moveRect(ctx, input.itemId, 'accept', input.note));
export const rectReopen = atomic((ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.rectReopen'>) => moveRect(ctx, input.itemId, 'reopen', input.reason));

export function listRectifications(ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.rectifications'>): ChannelOutput<'moveIn.rectifications'> {
  const today = siteToday(ctx);
  const where: string[] = ["m.state != 'voided'"];
  const params: unknown[] = [];
  if (input.queue === 'open') where.push("r.state = 'open'");
  if (input.queue === 'fixed') where.push("r.state = 'fixed'");
  if (input.queue === 'overdue') {
    where.push("r.state = 'open' AND r.due_date < ?");
    params.push(today);
  }
  if (input.moveInId) {
    where.push('r.move_in_id = ?');
    params.push(input.moveInId);
  }
  const w = `WHERE ${where.join(' AND ')}`;
  const total = q(ctx.db, `SELECT COUNT(*) FROM move_in_rectifications r JOIN move_ins m ON m.id = r.move_in_id ${w}`).value<number>(...params) ?? 0;
  const rows = q(ctx.db, `${repo.RECT_SELECT} ${w} ORDER BY r.due_date, r.id LIMIT ? OFFSET ?`).all<repo.RectDb>(...params, input.limit, input.offset);
  return { rows: rows.map((r) => rectOut(r, today)), total, offset: input.offset };
}

// ---------------------------------------------------------------- the handover register (房屋交接汇总表)

interface RegisterDb {
  unit_id: string;
  code: string;
  move_in_id: string | null;
  number: string | null;
  state: MoveInState | null;
  handover_date: string | null;
  reason: Register['rows'][number]['reason'];
  next_step: MoveInStep | null;
  record_notice: string | null;
  notice_date: string | null;
  notice_owner: string | null;
  record_owners: string | null;
  unit_owners: string | null;
}

/** Every unit of a building (or of a batch of notices) with its handover status, and the counts by status. */
export function register(ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.register'>): Register {
  const batch = input.batchId ? q(ctx.db, 'SELECT id, name FROM move_in_batches WHERE id = ?').get<{ id: string; name: string }>(input.batchId) : undefined;
  const building = input.buildingId ? q(ctx.db, 'SELECT id, name FROM buildings WHERE id = ? AND voided_at IS NULL').get<{ id: string; name: string }>(input.buildingId) : undefined;
  if (!batch && !building) throw new AppError('NOT_FOUND');
  const noticeFilter = batch ? 'AND n.batch_id = :batch' : '';
  const rows = q(ctx.db, `
    SELECT u.id AS unit_id, u.code, m.id AS move_in_id, m.number, m.state, m.handover_date, m.not_handed_over_reason AS reason, m.next_step, m.notice_date AS record_notice,
           (SELECT n.notice_date FROM move_in_notices n WHERE n.unit_id = u.id ${noticeFilter} ORDER BY n.notice_date DESC LIMIT 1) AS notice_date,
           (SELECT n.owner_name FROM move_in_notices n WHERE n.unit_id = u.id ${noticeFilter} ORDER BY n.notice_date DESC LIMIT 1) AS notice_owner,
           (SELECT group_concat(p.name, '、') FROM move_in_owners o JOIN people p ON p.id = o.person_id WHERE o.move_in_id = m.id) AS record_owners,
           (SELECT group_concat(p.name, '、') FROM unit_people l JOIN people p ON p.id = l.person_id
             WHERE l.unit_id = u.id AND l.relation IN ('owner', 'co_owner', 'company') AND l.voided_at IS NULL AND l.end_date IS NULL) AS unit_owners
      FROM units u LEFT JOIN move_ins m ON m.unit_id = u.id AND m.state != 'voided'
     WHERE u.voided_at IS NULL AND ${batch ? 'u.id IN (SELECT unit_id FROM move_in_notices WHERE batch_id = :batch)' : 'u.building_id = :building'}
     ORDER BY u.code_key`).all<RegisterDb>(batch ? { batch: batch.id } : { building: building!.id });
  const out = rows.map((r) => ({
    unitId: r.unit_id, unitCode: r.code, ownerNames: r.record_owners ?? r.notice_owner ?? r.unit_owners ?? '', noticeDate: r.record_notice ?? r.notice_date,
    moveInId: r.move_in_id, number: r.number, status: registerStatus({ moveInState: r.state, hasNotice: !!r.notice_date }),
    handoverDate: r.handover_date, reason: r.state === 'not_handed_over' ? r.reason : null, nextStep: r.state === 'open' ? r.next_step : null,
  }));
  const counts = { total: out.length, handed_over: 0, not_handed_over: 0, in_progress: 0, waiting: 0, no_notice: 0 };
  for (const r of out) counts[r.status]++;
  return { scope: batch ? { kind: 'batch', id: batch.id, name: batch.name } : { kind: 'building', id: building!.id, name: building!.name }, counts, rows: out };
}

// ---------------------------------------------------------------- notices

const noticeOut = (n: repo.NoticeDb): NoticeRow => ({
  id: n.id, batchId: n.batch_id, batchName: n.batch_name, unitId: n.unit_id, unitCode: n.unit_code, buildingId: n.building_id, ownerName: n.owner_name,
  phoneMasked: n.phone ? maskPhone(n.phone) : null, noticeDate: n.notice_date, moveInId: n.move_in_id, moveInNumber: n.move_in_number, moveInState: n.move_in_state,
});

export function listNotices(ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.notices'>, upTo?: string): ChannelOutput<'moveIn.notices'> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.batchId) {
    where.push('n.batch_id = ?');
    params.push(input.batchId);
  }
  if (input.waiting) where.push('m.id IS NULL');
  if (upTo) {
    where.push('n.notice_date <= ?');
    params.push(upTo);
  }
  const s = input.search?.trim();
  if (s) {
    const like = `${s.replace(/[%_]/g, '')}%`;
    where.push('(u.code LIKE ? OR n.owner_name LIKE ?)');
    params.push(like, like);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  // The unit is joined for the count only when searched by its code (20,000 notices: 7 ms without it, 15 with).
  const base = `FROM move_in_notices n ${s ? 'JOIN units u ON u.id = n.unit_id ' : ''}LEFT JOIN move_ins m ON m.notice_id = n.id AND m.state != 'voided' ${w}`;
  // All the waiting ones (Today, the notices page): counted from two indexes, not by probing every notice.
  const total = input.waiting && !input.batchId && !s ? repo.waitingCount(ctx.db, upTo) : (q(ctx.db, `SELECT COUNT(*) ${base}`).value<number>(...params) ?? 0);
  const rows = q(ctx.db, `${repo.NOTICE_SELECT} ${w} ORDER BY n.notice_date, u.code_key LIMIT ? OFFSET ?`).all<repo.NoticeDb>(...params, input.limit, input.offset);
  return { rows: rows.map(noticeOut), total, offset: input.offset };
}

/** The committed batches, newest first, with their counts; a batch's notices counted through move_in_notices_batch, their records through move_ins_notice. */
export function listBatches(ctx: ServiceCtx): NoticeBatch[] {
  return q(ctx.db, `
    SELECT b.id, b.name, b.file_name AS fileName, b.committed_at AS importedAt, COUNT(n.id) AS notices,
           COALESCE(SUM(n.id IS NOT NULL AND m.id IS NULL), 0) AS waiting, COALESCE(SUM(m.state = 'handed_over'), 0) AS handedOver
      FROM move_in_batches b LEFT JOIN move_in_notices n ON n.batch_id = b.id LEFT JOIN move_ins m ON m.notice_id = n.id AND m.state != 'voided'
     WHERE b.state = 'committed'
     GROUP BY b.id
     ORDER BY b.committed_at DESC, b.rowid DESC`).all<NoticeBatch>();
}

// ---------------------------------------------------------------- moving in (入住)

function moving(ctx: ServiceCtx, id: string): repo.MovingInDb {
  const r = repo.movingById(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}
const movingRow = (ctx: ServiceCtx, r: repo.MovingInDb): MovingInRow => ({
  id: r.id, number: r.number, state: r.state, unitId: r.unit_id, unitCode: r.unit_code, occupant: r.occupant, personName: r.person_name, date: r.on_date,
  occupancy: r.occupancy, notReceived: r.state === 'notified' ? notReceived(repo.receipts(ctx.db, r.id).map((x) => x.department)) : [], createdAt: r.created_at,
});

export function getMovingIn(ctx: ServiceCtx, id: string): MovingInDetail {
  const r = moving(ctx, id);
  return {
    ...movingRow(ctx, r),
    personId: r.person_id,
    priorState: r.prior_state as OccupancyState | null,
    tenancyLinkId: r.tenancy_link_id,
    tenancyEnded: r.tenancy_end,
    ownerConfirmation: r.owner_answer
      ? { contactName: r.owner_contact ?? '', contactPhoneMasked: maskPhone(r.owner_phone ?? ''), calledAt: r.owner_called_at ?? '', answer: r.owner_answer, note: r.owner_note, recordedBy: r.created_by_name, recordedAt: r.created_at }
      : null,
    pledgeSigned: r.pledge_signed === 1,
    leaseFrom: r.lease_from,
    leaseTo: r.lease_to,
    note: r.note,
    receipts: repo.receipts(ctx.db, id).map((x) => ({ department: x.department, receivedBy: x.received_by, at: x.at, by: x.by_name })),
    voidReason: r.void_reason,
    timeline: timelineOf(ctx, MOVING_KIND, id),
  };
}

export function listMovingIns(ctx: ServiceCtx, input: ChannelParsedInput<'movingIn.list'>): ChannelOutput<'movingIn.list'> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (input.queue === 'notReceived') where.push("mi.state = 'notified'");
  if (input.unitId) {
    where.push('mi.unit_id = ?');
    params.push(input.unitId);
  }
  const s = input.search?.trim();
  if (s) {
    const n = parseRecordNumber(s);
    if (n) {
      where.push('mi.number = ?');
      params.push(n.canonical);
    } else {
      const like = `${s.replace(/[%_]/g, '')}%`;
      where.push('(mi.unit_code LIKE ? OR p.name LIKE ?)');
      params.push(like, like);
    }
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = q(ctx.db, `SELECT COUNT(*) FROM moving_ins mi JOIN people p ON p.id = mi.person_id ${w}`).value<number>(...params) ?? 0;
  const rows = q(ctx.db, `${repo.MOVING_SELECT} ${w} ORDER BY mi.created_at ${input.queue === 'notReceived' ? '' : 'DESC'} LIMIT ? OFFSET ?`).all<repo.MovingInDb>(...params, input.limit, input.offset);
  return { rows: rows.map((r) => movingRow(ctx, r)), total, offset: input.offset };
}

const activeTenancy = (ctx: ServiceCtx, unitId: string, on: string) =>
  q(ctx.db, `SELECT id FROM unit_people WHERE unit_id = ? AND relation = 'tenant' AND voided_at IS NULL AND start_date <= ? AND (end_date IS NULL OR end_date > ?) LIMIT 1`).value<string>(unitId, on, on);

/**
 * The actual moving-in of an owner, or of a tenant (the owner's confirmation "agreed", 租户信息表, the signed
 * 安全责任书, the lease): the unit's state on that date by use and occupant; a tenant's tenancy link (ended
 * later by a tenant move-out slip at the gate); the 入住知会单 issued to security, engineering and the cashier.
 */
export const createMovingIn = atomic(function createMovingIn(ctx: ServiceCtx, input: ChannelParsedInput<'movingIn.create'>): MovingInDetail {
  const unit = unitFacts(ctx, input.unitId);
  if (!unit) throw fieldError('unitId', 'v.notFound');
  notFuture(ctx, 'date', input.date);
  const handed = repo.liveOfUnit(ctx.db, unit.id);
  if (handed?.state === 'handed_over' && handed.handover_date && input.date < handed.handover_date) throw fieldError('date', 'movein.v.beforeHandover');
  if (handed && handed.state !== 'handed_over') throw new AppError('BAD_STATE', 'movein.error.notHandedOver');
  const prior = occupancyStateOn(ctx, unit.id, input.date);
  if (prior === 'not_handed_over') throw new AppError('BAD_STATE', 'movein.error.notHandedOver');
  let personId = input.personId;
  let tenancyLinkId: string | null = null;
  if (input.occupant === 'owner') {
    if (!personId) throw fieldError('personId', 'v.required');
    if (!isOwnerOf(ctx, unit.id, personId, input.date)) throw fieldError('personId', 'movein.v.notOwner');
  } else {
    const gaps = tenantGaps({ ownerAnswer: input.ownerConfirmation?.answer ?? null, pledgeSigned: input.pledgeSigned, leaseFrom: input.leaseFrom, leaseTo: input.leaseTo, date: input.date });
    if (!personId && !input.tenant) gaps.tenant = 'v.required';
    if (personId && !q(ctx.db, 'SELECT 1 FROM people WHERE id = ? AND voided_at IS NULL').value(personId)) gaps.personId = 'v.notFound';
    if (Object.keys(gaps).length) throw fieldErrors(gaps);
    if (activeTenancy(ctx, unit.id, input.date)) throw new AppError('BAD_STATE', 'movein.error.alreadyRented');
  }
  const s = ctx.settings();
  const id = ctx.newId();
  const now = ctx.nowIso();
  const number = nextNumber(ctx, s.movingInPrefix, year(ctx));
  if (input.occupant === 'tenant') {
    if (!personId) {
      personId = insertPerson(ctx, input.tenant!);
      ctx.audit('create', 'person', personId, null, { name: input.tenant!.name, via: number });
    }
    tenancyLinkId = insertLink(ctx, unit.id, personId, 'tenant', input.date);
  }
  const occupancy = occupancyOf(unit.use, input.occupant);
  const c = input.occupant === 'tenant' ? input.ownerConfirmation : null;
  q(ctx.db, `INSERT INTO moving_ins (id, number, state, unit_id, unit_code, occupant, person_id, on_date, occupancy, prior_state, tenancy_link_id, owner_contact, owner_phone,
               owner_called_at, owner_answer, owner_note, pledge_signed, lease_from, lease_to, note, created_by, created_at, updated_at)
             VALUES (?, ?, 'notified', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
    id, number, unit.id, unit.code, input.occupant, personId!, input.date, occupancy, prior, tenancyLinkId, c?.contactName ?? null, c?.contactPhone ?? null,
    c?.calledAt ?? null, c?.answer ?? null, c?.note ?? null, input.occupant === 'tenant' && input.pledgeSigned ? 1 : 0,
    input.occupant === 'tenant' ? input.leaseFrom : null, input.occupant === 'tenant' ? input.leaseTo : null, input.note, uid(ctx), now, now,
  );
  recordOccupancy(ctx, unit.id, occupancy, input.date, MOVING_SOURCE, number);
  ctx.audit('set-occupancy', 'unit', unit.id, { state: prior }, { state: occupancy, date: input.date, movingIn: number });
  if (c) appendEvent(ctx, MOVING_KIND, id, 'owner-confirmation', { contact: c.contactName, calledAt: c.calledAt, answer: c.answer });
  appendEvent(ctx, MOVING_KIND, id, 'create', { unit: unit.code, occupant: input.occupant, date: input.date, occupancy });
  ctx.audit('create', MOVING_KIND, id, null, { number, unit: unit.code, occupant: input.occupant, date: input.date, occupancy, tenancy: tenancyLinkId });
  return getMovingIn(ctx, id);
});

/** 入住知会单: one department's receipt; when all three have it, the notice is done and leaves Today. */
export const movingInReceipt = atomic(function movingInReceipt(ctx: ServiceCtx, input: ChannelParsedInput<'movingIn.receipt'>): MovingInDetail {
  const r = moving(ctx, input.id);
  if (r.state === 'voided') throw new AppError('BAD_STATE', 'movein.why.movingInVoid');
  const have = repo.receipts(ctx.db, r.id).map((x) => x.department);
  if (have.includes(input.department)) throw new AppError('BAD_STATE', 'movein.why.receivedTwice', { params: { department: input.department } });
  q(ctx.db, 'INSERT INTO moving_in_receipts (moving_in_id, department, received_by, by_user, at) VALUES (?, ?, ?, ?, ?)').run(r.id, input.department, input.receivedBy, uid(ctx), ctx.nowIso());
  const left = notReceived([...have, input.department]);
  const to: MovingInState = left.length ? r.state : 'received';
  if (to !== r.state) q(ctx.db, 'UPDATE moving_ins SET state = ?, updated_at = ? WHERE id = ?').run(to, ctx.nowIso(), r.id);
  appendEvent(ctx, MOVING_KIND, r.id, 'receipt', { department: input.department, by: input.receivedBy });
  ctx.audit('receipt', MOVING_KIND, r.id, { state: r.state }, { number: r.number, department: input.department, state: to });
  return getMovingIn(ctx, r.id);
});

/** A moving-in recorded in error: voided with the reason; the unit goes back to its state before on that date, and a tenancy it made is voided. */
export const voidMovingIn = atomic(function voidMovingIn(ctx: ServiceCtx, input: { id: string; reason: string }): MovingInDetail {
  const r = moving(ctx, input.id);
  endRecord(ctx, 'void', input.reason, {
    kind: MOVING_KIND, id: r.id, state: r.state, to: 'voided' as MovingInState, refusal: r.state === 'voided' ? 'movein.why.movingInVoid' : null,
    apply: () => {
      q(ctx.db, "UPDATE moving_ins SET state = 'voided', void_reason = ?, updated_at = ? WHERE id = ?").run(input.reason, ctx.nowIso(), r.id);
      recordOccupancy(ctx, r.unit_id, (r.prior_state as OccupancyState | null) ?? 'vacant', r.on_date, MOVING_SOURCE, r.number);
      if (r.tenancy_link_id) q(ctx.db, 'UPDATE unit_people SET voided_at = ?, void_reason = ?, updated_at = ? WHERE id = ? AND voided_at IS NULL').run(ctx.nowIso(), input.reason, ctx.nowIso(), r.tenancy_link_id);
    },
  });
  return getMovingIn(ctx, r.id);
});
