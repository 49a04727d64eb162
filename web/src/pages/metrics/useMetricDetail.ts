import { useCallback } from 'react';
import { fetchMetric, type MetricDetail } from '../../api/metrics.ts';
import { useAsync } from '../../hooks/useAsync.ts';

/** One metric's targets and actuals, for the forms that change them. */
export function useMetricDetail(id: string): MetricDetail | undefined {
  return useAsync(useCallback((signal: AbortSignal) => fetchMetric(id, signal), [id])).data;
}
