import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OrderErrorCode } from '../domain/workorder/errors.ts';
import { DomainError, ERRORS, fail } from './catalogue.ts';

// Every code the state machine refuses with (the calendar's included), with the status the API
// answers it with: a code added to the domain without a catalogue entry does not type-check here.
const ORDER_STATUSES: Record<OrderErrorCode, number> = {
  TRANSITION_NOT_ALLOWED: 409,
  VERSION_CONFLICT: 409,
  SUBTASKS_OPEN: 409,
  SUBTASK_NOT_FOUND: 404,
  EXTENSION_PENDING: 409,
  NO_EXTENSION_REQUEST: 409,
  RETURN_VISIT_DONE: 409,
  REOPEN_WINDOW_PASSED: 409,
  PARK_REQUEST_PENDING: 409,
  NO_PARK_REQUEST: 409,
  NO_CONSULTATION: 409,
  MERGE_TARGET_CLOSED: 409,
  CALENDAR_INVALID: 422,
  CALENDAR_NO_WORKING_TIME: 422,
  FORBIDDEN: 403,
  OUT_OF_SCOPE: 403,
  VALIDATION_FAILED: 400,
};

describe('error catalogue', () => {
  it('gives every code of the work-order domain its HTTP status', () => {
    for (const [code, status] of Object.entries(ORDER_STATUSES)) {
      assert.equal(ERRORS[code as OrderErrorCode].status, status, code);
    }
  });

  it('makes a DomainError with the status and, unless given one, the message of its code', () => {
    const plain = new DomainError('ORDER_NOT_FOUND');
    assert.deepEqual([plain.status, plain.message], [404, 'No such work order']);
    assert.throws(() => fail('VERSION_CONFLICT', 'Order 7 changed', { readVersion: 3 }), {
      name: 'DomainError',
      code: 'VERSION_CONFLICT',
      status: 409,
      message: 'Order 7 changed',
      details: { readVersion: 3 },
    });
  });
});
