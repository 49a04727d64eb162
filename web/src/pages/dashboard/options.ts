import type { Rankings } from '../../api/indicators.ts';
import type { ProgressItem } from '../../api/progress.ts';
import { CHART_THEME, type EChartsCoreOption } from './echarts.ts';
import type { WeekRates } from './useDashboard.ts';

const percentOf = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);
const axisLabel = { color: CHART_THEME.text, fontSize: 14 };
const axisLine = { lineStyle: { color: CHART_THEME.axis } };
const splitLine = { lineStyle: { color: CHART_THEME.split } };
const tooltip = { trigger: 'axis', textStyle: { fontSize: 14 } };

/** 12 weeks of 办结率 and 按期办结率 as two lines in percent; a week without cases leaves a gap. */
export function ratesOption(
  weeks: readonly WeekRates[],
  names: { closure: string; onTime: string },
): EChartsCoreOption {
  return {
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    legend: { top: 0, textStyle: { color: CHART_THEME.text, fontSize: 14 } },
    tooltip: { ...tooltip, valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`) },
    xAxis: { type: 'category', data: weeks.map((w) => w.label), axisLabel, axisLine },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...axisLabel, formatter: '{value}%' }, splitLine },
    series: [
      { name: names.closure, type: 'line', data: weeks.map((w) => percentOf(w.closureRate)), symbolSize: 8 },
      {
        name: names.onTime,
        type: 'line',
        data: weeks.map((w) => percentOf(w.onTimeClosureRate)),
        symbolSize: 8,
      },
    ],
  };
}

/** Counts by category as a ring. */
export function pieOption(parts: readonly { name: string; count: number }[]): EChartsCoreOption {
  return {
    tooltip: { trigger: 'item', textStyle: { fontSize: 14 } },
    series: [
      {
        type: 'pie',
        radius: ['36%', '60%'],
        data: parts.map((p) => ({ name: p.name, value: p.count })),
        label: { color: CHART_THEME.text, fontSize: 14, formatter: '{b} {c}' },
      },
    ],
  };
}

/** Counts by source as horizontal bars, the largest on top. */
export function barsOption(
  parts: readonly { name: string; count: number }[],
  seriesName: string,
): EChartsCoreOption {
  const rows = [...parts].reverse();
  return {
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    tooltip: { ...tooltip, axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', axisLabel, splitLine, minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((p) => p.name), axisLabel, axisLine },
    series: [
      {
        name: seriesName,
        type: 'bar',
        data: rows.map((p) => p.count),
        barMaxWidth: 22,
        label: { show: true, position: 'right', color: CHART_THEME.text, fontSize: 14 },
      },
    ],
  };
}

const LIGHT_COLOR: Record<string, string> = {
  green: CHART_THEME.green,
  yellow: CHART_THEME.yellow,
  red: CHART_THEME.red,
};

/**
 * Each target's completion as a bar coloured by its light, and the schedule (序时) as a white
 * marker across it: a thin rectangle symbol at the schedule's percent.
 */
export function progressOption(
  items: readonly ProgressItem[],
  names: { completion: string; schedule: string },
): EChartsCoreOption {
  const rows = [...items].reverse();
  // A metric with targets for several units (工单办结率 of the subdistrict and of a community) names the unit.
  const repeated = (name: string) => rows.filter((i) => i.metric.name === name).length > 1;
  const label = (i: ProgressItem) =>
    repeated(i.metric.name) ? `${i.metric.name} · ${i.unit.name}` : i.metric.name;
  return {
    grid: { left: 8, right: 56, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: CHART_THEME.text, fontSize: 14 } },
    tooltip: { ...tooltip, axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${v}%` },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { ...axisLabel, formatter: '{value}%' }, splitLine },
    yAxis: { type: 'category', data: rows.map(label), axisLabel, axisLine },
    series: [
      {
        name: names.completion,
        type: 'bar',
        barMaxWidth: 20,
        data: rows.map((i) => ({
          value: Math.min(100, percentOf(i.completion) ?? 0),
          itemStyle: { color: LIGHT_COLOR[i.light ?? ''] ?? CHART_THEME.axis },
        })),
        label: {
          show: true,
          position: 'right',
          color: CHART_THEME.text,
          fontSize: 14,
          formatter: (p: { dataIndex: number }) => {
            const c = rows[p.dataIndex]?.completion;
            return c === null || c === undefined ? '—' : `${(c * 100).toFixed(1)}%`;
          },
        },
      },
      {
        name: names.schedule,
        type: 'scatter',
        symbol: 'rect',
        symbolSize: [4, 28],
        itemStyle: { color: CHART_THEME.marker },
        z: 5,
        data: rows.map((i) => Math.round(i.schedule * 1000) / 10),
      },
    ],
  };
}

/** Ranked communities with a rank, top first (the list the ranking card shows). */
export function topRanked(rankings: Rankings, count: number) {
  return rankings.items.filter((i) => i.rank !== null).slice(0, count);
}
