import {
  type CalendarYear,
  calendarWarnings,
  createCalendar,
  DEFAULT_WORKING_PERIODS,
  SHANGHAI_UTC_OFFSET_MINUTES,
  type WorkingCalendar,
} from '../../domain/calendar/calendar.ts';
import { CalendarError } from '../../domain/calendar/errors.ts';
import { parseCalendarYear } from '../../domain/calendar/parse.ts';
import { deadlineFor, type TimeLimit } from '../../domain/calendar/time-limit.ts';
import { fail } from '../../errors/catalogue.ts';
import { findCalendarYear, listCalendarYears, putCalendarYear } from '../../store/calendar.repository.ts';
import type { Db } from '../../store/database.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import type { ServiceContext } from '../context.ts';

interface Cached {
  calendar: WorkingCalendar;
  loadedAt: number;
  /** Years already warned about, so a missing year is logged once, not on every action. */
  warned: Set<number>;
}

/**
 * Per database (tests open several in one process). A change made here is seen at once;
 * one made by another server process within the refresh interval.
 */
const caches = new WeakMap<Db, Cached>();
const REFRESH_MS = 60_000;

/** The weekly rules every year shares; holidays and make-up days come per year from the database. */
export const WEEKLY_RULES = {
  utcOffsetMinutes: SHANGHAI_UTC_OFFSET_MINUTES,
  workingPeriods: DEFAULT_WORKING_PERIODS,
  weekendDays: [0, 6],
} as const;

function build(years: CalendarYear[]): WorkingCalendar {
  return createCalendar({
    utcOffsetMinutes: WEEKLY_RULES.utcOffsetMinutes,
    periods: [...WEEKLY_RULES.workingPeriods],
    weekendDays: [...WEEKLY_RULES.weekendDays],
    years,
  });
}

/** The working calendar of the stored years; a year with none counts weekends only. */
export async function workingCalendar(ctx: ServiceContext): Promise<WorkingCalendar> {
  const cached = caches.get(ctx.db);
  if (cached && Math.abs(ctx.now() - cached.loadedAt) < REFRESH_MS) return cached.calendar;
  const calendar = build(await listCalendarYears(ctx.db));
  caches.set(ctx.db, { calendar, loadedAt: ctx.now(), warned: cached?.warned ?? new Set() });
  return calendar;
}

/** Drops the cached calendar, after a calendar year was written outside putCalendarYearChecked (seeding). */
export function forgetCalendar(ctx: ServiceContext): void {
  caches.delete(ctx.db);
}

/** Warnings for years in [fromMs, toMs] that have no holidays loaded, each year once per database. */
export function missingYearWarnings(ctx: ServiceContext, fromMs: number, toMs: number): string[] {
  const cached = caches.get(ctx.db);
  if (!cached) return [];
  return calendarWarnings(cached.calendar, fromMs, toMs).filter((warning) => {
    const year = Number(/\d{4}/.exec(warning)?.[0]);
    if (cached.warned.has(year)) return false;
    cached.warned.add(year);
    return true;
  });
}

/** A year as the API shows it: stored holidays, or the weekends-only fallback with a warning. */
export async function getCalendarYearView(ctx: ServiceContext, year: number) {
  const stored = await findCalendarYear(ctx.db, year);
  return {
    year,
    loaded: stored !== undefined,
    source: stored?.source ?? null,
    holidays: stored?.holidays ?? [],
    makeUpWorkdays: stored?.makeUpWorkdays ?? [],
    ...WEEKLY_RULES,
    warning: stored ? null : `no holiday calendar for ${year}: counting weekends only`,
  };
}

/**
 * Validates a year (its shape, then that it builds a calendar together with the other stored
 * years) and stores it; a problem is a 400 that names it.
 */
export async function putCalendarYearChecked(
  ctx: ServiceContext,
  year: number,
  body: unknown,
): Promise<CalendarYear> {
  try {
    const parsed = parseCalendarYear(body);
    if (parsed.year !== year)
      fail('VALIDATION_FAILED', `body.year ${parsed.year} differs from the URL's ${year}`);
    const others = (await listCalendarYears(ctx.db)).filter((y) => y.year !== year);
    build([...others, parsed]);
    await writeTransaction(ctx.db, [], (trx) => putCalendarYear(trx, parsed, ctx.now()));
    caches.delete(ctx.db);
    return parsed;
  } catch (error) {
    if (error instanceof CalendarError) fail('VALIDATION_FAILED', error.message, { field: 'body' });
    throw error;
  }
}

/** The deadline of a time limit from `start` on the current calendar, with any missing-year warning. */
export async function deadlineFrom(ctx: ServiceContext, start: number, limit: TimeLimit) {
  const calendar = await workingCalendar(ctx);
  try {
    const deadline = deadlineFor(calendar, start, limit);
    return { deadline, warnings: calendarWarnings(calendar, start, deadline) };
  } catch (error) {
    if (error instanceof CalendarError) fail(error.code, error.message);
    throw error;
  }
}
