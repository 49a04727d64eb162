/** Performance metrics, their targets and actuals, imports and schedule progress (序时进度). This index is the feature's one entry. */
export { importMetrics } from './import.ts';
export {
  createMetric,
  getMetricDetail,
  getMetricOrThrow,
  listVisibleMetrics,
  type MetricInput,
  patchMetric,
  removeMetric,
} from './metrics.ts';
export { progressAt } from './progress.ts';
export { getProgressSettings, putProgressSettings } from './settings.ts';
export { metricTemplate } from './template.ts';
export { setMetricActual, setMetricTarget } from './values.ts';
export { actualView, metricView, targetView } from './views.ts';
