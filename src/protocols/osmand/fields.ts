// Validation shared by the query/form and JSON readers. A failed check throws `Rejection`,
// which `parseOsmAnd` turns into `{ ok: false, error }`; it never leaves the parser.

import type { OsmAndError, OsmAndErrorCode } from './types.ts';
import { parseNumber, parseTimestamp } from './values.ts';

/** The first problem found in a request. */
export class Rejection extends Error {
  constructor(readonly error: OsmAndError) {
    super(error.message);
  }
}

/** Throws a rejection with a code, the key at fault and what to send instead. */
export function reject(code: OsmAndErrorCode, field: string | undefined, message: string): never {
  throw new Rejection(field === undefined ? { code, message } : { code, message, field });
}

/** Longest device identifier accepted; registered identifiers (IMEIs, phone ids) are far shorter. */
const MAX_ID_LENGTH = 128;

/** The device identifier, trimmed; rejects a missing, blank or overlong one. */
export function deviceIdOf(value: unknown, field: string, alternatives = ''): string {
  const id = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
  if (id === '') {
    const message = `Missing device identifier: send ${field} with the identifier registered for this device${alternatives}`;
    reject('MISSING_DEVICE_ID', field, message);
  }
  if (id.length > MAX_ID_LENGTH) {
    reject('OUT_OF_RANGE', field, `${field} must be at most ${MAX_ID_LENGTH} characters, got ${id.length}`);
  }
  return id;
}

/** A finite number from text or a JSON number; undefined when absent. */
export function numberOf(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const number =
    typeof value === 'number' ? (Number.isFinite(value) ? value : null) : parseNumber(String(value));
  if (number === null) {
    reject('INVALID_NUMBER', field, `${field} must be a decimal number, got ${JSON.stringify(value)}`);
  }
  return number;
}

/** A latitude or longitude, present and inside ±limit degrees. */
export function coordinateOf(
  value: number | undefined,
  field: string,
  limit: 90 | 180,
  hint: string,
): number {
  if (value === undefined) {
    reject('MISSING_POSITION', field, `Missing ${field}: ${hint}`);
  }
  if (value < -limit || value > limit) {
    reject(
      'OUT_OF_RANGE',
      field,
      `${field} must be between -${limit} and ${limit} degrees (WGS-84), got ${value}`,
    );
  }
  return value;
}

/** A report time from text or a number (unix s or ms, or ISO-8601); `now` when absent. */
export function timeOf(value: unknown, field: string, now: number): number {
  if (value === undefined || value === null || value === '') return now;
  const time = parseTimestamp(String(value));
  if (time === null) {
    reject(
      'INVALID_TIMESTAMP',
      field,
      `${field} must be unix seconds, unix milliseconds or ISO-8601 such as 2024-05-01T08:00:00Z, got ${JSON.stringify(value)}`,
    );
  }
  return time;
}

/** Unknown values (negative speed, course or accuracy, as phones send -1) become null; course wraps into [0, 360). */
export function nonNegative(value: number | undefined): number | null {
  return value === undefined || value < 0 ? null : value;
}

/** Course in [0, 360), or null when unknown. */
export function courseOf(value: number | undefined): number | null {
  const course = nonNegative(value);
  return course === null ? null : course % 360;
}
