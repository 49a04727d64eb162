/**
 * Stable code of a calendar failure. They are configuration or argument problems (a malformed
 * holiday file, a calendar with no working time), so the calculation functions throw them instead
 * of returning a number that would silently be wrong. src/errors/catalogue.ts gives each its
 * HTTP status.
 */
export type CalendarErrorCode = 'CALENDAR_INVALID' | 'CALENDAR_NO_WORKING_TIME';

/** A calendar configuration or argument problem, with a stable code and a message that says what to fix. */
export class CalendarError extends Error {
  readonly code: CalendarErrorCode;

  constructor(code: CalendarErrorCode, message: string) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
  }
}
