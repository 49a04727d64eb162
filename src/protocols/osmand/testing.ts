// Helpers shared by this folder's tests.

import assert from 'node:assert/strict';
import { parseOsmAnd } from './parse.ts';
import type { OsmAndError, OsmAndOptions, OsmAndReport, OsmAndRequest, OsmAndResult } from './types.ts';

/** The server clock the tests pass in: 2024-05-01T08:00:00Z. */
export const NOW = Date.parse('2024-05-01T08:00:00Z');

/** A query string as a transport parses it: repeated keys become arrays. */
export function query(text: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    const seen = out[key];
    out[key] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
  }
  return out;
}

/** The report of a request that must parse. */
export function reportOf(request: OsmAndRequest, options?: OsmAndOptions): OsmAndReport {
  const result: OsmAndResult = parseOsmAnd(request, NOW, options);
  assert.ok(result.ok, `expected a report, got ${JSON.stringify(result)}`);
  return result.report;
}

/** The error of a request that must be rejected. */
export function errorOf(request: OsmAndRequest): OsmAndError {
  const result = parseOsmAnd(request, NOW);
  assert.ok(!result.ok, `expected an error, got ${JSON.stringify(result)}`);
  return result.error;
}
