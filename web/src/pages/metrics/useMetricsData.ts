import { useCallback, useMemo } from 'react';
import { fetchMetrics } from '../../api/metrics.ts';
import { fetchProgress } from '../../api/progress.ts';
import type { Unit } from '../../api/types.ts';
import { fetchUnits } from '../../api/units.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { type MetricRow, metricRows } from './model.ts';

export interface MetricsData {
  rows: MetricRow[];
  units: readonly Unit[];
  /** The server's today (Beijing time, 'YYYY-MM-DD'): targets and actuals are of its year. */
  today: string | undefined;
  loaded: boolean;
  error: unknown;
  reload(): void;
}

/**
 * The metrics in the user's scope, with this year's target and latest actual from the schedule
 * progress (one request for all of them), and the units to name owners and to pick from.
 */
export function useMetricsData(): MetricsData {
  const metrics = useAsync(useCallback((signal: AbortSignal) => fetchMetrics(signal), []));
  const progress = useAsync(useCallback((signal: AbortSignal) => fetchProgress(undefined, signal), []));
  const units = useAsync(useCallback((signal: AbortSignal) => fetchUnits(signal, false), []));
  const unitNames = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const rows = useMemo(
    () => metricRows(metrics.data ?? [], progress.data?.items ?? [], unitNames),
    [metrics.data, progress.data, unitNames],
  );
  const { reload: reloadMetrics } = metrics;
  const { reload: reloadProgress } = progress;
  const reload = useCallback(() => {
    reloadMetrics();
    reloadProgress();
  }, [reloadMetrics, reloadProgress]);
  return {
    rows,
    units: units.data ?? [],
    today: progress.data?.date,
    loaded: metrics.data !== undefined,
    error: metrics.error ?? progress.error,
    reload,
  };
}
