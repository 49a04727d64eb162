import { ACTUAL_ENTERERS, METRIC_MANAGERS, type Metric } from '../../api/metrics.ts';
import type { ProgressItem } from '../../api/progress.ts';
import type { Role } from '../../api/types.ts';
import type { Params } from '../../i18n/translate.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';

/** Why the user may not do something, as a message to show beside the disabled button. */
export interface Refusal {
  key: MessageKey;
  params?: Params;
}

/** Null when the role manages metrics, targets and imports (as the API allows), else why not. */
export function manageRefusal(role: Role): Refusal | null {
  return METRIC_MANAGERS.includes(role) ? null : { key: 'metrics.why.manage' };
}

/**
 * Null when the user may enter the metric's actuals, else why not: the API takes them from the
 * owner unit's staff (and an administrator correcting one), and none for a metric computed from
 * the work orders.
 */
export function actualRefusal(
  role: Role,
  myUnitId: string,
  metric: Pick<Metric, 'ownerUnitId' | 'source'>,
  ownerName: string,
): Refusal | null {
  if (!ACTUAL_ENTERERS.includes(role)) return { key: 'metrics.why.actualRole' };
  if (metric.source !== null) return { key: 'metrics.why.computed' };
  if (role !== 'admin' && myUnitId !== metric.ownerUnitId) {
    return { key: 'metrics.why.ownerOnly', params: { owner: ownerName } };
  }
  return null;
}

/** A metric as the list shows it: this year's target and latest actual come from GET /api/progress. */
export interface MetricRow {
  metric: Metric;
  ownerName: string;
  target: number | null;
  actual: number | null;
  actualPeriod: string | null;
}

/**
 * The list's rows: each metric with its owner unit's progress item of this year, if it has a
 * target (a metric computed from the work orders may have targets for other units too).
 */
export function metricRows(
  metrics: readonly Metric[],
  items: readonly ProgressItem[],
  unitNames: ReadonlyMap<string, string>,
): MetricRow[] {
  return metrics.map((metric) => {
    const mine = items.filter((i) => i.metric.id === metric.id);
    const item = mine.find((i) => i.unit.id === metric.ownerUnitId) ?? mine[0];
    return {
      metric,
      ownerName: unitNames.get(metric.ownerUnitId) ?? item?.unit.name ?? metric.ownerUnitId,
      target: item?.target ?? null,
      actual: item?.actual ?? null,
      actualPeriod: item?.actualPeriod ?? null,
    };
  });
}

/**
 * The form fields an API error names: a validation failure lists `{ field }` issues
 * ("body.monthly.3"), other errors carry one `field` ("body.ownerUnitId", "code"). Answered as the
 * top-level field names ("monthly", "ownerUnitId"), each once.
 */
export function fieldsNamed(details: unknown): string[] {
  const issues = Array.isArray(details) ? details : [details];
  const fields: string[] = [];
  for (const issue of issues) {
    if (typeof issue !== 'object' || issue === null || !('field' in issue)) continue;
    const path = String((issue as { field: unknown }).field).replace(/^(body|params|querystring)\.?/, '');
    const field = path.split('.')[0] ?? '';
    if (field !== '' && !fields.includes(field)) fields.push(field);
  }
  return fields;
}

/** The month before a day's ('YYYY-MM-DD' → 'YYYY-MM'): the last one whose actual can be complete. */
export function previousMonth(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** Twelve monthly targets from their inputs: all numbers, or 'incomplete' when any is missing. */
export function monthlyTargets(texts: readonly string[]): number[] | 'incomplete' {
  const values = texts.map((text) => (text.trim() === '' ? Number.NaN : Number(text)));
  return values.length === 12 && values.every(Number.isFinite) ? values : 'incomplete';
}
