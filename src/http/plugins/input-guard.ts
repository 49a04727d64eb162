import type { FastifyInstance } from 'fastify';
import { fail } from '../../errors/catalogue.ts';

/** Deeper than any body the API accepts (GeoJSON polygons are five levels); deeper is refused, not skipped. */
const MAX_DEPTH = 32;

const NUL_PROBLEM = 'must not contain the NUL character (U+0000)';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  // Parsed JSON has Object.prototype; Fastify's query object a prototype-less `Empty` prototype.
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

function refuse(field: string, problem: string): never {
  fail('VALIDATION_FAILED', `${field} ${problem}`, [{ field, problem }]);
}

/** Throws VALIDATION_FAILED naming the first field whose string (or key) holds a U+0000. */
function walk(value: unknown, field: string, depth: number): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) refuse(field, NUL_PROBLEM);
    return;
  }
  const isArray = Array.isArray(value);
  if (!isArray && !isPlainObject(value)) return; // Numbers, booleans, null, streams, buffers.
  if (depth >= MAX_DEPTH) refuse(field, `is nested more than ${MAX_DEPTH} levels deep`);
  if (isArray) {
    for (const [i, item] of value.entries()) walk(item, `${field}.${i}`, depth + 1);
    return;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (key.includes('\u0000')) refuse(field, `has a property name that ${NUL_PROBLEM}`);
    walk(item, `${field}.${key}`, depth + 1);
  }
}

/**
 * Refuses U+0000 anywhere in path parameters, the query string or a parsed body, for every
 * route at once. PostgreSQL text cannot hold it (the driver throws, answering 500), and no
 * field of this API has a use for it, so it is refused on both databases alike with 400.
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    walk(request.params, 'params', 0);
    walk(request.query, 'querystring', 0);
    walk(request.body, 'body', 0);
  });
}
