import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only what this chart draws: stacked bars on a grid with a tooltip and a legend, as SVG (no canvas renderer).
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export interface CategoryBar {
  name: string;
  urgent: number;
  normal: number;
}

/**
 * Orders received by category, urgent stacked on normal. Loaded lazily (React.lazy) with echarts, so the page's
 * figures never wait for the chart's code. The same figures are in the table beside it (screen readers, copying).
 */
export default function CategoryChart({ bars, labels, height = 260 }: { bars: CategoryBar[]; labels: { title: string; urgent: string; normal: string }; height?: number }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    const axis = { fontSize: 11, color: 'rgba(0,0,0,0.55)' };
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 12, top: 32, bottom: 48 },
      legend: { top: 0, right: 0, itemWidth: 12, itemHeight: 10, textStyle: axis },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: bars.map((b) => b.name), axisTick: { show: false }, axisLabel: { ...axis, interval: 0, rotate: bars.length > 8 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1, axisLabel: axis, splitLine: { lineStyle: { color: '#f0f0f0' } } },
      series: [
        { type: 'bar', name: labels.normal, stack: 'received', data: bars.map((b) => b.normal), itemStyle: { color: '#1668dc' }, barMaxWidth: 36 },
        { type: 'bar', name: labels.urgent, stack: 'received', data: bars.map((b) => b.urgent), itemStyle: { color: '#d4380d' }, barMaxWidth: 36 },
      ],
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [bars, labels]);
  return <div ref={el} role="img" aria-label={labels.title} style={{ width: '100%', height }} data-testid="category-chart" />;
}
