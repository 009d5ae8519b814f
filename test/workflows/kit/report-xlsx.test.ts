/**
 * The XLSX kit for reports, read back with exceljs as a spreadsheet program would open the file: numbers are
 * numbers, totals are formulas whose cached results equal the sums, the header is bold, frozen and filtered,
 * and a 50,000-row detail sheet streams out in seconds and round-trips.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createReportBook, displayWidth, FIT_SAMPLE_ROWS, fitWidths, type TotalSpec, type XlsxCell, type XlsxColumn } from '../../../electron/kit/xlsx';
import { sampleBuildings, sampleTable } from '../../helpers/report-sample';

const CREATED = new Date('2026-12-01T01:00:00Z');

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** The summary sheet as the monthly report will write it: the PDF sample's table, with a rate formula in the totals. */
function summaryInput() {
  const { columns, rows, totals } = sampleTable(sampleBuildings(8), 'zh-CN');
  const xcols: XlsxColumn[] = columns.map((c) => ({ header: c.header, kind: c.kind === 'percent' ? 'percent' : c.kind === 'number' ? 'number' : 'text', decimals: c.decimals }));
  // Occupancy of the whole site: occupied (owner-occupied + office + rented) over handed over, in the totals row.
  const rate = totals[14] as number;
  return {
    xcols,
    rows: rows as XlsxCell[][],
    totals,
    input: {
      name: '汇总',
      title: '阳光花园 月度物业动态信息表 2026年11月',
      subtitle: '截至 2026-11-30（草稿）',
      columns: xcols,
      rows: rows as XlsxCell[][],
      totals: {
        label: '合计',
        cells: xcols.map((_, i): TotalSpec | undefined => (i === 14 ? { formula: (at) => `IF(${at(2)}=0,0,(${at(3)}+${at(4)}+${at(5)})/${at(2)})`, result: rate } : undefined)),
      },
    },
  };
}

describe('report XLSX: the summary sheet', () => {
  it('stores numbers as numbers with their formats, and totals as SUM formulas whose cached results are the sums', async () => {
    const { xcols, rows, totals, input } = summaryInput();
    const book = createReportBook({ created: CREATED });
    const layout = book.addTableSheet(input);
    expect(layout).toEqual({ headerRow: 3, firstDataRow: 4, lastDataRow: 11, totalsRow: 12 });
    const wb = await load(await book.finish());
    expect(wb.created.toISOString()).toBe(CREATED.toISOString());
    const ws = wb.getWorksheet('汇总')!;

    // Title merged across the table (15 columns, A–O), subtitle under it.
    expect(xcols).toHaveLength(15);
    expect(ws.getCell('A1').value).toBe(input.title);
    expect(ws.getCell('O1').isMerged).toBe(true);
    expect(ws.getCell('A2').value).toBe(input.subtitle);

    // Header: bold, frozen under it, the filter over header and data (not the totals).
    const header = ws.getRow(3);
    expect(xcols.map((_, i) => header.getCell(i + 1).value)).toEqual(xcols.map((c) => c.header));
    for (let i = 1; i <= xcols.length; i++) expect(header.getCell(i).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.autoFilter).toBe('A3:O11');

    // Data: numbers are numbers (not text), with a thousands format; the rate a fraction shown as a percentage.
    rows.forEach((r, ri) => {
      const row = ws.getRow(4 + ri);
      expect(row.getCell(1).value).toBe(r[0]);
      for (let i = 1; i < 14; i++) {
        const cell = row.getCell(i + 1);
        expect(cell.type).toBe(ExcelJS.ValueType.Number);
        expect(cell.value).toBe(r[i]);
        expect(cell.numFmt).toBe('#,##0');
      }
      expect(row.getCell(15).value).toBeCloseTo((r[14] as number) / 100, 12);
      expect(row.getCell(15).numFmt).toBe('0.0%');
    });

    // Totals: formulas, each cached result the sum of the cells above it as read back.
    const t = ws.getRow(12);
    expect(t.getCell(1).value).toBe('合计');
    expect(t.getCell(1).font?.bold).toBe(true);
    for (let i = 1; i < 14; i++) {
      const cell = t.getCell(i + 1);
      const col = cell.address.replace(/\d+$/, '');
      expect(cell.type).toBe(ExcelJS.ValueType.Formula);
      expect(cell.formula).toBe(`SUM(${col}4:${col}11)`);
      let sum = 0;
      for (let r = 4; r <= 11; r++) sum += ws.getCell(`${col}${r}`).value as number;
      expect(cell.result).toBe(sum);
      expect(cell.result).toBe(totals[i]);
      expect(cell.font?.bold).toBe(true);
      expect(cell.numFmt).toBe('#,##0');
    }
    const rate = t.getCell(15);
    expect(rate.numFmt).toBe('0.0%');
    expect(rate.formula).toBe('IF(C12=0,0,(D12+E12+F12)/C12)');
    const read = (a: string) => (ws.getCell(a).result as number);
    expect(rate.result).toBeCloseTo((read('D12') + read('E12') + read('F12')) / read('C12'), 12);
  });

  it('fits column widths to the content, counting CJK characters double', async () => {
    expect(displayWidth('1号楼')).toBe(5);
    expect(displayWidth('Building 1')).toBe(10);
    expect(displayWidth('（草稿）')).toBe(8);
    const cols: XlsxColumn[] = [
      { header: '楼栋', kind: 'text' },
      { header: 'Building', kind: 'text' },
      { header: '户数', kind: 'number' },
    ];
    const [cjk, latin, num] = fitWidths(cols, [['阳光花园东区十二号楼', 'Block 12 East', 1234567]]);
    expect(cjk).toBe(20 + 2);
    expect(latin).toBe(13 + 2);
    // "1,234,567" as the number format shows it.
    expect(num).toBe(9 + 2);

    const book = createReportBook({ created: CREATED });
    book.addTableSheet({ name: 's', columns: cols, rows: [['阳光花园东区十二号楼', 'Block 12 East', 1234567]] });
    const ws = (await load(await book.finish())).getWorksheet('s')!;
    expect([1, 2, 3].map((c) => ws.getColumn(c).width)).toEqual([22, 15, 11]);
  });

  it('writes a total of 0 (not a broken range) over no rows, and money as yuan', async () => {
    const book = createReportBook({ created: CREATED });
    book.addTableSheet({ name: 'empty', columns: [{ header: '楼栋', kind: 'text' }, { header: '户数', kind: 'number' }], rows: [], totals: { label: '合计' } });
    book.addTableSheet({ name: 'money', columns: [{ header: '项目', kind: 'text' }, { header: '押金', kind: 'fen' }], rows: [['A', 123456], ['B', 1]], totals: { label: '合计' } });
    const wb = await load(await book.finish());
    const e = wb.getWorksheet('empty')!.getCell('B2');
    expect([e.formula, e.result]).toEqual(['0', 0]);
    const m = wb.getWorksheet('money')!;
    expect(m.getCell('B2').value).toBe(1234.56);
    expect(m.getCell('B2').numFmt).toBe('#,##0.00');
    expect(m.getCell('B4').formula).toBe('SUM(B2:B3)');
    expect(m.getCell('B4').result).toBe(1234.57);
  });
});

describe('report XLSX: the detail sheet', () => {
  const STATES = ['自住', '办公', '出租', '空置', '装修中', '未接房'];
  const COLUMNS: XlsxColumn[] = [
    { header: '楼栋', kind: 'text' },
    { header: '房号', kind: 'text' },
    { header: '月末状态', kind: 'text' },
    { header: '建筑面积(㎡)', kind: 'number', decimals: 2 },
    { header: '楼层', kind: 'number' },
    { header: '变动日期', kind: 'date' },
    { header: '变动前状态', kind: 'text' },
    { header: '本月变动', kind: 'number' },
  ];
  const N = 50_000;
  function* units(): Generator<XlsxCell[]> {
    for (let i = 0; i < N; i++) {
      const b = (i % 40) + 1;
      const changed = i % 7 === 0;
      yield [`${b}号楼`, `${b}-${(Math.floor(i / 40) % 3) + 1}-${String(Math.floor(i / 120) + 101)}`, STATES[i % 6], 60 + (i % 97) + 0.25, (Math.floor(i / 120) % 33) + 1, changed ? `2026-11-${String((i % 28) + 1).padStart(2, '0')}` : null, changed ? STATES[(i + 1) % 6] : null, changed ? 1 : 0];
    }
  }

  it(`streams ${N.toLocaleString('en')} rows × ${COLUMNS.length} columns well inside the bench budget, and they round-trip`, async () => {
    const t0 = performance.now();
    const book = createReportBook({ created: CREATED });
    const { input } = summaryInput();
    book.addTableSheet(input);
    const written = await book.addDetailSheet({ name: '明细', title: '房屋明细（截至 2026-11-30）', columns: COLUMNS, rows: units() });
    const buf = await book.finish();
    const ms = performance.now() - t0;
    console.log(`report XLSX: summary + ${N} detail rows × ${COLUMNS.length} columns written in ${ms.toFixed(0)} ms (${(buf.length / 1e6).toFixed(1)} MB)`);
    expect(written.rows).toBe(N);
    // Not a benchmark (npm run bench is): a ceiling only a broken writer would reach.
    expect(ms).toBeLessThan(30_000);

    const r0 = performance.now();
    const wb = await load(buf);
    console.log(`read back with exceljs in ${(performance.now() - r0).toFixed(0)} ms`);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', '明细']);
    const ws = wb.getWorksheet('明细')!;
    expect(ws.rowCount).toBe(N + 2);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    expect(ws.autoFilter).toBe(`A2:H${N + 2}`);
    expect(ws.getRow(2).getCell(1).font?.bold).toBe(true);
    expect(COLUMNS.map((_, i) => ws.getRow(2).getCell(i + 1).value)).toEqual(COLUMNS.map((c) => c.header));

    let i = 0;
    let area = 0;
    let expectedArea = 0;
    const rooms = new Set<string>();
    for (const expected of units()) {
      const row = ws.getRow(3 + i);
      expect(row.getCell(1).value).toBe(expected[0]);
      const a = row.getCell(4);
      expect(a.type).toBe(ExcelJS.ValueType.Number);
      area += a.value as number;
      expectedArea += expected[3] as number;
      expect(row.getCell(5).value).toBe(expected[4]);
      if (expected[5]) {
        expect(row.getCell(6).value).toEqual(new Date(`${expected[5]}T00:00:00Z`));
        expect(row.getCell(6).numFmt).toBe('yyyy-mm-dd');
      } else {
        expect(row.getCell(6).value).toBeNull();
      }
      rooms.add(`${row.getCell(1).value}/${row.getCell(2).value}`);
      i++;
    }
    expect(i).toBe(N);
    expect(area).toBeCloseTo(expectedArea, 6);
    expect(ws.getRow(3).getCell(4).numFmt).toBe('#,##0.00');
    expect(rooms.size).toBe(N);
    // Widths fitted on the header and the rows read ahead (a streamed sheet's columns precede its rows).
    const sample: XlsxCell[][] = [];
    for (const r of units()) if (sample.push(r) >= FIT_SAMPLE_ROWS) break;
    const widths = fitWidths(COLUMNS, sample);
    expect(COLUMNS.map((_, c) => ws.getColumn(c + 1).width)).toEqual(widths);
    expect(widths[0]).toBe(displayWidth('40号楼') + 2);
  });

  it('takes an async source (rows read from the database in pages) the same way', async () => {
    async function* pages() {
      for (let p = 0; p < 3; p++) for (let i = 0; i < 700; i++) yield [`${p + 1}号楼`, `${p + 1}-${i}`, STATES[i % 6], 88.5, 3, null, null, 0] as XlsxCell[];
    }
    const book = createReportBook({ created: CREATED });
    const { rows } = await book.addDetailSheet({ name: '明细', columns: COLUMNS, rows: pages() });
    expect(rows).toBe(2100);
    const ws = (await load(await book.finish())).getWorksheet('明细')!;
    expect(ws.rowCount).toBe(2101);
    expect(ws.getCell('B2101').value).toBe('3-699');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
