/** Turns the bytes of an import file into sheets of cells (CSV/TXT via papaparse, XLSX via exceljs). */
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { dateToIso, numberText, type RawCell } from './values';

/** One table of cells; lines are 1-based spreadsheet row numbers, cells 0-based columns. */
export interface Sheet {
  name: string | null;
  rowCount: number;
  row(line: number): RawCell[];
  /** Problems found while reading a line (CSV quoting), keyed by line. */
  lineIssues: Map<number, string>;
}

export type ReadResult =
  | { ok: true; sheets: Sheet[]; encoding: string | null }
  | { ok: false; code: string; params?: Record<string, string | number> };

type Format = 'csv' | 'xlsx' | 'xls' | 'unsupported';

function extension(fileName: string): string {
  const m = /\.([^./\\]+)$/.exec(fileName.trim());
  return m ? m[1].toLowerCase() : '';
}

function formatOf(ext: string): Format {
  switch (ext) {
    case 'csv':
    case 'txt':
    case 'tsv':
      return 'csv';
    case 'xlsx':
    case 'xlsm':
      return 'xlsx';
    case 'xls':
      return 'xls';
    default:
      return 'unsupported';
  }
}

function startsWith(data: Uint8Array, bytes: number[]): boolean {
  if (data.length < bytes.length) return false;
  return bytes.every((b, i) => data[i] === b);
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether an OLE compound file holds an encrypted OOXML package ("EncryptionInfo" stream name, UTF-16LE). */
function isEncryptedOoxml(data: Uint8Array): boolean {
  const needle = Array.from('EncryptionInfo').flatMap((ch) => [ch.charCodeAt(0), 0]);
  const limit = Math.min(data.length - needle.length, 1 << 20);
  outer: for (let i = 0; i <= limit; i++) {
    for (let j = 0; j < needle.length; j++) if (data[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export async function readFile(fileName: string, data: Uint8Array): Promise<ReadResult> {
  const ext = extension(fileName);
  const format = formatOf(ext);
  if (format === 'unsupported') return { ok: false, code: 'import.error.unsupportedFormat', params: { ext: ext || '?' } };
  if (data.length === 0) return { ok: false, code: 'import.error.empty' };
  // Trust the content over the name: a renamed xlsx is still an xlsx, an .xls renamed to .xlsx is still an xls.
  if (startsWith(data, ZIP)) return readXlsx(data);
  if (startsWith(data, OLE)) {
    if (format === 'xlsx' && isEncryptedOoxml(data)) return { ok: false, code: 'import.error.encrypted' };
    return { ok: false, code: 'import.error.xlsNotSupported' };
  }
  if (format === 'xls') return { ok: false, code: 'import.error.xlsNotSupported' };
  if (format === 'xlsx') return { ok: false, code: 'import.error.unreadable' };
  return readCsv(data);
}

/** Decodes CSV bytes: UTF-16 by BOM, else UTF-8 when valid, else GB18030 (what Chinese Excel/WPS writes). */
export function decodeText(data: Uint8Array): { text: string; encoding: string } {
  if (startsWith(data, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(data), encoding: 'utf-16le' };
  if (startsWith(data, [0xfe, 0xff])) return { text: new TextDecoder('utf-16be').decode(data), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(data), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(data), encoding: 'gb18030' };
  }
}

const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * Picks the delimiter under which most of the first lines split into the same number (> 1) of fields.
 * (papaparse's own guess gives up on short files with a title row or a trailing blank line.)
 */
export function guessDelimiter(text: string): string {
  const preview = text.slice(0, 64 * 1024);
  let best: { d: string; rows: number; fields: number } = { d: ',', rows: 0, fields: 0 };
  for (const d of DELIMITERS) {
    const rows = Papa.parse<string[]>(preview, { delimiter: d, skipEmptyLines: 'greedy', preview: 30 }).data;
    const byCount = new Map<number, number>();
    for (const r of rows) if (r.length > 1) byCount.set(r.length, (byCount.get(r.length) ?? 0) + 1);
    for (const [fields, n] of byCount) {
      if (n > best.rows || (n === best.rows && fields > best.fields)) best = { d, rows: n, fields };
    }
  }
  return best.d;
}

/** CSV/TXT bytes to one sheet (synchronous: the demo seeds its move-in notices through it inside a transaction). */
export function readCsv(data: Uint8Array): ReadResult {
  const { text, encoding } = decodeText(data);
  // Binary junk: many NUL characters do not occur in any text file.
  let nul = 0;
  for (let i = 0; i < Math.min(text.length, 4096); i++) if (text.charCodeAt(i) === 0) nul++;
  if (nul > 8) return { ok: false, code: 'import.error.unreadable' };

  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: guessDelimiter(text) });
  const rows = parsed.data;
  const lineIssues = new Map<number, string>();
  for (const e of parsed.errors) {
    if (e.type === 'Quotes' && e.row !== undefined) lineIssues.set(e.row + 1, 'import.error.badQuotes');
  }
  const sheet: Sheet = {
    name: null,
    rowCount: rows.length,
    row: (line) => (rows[line - 1] ?? []).map((text) => ({ text: text ?? '' })),
    lineIssues,
  };
  return { ok: true, sheets: [sheet], encoding };
}

/** The text the clerk sees for an exceljs cell value, plus its typed value. */
export function cellFromValue(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return { text: '' };
  if (typeof v === 'string') return { text: v };
  if (typeof v === 'number') return { text: numberText(v), num: v };
  if (typeof v === 'boolean') return { text: v ? 'TRUE' : 'FALSE' };
  if (v instanceof Date) return { text: dateToIso(v) ?? '', date: v };
  if ('error' in v) return { text: v.error, error: v.error };
  if ('richText' in v) return { text: v.richText.map((r) => r.text).join('') };
  if ('hyperlink' in v) {
    const t: unknown = v.text;
    if (typeof t === 'string') return { text: t };
    if (t && typeof t === 'object' && 'richText' in t && Array.isArray(t.richText)) {
      return { text: (t.richText as Array<{ text?: unknown }>).map((r) => String(r.text ?? '')).join('') };
    }
    return { text: v.hyperlink };
  }
  if ('formula' in v || 'sharedFormula' in v) return cellFromValue(v.result ?? null);
  return { text: '' };
}

async function readXlsx(data: Uint8Array): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { ok: false, code: 'import.error.unreadable' };
  }
  const all = workbook.worksheets;
  // Visible sheets first, in tab order; hidden ones only as a fallback.
  const ordered = [...all.filter((ws) => ws.state === 'visible' || !ws.state), ...all.filter((ws) => ws.state && ws.state !== 'visible')];
  const sheets: Sheet[] = ordered.map((ws) => ({
    name: ws.name,
    rowCount: ws.rowCount,
    row: (line) => {
      const row = ws.findRow(line);
      if (!row) return [];
      const values = row.values;
      if (!Array.isArray(values)) return [];
      const cells: RawCell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellFromValue(values[i]));
      return cells;
    },
    lineIssues: new Map(),
  }));
  return { ok: true, sheets, encoding: null };
}
