import { isWorkingDayNumber, type WorkingCalendar } from '../calendar/calendar.ts';
import { DAY_MS, yearOf } from '../calendar/local-day.ts';
import type { ScheduleBasis } from './model.ts';

// Days are local day numbers (src/domain/calendar/local-day.ts): day 0 is 1970-01-01 local.

/** The local day number of a date; `month` is 1–12, and day 0 of a month is the last day of the one before. */
export function dayNumber(year: number, month: number, date: number): number {
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

/** The last day of a month (1–12). */
export function monthEndDay(year: number, month: number): number {
  return dayNumber(year, month + 1, 0);
}

/** Months of the day's year complete at the end of that day: May 30 → 4, May 31 → 5, Dec 31 → 12. */
export function completeMonths(day: number): number {
  const date = new Date(day * DAY_MS);
  const endsMonth = new Date((day + 1) * DAY_MS).getUTCDate() === 1;
  return date.getUTCMonth() + (endsMonth ? 1 : 0);
}

function workingDaysBetween(calendar: WorkingCalendar, first: number, last: number): number {
  let n = 0;
  for (let day = first; day <= last; day++) if (isWorkingDayNumber(calendar, day)) n++;
  return n;
}

/**
 * The elapsed share of the day's year (0–1) at the end of that day (序时进度), on a basis:
 *
 * - months: complete months ÷ 12, so it moves at each month's end (5 ÷ 12 from May 31 to June 29);
 * - days: days elapsed, the day itself included, ÷ days in the year (365 or 366);
 * - workingDays: working days up to and including the day ÷ working days in the year, on the
 *   working calendar (a year without holidays loaded counts weekends only).
 */
export function scheduleShare(basis: ScheduleBasis, day: number, calendar: WorkingCalendar): number {
  const year = yearOf(day);
  const first = dayNumber(year, 1, 1);
  const last = dayNumber(year, 12, 31);
  switch (basis) {
    case 'months':
      return completeMonths(day) / 12;
    case 'days':
      return (day - first + 1) / (last - first + 1);
    case 'workingDays': {
      const inYear = workingDaysBetween(calendar, first, last);
      return inYear === 0 ? 0 : workingDaysBetween(calendar, first, day) / inYear;
    }
  }
}

/**
 * The planned share of the year at the end of a day when the target has a monthly plan
 * (`plan[m]` = the amount planned by the end of month m + 1, cumulative; `annual` non-zero):
 * the plan of the last complete month ÷ annual on the months basis; on the days and working-days
 * bases the plan moves from one month's end to the next in proportion to the month's days (or
 * working days) elapsed, the day itself included. Before January ends the previous plan is 0.
 */
export function plannedShare(
  basis: ScheduleBasis,
  day: number,
  calendar: WorkingCalendar,
  plan: readonly number[],
  annual: number,
): number {
  const done = completeMonths(day);
  const planAt = (months: number) => (months === 0 ? 0 : (plan[months - 1] ?? 0));
  if (basis === 'months' || done === 12) return planAt(done) / annual;
  const year = yearOf(day);
  const month = done + 1;
  const first = dayNumber(year, month, 1);
  const last = monthEndDay(year, month);
  let elapsed: number;
  if (basis === 'days') elapsed = (day - first + 1) / (last - first + 1);
  else {
    const inMonth = workingDaysBetween(calendar, first, last);
    elapsed = inMonth === 0 ? 0 : workingDaysBetween(calendar, first, day) / inMonth;
  }
  return (planAt(done) + (planAt(month) - planAt(done)) * elapsed) / annual;
}
