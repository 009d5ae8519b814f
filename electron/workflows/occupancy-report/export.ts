import { formSite } from '../../kit/print';
import type { Language } from '../../../shared/i18n/index';
import { localDate, type ServiceCtx } from '../../host/context';
import { renderForm } from '../../kit/records';
import { REPORT_FORMAT, reportDocument } from './forms/report-pdf';
import { reportWorkbook } from './forms/report-xlsx';
import { detailOf, getReport, monthEndRates } from './service';

export interface ExportInput {
  month: string;
  format: 'pdf' | 'xlsx';
  lang: Language;
  /** One finalised version of the month (by its number: open by number, `cli print YB-…`); else the latest. */
  snapshotId?: string;
}

/**
 * The month's report as a file: the latest finalised version when the month is finalised, else the draft from
 * the history now (the file says which). Its name: 月度物业动态信息表-2026-11[-YB-2026-000001|-草稿].pdf.
 */
export async function exportReport(ctx: ServiceCtx, input: ExportInput): Promise<{ bytes: Buffer; fileName: string; finalised: boolean; version: string | null }> {
  const report = getReport(ctx, { month: input.month, draft: false, snapshotId: input.snapshotId });
  const s = ctx.settings();
  const finalised = report.kind === 'final';
  const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const printedAt = new Intl.DateTimeFormat('sv-SE', { timeZone: tz, dateStyle: 'short', timeStyle: 'short' }).format(ctx.clock.now());
  let bytes: Buffer;
  if (input.format === 'pdf') {
    const doc = reportDocument({ report, trend: monthEndRates(ctx, input.month, 12, report), preparedBy: ctx.user?.displayName ?? null, finalisedOn: report.snapshot ? localDate(new Date(report.snapshot.finalisedAt)) : null, printedAt }, formSite(ctx), input.lang);
    bytes = await renderForm(REPORT_FORMAT, doc);
  } else {
    bytes = await reportWorkbook(report, detailOf(ctx, report), input.lang, { siteName: s.siteName, created: ctx.clock.now() });
  }
  const base = input.lang === 'zh-CN' ? '月度物业动态信息表' : 'occupancy-report';
  const which = report.snapshot ? report.snapshot.number + (report.snapshot.revision ? `-r${report.snapshot.revision}` : '') : input.lang === 'zh-CN' ? '草稿' : 'draft';
  const version = report.snapshot ? `${report.snapshot.number}${report.snapshot.revision ? `, revision ${report.snapshot.revision}` : ''}` : null;
  return { bytes, fileName: `${base}-${input.month}-${which}.${input.format}`, finalised, version };
}
