// ECharts, tree-shaken: only the charts, components and renderer the dashboard draws with, so the
// dashboard's chunk carries a fraction of the full library.
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  CanvasRenderer,
]);

export type { EChartsCoreOption } from 'echarts/core';
export { echarts };

/** The console's dark palette for charts (text, axes, series). */
export const CHART_THEME = {
  text: '#c9d7ea',
  axis: '#4a5d7a',
  split: '#22324a',
  series: ['#36b3ff', '#3ddc84', '#ffd33d', '#ff7b72', '#bc8cff', '#1b9aaa', '#ffa657', '#8b95a7'],
  green: '#3ddc84',
  yellow: '#ffd33d',
  red: '#ff5a52',
  marker: '#f0f4fa',
} as const;
