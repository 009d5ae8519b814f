/**
 * Report parts: a wide numeric table for A4 landscape (header repeated on every page, numbers right-aligned with
 * thousands separators, a bold totals row) and the sign-off under a report (prepared by / reviewed by the
 * project manager / date, and the copy record). Independent of any one report's data: the monthly occupancy
 * report and repair statistics both build on these.
 *
 * The words these parts print are kept here in both languages (as a form keeps its own, see release-slip.ts);
 * a report can pass its own labels instead.
 */
import type { Language } from '../../shared/i18n/index';
import { formatFen, type Fen } from '../../shared/kernel/money';
import { formatNumber } from '../../shared/kernel/number-format';
import type { Content } from './engine';
import { signatureRow } from './parts';

export const REPORT_STRINGS = {
  'zh-CN': {
    total: '合计',
    preparedBy: '制表人',
    reviewedBy: '审核',
    reviewerRole: '项目经理',
    date: '日期',
    copiesTo: '抄送：',
    security: '保安部',
    cashier: '收银员',
    listSeparator: '、',
  },
  en: {
    total: 'Total',
    preparedBy: 'Prepared by',
    reviewedBy: 'Reviewed by',
    reviewerRole: 'Project manager',
    date: 'Date',
    copiesTo: 'Copies to: ',
    security: 'security',
    cashier: 'cashier',
    listSeparator: ', ',
  },
} as const satisfies Record<Language, Record<string, string>>;

const GREY = '#555555';
const RULE = '#888888';
const HEAD_FILL = '#eeeeee';
const TOTAL_FILL = '#e4e4e4';
const ZEBRA_FILL = '#f7f7f7';

export type CellValue = string | number | null;

export interface ReportColumn {
  header: string;
  /**
   * text: left-aligned as given; number: thousands separators, `decimals` places; percent: a number with a
   * % sign (the value is already 0–100); fen: integer fen printed as ¥1,000.00.
   */
  kind: 'text' | 'number' | 'percent' | 'fen';
  decimals?: number;
  /** pdfmake column width: points, '*' (share the rest) or 'auto'. Default: text 'auto', numbers '*'. */
  width?: number | '*' | 'auto';
}

export interface HeaderGroup {
  /** Printed over `span` adjacent columns; an empty label leaves those columns' header a single tall cell. */
  label: string;
  span: number;
}

export interface NumericTableInput {
  columns: ReportColumn[];
  rows: CellValue[][];
  /** The totals row (the first cell usually REPORT_STRINGS[lang].total), printed bold with a rule above. */
  totals?: CellValue[];
  /** An optional row of group headings above the column headers (e.g. "states at month end" over six columns). */
  groups?: HeaderGroup[];
  fontSize?: number;
}

/** The text a cell prints for its column's kind; null prints as empty (not zero: "no figure" is not 0). */
export function formatCell(col: ReportColumn, value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  switch (col.kind) {
    case 'text':
      return String(value);
    case 'number':
      return formatNumber(value, col.decimals ?? 0);
    case 'percent':
      return `${formatNumber(value, col.decimals ?? 1)}%`;
    case 'fen':
      return formatFen(value as Fen);
  }
}

/**
 * A wide numeric table: the header (with its group row, when given) repeats at the top of every page, rows
 * never split across pages, numbers are right-aligned with thousands separators, alternate rows are lightly
 * shaded so a long row can be followed across the page, and the totals row is bold, shaded, under a heavier rule.
 */
export function numericTable(input: NumericTableInput): Content {
  const { columns, rows, totals, groups } = input;
  const fontSize = input.fontSize ?? 8;
  if (groups && groups.reduce((n, g) => n + g.span, 0) !== columns.length) {
    throw new Error('numericTable: the header groups must span exactly the columns');
  }
  const alignOf = (c: ReportColumn) => (c.kind === 'text' ? 'left' : 'right');
  const body: Content[][] = [];

  if (groups) {
    const groupRow: Content[] = [];
    const colRow: Content[] = [];
    let i = 0;
    for (const g of groups) {
      if (!g.label) {
        // No group heading: the column headers below fill both header rows.
        for (let k = 0; k < g.span; k++) {
          // Lowered by about half a line: pdfmake has no vertical centring in a cell.
          groupRow.push(headCell(columns[i + k].header, fontSize, { rowSpan: 2, margin: [0, fontSize * 0.6, 0, 0] }));
          colRow.push({});
        }
      } else {
        groupRow.push(headCell(g.label, fontSize, { colSpan: g.span }));
        for (let k = 1; k < g.span; k++) groupRow.push({});
        for (let k = 0; k < g.span; k++) colRow.push(headCell(columns[i + k].header, fontSize));
      }
      i += g.span;
    }
    body.push(groupRow, colRow);
  } else {
    body.push(columns.map((c) => headCell(c.header, fontSize)));
  }
  const headerRows = body.length;

  rows.forEach((row, r) => {
    body.push(
      columns.map((c, i) => ({
        text: formatCell(c, row[i] ?? null) || ' ',
        alignment: alignOf(c),
        noWrap: c.kind !== 'text',
        fillColor: r % 2 === 1 ? ZEBRA_FILL : undefined,
      })),
    );
  });
  const totalsIndex = totals ? body.length : -1;
  if (totals) {
    body.push(columns.map((c, i) => ({ text: formatCell(c, totals[i] ?? null) || ' ', alignment: alignOf(c), bold: true, noWrap: c.kind !== 'text', fillColor: TOTAL_FILL })));
  }

  return {
    table: {
      headerRows,
      // The first data row stays with the header, so a page never ends with a header alone.
      keepWithHeaderRows: 1,
      dontBreakRows: true,
      widths: columns.map((c) => c.width ?? (c.kind === 'text' ? 'auto' : '*')),
      body,
    },
    layout: {
      hLineWidth: (i: number) => (i === 0 || i === headerRows || i === totalsIndex ? 0.9 : i === body.length ? 0.9 : 0.4),
      vLineWidth: () => 0.4,
      hLineColor: (i: number) => (i === headerRows || i === totalsIndex ? '#333333' : RULE),
      vLineColor: () => RULE,
      paddingLeft: () => 3,
      paddingRight: () => 3,
      paddingTop: () => 2,
      paddingBottom: () => 1.5,
    },
    fontSize,
    lineHeight: 1.05,
  };
}

function headCell(text: string, fontSize: number, extra: Record<string, unknown> = {}): Content {
  return { text, bold: true, fontSize: fontSize - 0.5, alignment: 'center', fillColor: HEAD_FILL, ...extra };
}

export interface SignOffInput {
  lang: Language;
  /** Who prepared it (e.g. the user who exported it), printed under the line they sign on. */
  preparedBy?: string | null;
  /** The reviewer's name when known (who finalised it), printed under the line after the role. */
  reviewedBy?: string | null;
  /** The date printed on the date line (YYYY-MM-DD); empty line when absent (dated by hand). */
  date?: string | null;
  /** Override the copy record (default: security, cashier). */
  copiesTo?: string[];
  /** Override any printed word. */
  labels?: Partial<(typeof REPORT_STRINGS)[Language]>;
}

/**
 * The sign-off under a report: prepared by / reviewed by (project manager) / date, each with a line to sign
 * (names, when known, printed under the lines; a paper report is still signed by hand), and the copy record ("copies to: security, cashier"). Built on parts.ts's signatureRow.
 */
export function reportSignOff(input: SignOffInput): Content {
  const L = { ...REPORT_STRINGS[input.lang], ...input.labels };
  const copies = input.copiesTo ?? [L.security, L.cashier];
  const reviewer = [L.reviewerRole, input.reviewedBy].filter(Boolean).join(' ');
  return {
    unbreakable: true,
    margin: [0, 8, 0, 0],
    stack: [
      signatureRow([
        { label: L.preparedBy, image: null, caption: input.preparedBy ?? undefined },
        { label: L.reviewedBy, image: null, caption: reviewer },
        // A date given is printed (the report's date); otherwise a line to date it by hand.
        input.date ? { label: L.date, image: null, instead: input.date } : { label: L.date, image: null },
      ]),
      { text: `${L.copiesTo}${copies.join(L.listSeparator)}`, fontSize: 7.5, color: GREY },
    ],
  };
}
