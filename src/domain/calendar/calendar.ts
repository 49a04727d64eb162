import { CalendarError } from './errors.ts';
import { localDayIndex, parseDayKey, weekdayOf, yearOf } from './local-day.ts';

/** A stretch of working time within a day, in local wall-clock time ('HH:MM', 24 h). */
export interface WorkingPeriod {
  from: string;
  to: string;
}

/** One year's public holidays and make-up working days (调休), in the shape of calendar-cn-2026.json. */
export interface CalendarYear {
  year: number;
  source?: string;
  holidays: { name?: string; from: string; to: string }[];
  makeUpWorkdays: string[];
}

/** What a calendar is built from; every field has a default. */
export interface CalendarConfig {
  /** Offset of local time from UTC; default +480 (Asia/Shanghai). */
  utcOffsetMinutes?: number;
  /** Default 08:30–12:00 and 13:30–17:30. */
  periods?: WorkingPeriod[];
  /** 0 = Sunday ... 6 = Saturday; default Saturday and Sunday. */
  weekendDays?: number[];
  years?: CalendarYear[];
}

/** A validated working calendar, ready for the calculation functions; build it with createCalendar. */
export interface WorkingCalendar {
  readonly utcOffsetMs: number;
  /** Working periods as offsets from local midnight, sorted and non-overlapping. */
  readonly periods: readonly { readonly startMs: number; readonly endMs: number }[];
  readonly weekendDays: ReadonlySet<number>;
  /** Local day numbers (see local-day.ts) of holidays and of make-up working days. */
  readonly holidays: ReadonlySet<number>;
  readonly makeUpWorkdays: ReadonlySet<number>;
  readonly loadedYears: ReadonlySet<number>;
}

/**
 * Asia/Shanghai has been UTC+8 all year round since China dropped daylight saving in 1991,
 * so a fixed offset gives the tz database's answer for every date this platform deals with,
 * keeps the functions pure and fast, and does not depend on the ICU data built into Node.
 */
export const SHANGHAI_UTC_OFFSET_MINUTES = 480;

/** The usual office hours of a subdistrict: 08:30–12:00 and 13:30–17:30. */
export const DEFAULT_WORKING_PERIODS: readonly WorkingPeriod[] = [
  { from: '08:30', to: '12:00' },
  { from: '13:30', to: '17:30' },
];

const MINUTE_MS = 60_000;

function minutesOf(hhmm: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60) {
    throw new CalendarError('CALENDAR_INVALID', `"${hhmm}" is not a time of day: write it as HH:MM`);
  }
  return minutes;
}

function buildPeriods(periods: readonly WorkingPeriod[]): WorkingCalendar['periods'] {
  const built = periods
    .map((p) => ({ startMs: minutesOf(p.from) * MINUTE_MS, endMs: minutesOf(p.to) * MINUTE_MS, p }))
    .sort((a, b) => a.startMs - b.startMs);
  let previousEnd = 0;
  for (const { startMs, endMs, p } of built) {
    if (endMs <= startMs) {
      throw new CalendarError(
        'CALENDAR_INVALID',
        `working period ${p.from}–${p.to} must end after it starts`,
      );
    }
    if (startMs < previousEnd) {
      throw new CalendarError('CALENDAR_INVALID', `working period ${p.from}–${p.to} overlaps the one before`);
    }
    previousEnd = endMs;
  }
  return built.map(({ startMs, endMs }) => ({ startMs, endMs }));
}

function dayRules(years: readonly CalendarYear[]): { holidays: Set<number>; makeUpWorkdays: Set<number> } {
  const holidays = new Set<number>();
  const makeUpWorkdays = new Set<number>();
  for (const y of years) {
    for (const h of y.holidays) {
      const from = parseDayKey(h.from);
      const to = parseDayKey(h.to);
      // The longest Chinese public holiday is 9 days; a month-long range is a typo.
      if (to < from || to - from > 31) {
        throw new CalendarError(
          'CALENDAR_INVALID',
          `holiday ${h.from}..${h.to} must run forwards, 32 days at most`,
        );
      }
      for (let day = from; day <= to; day++) holidays.add(day);
    }
    for (const key of y.makeUpWorkdays) makeUpWorkdays.add(parseDayKey(key));
  }
  for (const day of makeUpWorkdays) {
    if (holidays.has(day)) {
      throw new CalendarError(
        'CALENDAR_INVALID',
        'a date cannot be both a holiday and a make-up working day',
      );
    }
  }
  return { holidays, makeUpWorkdays };
}

/** Builds and validates a working calendar; throws CalendarError naming what to fix. */
export function createCalendar(config: CalendarConfig = {}): WorkingCalendar {
  const offsetMinutes = config.utcOffsetMinutes ?? SHANGHAI_UTC_OFFSET_MINUTES;
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > 14 * 60) {
    throw new CalendarError(
      'CALENDAR_INVALID',
      'utcOffsetMinutes must be a whole number between -840 and 840',
    );
  }
  const weekendDays = config.weekendDays ?? [0, 6];
  if (!weekendDays.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) {
    throw new CalendarError('CALENDAR_INVALID', 'weekendDays are 0 (Sunday) to 6 (Saturday)');
  }
  const years = config.years ?? [];
  const loadedYears = new Set<number>();
  for (const y of years) {
    if (loadedYears.has(y.year)) throw new CalendarError('CALENDAR_INVALID', `year ${y.year} is given twice`);
    loadedYears.add(y.year);
  }
  return {
    utcOffsetMs: offsetMinutes * MINUTE_MS,
    periods: buildPeriods(config.periods ?? DEFAULT_WORKING_PERIODS),
    weekendDays: new Set(weekendDays),
    ...dayRules(years),
    loadedYears,
  };
}

/**
 * Whether a local day is a working day. A make-up day (调休) works even on a weekend; a
 * holiday never works; otherwise weekends are off. A year with no calendar loaded simply
 * finds no holidays or make-up days, which is the documented weekends-only fallback.
 */
export function isWorkingDayNumber(cal: WorkingCalendar, day: number): boolean {
  if (cal.makeUpWorkdays.has(day)) return true;
  if (cal.holidays.has(day)) return false;
  return !cal.weekendDays.has(weekdayOf(day));
}

/** Whether a date ('YYYY-MM-DD', local) or the local day of a UTC instant (ms) is a working day. */
export function isWorkingDay(cal: WorkingCalendar, date: string | number): boolean {
  const day = typeof date === 'string' ? parseDayKey(date) : localDayIndex(cal.utcOffsetMs, date);
  return isWorkingDayNumber(cal, day);
}

/** Years touched by [fromMs, toMs] (local dates) that have no holiday calendar loaded, ascending. */
export function missingYears(cal: WorkingCalendar, fromMs: number, toMs: number): number[] {
  const first = yearOf(localDayIndex(cal.utcOffsetMs, Math.min(fromMs, toMs)));
  const last = yearOf(localDayIndex(cal.utcOffsetMs, Math.max(fromMs, toMs)));
  const missing: number[] = [];
  for (let year = first; year <= last && missing.length < 100; year++) {
    if (!cal.loadedYears.has(year)) missing.push(year);
  }
  return missing;
}

/** Log-ready warnings for the years in [fromMs, toMs] that are counted on weekends only. */
export function calendarWarnings(cal: WorkingCalendar, fromMs: number, toMs: number): string[] {
  return missingYears(cal, fromMs, toMs).map((y) => `no holiday calendar for ${y}: counting weekends only`);
}
