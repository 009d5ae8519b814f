/**
 * The monthly occupancy report (月度物业动态信息表) on A4 landscape: the site header, the title with the month
 * and whether it is a draft or which finalised version, the table per building and in total, the chart of states
 * by building beside the 12-month trend of the occupancy rate, the sign-off and the copy record.
 * Its words are kept here in both languages (as release-slip.ts keeps its own).
 */
import type { Language } from '../../../../shared/i18n/index';
import type { OccupancyState } from '../../../../shared/master/enums';
import { pageSizePt, PAGE_FORMATS } from '../../../../shared/kernel/records';
import type { Figures } from '../../../../shared/workflows/occupancy-report/rules';
import type { OccupancyReport } from '../../../../shared/workflows/occupancy-report/schema';
import { percentTrendChart, stackedBarChart, STATE_PRINT_COLOURS } from '../../../pdf/chart';
import type { Content, DocDefinition } from '../../../pdf/engine';
import { footer, siteHeader, type SiteInfo } from '../../../pdf/parts';
import { numericTable, reportSignOff, REPORT_STRINGS, type CellValue, type ReportColumn } from '../../../pdf/table';

export const REPORT_WORDS = {
  'zh-CN': {
    title: '月度物业动态信息表',
    monthTitle: (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`,
    draft: '草稿',
    finalised: (number: string, revision: number) => (revision ? `已定稿 ${number}（第 ${revision} 次修订）` : `已定稿 ${number}`),
    asOf: (d: string) => `截至 ${d}`,
    reason: (r: string) => `修订原因：${r}`,
    period: '期间',
    number: '编号',
    hotline: '服务热线',
    building: '楼栋',
    units: '房屋总数',
    handedOver: '已交房',
    states: '月末房屋状态',
    moves: '本月变动',
    moveIns: '入伙',
    movingIns: '入住',
    moveOuts: '搬出',
    decoStarted: '开始装修',
    decoDone: '装修完工',
    rate: '入住率',
    barTitle: '各楼栋房屋状态',
    barTitleLargest: (shown: number, of: number) => `房屋最多的 ${shown} 栋楼的状态（共 ${of} 栋）`,
    trendTitle: '近12个月入住率',
    unitsAxis: '户数',
    printed: '打印时间',
    page: (p: number, n: number) => `第 ${p} 页 / 共 ${n} 页`,
    buildingName: (code: string, name: string) => name || `${code}栋`,
    rateNote: '入住率 = （住家户 + 办公户 + 租户）÷ 已交房',
    states_: { not_handed_over: '未接房', vacant: '空置', under_decoration: '装修中', owner_occupied: '住家户', office_in_use: '办公户', rented: '租户' },
    noState: '未登记',
    detail: '明细',
    summary: '汇总',
    unit: '房号',
    stateAtEnd: '月末状态',
    changeCount: '本月变动次数',
    changes: '本月变动',
  },
  en: {
    title: 'Monthly Occupancy Report',
    monthTitle: (m: string) => m,
    draft: 'draft',
    finalised: (number: string, revision: number) => (revision ? `finalised ${number} (revision ${revision})` : `finalised ${number}`),
    asOf: (d: string) => `as of ${d}`,
    reason: (r: string) => `Reason for revision: ${r}`,
    period: 'Period',
    number: 'No.',
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
    barTitleLargest: (shown: number, of: number) => `States of the ${shown} largest of ${of} buildings`,
    trendTitle: 'Occupancy rate, last 12 months',
    unitsAxis: 'Units',
    printed: 'Printed',
    page: (p: number, n: number) => `Page ${p} of ${n}`,
    buildingName: (code: string, name: string) => name || `Building ${code}`,
    rateNote: 'Occupancy rate = (owner-occupied + office in use + rented) ÷ handed over',
    states_: { not_handed_over: 'Not handed over', vacant: 'Vacant', under_decoration: 'Under decoration', owner_occupied: 'Owner-occupied', office_in_use: 'Office in use', rented: 'Rented' },
    noState: 'No history',
    detail: 'Units',
    summary: 'Summary',
    unit: 'Unit',
    stateAtEnd: 'State at month end',
    changeCount: 'Changes in month',
    changes: 'Changes in the month',
  },
} as const;

/** The month-end states in the table's order (as the product lists them: handed-over states, then vacant, decoration). */
export const TABLE_STATES = ['not_handed_over', 'owner_occupied', 'office_in_use', 'rented', 'vacant', 'under_decoration'] as const satisfies readonly OccupancyState[];
const STATE_FIGURE = {
  not_handed_over: 'notHandedOver',
  owner_occupied: 'ownerOccupied',
  office_in_use: 'officeInUse',
  rented: 'rented',
  vacant: 'vacant',
  under_decoration: 'underDecoration',
} as const satisfies Record<OccupancyState, keyof Figures>;
const MOVES = ['moveIns', 'movingIns', 'moveOuts', 'decorationsStarted', 'decorationsCompleted'] as const satisfies readonly (keyof Figures)[];

/** The status line: draft, or the finalised snapshot's number and revision. */
export function statusOf(report: OccupancyReport, lang: Language): string {
  const W = REPORT_WORDS[lang];
  return report.snapshot ? W.finalised(report.snapshot.number, report.snapshot.revision) : W.draft;
}

/** The table's columns (and, for the XLSX, the same order): building, units, handed over, the six states, the five movements, the rate. */
export function reportColumns(lang: Language): ReportColumn[] {
  const W = REPORT_WORDS[lang];
  return [
    { header: W.building, kind: 'text', width: 64 },
    { header: W.units, kind: 'number' },
    { header: W.handedOver, kind: 'number' },
    ...TABLE_STATES.map((s) => ({ header: W.states_[s], kind: 'number' as const })),
    ...[W.moveIns, W.movingIns, W.moveOuts, W.decoStarted, W.decoDone].map((h) => ({ header: h, kind: 'number' as const })),
    { header: W.rate, kind: 'percent', decimals: 2 },
  ];
}

/** A row of figures in the columns' order; the rate as a percentage (0–100), null with nothing handed over. */
export function figureRow(label: string, f: Figures): CellValue[] {
  return [label, f.units, f.handedOver, ...TABLE_STATES.map((s) => f[STATE_FIGURE[s]]), ...MOVES.map((k) => f[k]), f.occupancyRateBp === null ? null : f.occupancyRateBp / 100];
}

export interface ReportPdfData {
  report: OccupancyReport;
  /** The 12 month ends up to the report's month, oldest first. */
  trend: { month: string; rateBp: number | null }[];
  preparedBy: string | null;
  /** The local day it was finalised (printed on the date line), null for a draft (dated by hand). */
  finalisedOn: string | null;
  printedAt: string;
}

/** The most buildings the states chart draws a bar for. */
const CHART_BUILDINGS = 30;

/** The report's paper: the document is laid out for it and rendered on it (renderForm). */
export const REPORT_FORMAT = PAGE_FORMATS.a4Landscape;

/** The report's document, laid out for REPORT_FORMAT. */
export function reportDocument(data: ReportPdfData, site: SiteInfo, lang: Language): DocDefinition {
  const W = REPORT_WORDS[lang];
  const { report } = data;
  const page = pageSizePt(REPORT_FORMAT);
  const margins: [number, number, number, number] = [28, 22, 28, 30];
  const width = page.width - margins[0] - margins[2];
  const chartWidth = (width - 16) / 2;
  const names = report.buildings.map((b) => W.buildingName(b.code, b.name));
  // A bar per building reads up to CHART_BUILDINGS; a larger site shows its largest buildings (in table order).
  const charted = report.buildings.length <= CHART_BUILDINGS ? report.buildings : [...report.buildings].sort((a, b) => b.figures.units - a.figures.units).slice(0, CHART_BUILDINGS);
  const chartedIds = new Set(charted.map((b) => b.buildingId));
  const chartRows = report.buildings.map((b, i) => ({ b, name: names[i] })).filter((x) => chartedIds.has(x.b.buildingId));
  const columns = reportColumns(lang);
  const groups = [
    { label: '', span: 3 },
    { label: W.states, span: TABLE_STATES.length },
    { label: W.moves, span: MOVES.length },
    { label: '', span: 1 },
  ];
  const status = statusOf(report, lang);
  const final = report.snapshot;
  const content: Content[] = [
    siteHeader(site, `${W.title}　${W.monthTitle(report.month)}`, final ? final.number : report.month, { hotline: W.hotline, number: final ? W.number : W.period }),
    {
      text: [{ text: status, bold: true, color: final ? '#1f5f1f' : '#b3261e' }, { text: `　${W.asOf(report.asOf)}`, color: '#555555' }, ...(final?.reason ? [{ text: `　${W.reason(final.reason)}`, color: '#555555' }] : [])],
      fontSize: 9,
      margin: [0, 0, 0, 4],
    },
    numericTable({ columns, rows: report.buildings.map((b, i) => figureRow(names[i], b.figures)), totals: figureRow(REPORT_STRINGS[lang].total, report.total), groups }),
    { text: W.rateNote, fontSize: 7, color: '#555555', margin: [0, 2, 0, 6] },
    {
      columns: [
        stackedBarChart(
          {
            title: chartRows.length < report.buildings.length ? W.barTitleLargest(chartRows.length, report.buildings.length) : W.barTitle,
            valueAxisName: W.unitsAxis,
            categories: chartRows.map((x) => x.name),
            series: TABLE_STATES.map((s) => ({ name: W.states_[s], colour: STATE_PRINT_COLOURS[s], values: chartRows.map((x) => x.b.figures[STATE_FIGURE[s]]) })),
          },
          { width: chartWidth, height: 190 },
        ),
        percentTrendChart(
          { title: W.trendTitle, name: W.rate, months: data.trend.map((t) => t.month), values: data.trend.map((t) => (t.rateBp === null ? null : t.rateBp / 100)) },
          { width: chartWidth, height: 190 },
        ),
      ],
      columnGap: 16,
      unbreakable: true,
      margin: [0, 0, 0, 4],
    },
    reportSignOff({
      lang,
      preparedBy: data.preparedBy,
      reviewedBy: final?.finalisedBy ?? null,
      date: data.finalisedOn,
    }),
  ];
  return {
    pageMargins: margins,
    defaultStyle: { fontSize: 8.5, lineHeight: 1.1 },
    info: { title: `${W.title} ${report.month} ${status}`, subject: final?.number ?? report.month, creator: 'FrontDesk' },
    content,
    // Every page says which report and which version it is, so a page read alone is not taken for the finalised one.
    footer: footer(`${W.title} ${report.month} · ${status} · ${W.printed}`, data.printedAt, W.page),
  };
}
