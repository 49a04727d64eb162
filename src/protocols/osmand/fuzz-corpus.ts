// Requests for fuzzing the OsmAnd parser: query, form and JSON bodies with missing, garbage, huge
// and hostile values. Used by bench/fuzz through the descriptor. Seeded, so a failure can be replayed.
import type { FuzzTarget } from '../fuzz-target.ts';
import { parseOsmAnd } from './parse.ts';
import { OSMAND_KEYS } from './query.ts';
import type { OsmAndRequest } from './types.ts';

type Rand = () => number;

/** The clock the parser is given: requests are judged as of this instant. */
const NOW = Date.parse('2026-11-27T08:00:00Z');
// The protocol's keys and one it does not know.
const KEYS = [...OSMAND_KEYS, 'x'];
const VALUES = [
  '',
  '0',
  '-1',
  '31.3',
  '120.8',
  '91',
  '-181',
  'NaN',
  'Infinity',
  '1e309',
  '1377177267',
  '1377177267000',
  '2026-11-27T08:00:00Z',
  '2026-13-45',
  'true',
  'abc',
  '\u0000',
  '31.3,120.8',
  ',',
  '9'.repeat(400),
  '[]',
  '{}',
];

function pick<T>(list: readonly T[], rand: Rand): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function value(rand: Rand): string {
  return rand() < 0.8
    ? pick(VALUES, rand)
    : String.fromCharCode(
        ...Array.from({ length: Math.floor(rand() * 12) }, () => Math.floor(rand() * 0xffff)),
      );
}

function fields(rand: Rand): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const n = Math.floor(rand() * 10);
  for (let i = 0; i < n; i++) out[pick(KEYS, rand)] = rand() < 0.1 ? [value(rand), value(rand)] : value(rand);
  return out;
}

/** One fuzz request: a query, a form body, or a JSON body (parsed, or as text and perhaps cut). */
export function osmandFuzzRequest(rand: Rand): OsmAndRequest {
  const r = rand();
  if (r < 0.5) return { query: fields(rand) };
  if (r < 0.7)
    return {
      query: {},
      body: new URLSearchParams(fields(rand) as Record<string, string>).toString(),
      contentType: 'application/x-www-form-urlencoded',
    };
  const coords = {
    latitude: Number(pick(VALUES, rand)),
    longitude: Number(pick(VALUES, rand)),
    speed: rand() < 0.5 ? value(rand) : Number(value(rand)),
  };
  const json = {
    device_id: rand() < 0.9 ? value(rand) : 42,
    location: rand() < 0.8 ? { timestamp: value(rand), coords } : value(rand),
  };
  return rand() < 0.5
    ? { query: {}, body: json, contentType: 'application/json' }
    : {
        query: {},
        body: JSON.stringify(json).slice(0, Math.floor(rand() * 200)),
        contentType: 'application/json',
      };
}

/** The request parser under fuzzing, as bench/fuzz drives it; the raw limit copies the request. */
export const OSMAND_FUZZ_TARGET: FuzzTarget<OsmAndRequest> = {
  seed: 5055,
  input: osmandFuzzRequest,
  decoder: () => ({
    decode(input, tally) {
      const result = parseOsmAnd(input, NOW);
      tally(result.ok ? 'ok' : result.error.code);
    },
  }),
  copy: (input) => structuredClone(input),
};
