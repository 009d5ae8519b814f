/**
 * The shared report parts in print: echarts charts rendered to SVG on the host and embedded in the PDF, the
 * wide numeric table and the sign-off, on A4 landscape — read back with poppler as a person's tools would.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderForm } from '../../../electron/kit/records';
import { percentTrendOption, renderChartSvg, stackedBarOption, textWidth } from '../../../electron/pdf/chart';
import { formatCell, numericTable, REPORT_STRINGS } from '../../../electron/pdf/table';
import { formatNumber } from '../../../shared/kernel/number-format';
import { PAGE_FORMATS } from '../../../shared/kernel/records';
import { pdfFile, pdfFonts, pdfPages, pdfText, pdfToPng } from '../../helpers/pdf-tools';
import { sampleBuildings, sampleMonths, sampleReportDoc, sampleTable } from '../../helpers/report-sample';

const pageText = (file: string, page: number) => execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
const pageSize = (file: string) => {
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))!;
  return { width: Math.round(Number(m[1])), height: Math.round(Number(m[2])) };
};
/** pdftotext -layout puts runs of spaces between table cells; compare text with whitespace squeezed. */
const squeeze = (s: string) => s.replace(/[ \t]+/g, ' ');

describe('report charts (echarts → SVG on the host)', () => {
  const size = { width: 380, height: 200 };
  const bars = () =>
    stackedBarOption(
      { title: '各楼栋房屋状态', valueAxisName: '户数', categories: ['1号楼', '2号楼'], series: [{ name: '自住', colour: '#3f8f3f', values: [3, 4] }, { name: '出租', colour: '#1aa0a8', values: [1, 2] }] },
      size,
    );

  it('gives the same SVG for the same input, whatever was rendered before it', () => {
    const first = renderChartSvg(bars(), size);
    const { months, values } = sampleMonths();
    renderChartSvg(percentTrendOption({ name: '入住率', months, values }, size), size);
    const again = renderChartSvg(bars(), size);
    expect(again).toBe(first);
    // echarts numbers its instances; none of that (nor hover CSS) is left in the printed SVG.
    expect(first).not.toMatch(/zr\d+-|<style|ecmeta_/);
    expect(first).toMatch(/^<svg [^>]*width="380" height="200"/);
  });

  it('names the form font for every text element, so svg-to-pdfkit picks the embedded CJK font', () => {
    const svg = renderChartSvg(bars(), size);
    const texts = [...svg.matchAll(/<text [^>]*style="([^"]*)"[^>]*>([^<]*)<\/text>/g)];
    expect(texts.map((t) => t[2])).toEqual(expect.arrayContaining(['1号楼', '2号楼', '自住', '出租', '户数', '各楼栋房屋状态']));
    for (const [, style] of texts) expect(style).toContain('font-family:NotoSansSC');
    // The totals printed above the bars.
    expect(texts.map((t) => t[2])).toEqual(expect.arrayContaining(['4', '6']));
  });

  it('keeps building names upright when they fit, and never lets them overlap', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}号楼`);
    const rotation = (n: number) => {
      const o = stackedBarOption({ categories: names(n), series: [{ name: '自住', colour: '#3f8f3f', values: names(n).map(() => 1) }] }, size);
      return (o.xAxis as { axisLabel: { rotate?: number } }).axisLabel.rotate ?? 0;
    };
    expect(rotation(8)).toBe(0);
    expect(rotation(40)).toBe(90);
    expect(textWidth('1号楼', 10)).toBeCloseTo(10 * (0.56 + 2), 5);
  });

  it('labels the months YYYY-MM when there is room, and month + year under the first and each January when not', () => {
    const { months, values } = sampleMonths();
    const label = (width: number) => {
      const o = percentTrendOption({ name: 'rate', months, values }, { width, height: 200 });
      const f = (o.xAxis as { axisLabel: { formatter: (v: string, i: number) => string } }).axisLabel.formatter;
      return months.map((m, i) => f(m, i));
    };
    expect(label(786)).toEqual(months);
    expect(label(380).slice(0, 3)).toEqual(['12\n2025', '01\n2026', '02']);
    const y = percentTrendOption({ name: 'rate', months, values }, size).yAxis as { min: number; max: number };
    expect([y.min, y.max]).toEqual([0, 100]);
  });
});

describe('report table parts', () => {
  it('formats figures with thousands separators and fixed decimals, without float artefacts', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(50000)).toBe('50,000');
    expect(formatNumber(1.005, 2)).toBe('1.01');
    expect(formatNumber(84.15, 1)).toBe('84.2');
    expect(formatNumber(-1234.5)).toBe('-1,235');
    expect(formatNumber(-0.04, 1)).toBe('0.0');
    expect(formatNumber(1e-7, 2)).toBe('0.00');
    expect(formatCell({ header: '', kind: 'percent' }, 54.06)).toBe('54.1%');
    expect(formatCell({ header: '', kind: 'fen' }, 123456)).toBe('¥1,234.56');
    expect(formatCell({ header: '', kind: 'number' }, null)).toBe('');
  });

  it('refuses header groups that do not span exactly the columns', () => {
    expect(() => numericTable({ columns: [{ header: 'a', kind: 'text' }, { header: 'b', kind: 'number' }], rows: [], groups: [{ label: 'x', span: 1 }] })).toThrow(/span exactly/);
  });
});

describe('a report page from the parts (A4 landscape)', () => {
  it('prints both charts, every building, the totals and the sign-off, in the embedded CJK font, on 842 × 595 pt', async () => {
    const t0 = performance.now();
    const bytes = await renderForm(PAGE_FORMATS.a4Landscape, sampleReportDoc('zh-CN', 8));
    const ms = performance.now() - t0;
    const warm0 = performance.now();
    await renderForm(PAGE_FORMATS.a4Landscape, sampleReportDoc('zh-CN', 8));
    console.log(`report parts PDF (8 buildings, 2 charts): first ${ms.toFixed(0)} ms, warm ${(performance.now() - warm0).toFixed(0)} ms`);
    const file = pdfFile(bytes, 'report-parts-zh.pdf');
    expect(pageSize(file)).toEqual({ width: 842, height: 595 });
    expect(pdfPages(file)).toBe(1);
    const text = squeeze(pdfText(file));
    // Chart titles, the bar chart's legend and axis, the trend's percentages: text, in the PDF's own font.
    for (const s of ['各楼栋房屋状态', '近12个月入住率', '户数', '84.2%', '71.2%', '100%']) expect(text).toContain(s);
    // Each building once in the chart's axis and once in the table.
    for (const b of sampleBuildings(8)) expect(text.split(b.name).length - 1).toBe(2);
    // The state names: in the chart legend and as table headers.
    for (const s of ['自住', '办公', '出租', '空置', '装修中', '未接房']) expect(text.split(s).length - 1).toBeGreaterThanOrEqual(2);
    // The table's rows and totals, with thousands separators.
    const { rows, totals } = sampleTable(sampleBuildings(8), 'zh-CN');
    expect(text).toContain(`1号楼 ${rows[0].slice(1, 9).map((v) => formatNumber(v as number)).join(' ')}`);
    expect(text).toContain(`合计 ${totals.slice(1, 14).map((v) => formatNumber(v as number)).join(' ')} ${formatNumber(totals[14] as number, 1)}%`);
    expect(text).toContain('5,382');
    // The sign-off and the copy record.
    for (const s of ['制表人', '审核', '项目经理', '日期', '张前台', '抄送：保安部、收银员']) expect(text).toContain(s);
    // One subset per weight: the charts' text shares the body's embedded font (no second copy, no Latin-only font).
    const fonts = pdfFonts(file);
    // The body text's subsets and the charts' (engine.ts: charts read the font by its path), nothing else.
    expect([...new Set(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))].sort()).toEqual(['NotoSansSC-Bold', 'NotoSansSC-Regular']);
    expect(fonts.length).toBeLessThanOrEqual(4);
    for (const f of fonts) expect(f).toMatchObject({ embedded: true, subset: true });
    // As a picture (looked at while building this; kept next to the PDF for the next person).
    const pngs = pdfToPng(file, path.join(path.dirname(file), 'report-parts-zh'), 100);
    expect(pngs).toHaveLength(1);
    expect(fs.statSync(pngs[0]).size).toBeGreaterThan(20_000);
    console.log(`report parts PNG: ${pngs[0]}`);
  });

  it('repeats the table header (with its group row) at the top of every page of a long table', async () => {
    const file = pdfFile(await renderForm(PAGE_FORMATS.a4Landscape, sampleReportDoc('zh-CN', 40)), 'report-parts-40.pdf');
    const pages = pdfPages(file);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (let p = 1; p <= pages; p++) {
      const t = squeeze(pageText(file, p));
      expect(t, `page ${p}`).toContain('月末房屋状态');
      expect(t, `page ${p}`).toMatch(/楼栋 总户数 已接房/);
    }
    const last = squeeze(pageText(file, pages));
    expect(last).toContain('40号楼');
    expect(last).toMatch(/合计 [\d,]+/);
    expect(last).toContain('抄送：保安部、收银员');
    expect(pageSize(file)).toEqual({ width: 842, height: 595 });
  });

  it('prints in English with the same parts', async () => {
    const file = pdfFile(await renderForm(PAGE_FORMATS.a4Landscape, sampleReportDoc('en', 8)), 'report-parts-en.pdf');
    const text = squeeze(pdfText(file));
    const L = REPORT_STRINGS.en;
    for (const s of ['States by building', 'Occupancy rate, last 12 months', 'Building 1', 'Building 8', 'Owner-occupied', 'Not handed over', `${L.total} 5,382`, L.preparedBy, L.reviewedBy, L.reviewerRole, 'Copies to: security, cashier']) {
      expect(text).toContain(s);
    }
    expect(pdfPages(file)).toBe(1);
  });
});
