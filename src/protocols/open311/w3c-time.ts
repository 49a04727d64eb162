import { SHANGHAI_UTC_OFFSET_MINUTES } from '../../domain/calendar/calendar.ts';

// GeoReport v2 "Date/time format": the W3C profile of ISO 8601 (www.w3.org/TR/NOTE-datetime),
// with the time zone always given (Z or ±hh:mm).

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as `2026-03-02T09:00:00+08:00`: whole seconds, in the jurisdiction's offset (Beijing time). */
export function formatW3c(ms: number, offsetMinutes = SHANGHAI_UTC_OFFSET_MINUTES): string {
  const local = new Date(Math.floor(ms / 1000) * 1000 + offsetMinutes * 60_000).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// Complete date, optionally with hours and minutes, seconds and a decimal fraction, and then a
// zone. A space stands for '+' because an unencoded '+' in a query string arrives as one.
const W3C =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+\- ]\d{2}:\d{2}))?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The instant a W3C datetime names, or undefined when it is not one (wrong shape, 13th month,
 * 30 February, a time without a zone). A bare date is midnight in the jurisdiction's offset.
 */
export function parseW3c(text: string, offsetMinutes = SHANGHAI_UTC_OFFSET_MINUTES): number | undefined {
  const m = W3C.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', zone] = m;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number) as number[];
  if (year === undefined || month === undefined || day === undefined) return undefined;
  // Two-digit years would be read as 19xx by Date.UTC; no report predates the year 1000 anyway.
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if ((hour ?? 0) > 23 || (minute ?? 0) > 59 || (second ?? 0) > 59) return undefined;
  let offset = offsetMinutes;
  if (zone !== undefined && zone !== 'Z') {
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zh > 14 || zm > 59) return undefined;
    offset = (zone.startsWith('-') ? -1 : 1) * (zh * 60 + zm);
  } else if (zone === 'Z') {
    offset = 0;
  }
  const millis = fraction === '' ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * 60_000;
}
