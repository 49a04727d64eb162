import { SHANGHAI_UTC_OFFSET_MINUTES } from '../calendar/calendar.ts';
import type { CategoryType } from './dictionary.ts';

/** The local date 'yyyyMMdd' (Beijing time by default) an order code and its daily sequence belong to. */
export function orderCodeDay(at: number, utcOffsetMinutes = SHANGHAI_UTC_OFFSET_MINUTES): string {
  return new Date(at + utcOffsetMinutes * 60_000).toISOString().slice(0, 10).replaceAll('-', '');
}

/**
 * The human-readable order code of digital city management: C (部件) or E (事件), the major and
 * minor class codes, the local date and the day's sequence number, at least 4 digits
 * (e.g. C0401202603090007). Unique because the sequence is unique per day.
 */
export function orderCode(
  type: CategoryType,
  majorCode: string,
  minorCode: string,
  at: number,
  sequence: number,
  utcOffsetMinutes = SHANGHAI_UTC_OFFSET_MINUTES,
): string {
  const day = orderCodeDay(at, utcOffsetMinutes);
  return `${categoryCode(type, majorCode, minorCode)}${day}${String(sequence).padStart(4, '0')}`;
}

/** A category's code as clients see it (the Open311 service_code): C/E + major + minor, e.g. C0401. */
export function categoryCode(type: CategoryType, majorCode: string, minorCode: string): string {
  return `${type === 'component' ? 'C' : 'E'}${majorCode}${minorCode}`;
}
