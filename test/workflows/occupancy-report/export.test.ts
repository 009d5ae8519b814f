/**
 * The monthly occupancy report's files on a small real site: the PDF read back with poppler (every building
 * row, the totals, the sign-off, draft or the finalised number, A4 landscape) and the XLSX with exceljs
 * (numbers are numbers, totals are formulas whose results equal the figures, one detail row per unit).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderForm } from '../../../electron/kit/records';
import { exportReport } from '../../../electron/workflows/occupancy-report/export';
import { reportDocument } from '../../../electron/workflows/occupancy-report/forms/report-pdf';
import { PAGE_FORMATS } from '../../../shared/kernel/records';
import { figuresOf, totalOf } from '../../../shared/workflows/occupancy-report/rules';
import type { OccupancyReport } from '../../../shared/workflows/occupancy-report/schema';
import { monthEndRates } from '../../../electron/workflows/occupancy-report/service';
import { formatNumber } from '../../../shared/kernel/number-format';
import type { OccupancyState } from '../../../shared/master/enums';
import { pdfFile, pdfPages, pdfText, pdfToPng } from '../../helpers/pdf-tools';
import { PASSWORD, testEnv, type TestEnv } from '../../helpers/host';

async function on(env: TestEnv, date: string) {
  env.clock.set(`${date}T04:00:00.000Z`);
  await env.ok('auth.unlock', { password: PASSWORD }, 'mgr');
}

const squeeze = (s: string) => s.replace(/[ \t]+/g, ' ');
const pageSize = (file: string) => {
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!;
  return { width: Math.round(Number(m[1])), height: Math.round(Number(m[2])) };
};

/**
 * Two buildings: 1号楼 with 1-101…1-103, 2号楼 with 2-201, 2-202; all not handed over from 5 October 2026.
 * November: 1-101 handed over (move-in) and owner moves in; 1-102 handed over and decoration starts;
 * 2-201 handed over, an office moves in; 1-103 and 2-202 stay not handed over.
 */
async function site() {
  const env = testEnv();
  env.clock.set('2026-10-01T04:00:00.000Z');
  await env.init();
  const b1 = await env.ok('buildings.create', { code: '1', name: '1号楼', note: null });
  const b2 = await env.ok('buildings.create', { code: '2', name: '2号楼', note: null });
  const unit = async (b: string, code: string) => (await env.ok('units.create', { buildingId: b, code, use: 'residential', floor: 1, areaM2: 90, note: null })).id;
  const u = {
    '1-101': await unit(b1.id, '1-101'),
    '1-102': await unit(b1.id, '1-102'),
    '1-103': await unit(b1.id, '1-103'),
    '2-201': await unit(b2.id, '2-201'),
    '2-202': await unit(b2.id, '2-202'),
  };
  const set = (id: string, state: OccupancyState) => env.ok('units.setOccupancy', { unitId: id, state, effectiveDate: env.clock.now().toISOString().slice(0, 10), note: null });
  await on(env, '2026-10-05');
  for (const id of Object.values(u)) await set(id, 'not_handed_over');
  await on(env, '2026-11-03');
  await set(u['1-101'], 'vacant');
  await set(u['1-102'], 'vacant');
  await set(u['2-201'], 'vacant');
  await on(env, '2026-11-10');
  await set(u['1-101'], 'owner_occupied');
  await set(u['1-102'], 'under_decoration');
  await on(env, '2026-11-20');
  await set(u['2-201'], 'office_in_use');
  await on(env, '2026-12-02');
  return { env, u };
}

async function workbook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe('the occupancy report exported', () => {
  it('prints the draft on A4 landscape: every building, the totals, the sign-off; finalised, the number', async () => {
    const { env, u } = await site();
    const ctx = env.host.ctx(null);
    const draft = await exportReport(ctx, { month: '2026-11', format: 'pdf', lang: 'zh-CN' });
    expect(draft.finalised).toBe(false);
    expect(draft.fileName).toBe('月度物业动态信息表-2026-11-草稿.pdf');
    const file = pdfFile(draft.bytes, 'occupancy-2026-11-zh.pdf');
    expect(pageSize(file)).toEqual({ width: 842, height: 595 });
    expect(pdfPages(file)).toBe(1);
    const text = squeeze(pdfText(file));
    expect(text).toContain('月度物业动态信息表');
    expect(text).toContain('2026年11月');
    expect(text).toContain('草稿');
    // Columns: units, handed over, not handed over, owner-occupied, office, rented, vacant, decoration, 5 movements, rate.
    expect(text).toContain('1号楼 3 2 1 1 0 0 0 1 2 1 0 1 0 50.00%');
    expect(text).toContain('2号楼 2 1 1 0 1 0 0 0 1 1 0 0 0 100.00%');
    expect(text).toContain('合计 5 3 2 1 1 0 0 1 3 2 0 1 0 66.67%');
    for (const s of ['制表人', '审核', '项目经理', '日期', '抄送：保安部、收银员', '各楼栋房屋状态', '近12个月入住率']) expect(text).toContain(s);
    console.log(`occupancy report PNG: ${pdfToPng(file, path.join(path.dirname(file), 'occupancy-zh'), 70).join(', ')}`);

    // The trend: the month ends before November had nothing handed over (no rate); November's is the draft's.
    const trend = monthEndRates(ctx, '2026-11');
    expect(trend.map((t) => t.month)).toEqual(['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(trend.map((t) => t.rateBp)).toEqual([...Array(11).fill(null), 6667]);

    const finalised = await env.ok('occupancyReport.finalise', { month: '2026-11' });
    const number = finalised.snapshot!.number;
    const en = await exportReport(ctx, { month: '2026-11', format: 'pdf', lang: 'en' });
    expect(en.finalised).toBe(true);
    expect(en.fileName).toBe(`occupancy-report-2026-11-${number}.pdf`);
    const enFile = pdfFile(en.bytes, 'occupancy-2026-11-en.pdf');
    const enText = squeeze(pdfText(enFile));
    expect(enText).toContain(`finalised ${number}`);
    expect(enText).not.toMatch(/\bdraft\b/);
    expect(enText).toContain('Total 5 3 2 1 1 0 0 1 3 2 0 1 0 66.67%');
    for (const s of ['1号楼', '2号楼', 'Prepared by', 'Reviewed by', 'Project manager 王经理', 'Copies to: security, cashier']) expect(enText).toContain(s);
    expect(pageSize(enFile)).toEqual({ width: 842, height: 595 });
    expect(monthEndRates(ctx, '2026-11').at(-1)).toEqual({ month: '2026-11', rateBp: 6667, finalised: true });
    console.log(`occupancy report PNG (en): ${pdfToPng(enFile, path.join(path.dirname(enFile), 'occupancy-en'), 70).join(', ')}`);

    // A late change dated in November, then a revision: the file is the revision, numbered, and says so.
    await env.ok('units.setOccupancy', { unitId: u['1-103'], state: 'vacant', effectiveDate: '2026-11-25', note: '补录：11月25日已交房' });
    const revised = await env.ok('occupancyReport.revise', { month: '2026-11', reason: '补录 1-103 交房' });
    const rev = await exportReport(ctx, { month: '2026-11', format: 'pdf', lang: 'zh-CN' });
    expect(rev).toMatchObject({ finalised: true, version: `${revised.snapshot!.number}, revision 1`, fileName: `月度物业动态信息表-2026-11-${revised.snapshot!.number}-r1.pdf` });
    const revText = squeeze(pdfText(pdfFile(rev.bytes, 'occupancy-2026-11-r1.pdf')));
    expect(revText).toContain(`已定稿 ${revised.snapshot!.number}（第 1 次修订） 截至 2026-11-30 修订原因：补录 1-103 交房`);
    expect(revText).toContain('1号楼 3 3 0 1 0 0 1 1 3 1 0 1 0 33.33%');
    expect(revText).toContain('合计 5 4 1 1 1 0 1 1 4 2 0 1 0 50.00%');
  }, 60_000);

  it('writes the XLSX: numbers as numbers, totals as formulas equal to the figures, one detail row per unit', async () => {
    const { env } = await site();
    const ctx = env.host.ctx(null);
    const report = await env.ok('occupancyReport.get', { month: '2026-11' });
    const out = await exportReport(ctx, { month: '2026-11', format: 'xlsx', lang: 'zh-CN' });
    expect(out).toMatchObject({ finalised: false, fileName: '月度物业动态信息表-2026-11-草稿.xlsx' });
    const wb = await workbook(out.bytes);
    const ws = wb.getWorksheet('汇总')!;
    expect(ws.getCell('A2').value).toContain('草稿');
    // Title, subtitle, header at row 3, buildings at 4–5, totals at 6.
    expect(ws.getCell('A4').value).toBe('1号楼');
    expect(ws.getCell('A5').value).toBe('2号楼');
    const figures = (f: typeof report.total) => [f.units, f.handedOver, f.notHandedOver, f.ownerOccupied, f.officeInUse, f.rented, f.vacant, f.underDecoration, f.moveIns, f.movingIns, f.moveOuts, f.decorationsStarted, f.decorationsCompleted];
    report.buildings.forEach((b, i) => {
      const row = ws.getRow(4 + i);
      figures(b.figures).forEach((v, c) => {
        expect(row.getCell(c + 2).type).toBe(ExcelJS.ValueType.Number);
        expect(row.getCell(c + 2).value).toBe(v);
      });
      expect(row.getCell(15).value).toBeCloseTo(b.figures.occupancyRateBp! / 10_000, 12);
    });
    const totals = ws.getRow(6);
    expect(totals.getCell(1).value).toBe('合计');
    figures(report.total).forEach((v, c) => {
      const cell = totals.getCell(c + 2);
      const col = cell.address.replace(/\d+$/, '');
      expect(cell.type).toBe(ExcelJS.ValueType.Formula);
      expect(cell.formula).toBe(`SUM(${col}4:${col}5)`);
      expect(cell.result).toBe(v);
    });
    const rate = totals.getCell(15);
    expect(rate.formula).toBe('IF(C6=0,0,(E6+F6+G6)/C6)');
    expect(rate.result as number).toBeCloseTo(report.total.occupancyRateBp! / 10_000, 4);

    const detail = wb.getWorksheet('明细')!;
    // Title, header, then one row per unit.
    expect(detail.getRow(2).getCell(1).value).toBe('楼栋');
    const units = [];
    for (let r = 3; r <= detail.rowCount; r++) units.push([1, 2, 3, 4].map((c) => detail.getRow(r).getCell(c).value));
    expect(units).toEqual([
      ['1', '1-101', '住家户', 2],
      ['1', '1-102', '装修中', 2],
      ['1', '1-103', '未接房', 0],
      ['2', '2-201', '办公户', 2],
      ['2', '2-202', '未接房', 0],
    ]);
    expect(detail.getCell('E3').value).toBe('2026-11-03 未接房→空置；2026-11-10 空置→住家户');

    // Finalised: the same figures from the snapshot, and the file says so.
    const final = await env.ok('occupancyReport.finalise', { month: '2026-11' });
    const en = await exportReport(ctx, { month: '2026-11', format: 'xlsx', lang: 'en' });
    expect(en.finalised).toBe(true);
    const wbEn = await workbook(en.bytes);
    const sum = wbEn.getWorksheet('Summary')!;
    expect(sum.getCell('A2').value).toContain(`finalised ${final.snapshot!.number}`);
    expect(sum.getCell('B6').result).toBe(5);
    const det = wbEn.getWorksheet('Units')!;
    expect(det.rowCount - 2).toBe(5);
    expect(det.getCell('C3').value).toBe('Owner-occupied');
  }, 60_000);

  it('comes through its channel as a file any desk role may take: the named bytes, and an audit row saying who took which version', async () => {
    const { env } = await site();
    await env.addUser('clerk');
    const pdf = await env.ok('occupancyReport.export', { month: '2026-11', format: 'pdf', lang: 'zh-CN' }, 'clerk');
    expect(pdf).toMatchObject({ fileName: '月度物业动态信息表-2026-11-草稿.pdf', finalised: false, version: null });
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await env.ok('occupancyReport.finalise', { month: '2026-11' });
    const xlsx = await env.ok('occupancyReport.export', { month: '2026-11', format: 'xlsx', lang: 'en' }, 'clerk');
    expect(xlsx.finalised).toBe(true);
    expect(xlsx.fileName).toMatch(/^occupancy-report-2026-11-YB-2026-\d{6}\.xlsx$/);
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    const audit = env.rows<{ action: string; after: string }>("SELECT action, after FROM audit_log WHERE entity = 'occupancy-report' AND action = 'export' ORDER BY at, id");
    expect(audit.map((a) => JSON.parse(a.after))).toEqual([
      { month: '2026-11', format: 'pdf', version: 'draft' },
      { month: '2026-11', format: 'xlsx', version: xlsx.fileName.replace(/^occupancy-report-2026-11-|\.xlsx$/g, '') },
    ]);
    // A month that is not a month is refused before anything is made.
    expect((await env.fail('occupancyReport.export', { month: '2026-13', format: 'pdf', lang: 'en' }, 'clerk')).code).toBe('VALIDATION');
    expect((await env.fail('occupancyReport.export', { month: '2026-11', format: 'docx', lang: 'en' }, 'clerk')).code).toBe('VALIDATION');
  }, 60_000);

  it('runs a large site onto more pages: the header repeated, the charts and the sign-off kept whole', async () => {
    const buildings = Array.from({ length: 40 }, (_, i) => {
      const figures = figuresOf(400 + i * 7, { not_handed_over: 20 + i, vacant: 30, under_decoration: 10 + (i % 5), owner_occupied: 200 + i, office_in_use: 40, rented: 100 + i * 4 });
      return { buildingId: `b${i}`, code: String(i + 1), name: `${i + 1}号楼`, figures: { ...figures, moveIns: i % 3, movingIns: i % 4, moveOuts: i % 2, decorationsStarted: 1, decorationsCompleted: i % 2 } };
    });
    const total = totalOf(buildings.map((b) => b.figures));
    const report: OccupancyReport = { month: '2026-11', from: '2026-11-01', asOf: '2026-11-30', kind: 'draft', snapshot: null, revisions: [], buildings, total, warnings: [], changedSinceFinal: null, canFinalise: true, timeline: [] };
    const trend = Array.from({ length: 12 }, (_, i) => ({ month: `${i === 0 ? '2025-12' : `2026-${String(i).padStart(2, '0')}`}`, rateBp: 7000 + i * 120 }));
    const site = { siteName: '阳光花园', formHeader: '深圳市安居物业服务有限公司 客户服务中心', hotline: '0755-86001234', address: '', logoDataUrl: null };
    const file = pdfFile(await renderForm(PAGE_FORMATS.a4Landscape, reportDocument({ report, trend, preparedBy: '张前台', finalisedOn: null, printedAt: '2026-12-02 09:00' }, site, 'zh-CN')), 'occupancy-40.pdf');
    const pages = pdfPages(file);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= pages; p++) {
      const page = squeeze(execFileSync('pdftotext', ['-layout', '-f', String(p), '-l', String(p), file, '-'], { encoding: 'utf8' }));
      expect(page, `page ${p}`).toContain('月末房屋状态');
      expect(page, `page ${p}`).toContain(`月度物业动态信息表 2026-11 · 草稿 · 打印时间 2026-12-02 09:00`);
    }
    const text = squeeze(pdfText(file));
    for (const b of buildings) expect(text).toContain(`${b.name} ${formatNumber(b.figures.units)}`);
    expect(text).toContain(`合计 ${formatNumber(total.units)} ${formatNumber(total.handedOver)}`);
    expect(text).toContain('抄送：保安部、收银员');
    // 40 bars would not read: the chart draws the 30 largest buildings and says so.
    expect(text).toContain('房屋最多的 30 栋楼的状态（共 40 栋）');
    console.log(`occupancy report, 40 buildings: ${pages} pages, ${pdfToPng(file, path.join(path.dirname(file), 'occupancy-40'), 70).join(', ')}`);
  }, 60_000);
});
