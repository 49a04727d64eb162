import type { CalendarErrorCode } from '../calendar/errors.ts';
import type { JsonObject } from './model.ts';

/**
 * Why the state machine refuses an action: its own reasons, the calendar's, and three it shares
 * with the rest of the platform. src/errors/catalogue.ts gives each code its HTTP status; a
 * refusal here always carries its own message naming what to do.
 */
export type OrderErrorCode =
  | 'TRANSITION_NOT_ALLOWED'
  | 'VERSION_CONFLICT'
  | 'SUBTASKS_OPEN'
  | 'SUBTASK_NOT_FOUND'
  | 'EXTENSION_PENDING'
  | 'NO_EXTENSION_REQUEST'
  | 'RETURN_VISIT_DONE'
  | 'REOPEN_WINDOW_PASSED'
  | 'PARK_REQUEST_PENDING'
  | 'NO_PARK_REQUEST'
  | 'NO_CONSULTATION'
  | 'MERGE_TARGET_CLOSED'
  | CalendarErrorCode
  | 'FORBIDDEN'
  | 'OUT_OF_SCOPE'
  | 'VALIDATION_FAILED';

/** A refused action, shaped like the API's `{ error: { code, message, details? } }`. */
export interface OrderError {
  code: OrderErrorCode;
  message: string;
  details?: JsonObject;
}

/** The failure branch of every result in this folder. */
export interface Failure {
  ok: false;
  error: OrderError;
}

/** Builds a Failure. */
export function orderError(code: OrderErrorCode, message: string, details?: JsonObject): Failure {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** Shorthand for a VALIDATION_FAILED failure about the action's payload. */
export function invalid(message: string): Failure {
  return orderError('VALIDATION_FAILED', message);
}
