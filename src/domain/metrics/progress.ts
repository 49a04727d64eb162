import { yearOf } from '../calendar/local-day.ts';
import type { MetricDirection, ProgressLight } from './model.ts';
import { parsePeriod } from './model.ts';
import { monthEndDay } from './schedule.ts';

/**
 * Figures are compared after rounding to 1e-9: 0.4 − 0.5 is −0.09999999999999998 in binary,
 * and a gap of exactly −10 points must be red, a completion of exactly 0.5 half done. The gap
 * is answered as compared, so a client that colours it again agrees with the light.
 */
const PRECISION = 1e9;
const rounded = (x: number) => Math.round(x * PRECISION) / PRECISION;

/** What progress compares: a target, the actual so far, the schedule, and the yellow threshold. */
export interface ProgressInput {
  direction: MetricDirection;
  /** The annual target (non-zero). */
  target: number;
  /** The actual at the date; null when none is known yet. */
  actual: number | null;
  /** The elapsed share of the year, 0–1 (scheduleShare). */
  schedule: number;
  /** Behind by less than this many points is yellow, by this many or more red. */
  yellowPoints: number;
}

/** Completion against schedule; null figures and no light while there is no actual. */
export interface ProgressFigures {
  completion: number | null;
  schedule: number;
  gapPoints: number | null;
  light: ProgressLight | null;
  halfway: boolean;
}

/**
 * The documented formulas (docs/LEADERS.md):
 *
 * - completion = actual ÷ target;
 * - gapPoints = (completion − schedule) × 100 for an up-metric, (schedule − completion) × 100
 *   for a down-metric, so a positive gap always means ahead (rounded to 9 decimals);
 * - light: green when gapPoints ≥ 0, yellow when −yellowPoints < gapPoints < 0, red when
 *   gapPoints ≤ −yellowPoints (behind by exactly the threshold is red);
 * - halfway (双过半): schedule ≥ 0.5 and completion ≥ 0.5; for a down-metric, where using half
 *   the ceiling is no achievement, schedule ≥ 0.5 and not behind (gapPoints ≥ 0).
 */
export function progressFigures(input: ProgressInput): ProgressFigures {
  const { schedule } = input;
  if (input.actual === null)
    return { completion: null, schedule, gapPoints: null, light: null, halfway: false };
  const completion = input.actual / input.target;
  const ahead = input.direction === 'up' ? completion - schedule : schedule - completion;
  const gapPoints = rounded(ahead * 100);
  const light: ProgressLight =
    gapPoints >= 0 ? 'green' : gapPoints > -rounded(input.yellowPoints) ? 'yellow' : 'red';
  const pastHalfTime = rounded(schedule) >= 0.5;
  const halfway = pastHalfTime && (input.direction === 'up' ? rounded(completion) >= 0.5 : gapPoints >= 0);
  return { completion, schedule, gapPoints, light, halfway };
}

/** One month's actual as stored. */
export interface PeriodValue {
  period: string;
  value: number;
}

/**
 * The actual at a day: the latest of the day's year whose month has ended on or before the day
 * (May's actual counts from May 31). Actuals of other years never count: each year has its own
 * target, and a cumulative total starts again in January.
 */
export function actualAt<T extends PeriodValue>(actuals: readonly T[], day: number): T | undefined {
  const year = yearOf(day);
  let latest: T | undefined;
  for (const a of actuals) {
    const p = parsePeriod(a.period);
    if (!p || p.year !== year || monthEndDay(p.year, p.month) > day) continue;
    if (!latest || a.period > latest.period) latest = a;
  }
  return latest;
}
