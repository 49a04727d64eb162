/**
 * ISO-8601 weeks (Monday first; week 1 holds the year's first Thursday) counted in Beijing time
 * (Asia/Shanghai, UTC+8 all year, no daylight saving).
 */

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** `2026-W22`: a year and a two-digit week. */
export const ISO_WEEK_PATTERN = '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$';

/** A week as instants: from Monday 00:00 Beijing time (included) to the next Monday's (excluded). */
export interface WeekRange {
  week: string;
  from: number;
  to: number;
}

/** The Beijing calendar day of an instant, as days since 1970-01-01. */
const beijingDay = (t: number) => Math.floor((t + BEIJING_OFFSET_MS) / DAY_MS);
/** ISO weekday 1 (Monday) … 7 (Sunday) of a day number (1970-01-01 was a Thursday). */
const weekdayOfDay = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

/** The ISO weekday (1 = Monday … 7 = Sunday) of an instant in Beijing time. */
export function beijingWeekday(t: number): number {
  return weekdayOfDay(beijingDay(t));
}

/** The instant Monday 00:00 Beijing time of ISO week 1 of a year. */
function weekOneStart(year: number): number {
  const jan4 = Date.UTC(year, 0, 4) / DAY_MS;
  const monday = jan4 - (weekdayOfDay(jan4) - 1);
  return monday * DAY_MS - BEIJING_OFFSET_MS;
}

/** The ISO week (`2026-W22`) an instant falls in, Beijing time. */
export function isoWeekOf(t: number): string {
  const day = beijingDay(t);
  const thursday = day - (weekdayOfDay(day) - 1) + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const week = Math.floor((thursday * DAY_MS - BEIJING_OFFSET_MS - weekOneStart(year)) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The instants of an ISO week; undefined for a malformed week or a week 53 the year lacks. */
export function weekRange(week: string): WeekRange | undefined {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) return undefined;
  const year = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || n > 53) return undefined;
  const from = weekOneStart(year) + (n - 1) * WEEK_MS;
  if (isoWeekOf(from) !== week) return undefined;
  return { week, from, to: from + WEEK_MS };
}

/** The week before (`2026-W01` → the previous year's last). */
export function previousWeek(week: string): string {
  const range = weekRange(week);
  if (!range) throw new RangeError(`not an ISO week: ${week}`);
  return isoWeekOf(range.from - 1);
}

/**
 * The last ISO week that has ended at `t` (Beijing time): the week before `t`'s own, even on its
 * Sunday, since a week ends at the next Monday's midnight.
 */
export function lastCompleteWeek(t: number): string {
  return previousWeek(isoWeekOf(t));
}

/** The instant of a weekday's given Beijing hour in a week (weekday 1 = Monday … 7 = Sunday). */
export function weekdayAt(range: WeekRange, weekday: number, hour: number): number {
  return range.from + (weekday - 1) * DAY_MS + hour * 3_600_000;
}
