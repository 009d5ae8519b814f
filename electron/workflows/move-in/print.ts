/**
 * The printed forms of move-in (RH: 入伙流程表, 钥匙签收表, 房屋验收记录表) and of moving in (RZ: 入住知会单,
 * 租户信息表), through `records.print` by the record's number; and the 房屋交接汇总表 of a building or a batch,
 * which is no one record's form (moveIn.printRegister). The first print of a form is the original, every later
 * one a copy (副本) counted on the record's timeline and in the audit log as a reprint.
 */
import { formSite, sitePrintedAt } from '../../kit/print';
import { q } from '../../../db/statements';
import type { Language } from '../../../shared/i18n/index';
import { AppError } from '../../../shared/kernel/errors';
import type { Permission } from '../../../shared/kernel/permissions';
import { PAGE_FORMATS } from '../../../shared/kernel/records';
import { maskIdNumber } from '../../../shared/master/id-number';
import type { ServiceCtx } from '../../host/context';
import { atomic } from '../../kit/atomic';
import { renderForm, type FormDef } from '../../kit/records';
import { appendEvent } from '../../kit/timeline';
import type { DocDefinition } from '../../pdf/engine';
import type { FormBase, MoveInFormInput, MovingInFormInput } from './forms/common';
import { flowDocument } from './forms/flow';
import { inspectionDocument } from './forms/inspection';
import { keysDocument } from './forms/keys';
import { noticeDocument } from './forms/notice';
import { registerDocument } from './forms/register';
import { tenantDocument } from './forms/tenant';
import * as repo from './repo';
import { getMoveIn, getMovingIn, KIND, MOVING_KIND, register } from './service';


// ---------------------------------------------------------------- counting prints

const TABLE = { [KIND]: 'move_ins', [MOVING_KIND]: 'moving_ins' } as const;
type Kind = keyof typeof TABLE;

/** Prints made so far of one form of a record, read from its timeline: the next print is a copy when there was one. */
const printCount = (ctx: ServiceCtx, kind: Kind, id: string, form: string): number =>
  q(ctx.db, `SELECT count(*) FROM record_events WHERE kind = ? AND record_id = ? AND action IN ('print', 'reprint') AND json_extract(detail, '$.form') = ?`).value<number>(kind, id, form) ?? 0;

/** Counts a print on the record's timeline and in the audit log; every print after the first of a form is a reprint. */
const markPrinted = atomic(function markMoveInPrinted(ctx: ServiceCtx, kind: Kind, id: string, number: string, form: string): { copy: boolean; count: number } {
  const count = printCount(ctx, kind, id, form) + 1;
  const action = count > 1 ? 'reprint' : 'print';
  q(ctx.db, `UPDATE ${TABLE[kind]} SET print_count = print_count + 1 WHERE id = ?`).run(id);
  appendEvent(ctx, kind, id, action, { form, count });
  ctx.audit(action, kind, id, null, { number, form, count });
  return { copy: count > 1, count };
});

// ---------------------------------------------------------------- the data a form prints

function moveInInput(ctx: ServiceCtx, id: string, lang: Language, copy: boolean): MoveInFormInput {
  const detail = getMoveIn(ctx, id);
  const row = repo.byId(ctx.db, id)!;
  return { detail, keysSignature: row.keys_signature, meters: ctx.settings().moveInMeters, site: formSite(ctx), lang, opts: { copy, printedAt: sitePrintedAt(ctx) } };
}

interface PersonDb {
  name: string;
  phone: string | null;
  id_type: string | null;
  id_number: string | null;
  emergency_name: string | null;
  emergency_phone: string | null;
}
function movingInInput(ctx: ServiceCtx, id: string, lang: Language, copy: boolean): MovingInFormInput {
  const detail = getMovingIn(ctx, id);
  const unit = q(ctx.db, 'SELECT b.name AS building_name, u.use FROM units u JOIN buildings b ON b.id = u.building_id WHERE u.id = ?').get<{ building_name: string; use: MoveInFormInput['detail']['use'] }>(detail.unitId)!;
  const p = q(ctx.db, 'SELECT name, phone, id_type, id_number, emergency_name, emergency_phone FROM people WHERE id = ?').get<PersonDb>(detail.personId)!;
  const owners = q(ctx.db, `SELECT group_concat(p.name, '、') FROM unit_people l JOIN people p ON p.id = l.person_id
                             WHERE l.unit_id = ? AND l.relation IN ('owner', 'co_owner', 'company') AND l.voided_at IS NULL AND l.start_date <= ? AND (l.end_date IS NULL OR l.end_date > ?)`).value<string>(detail.unitId, detail.date, detail.date);
  return {
    detail,
    unit: { buildingName: unit.building_name, use: unit.use },
    person: {
      name: p.name,
      // The tenant's form stays in the office file: the phone as given, the ID number masked as on every form.
      phone: p.phone,
      idType: p.id_type,
      idNumberMasked: p.id_number ? maskIdNumber(p.id_number) : null,
      emergency: [p.emergency_name, p.emergency_phone].filter(Boolean).join(' ') || null,
    },
    ownerNames: owners ?? '',
    site: formSite(ctx),
    lang,
    opts: { copy, printedAt: sitePrintedAt(ctx) },
  };
}

// ---------------------------------------------------------------- the forms

export type MoveInFormName = 'flow' | 'keys' | 'inspection';
export type MovingInFormName = 'notice' | 'tenant';

interface Spec<I, N extends string> {
  name: N;
  title: Record<Language, string>;
  permission?: Permission;
  /** Why the form cannot be printed (a message key), or null. */
  refusal: (input: I) => string | null;
  build: (input: I) => DocDefinition;
}

const MOVE_IN_SPECS: Spec<MoveInFormInput, MoveInFormName>[] = [
  // The cashier prints it too: the fees and her signature are on it.
  { name: 'flow', title: { 'zh-CN': '入伙流程表', en: 'Move-in checklist' }, refusal: () => null, build: flowDocument },
  // Before the keys are recorded it is the template's list, signed on the paper.
  { name: 'keys', title: { 'zh-CN': '钥匙签收表', en: 'Key receipt' }, permission: 'move-in.write', refusal: () => null, build: keysDocument },
  // Before the inspection it is the sheet engineering fills in at the unit.
  { name: 'inspection', title: { 'zh-CN': '房屋验收记录表', en: 'Unit inspection record' }, permission: 'move-in.write', refusal: () => null, build: inspectionDocument },
];

const MOVING_IN_SPECS: Spec<MovingInFormInput, MovingInFormName>[] = [
  { name: 'notice', title: { 'zh-CN': '入住知会单（保安部、工程部、收银处联）', en: 'Moving-in notice (security, engineering, cashier parts)' }, permission: 'move-in.write', refusal: () => null, build: noticeDocument },
  {
    name: 'tenant',
    title: { 'zh-CN': '租户信息表（含安全责任书）', en: 'Tenant information form (with the safety pledge)' },
    permission: 'move-in.write',
    refusal: (i) => (i.detail.occupant === 'tenant' ? null : 'moveinForm.why.notTenant'),
    build: tenantDocument,
  },
];

/** Renders one of an RH record's forms. A voided record prints nothing. */
export async function printMoveInForm(ctx: ServiceCtx, id: string, name: MoveInFormName, lang: Language): Promise<{ bytes: Buffer; copy: boolean; number: string }> {
  const spec = MOVE_IN_SPECS.find((s) => s.name === name)!;
  const row = repo.byId(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.state === 'voided') throw new AppError('BAD_STATE', 'moveinForm.why.voided');
  const input = moveInInput(ctx, id, lang, printCount(ctx, KIND, id, name) > 0);
  const why = spec.refusal(input);
  if (why) throw new AppError('BAD_STATE', why);
  const bytes = await renderForm(PAGE_FORMATS.a4, spec.build(input));
  markPrinted(ctx, KIND, id, row.number, name);
  return { bytes, copy: input.opts.copy, number: row.number };
}

/** Renders one of an RZ record's forms. A voided record prints nothing; an owner moving in has no tenant form. */
export async function printMovingInForm(ctx: ServiceCtx, id: string, name: MovingInFormName, lang: Language): Promise<{ bytes: Buffer; copy: boolean; number: string }> {
  const spec = MOVING_IN_SPECS.find((s) => s.name === name)!;
  const row = repo.movingById(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  if (row.state === 'voided') throw new AppError('BAD_STATE', 'moveinForm.why.voided');
  const input = movingInInput(ctx, id, lang, printCount(ctx, MOVING_KIND, id, name) > 0);
  const why = spec.refusal(input);
  if (why) throw new AppError('BAD_STATE', why);
  const bytes = await renderForm(PAGE_FORMATS.a4, spec.build(input));
  markPrinted(ctx, MOVING_KIND, id, row.number, name);
  return { bytes, copy: input.opts.copy, number: row.number };
}

export const MOVE_IN_FORMS: readonly FormDef[] = MOVE_IN_SPECS.map((s) => ({
  name: s.name,
  title: s.title,
  format: PAGE_FORMATS.a4,
  permission: s.permission,
  print: async (ctx, id, lang) => {
    const { bytes, copy } = await printMoveInForm(ctx, id, s.name, lang);
    return { bytes, copy };
  },
}));

export const MOVING_IN_FORMS: readonly FormDef[] = MOVING_IN_SPECS.map((s) => ({
  name: s.name,
  title: s.title,
  format: PAGE_FORMATS.a4,
  permission: s.permission,
  print: async (ctx, id, lang) => {
    const { bytes, copy } = await printMovingInForm(ctx, id, s.name, lang);
    return { bytes, copy };
  },
}));

/** 房屋交接汇总表 of a building or a batch on A4 landscape; reading it changes nothing. */
export async function printRegister(ctx: ServiceCtx, scope: { buildingId?: string; batchId?: string }, lang: Language): Promise<{ bytes: Buffer; count: number; name: string }> {
  const reg = register(ctx, scope);
  const base: FormBase = { site: formSite(ctx), lang, opts: { copy: false, printedAt: sitePrintedAt(ctx) } };
  const bytes = await renderForm(PAGE_FORMATS.a4Landscape, registerDocument(base, reg));
  return { bytes, count: reg.rows.length, name: reg.scope.name };
}
