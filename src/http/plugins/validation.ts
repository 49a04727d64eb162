import { _, Ajv, type KeywordCxt, type Options, str } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance, FastifySchema } from 'fastify';

/** The range of PostgreSQL's `integer`, the columns counts, versions and years land in. */
const INT32_MAX = 2 ** 31 - 1;
const INT32_MIN = -(2 ** 31);

/** What the `finite` keyword says of a number it refuses, with the bounds the schema declares. */
function notFinite({ parentSchema }: { parentSchema?: object }) {
  const bounds = parentSchema as Record<string, number | undefined>;
  const low = bounds.minimum ?? bounds.exclusiveMinimum ?? -Number.MAX_SAFE_INTEGER;
  const high = bounds.maximum ?? bounds.exclusiveMaximum ?? Number.MAX_SAFE_INTEGER;
  return str`${`must be a finite number between ${low} and ${high}`}`;
}

// Fastify's own defaults (@fastify/ajv-compiler), less the coercion.
const COMMON: Options = { useDefaults: true, removeAdditional: true, addUsedSchema: false, allErrors: false };

/**
 * Every number accepted is finite and a safe integer in magnitude. Ajv coerces "1e999" or
 * "Infinity" to ±Infinity (`x == +x` holds) and then skips minimum and maximum, which it only
 * applies to finite numbers: the value reached SQL as "Infinity" (500 on both databases).
 */
function finiteKeyword(ajv: Ajv): Ajv {
  ajv.addKeyword({
    keyword: 'finite',
    schemaType: 'boolean',
    code(cxt: KeywordCxt) {
      const { data } = cxt;
      cxt.fail(
        _`typeof ${data} == "number" && !(isFinite(${data}) && Math.abs(${data}) <= ${Number.MAX_SAFE_INTEGER})`,
      );
    },
    error: { message: notFinite },
  });
  return ajv;
}

function newAjv(options: Options): Ajv {
  const ajv = finiteKeyword(new Ajv({ ...COMMON, ...options }));
  addFormats(ajv);
  return ajv;
}

function isNumeric(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.includes('number') || types.includes('integer');
}

/**
 * A copy of a schema where every number carries `finite` and every integer without bounds of
 * its own is held to ±(2^31 − 1). Only what is validated changes; the OpenAPI document keeps
 * the schemas as declared.
 */
export function bounded(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(bounded);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    // `const`, `enum`, `default` and `examples` hold data, not schemas.
    copy[key] = ['const', 'enum', 'default', 'examples'].includes(key) ? value : bounded(value);
  }
  if (isNumeric(copy.type)) {
    copy.finite = true;
    const types = [copy.type].flat();
    if (types.includes('integer') && !types.includes('number')) {
      if (copy.maximum === undefined && copy.exclusiveMaximum === undefined) copy.maximum = INT32_MAX;
      if (copy.minimum === undefined && copy.exclusiveMinimum === undefined) copy.minimum = INT32_MIN;
    }
  }
  return copy;
}

/**
 * Request validation for every route, in two Ajv instances as Fastify's documentation shows.
 * Path, query string and headers arrive as text: their values are coerced to the schema's types.
 * A JSON body already carries its types and is not coerced: coercion turned `null` into "" for a
 * string (then a foreign-key failure: 500), into false for a boolean or 0 for a number, where
 * the caller must be told that null is not accepted there.
 */
export function registerValidation(app: FastifyInstance): void {
  const text = newAjv({ coerceTypes: 'array' });
  const json = newAjv({ coerceTypes: false });
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? json : text).compile(bounded(schema) as FastifySchema),
  );
}
