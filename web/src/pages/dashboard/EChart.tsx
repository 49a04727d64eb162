import { useEffect, useRef } from 'react';
import { CHART_THEME, type EChartsCoreOption, echarts } from './echarts.ts';

/**
 * One ECharts chart filling its box: created once, given each new option with setOption, resized
 * with its box. `label` names the chart for screen readers (the canvas has no text of its own).
 */
export function EChart({
  option,
  label,
  testId,
}: {
  option: EChartsCoreOption;
  label: string;
  testId: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      chart.current = null;
      instance.dispose();
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      { color: [...CHART_THEME.series], textStyle: { color: CHART_THEME.text, fontSize: 14 }, ...option },
      { notMerge: true },
    );
  }, [option]);

  return <div ref={box} className="dash-chart" role="img" aria-label={label} data-testid={testId} />;
}
