/**
 * Spreadsheets for reports, over exceljs: a summary sheet (title, a bold frozen header with an auto-filter,
 * numbers stored as numbers with a number format, a totals row of SUM formulas) and a detail sheet streamed
 * row by row (50,000 units and more). Every sheet goes through exceljs's streaming writer into memory, so a
 * report is one Buffer and a large detail sheet never holds a workbook model of every row.
 *
 * A totals formula carries its computed value as the cached result: a reader that does not recalculate
 * (a previewer, a phone, exceljs itself) shows the number, and Excel / WPS show the same after recalculating.
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatNumber } from '../../shared/kernel/number-format';

export type XlsxCell = string | number | Date | null;

export interface XlsxColumn {
  header: string;
  /**
   * text: as given; number: `decimals` places, thousands separators; percent: given 0–100, stored as a
   * fraction with a % format (so it calculates like a percentage); fen: integer fen stored as yuan (¥) with
   * two places; date: a Date or 'YYYY-MM-DD', stored as a date cell.
   */
  kind: 'text' | 'number' | 'percent' | 'fen' | 'date';
  decimals?: number;
  /** Fixed width in characters; otherwise fitted to the content (CJK characters count double). */
  width?: number;
}

/** How a totals cell is computed: a SUM over the data rows (the default for number and fen columns), nothing, or a formula of your own. */
export type TotalSpec =
  | 'sum'
  | 'none'
  | {
      /** The formula without '=', given the address of any column's cell in the totals row (0-based column index). */
      formula: (at: (column: number) => string) => string;
      /** Its value, stored as the cached result, in the column's units (a percent as 0–100). */
      result: number;
    };

export interface TableSheetInput {
  name: string;
  /** Merged across the columns above everything else (e.g. 幸福里 月度物业动态信息表 2026年11月). */
  title?: string;
  /** A second line under the title (e.g. "as of 2026-11-30 · draft"). */
  subtitle?: string;
  columns: XlsxColumn[];
  rows: XlsxCell[][];
  /** The totals row: its label goes in the first column; each other column per `cells` (default: sum numbers). */
  totals?: { label: string; cells?: (TotalSpec | undefined)[] };
}

/** Where things landed (1-based row numbers), for a caller that refers to the sheet in its own formulas. */
export interface TableSheetLayout {
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  totalsRow: number | null;
}

export interface DetailSheetInput {
  name: string;
  title?: string;
  columns: XlsxColumn[];
  rows: Iterable<XlsxCell[]> | AsyncIterable<XlsxCell[]>;
}

export interface ReportBook {
  /** Adds a sheet in the order called; a sheet is written out as soon as it is added. */
  addTableSheet(input: TableSheetInput): TableSheetLayout;
  addDetailSheet(input: DetailSheetInput): Promise<{ rows: number }>;
  /** Finishes the file: the .xlsx bytes. */
  finish(): Promise<Buffer>;
}

/** Widths are fitted on the header and this many rows of a streamed sheet (its columns are written before its rows). */
export const FIT_SAMPLE_ROWS = 1000;
const MIN_WIDTH = 6;
const MAX_WIDTH = 50;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF999999' } };
const MEDIUM: ExcelJS.Border = { style: 'medium', color: { argb: 'FF333333' } };

/**
 * A workbook for a report. `created` is the report's clock (time is injected), so the same report gives the
 * same file properties.
 */
export function createReportBook(opts: { created: Date; creator?: string }): ReportBook {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    sink.on('finish', () => resolve());
    sink.on('error', reject);
  });
  // Inline strings rather than a shared-string table: no table of every distinct string held in memory
  // until the end, and each row is final when it is committed.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = opts.creator ?? 'FrontDesk';
  wb.created = opts.created;
  wb.modified = opts.created;
  let pending: Promise<unknown> = Promise.resolve();

  return {
    addTableSheet(input) {
      return writeTableSheet(wb, input);
    },
    addDetailSheet(input) {
      const done = writeDetailSheet(wb, input);
      pending = pending.then(() => done);
      return done;
    },
    async finish() {
      await pending;
      await wb.commit();
      await finished;
      return Buffer.concat(chunks);
    },
  };
}

/** The number format Excel shows a column's cells in. */
export function numFmtOf(col: XlsxColumn): string | undefined {
  const places = (n: number) => (n > 0 ? `.${'0'.repeat(n)}` : '');
  switch (col.kind) {
    case 'number':
      return `#,##0${places(col.decimals ?? 0)}`;
    case 'percent':
      return `0${places(col.decimals ?? 1)}%`;
    case 'fen':
      return '#,##0.00';
    case 'date':
      return 'yyyy-mm-dd';
    case 'text':
      return undefined;
  }
}

/** The value stored in the cell: numbers as numbers (percent as a fraction, fen as yuan), dates as dates. */
export function cellValueOf(col: XlsxColumn, value: XlsxCell): XlsxCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') {
    if (col.kind === 'percent') return value / 100;
    if (col.kind === 'fen') return value / 100;
    return value;
  }
  if (col.kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  return value;
}

/** How wide a text looks in a spreadsheet cell, in character widths: CJK and other wide characters count two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return w;
}

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x20000
  );
}

/** The text a cell shows (for fitting widths): the value as its number format prints it. */
function shownText(col: XlsxColumn, value: XlsxCell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return '0000-00-00';
  if (typeof value === 'string') return value;
  switch (col.kind) {
    case 'percent':
      return `${formatNumber(value, col.decimals ?? 1)}%`;
    case 'fen':
      return formatNumber(value / 100, 2);
    case 'number':
      return formatNumber(value, col.decimals ?? 0);
    default:
      return String(value);
  }
}

/** Column widths fitted to the header and the given rows. */
export function fitWidths(columns: XlsxColumn[], rows: Iterable<XlsxCell[]>, extra: XlsxCell[][] = []): number[] {
  // A header wraps onto two lines if it must, so it needs only about half its width.
  const widths = columns.map((c) => Math.max(MIN_WIDTH, Math.ceil(displayWidth(c.header) / (displayWidth(c.header) > 16 ? 2 : 1))));
  const take = (row: XlsxCell[]) => {
    for (let i = 0; i < columns.length; i++) {
      const w = displayWidth(shownText(columns[i], row[i] ?? null));
      if (w > widths[i]) widths[i] = w;
    }
  };
  for (const r of rows) take(r);
  for (const r of extra) take(r);
  return columns.map((c, i) => c.width ?? Math.min(MAX_WIDTH, widths[i] + 2));
}

const colLetter = (n: number): string => {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
};

function writeTitle(ws: ExcelJS.Worksheet, text: string, width: number, size: number) {
  const row = ws.addRow([text]);
  row.height = size * 1.8;
  row.getCell(1).font = { bold: true, size };
  row.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
  if (width > 1) ws.mergeCells(row.number, 1, row.number, width);
  row.commit();
}

function writeHeader(ws: ExcelJS.Worksheet, columns: XlsxColumn[]): number {
  const row = ws.addRow(columns.map((c) => c.header));
  row.eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = { top: THIN, bottom: MEDIUM, left: THIN, right: THIN };
  });
  row.commit();
  return row.number;
}

function writeTableSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, input: TableSheetInput): TableSheetLayout {
  const { columns, rows, totals } = input;
  const headerRow = 1 + (input.title ? 1 : 0) + (input.subtitle ? 1 : 0);
  const firstDataRow = headerRow + 1;
  const lastDataRow = headerRow + rows.length;
  const totalsRow = totals ? lastDataRow + 1 : null;
  const last = colLetter(columns.length);
  const ws = wb.addWorksheet(input.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  const totalsValues = totals && totalsRow ? totalsRowValues(columns, rows, totals, { firstDataRow, lastDataRow, totalsRow }) : null;
  const widths = fitWidths(columns, rows, totalsValues ? [totalsValues.map((t) => t.shown)] : []);
  ws.columns = columns.map((c, i) => ({ width: widths[i], style: numFmtOf(c) ? { numFmt: numFmtOf(c) } : {} }));

  if (input.title) writeTitle(ws, input.title, columns.length, 14);
  if (input.subtitle) writeTitle(ws, input.subtitle, columns.length, 10);
  writeHeader(ws, columns);
  for (const r of rows) {
    const row = ws.addRow(columns.map((c, i) => cellValueOf(c, r[i] ?? null)));
    row.eachCell({ includeEmpty: false }, (cell) => (cell.border = { left: THIN, right: THIN, bottom: THIN }));
    row.commit();
  }
  if (totals && totalsRow && totalsValues) {
    const row = ws.addRow(
      totalsValues.map((t, i) => {
        if (i === 0) return totals.label;
        if (t.formula === null) return null;
        return { formula: t.formula, result: cellValueOf(columns[i], t.result) as number } as ExcelJS.CellFormulaValue;
      }),
    );
    for (let i = 1; i <= columns.length; i++) {
      const cell = row.getCell(i);
      cell.font = { bold: true };
      cell.fill = HEADER_FILL;
      cell.border = { top: MEDIUM, bottom: MEDIUM, left: THIN, right: THIN };
    }
    row.commit();
  }
  // The filter covers the header and the data; the totals row stays put under it when sorting.
  ws.autoFilter = `A${headerRow}:${last}${Math.max(headerRow, lastDataRow)}`;
  ws.commit();
  return { headerRow, firstDataRow, lastDataRow, totalsRow };
}

/** Each totals cell: its formula (null: empty), the value it computes, and what it shows (for fitting widths). */
function totalsRowValues(
  columns: XlsxColumn[],
  data: XlsxCell[][],
  totals: NonNullable<TableSheetInput['totals']>,
  rowsAt: { firstDataRow: number; lastDataRow: number; totalsRow: number },
): { formula: string | null; result: number | null; shown: XlsxCell }[] {
  const at = (column: number) => `${colLetter(column + 1)}${rowsAt.totalsRow}`;
  return columns.map((c, i) => {
    if (i === 0) return { formula: null, result: null, shown: totals.label };
    const spec: TotalSpec = totals.cells?.[i] ?? (c.kind === 'number' || c.kind === 'fen' ? 'sum' : 'none');
    if (spec === 'none') return { formula: null, result: null, shown: null };
    if (spec === 'sum') {
      // Summed over what the caller gave (fen as integers, so the cached result has no float drift).
      const sum = data.reduce((s, r) => s + (typeof r[i] === 'number' ? (r[i] as number) : 0), 0);
      const L = colLetter(i + 1);
      const formula = data.length ? `SUM(${L}${rowsAt.firstDataRow}:${L}${rowsAt.lastDataRow})` : '0';
      return { formula, result: sum, shown: sum };
    }
    return { formula: spec.formula(at), result: spec.result, shown: spec.result };
  });
}

async function writeDetailSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, input: DetailSheetInput): Promise<{ rows: number }> {
  const { columns } = input;
  const headerRow = input.title ? 2 : 1;
  const ws = wb.addWorksheet(input.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` },
  });
  const iterator = toAsyncIterator(input.rows);
  // Columns are written before the first row, so widths are fitted on a sample read ahead.
  const sample: XlsxCell[][] = [];
  let next = await iterator.next();
  while (!next.done && sample.length < FIT_SAMPLE_ROWS) {
    sample.push(next.value);
    next = await iterator.next();
  }
  const widths = fitWidths(columns, sample);
  ws.columns = columns.map((_, i) => ({ width: widths[i] }));
  if (input.title) writeTitle(ws, input.title, columns.length, 12);
  writeHeader(ws, columns);

  // One style object per column, shared by all its cells (text columns: none). exceljs caches a style's id by
  // object identity, so a shared object is looked up once, where a per-cell copy of the column style (what
  // exceljs makes by default) is serialised and looked up on every cell: twice the time for 50,000 rows.
  const styles = columns.map((c) => {
    const numFmt = numFmtOf(c);
    return numFmt ? ({ numFmt } as Partial<ExcelJS.Style>) : null;
  });
  const needsConversion = columns.some((c) => c.kind === 'percent' || c.kind === 'fen' || c.kind === 'date');
  let count = 0;
  const write = (r: XlsxCell[]) => {
    const row = ws.addRow(needsConversion ? columns.map((c, i) => cellValueOf(c, r[i] ?? null)) : r);
    for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i] as Partial<ExcelJS.Style>;
    row.commit();
    count++;
  };
  for (const r of sample) write(r);
  while (!next.done) {
    write(next.value);
    next = await iterator.next();
  }
  ws.autoFilter = `A${headerRow}:${colLetter(columns.length)}${headerRow + Math.max(count, 0)}`;
  ws.commit();
  return { rows: count };
}

function toAsyncIterator<T>(rows: Iterable<T> | AsyncIterable<T>): { next(): Promise<IteratorResult<T>> } {
  if (Symbol.asyncIterator in rows) return (rows as AsyncIterable<T>)[Symbol.asyncIterator]();
  const it = (rows as Iterable<T>)[Symbol.iterator]();
  return { next: () => Promise.resolve(it.next()) };
}
