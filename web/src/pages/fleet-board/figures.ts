import type { DaySummary } from '../../api/summaries.ts';

/** Below this share of its segment's sub-sections a boat's day is short (the API's coverageThreshold). */
export const COVERAGE_THRESHOLD = 0.9;

/** What is wrong with a boat's day, shown in red. */
export type DayProblem = 'lowCoverage' | 'noData' | 'offDutyMoving';

/** The lowest coverage over the boat's segments; null without a segment. */
export function lowestCoverage(s: DaySummary): number | null {
  return s.coverage.length === 0 ? null : Math.min(...s.coverage.map((c) => c.ratio));
}

/**
 * The day's problems: on duty, coverage under the threshold or fixes missing (none at all, or a
 * gap counted as no data); on duty or not, movement outside the shift.
 */
export function dayProblems(s: DaySummary): DayProblem[] {
  const out: DayProblem[] = [];
  const onDuty = s.duty.onDutyFrom !== null;
  const coverage = lowestCoverage(s);
  if (onDuty && coverage !== null && coverage < COVERAGE_THRESHOLD) out.push('lowCoverage');
  if (onDuty && (s.movingS + s.stoppedS === 0 || s.noDataS > 0)) out.push('noData');
  if (s.offDutyMovingS > 0) out.push('offDutyMoving');
  return out;
}

/** Kilometres with two decimals. */
export const km = (metres: number): string => (metres / 1000).toFixed(2);
/** Hours with two decimals. */
export const hours = (seconds: number): string => (seconds / 3600).toFixed(2);
/** A ratio as a percentage with one decimal; an em dash for none. */
export const percent = (ratio: number | null): string =>
  ratio === null ? '—' : `${(ratio * 100).toFixed(1)}%`;
