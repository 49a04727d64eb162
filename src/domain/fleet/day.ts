import { SHANGHAI_UTC_OFFSET_MINUTES } from '../calendar/calendar.ts';
import { DAY_MS, dayKeyOf, dayStartMs, localDayIndex, parseDayKey } from '../calendar/local-day.ts';

/** A half-open span of time [from, to) in UTC epoch ms. */
export interface Interval {
  from: number;
  to: number;
}

const SHANGHAI_OFFSET_MS = SHANGHAI_UTC_OFFSET_MINUTES * 60_000;

/** The local day 'YYYY-MM-DD' (Asia/Shanghai unless told) as [local midnight, next local midnight) in UTC ms. */
export function localDayWindow(date: string, utcOffsetMs = SHANGHAI_OFFSET_MS): Interval {
  const from = dayStartMs(utcOffsetMs, parseDayKey(date));
  return { from, to: from + DAY_MS };
}

/** The local date 'YYYY-MM-DD' (Asia/Shanghai unless told) of a UTC instant. */
export function localDateOf(instantMs: number, utcOffsetMs = SHANGHAI_OFFSET_MS): string {
  return dayKeyOf(localDayIndex(utcOffsetMs, instantMs));
}

/** The intervals sorted and merged where they overlap or touch, empty ones dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.to > i.from).sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const { from, to } of sorted) {
    const last = merged.at(-1);
    if (last && from <= last.to) last.to = Math.max(last.to, to);
    else merged.push({ from, to });
  }
  return merged;
}

/** Milliseconds of [from, to) that lie inside merged, sorted intervals. */
export function overlapMs(from: number, to: number, merged: readonly Interval[]): number {
  let total = 0;
  for (const i of merged) {
    if (i.from >= to) break;
    total += Math.max(0, Math.min(to, i.to) - Math.max(from, i.from));
  }
  return total;
}

/**
 * How far back a change of the records a boat's day is computed from (its shift plan, segments,
 * docks, crew) re-marks the days already summarised: the month being reported and the days
 * before it that a monthly review may still read. Older summaries stay as they were reported.
 */
export const RECORD_CHANGE_REMARK_DAYS = 31;

/** The first local date whose stored summary a change of records at `nowMs` re-marks. */
export function remarkFromDate(nowMs: number): string {
  return localDateOf(nowMs - RECORD_CHANGE_REMARK_DAYS * 86_400_000);
}
