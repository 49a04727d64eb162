import type { FastifyInstance } from 'fastify';
import { fail } from '../../errors/catalogue.ts';

/** Deeper than any body the API accepts (GeoJSON polygons are five levels); deeper is refused, not skipped. */
const MAX_DEPTH = 32;

const NUL_PROBLEM = 'must not contain the NUL character (U+0000)';
const SURROGATE_PROBLEM = 'must be well-formed Unicode, without a lone UTF-16 surrogate (U+D800–U+DFFF)';

declare global {
  interface String {
    /** ES2024, in Node since 20: false when the string holds a lone surrogate. */
    isWellFormed(): boolean;
  }
}

/** The problem with a string a database would refuse or mangle, if any. */
function stringProblem(value: string): string | undefined {
  if (value.includes('\u0000')) return NUL_PROBLEM;
  if (!value.isWellFormed()) return SURROGATE_PROBLEM;
  return undefined;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  // Parsed JSON has Object.prototype; Fastify's query object a prototype-less `Empty` prototype.
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

function refuse(field: string, problem: string): never {
  fail('VALIDATION_FAILED', `${field} ${problem}`, [{ field, problem }]);
}

/** Throws VALIDATION_FAILED naming the first field whose string (or key) holds a U+0000 or a lone surrogate. */
function walk(value: unknown, field: string, depth: number): void {
  if (typeof value === 'string') {
    const problem = stringProblem(value);
    if (problem) refuse(field, problem);
    return;
  }
  // JSON.parse reads 1e999 as Infinity: refused here for fields the schemas leave open (GeoJSON coordinates).
  if (typeof value === 'number' && !Number.isFinite(value)) refuse(field, 'must be a finite number');
  const isArray = Array.isArray(value);
  // The Open311 form body is a Map of field name to values.
  const isMap = value instanceof Map;
  if (!isArray && !isMap && !isPlainObject(value)) return; // Numbers, booleans, null, streams, buffers.
  if (depth >= MAX_DEPTH) refuse(field, `is nested more than ${MAX_DEPTH} levels deep`);
  if (isArray) {
    for (const [i, item] of value.entries()) walk(item, `${field}.${i}`, depth + 1);
    return;
  }
  const entries = isMap ? [...value.entries()] : Object.entries(value as Record<string, unknown>);
  for (const [key, item] of entries) {
    if (typeof key !== 'string') continue;
    const problem = stringProblem(key);
    if (problem) refuse(field, `has a property name that ${problem}`);
    walk(item, `${field}.${key}`, depth + 1);
  }
}

/**
 * Refuses U+0000 and lone UTF-16 surrogates anywhere in path parameters, the query string or a
 * parsed body, and non-finite numbers in a body, for every route at once. PostgreSQL text cannot hold U+0000 and its JSON parser
 * refuses a lone surrogate's escape (the driver throws, answering 500); SQLite would store text
 * no UTF-8 reader can decode. No field of this API has a use for either, so both are refused on
 * both databases alike with 400.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    walk(request.params, 'params', 0);
    walk(request.query, 'querystring', 0);
    walk(request.body, 'body', 0);
  });
}
