/**
 * Walking the API as its OpenAPI document describes it: every operation, its parameters and body
 * fields, a valid value for each and the malformed ones to put in their place.
 */

/** A JSON Schema node as @fastify/swagger writes it. */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  additionalProperties?: Schema | boolean;
  anyOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  minProperties?: number;
}

export interface Operation {
  method: string;
  /** OpenAPI form: `/api/units/{id}`. */
  path: string;
  pathParams: { name: string; schema: Schema }[];
  queryParams: { name: string; schema: Schema; required: boolean }[];
  body?: Schema;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      {
        parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      }
    >
  >;
}

/** Every operation of the document, in its order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map((p) => ({ name: p.name, schema: p.schema })),
        queryParams: params
          .filter((p) => p.in === 'query')
          .map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: op.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return ops;
}

/** A value sent as raw JSON text: what JSON.stringify cannot write (1e999 parses to Infinity). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON text of a body that may hold RawJson values. */
export function jsonText(body: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(body, (_key, value) => {
    if (!(value instanceof RawJson)) return value;
    raws.push(value.text);
    return `\u0001raw${raws.length - 1}\u0001`;
  });
  return text.replace(/"\\u0001raw(\d+)\\u0001"/g, (_m, i: string) => raws[Number(i)] ?? 'null');
}

/** A value nested `depth` objects deep. */
export function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Malformed values for one body field: wrong types, edges of strings and numbers, NUL, surrogates. */
export const BAD_BODY_VALUES: [string, unknown][] = [
  ['null', null],
  ['empty string', ''],
  ['blank', '   '],
  ['long string', 'x'.repeat(5000)],
  ['1e999', new RawJson('1e999')],
  ['-1e999', new RawJson('-1e999')],
  ['1e-400', new RawJson('1e-400')],
  ['"NaN"', 'NaN'],
  ['2**31', 2 ** 31],
  ['2**53', 2 ** 53],
  ['-2**53', -(2 ** 53)],
  ['-1', -1],
  ['0', 0],
  ['1.5', 1.5],
  ['true', true],
  ['[]', []],
  ['{}', {}],
  ['[null]', [null]],
  ['NUL', 'a\u0000b'],
  ['lone surrogate', 'x\ud800y'],
  ['unknown id', 'no-such-id'],
  ['path traversal', '../../etc/passwd'],
  ['deep nesting', nested(40)],
];

/** Malformed values for one path or query parameter, already URL-encoded. */
export const BAD_URL_VALUES: [string, string][] = [
  ['empty', ''],
  ['blank', '%20%20'],
  ['long', 'x'.repeat(5000)],
  ['1e999', '1e999'],
  ['-1e999', '-1e999'],
  ['Infinity', 'Infinity'],
  ['NaN', 'NaN'],
  ['2**31', String(2 ** 31)],
  ['2**53', String(2 ** 53)],
  ['-1', '-1'],
  ['0', '0'],
  ['1.5', '1.5'],
  ['0x10', '0x10'],
  ['true', 'true'],
  ['null', 'null'],
  ['NUL', 'a%00b'],
  ['lone surrogate as UTF-8', 'x%ED%A0%80y'],
  ['invalid UTF-8', '%FF%FE'],
  ['unknown id', 'no-such-id'],
  ['path traversal', '..%2F..%2Fetc%2Fpasswd'],
  ['quote', "'%3B%20drop%20table%20units%3B--"],
  ['[]', '%5B%5D'],
];

/** Bodies that are malformed as a whole. */
export const BAD_WHOLE_BODIES: [string, string][] = [
  ['array', '[]'],
  ['string', '"text"'],
  ['number', '42'],
  ['null', 'null'],
  ['empty object', '{}'],
  ['truncated', '{"a": '],
  ['10,000 levels deep', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
  ['__proto__', '{"__proto__": {"polluted": true}}'],
  ['constructor.prototype', '{"constructor": {"prototype": {"polluted": true}}}'],
  ['duplicate keys', '{"name": "a", "name": "b"}'],
  ['NUL key', '{"a\\u0000b": 1}'],
  ['lone surrogate key', '{"\\ud800": 1}'],
];

/** Body fields to vary, as paths from the root, nested objects and array items included. */
export function fieldsOf(schema: Schema | undefined, depth = 3, prefix: (string | number)[] = []) {
  const fields: { path: (string | number)[]; schema: Schema }[] = [];
  if (!schema || depth === 0) return fields;
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    const path = [...prefix, name];
    fields.push({ path, schema: child });
    fields.push(...fieldsOf(child, depth - 1, path));
    if (child.items?.properties) fields.push(...fieldsOf(child.items, depth - 1, [...path, 0]));
  }
  if (typeof schema.additionalProperties === 'object') {
    fields.push({ path: [...prefix, 'extra'], schema: schema.additionalProperties });
  }
  return fields;
}

/** A copy of `body` with the value at `path` replaced, the objects and arrays on the way made. */
export function withValue(body: unknown, path: (string | number)[], value: unknown): unknown {
  const root = structuredClone(body ?? {}) as Record<string | number, unknown>;
  let node = root;
  for (const [i, key] of path.entries()) {
    if (i === path.length - 1) {
      node[key] = value;
      break;
    }
    const next = node[key];
    if (next === null || typeof next !== 'object') node[key] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  return root;
}

/** The non-null branches of a schema: itself, or the members of its anyOf. */
function branches(schema: Schema): Schema[] {
  return schema.anyOf ? schema.anyOf.filter((b) => b.type !== 'null') : [schema];
}

/**
 * A valid value for a schema, so that varying one field at a time reaches the code behind the
 * validation. `hint` answers first by field name (ids of real records, places inside a grid,
 * strings a pattern accepts); `unique` makes codes and names that must not repeat.
 */
export function sampleValid(
  schema: Schema,
  name: string,
  hint: (name: string, schema: Schema) => unknown,
  unique: () => number,
): unknown {
  const hinted = hint(name, schema);
  if (hinted !== undefined) return hinted;
  const s = branches(schema)[0] ?? schema;
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  const type = [s.type].flat()[0];
  switch (type) {
    case 'string': {
      if (s.format === 'date-time') return '2026-03-02T02:00:00.000Z';
      if (s.pattern === '^[0-9]{2}$') return String(unique() % 90).padStart(2, '0');
      const text = `v${unique()}`;
      return text.padEnd(s.minLength ?? 1, 'x');
    }
    case 'integer':
      return s.minimum ?? 1;
    case 'number':
      return s.minimum !== undefined && s.maximum !== undefined ? (s.minimum + s.maximum) / 2 : 1;
    case 'boolean':
      return true;
    case 'array':
      return s.minItems && s.items ? [sampleValid(s.items, name, hint, unique)] : [];
    case 'object': {
      const value: Record<string, unknown> = {};
      const props = Object.entries(s.properties ?? {});
      for (const [key, child] of props) {
        if (s.required?.includes(key)) value[key] = sampleValid(child, key, hint, unique);
        // A create's optional references too (a grid's parent, a device's unit): more of it is then valid.
        else if (!s.minProperties && hint(key, child) !== undefined) value[key] = hint(key, child);
      }
      const first = props[0];
      if (s.minProperties && Object.keys(value).length === 0 && first) {
        value[first[0]] = sampleValid(first[1], first[0], hint, unique);
      }
      return value;
    }
    default:
      return null;
  }
}
