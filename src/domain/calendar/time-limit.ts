import type { WorkingCalendar } from './calendar.ts';
import { CalendarError } from './errors.ts';
import { addWorkingDays, addWorkingMs, HOUR_MS, workingMsBetween } from './working-time.ts';

/** The units a time limit counts in: working hours or working days. */
export const TIME_LIMIT_UNITS = ['hours', 'days'] as const;

/** A time limit (处置时限) or an extension (延期), counted in working hours or working days. */
export interface TimeLimit {
  amount: number;
  unit: (typeof TIME_LIMIT_UNITS)[number];
}

/** Where an order stands against its deadline, from fine to overdue. */
export const TRAFFIC_LIGHTS = ['green', 'yellow', 'red'] as const;

/** One of TRAFFIC_LIGHTS. */
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];

function checkLimit(limit: TimeLimit, what: string): void {
  if (
    !Number.isFinite(limit.amount) ||
    limit.amount <= 0 ||
    (limit.unit !== 'hours' && limit.unit !== 'days')
  ) {
    throw new CalendarError('CALENDAR_INVALID', `${what} must be a positive amount of 'hours' or 'days'`);
  }
}

/** Working time in one full working day (7.5 h with the default periods). */
export function workingMsPerDay(cal: WorkingCalendar): number {
  return cal.periods.reduce((sum, p) => sum + p.endMs - p.startMs, 0);
}

/** The deadline of a time limit counted from startMs; days follow addWorkingDays (close of the Nth day). */
export function deadlineFor(cal: WorkingCalendar, startMs: number, limit: TimeLimit): number {
  checkLimit(limit, 'a time limit');
  if (limit.unit === 'days') return addWorkingDays(cal, startMs, limit.amount);
  return addWorkingMs(cal, startMs, Math.round(limit.amount * HOUR_MS));
}

/**
 * A deadline moved by an extension. Days count as full working days of working time from the
 * old deadline, so the time of day is kept: a deadline of Tuesday 10:00 plus 2 days is Thursday
 * 10:00, and one at close of business stays at close of business.
 */
export function extendDeadline(cal: WorkingCalendar, deadlineMs: number, extension: TimeLimit): number {
  checkLimit(extension, 'an extension');
  const perHour = extension.unit === 'days' ? workingMsPerDay(cal) : HOUR_MS;
  return addWorkingMs(cal, deadlineMs, Math.round(extension.amount * perHour));
}

/** Working time left until the deadline (negative once past it) and whether it is overdue. */
export function timeRemaining(
  cal: WorkingCalendar,
  nowMs: number,
  deadlineMs: number,
): { workingMs: number; overdue: boolean } {
  return { workingMs: workingMsBetween(cal, nowMs, deadlineMs), overdue: nowMs > deadlineMs };
}

/**
 * Green while under 80 % of the allowed working time is used, yellow from 80 % up to and
 * including the deadline instant, red once the deadline has passed. Overdue is judged on the
 * clock, not on working time: at Saturday 10:00 an order due Friday 17:30 is red even though
 * no working time has passed since. Integer arithmetic keeps exactly 80 % yellow.
 */
export function trafficLight(
  cal: WorkingCalendar,
  startMs: number,
  deadlineMs: number,
  nowMs: number,
): TrafficLight {
  if (nowMs > deadlineMs) return 'red';
  const allowed = workingMsBetween(cal, startMs, deadlineMs);
  const used = Math.max(0, workingMsBetween(cal, startMs, nowMs));
  return used * 5 >= allowed * 4 ? 'yellow' : 'green';
}
