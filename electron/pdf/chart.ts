/**
 * Charts for printed forms: an echarts option rendered to SVG on the host (server-side, no DOM, no canvas)
 * and embedded in a pdfmake document as an `svg` node, so the chart stays vector and its text stays text.
 *
 * CJK text: pdfmake hands SVG text to svg-to-pdfkit, which asks pdfmake for a font by the element's
 * `font-family` (comma list, matched case-insensitively against the document's registered fonts) and falls
 * back to the node's `font` (and then to Roboto, which we do not register: an unknown family would throw).
 * So every chart names CHART_FONT (Noto Sans SC registered by file path, see engine.ts) in its text style, and
 * the node names it as the fallback too: the labels print in the embedded Noto Sans SC (subset), never in a
 * Latin-only standard font.
 * `font-weight: bold` (or 600+) picks the bold face.
 *
 * Sizes: the chart is rendered at its printed size with 1 SVG px = 1 pt, so a font size in the option is
 * the size on paper.
 */
import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';
import type { OccupancyState } from '../../shared/master/enums';
import { formatNumber } from '../../shared/kernel/number-format';
import { CHART_FONT, type Content } from './engine';

export type ChartOption = Echarts.EChartsOption;

// echarts is loaded on the first chart, not with the host: requiring it takes ~180 ms, which every start of
// the app and the CLI would otherwise pay for a report printed once a month.
const load = createRequire(__filename);
let echartsModule: typeof Echarts | null = null;
const echarts = (): typeof Echarts => (echartsModule ??= load('echarts') as typeof Echarts);

export interface ChartSize {
  /** Printed width in points. */
  width: number;
  /** Printed height in points. */
  height: number;
}

/** Ink for print: dark enough on a black-and-white laser printer, distinct in colour. */
const INK = '#333333';
const GRID_INK = '#d9d9d9';
/** Text size on paper (pt) for axis labels and legends. */
const TEXT = 7.5;
const LEGEND_GAP = 8;
/** The height a wrapped legend line takes (text line plus the gap). */
const LEGEND_LINE = TEXT * 1.4 + LEGEND_GAP;

/**
 * Print colours for the occupancy states (the on-screen tag colours, in tones that stay apart in greyscale).
 * A report passes these, or its own, as the series colours.
 */
export const STATE_PRINT_COLOURS: Record<OccupancyState, string> = {
  not_handed_over: '#bfbfbf',
  vacant: '#d4a017',
  under_decoration: '#8e5cc4',
  owner_occupied: '#3f8f3f',
  office_in_use: '#2f6fb5',
  rented: '#1aa0a8',
};

/**
 * Renders an echarts option to an SVG string, on the host. Animation is off (a server render has no frames)
 * and interaction styles are dropped, so the same option always gives the same SVG: echarts numbers its
 * instances (`zr0-`, `zr1-`…) in ids and class names, which are renamed to one fixed prefix here.
 */
export function renderChartSvg(option: ChartOption, size: ChartSize): string {
  const chart = echarts().init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({
      ...option,
      animation: false,
      textStyle: { fontFamily: CHART_FONT, color: INK, ...(option.textStyle as object) },
    });
    return cleanSvg(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/** Removes what only matters on screen (hover CSS, hit-test metadata) and the per-instance id prefix. */
function cleanSvg(svg: string): string {
  return svg
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ pointer-events="visible"/g, '')
    .replace(/\bzr\d+-/g, 'fd-');
}

/** A pdfmake `svg` node of the chart at the given printed size, its text in the form's font. */
export function chartNode(option: ChartOption, size: ChartSize, extra: Record<string, unknown> = {}): Content {
  return { svg: renderChartSvg(option, size), width: size.width, height: size.height, font: CHART_FONT, ...extra };
}

/** Width of a label on paper, roughly: CJK (and other wide) characters are 1 em in Noto Sans SC, Latin about 0.55 em. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 1 : 0.56;
  return em * fontSize;
}

export interface StackedBarInput {
  /** Chart title (optional; printed above the legend). */
  title?: string;
  /** One bar per category, in this order (e.g. building names). */
  categories: string[];
  /** One stacked segment per series (e.g. per occupancy state), bottom first; `values` align with `categories`. */
  series: { name: string; colour: string; values: number[] }[];
  /** Name of the value axis (e.g. 户数 / Units). */
  valueAxisName?: string;
}

/**
 * Stacked bars of states by building: categories along x, one segment per series, the legend on top (wrapping
 * onto more lines rather than scrolling off the page), each bar's total printed above it. Labels that would
 * not fit their slot are slanted instead of overlapping.
 */
export function stackedBarOption(input: StackedBarInput, size: ChartSize): ChartOption {
  const { categories, series } = input;
  const titleH = input.title ? 16 : 0;
  const legendRows = legendLines(series.map((s) => s.name), size.width - 20);
  // Each wrapped legend line is its text's height plus the item gap; the axis name sits above the plot.
  const top = titleH + legendRows * LEGEND_LINE + (input.valueAxisName ? 16 : 6);
  const totals = categories.map((_, i) => series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const yLabels = textWidth(formatNumber(Math.max(0, ...totals)), TEXT) + 8;
  const slot = (size.width - 16 - yLabels) / Math.max(1, categories.length);
  const widest = Math.max(0, ...categories.map((c) => textWidth(c, TEXT)));
  // Upright on one line when the names fit their slot, on two lines when that is enough, slanted (or, for
  // very many buildings, vertical) otherwise — never overlapping.
  const fit = slot * 0.9;
  const wrap = widest > fit && widest <= fit * 1.9;
  const rotate = widest <= fit || wrap ? 0 : textWidth('楼', TEXT) * 2.2 > slot ? 90 : 40;
  const showTotals = slot >= textWidth(formatNumber(Math.max(0, ...totals)), 6.5) + 2;
  return {
    title: input.title ? { text: input.title, left: 'center', top: 0, textStyle: { fontSize: 9, fontWeight: 'bold' } } : undefined,
    legend: {
      type: 'plain',
      top: titleH,
      left: 'center',
      width: size.width - 20,
      itemWidth: 10,
      itemHeight: 8,
      itemGap: LEGEND_GAP,
      selectedMode: false,
      textStyle: { fontSize: TEXT },
      data: series.map((s) => s.name),
    },
    grid: { left: 8, right: 8, top, bottom: 4 },
    xAxis: {
      type: 'category',
      data: categories,
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: INK } },
      axisLabel: wrap
        ? { interval: 0, fontSize: TEXT, color: INK, width: fit, overflow: 'break', lineHeight: TEXT * 1.25 }
        : { interval: 0, rotate, fontSize: TEXT, color: INK },
    },
    yAxis: {
      type: 'value',
      name: input.valueAxisName,
      nameGap: 6,
      nameTextStyle: { fontSize: TEXT, color: INK, align: 'left' },
      minInterval: 1,
      axisLabel: { fontSize: TEXT, color: INK },
      splitLine: { lineStyle: { color: GRID_INK, width: 0.5 } },
    },
    series: [
      ...series.map((s) => ({
        type: 'bar' as const,
        name: s.name,
        stack: 'states',
        data: s.values,
        itemStyle: { color: s.colour },
        barMaxWidth: 36,
        silent: true,
      })),
      // The totals above the bars: an invisible segment on top of the stack carrying the label.
      {
        type: 'bar' as const,
        name: '',
        stack: 'states',
        data: totals.map(() => 0),
        itemStyle: { color: 'transparent' },
        label: {
          show: showTotals,
          position: 'top' as const,
          fontSize: 6.5,
          color: INK,
          formatter: (p: { dataIndex: number }) => formatNumber(totals[p.dataIndex]),
        },
        silent: true,
        tooltip: { show: false },
      },
    ],
  };
}

/** How many lines a plain horizontal legend needs at this width (echarts wraps it the same way). */
function legendLines(names: string[], width: number): number {
  let lines = 1;
  let x = 0;
  for (const n of names) {
    const w = 10 + 5 + textWidth(n, TEXT) + LEGEND_GAP;
    if (x > 0 && x + w > width) {
      lines++;
      x = 0;
    }
    x += w;
  }
  return lines;
}

export interface TrendInput {
  title?: string;
  /** The months, `YYYY-MM`, oldest first (usually 12). */
  months: string[];
  /** The percentage (0–100) for each month; null where there is no figure (a month before the site's data). */
  values: (number | null)[];
  /** Series name (e.g. 入住率 / Occupancy rate). */
  name: string;
  colour?: string;
  /** Decimal places of the point labels (default 1). */
  decimals?: number;
}

/** A line of a percentage over months: x the months (YYYY-MM), y 0–100 %, each point labelled. */
export function percentTrendOption(input: TrendInput, size: ChartSize): ChartOption {
  const titleH = input.title ? 16 : 0;
  const decimals = input.decimals ?? 1;
  const slot = (size.width - 50) / Math.max(1, input.months.length);
  // YYYY-MM when it fits its slot; otherwise the month, with the year under the first month and each January
  // (upright and readable, where slanted labels would crowd the axis).
  const compact = textWidth('2026-12', TEXT) > slot * 0.92;
  const monthLabel = (value: string, index: number) => {
    if (!compact) return value;
    const [year, month] = value.split('-');
    return index === 0 || month === '01' ? `${month}\n${year}` : month;
  };
  const colour = input.colour ?? '#2f6fb5';
  return {
    title: input.title ? { text: input.title, left: 'center', top: 0, textStyle: { fontSize: 9, fontWeight: 'bold' } } : undefined,
    legend: { show: false },
    grid: { left: 8, right: 14, top: titleH + 14, bottom: 4 },
    xAxis: {
      type: 'category',
      data: input.months,
      boundaryGap: false,
      axisTick: { alignWithLabel: true },
      axisLine: { lineStyle: { color: INK } },
      axisLabel: { interval: 0, fontSize: TEXT, color: INK, lineHeight: TEXT * 1.25, formatter: monthLabel },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 20,
      axisLabel: { fontSize: TEXT, color: INK, formatter: '{value}%' },
      splitLine: { lineStyle: { color: GRID_INK, width: 0.5 } },
    },
    series: [
      {
        type: 'line',
        name: input.name,
        data: input.values,
        connectNulls: false,
        symbol: 'circle',
        symbolSize: 4,
        lineStyle: { color: colour, width: 1.5 },
        itemStyle: { color: colour },
        label: {
          show: true,
          position: 'top',
          fontSize: 6.5,
          color: INK,
          formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? `${formatNumber(p.value, decimals)}%` : ''),
        },
        labelLayout: { hideOverlap: true },
        silent: true,
      },
    ],
  };
}

/** The stacked bar chart of states by building, as a pdfmake node. */
export function stackedBarChart(input: StackedBarInput, size: ChartSize): Content {
  return chartNode(stackedBarOption(input, size), size);
}

/** The 12-month percentage trend, as a pdfmake node. */
export function percentTrendChart(input: TrendInput, size: ChartSize): Content {
  return chartNode(percentTrendOption(input, size), size);
}
