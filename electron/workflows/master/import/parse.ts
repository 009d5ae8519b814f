/**
 * Parses unit / owner / tenant lists exported by service centres from Excel or WPS (CSV, TXT, XLSX).
 *
 * Forgiving where it is safe (title rows above the header, header spelling variants, GBK CSV,
 * "15层", "120㎡", "+86 138…", merged cells) and strict where data would be wrong
 * (ID checksums, IDs mangled by Excel, unknown use/state values, duplicate units).
 * Never throws for bad input: every problem becomes an issue.
 */
import type { ImportIssue, ImportParty, ImportRow, ParsedImport } from '../../../../shared/master/import-schema';
import type { IdType } from '../../../../shared/master/enums';
import {
  matchHeader,
  matchHeaderPair,
  REQUIRED_COLUMN_LABEL,
  type ColumnKey,
  type HeaderMeaning,
  type Party,
  type PartyField,
} from './aliases';
import { checkIdNumber } from './id-number';
import { readFile, type Sheet } from './read';
import {
  birthdayFromResidentId,
  checkArea,
  checkBirthday,
  checkDate,
  checkFloor,
  checkIdType,
  checkPhone,
  checkState,
  checkText,
  checkUse,
  collapse,
  floorFromRoom,
  looksLikeCompany,
  normalizeBuilding,
  normalizeCode,
  normalizeRoom,
  normalizeUnitNo,
  parseUnitAddress,
  type Checked,
  type RawCell,
} from './values';

export interface ParseImportOptions {
  onProgress?: (done: number, total: number) => void;
}

/** How many rows from the top are searched for the header row. */
export const HEADER_SCAN_ROWS = 15;
export const MAX_NAME_LENGTH = 100;
export const MAX_CODE_LENGTH = 50;
/** As the unit and person forms accept (shared/master/schema.ts: note(500)). */
export const MAX_NOTE_LENGTH = 500;
const PROGRESS_EVERY = 1000;
const YIELD_EVERY = 5000;

interface Column {
  index: number;
  /** The header as written in the file ("业主信息/电话" for a two-row header). */
  label: string;
  composable: boolean;
}

interface Header {
  /** First header line (1-based). */
  line: number;
  /** First data line. */
  dataStart: number;
  columns: Map<ColumnKey, Column>;
  /** Headers not mapped to any field, as written (they are not imported). */
  ignored: string[];
}

const EMPTY: RawCell = { text: '' };

function cellText(cells: RawCell[], i: number): string {
  return collapse(cells[i]?.text ?? '');
}

interface Resolved {
  meaning: HeaderMeaning | null;
  label: string;
}

/** Resolves a two-row header: the upper row groups ("业主信息"), the lower row names the fields ("电话"). */
function resolvePair(upper: RawCell[], lower: RawCell[], width: number): Resolved[] {
  const out: Resolved[] = [];
  let group = '';
  for (let i = 0; i < width; i++) {
    const up = cellText(upper, i);
    const low = cellText(lower, i);
    // Horizontally merged group cells are empty in CSV: carry the group to the right.
    if (up !== '') group = up;
    const parent = up !== '' ? up : low !== '' ? group : '';
    if (low === '') {
      out.push({ meaning: matchHeader(parent), label: parent });
      continue;
    }
    const alone = matchHeader(low);
    const pair = matchHeaderPair(parent, low);
    if (pair && parent !== '' && parent !== low && !sameMeaning(pair, alone)) {
      out.push({ meaning: pair, label: `${parent}/${low}` });
    } else {
      const meaning = alone ?? pair;
      let label = low;
      // Bilingual headers ("楼栋" over "Building") and vertically merged cells: keep the upper text.
      if (up !== '' && meaning !== null && sameMeaning(matchHeader(up), meaning)) label = up;
      else if (!alone && parent !== '' && parent !== low) label = `${parent}/${low}`;
      out.push({ meaning, label });
    }
  }
  return out;
}

function sameMeaning(a: HeaderMeaning | null, b: HeaderMeaning | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function resolveSingle(cells: RawCell[], width: number): Resolved[] {
  const out: Resolved[] = [];
  for (let i = 0; i < width; i++) {
    const text = cellText(cells, i);
    out.push({ meaning: matchHeader(text), label: text });
  }
  return out;
}

function countMatched(resolved: Resolved[]): number {
  return resolved.filter((r) => r.meaning !== null).length;
}

function distinctNonEmpty(cells: RawCell[]): number {
  return new Set(cells.map((c) => collapse(c.text)).filter((t) => t !== '')).size;
}

/** Assigns header meanings to column keys, left to right; 电话/身份证号… go to the owner or tenant next to them. */
function assignColumns(resolved: Resolved[]): Map<ColumnKey, Column> {
  const columns = new Map<ColumnKey, Column>();
  const ambiguousUnit: Column[] = [];
  let context: Party = 'owner';
  const partyKey = (party: Party, field: PartyField): ColumnKey => `${party}${field}` as ColumnKey;

  resolved.forEach((r, index) => {
    const m = r.meaning;
    if (!m) return;
    const col: Column = { index, label: r.label, composable: false };
    if (m.kind === 'fixed') {
      if (m.key.startsWith('owner')) context = 'owner';
      else if (m.key.startsWith('tenant')) context = 'tenant';
      if (!columns.has(m.key)) columns.set(m.key, { ...col, composable: m.composable });
      return;
    }
    if (m.kind === 'unitAmbiguous') {
      ambiguousUnit.push(col);
      return;
    }
    const other: Party = context === 'owner' ? 'tenant' : 'owner';
    for (const party of [context, other]) {
      const key = partyKey(party, m.field);
      if (!columns.has(key)) {
        columns.set(key, col);
        context = party;
        return;
      }
    }
  });

  // 单元号: the 单元 part when another column holds the room / unit code, else the unit code itself.
  for (const col of ambiguousUnit) {
    if (!columns.has('unitCode')) columns.set('unitCode', { ...col, composable: true });
    else if (!columns.has('unitNo')) columns.set('unitNo', col);
  }
  return columns;
}

type HeaderSearch =
  | { found: false; blank: boolean }
  | { found: true; header: Header };

function findHeader(sheet: Sheet): HeaderSearch {
  const last = Math.min(HEADER_SCAN_ROWS, sheet.rowCount);
  let blank = true;
  for (let line = 1; line <= last; line++) {
    const cells = sheet.row(line);
    if (cells.some((c) => collapse(c.text) !== '')) blank = false;
    const single = resolveSingle(cells, cells.length);
    if (countMatched(single) < 2) continue;

    let resolved = single;
    let first = line;
    let dataStart = line + 1;
    // Two-row header, this row being the upper one: "业主信息" over "姓名 | 电话".
    if (line + 1 <= sheet.rowCount) {
      const lower = sheet.row(line + 1);
      const width = Math.max(cells.length, lower.length);
      const pair = resolvePair(cells, lower, width);
      const added = pair.filter((r, i) => {
        const low = cellText(lower, i);
        return r.meaning !== null && low !== '' && low !== cellText(cells, i);
      }).length;
      if (added >= 2) {
        resolved = pair;
        dataStart = line + 2;
      }
    }
    // Two-row header, this row being the lower one, under group labels ("房屋信息 | 业主信息").
    if (dataStart === line + 1 && line > 1) {
      const upper = sheet.row(line - 1);
      if (distinctNonEmpty(upper) >= 2) {
        const pair = resolvePair(upper, cells, Math.max(cells.length, upper.length));
        const changed = pair.some((r, i) => !sameMeaning(r.meaning, single[i]?.meaning ?? null));
        if (countMatched(pair) >= countMatched(single) && changed) {
          resolved = pair;
          first = line - 1;
        }
      }
    }
    const columns = assignColumns(resolved);
    const used = new Set([...columns.values()].map((c) => c.index));
    const ignored = resolved.filter((r, i) => r.label !== '' && !used.has(i)).map((r) => r.label);
    return { found: true, header: { line: first, dataStart, columns, ignored } };
  }
  return { found: false, blank: blank && sheet.rowCount <= last };
}

/** Columns that must be present: a unit code; a name column for each party that has other columns. */
function missingColumns(columns: Map<ColumnKey, Column>): string | null {
  if (!columns.has('unitCode')) return REQUIRED_COLUMN_LABEL.unitCode;
  for (const party of ['owner', 'tenant'] as const) {
    const fields: PartyField[] = ['Phone', 'Id', 'IdType', 'ContactPerson'];
    if (!columns.has(`${party}Name`) && fields.some((f) => columns.has(`${party}${f}` as ColumnKey))) {
      return party === 'owner' ? REQUIRED_COLUMN_LABEL.ownerName : REQUIRED_COLUMN_LABEL.tenantName;
    }
  }
  return null;
}

const SUMMARY = /^(合计|总计|小计|共计|总共|汇总|total|sum)/i;
const NOTE = /^(注|备注|说明|填表说明|填写说明|note)/i;

/** `<building>-<单元>-<房号>` for room numbers; codes that already hold a '-' get only the building prefix if missing. */
function composeCode(building: string, unitNo: string, room: string, composable: boolean): string {
  if (!composable || building === '') return room;
  if (room.includes('-')) return room.startsWith(`${building}-`) ? room : `${building}-${room}`;
  return unitNo !== '' ? `${building}-${unitNo}-${room}` : `${building}-${room}`;
}

class RowReader {
  readonly issues: ImportIssue[] = [];
  private readonly order = new Map<ImportIssue, number>();
  constructor(
    private readonly cells: RawCell[],
    private readonly line: number,
    private readonly columns: Map<ColumnKey, Column>,
  ) {}

  has(key: ColumnKey): boolean {
    return this.columns.has(key);
  }

  label(key: ColumnKey): string | null {
    return this.columns.get(key)?.label ?? null;
  }

  /** The cell of a column, or null when the file lacks the column or the cell holds a formula error (reported). */
  cell(key: ColumnKey): RawCell | null {
    const col = this.columns.get(key);
    if (!col) return null;
    const cell = this.cells[col.index] ?? EMPTY;
    if (cell.error !== undefined) {
      this.add(key, 'import.error.formulaError', { value: cell.error });
      return null;
    }
    return cell;
  }

  text(key: ColumnKey): string {
    return collapse(this.cell(key)?.text ?? '');
  }

  add(key: ColumnKey | null, code: string, params?: Record<string, string | number>): void {
    const issue: ImportIssue = { line: this.line, column: key ? this.label(key) : null, code };
    if (params) issue.params = params;
    this.issues.push(issue);
    this.order.set(issue, key ? (this.columns.get(key)?.index ?? -1) : -1);
  }

  /** The row's issues in the order of the file's columns. */
  sortedIssues(): ImportIssue[] {
    return [...this.issues].sort((a, b) => (this.order.get(a) ?? -1) - (this.order.get(b) ?? -1));
  }

  /** Runs a check on a column's cell; reports failures and returns the value (or the fallback). */
  check<T>(key: ColumnKey, fallback: T, fn: (cell: RawCell) => Checked<T>): T {
    const cell = this.cell(key);
    if (!cell) return fallback;
    const r = fn(cell);
    if (r.ok) return r.value;
    this.add(key, r.code, r.params);
    return fallback;
  }

  party(party: Party): ImportParty | null {
    const key = (field: PartyField): ColumnKey => `${party}${field}` as ColumnKey;
    const name = this.check(key('Name'), '', (c) => checkText(c.text, MAX_NAME_LENGTH));
    const contact = this.check(key('ContactPerson'), '', (c) => checkText(c.text, MAX_NAME_LENGTH));
    const phone = this.check<string | null>(key('Phone'), null, checkPhone);
    const givenBirthday = this.check<string | null>(key('Birthday'), null, checkBirthday);
    const note = this.check(key('Note'), '', (c) => checkText(c.text, MAX_NOTE_LENGTH));
    const issuesBefore = this.issues.length;
    const explicitType = this.check<IdType | null>(key('IdType'), null, (c) => checkIdType(c.text));
    const badType = this.issues.length > issuesBefore;
    const idCell = this.cell(key('Id'));
    const hasOther = phone !== null || contact !== '' || givenBirthday !== null || note !== '' || (idCell !== null && collapse(idCell.text) !== '');
    if (name === '') {
      if (hasOther && this.issues.every((i) => i.column !== this.label(key('Name')))) this.add(key('Name'), 'import.error.required');
      return null;
    }
    let kind: ImportParty['kind'] = looksLikeCompany(name) || explicitType === 'business_license' ? 'company' : 'person';
    let idType: IdType | null = null;
    let idNumber: string | null = null;
    // With an unknown 证件类型 the number cannot be judged; the type is reported instead.
    if (idCell && !badType) {
      const r = checkIdNumber(idCell, explicitType, kind === 'company');
      if (r && r.ok) {
        idType = r.idType;
        idNumber = r.idNumber;
        if (r.company) kind = 'company';
      } else if (r) {
        this.add(key('Id'), r.code);
      }
    }
    const out: ImportParty = { name, kind, phone, idType, idNumber, contactPerson: contact === '' ? null : contact };
    // A birthday the file gives wins; else a person's resident ID says it (its date was checked above).
    if (givenBirthday !== null) out.birthday = givenBirthday;
    else if (kind === 'person' && idType === 'resident_id' && idNumber) {
      const fromId = birthdayFromResidentId(idNumber);
      if (fromId) {
        out.birthday = fromId;
        out.birthdayFromId = true;
      }
    }
    if (note !== '') out.note = note;
    return out;
  }

  /** Whether the file gives a value in this column (without reporting anything). */
  given(key: ColumnKey): boolean {
    const col = this.columns.get(key);
    return col !== undefined && collapse(this.cells[col.index]?.text ?? '') !== '';
  }
}

interface RowOutcome {
  row: ImportRow | null;
  issues: ImportIssue[];
}

function readRow(cells: RawCell[], line: number, columns: Map<ColumnKey, Column>, seen: Map<string, number>, lineIssue: string | undefined): RowOutcome {
  const r = new RowReader(cells, line, columns);
  if (lineIssue) r.add(null, lineIssue);

  // Unit code and building.
  const unitCol = columns.get('unitCode');
  const roomCell = r.cell('unitCode');
  const buildingRaw = r.text('buildingCode');
  const building = normalizeBuilding(buildingRaw);
  const unitNo = normalizeUnitNo(r.text('unitNo'));
  let unitCode = '';
  let buildingCode = '';
  if (roomCell) {
    const roomText = collapse(roomCell.text);
    if (roomText === '') {
      r.add('unitCode', 'import.error.required');
    } else {
      let room = unitCol?.composable ? normalizeRoom(roomText) : normalizeCode(roomText);
      let b = building;
      let u = unitNo;
      let composable = unitCol?.composable ?? false;
      const address = parseUnitAddress(normalizeCode(roomText));
      if (address) {
        // "1栋2单元1502室" → 1-2-1502; it must agree with the 楼栋 column when both are given.
        if (address.building !== null && building !== '' && address.building !== building) {
          r.add('unitCode', 'import.error.buildingMismatch', { building: buildingRaw, unit: roomText });
        }
        b = address.building ?? building;
        u = address.unitNo ?? unitNo;
        room = address.room;
        composable = true;
      }
      const code = composeCode(b, u, room, composable);
      const text = checkText(code, MAX_CODE_LENGTH);
      if (!text.ok) {
        r.add('unitCode', text.code, text.params);
      } else {
        unitCode = code;
        buildingCode = b !== '' ? b : code.includes('-') ? code.split('-')[0] : '';
        if (buildingCode === '') r.add(r.has('buildingCode') ? 'buildingCode' : 'unitCode', 'import.error.noBuilding', { unit: roomText });
        else if ([...buildingCode].length > MAX_CODE_LENGTH) r.add('buildingCode', 'import.error.tooLong', { max: MAX_CODE_LENGTH });
        const firstLine = seen.get(unitCode);
        if (firstLine !== undefined) r.add('unitCode', 'import.error.duplicateUnit', { firstLine, unit: unitCode });
        else seen.set(unitCode, line);
      }
    }
  }

  let buildingName: string | null = null;
  if (r.has('buildingName')) {
    const name = r.check('buildingName', '', (c) => checkText(c.text, MAX_NAME_LENGTH));
    buildingName = name === '' ? null : name;
  } else if (buildingRaw !== '' && buildingRaw !== buildingCode) {
    const name = checkText(buildingRaw, MAX_NAME_LENGTH);
    if (name.ok) buildingName = name.value;
  }

  const use = r.check('use', 'residential' as ImportRow['use'], (c) => checkUse(c.text));
  let floor = r.check<number | null>('floor', null, checkFloor);
  let floorFromCode = false;
  if (floor === null && !r.given('floor') && unitCode !== '') {
    floor = floorFromRoom(unitCode);
    floorFromCode = floor !== null;
  }
  const note = r.check('unitNote', '', (c) => checkText(c.text, MAX_NOTE_LENGTH));
  const areaM2 = r.check<number | null>('areaM2', null, checkArea);
  const state = r.check<ImportRow['state']>('state', null, (c) => checkState(c.text));
  const owner = r.party('owner');
  const tenant = r.party('tenant');
  const tenancyStart = r.check<string | null>('tenancyStart', null, checkDate);

  if (r.issues.length > 0) return { row: null, issues: r.sortedIssues() };
  const row: ImportRow = { line, buildingCode, buildingName, unitCode, use, floor, areaM2, state, owner, tenant, tenancyStart };
  if (floorFromCode) row.floorFromCode = true;
  if (!r.given('use')) row.useDefaulted = true;
  if (note !== '') row.note = note;
  return { row, issues: [] };
}

function emptyResult(encoding: string | null): ParsedImport {
  return { columns: {}, headerLine: 0, rows: [], errors: [], fileErrors: [], totalLines: 0, encoding, skipped: [], ignoredColumns: [] };
}

function fileError(result: ParsedImport, line: number, code: string, params?: Record<string, string | number>): ParsedImport {
  const issue: ImportIssue = { line, column: null, code };
  if (params) issue.params = params;
  result.fileErrors.push(issue);
  result.rows = [];
  result.skipped = [];
  return result;
}

function columnsRecord(columns: Map<ColumnKey, Column>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, col] of [...columns.entries()].sort((a, b) => a[1].index - b[1].index)) out[key] = col.label;
  return out;
}

function hasDataRows(sheet: Sheet, header: Header): boolean {
  for (let line = header.dataStart; line <= sheet.rowCount; line++) {
    if (skipReason(sheet.row(line), header.columns) === null) return true;
  }
  return false;
}

const NOTE_KEYS: ReadonlySet<ColumnKey> = new Set(['unitNote', 'ownerNote', 'tenantNote']);

/**
 * Only the cells of recognised columns other than remarks count when deciding whether a row is blank:
 * templates pre-fill 序号, and a remark alone (no unit) is a footnote, not a unit.
 */
function mappedCells(cells: RawCell[], columns: Map<ColumnKey, Column>, notes: boolean): RawCell[] {
  const out: RawCell[] = [];
  for (const [key, col] of columns) if (NOTE_KEYS.has(key) === notes) out.push(cells[col.index] ?? EMPTY);
  return out;
}

function texts(cells: RawCell[]): string[] {
  return cells.map((c) => collapse(c.text)).filter((t) => t !== '');
}

/**
 * Lines under the header that are not rows, and why: blank (in the recognised columns), a summary
 * (合计/总计…), or a note (a lone 注：… line, or a remark with nothing else). Null for a row to read.
 */
function skipReason(cells: RawCell[], columns: Map<ColumnKey, Column>): 'blank' | 'summary' | 'note' | null {
  const mapped = texts(mappedCells(cells, columns, false));
  const all = texts(cells);
  const summary = (t: string[]) => t.length > 0 && SUMMARY.test(t[0].normalize('NFKC').replace(/\s/g, ''));
  if (summary(mapped) || summary(all)) return 'summary';
  if (all.length === 1 && NOTE.test(all[0])) return 'note';
  if (mapped.length === 0) return texts(mappedCells(cells, columns, true)).length > 0 ? 'note' : 'blank';
  return null;
}

const nextTick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function parseImportFile(fileName: string, data: Uint8Array, opts?: ParseImportOptions): Promise<ParsedImport> {
  const read = await readFile(fileName, data);
  if (!read.ok) return fileError(emptyResult(null), 0, read.code, read.params);
  const result = emptyResult(read.encoding);

  // Pick the sheet: the first with a usable header and data, else the first with a usable header,
  // else the first with any header (to report its missing columns).
  let chosen: { sheet: Sheet; header: Header } | null = null;
  let usableEmpty: { sheet: Sheet; header: Header } | null = null;
  let incomplete: { sheet: Sheet; header: Header; missing: string } | null = null;
  let allBlank = true;
  for (const sheet of read.sheets) {
    const search = findHeader(sheet);
    if (!search.found) {
      if (!search.blank) allBlank = false;
      continue;
    }
    allBlank = false;
    const missing = missingColumns(search.header.columns);
    if (missing) {
      incomplete ??= { sheet, header: search.header, missing };
      continue;
    }
    if (hasDataRows(sheet, search.header)) {
      chosen = { sheet, header: search.header };
      break;
    }
    usableEmpty ??= { sheet, header: search.header };
  }

  if (!chosen) {
    if (usableEmpty) {
      result.columns = columnsRecord(usableEmpty.header.columns);
      result.headerLine = usableEmpty.header.line;
      return fileError(result, usableEmpty.header.line, 'import.error.empty');
    }
    if (incomplete) {
      result.columns = columnsRecord(incomplete.header.columns);
      result.headerLine = incomplete.header.line;
      return fileError(result, incomplete.header.line, 'import.error.missingColumns', { columns: incomplete.missing });
    }
    return fileError(result, 0, allBlank ? 'import.error.empty' : 'import.error.noHeader');
  }

  const { sheet, header } = chosen;
  result.columns = columnsRecord(header.columns);
  result.headerLine = header.line;
  result.ignoredColumns = header.ignored;
  // Blank lines count as skipped only between rows; the empty (often formatted) tail of a sheet does not.
  let blanks: number[] = [];
  const seen = new Map<string, number>();
  const total = Math.max(0, sheet.rowCount - header.dataStart + 1);
  let done = 0;
  for (let line = header.dataStart; line <= sheet.rowCount; line++) {
    const cells = sheet.row(line);
    done++;
    if (done % PROGRESS_EVERY === 0) opts?.onProgress?.(done, total);
    if (done % YIELD_EVERY === 0) await nextTick();
    const reason = skipReason(cells, header.columns);
    if (reason === 'blank') {
      blanks.push(line);
      continue;
    }
    for (const b of blanks) result.skipped.push({ line: b, reason: 'blank' });
    blanks = [];
    if (reason) {
      result.skipped.push({ line, reason });
      continue;
    }
    result.totalLines++;
    const outcome = readRow(cells, line, header.columns, seen, sheet.lineIssues.get(line));
    if (outcome.row) result.rows.push(outcome.row);
    else result.errors.push(...outcome.issues);
  }
  opts?.onProgress?.(total, total);
  return result;
}
