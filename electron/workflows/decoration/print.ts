import { formSite, sitePrintedAt } from '../../kit/print';
import type { Language } from '../../../shared/i18n/index';
import { AppError } from '../../../shared/kernel/errors';
import type { Permission } from '../../../shared/kernel/permissions';
import { PAGE_FORMATS } from '../../../shared/kernel/records';
import type { ServiceCtx } from '../../host/context';
import { renderForm, type FormDef } from '../../kit/records';
import type { DocDefinition } from '../../pdf/engine';
import { applicationDocument } from './forms/application';
import type { FormInput } from './forms/common';
import { hotWorkDocument } from './forms/hot-work';
import { inspectionDocument } from './forms/inspection';
import { noticeDocument } from './forms/notice';
import { passesDocument } from './forms/passes';
import { permitDocument } from './forms/permit';
import { refundDocument } from './forms/refund';
import { decorationForPrint, decorationPrintCount, markDecorationPrinted } from './service';

export type DecorationFormName = 'application' | 'permit' | 'passes' | 'notice' | 'hot-work' | 'inspection' | 'refund';

interface Spec {
  name: DecorationFormName;
  title: Record<Language, string>;
  permission?: Permission;
  /** Whether the form is of one part of the permit: 'required' (a notice is of one violation), 'optional' (one pass or all). */
  item: 'none' | 'optional' | 'required';
  /** Why the form cannot be printed yet (a message key), or null: its stage is reached. */
  refusal: (input: FormInput, item: string | null) => string | null;
  build: (input: FormInput, item: string | null) => DocDefinition;
}

const issued = (i: FormInput) => i.detail.permitIssuedAt !== null;

/** The found item of the permit or NOT_FOUND: an item of another permit is not this one's. */
function itemOf<T extends { id: string }>(list: T[], id: string | null): T {
  const found = list.find((x) => x.id === id);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

const SPECS: Spec[] = [
  {
    name: 'application',
    title: { 'zh-CN': '装修申请表', en: 'Decoration application' },
    permission: 'decoration.write',
    item: 'none',
    refusal: () => null,
    build: (i) => applicationDocument(i),
  },
  {
    name: 'permit',
    title: { 'zh-CN': '施工许可证', en: 'Decoration permit' },
    permission: 'decoration.write',
    item: 'none',
    refusal: (i) => (issued(i) ? null : 'decorationForm.why.permitNotIssued'),
    build: (i) => permitDocument(i),
  },
  {
    name: 'passes',
    title: { 'zh-CN': '施工人员出入证', en: 'Worker passes' },
    permission: 'decoration.write',
    item: 'optional',
    refusal: (i, item) => {
      if (item) return itemOf(i.detail.passes, item).revokedAt ? 'decorationForm.why.passRevoked' : null;
      return i.detail.passes.some((p) => !p.revokedAt) ? null : 'decorationForm.why.noPasses';
    },
    build: (i, item) => passesDocument(i, item ? [itemOf(i.detail.passes, item)] : i.detail.passes.filter((p) => !p.revokedAt)),
  },
  {
    name: 'notice',
    title: { 'zh-CN': '装修整改通知书', en: 'Rectification notice' },
    permission: 'decoration.write',
    item: 'required',
    refusal: (i, item) => (itemOf(i.detail.violations, item).severity === 'serious' ? null : 'decoration.why.notSerious'),
    build: (i, item) => noticeDocument(i, itemOf(i.detail.violations, item)),
  },
  {
    name: 'hot-work',
    title: { 'zh-CN': '动火审批表', en: 'Hot-work approval' },
    permission: 'decoration.write',
    item: 'required',
    refusal: (i, item) => {
      itemOf(i.detail.hotWorks, item);
      return null;
    },
    build: (i, item) => hotWorkDocument(i, itemOf(i.detail.hotWorks, item)),
  },
  {
    name: 'inspection',
    title: { 'zh-CN': '竣工验收表', en: 'Completion inspection' },
    permission: 'decoration.write',
    item: 'none',
    refusal: (i) => (i.detail.inspectionRequestedAt || i.detail.inspections.length ? null : 'decorationForm.why.noInspection'),
    build: (i) => inspectionDocument(i),
  },
  {
    name: 'refund',
    // The cashier prints it too: the 备忘表 part is hers.
    title: { 'zh-CN': '押金退还单（含押金退还备忘表）', en: 'Deposit refund (with the refund memo)' },
    item: 'none',
    refusal: (i) => (i.detail.refund?.preparedAt ? null : 'decorationForm.why.refundNotPrepared'),
    build: (i) => refundDocument(i),
  },
];

/**
 * Renders one of a permit's forms. A voided permit prints nothing; a form whose stage is not reached refuses with
 * why. The first print of a form (of an item) is the original, every later one a copy (副本) logged as a reprint.
 */
export async function printDecorationForm(ctx: ServiceCtx, id: string, name: DecorationFormName, lang: Language, itemIn?: string): Promise<{ bytes: Buffer; copy: boolean; number: string }> {
  const spec = SPECS.find((s) => s.name === name)!;
  const data = decorationForPrint(ctx, id);
  if (data.detail.state === 'voided') throw new AppError('BAD_STATE', 'decorationForm.why.voided');
  const item = spec.item === 'none' ? null : (itemIn ?? null);
  if (spec.item === 'required' && !item) throw new AppError('BAD_STATE', 'decorationForm.why.itemRequired', { params: { form: name } });
  const s = ctx.settings();
  const copy = decorationPrintCount(ctx, id, name, item) > 0;
  const input: FormInput = {
    ...data,
    site: formSite(ctx),
    lang,
    opts: { copy, printedAt: sitePrintedAt(ctx) },
    settings: { workingHours: s.decorationWorkingHours },
  };
  const why = spec.refusal(input, item);
  if (why) throw new AppError('BAD_STATE', why);
  const bytes = await renderForm(PAGE_FORMATS.a4, spec.build(input, item));
  markDecorationPrinted(ctx, id, name, item);
  return { bytes, copy, number: data.detail.number };
}

/**
 * The decoration forms (装修申请表, 施工许可证, 出入证, 装修整改通知书, 动火审批表, 竣工验收表, 押金退还单), printed
 * through `records.print` by the permit's number; `item` names the violation, the hot-work approval or one pass.
 */
export const DECORATION_FORMS: readonly FormDef[] = SPECS.map((s) => ({
  name: s.name,
  title: s.title,
  format: PAGE_FORMATS.a4,
  permission: s.permission,
  print: async (ctx, id, lang, item) => {
    const { bytes, copy } = await printDecorationForm(ctx, id, s.name, lang, item);
    return { bytes, copy };
  },
}));
