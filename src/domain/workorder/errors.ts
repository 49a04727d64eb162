import type { ErrorCode } from '../../errors/catalogue.ts';
import type { CalendarErrorCode } from '../calendar/errors.ts';
import type { JsonObject } from './model.ts';

/**
 * Work-order error codes that src/errors/catalogue.ts does not have yet, in its shape, ready to
 * be merged there. Until then the service maps these by code.
 */
export const WORK_ORDER_ERRORS = {
  TRANSITION_NOT_ALLOWED: {
    status: 409,
    message: 'This action is not allowed in the order’s current state: see the allowed actions',
  },
  VERSION_CONFLICT: {
    status: 409,
    message: 'Someone else changed the order meanwhile: reload it and try again',
  },
  SUBTASKS_OPEN: {
    status: 409,
    message:
      'Collaboration sub-tasks are still open: wait for their feedback, or close them as lead with a reason',
  },
  SUBTASK_NOT_FOUND: { status: 404, message: 'The order has no sub-task with this id' },
  EXTENSION_PENDING: {
    status: 409,
    message: 'An extension request is already waiting for a decision: approve or deny it first',
  },
  NO_EXTENSION_REQUEST: { status: 409, message: 'There is no pending extension request to decide on' },
  RETURN_VISIT_DONE: { status: 409, message: 'The return visit for this closure has already been recorded' },
  REOPEN_WINDOW_PASSED: {
    status: 409,
    message: 'The order was closed too long ago to be reopened: report it as a new order',
  },
  // The category dictionary (清单制) belongs to work orders; its two conflicts live here too.
  CATEGORY_CODE_TAKEN: {
    status: 409,
    message: 'Another category already has this type, major and minor code',
  },
  CATEGORY_IN_USE: {
    status: 409,
    message: 'Orders still use this category: deactivate it instead of deleting it',
  },
} as const satisfies Record<string, { status: number; message: string }>;

/** A code from WORK_ORDER_ERRORS. */
export type WorkOrderErrorCode = keyof typeof WORK_ORDER_ERRORS;

/** Every code the state machine reports: its own, the calendar's and three from the catalogue. */
export type OrderErrorCode =
  | WorkOrderErrorCode
  | CalendarErrorCode
  | Extract<ErrorCode, 'FORBIDDEN' | 'OUT_OF_SCOPE' | 'VALIDATION_FAILED'>;

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
