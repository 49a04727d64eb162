import type { CalendarYear } from './calendar.ts';
import { CalendarError } from './errors.ts';
import { parseDayKey, yearOf } from './local-day.ts';

function invalid(message: string): never {
  throw new CalendarError('CALENDAR_INVALID', `calendar year: ${message}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function dateIn(year: number, value: unknown, where: string): string {
  if (typeof value !== 'string') invalid(`${where} must be a date string YYYY-MM-DD`);
  // A holiday may run into the next year (元旦 starting on 31 December), so allow a neighbour year.
  if (Math.abs(yearOf(parseDayKey(value)) - year) > 1) invalid(`${where} ${value} is not near ${year}`);
  return value;
}

/**
 * Checks untrusted JSON (a seed file or an API body) against the calendar-cn-2026.json shape:
 * `{ year, source?, holidays: [{ name?, from, to }], makeUpWorkdays: [date] }`.
 */
export function parseCalendarYear(raw: unknown): CalendarYear {
  if (!isRecord(raw)) invalid('expected an object { year, holidays, makeUpWorkdays }');
  const { year, source, holidays, makeUpWorkdays } = raw;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1970 || year > 9999) {
    invalid('year must be a whole number such as 2026');
  }
  if (source !== undefined && typeof source !== 'string') invalid('source must be a string');
  if (!Array.isArray(holidays)) invalid('holidays must be an array of { name?, from, to }');
  if (!Array.isArray(makeUpWorkdays)) invalid('makeUpWorkdays must be an array of dates');
  return {
    year,
    ...(source === undefined ? {} : { source }),
    holidays: holidays.map((h: unknown, i) => {
      if (!isRecord(h)) invalid(`holidays[${i}] must be an object { name?, from, to }`);
      if (h.name !== undefined && typeof h.name !== 'string') invalid(`holidays[${i}].name must be a string`);
      const from = dateIn(year, h.from, `holidays[${i}].from`);
      const to = dateIn(year, h.to, `holidays[${i}].to`);
      return { ...(h.name === undefined ? {} : { name: h.name }), from, to };
    }),
    makeUpWorkdays: makeUpWorkdays.map((d: unknown, i) => dateIn(year, d, `makeUpWorkdays[${i}]`)),
  };
}
