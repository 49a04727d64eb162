import { isWorkingDayNumber, type WorkingCalendar } from './calendar.ts';
import { CalendarError } from './errors.ts';
import { dayStartMs, localDayIndex } from './local-day.ts';

/** Milliseconds in an hour. */
export const HOUR_MS = 3_600_000;

/**
 * A search gives up after this many consecutive days without working time: no real calendar
 * has a year-long holiday, so such a run means a broken configuration, not a far deadline.
 */
const MAX_IDLE_DAYS = 366;

/** No calculation walks more than 20 years of days; a longer span is an input mistake. */
const MAX_SPAN_DAYS = 366 * 20;

function checkInstant(ms: number, name: string): void {
  if (!Number.isFinite(ms))
    throw new CalendarError('CALENDAR_INVALID', `${name} must be a time in milliseconds`);
}

function noWorkingTime(fromMs: number): CalendarError {
  const from = new Date(fromMs).toISOString();
  return new CalendarError(
    'CALENDAR_NO_WORKING_TIME',
    `no working time within ${MAX_IDLE_DAYS} days after ${from}: the calendar needs working periods and working days`,
  );
}

function tooFar(fromMs: number): CalendarError {
  const from = new Date(fromMs).toISOString();
  return new CalendarError('CALENDAR_INVALID', `the span from ${from} is longer than 20 years`);
}

/**
 * The instant at which `workMs` of working time has elapsed after `startMs`. Time outside the
 * working periods does not count; a deadline that lands exactly on the end of a period stays
 * there (17:30) rather than jumping to the next morning.
 */
export function addWorkingMs(cal: WorkingCalendar, startMs: number, workMs: number): number {
  checkInstant(startMs, 'startMs');
  if (!Number.isFinite(workMs) || workMs < 0) {
    throw new CalendarError('CALENDAR_INVALID', 'the working time to add must be zero or more');
  }
  if (workMs === 0) return startMs;
  if (cal.periods.length === 0) throw noWorkingTime(startMs);
  let remaining = workMs;
  let idle = 0;
  const first = localDayIndex(cal.utcOffsetMs, startMs);
  for (let day = first; day - first <= MAX_SPAN_DAYS; day++) {
    if (!isWorkingDayNumber(cal, day)) {
      if (++idle > MAX_IDLE_DAYS) throw noWorkingTime(startMs);
      continue;
    }
    idle = 0;
    const base = dayStartMs(cal.utcOffsetMs, day);
    for (const period of cal.periods) {
      const from = Math.max(startMs, base + period.startMs);
      const to = base + period.endMs;
      if (to <= from) continue;
      if (remaining <= to - from) return from + remaining;
      remaining -= to - from;
    }
  }
  throw tooFar(startMs);
}

/** startMs plus `hours` working hours (fractions allowed), as a UTC instant in ms. */
export function addWorkingHours(cal: WorkingCalendar, startMs: number, hours: number): number {
  if (!Number.isFinite(hours) || hours < 0) {
    throw new CalendarError('CALENDAR_INVALID', 'working hours must be a number of hours, zero or more');
  }
  return addWorkingMs(cal, startMs, Math.round(hours * HOUR_MS));
}

/**
 * The deadline of a limit of `days` working days, as the 12345 hotlines count it: the close of
 * business (end of the last working period) of the Nth working day after the local day of
 * `startMs`. The day of registration itself never counts, whatever the hour, so an order
 * registered on Friday at 09:00 or at 20:00 with 1 working day is due on Monday at 17:30.
 */
export function addWorkingDays(cal: WorkingCalendar, startMs: number, days: number): number {
  checkInstant(startMs, 'startMs');
  if (!Number.isInteger(days) || days < 1) {
    throw new CalendarError('CALENDAR_INVALID', 'working days must be a whole number, 1 or more');
  }
  const close = cal.periods.at(-1);
  if (!close) throw noWorkingTime(startMs);
  let counted = 0;
  let idle = 0;
  const first = localDayIndex(cal.utcOffsetMs, startMs);
  for (let day = first + 1; day - first <= MAX_SPAN_DAYS; day++) {
    if (!isWorkingDayNumber(cal, day)) {
      if (++idle > MAX_IDLE_DAYS) throw noWorkingTime(startMs);
      continue;
    }
    idle = 0;
    if (++counted === days) return dayStartMs(cal.utcOffsetMs, day) + close.endMs;
  }
  throw tooFar(startMs);
}

/**
 * Working time between two instants in ms; negative when `toMs` is before `fromMs`, so
 * `workingMsBetween(cal, deadline, now)` is how far past a deadline an order is.
 */
export function workingMsBetween(cal: WorkingCalendar, fromMs: number, toMs: number): number {
  checkInstant(fromMs, 'fromMs');
  checkInstant(toMs, 'toMs');
  if (toMs < fromMs) return -workingMsBetween(cal, toMs, fromMs);
  const first = localDayIndex(cal.utcOffsetMs, fromMs);
  const last = localDayIndex(cal.utcOffsetMs, toMs);
  if (last - first > MAX_SPAN_DAYS) throw tooFar(fromMs);
  let total = 0;
  for (let day = first; day <= last; day++) {
    if (!isWorkingDayNumber(cal, day)) continue;
    const base = dayStartMs(cal.utcOffsetMs, day);
    for (const period of cal.periods) {
      const overlap = Math.min(toMs, base + period.endMs) - Math.max(fromMs, base + period.startMs);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}
