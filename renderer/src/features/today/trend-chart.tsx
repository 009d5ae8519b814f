import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { FigureFormat } from '../../../../shared/kernel/dashboard';
import { formatFigure } from './figures';

// Only what the dashboard draws: a line on a grid with a tooltip, as SVG (no canvas renderer in the bundle).
echarts.use([LineChart, GridComponent, TooltipComponent, SVGRenderer]);

/** A small line of a trend tile's points; a period without a figure is a gap, never a zero. */
export function TrendChart({ points, format, label, height = 150 }: { points: { period: string; value: number | null }[]; format: FigureFormat; label: string; height?: number }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = echarts.init(el.current, undefined, { renderer: 'svg' });
    const bp = format === 'bp';
    chart.setOption({
      animation: false,
      grid: { left: 44, right: 12, top: 12, bottom: 24 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatFigure(bp ? v * 100 : v, format) : '—') },
      xAxis: { type: 'category', data: points.map((p) => p.period.slice(2)), axisTick: { show: false }, axisLabel: { fontSize: 11, color: 'rgba(0,0,0,0.55)' } },
      yAxis: bp
        ? { type: 'value', min: 0, max: 100, interval: 25, axisLabel: { formatter: '{value}%', fontSize: 11, color: 'rgba(0,0,0,0.55)' }, splitLine: { lineStyle: { color: '#f0f0f0' } } }
        : { type: 'value', minInterval: 1, axisLabel: { fontSize: 11, color: 'rgba(0,0,0,0.55)' }, splitLine: { lineStyle: { color: '#f0f0f0' } } },
      series: [
        {
          type: 'line',
          name: label,
          data: points.map((p) => (p.value === null ? null : bp ? p.value / 100 : p.value)),
          connectNulls: false,
          symbolSize: 6,
          lineStyle: { width: 2, color: '#1668dc' },
          itemStyle: { color: '#1668dc' },
          areaStyle: { color: 'rgba(22,104,220,0.08)' },
        },
      ],
    });
    const ro = new ResizeObserver(() => chart.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      chart.dispose();
    };
  }, [points, format, label]);
  return <div ref={el} role="img" aria-label={label} style={{ width: '100%', height }} data-testid="trend-chart" />;
}
