/**
 * Repairs (procedure 十三): use-cases, each write in one transaction with its timeline step and audit row. The
 * rules are shared/workflows/repairs/rules.ts; the SQL is ./repo.ts. A finished repair feeds the callback queue
 * (procedure 八) through ../callbacks/service.ts; the queue hands a reached answer back to `answerRepair`
 * (registered in electron/workflows/callback-sources.ts).
 */
import { q } from '../../../db/statements';
import { AppError, fieldError } from '../../../shared/kernel/errors';
import { localWallClock } from '../../../shared/kernel/deadlines';
import { maskPhone } from '../../../shared/master/id-number';
import { parseRecordNumber } from '../../../shared/kernel/record-number';
import { normalisePhone } from '../../../shared/kernel/normalise';
import type { CallbackAnswer } from '../../../shared/kernel/callbacks';
import {
  callbackDueDate,
  chargeError,
  chargeTotal,
  completionProblems,
  NEXT,
  overdueForPickup,
  pickupDueAt,
  transitionError,
  type PickupLimits,
  type RepairAction,
  type RepairState,
} from '../../../shared/workflows/repairs/rules';
import type { ChargeInput, RepairDetail, RepairIntake, RepairRow } from '../../../shared/workflows/repairs/schema';
import type { ServiceCtx } from '../../host/context';
import { atomic, siteToday } from '../../kit/atomic';
import { nextNumber } from '../../kit/numbers';
import { appendEvent, timelineOf } from '../../kit/timeline';
import { endRecord } from '../../kit/void';
import * as callbacks from '../callbacks/service';
import * as repo from './repo';

const KIND = 'repair';

const limits = (ctx: ServiceCtx): PickupLimits => {
  const m = ctx.settings().repairPickupMinutes;
  return { urgentMinutes: m.urgent, normalMinutes: m.normal };
};

function repairDb(ctx: ServiceCtx, id: string): repo.RepairDb {
  const r = repo.repairById(ctx.db, id);
  if (!r) throw new AppError('NOT_FOUND');
  return r;
}

function guard(action: RepairAction, state: RepairState) {
  const why = transitionError(action, state);
  if (why) throw new AppError('BAD_STATE', why);
}

const notFuture = (ctx: ServiceCtx, field: string, at: string) => {
  if (Date.parse(at) > ctx.clock.now().getTime() + 60_000) throw fieldError(field, 'v.notInFuture');
};

const year = (ctx: ServiceCtx) => Number(localWallClock(ctx.clock.now()).slice(0, 4));

/** Charge items priced from the price list in settings (the price as it is today is kept on the order). */
function priceCharges(ctx: ServiceCtx, items: readonly ChargeInput[], field: string): repo.ChargeRow[] {
  const list = ctx.settings().repairPriceList;
  return items.map((it, i) => {
    const p = list.find((x) => x.code === it.code);
    if (!p) throw fieldError(`${field}.${i}.code`, 'v.notFound');
    return { line: i + 1, code: p.code, name: p.name, kind: p.kind, unitOfCount: p.unitOfCount, unitPriceFen: p.priceFen, quantity: it.quantity, amountFen: p.priceFen * it.quantity };
  });
}

const toRow = (ctx: ServiceCtx, r: repo.RepairDb): RepairRow => {
  const o = { state: r.state, receivedAt: r.created_at, dispatchedAt: r.dispatched_at, lastChasedAt: r.last_chased_at, urgent: r.urgent === 1 };
  return {
    id: r.id,
    number: r.number,
    state: r.state,
    unitId: r.unit_id,
    placeName: r.place_name,
    category: r.category,
    reporterName: r.reporter_name,
    reporterPhoneMasked: maskPhone(r.reporter_phone),
    urgent: r.urgent === 1,
    paid: r.paid === 1,
    receivedAt: r.created_at,
    pickupDueAt: pickupDueAt(o, limits(ctx)),
    overdueForPickup: overdueForPickup(o, limits(ctx), ctx.nowIso()),
    chaseCount: r.chase_count,
  };
};

export { siteToday };

// ---------- repairs ----------

export const createRepair = atomic(function createRepair(ctx: ServiceCtx, d: RepairIntake): RepairDetail {
  const s = ctx.settings();
  let placeName: string;
  if (d.place.kind === 'unit') {
    const unitCode = q(ctx.db, 'SELECT code FROM units WHERE id = ? AND voided_at IS NULL').value<string>(d.place.unitId);
    if (!unitCode) throw fieldError('place.unitId', 'v.notFound');
    placeName = unitCode;
  } else {
    const code = d.place.areaCode;
    const area = s.publicAreas.find((a) => a.code === code);
    if (!area) throw fieldError('place.areaCode', 'v.notFound');
    placeName = area.name;
  }
  const category = s.repairCategories.find((c) => c.code === d.category);
  if (!category) throw fieldError('category', 'v.notFound');
  if (d.reporterPersonId && !q(ctx.db, 'SELECT 1 FROM people WHERE id = ? AND voided_at IS NULL').value(d.reporterPersonId)) throw fieldError('reporterPersonId', 'v.notFound');
  notFuture(ctx, 'reportedAt', d.reportedAt);
  const charges = priceCharges(ctx, d.charges, 'charges');
  const id = ctx.newId();
  const now = ctx.nowIso();
  ctx.db.transaction(() => {
    const number = nextNumber(ctx, s.repairPrefix, year(ctx));
    repo.insertRepair(ctx.db, {
      id,
      number,
      unitId: d.place.kind === 'unit' ? d.place.unitId : null,
      areaCode: d.place.kind === 'public' ? d.place.areaCode : null,
      placeName,
      category: category.code,
      categoryName: category.name,
      reporterPersonId: d.reporterPersonId,
      reporterName: d.reporterName,
      reporterPhone: d.reporterPhone,
      reportedAt: new Date(d.reportedAt).toISOString(),
      description: d.description,
      appointmentAt: d.appointmentAt ? new Date(d.appointmentAt).toISOString() : null,
      urgent: d.urgent,
      paid: d.paid,
      priceTold: d.priceTold,
      createdBy: ctx.user?.id ?? null,
      now,
    });
    if (charges.length) {
      repo.replaceCharges(ctx.db, id, charges, ctx.newId);
      repo.updateRepair(ctx.db, id, now, { charge_total_fen: chargeTotal(charges) });
    }
    appendEvent(ctx, KIND, id, 'create', { number, urgent: d.urgent, paid: d.paid });
    ctx.audit('create', KIND, id, null, { number, place: placeName, category: category.code, reporter: d.reporterName, phone: maskPhone(d.reporterPhone), urgent: d.urgent, paid: d.paid, chargeTotalFen: chargeTotal(charges) });
  })();
  return getRepair(ctx, id);
});

/** Engineering was told (the name of who took the call, and when); urgent ones stressed. */
export const dispatchRepair = atomic(function dispatchRepair(ctx: ServiceCtx, input: { id: string; notifiedName: string; notifiedAt: string; note: string | null }): RepairDetail {
  const r = repairDb(ctx, input.id);
  guard('dispatch', r.state);
  notFuture(ctx, 'notifiedAt', input.notifiedAt);
  const at = new Date(input.notifiedAt).toISOString();
  ctx.db.transaction(() => {
    // A reopened order is dispatched afresh: its technician signs for it again and its chases count again.
    const fresh: Record<string, null> = r.state === 'reopened' ? { technician_code: null, technician_name: null, technician_trade: null, technician_phone: null, technician_signature: null, picked_up_at: null, last_chased_at: null } : {};
    repo.updateRepair(ctx.db, r.id, ctx.nowIso(), { state: NEXT.dispatch, notified_name: input.notifiedName, dispatched_at: at, ...fresh });
    appendEvent(ctx, KIND, r.id, 'dispatch', { notifiedName: input.notifiedName, at, note: input.note, urgent: r.urgent === 1 });
    ctx.audit('dispatch', KIND, r.id, { state: r.state }, { state: NEXT.dispatch, notifiedName: input.notifiedName, at });
  })();
  return getRepair(ctx, r.id);
});

/** The technician signs for the work order (《维修服务单》). */
export const pickUpRepair = atomic(function pickUpRepair(ctx: ServiceCtx, input: { id: string; technician: string; signature: string | null; signedAt: string }): RepairDetail {
  const r = repairDb(ctx, input.id);
  guard('pickUp', r.state);
  const t = ctx.settings().technicians.find((x) => x.code === input.technician);
  if (!t) throw fieldError('technician', 'v.notFound');
  notFuture(ctx, 'signedAt', input.signedAt);
  const at = new Date(input.signedAt).toISOString();
  if (r.dispatched_at && at < r.dispatched_at) throw fieldError('signedAt', 'repair.v.signedBeforeDispatch');
  ctx.db.transaction(() => {
    repo.updateRepair(ctx.db, r.id, ctx.nowIso(), {
      state: NEXT.pickUp, technician_code: t.code, technician_name: t.name, technician_trade: t.trade, technician_phone: t.phone, technician_signature: input.signature, picked_up_at: at,
    });
    appendEvent(ctx, KIND, r.id, 'pick-up', { technician: t.name, trade: t.trade, at });
    ctx.audit('pick-up', KIND, r.id, { state: r.state }, { state: NEXT.pickUp, technician: t.name, at });
  })();
  return getRepair(ctx, r.id);
});

/** The desk chased engineering again (客户助理则再次通知催促); the count is kept. */
export const chaseRepair = atomic(function chaseRepair(ctx: ServiceCtx, input: { id: string; notifiedName: string; note: string | null }): RepairDetail {
  const r = repairDb(ctx, input.id);
  guard('chase', r.state);
  const count = r.chase_count + 1;
  ctx.db.transaction(() => {
    repo.updateRepair(ctx.db, r.id, ctx.nowIso(), { chase_count: count, last_chased_at: ctx.nowIso() });
    appendEvent(ctx, KIND, r.id, 'chase', { count, notifiedName: input.notifiedName, note: input.note });
    ctx.audit('chase', KIND, r.id, { chaseCount: r.chase_count }, { chaseCount: count, notifiedName: input.notifiedName });
  })();
  return getRepair(ctx, r.id);
});

export const completeRepair = atomic(function completeRepair(
  ctx: ServiceCtx,
  input: { id: string; workDone: string; materials: string | null; charges: ChargeInput[]; requesterSign: 'screen' | 'paper'; requesterSignature: string | null; finishedAt: string; leakTestDate: string | null },
): RepairDetail {
  const r = repairDb(ctx, input.id);
  guard('complete', r.state);
  const category = ctx.settings().repairCategories.find((c) => c.code === r.category);
  // A category removed from settings since intake: its callback falls back to the common 2 days.
  const rule = category ?? { callbackDays: 2, callbackFrom: 'finished' as const };
  // The charges of a paid order are the ones given now, or those priced at intake.
  const given = input.charges.length ? priceCharges(ctx, input.charges, 'charges') : null;
  if (!r.paid && given) throw fieldError('charges', 'repair.v.freeHasCharges');
  const charges = given ?? repo.chargesOf(ctx.db, r.id);
  const finishedAt = new Date(input.finishedAt).toISOString();
  const problems = completionProblems(
    { paid: r.paid === 1, chargeCount: charges.length, needsLeakTest: rule.callbackFrom === 'leakTest', leakTestDate: input.leakTestDate, finishedAt, finishedDate: localWallClock(finishedAt).slice(0, 10) },
    r.picked_up_at,
    ctx.nowIso(),
  );
  if (Object.keys(problems).length) throw new AppError('VALIDATION', 'error.VALIDATION', { fieldErrors: Object.fromEntries(Object.entries(problems).map(([f, m]) => [f, { message: m }])) });
  const dueDate = callbackDueDate(rule, finishedAt, input.leakTestDate);
  const now = ctx.nowIso();
  ctx.db.transaction(() => {
    if (given) repo.replaceCharges(ctx.db, r.id, given, ctx.newId);
    repo.updateRepair(ctx.db, r.id, now, {
      state: NEXT.complete,
      work_done: input.workDone,
      materials: input.materials,
      requester_sign: input.requesterSign,
      requester_signature: input.requesterSign === 'screen' ? input.requesterSignature : null,
      finished_at: finishedAt,
      leak_test_date: input.leakTestDate,
      charge_total_fen: chargeTotal(charges),
    });
    ctx.audit('complete', KIND, r.id, { state: r.state }, { state: NEXT.complete, finishedAt, chargeTotalFen: chargeTotal(charges), leakTestDate: input.leakTestDate });
    // The finished work joins the callback queue, due by the category's rule (the source decides the due date).
    const callback = callbacks.createCallback(ctx, {
      sourceKind: KIND, sourceId: r.id, sourceNumber: r.number, dueDate, placeName: r.place_name, contactName: r.reporter_name, contactPhone: r.reporter_phone,
    });
    appendEvent(ctx, KIND, r.id, 'complete', { finishedAt, chargeTotalFen: chargeTotal(charges), callback: callback.number, dueDate });
  })();
  return getRepair(ctx, r.id);
});

const settleCharge = atomic(function settleCharge(ctx: ServiceCtx, id: string, to: 'collected' | 'waived', noteText: string | null): RepairDetail {
  const r = repairDb(ctx, id);
  const why = chargeError({ paid: r.paid === 1, state: r.state, chargeState: r.charge_state });
  if (why) throw new AppError('BAD_STATE', why);
  ctx.db.transaction(() => {
    repo.updateRepair(ctx.db, r.id, ctx.nowIso(), { charge_state: to, charge_note: noteText, charge_by: ctx.user?.id ?? null, charge_at: ctx.nowIso() });
    appendEvent(ctx, KIND, r.id, to === 'collected' ? 'collect' : 'waive', { amountFen: r.charge_total_fen, note: noteText });
    ctx.audit(to === 'collected' ? 'collect' : 'waive', KIND, r.id, { chargeState: r.charge_state }, { chargeState: to, amountFen: r.charge_total_fen, note: noteText });
  })();
  return getRepair(ctx, r.id);
});
export const collectCharge = (ctx: ServiceCtx, input: { id: string; receipt: string | null }) => settleCharge(ctx, input.id, 'collected', input.receipt);
export const waiveCharge = (ctx: ServiceCtx, input: { id: string; reason: string }) => settleCharge(ctx, input.id, 'waived', input.reason);

export const voidRepair = atomic(function voidRepair(ctx: ServiceCtx, input: { id: string; reason: string }): RepairDetail {
  const r = repairDb(ctx, input.id);
  endRecord(ctx, 'void', input.reason, {
    kind: KIND,
    id: r.id,
    state: r.state,
    to: 'voided' as RepairState,
    refusal: transitionError('void', r.state),
    apply: () => {
      repo.updateRepair(ctx.db, r.id, ctx.nowIso(), { state: 'voided', end_reason: input.reason, charge_state: r.charge_state === 'pending' ? 'none' : r.charge_state });
      // Only open orders can be voided; a reopened one may still have a callback that reopened it — nothing open.
      callbacks.cancelCallbacksOf(ctx, KIND, r.id);
    },
  });
  return getRepair(ctx, r.id);
});

export function getRepair(ctx: ServiceCtx, id: string): RepairDetail {
  const r = repairDb(ctx, id);
  const charges = repo.chargesOf(ctx.db, id);
  return {
    ...toRow(ctx, r),
    areaCode: r.area_code,
    reporterPersonId: r.reporter_person_id,
    reportedAt: r.reported_at,
    receiverName: r.receiver_name,
    description: r.description,
    appointmentAt: r.appointment_at,
    priceTold: r.price_told === 1,
    charges,
    chargeTotalFen: r.charge_total_fen,
    chargeState: r.charge_state,
    chargeNote: r.charge_note,
    dispatchedAt: r.dispatched_at,
    notifiedName: r.notified_name,
    lastChasedAt: r.last_chased_at,
    technician: r.technician_code ? { code: r.technician_code, name: r.technician_name ?? '', trade: r.technician_trade ?? '', phone: r.technician_phone } : null,
    pickedUpAt: r.picked_up_at,
    workDone: r.work_done,
    materials: r.materials,
    requesterSign: r.requester_sign,
    finishedAt: r.finished_at,
    leakTestDate: r.leak_test_date,
    reopenCount: r.reopen_count,
    endReason: r.end_reason,
    callbacks: callbacks.callbacksOf(ctx, KIND, id),
    timeline: timelineOf(ctx, KIND, id),
  };
}

/** The list, or a search: a record number, a phone (or its last 4 digits), or a unit code. */
export function listRepairs(ctx: ServiceCtx, f: { offset: number; limit: number; state?: RepairState; q?: string; unitId?: string; queue?: repo.RepairFilter['queue'] }) {
  const filter: repo.RepairFilter = { offset: f.offset, limit: f.limit, state: f.state, unitId: f.unitId, queue: f.queue };
  if (f.queue === 'overdue') {
    const now = ctx.clock.now().getTime();
    const l = limits(ctx);
    filter.overdueBefore = { urgent: new Date(now - l.urgentMinutes * 60_000).toISOString(), normal: new Date(now - l.normalMinutes * 60_000).toISOString() };
  }
  const text = f.q?.trim();
  if (text) {
    const n = parseRecordNumber(text);
    const digits = normalisePhone(text).replace(/[\s-]/g, '');
    // A unit code is digits once its dashes go (1-101 looks like a phone's last 4, 221-1-1901 like a phone):
    // the unit when one has that code, else the digits are a phone or its tail.
    const isUnit = () => !!q(ctx.db, 'SELECT 1 FROM units WHERE code = ? AND voided_at IS NULL').value(text);
    if (n) filter.number = n.canonical;
    else if (/^\d{4}$/.test(digits) && !isUnit()) filter.last4 = digits;
    else if (/^\d{7,}$/.test(digits) && !isUnit()) filter.phone = digits;
    else filter.unitCode = text;
  }
  const { rows, total } = repo.listRepairs(ctx.db, filter);
  return { rows: rows.map((r) => toRow(ctx, r)), total, offset: f.offset };
}

/** Today: orders not picked up in time (the clerk chases them). */
export function overduePickups(ctx: ServiceCtx, limit: number): RepairRow[] {
  return repo.notPickedUp(ctx.db, 1000).map((r) => toRow(ctx, r)).filter((r) => r.overdueForPickup).slice(0, limit);
}

/**
 * End of day (procedure 十三: the early shift checks the day's orders before 17:00, a setting): every order
 * received before that time and not returned or not finished, older days' included, for the supervisor.
 * Site time is Beijing time (UTC+8, no DST; see shared/kernel/deadlines.ts).
 */
export const endOfDayCutoff = (ctx: ServiceCtx, date: string): string => new Date(`${date}T${ctx.settings().repairEndOfDay}:00+08:00`).toISOString();

export function endOfDay(ctx: ServiceCtx, input: { date: string }): { cutoff: string; rows: RepairRow[] } {
  const { cutoff, orders } = endOfDayOrders(ctx, input.date);
  return { cutoff, rows: orders.map((r) => toRow(ctx, r)) };
}

/** The end-of-day orders as stored (the printed list also shows each one's category name and technician). */
export function endOfDayOrders(ctx: ServiceCtx, date: string): { cutoff: string; orders: repo.RepairDb[] } {
  const cutoff = endOfDayCutoff(ctx, date);
  return { cutoff, orders: repo.openBefore(ctx.db, cutoff) };
}

export const repairRows = (ctx: ServiceCtx, rows: readonly repo.RepairDb[]): RepairRow[] => rows.map((r) => toRow(ctx, r));

// ---------- the work order (《维修服务单》) and open by number ----------

/** The order with this number (any prefix: orders numbered before a change of `repairPrefix` are found too). */
export const repairByNumber = (ctx: ServiceCtx, number: string) => q(ctx.db, 'SELECT id, number, unit_id, place_name, state FROM repairs WHERE number = ?')
  .get<{ id: string; number: string; unit_id: string | null; place_name: string; state: RepairState }>(number);

/** What the work order prints: the order, its category's name at intake, the reporter's full phone (the desk part keeps it) and the signatures captured on screen. */
export function repairForPrint(ctx: ServiceCtx, id: string) {
  const r = repairDb(ctx, id);
  return { repair: getRepair(ctx, id), categoryName: r.category_name, reporterPhone: r.reporter_phone, signatures: { technician: r.technician_signature, requester: r.requester_signature } };
}

/** Prints made of the work order so far (the next one is a copy when there was one). */
export const repairPrintCount = (ctx: ServiceCtx, id: string): number =>
  q(ctx.db, "SELECT count(*) FROM record_events WHERE kind = ? AND record_id = ? AND action IN ('print', 'reprint')").value<number>(KIND, id) ?? 0;

/** Counts a print of the work order on its timeline; every print after the first is a copy (副本) and is logged. */
export const markRepairPrinted = atomic(function markRepairPrinted(ctx: ServiceCtx, id: string): { copy: boolean; count: number } {
  const r = repairDb(ctx, id);
  const count = repairPrintCount(ctx, id) + 1;
  appendEvent(ctx, KIND, id, count > 1 ? 'reprint' : 'print', { count });
  ctx.audit(count > 1 ? 'reprint' : 'print', KIND, id, null, { number: r.number, count });
  return { copy: count > 1, count };
});

// ---------- the callback queue's answer ----------

/**
 * A reached callback's answer (the repairs' CallbackSource, in the attempt's transaction): a completed order
 * closes, or — not fixed, or unsatisfied — is reopened back to dispatch, linked; its next completion creates a
 * new callback. An order in any other state (voided, or reopened by an earlier answer) is left as it is.
 */
export function answerRepair(ctx: ServiceCtx, id: string, outcome: CallbackAnswer, callback: { number: string; fixed: boolean | null; satisfaction: string | null }): void {
  const source = repo.repairById(ctx.db, id);
  if (!source || source.state !== 'completed') return;
  const to = outcome === 'reopened' ? NEXT.reopen : NEXT.close;
  repo.updateRepair(ctx.db, source.id, ctx.nowIso(), to === 'reopened' ? { state: to, reopen_count: source.reopen_count + 1 } : { state: to });
  appendEvent(ctx, KIND, source.id, outcome === 'reopened' ? 'reopen' : 'close', { callback: callback.number, fixed: callback.fixed, satisfaction: callback.satisfaction });
  ctx.audit(outcome === 'reopened' ? 'reopen' : 'close', KIND, source.id, { state: source.state }, { state: to, callback: callback.number });
}
