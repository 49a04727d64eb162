// Reads the JSON payload of a positions message. Each element is checked on its own, so one
// bad element of a batch does not cost the good ones; nothing here throws.

import type { Fix } from '../../domain/positions/fix.ts';
import type { MqttItemProblem, MqttParseResult } from './types.ts';

/** Elements accepted in one message; a device's blind-spot batch is far smaller. */
export const MAX_FIXES = 1000;

// Epoch milliseconds below this are seconds sent by mistake (1e11 ms is March 1973).
const MIN_EPOCH_MS = 1e11;
// An offset is required: a terminal clock in Asia/Shanghai without one would be eight hours off.
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

class ItemError extends Error {}

function fail(message: string): never {
  throw new ItemError(message);
}

function optionalNumber(item: Record<string, unknown>, key: string): number | undefined {
  const value = item[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail(`${key} must be a number, got ${JSON.stringify(value)}`);
  return value;
}

function coordinate(item: Record<string, unknown>, key: 'lat' | 'lon', limit: number): number {
  const value = optionalNumber(item, key);
  if (value === undefined) fail(`${key} is required: decimal degrees, WGS-84`);
  if (Math.abs(value) > limit) fail(`${key} must be between -${limit} and ${limit}, got ${value}`);
  return value;
}

// Date.parse rolls 2026-02-30 over into March; a date that does not exist is refused instead.
function calendarDate(text: string): boolean {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function timeOf(value: unknown): number {
  if (value === undefined || value === null) {
    // The broker may hold a message for hours: the time it arrives says nothing about the fix.
    fail('time is required: ISO-8601 with an offset (2026-03-02T09:00:00+08:00) or epoch milliseconds');
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < MIN_EPOCH_MS) fail(`time ${value} is not epoch milliseconds`);
    return value;
  }
  const time = typeof value === 'string' && ISO.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time) || !calendarDate(String(value))) {
    fail(`time ${JSON.stringify(value)} is not ISO-8601 with an offset`);
  }
  return time;
}

function attributesOf(value: unknown): Record<string, unknown> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) fail('attributes must be an object');
  for (const [key, v] of Object.entries(value)) {
    // Flat values only: they are shown and filtered as they are, like other protocols' attributes.
    if (v !== null && !['string', 'number', 'boolean'].includes(typeof v)) {
      fail(`attributes.${key} must be a string, number, boolean or null`);
    }
  }
  return { ...value };
}

function fixOf(raw: unknown): Fix {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail('each position must be an object');
  const item = raw as Record<string, unknown>;
  const speed = optionalNumber(item, 'speed') ?? 0;
  if (speed < 0) fail(`speed must not be negative, got ${speed}`);
  const course = optionalNumber(item, 'course') ?? 0;
  if (item.valid !== undefined && typeof item.valid !== 'boolean') fail('valid must be true or false');
  return {
    time: timeOf(item.time),
    lat: coordinate(item, 'lat', 90),
    lon: coordinate(item, 'lon', 180),
    speedKmh: speed,
    course: ((course % 360) + 360) % 360,
    altitude: optionalNumber(item, 'altitude') ?? 0,
    valid: item.valid !== false,
    attributes: attributesOf(item.attributes),
  };
}

/** Reads a payload: one position object or an array of them. Never throws. */
export function parsePositions(payload: Uint8Array): MqttParseResult {
  let root: unknown;
  try {
    root = JSON.parse(Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8'));
  } catch (error) {
    return {
      ok: false,
      error: { reason: 'json', message: `payload is not JSON: ${(error as Error).message}` },
    };
  }
  if (typeof root !== 'object' || root === null) {
    return {
      ok: false,
      error: { reason: 'shape', message: 'payload must be a position object or an array of them' },
    };
  }
  const items = Array.isArray(root) ? root : [root];
  if (items.length > MAX_FIXES) {
    return {
      ok: false,
      error: { reason: 'too_large', message: `at most ${MAX_FIXES} positions per message` },
    };
  }
  const fixes: Fix[] = [];
  const problems: MqttItemProblem[] = [];
  for (const [index, item] of items.entries()) {
    try {
      fixes.push(fixOf(item));
    } catch (error) {
      problems.push({ index, message: error instanceof ItemError ? error.message : String(error) });
    }
  }
  return { ok: true, fixes, problems };
}
