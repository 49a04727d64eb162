import type { WorkingCalendar } from '../calendar/calendar.ts';
import { DAY_MS, dayKeyOf, dayStartMs, parseDayKey, weekdayOf } from '../calendar/local-day.ts';
import type { Interval } from './day.ts';
import { FleetError } from './errors.ts';

/** A weekly shift: ISO weekday (1 = Monday … 7 = Sunday), local 'HH:MM'; end ≤ start runs past midnight. */
export interface WeeklyShift {
  weekday: number;
  start: string;
  end: string;
}

/** A date with other hours than the week's (start and end), or none at all (off). */
export interface ShiftException {
  date: string;
  off?: true;
  start?: string;
  end?: string;
}

/** When an asset's crew is on duty (排班), in local time of the calendar (Asia/Shanghai). */
export interface ShiftPlan {
  weekly: WeeklyShift[];
  exceptions: ShiftException[];
  /** Holidays of the working calendar are days off; its make-up days (调休) work. */
  followsCalendar: boolean;
}

const MINUTE_MS = 60_000;

function minutesOf(hhmm: string | undefined, where: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm ?? '');
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60) {
    throw new FleetError(`${where} "${hhmm ?? ''}" is not a time of day: write it as HH:MM, 00:00 to 24:00`);
  }
  return minutes;
}

/** The span start–end of the local day that begins at `dayStart` (UTC ms). */
function spanOf(
  dayStart: number,
  start: string | undefined,
  end: string | undefined,
  where: string,
): Interval {
  const from = minutesOf(start, `${where} start`);
  let to = minutesOf(end, `${where} end`);
  if (to === from)
    throw new FleetError(`${where} starts and ends at ${start}: give a real span (00:00–24:00 for all day)`);
  if (to < from) to += 24 * 60; // past midnight, into the next day
  return { from: dayStart + from * MINUTE_MS, to: dayStart + to * MINUTE_MS };
}

/** Throws FleetError naming the first thing wrong with a plan: a weekday, a time, an exception with no hours. */
export function checkShiftPlan(plan: ShiftPlan): void {
  for (const [i, s] of plan.weekly.entries()) {
    if (!Number.isInteger(s.weekday) || s.weekday < 1 || s.weekday > 7) {
      throw new FleetError(`weekly[${i}].weekday ${s.weekday} must be 1 (Monday) to 7 (Sunday)`);
    }
    spanOf(0, s.start, s.end, `weekly[${i}]`);
  }
  for (const [i, e] of plan.exceptions.entries()) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(e.date)) throw new FleetError(`exceptions[${i}].date must be YYYY-MM-DD`);
    if (e.off) continue;
    if (e.start === undefined || e.end === undefined) {
      throw new FleetError(`exceptions[${i}] (${e.date}) needs off: true, or a start and an end`);
    }
    spanOf(0, e.start, e.end, `exceptions[${i}]`);
  }
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local day number. */
function isoWeekday(day: number): number {
  return weekdayOf(day) || 7;
}

/**
 * The weekday a make-up working day (调休) stands in for. The State Council's notices (and so the
 * calendar) do not say, so it is the weekday of the nearest holiday that falls on a working
 * weekday (the earlier on a tie): Sunday 4 January 2026 works as Friday 2 January, Saturday
 * 10 October as Wednesday 7 October. Monday when no holiday lies within a month.
 */
export function makeUpWeekday(cal: WorkingCalendar, day: number): number {
  for (let k = 1; k <= 31; k++) {
    for (const d of [day - k, day + k]) {
      if (cal.holidays.has(d) && !cal.weekendDays.has(weekdayOf(d))) return isoWeekday(d);
    }
  }
  return 1;
}

/**
 * The shifts that begin on a local date, as UTC intervals (a shift past midnight ends the next
 * day). An exception for the date decides alone (off, or its own hours); otherwise, with
 * followsCalendar, a holiday is off and a make-up day works its makeUpWeekday's shifts; otherwise
 * the date's own weekday's shifts.
 */
export function shiftsOn(plan: ShiftPlan, date: string, cal: WorkingCalendar): Interval[] {
  checkShiftPlan(plan);
  const day = parseDayKey(date);
  const dayStart = dayStartMs(cal.utcOffsetMs, day);
  const exceptions = plan.exceptions.filter((e) => e.date === date);
  if (exceptions.some((e) => e.off)) return [];
  if (exceptions.length > 0) {
    return exceptions.map((e, i) => spanOf(dayStart, e.start, e.end, `exception ${date} #${i + 1}`));
  }
  let weekday = isoWeekday(day);
  if (plan.followsCalendar) {
    if (cal.holidays.has(day)) return [];
    if (cal.makeUpWorkdays.has(day)) weekday = makeUpWeekday(cal, day);
  }
  return plan.weekly
    .filter((s) => s.weekday === weekday)
    .map((s) => spanOf(dayStart, s.start, s.end, `weekly ${s.weekday} ${s.start}`))
    .sort((a, b) => a.from - b.from);
}

/** The planned duty inside a local day: its own shifts and the tail of the day before's, clipped to the day. */
export function shiftsWithinDay(plan: ShiftPlan, date: string, cal: WorkingCalendar): Interval[] {
  const day = parseDayKey(date);
  const from = dayStartMs(cal.utcOffsetMs, day);
  const to = from + DAY_MS;
  return [...shiftsOn(plan, dayKeyOf(day - 1), cal), ...shiftsOn(plan, date, cal)]
    .map((s) => ({ from: Math.max(s.from, from), to: Math.min(s.to, to) }))
    .filter((s) => s.to > s.from);
}
