import type { Language } from '../../../shared/i18n/index';
import type { ServiceCtx } from '../../host/context';
import { createReportBook, type XlsxColumn } from '../../kit/xlsx';
import { ledgerView } from './service';

const WORDS = {
  'zh-CN': {
    sheet: '装修押金', title: '装修押金台账', asOf: '截至', held: '在押押金', count: '笔数', amount: '金额', age: '押金时长',
    lt3m: '3个月以内', '3to6m': '3–6个月', '6to12m': '6–12个月', gt12m: '12个月以上',
    due: '待退押金', overdue: '逾期未退', number: '装修编号', unit: '房号', applicant: '申请人', contractor: '装修单位', refundDue: '应退日期', total: '合计',
  },
  en: {
    sheet: 'Deposits', title: 'Decoration deposit ledger', asOf: 'as of', held: 'Deposits held', count: 'Count', amount: 'Amount', age: 'Held for',
    lt3m: 'under 3 months', '3to6m': '3–6 months', '6to12m': '6–12 months', gt12m: 'over 12 months',
    due: 'Refunds due', overdue: 'Refunds overdue', number: 'Permit', unit: 'Unit', applicant: 'Applicant', contractor: 'Contractor', refundDue: 'Refund due', total: 'Total',
  },
} as const;

/** The manager's view of the deposits as a workbook: held by age, then the refunds due and overdue. */
export async function exportLedger(ctx: ServiceCtx, lang: Language): Promise<{ fileName: string; bytes: Buffer }> {
  const w = WORDS[lang];
  const v = ledgerView(ctx, 10_000);
  const book = createReportBook({ created: ctx.clock.now() });
  const site = ctx.settings().siteName;
  book.addTableSheet({
    name: w.sheet,
    title: `${site} ${w.title}`,
    subtitle: `${w.asOf} ${v.asOf}`,
    columns: [{ header: w.age, kind: 'text' }, { header: w.count, kind: 'number' }, { header: w.amount, kind: 'fen' }],
    rows: v.byAge.map((b) => [w[b.bucket], b.count, b.fen]),
    totals: { label: w.total },
  });
  const cols: XlsxColumn[] = [
    { header: w.number, kind: 'text' }, { header: w.unit, kind: 'text' }, { header: w.applicant, kind: 'text' }, { header: w.contractor, kind: 'text' },
    { header: w.refundDue, kind: 'date' }, { header: w.amount, kind: 'fen' },
  ];
  for (const [name, rows] of [[w.due, v.refundsDue], [w.overdue, v.refundsOverdue]] as const)
    book.addTableSheet({
      name,
      title: `${site} ${name}`,
      subtitle: `${w.asOf} ${v.asOf}`,
      columns: cols,
      rows: rows.map((r) => [r.number, r.unitCode, r.applicantName, r.contractor, r.refundDue, r.depositHeldFen]),
      totals: { label: w.total, cells: [undefined, 'none', 'none', 'none', 'none', 'sum'] },
    });
  return { fileName: `deposits-${v.asOf}.xlsx`, bytes: await book.finish() };
}
