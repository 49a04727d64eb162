import type { WorkingCalendar } from '../calendar/calendar.ts';
import { defaultCalendar } from '../calendar/cn-2026.ts';
import { DAY_MS } from '../calendar/local-day.ts';

/** Configuration the state machine needs besides the order: the calendar and the reopen window. */
export interface OrderContext {
  /** Counts deadlines, extensions and the time a parked order had left. */
  calendar: WorkingCalendar;
  /** How long after closing the reporter or the centre may reopen (重办), in ms. */
  reopenWindowMs: number;
}

/** 15 days: long enough for the return visit and a complaint about it, short enough to stay one case. */
export const DEFAULT_REOPEN_WINDOW_MS = 15 * DAY_MS;

let fallbackCalendar: WorkingCalendar | undefined;

/** Fills in the defaults: the bundled 2026 calendar and a 15-day reopen window. */
export function orderContext(ctx: Partial<OrderContext> = {}): OrderContext {
  fallbackCalendar ??= defaultCalendar();
  return {
    calendar: ctx.calendar ?? fallbackCalendar,
    reopenWindowMs: ctx.reopenWindowMs ?? DEFAULT_REOPEN_WINDOW_MS,
  };
}
