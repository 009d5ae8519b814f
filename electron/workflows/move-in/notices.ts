/**
 * 入伙通知书 from the developer's spreadsheet (XLSX or CSV) through the import machinery's reader and cell
 * checks (electron/workflows/master/import): a preview with per-row errors, kept as a batch until the clerk
 * commits it (all rows, or only the valid ones). Committed notices are the owners expected: the waiting list.
 */
import { q } from '../../../db/statements';
import { AppError } from '../../../shared/kernel/errors';
import { maskPhone } from '../../../shared/master/id-number';
import type { ChannelOutput, ChannelParsedInput } from '../../../shared/contract';
import type { ServiceCtx } from '../../host/context';
import { atomic, siteToday } from '../../kit/atomic';
import { checkDate, checkPhone, checkText, collapse, normalizeKeyword, occupancyStateOn, readImportFile as readFile, type ImportReadResult as ReadResult, type ImportSheet as Sheet, type RawCell } from '../master/service';

type Col = 'unit' | 'building' | 'owner' | 'phone' | 'date';
const HEADERS: Record<Col, string[]> = {
  unit: ['房号', '房屋编号', '房屋', '单元', '房间号', '房屋代码', 'unit', 'unitcode', 'room'],
  building: ['楼栋', '楼号', '栋', '楼栋号', 'building'],
  owner: ['业主', '业主姓名', '姓名', '业主名称', 'owner', 'ownername', 'name'],
  phone: ['电话', '联系电话', '手机', '手机号码', '业主电话', 'phone', 'mobile'],
  date: ['入伙日期', '入伙时间', '通知日期', '交房日期', '入伙通知日期', 'noticedate', 'moveindate', 'date'],
};
const SCAN_ROWS = 15;

function headerOf(sheet: Sheet): { line: number; cols: Partial<Record<Col, number>> } | null {
  for (let line = 1; line <= Math.min(sheet.rowCount, SCAN_ROWS); line++) {
    const cols: Partial<Record<Col, number>> = {};
    sheet.row(line).forEach((c, i) => {
      const k = normalizeKeyword(c.text.replace(/[*＊:：()（）]/g, ''));
      for (const [col, words] of Object.entries(HEADERS) as [Col, string[]][]) if (cols[col] === undefined && words.some((w) => normalizeKeyword(w) === k)) cols[col] = i;
    });
    if (cols.unit !== undefined && cols.owner !== undefined && cols.date !== undefined) return { line, cols };
  }
  return null;
}

interface PreviewRow {
  line: number;
  unitCode: string;
  unitId: string | null;
  ownerName: string;
  phone: string | null;
  noticeDate: string | null;
  errors: { field: string; code: string; params?: Record<string, string | number> }[];
}

const unitByCode = (ctx: ServiceCtx, code: string) => q(ctx.db, 'SELECT id, code FROM units WHERE code = ? AND voided_at IS NULL').get<{ id: string; code: string }>(code);
const noticeOfUnit = (ctx: ServiceCtx, unitId: string) => q(ctx.db, "SELECT 1 FROM move_in_notices n JOIN move_in_batches b ON b.id = n.batch_id WHERE n.unit_id = ? AND b.state = 'committed'").value(unitId);

/** The rows' checks: a known unit not handed over, not twice in the file, without a notice already; an owner's name; a valid phone; a notice date. */
function checkRows(ctx: ServiceCtx, sheet: Sheet, header: { line: number; cols: Partial<Record<Col, number>> }): PreviewRow[] {
  const out: PreviewRow[] = [];
  const seen = new Map<string, number>();
  const today = siteToday(ctx);
  const cell = (cells: RawCell[], c: Col): RawCell => (header.cols[c] === undefined ? { text: '' } : (cells[header.cols[c]!] ?? { text: '' }));
  for (let line = header.line + 1; line <= sheet.rowCount; line++) {
    const cells = sheet.row(line);
    if (!cells.some((c) => collapse(c.text) !== '')) continue;
    const errors: PreviewRow['errors'] = [];
    const issue = sheet.lineIssues.get(line);
    if (issue) errors.push({ field: 'line', code: issue });
    const rawUnit = collapse(cell(cells, 'unit').text).toUpperCase();
    const building = collapse(cell(cells, 'building').text).toUpperCase();
    let unit = rawUnit ? unitByCode(ctx, rawUnit) : undefined;
    if (!unit && rawUnit && building && !rawUnit.startsWith(`${building}-`)) unit = unitByCode(ctx, `${building}-${rawUnit}`);
    const unitCode = unit?.code ?? rawUnit;
    if (!rawUnit) errors.push({ field: 'unit', code: 'import.error.required' });
    else if (!unit) errors.push({ field: 'unit', code: 'movein.v.unknownUnit', params: { code: rawUnit } });
    else {
      const state = occupancyStateOn(ctx, unit.id, today);
      if (state && state !== 'not_handed_over') errors.push({ field: 'unit', code: 'movein.v.unitHandedOver', params: { code: unit.code } });
      else if (seen.has(unit.id)) errors.push({ field: 'unit', code: 'movein.v.duplicateInFile', params: { line: seen.get(unit.id)! } });
      else if (noticeOfUnit(ctx, unit.id)) errors.push({ field: 'unit', code: 'movein.v.noticeExists', params: { code: unit.code } });
      if (!seen.has(unit.id)) seen.set(unit.id, line);
    }
    const owner = checkText(cell(cells, 'owner').text, 50);
    let ownerName = '';
    if (!owner.ok) errors.push({ field: 'owner', code: owner.code, params: owner.params });
    else if (!owner.value) errors.push({ field: 'owner', code: 'import.error.required' });
    else ownerName = owner.value;
    const phone = checkPhone(cell(cells, 'phone'));
    if (!phone.ok) errors.push({ field: 'phone', code: phone.code, params: phone.params });
    const date = checkDate(cell(cells, 'date'));
    if (!date.ok) errors.push({ field: 'date', code: date.code, params: date.params });
    else if (!date.value) errors.push({ field: 'date', code: 'import.error.required' });
    out.push({ line, unitCode, unitId: unit?.id ?? null, ownerName, phone: phone.ok ? phone.value : null, noticeDate: date.ok ? date.value : null, errors });
  }
  return out;
}

const writePreview = atomic(function writePreview(ctx: ServiceCtx, batch: { name: string; fileName: string; rows: PreviewRow[]; fileError: { field: string; code: string; params?: Record<string, string | number> } | null }) {
  const id = ctx.newId();
  const valid = batch.rows.filter((r) => !r.errors.length).length;
  q(ctx.db, `INSERT INTO move_in_batches (id, name, file_name, state, preview, valid, invalid, created_by, created_at) VALUES (?, ?, ?, 'preview', ?, ?, ?, ?, ?)`).run(
    id, batch.name, batch.fileName, JSON.stringify(batch.rows), valid, batch.rows.length - valid, ctx.user?.id ?? null, ctx.nowIso(),
  );
  ctx.audit('import-preview', 'move-in', null, null, { batch: id, file: batch.fileName, valid, invalid: batch.rows.length - valid, fileError: batch.fileError?.code ?? null });
  const rows = batch.rows.map(({ phone, ...r }) => ({ ...r, phoneMasked: phone ? maskPhone(phone) : null }));
  return { batchId: id, name: batch.name, fileName: batch.fileName, fileError: batch.fileError, rows, valid, invalid: batch.rows.length - valid };
});

export async function previewNotices(ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.importPreview'>): Promise<ChannelOutput<'moveIn.importPreview'>> {
  return previewRead(ctx, input, await readFile(input.fileName, Buffer.from(input.contentBase64, 'base64')));
}

/** The preview of a file already read (synchronous: the demo seeds its notices through it, in its transaction). */
export function previewRead(ctx: ServiceCtx, input: { fileName: string; batchName: string | null }, read: ReadResult): ChannelOutput<'moveIn.importPreview'> {
  const name = input.batchName ?? `${input.fileName.replace(/\.[^.]+$/, '')} ${siteToday(ctx)}`;
  if (!read.ok) return writePreview(ctx, { name, fileName: input.fileName, rows: [], fileError: { field: 'file', code: read.code, params: read.params } });
  for (const sheet of read.sheets) {
    const header = headerOf(sheet);
    if (header) return writePreview(ctx, { name, fileName: input.fileName, rows: checkRows(ctx, sheet, header), fileError: null });
  }
  return writePreview(ctx, { name, fileName: input.fileName, rows: [], fileError: { field: 'file', code: 'movein.import.noHeader' } });
}

/** Commits a previewed batch: refused while rows have errors unless only the valid ones are asked for; each row re-checked against the data as it is now. */
export const commitNotices = atomic(function commitNotices(ctx: ServiceCtx, input: ChannelParsedInput<'moveIn.importCommit'>): ChannelOutput<'moveIn.importCommit'> {
  const b = q(ctx.db, 'SELECT id, state, preview, invalid FROM move_in_batches WHERE id = ?').get<{ id: string; state: string; preview: string; invalid: number }>(input.batchId);
  if (!b) throw new AppError('NOT_FOUND');
  if (b.state !== 'preview') throw new AppError('BAD_STATE', 'movein.error.batchCommitted');
  if (b.invalid > 0 && !input.onlyValid) throw new AppError('BAD_STATE', 'movein.error.importHasErrors', { params: { count: b.invalid } });
  const rows = JSON.parse(b.preview) as PreviewRow[];
  const today = siteToday(ctx);
  let imported = 0;
  const insert = q(ctx.db, 'INSERT INTO move_in_notices (id, batch_id, line, unit_id, owner_name, phone, notice_date, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  for (const r of rows) {
    if (r.errors.length || !r.unitId || !r.noticeDate) continue;
    const state = occupancyStateOn(ctx, r.unitId, today);
    if ((state && state !== 'not_handed_over') || noticeOfUnit(ctx, r.unitId)) continue;
    insert.run(ctx.newId(), b.id, r.line, r.unitId, r.ownerName, r.phone, r.noticeDate, ctx.nowIso());
    imported++;
  }
  q(ctx.db, "UPDATE move_in_batches SET state = 'committed', committed_at = ? WHERE id = ?").run(ctx.nowIso(), b.id);
  ctx.audit('import', 'move-in', null, null, { batch: b.id, imported, skipped: rows.length - imported });
  return { batchId: b.id, imported, skipped: rows.length - imported };
});
