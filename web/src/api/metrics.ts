import type { Static } from 'typebox';
import type {
  ActualBody,
  MetricActualView,
  MetricDetailView,
  MetricImportView,
  MetricTargetView,
  MetricView,
  NewMetricBody,
  TargetBody,
} from '../../../src/api/index.ts';
import type {
  MetricDirection,
  MetricKind,
  MetricSource,
  ScheduleBasis,
} from '../../../src/domain/metrics/model.ts';
import { request } from './client.ts';
import type { List } from './types.ts';

// The metric vocabulary and who may do what are the server's own, imported from its pure domain.
export { ACTUAL_ENTERERS, METRIC_MANAGERS } from '../../../src/domain/metrics/access.ts';
export {
  METRIC_DIRECTIONS,
  METRIC_KINDS,
  type MetricDirection,
  type MetricKind,
  SCHEDULE_BASES,
  type ScheduleBasis,
} from '../../../src/domain/metrics/model.ts';

export type Metric = MetricView;
export type MetricDetail = MetricDetailView;
export type MetricTarget = MetricTargetView;
export type MetricActual = MetricActualView;
export type MetricImport = MetricImportView;
/**
 * POST /api/metrics. The schema's enumerated fields are `literals(...)` unions built from arrays,
 * which Static reads as never: they are typed from the same domain lists instead.
 */
export type NewMetric = Omit<Static<typeof NewMetricBody>, Enumerated> & {
  kind: MetricKind;
  direction: MetricDirection;
  scheduleBasis: ScheduleBasis;
  source?: MetricSource | null;
};
type Enumerated = 'kind' | 'direction' | 'scheduleBasis' | 'source';
/** PATCH /api/metrics/:id: any of the fields. */
export type MetricPatch = Partial<NewMetric>;
export type TargetInput = Static<typeof TargetBody>;
export type ActualInput = Static<typeof ActualBody>;

/** A bad row of a refused import, as METRIC_IMPORT_INVALID's details.errors lists them. */
export interface ImportProblem {
  line: number;
  reasons: string[];
}

/** Where the import template (.xlsx) downloads from. */
export const TEMPLATE_URL = '/api/metrics/template.xlsx';

const at = (id: string) => `/api/metrics/${encodeURIComponent(id)}`;

export async function fetchMetrics(signal?: AbortSignal): Promise<Metric[]> {
  return (await request<List<Metric>>('/api/metrics', { signal })).items;
}

/** One metric with its targets (units in scope) and actuals. */
export function fetchMetric(id: string, signal?: AbortSignal): Promise<MetricDetail> {
  return request(at(id), { signal });
}

export function createMetric(input: NewMetric): Promise<Metric> {
  return request('/api/metrics', { method: 'POST', body: input });
}

export function patchMetric(id: string, patch: MetricPatch): Promise<Metric> {
  return request(at(id), { method: 'PATCH', body: patch });
}

export function deleteMetric(id: string): Promise<void> {
  return request(at(id), { method: 'DELETE' });
}

export function putTarget(id: string, year: number, input: TargetInput): Promise<MetricTarget> {
  return request(`${at(id)}/targets/${year}`, { method: 'PUT', body: input });
}

/** A month's actual; `period` is 'YYYY-MM'. */
export function putActual(id: string, period: string, input: ActualInput): Promise<MetricActual> {
  return request(`${at(id)}/actuals/${period}`, { method: 'PUT', body: input });
}

/** Imports a workbook; all or nothing unless `partial`, which imports the good rows and lists the others. */
export function importMetrics(file: File, partial: boolean): Promise<MetricImport> {
  const form = new FormData();
  form.append('file', file, file.name);
  return request('/api/metrics/import', {
    method: 'POST',
    body: form,
    query: partial ? { partial: 1 } : {},
  });
}
