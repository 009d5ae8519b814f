/**
 * Decoration permits (装修管理, procedure 二): use-cases, each write one transaction with its timeline step and
 * audit row. The rules are shared/workflows/decoration/rules.ts; the SQL is ./repo.ts. The deposit is a ledger
 * (deposit_ledger): every movement is an entry appended here through `post`, checked by `entryError` and by the
 * table's own triggers; the balance is never typed.
 */
import { q } from '../../../db/statements';
import { AppError, fieldError } from '../../../shared/kernel/errors';
import { addCalendarDays, dueDate, localWallClock } from '../../../shared/kernel/deadlines';
import { can } from '../../../shared/kernel/permissions';
import { parseRecordNumber } from '../../../shared/kernel/record-number';
import { maskIdNumber, maskPhone } from '../../../shared/master/id-number';
import type { ChannelParsedInput, ChannelOutput } from '../../../shared/contract';
import type { OccupancyState } from '../../../shared/master/enums';
import {
  balanceOf,
  entryError,
  feeLines,
  feesTotal,
  missingItems,
  passAnswer,
  refundDueDate,
  requiredCommitments,
  requiredDocuments,
  transitionError,
  type DecorationAction,
  type DecorationState,
  type FeeLine,
  type LedgerKind,
} from '../../../shared/workflows/decoration/rules';
import type { DecorationDetail, DecorationRow, LedgerView, PassCheck } from '../../../shared/workflows/decoration/schema';
import type { ServiceCtx } from '../../host/context';
import { atomic, siteToday } from '../../kit/atomic';
import { dayBefore } from '../../../shared/kernel/months';
import { nextNumber } from '../../kit/numbers';
import { appendEvent, timelineOf } from '../../kit/timeline';
import { endRecord } from '../../kit/void';
import { occupancyStateOn, recordOccupancy } from '../master/service';
import * as repo from './repo';

export const KIND = 'decoration';
export const PASS_KIND = 'pass';

export { siteToday };
const year = (ctx: ServiceCtx) => Number(siteToday(ctx).slice(0, 4));
const uid = (ctx: ServiceCtx) => ctx.user?.id ?? null;

function dec(ctx: ServiceCtx, id: string): repo.DecorationDb {
  const d = repo.byId(ctx.db, id);
  if (!d) throw new AppError('NOT_FOUND');
  return d;
}
function guard(action: DecorationAction, state: DecorationState) {
  const why = transitionError(action, state);
  if (why) throw new AppError('BAD_STATE', why);
}
const step = (ctx: ServiceCtx, d: repo.DecorationDb, action: string, detail?: Record<string, unknown>) => {
  appendEvent(ctx, KIND, d.id, action, detail);
  ctx.audit(action, KIND, d.id, { state: d.state }, { number: d.number, ...detail });
};
const notFuture = (ctx: ServiceCtx, field: string, date: string) => {
  if (date > siteToday(ctx)) throw fieldError(field, 'v.notInFuture');
};
const appl = (d: repo.DecorationDb) => ({ use: d.unit_use, selfDecoration: d.self_decoration === 1, applicant: d.applicant_kind });

// ---------------------------------------------------------------- the ledger

/** Appends one entry to a permit's deposit ledger, after the rules and before the triggers check it. */
function post(ctx: ServiceCtx, d: repo.DecorationDb, kind: LedgerKind, amountFen: number, o: { receipt?: string | null; note?: string | null; refId?: string | null } = {}): void {
  const rows = repo.ledger(ctx.db, d.id);
  const entries = rows.map((e) => ({ kind: e.kind, amountFen: e.amount_fen }));
  const why = entryError(entries, { kind, amountFen });
  if (why) throw new AppError('BAD_STATE', why);
  const next = [...entries, { kind, amountFen }];
  const paidAt = rows[0]?.at ?? ctx.nowIso();
  repo.appendLedger(ctx.db, {
    id: ctx.newId(), decoration_id: d.id, seq: entries.length + 1, kind, amount_fen: amountFen, balance_fen: balanceOf(next),
    receipt: o.receipt ?? null, note: o.note ?? null, ref_id: o.refId ?? null, by_user: uid(ctx), at: ctx.nowIso(),
  }, paidAt);
}

// ---------------------------------------------------------------- reading

export function toRow(r: repo.RowDb): DecorationRow {
  return {
    id: r.id, number: r.number, state: r.state, unitId: r.unit_id, unitCode: r.unit_code, use: r.unit_use, applicantName: r.applicant_name,
    contractor: r.self_decoration ? null : r.contractor_company, workFrom: r.work_from, workTo: r.work_to, approvalDue: r.approval_due,
    refundDue: r.refund_due, depositHeldFen: r.held_fen, lastPatrol: r.last_patrol_date, createdAt: r.created_at,
  };
}
const rowOf = (ctx: ServiceCtx, id: string): DecorationRow => toRow(q(ctx.db, `${repo.ROW_SELECT} WHERE d.id = ?`).get<repo.RowDb>(id)!);

const userName = (ctx: ServiceCtx, id: string | null) => (id ? (q(ctx.db, 'SELECT display_name FROM users WHERE id = ?').value<string>(id) ?? null) : null);

export function getDecoration(ctx: ServiceCtx, id: string): DecorationDetail {
  const d = dec(ctx, id);
  const unit = q(ctx.db, 'SELECT u.area_m2 AS area, b.name AS building FROM units u JOIN buildings b ON b.id = u.building_id WHERE u.id = ?').get<{ area: number | null; building: string }>(d.unit_id)!;
  const items = repo.items(ctx.db, id);
  const got = new Map(items.map((i) => [`${i.kind}:${i.code}`, i]));
  const req = [...requiredDocuments(appl(d)).map((code) => ({ kind: 'document' as const, code })), ...requiredCommitments(appl(d)).map((code) => ({ kind: 'commitment' as const, code }))];
  const checklist = [
    ...req.map((r) => ({ ...r, required: true })),
    ...items.filter((i) => !req.some((r) => r.kind === i.kind && r.code === i.code)).map((i) => ({ kind: i.kind, code: i.code, required: false })),
  ].map((c) => {
    const i = got.get(`${c.kind}:${c.code}`);
    return { ...c, done: !!i, date: i?.on_date ?? null, by: i?.by_name ?? null };
  });
  const ledger = repo.ledger(ctx.db, id);
  const violations = repo.violations(ctx.db, id);
  const fees: FeeLine[] = d.fees ? (JSON.parse(d.fees) as FeeLine[]) : previewFees(ctx, d);
  const deposit = ledger.find((e) => e.kind === 'payment')?.amount_fen ?? 0;
  const penalties = ledger.filter((e) => e.kind === 'penalty').reduce((a, e) => a + e.amount_fen, 0);
  const balance = ledger.length ? ledger[ledger.length - 1].balance_fen : 0;
  const refundEntry = ledger.find((e) => e.kind === 'refund');
  const signed = d.refund_signed ? (JSON.parse(d.refund_signed) as { owner: boolean; contractor: boolean; manager: boolean }) : { owner: false, contractor: false, manager: false };
  return {
    ...rowOf(ctx, id),
    unitArea: unit.area,
    buildingName: unit.building,
    applicant: { kind: d.applicant_kind, personId: d.applicant_person_id, name: d.applicant_name, phoneMasked: maskPhone(d.applicant_phone) },
    contractorDetail: {
      self: d.self_decoration === 1, company: d.contractor_company, managerName: d.contractor_manager,
      // The manager's phone is printed on the permit for the workers' emergencies: it is the site's contact, not masked.
      managerPhone: d.contractor_phone, managerIdMasked: d.contractor_id_number ? maskIdNumber(d.contractor_id_number) : null,
    },
    workers: d.workers,
    description: d.description,
    govFlags: JSON.parse(d.gov_flags) as DecorationDetail['govFlags'],
    govToldAt: d.gov_told_at,
    govToldBy: userName(ctx, d.gov_told_by),
    checklist,
    missing: missingItems(appl(d), items),
    fees,
    feesTotalFen: feesTotal(fees),
    feesPaid: d.fees_paid_at ? { receipt: d.fees_receipt ?? '', at: d.fees_paid_at, by: userName(ctx, d.fees_paid_by) } : null,
    submittedAt: d.submitted_at,
    approvalDueEstimated: d.approval_due_estimated === 1,
    decidedAt: d.decided_at,
    decidedBy: userName(ctx, d.decided_by),
    rejectReason: d.reject_reason,
    protection: d.protection_at ? { by: d.protection_by ?? '', note: d.protection_note, at: d.protection_at } : null,
    permitIssuedAt: d.permit_issued_at,
    priorState: d.prior_state,
    passes: repo.passes(ctx.db, id).map((p) => ({
      id: p.id, number: p.number, name: p.name, idNumberMasked: maskIdNumber(p.id_number), phoneMasked: maskPhone(p.phone), validFrom: p.valid_from, validTo: p.valid_to,
      revokedAt: p.revoked_at, revokeReason: p.revoke_reason, printed: p.printed === 1,
    })),
    patrols: repo.patrols(ctx.db, id).map((p) => ({ id: p.id, date: p.on_date, department: p.department, by: p.by_name, findings: p.findings, at: p.at })),
    violations: violations.map((v) => ({
      id: v.id, date: v.on_date, severity: v.severity, description: v.description, hotWork: v.hot_work === 1, hotWorkUnapproved: v.hot_work_unapproved === 1,
      warnedWho: v.warned_who, ownerCalledAt: v.owner_called_at, ownerCallNote: v.owner_call_note, contractorCalledAt: v.contractor_called_at, signedAt: v.signed_at,
      penaltyFen: v.penalty_fen, penaltyDeductedFen: v.penalty_deducted_fen, penaltyBy: v.penalty_by_name ?? null, penaltyAt: v.penalty_at, rectifiedAt: v.rectified_at, rectifiedNote: v.rectified_note,
    })),
    hotWorks: repo.hotWorks(ctx.db, id).map((h) => ({ id: h.id, from: h.from_at, to: h.to_at, location: h.location, fireWatch: h.fire_watch, approvedBy: h.approved_by, at: h.at })),
    inspectionRequestedAt: d.inspection_requested_at,
    fireReceipt: d.fire_receipt,
    inspections: repo.inspections(ctx.db, id).map((i) => ({ seq: i.seq, at: i.at, engineeringBy: i.engineering_by, securityBy: i.security_by, passed: i.passed === 1 })),
    problems: repo.problems(ctx.db, id).map((p) => ({ id: p.id, inspection: p.inspection, description: p.description, closedAt: p.closed_at, closedNote: p.closed_note })),
    passedOn: d.passed_on,
    ledger: ledger.map((e) => ({ id: e.id, seq: e.seq, kind: e.kind, amountFen: e.amount_fen, balanceFen: e.balance_fen, receipt: e.receipt, note: e.note, at: e.at, by: e.by_name })),
    refund: ledger.length
      ? {
          requestedBy: d.refund_requested_by,
          ownerConsent: d.refund_owner_consent === 1,
          checks: d.refund_checks ? (JSON.parse(d.refund_checks) as Record<string, { ok: boolean; note: string | null }>) : null,
          utilitiesFen: d.refund_utilities_fen,
          preparedAt: d.refund_prepared_at,
          preparedBy: userName(ctx, d.refund_prepared_by),
          signed,
          depositFen: deposit,
          penaltiesFen: penalties,
          // Before the payout: what the ledger would pay now (its balance); after it, what it paid.
          refundFen: refundEntry ? refundEntry.amount_fen : balance,
          paidOut: d.refunded_at ? { receipt: d.refund_receipt ?? '', at: d.refunded_at, by: userName(ctx, d.refunded_by) } : null,
        }
      : null,
    voidReason: d.void_reason,
    timeline: timelineOf(ctx, KIND, id),
  };
}

function previewFees(ctx: ServiceCtx, d: repo.DecorationDb): FeeLine[] {
  const flags = JSON.parse(d.gov_flags) as string[];
  return feeLines(d.unit_use, ctx.settings().decorationFees[d.unit_use], { workers: d.workers, fireChange: flags.includes('fire') });
}

export function listDecorations(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.list'>): ChannelOutput<'decoration.list'> {
  const where: string[] = [];
  const params: unknown[] = [];
  const today = siteToday(ctx);
  if (input.state) {
    where.push('d.state = ?');
    params.push(input.state);
  }
  if (input.unitId) {
    where.push('d.unit_id = ?');
    params.push(input.unitId);
  }
  switch (input.queue) {
    case 'open':
      where.push("d.state IN ('draft', 'submitted', 'approved', 'under_way', 'inspection')");
      break;
    case 'awaitingApproval':
      where.push("d.state = 'submitted'");
      break;
    case 'underWay':
      where.push("d.state IN ('under_way', 'inspection')");
      break;
    case 'noPatrolToday':
      where.push("d.state IN ('under_way', 'inspection') AND (d.last_patrol_date IS NULL OR d.last_patrol_date < ?)");
      params.push(today);
      break;
    case 'refundDue':
      where.push("d.state IN ('completed', 'rejected') AND d.refund_due <= ?");
      params.push(addCalendarDays(today, ctx.settings().decorationRefundAheadDays));
      break;
    case 'refundOverdue':
      where.push("d.state IN ('completed', 'rejected') AND d.refund_due < ?");
      params.push(today);
      break;
  }
  const s = input.search?.trim();
  if (s) {
    const n = parseRecordNumber(s);
    if (n) {
      where.push('d.number = ?');
      params.push(n.canonical);
    } else {
      where.push('(d.unit_code LIKE ? OR d.contractor_company LIKE ? OR d.applicant_name LIKE ?)');
      const like = `${s.replace(/[%_]/g, '')}%`;
      params.push(like, `%${like}`, like);
    }
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = q(ctx.db, `SELECT COUNT(*) FROM decorations d ${w}`).value<number>(...params) ?? 0;
  const order = input.queue === 'awaitingApproval' ? 'd.approval_due, d.created_at' : input.queue?.startsWith('refund') ? 'd.refund_due, d.created_at' : 'd.created_at DESC';
  const rows = q(ctx.db, `${repo.ROW_SELECT} ${w} ORDER BY ${order} LIMIT ? OFFSET ?`).all<repo.RowDb>(...params, input.limit, input.offset);
  return { rows: rows.map(toRow), total, offset: input.offset };
}

export function decorationByNumber(ctx: ServiceCtx, number: string) {
  return repo.byNumber(ctx.db, number) ?? null;
}

// ---------------------------------------------------------------- the application

function checkApplicant(ctx: ServiceCtx, personId: string | null) {
  if (personId && !q(ctx.db, 'SELECT 1 FROM people WHERE id = ? AND voided_at IS NULL').value(personId)) throw fieldError('applicant.personId', 'v.notFound');
}
const contractorCols = (c: ChannelParsedInput<'decoration.create'>['contractor']) => ({
  self_decoration: c.self ? 1 : 0,
  contractor_company: c.self ? null : c.company,
  contractor_manager: c.self ? null : c.managerName,
  contractor_phone: c.self ? null : c.managerPhone,
  contractor_id_number: c.self ? null : c.managerIdNumber,
}) as const;

export const createDecoration = atomic(function createDecoration(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.create'>): DecorationDetail {
  const unit = q(ctx.db, 'SELECT id, code, use FROM units WHERE id = ? AND voided_at IS NULL').get<{ id: string; code: string; use: repo.DecorationDb['unit_use'] }>(input.unitId);
  if (!unit) throw fieldError('unitId', 'v.notFound');
  const open = q(ctx.db, `SELECT number FROM decorations WHERE unit_id = ? AND state IN ('draft', 'submitted', 'approved', 'under_way', 'inspection')`).value<string>(unit.id);
  if (open) throw fieldError('unitId', 'decoration.v.openPermit', { number: open });
  checkApplicant(ctx, input.applicant.personId);
  const id = ctx.newId();
  const now = ctx.nowIso();
  const number = nextNumber(ctx, ctx.settings().decorationPrefix, year(ctx));
  repo.insert(ctx.db, {
    id, number, state: 'draft', unit_id: unit.id, unit_code: unit.code, unit_use: unit.use,
    applicant_kind: input.applicant.kind, applicant_person_id: input.applicant.personId, applicant_name: input.applicant.name, applicant_phone: input.applicant.phone,
    ...contractorCols(input.contractor),
    work_from: input.workFrom, work_to: input.workTo, workers: input.workers, description: input.description, gov_flags: JSON.stringify([...new Set(input.govFlags)]),
    created_by: uid(ctx), created_at: now, updated_at: now,
  });
  const d = dec(ctx, id);
  step(ctx, d, 'create', { unit: unit.code, applicant: input.applicant.kind, self: input.contractor.self });
  return getDecoration(ctx, id);
});

export const updateDecoration = atomic(function updateDecoration(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.update'>): DecorationDetail {
  const d = dec(ctx, input.id);
  guard('edit', d.state);
  // The fees were computed and taken from these details: after payment they stand.
  if (d.fees_paid_at) throw new AppError('BAD_STATE', 'decoration.why.editPaid');
  checkApplicant(ctx, input.applicant.personId);
  repo.update(ctx.db, d.id, ctx.nowIso(), {
    applicant_kind: input.applicant.kind, applicant_person_id: input.applicant.personId, applicant_name: input.applicant.name, applicant_phone: input.applicant.phone,
    ...contractorCols(input.contractor),
    work_from: input.workFrom, work_to: input.workTo, workers: input.workers, description: input.description, gov_flags: JSON.stringify([...new Set(input.govFlags)]),
    // Told about the approvals the work needed before; a new flag needs telling again.
    gov_told_at: sameFlags(d.gov_flags, input.govFlags) ? d.gov_told_at : null,
    gov_told_by: sameFlags(d.gov_flags, input.govFlags) ? d.gov_told_by : null,
  });
  step(ctx, d, 'update');
  return getDecoration(ctx, d.id);
});
const sameFlags = (stored: string, next: readonly string[]) => {
  const a = new Set(JSON.parse(stored) as string[]);
  return a.size === new Set(next).size && next.every((f) => a.has(f));
};

export const checkItem = atomic(function checkItem(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.check'>): DecorationDetail {
  const d = dec(ctx, input.id);
  guard('edit', d.state);
  const known = input.kind === 'document' ? requiredDocuments(appl(d)) : requiredCommitments(appl(d));
  if (!known.includes(input.code)) throw fieldError('code', 'v.notFound');
  const date = input.date ?? siteToday(ctx);
  notFuture(ctx, 'date', date);
  repo.setItem(ctx.db, d.id, input.kind, input.code, input.done, date, uid(ctx), ctx.nowIso());
  appendEvent(ctx, KIND, d.id, input.done ? 'item-received' : 'item-removed', { kind: input.kind, code: input.code, date });
  return getDecoration(ctx, d.id);
});

export const tellGov = atomic(function tellGov(ctx: ServiceCtx, input: { id: string }): DecorationDetail {
  const d = dec(ctx, input.id);
  guard('edit', d.state);
  const flags = JSON.parse(d.gov_flags) as string[];
  if (!flags.length) throw new AppError('BAD_STATE', 'decoration.why.noGovFlags');
  repo.update(ctx.db, d.id, ctx.nowIso(), { gov_told_at: ctx.nowIso(), gov_told_by: uid(ctx) });
  step(ctx, d, 'gov-told', { flags });
  return getDecoration(ctx, d.id);
});

/** The cashier takes the fees of the published schedule (as it is now) with a receipt; the deposit opens the ledger. */
export const payFees = atomic(function payFees(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.pay'>): DecorationDetail {
  const d = dec(ctx, input.id);
  guard('pay', d.state);
  if (d.fees_paid_at) throw new AppError('BAD_STATE', 'decoration.why.paidTwice');
  const lines = previewFees(ctx, d);
  const total = feesTotal(lines);
  repo.update(ctx.db, d.id, ctx.nowIso(), { fees: JSON.stringify(lines), fees_total_fen: total, fees_receipt: input.receipt, fees_paid_at: ctx.nowIso(), fees_paid_by: uid(ctx) });
  const deposit = lines.find((l) => l.code === 'deposit')?.amountFen ?? 0;
  if (deposit > 0) post(ctx, d, 'payment', deposit, { receipt: input.receipt, note: null });
  step(ctx, d, 'pay', { receipt: input.receipt, totalFen: total, depositFen: deposit });
  return getDecoration(ctx, d.id);
});

/** A complete application goes to the project manager: every required item in, fees paid, the owner told of any government approval. */
export const submitDecoration = atomic(function submitDecoration(ctx: ServiceCtx, input: { id: string }): DecorationDetail {
  const d = dec(ctx, input.id);
  guard('submit', d.state);
  const missing = missingItems(appl(d), repo.items(ctx.db, d.id));
  if (missing.length) throw new AppError('BAD_STATE', 'decoration.error.missing', { params: { count: missing.length } });
  if (!d.fees_paid_at) throw new AppError('BAD_STATE', 'decoration.error.unpaid');
  if ((JSON.parse(d.gov_flags) as string[]).length && !d.gov_told_at) throw new AppError('BAD_STATE', 'decoration.error.govNotTold');
  const due = dueDate(ctx.settings().decorationApproval, localWallClock(ctx.clock.now()), ctx.deadlines());
  repo.update(ctx.db, d.id, ctx.nowIso(), { state: 'submitted', submitted_at: ctx.nowIso(), approval_due: due.due, approval_due_estimated: due.estimated ? 1 : 0 });
  step(ctx, d, 'submit', { approvalDue: due.due });
  return getDecoration(ctx, d.id);
});

const mustApprove = (ctx: ServiceCtx) => {
  if (!can(ctx.user?.role, 'decoration.approve')) throw new AppError('FORBIDDEN');
};

export const approveDecoration = atomic(function approveDecoration(ctx: ServiceCtx, input: { id: string }): DecorationDetail {
  mustApprove(ctx);
  const d = dec(ctx, input.id);
  guard('approve', d.state);
  repo.update(ctx.db, d.id, ctx.nowIso(), { state: 'approved', decided_at: ctx.nowIso(), decided_by: uid(ctx) });
  step(ctx, d, 'approve', { onTime: !d.approval_due || siteToday(ctx) <= d.approval_due.slice(0, 10) });
  return getDecoration(ctx, d.id);
});

/** Rejected: the deposit is due back at once. */
export const rejectDecoration = atomic(function rejectDecoration(ctx: ServiceCtx, input: { id: string; reason: string }): DecorationDetail {
  mustApprove(ctx);
  const d = dec(ctx, input.id);
  guard('reject', d.state);
  repo.update(ctx.db, d.id, ctx.nowIso(), { state: 'rejected', decided_at: ctx.nowIso(), decided_by: uid(ctx), reject_reason: input.reason, refund_due: repo.balance(ctx.db, d.id) > 0 ? siteToday(ctx) : null });
  step(ctx, d, 'reject', { reason: input.reason });
  return getDecoration(ctx, d.id);
});

export const confirmProtection = atomic(function confirmProtection(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.protect'>): DecorationDetail {
  const d = dec(ctx, input.id);
  guard('protect', d.state);
  repo.update(ctx.db, d.id, ctx.nowIso(), { protection_by: input.by, protection_note: input.note, protection_at: ctx.nowIso() });
  step(ctx, d, 'protect', { by: input.by });
  return getDecoration(ctx, d.id);
});

/** The permit: after engineering confirmed the site protection. The unit is under decoration from today, its state before kept. */
export const issuePermit = atomic(function issuePermit(ctx: ServiceCtx, input: { id: string }): DecorationDetail {
  const d = dec(ctx, input.id);
  guard('issuePermit', d.state);
  if (!d.protection_at) throw new AppError('BAD_STATE', 'decoration.error.noProtection');
  const today = siteToday(ctx);
  const prior = occupancyStateOn(ctx, d.unit_id, today);
  recordOccupancy(ctx, d.unit_id, 'under_decoration', today, 'decoration', d.number);
  repo.update(ctx.db, d.id, ctx.nowIso(), { state: 'under_way', permit_issued_at: ctx.nowIso(), prior_state: prior });
  step(ctx, d, 'issue-permit', { from: today, prior });
  return getDecoration(ctx, d.id);
});

// ---------------------------------------------------------------- passes

export const addPass = atomic(function addPass(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.addPass'>): DecorationDetail {
  const d = dec(ctx, input.id);
  guard('pass', d.state);
  if (input.validTo > d.work_to) throw fieldError('validTo', 'decoration.v.passAfterWork', { date: d.work_to });
  const number = nextNumber(ctx, ctx.settings().passPrefix, year(ctx));
  const id = ctx.newId();
  repo.insertPass(ctx.db, { id, decoration_id: d.id, number, name: input.name, id_number: input.idNumber, phone: input.phone, valid_from: input.validFrom, valid_to: input.validTo, created_at: ctx.nowIso() });
  appendEvent(ctx, KIND, d.id, 'add-pass', { pass: number, name: input.name, from: input.validFrom, to: input.validTo });
  ctx.audit('add-pass', PASS_KIND, id, null, { number, permit: d.number, name: input.name });
  return getDecoration(ctx, d.id);
});

export const revokePass = atomic(function revokePass(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.revokePass'>): DecorationDetail {
  const p = repo.passById(ctx.db, input.passId);
  if (!p) throw new AppError('NOT_FOUND');
  if (p.revoked_at) throw new AppError('BAD_STATE', 'decoration.why.passRevoked');
  const d = dec(ctx, p.decoration_id);
  repo.revokePass(ctx.db, p.id, uid(ctx), input.reason, ctx.nowIso());
  appendEvent(ctx, KIND, d.id, 'revoke-pass', { pass: p.number, reason: input.reason });
  ctx.audit('revoke-pass', PASS_KIND, p.id, null, { number: p.number, reason: input.reason });
  return getDecoration(ctx, d.id);
});

const OPEN_FOR_WORK: readonly DecorationState[] = ['approved', 'under_way', 'inspection'];

/** The gate: what a scanned or typed pass number is today. Every check is logged (the permit's timeline, or the audit log for an unknown number). */
export const checkPass = atomic(function checkPass(ctx: ServiceCtx, input: { number: string }): PassCheck {
  const n = parseRecordNumber(input.number);
  const p = n ? repo.passByNumber(ctx.db, n.canonical) : undefined;
  if (!p) {
    ctx.audit('gate-check', PASS_KIND, null, null, { number: input.number.trim().slice(0, 60), answer: 'unknown' });
    return { answer: 'unknown', number: n?.canonical ?? input.number.trim(), pass: null };
  }
  const d = dec(ctx, p.decoration_id);
  const answer = passAnswer({ validFrom: p.valid_from, validTo: p.valid_to, revokedAt: p.revoked_at, permitOpen: OPEN_FOR_WORK.includes(d.state) }, siteToday(ctx));
  appendEvent(ctx, KIND, d.id, 'gate-check', { pass: p.number, answer });
  ctx.audit('gate-check', PASS_KIND, p.id, null, { number: p.number, answer });
  return {
    answer,
    number: p.number,
    pass: {
      name: p.name, idNumberMasked: maskIdNumber(p.id_number), validFrom: p.valid_from, validTo: p.valid_to, revokedAt: p.revoked_at, revokeReason: p.revoke_reason,
      permitNumber: d.number, permitId: d.id, unitCode: d.unit_code, contractor: d.self_decoration ? null : d.contractor_company,
    },
  };
});

// ---------------------------------------------------------------- during the work

export const logPatrol = atomic(function logPatrol(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.patrol'>): DecorationDetail {
  const d = dec(ctx, input.id);
  guard('patrol', d.state);
  notFuture(ctx, 'date', input.date);
  repo.insertPatrol(ctx.db, { id: ctx.newId(), decoration_id: d.id, on_date: input.date, department: input.department, by_name: input.by, findings: input.findings, by_user: uid(ctx), at: ctx.nowIso() });
  if (!d.last_patrol_date || input.date > d.last_patrol_date) repo.update(ctx.db, d.id, ctx.nowIso(), { last_patrol_date: input.date });
  appendEvent(ctx, KIND, d.id, 'patrol', { date: input.date, department: input.department, by: input.by });
  return getDecoration(ctx, d.id);
});

/** Whether a hot-work approval covers a day (its window, in site time, touches that day). */
function hotWorkCovers(ctx: ServiceCtx, id: string, date: string): boolean {
  return repo.hotWorks(ctx.db, id).some((h) => localWallClock(h.from_at).slice(0, 10) <= date && date <= localWallClock(h.to_at).slice(0, 10));
}

export const recordViolation = atomic(function recordViolation(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.violation'>): DecorationDetail {
  const d = dec(ctx, input.id);
  guard('violation', d.state);
  notFuture(ctx, 'date', input.date);
  const unapproved = input.hotWork && !hotWorkCovers(ctx, d.id, input.date);
  const severity = unapproved ? 'serious' : input.severity;
  if (severity === 'minor' && !input.warnedWho) throw fieldError('warnedWho', 'decoration.v.warnedWho');
  const id = ctx.newId();
  repo.insertViolation(ctx.db, { id, decoration_id: d.id, on_date: input.date, severity, description: input.description, hot_work: input.hotWork ? 1 : 0, hot_work_unapproved: unapproved ? 1 : 0, warned_who: input.warnedWho, by_user: uid(ctx), at: ctx.nowIso() });
  step(ctx, d, 'violation', { violation: id, severity, hotWorkUnapproved: unapproved });
  return getDecoration(ctx, d.id);
});

function violationOf(ctx: ServiceCtx, id: string) {
  const v = repo.violationById(ctx.db, id);
  if (!v) throw new AppError('NOT_FOUND');
  return { v, d: dec(ctx, v.decoration_id) };
}

/** 装修整改通知书: the owner is phoned first, then the contractor. */
export const noticeCall = atomic(function noticeCall(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.noticeCall'>): DecorationDetail {
  const { v, d } = violationOf(ctx, input.violationId);
  if (v.severity !== 'serious') throw new AppError('BAD_STATE', 'decoration.why.notSerious');
  if (input.who === 'owner') repo.updateViolation(ctx.db, v.id, { owner_called_at: ctx.nowIso(), owner_call_note: input.note });
  else {
    if (!v.owner_called_at) throw new AppError('BAD_STATE', 'decoration.error.ownerFirst');
    repo.updateViolation(ctx.db, v.id, { contractor_called_at: ctx.nowIso(), contractor_call_note: input.note });
  }
  appendEvent(ctx, KIND, d.id, 'notice-call', { violation: v.id, who: input.who });
  return getDecoration(ctx, d.id);
});

/** Both parties signed the written notice. */
export const noticeSigned = atomic(function noticeSigned(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.noticeSigned'>): DecorationDetail {
  const { v, d } = violationOf(ctx, input.violationId);
  if (v.severity !== 'serious') throw new AppError('BAD_STATE', 'decoration.why.notSerious');
  if (!v.owner_called_at || (!v.contractor_called_at && d.self_decoration === 0)) throw new AppError('BAD_STATE', 'decoration.error.callsFirst');
  repo.updateViolation(ctx.db, v.id, { signed_at: ctx.nowIso() });
  appendEvent(ctx, KIND, d.id, 'notice-signed', { violation: v.id });
  return getDecoration(ctx, d.id);
});

/** 违章整改表: the manager signs the penalty off; the ledger deducts it (up to what the deposit still holds). */
export const recordPenalty = atomic(function recordPenalty(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.penalty'>): DecorationDetail {
  mustApprove(ctx);
  const { v, d } = violationOf(ctx, input.violationId);
  if (v.penalty_fen !== null) throw new AppError('BAD_STATE', 'decoration.why.penaltyTwice');
  if (repo.ledger(ctx.db, d.id).some((e) => e.kind === 'refund')) throw new AppError('BAD_STATE', 'decoration.ledger.refunded');
  const deducted = Math.min(input.amountFen, repo.balance(ctx.db, d.id));
  repo.updateViolation(ctx.db, v.id, { penalty_fen: input.amountFen, penalty_deducted_fen: deducted, penalty_note: input.note, penalty_by: uid(ctx), penalty_at: ctx.nowIso() });
  if (deducted > 0) post(ctx, d, 'penalty', deducted, { note: input.note ?? v.description, refId: v.id });
  step(ctx, d, 'penalty', { violation: v.id, amountFen: input.amountFen, deductedFen: deducted });
  return getDecoration(ctx, d.id);
});

export const markRectified = atomic(function markRectified(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.rectified'>): DecorationDetail {
  const { v, d } = violationOf(ctx, input.violationId);
  if (v.rectified_at) throw new AppError('BAD_STATE', 'decoration.why.rectifiedTwice');
  repo.updateViolation(ctx.db, v.id, { rectified_at: ctx.nowIso(), rectified_note: input.note });
  appendEvent(ctx, KIND, d.id, 'rectified', { violation: v.id });
  return getDecoration(ctx, d.id);
});

/** 动火审批: hot work with its window and the fire watch named. */
export const approveHotWork = atomic(function approveHotWork(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.hotWork'>): DecorationDetail {
  const d = dec(ctx, input.id);
  guard('hotWork', d.state);
  repo.insertHotWork(ctx.db, {
    id: ctx.newId(), decoration_id: d.id, from_at: new Date(input.from).toISOString(), to_at: new Date(input.to).toISOString(), location: input.location,
    fire_watch: input.fireWatch, approved_by: input.approvedBy, by_user: uid(ctx), at: ctx.nowIso(),
  });
  step(ctx, d, 'hot-work', { from: input.from, to: input.to, fireWatch: input.fireWatch });
  return getDecoration(ctx, d.id);
});

// ---------------------------------------------------------------- completion

/** The owner asks for the completion inspection; an office must first show the fire acceptance receipt (消防验收回执). */
export const requestInspection = atomic(function requestInspection(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.requestInspection'>): DecorationDetail {
  const d = dec(ctx, input.id);
  guard('requestInspection', d.state);
  if (d.unit_use === 'office' && !input.fireReceipt) throw fieldError('fireReceipt', 'decoration.v.fireReceipt');
  repo.update(ctx.db, d.id, ctx.nowIso(), { state: 'inspection', inspection_requested_at: ctx.nowIso(), fire_receipt: input.fireReceipt });
  step(ctx, d, 'request-inspection', { fireReceipt: input.fireReceipt });
  return getDecoration(ctx, d.id);
});

/**
 * 竣工验收 by engineering and security. It passes when it finds nothing and every problem found before is closed;
 * then the unit returns to the state it had before the permit, and the deposit is due back after the wait.
 */
export const inspect = atomic(function inspect(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.inspect'>): DecorationDetail {
  const d = dec(ctx, input.id);
  guard('inspect', d.state);
  const seq = repo.inspections(ctx.db, d.id).length + 1;
  for (const p of input.problems) repo.insertProblem(ctx.db, { id: ctx.newId(), decoration_id: d.id, inspection: seq, description: p });
  const open = repo.problems(ctx.db, d.id).filter((p) => !p.closed_at).length;
  const passed = open === 0;
  repo.insertInspection(ctx.db, d.id, { seq, engineering_by: input.engineeringBy, security_by: input.securityBy, passed: passed ? 1 : 0, at: ctx.nowIso(), by_user: uid(ctx) });
  if (passed) {
    const today = siteToday(ctx);
    const due = refundDueDate(today, ctx.settings().decorationRefundWait[d.unit_use]);
    recordOccupancy(ctx, d.unit_id, (d.prior_state as OccupancyState | null) ?? 'vacant', today, 'decoration', d.number);
    repo.update(ctx.db, d.id, ctx.nowIso(), { state: 'completed', passed_on: today, refund_due: repo.ledger(ctx.db, d.id).length ? due : null });
  }
  step(ctx, d, passed ? 'inspection-passed' : 'inspection-failed', { seq, problems: input.problems.length, open });
  return getDecoration(ctx, d.id);
});

export const closeProblem = atomic(function closeProblem(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.closeProblem'>): DecorationDetail {
  const p = repo.problemById(ctx.db, input.problemId);
  if (!p) throw new AppError('NOT_FOUND');
  if (p.closed_at) throw new AppError('BAD_STATE', 'decoration.why.problemClosed');
  const d = dec(ctx, p.decoration_id);
  repo.closeProblem(ctx.db, p.id, input.note, uid(ctx), ctx.nowIso());
  appendEvent(ctx, KIND, d.id, 'problem-closed', { problem: p.description });
  return getDecoration(ctx, d.id);
});

// ---------------------------------------------------------------- the refund

/**
 * The refund form (押金退还单): due (a rejected application's at once), the checks made, a contractor's request
 * with the owner's consent, the unpaid utilities deducted by the ledger, signed by the three. The amount is the
 * ledger's balance after the deductions: deposit − penalties − utilities.
 */
export const prepareRefund = atomic(function prepareRefund(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.prepareRefund'>): DecorationDetail {
  const d = dec(ctx, input.id);
  guard('prepareRefund', d.state);
  if (d.refund_prepared_at) throw new AppError('BAD_STATE', 'decoration.why.preparedTwice');
  const entries = repo.ledger(ctx.db, d.id);
  if (!entries.some((e) => e.kind === 'payment')) throw new AppError('BAD_STATE', 'decoration.error.nothingToRefund');
  if (d.refund_due && siteToday(ctx) < d.refund_due) throw new AppError('BAD_STATE', 'decoration.error.notDue', { params: { date: d.refund_due } });
  if (input.requestedBy === 'contractor' && !input.ownerConsent) throw fieldError('ownerConsent', 'decoration.v.ownerConsent');
  if (!input.signedByOwner) throw fieldError('signedByOwner', 'decoration.v.signed');
  if (!input.signedByManager) throw fieldError('signedByManager', 'decoration.v.signed');
  if (!input.signedByContractor && d.self_decoration === 0) throw fieldError('signedByContractor', 'decoration.v.signed');
  const balance = repo.balance(ctx.db, d.id);
  if (input.utilitiesFen > balance) throw fieldError('utilitiesFen', 'decoration.v.exceedsBalance', { fen: balance });
  if (input.utilitiesFen > 0) post(ctx, d, 'utilities', input.utilitiesFen, { note: null });
  repo.update(ctx.db, d.id, ctx.nowIso(), {
    refund_requested_by: input.requestedBy, refund_owner_consent: input.ownerConsent ? 1 : 0, refund_checks: JSON.stringify(input.checks),
    refund_utilities_fen: input.utilitiesFen, refund_signed: JSON.stringify({ owner: input.signedByOwner, contractor: input.signedByContractor, manager: input.signedByManager }),
    refund_prepared_at: ctx.nowIso(), refund_prepared_by: uid(ctx),
  });
  step(ctx, d, 'prepare-refund', { requestedBy: input.requestedBy, utilitiesFen: input.utilitiesFen, refundFen: repo.balance(ctx.db, d.id) });
  return getDecoration(ctx, d.id);
});

/** 押金退还备忘表: the cashier pays the balance out with a receipt; the balance is 0 after it. */
export const payOut = atomic(function payOut(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.payOut'>): DecorationDetail {
  const d = dec(ctx, input.id);
  guard('payOut', d.state);
  if (!d.refund_prepared_at) throw new AppError('BAD_STATE', 'decoration.error.notPrepared');
  const amount = repo.balance(ctx.db, d.id);
  post(ctx, d, 'refund', amount, { receipt: input.receipt });
  repo.update(ctx.db, d.id, ctx.nowIso(), { state: 'refunded', refund_receipt: input.receipt, refunded_at: ctx.nowIso(), refunded_by: uid(ctx) });
  step(ctx, d, 'pay-out', { receipt: input.receipt, amountFen: amount });
  return getDecoration(ctx, d.id);
});

export const voidDecoration = atomic(function voidDecoration(ctx: ServiceCtx, input: { id: string; reason: string }): DecorationDetail {
  const d = dec(ctx, input.id);
  const paid = repo.ledger(ctx.db, d.id).length > 0;
  endRecord(ctx, 'void', input.reason, {
    kind: KIND,
    id: d.id,
    state: d.state,
    to: 'voided' as DecorationState,
    // A paid deposit is not voided away: the application is rejected and the deposit refunded through the ledger.
    refusal: transitionError('void', d.state) ?? (paid ? 'decoration.why.voidPaid' : null),
    apply: () => repo.update(ctx.db, d.id, ctx.nowIso(), { state: 'voided', void_reason: input.reason }),
  });
  return getDecoration(ctx, d.id);
});

const REVEAL = { applicantPhone: 'applicant_phone', managerId: 'contractor_id_number' } as const;
export const reveal = atomic(function reveal(ctx: ServiceCtx, input: ChannelParsedInput<'decoration.reveal'>): { value: string | null } {
  const d = dec(ctx, input.id);
  if (input.field === 'passIdNumber' || input.field === 'passPhone') {
    const p = input.passId ? repo.passById(ctx.db, input.passId) : undefined;
    if (!p || p.decoration_id !== d.id) throw new AppError('NOT_FOUND');
    ctx.audit('reveal', PASS_KIND, p.id, null, { field: input.field, name: p.name, permit: d.number });
    return { value: input.field === 'passIdNumber' ? p.id_number : p.phone };
  }
  ctx.audit('reveal', KIND, d.id, null, { field: input.field, number: d.number });
  return { value: d[REVEAL[input.field]] };
});

// ---------------------------------------------------------------- the manager's view of the deposits

const AGE_MONTHS = [3, 6, 12] as const;
const BUCKETS = ['lt3m', '3to6m', '6to12m', 'gt12m'] as const;

export function ledgerView(ctx: ServiceCtx, limit = 200): LedgerView {
  const today = siteToday(ctx);
  const now = ctx.clock.now();
  const bounds = AGE_MONTHS.map((m) => {
    const t = new Date(now);
    t.setUTCMonth(t.getUTCMonth() - m);
    return t.toISOString();
  });
  const ages = repo.heldByAge(ctx.db, bounds);
  const totals = new Map(repo.ledgerTotals(ctx.db).map((r) => [r.kind, r.fen]));
  const ahead = addCalendarDays(today, ctx.settings().decorationRefundAheadDays);
  return {
    asOf: today,
    held: { count: ages.reduce((a, b) => a + b.count, 0), fen: ages.reduce((a, b) => a + b.fen, 0) },
    byAge: BUCKETS.map((bucket, i) => ({ bucket, ...ages[i] })),
    refundsDue: repo.refundsIn(ctx.db, today, ahead, limit).map(toRow),
    refundsOverdue: repo.refundsIn(ctx.db, '0000-01-01', dayBefore(today), limit).map(toRow),
    totals: { paidFen: totals.get('payment') ?? 0, penaltiesFen: totals.get('penalty') ?? 0, utilitiesFen: totals.get('utilities') ?? 0, refundedFen: totals.get('refund') ?? 0 },
  };
}

// ---------------------------------------------------------------- for forms

export interface DecorationForPrint {
  detail: DecorationDetail;
  /** In clear for the paper that needs it: the application form kept in the office, the worker's own card. */
  applicantPhone: string;
  passPhones: Record<string, string>;
  /** Who was phoned about each serious violation and what was said (the contractor's note is not on the page). */
  contractorCallNotes: Record<string, string | null>;
}
export function decorationForPrint(ctx: ServiceCtx, id: string): DecorationForPrint {
  const d = dec(ctx, id);
  return {
    detail: getDecoration(ctx, id),
    applicantPhone: d.applicant_phone,
    passPhones: Object.fromEntries(repo.passes(ctx.db, id).map((p) => [p.id, p.phone])),
    contractorCallNotes: Object.fromEntries(repo.violations(ctx.db, id).map((v) => [v.id, v.contractor_call_note])),
  };
}

/**
 * Prints made so far of one form of a permit (of one item of it: a notice's violation, a hot-work approval, a
 * single pass), read from the permit's timeline: the next print is a copy when there was one.
 */
export const decorationPrintCount = (ctx: ServiceCtx, id: string, form: string, item: string | null): number =>
  q(ctx.db, `SELECT count(*) FROM record_events WHERE kind = ? AND record_id = ? AND action IN ('print', 'reprint')
              AND json_extract(detail, '$.form') = ? AND json_extract(detail, '$.item') IS ?`).value<number>(KIND, id, form, item) ?? 0;

/**
 * Counts a print of a form on the permit's timeline and in the audit log; every print after the first of the
 * same form (and item) is a copy (副本) and is logged as a reprint. Printing passes marks them printed.
 */
export const markDecorationPrinted = atomic(function markDecorationPrinted(ctx: ServiceCtx, id: string, form: string, item: string | null): { copy: boolean; count: number } {
  const d = dec(ctx, id);
  const count = decorationPrintCount(ctx, id, form, item) + 1;
  const action = count > 1 ? 'reprint' : 'print';
  q(ctx.db, 'UPDATE decorations SET print_count = print_count + 1 WHERE id = ?').run(id);
  if (form === 'passes') {
    if (item) repo.markPassPrinted(ctx.db, item);
    else repo.markPassesPrinted(ctx.db, id);
  }
  appendEvent(ctx, KIND, id, action, { form, item, count });
  ctx.audit(action, KIND, id, null, { number: d.number, form, item, count });
  return { copy: count > 1, count };
});
