import { CalendarError } from './errors.ts';

/** Milliseconds in a calendar day (there is no DST in the zones this platform serves). */
export const DAY_MS = 86_400_000;

/**
 * Local days are numbered like the Unix epoch day of their local date: day 0 is 1970-01-01
 * local. With a fixed UTC offset a day is always 24 h long, so plain arithmetic suffices.
 */
export function localDayIndex(utcOffsetMs: number, instantMs: number): number {
  return Math.floor((instantMs + utcOffsetMs) / DAY_MS);
}

/** The UTC instant at which a local day begins (its local midnight). */
export function dayStartMs(utcOffsetMs: number, day: number): number {
  return day * DAY_MS - utcOffsetMs;
}

/** 'YYYY-MM-DD' of a local day. */
export function dayKeyOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day of the week of a local day: 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Calendar year of a local day. */
export function yearOf(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** Parses 'YYYY-MM-DD' into a local day number; rejects impossible dates such as 2026-02-30. */
export function parseDayKey(key: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(key);
  if (match) {
    const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    if (dayKeyOf(ms / DAY_MS) === key) return ms / DAY_MS;
  }
  throw new CalendarError('CALENDAR_INVALID', `"${key}" is not a date: write it as YYYY-MM-DD`);
}
