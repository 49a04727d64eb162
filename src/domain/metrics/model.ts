/**
 * Performance metrics (指标) and their annual targets, as leaders follow them against the
 * schedule (序时进度). The vocabulary here is shared by the API's schemas and the console.
 */

/** How actuals accumulate: a running total as of each month's end (GDP so far), or a level (a rate). */
export const METRIC_KINDS = ['cumulative', 'level'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** Which way is better: up (more is better) or down (less is better, the target a ceiling). */
export const METRIC_DIRECTIONS = ['up', 'down'] as const;
export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];

/** What share of the year counts as elapsed: whole months, calendar days or working days. */
export const SCHEDULE_BASES = ['months', 'days', 'workingDays'] as const;
export type ScheduleBasis = (typeof SCHEDULE_BASES)[number];

/**
 * Metrics whose actual is computed from the work orders (src/services/indicators/) for the
 * target's unit over the year to date, in percent, instead of being entered.
 */
export const METRIC_SOURCES = [
  'orders:closureRate',
  'orders:onTimeClosureRate',
  'orders:satisfactionRate',
  'orders:solvedRate',
] as const;
export type MetricSource = (typeof METRIC_SOURCES)[number];

/** The progress light: green not behind, yellow behind by less than the threshold, red by more. */
export const PROGRESS_LIGHTS = ['green', 'yellow', 'red'] as const;
export type ProgressLight = (typeof PROGRESS_LIGHTS)[number];

/** The yellow threshold in percentage points when settings name none. */
export const DEFAULT_YELLOW_POINTS = 10;

/** What defines a metric. */
export interface MetricFields {
  code: string;
  name: string;
  unitOfMeasure: string;
  ownerUnitId: string;
  ownerUserId: string | null;
  kind: MetricKind;
  direction: MetricDirection;
  scheduleBasis: ScheduleBasis;
  source: MetricSource | null;
}

/** Why a metric's fields do not fit together, or undefined when they do. */
export function metricProblem(m: Pick<MetricFields, 'kind' | 'source'>): string | undefined {
  if (m.source !== null && m.kind !== 'level') {
    return `a metric computed from ${m.source} is a rate, so its kind is "level", not "${m.kind}"`;
  }
  return undefined;
}

/** A month of actuals, 'YYYY-MM'. */
export const PERIOD_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])$';

/** The year and month (1–12) of a 'YYYY-MM' period; undefined when it is not one. */
export function parsePeriod(period: string): { year: number; month: number } | undefined {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  return m ? { year: Number(m[1]), month: Number(m[2]) } : undefined;
}
