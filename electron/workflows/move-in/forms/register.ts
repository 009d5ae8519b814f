/**
 * 房屋交接汇总表: the handover register of a building or of an imported batch of notices, on A4 landscape — the
 * counts by status, then one line a unit (its owner, notice date, RH number, status, handover date, the reason
 * it was not handed over or the step it waits for), the header repeated on every page; signed by whoever
 * prepared it and the reviewer. Not one record's form: printed through moveIn.printRegister.
 */
import { REGISTER_STATUSES } from '../../../../shared/workflows/move-in/rules';
import type { Register } from '../../../../shared/workflows/move-in/schema';
import type { Content, DocDefinition } from '../../../pdf/engine';
import { footer, signatureRow } from '../../../pdf/parts';
import { numericTable, type ReportColumn } from '../../../pdf/table';
import { fill, GREY, namesOf, RED, wordsOf, type FormBase } from './common';

/** Counts in the summary line as on the screen: 2,000. */
const GROUPED = new Intl.NumberFormat('en-US');

export function registerDocument(input: FormBase, reg: Register): DocDefinition {
  const t = wordsOf(input.lang);
  const x = t.register;
  const n = namesOf(input.lang);
  const scope = fill(reg.scope.kind === 'building' ? x.scopeBuilding : x.scopeBatch, { name: reg.scope.name });

  const columns: ReportColumn[] = [
    { header: x.colNo, kind: 'number', width: 30 },
    { header: x.colUnit, kind: 'text', width: 70 },
    { header: x.colOwner, kind: 'text', width: '*' },
    { header: x.colNotice, kind: 'text', width: 62 },
    { header: x.colNumber, kind: 'text', width: 88 },
    { header: x.colStatus, kind: 'text', width: 82 },
    { header: x.colHandover, kind: 'text', width: 62 },
    { header: x.colReason, kind: 'text', width: 150 },
  ];
  const rows = reg.rows.map((r, i) => [
    i + 1,
    r.unitCode,
    r.ownerNames,
    r.noticeDate ?? '',
    r.number ?? '',
    n.register[r.status],
    r.handoverDate ?? '',
    r.reason ? n.reason[r.reason] : r.nextStep ? fill(x.nextStep, { step: n.step[r.nextStep] }) : '',
  ]);
  const body = numericTable({ columns, rows, fontSize: 8 }) as { table: { body: Record<string, unknown>[][] } };
  reg.rows.forEach((r, i) => {
    if (r.status === 'not_handed_over') Object.assign(body.table.body[i + 1][5], { bold: true, color: RED });
  });

  const countColumns: ReportColumn[] = [...REGISTER_STATUSES.map((s) => ({ header: n.register[s], kind: 'number' as const })), { header: t.flow.total, kind: 'number' }];
  const counts = numericTable({ columns: countColumns, rows: [[...REGISTER_STATUSES.map((s) => reg.counts[s]), reg.counts.total]], fontSize: 8.5 });

  const content: Content[] = [
    { text: input.site.siteName, fontSize: 10, bold: true },
    input.site.formHeader ? { text: input.site.formHeader, fontSize: 7.5, color: GREY } : '',
    { text: x.title, fontSize: 14, bold: true, alignment: 'center', margin: [0, 4, 0, 2] },
    { text: scope, fontSize: 9, alignment: 'center', bold: true },
    { text: fill(x.counts, Object.fromEntries(Object.entries(reg.counts).map(([k, v]) => [k, GROUPED.format(v)]))), fontSize: 8, alignment: 'center', color: '#333333', margin: [0, 2, 0, 6] },
    counts,
    { text: ' ', fontSize: 6 },
    reg.rows.length ? body : { text: x.none, margin: [0, 8, 0, 8] },
    {
      unbreakable: true,
      margin: [0, 12, 0, 0],
      stack: [signatureRow([{ label: x.preparedBy, image: null }, { label: x.reviewedBy, image: null }, { label: t.date, image: null }])],
    },
  ];
  return {
    pageMargins: [28, 26, 28, 28],
    defaultStyle: { fontSize: 8, lineHeight: 1.05 },
    info: { title: `${x.title} ${reg.scope.name}`, subject: scope, creator: 'FrontDesk' },
    content,
    footer: footer(t.printed, input.opts.printedAt, (page, pages) => fill(t.page, { page, pages })),
  };
}
