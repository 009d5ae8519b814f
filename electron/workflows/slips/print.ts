import { AppError } from '../../../shared/kernel/errors';
import type { ServiceCtx } from '../../host/context';
import { renderPdf } from '../../pdf/engine';
import { slipDocument } from './forms/release-slip';
import { markPrinted, slipForPrint } from './service';

/** Renders the slip; the first print is the original, every later one is a copy (副本) and is logged. */
export async function printSlip(ctx: ServiceCtx, id: string, lang: 'zh-CN' | 'en'): Promise<{ bytes: Buffer; copy: boolean; number: string }> {
  const data = slipForPrint(ctx, id);
  if (data.slip.state !== 'issued' && data.slip.state !== 'exited') throw new AppError('BAD_STATE', 'slip.why.printNeedsIssued');
  const s = ctx.settings();
  const copy = data.slip.printCount > 0;
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const printedAt = new Intl.DateTimeFormat('sv-SE', { timeZone: tz, dateStyle: 'short', timeStyle: 'short' }).format(ctx.clock.now());
  const bytes = await renderPdf(
    slipDocument(data, { siteName: s.siteName, formHeader: s.formHeader, hotline: s.hotline, address: s.siteAddress, logoDataUrl: s.logoDataUrl }, lang, { copy, printedAt, timeZone: tz }),
  );
  markPrinted(ctx, id);
  return { bytes, copy, number: data.slip.number };
}
