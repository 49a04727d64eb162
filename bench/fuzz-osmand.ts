// Fuzz benchmark of the OsmAnd request parser: at least a million random and mutated requests
// (query, form and JSON bodies with missing, garbage, huge and hostile values), counting
// exceptions (there must be none), against the raw limit of merely copying the same requests
// (structuredClone) in the same run.
//
//   npx tsx bench/fuzz-osmand.ts [inputs=1000000] [seed=5055]

import { seeded } from '../src/protocols/jt808/fuzz-corpus.ts';
import { parseOsmAnd } from '../src/protocols/osmand/index.ts';
import { OSMAND_KEYS } from '../src/protocols/osmand/query.ts';
import type { OsmAndRequest } from '../src/protocols/osmand/types.ts';

const total = Math.max(1, Number(process.argv[2] ?? 1_000_000));
const rand = seeded(Number(process.argv[3] ?? 5055));
const BATCH = 50_000;
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

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)] as T;
}

function value(): string {
  return rand() < 0.8
    ? pick(VALUES)
    : String.fromCharCode(
        ...Array.from({ length: Math.floor(rand() * 12) }, () => Math.floor(rand() * 0xffff)),
      );
}

function fields(): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  const n = Math.floor(rand() * 10);
  for (let i = 0; i < n; i++) out[pick(KEYS)] = rand() < 0.1 ? [value(), value()] : value();
  return out;
}

function request(): OsmAndRequest {
  const r = rand();
  if (r < 0.5) return { query: fields() };
  if (r < 0.7)
    return {
      query: {},
      body: new URLSearchParams(fields() as Record<string, string>).toString(),
      contentType: 'application/x-www-form-urlencoded',
    };
  const coords = {
    latitude: Number(pick(VALUES)),
    longitude: Number(pick(VALUES)),
    speed: rand() < 0.5 ? value() : Number(value()),
  };
  const json = {
    device_id: rand() < 0.9 ? value() : 42,
    location: rand() < 0.8 ? { timestamp: value(), coords } : value(),
  };
  return rand() < 0.5
    ? { query: {}, body: json, contentType: 'application/json' }
    : {
        query: {},
        body: JSON.stringify(json).slice(0, Math.floor(rand() * 200)),
        contentType: 'application/json',
      };
}

const outcomes = new Map<string, number>();
let exceptions = 0;
let parseMs = 0;
let copyMs = 0;
for (let done = 0; done < total; done += BATCH) {
  const inputs = Array.from({ length: Math.min(BATCH, total - done) }, request);
  let t = performance.now();
  for (const req of inputs) {
    try {
      const result = parseOsmAnd(req, NOW);
      const key = result.ok ? 'ok' : result.error.code;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    } catch (error) {
      exceptions++;
      if (exceptions <= 5) console.error('fuzz-osmand: exception', error, JSON.stringify(req));
    }
  }
  parseMs += performance.now() - t;
  t = performance.now();
  for (const req of inputs) structuredClone(req);
  copyMs += performance.now() - t;
}

const rate = total / (parseMs / 1000);
const rawLimit = total / (copyMs / 1000);
const top = [...outcomes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`);
console.log(`fuzz-osmand: ${total} inputs, ${exceptions} exceptions; outcomes: ${top.join(', ')}`);
console.log(
  `fuzz-osmand: ${Math.round(rate)} inputs/s; raw limit ${Math.round(rawLimit)} inputs/s; ratio ${(rate / rawLimit).toFixed(3)}`,
);
process.exitCode = exceptions === 0 ? 0 : 1;
