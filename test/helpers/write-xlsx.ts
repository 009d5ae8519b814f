/**
 * Writes ImportRows as a roster spreadsheet, the way a service center exports one from its old system:
 * an optional merged title row, then Chinese headers, one unit a row. IDs and phones are text cells,
 * areas and floors numbers, the tenancy start a date cell (or text with `datesAsText`).
 */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ImportRow } from '../../shared/master/import-schema';
import type { OccupancyState, UnitUse } from '../../shared/master/enums';

export const ROSTER_HEADERS = [
  '楼栋',
  '房号',
  '用途',
  '楼层',
  '建筑面积(㎡)',
  '房屋状态',
  '业主姓名',
  '业主电话',
  '证件号码',
  '租户姓名',
  '租户电话',
  '租户证件号',
  '起租日期',
] as const;

export const USE_LABELS: Record<UnitUse, string> = {
  residential: '住宅',
  office: '写字楼',
  business_apartment: '商务公寓',
  shop: '商铺',
};

export const STATE_LABELS: Record<OccupancyState, string> = {
  not_handed_over: '未接房',
  vacant: '空置',
  under_decoration: '装修中',
  owner_occupied: '自住',
  office_in_use: '办公',
  rented: '出租',
};

const COLUMN_WIDTHS = [10, 12, 10, 6, 12, 10, 26, 14, 22, 26, 14, 22, 12];
/** 1-based column numbers written as text ('@'): 房号, phones and ID numbers. */
const TEXT_COLUMNS = [2, 8, 9, 11, 12];

export interface RowsToXlsxOptions {
  /** e.g. "幸福里小区房屋信息表（2025年6月）", merged across all columns above the header. */
  titleRow?: string;
  /** Write 起租日期 as "YYYY-MM-DD" text instead of a date cell. */
  datesAsText?: boolean;
}

function isoToDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

export async function rowsToXlsx(rows: ImportRow[], opts: RowsToXlsxOptions = {}): Promise<Uint8Array> {
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

  // The streaming writer is several times faster than the in-memory workbook for 50,000 rows.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  wb.creator = '物业服务中心';
  const ws = wb.addWorksheet('房屋信息');
  ws.columns = COLUMN_WIDTHS.map((width, i) => ({
    width,
    style: TEXT_COLUMNS.includes(i + 1) ? { numFmt: '@' } : i === 4 ? { numFmt: '0.00' } : {},
  }));

  if (opts.titleRow) {
    const title = ws.addRow([opts.titleRow]);
    title.height = 28;
    title.getCell(1).font = { bold: true, size: 16 };
    title.getCell(1).alignment = { horizontal: 'center', vertical: 'middle' };
    ws.mergeCells(1, 1, 1, ROSTER_HEADERS.length);
    title.commit();
  }

  const header = ws.addRow([...ROSTER_HEADERS]);
  header.font = { bold: true };
  header.alignment = { horizontal: 'center' };
  header.commit();

  for (const r of rows) {
    const start: string | Date | null =
      r.tenancyStart == null ? null : opts.datesAsText ? r.tenancyStart : isoToDate(r.tenancyStart);
    const row = ws.addRow([
      r.buildingName ?? r.buildingCode,
      r.unitCode,
      USE_LABELS[r.use],
      r.floor,
      r.areaM2,
      r.state ? STATE_LABELS[r.state] : null,
      r.owner?.name ?? null,
      r.owner?.phone ?? null,
      r.owner?.idNumber ?? null,
      r.tenant?.name ?? null,
      r.tenant?.phone ?? null,
      r.tenant?.idNumber ?? null,
      start,
    ]);
    if (start instanceof Date) row.getCell(13).numFmt = 'yyyy-mm-dd';
    row.commit();
  }

  ws.commit();
  await wb.commit();
  await finished;
  const buf = Buffer.concat(chunks);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
