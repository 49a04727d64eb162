/**
 * Calendar failures. They are configuration or argument problems (a malformed holiday file,
 * a calendar with no working time), so the calculation functions throw them instead of
 * returning a number that would silently be wrong.
 */
export const CALENDAR_ERRORS = {
  CALENDAR_INVALID: {
    status: 422,
    message: 'The working calendar or the time given to it is not valid',
  },
  CALENDAR_NO_WORKING_TIME: {
    status: 422,
    message: 'The working calendar has no working time in the searched span: check its periods and holidays',
  },
} as const satisfies Record<string, { status: number; message: string }>;

/** Stable code of a calendar failure. */
export type CalendarErrorCode = keyof typeof CALENDAR_ERRORS;

/** A calendar configuration or argument problem, with a stable code and a message that says what to fix. */
export class CalendarError extends Error {
  readonly code: CalendarErrorCode;

  constructor(code: CalendarErrorCode, message?: string) {
    super(message ?? CALENDAR_ERRORS[code].message);
    this.name = 'CalendarError';
    this.code = code;
  }
}
