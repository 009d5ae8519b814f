import { formSite, sitePrintedAt } from '../../kit/print';
import type { Language } from '../../../shared/i18n/index';
import { AppError } from '../../../shared/kernel/errors';
import { PAGE_FORMATS } from '../../../shared/kernel/records';
import type { ServiceCtx } from '../../host/context';
import { renderForm, type FormDef } from '../../kit/records';
import { endOfDayDocument } from './forms/end-of-day';
import { workOrderDocument } from './forms/work-order';
import { endOfDayOrders, markRepairPrinted, repairForPrint, repairPrintCount } from './service';

/** The work order: desk part and engineering part on one A4 sheet, cut apart at the dashed line into two A5 halves. */
export const workOrderForm: FormDef = {
  name: 'work-order',
  title: { 'zh-CN': '维修服务单（存根、工程部联）', en: 'Repair work order (desk and engineering parts)' },
  format: PAGE_FORMATS.a4,
  // The desk prints it for the technician; the cashier reads the order but does not hand out work orders.
  permission: 'repairs.write',
  print: async (ctx, id, lang) => {
    const { bytes, copy } = await printWorkOrder(ctx, id, lang);
    return { bytes, copy };
  },
};


/** Renders the work order; the first print is the original, every later one is a copy (副本 on both parts) and is logged. */
export async function printWorkOrder(ctx: ServiceCtx, id: string, lang: Language): Promise<{ bytes: Buffer; copy: boolean; number: string }> {
  const data = repairForPrint(ctx, id);
  if (data.repair.state === 'voided') throw new AppError('BAD_STATE', 'repair.why.printVoided');
  const copy = repairPrintCount(ctx, id) > 0;
  const bytes = await renderForm(workOrderForm.format, workOrderDocument(data, formSite(ctx), lang, { copy, printedAt: sitePrintedAt(ctx) }));
  markRepairPrinted(ctx, id);
  return { bytes, copy, number: data.repair.number };
}

/** The end-of-day list as a PDF (A4) for the supervisor; reading it changes nothing. */
export async function printEndOfDay(ctx: ServiceCtx, date: string, lang: Language): Promise<{ bytes: Buffer; cutoff: string; count: number }> {
  const { cutoff, orders } = endOfDayOrders(ctx, date);
  const lines = orders.map((r) => ({
    number: r.number,
    placeName: r.place_name,
    publicArea: r.unit_id === null,
    categoryName: r.category_name,
    urgent: r.urgent === 1,
    reportedAt: r.reported_at,
    state: r.state,
    technicianName: r.technician_name,
    chaseCount: r.chase_count,
  }));
  const bytes = await renderForm(PAGE_FORMATS.a4, endOfDayDocument(lines, cutoff, formSite(ctx), lang, { printedAt: sitePrintedAt(ctx) }));
  return { bytes, cutoff, count: lines.length };
}
