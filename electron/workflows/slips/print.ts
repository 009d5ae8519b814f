import { formSite } from '../../kit/print';
import { AppError } from '../../../shared/kernel/errors';
import { PAGE_FORMATS } from '../../../shared/kernel/records';
import type { ServiceCtx } from '../../host/context';
import { renderForm, type FormDef } from '../../kit/records';
import { slipDocument } from './forms/release-slip';
import { markPrinted, slipForPrint } from './service';

/** The goods-release slip: archive and gate parts on one A4 sheet, cut apart at the dashed line. */
export const releaseSlipForm: FormDef = {
  name: 'release-slip',
  title: { 'zh-CN': '物品放行条（存档联、门岗联）', en: 'Goods release slip (archive and gate parts)' },
  format: PAGE_FORMATS.a4,
  permission: 'slips.write',
  print: async (ctx, id, lang) => {
    const { bytes, copy } = await printSlip(ctx, id, lang);
    return { bytes, copy };
  },
};

/** Renders the slip; the first print is the original, every later one is a copy (副本 on every part) and is logged. */
export async function printSlip(ctx: ServiceCtx, id: string, lang: 'zh-CN' | 'en'): Promise<{ bytes: Buffer; copy: boolean; number: string }> {
  const data = slipForPrint(ctx, id);
  if (data.slip.state !== 'issued' && data.slip.state !== 'exited') throw new AppError('BAD_STATE', 'slip.why.printNeedsIssued');
  const copy = data.slip.printCount > 0;
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const printedAt = new Intl.DateTimeFormat('sv-SE', { timeZone: tz, dateStyle: 'short', timeStyle: 'short' }).format(ctx.clock.now());
  const bytes = await renderForm(
    releaseSlipForm.format,
    slipDocument(data, formSite(ctx), lang, { copy, printedAt, timeZone: tz }),
  );
  markPrinted(ctx, id);
  return { bytes, copy, number: data.slip.number };
}
