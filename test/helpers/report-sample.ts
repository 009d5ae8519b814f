/**
 * A report-shaped A4-landscape document built only from the shared report parts (site header, the two charts,
 * the numeric table, the sign-off) over made-up figures: what the monthly occupancy report will print, without
 * its data. For the parts' PDF tests and for looking at the page as PNG.
 */
import type { Language } from '../../shared/i18n/index';
import { OCCUPANCY_STATES, type OccupancyState } from '../../shared/master/enums';
import { pageSizePt, PAGE_FORMATS } from '../../shared/kernel/records';
import type { Content, DocDefinition } from '../../electron/pdf/engine';
import { percentTrendChart, stackedBarChart, STATE_PRINT_COLOURS } from '../../electron/pdf/chart';
import { footer, siteHeader } from '../../electron/pdf/parts';
import { numericTable, reportSignOff, REPORT_STRINGS, type CellValue, type ReportColumn } from '../../electron/pdf/table';

export const SAMPLE_SITE = { siteName: '阳光花园', formHeader: '深圳市安居物业服务有限公司 客户服务中心', hotline: '0755-86001234', address: '', logoDataUrl: null };

const STATE_NAMES: Record<Language, Record<OccupancyState, string>> = {
  'zh-CN': { not_handed_over: '未接房', vacant: '空置', under_decoration: '装修中', owner_occupied: '自住', office_in_use: '办公', rented: '出租' },
  en: { not_handed_over: 'Not handed over', vacant: 'Vacant', under_decoration: 'Under decoration', owner_occupied: 'Owner-occupied', office_in_use: 'Office in use', rented: 'Rented' },
};

const WORDS = {
  'zh-CN': {
    title: '月度物业动态信息表',
    number: '期间',
    hotline: '服务热线',
    building: '楼栋',
    units: '总户数',
    handedOver: '已接房',
    states: '月末房屋状态',
    moves: '本月变动',
    moveIns: '入伙',
    movingIns: '入住',
    moveOuts: '迁出',
    decoStarted: '装修开工',
    decoDone: '装修完工',
    rate: '入住率',
    barTitle: '各楼栋房屋状态',
    trendTitle: '近12个月入住率',
    unitsAxis: '户数',
    printed: '打印时间',
    page: (p: number, n: number) => `第 ${p} 页 / 共 ${n} 页`,
    buildingName: (i: number) => `${i}号楼`,
  },
  en: {
    title: 'Monthly Occupancy Report',
    number: 'Period',
    hotline: 'Hotline',
    building: 'Building',
    units: 'Units',
    handedOver: 'Handed over',
    states: 'States at month end',
    moves: 'This month',
    moveIns: 'Move-ins',
    movingIns: 'Moving-ins',
    moveOuts: 'Move-outs',
    decoStarted: 'Decoration started',
    decoDone: 'Decoration done',
    rate: 'Occupancy',
    barTitle: 'States by building',
    trendTitle: 'Occupancy rate, last 12 months',
    unitsAxis: 'Units',
    printed: 'Printed',
    page: (p: number, n: number) => `Page ${p} of ${n}`,
    buildingName: (i: number) => `Building ${i}`,
  },
} as const;

/** The states in the table's and the chart's order (occupied first, then vacant, decoration, not handed over). */
export const SAMPLE_STATE_ORDER: OccupancyState[] = ['owner_occupied', 'office_in_use', 'rented', 'vacant', 'under_decoration', 'not_handed_over'];

export interface SampleBuilding {
  name: string;
  states: Record<OccupancyState, number>;
  moves: [number, number, number, number, number];
}

/** `n` buildings with made-up but consistent figures (some above 1,000 units, for the thousands separators). */
export function sampleBuildings(n: number, lang: Language = 'zh-CN'): SampleBuilding[] {
  return Array.from({ length: n }, (_, b) => {
    const states = Object.fromEntries(OCCUPANCY_STATES.map((s, j) => [s, ((b + 3) * (j + 5) * 37) % (b % 3 === 0 ? 420 : 90) + 4])) as Record<OccupancyState, number>;
    return { name: WORDS[lang].buildingName(b + 1), states, moves: [b % 4, (b * 3) % 5, b % 3, (b + 1) % 4, b % 2] };
  });
}

export function sampleMonths(): { months: string[]; values: (number | null)[] } {
  const months = Array.from({ length: 12 }, (_, i) => {
    const m = 12 + i; // 2025-12 … 2026-11
    return `${2025 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}`;
  });
  return { months, values: [null, 71.2, 72.5, 73.05, 74, 75.35, 76.4, 78, 79.9, 81.25, 82.6, 84.15] };
}

const occupied = (s: Record<OccupancyState, number>) => s.owner_occupied + s.office_in_use + s.rented;
const unitsOf = (s: Record<OccupancyState, number>) => OCCUPANCY_STATES.reduce((n, k) => n + s[k], 0);
const handedOf = (s: Record<OccupancyState, number>) => unitsOf(s) - s.not_handed_over;
const rate = (s: Record<OccupancyState, number>) => (handedOf(s) ? (occupied(s) / handedOf(s)) * 100 : 0);

/** The table's rows and totals, as the report would pass them. */
export function sampleTable(buildings: SampleBuilding[], lang: Language) {
  const W = WORDS[lang];
  const names = STATE_NAMES[lang];
  const columns: ReportColumn[] = [
    { header: W.building, kind: 'text', width: 58 },
    { header: W.units, kind: 'number' },
    { header: W.handedOver, kind: 'number' },
    ...SAMPLE_STATE_ORDER.map((s) => ({ header: names[s], kind: 'number' as const })),
    ...[W.moveIns, W.movingIns, W.moveOuts, W.decoStarted, W.decoDone].map((h) => ({ header: h, kind: 'number' as const })),
    { header: W.rate, kind: 'percent', decimals: 1 },
  ];
  const row = (name: string, s: Record<OccupancyState, number>, moves: number[]): CellValue[] => [name, unitsOf(s), handedOf(s), ...SAMPLE_STATE_ORDER.map((k) => s[k]), ...moves, rate(s)];
  const rows = buildings.map((b) => row(b.name, b.states, b.moves));
  const sum = Object.fromEntries(OCCUPANCY_STATES.map((k) => [k, buildings.reduce((n, b) => n + b.states[k], 0)])) as Record<OccupancyState, number>;
  const moveSums = [0, 1, 2, 3, 4].map((i) => buildings.reduce((n, b) => n + b.moves[i], 0));
  const totals = row(REPORT_STRINGS[lang].total, sum, moveSums);
  const groups = [
    { label: '', span: 3 },
    { label: W.states, span: SAMPLE_STATE_ORDER.length },
    { label: W.moves, span: 5 },
    { label: '', span: 1 },
  ];
  return { columns, rows, totals, groups, sum };
}

/** The whole sample document on A4 landscape: header, the two charts side by side, the table, the sign-off. */
export function sampleReportDoc(lang: Language, buildingCount = 8): DocDefinition {
  const W = WORDS[lang];
  const buildings = sampleBuildings(buildingCount, lang);
  const page = pageSizePt(PAGE_FORMATS.a4Landscape);
  const margins: [number, number, number, number] = [28, 24, 28, 30];
  const width = page.width - margins[0] - margins[2];
  const chartWidth = (width - 16) / 2;
  const { columns, rows, totals, groups } = sampleTable(buildings, lang);
  const names = STATE_NAMES[lang];
  const { months, values } = sampleMonths();
  const content: Content[] = [
    siteHeader(SAMPLE_SITE, `${W.title}（2026-11）`, '2026-11', { hotline: W.hotline, number: W.number }),
    {
      columns: [
        stackedBarChart(
          {
            title: W.barTitle,
            valueAxisName: W.unitsAxis,
            categories: buildings.map((b) => b.name),
            series: SAMPLE_STATE_ORDER.map((s) => ({ name: names[s], colour: STATE_PRINT_COLOURS[s], values: buildings.map((b) => b.states[s]) })),
          },
          { width: chartWidth, height: 200 },
        ),
        percentTrendChart({ title: W.trendTitle, name: W.rate, months, values }, { width: chartWidth, height: 200 }),
      ],
      columnGap: 16,
      margin: [0, 4, 0, 8],
    },
    numericTable({ columns, rows, totals, groups }),
    reportSignOff({ lang, preparedBy: lang === 'zh-CN' ? '张前台' : 'Zhang', date: null }),
  ];
  return {
    pageMargins: margins,
    content,
    footer: footer(W.printed, '2026-12-01 09:00', W.page),
  };
}
