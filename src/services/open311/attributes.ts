import type { JsonObject, JsonValue } from '../../domain/workorder/model.ts';
import { fail } from '../../errors/catalogue.ts';
import { parseW3c } from '../../protocols/open311/index.ts';
import type { Category, CategoryField } from '../../store/categories.repository.ts';
import { hasControlChars } from './params.ts';
import { orderedFields } from './services.ts';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const MAX_STRING = 500;
const MAX_TEXT = 4000;

function bad(code: string, problem: string): never {
  fail('VALIDATION_FAILED', `attribute[${code}] ${problem}`, { field: `attribute[${code}]` });
}

function single(f: CategoryField, values: string[]): string {
  if (values.length > 1) bad(f.code, `takes one value, not ${values.length} (its datatype is ${f.datatype})`);
  const value = values[0] ?? '';
  if (hasControlChars(value, true)) bad(f.code, 'contains control characters');
  return value;
}

function keysOf(f: CategoryField): string[] {
  return (f.values ?? []).map((v) => v.key);
}

/** One attribute's value in its datatype (GET Service Definition, "datatype"), or a 400 naming it. */
function typedValue(f: CategoryField, values: string[]): JsonValue {
  switch (f.datatype) {
    case 'string': {
      const v = single(f, values);
      if (/[\r\n]/.test(v)) bad(f.code, 'is a string without line breaks (use a text attribute for those)');
      if (v.length > MAX_STRING) bad(f.code, `is at most ${MAX_STRING} characters`);
      return v;
    }
    case 'text': {
      const v = single(f, values);
      if (v.length > MAX_TEXT) bad(f.code, `is at most ${MAX_TEXT} characters`);
      return v;
    }
    case 'number': {
      const v = single(f, values).trim();
      const n = Number(v);
      if (!DECIMAL.test(v) || !Number.isFinite(n)) bad(f.code, `must be a number, not "${v.slice(0, 50)}"`);
      return n;
    }
    case 'datetime': {
      const t = parseW3c(single(f, values));
      if (t === undefined)
        bad(f.code, 'must be a W3C datetime with a time zone, e.g. 2026-03-02T09:00:00+08:00');
      return new Date(t).toISOString();
    }
    case 'singlevaluelist': {
      const v = single(f, values);
      if (!keysOf(f).includes(v)) bad(f.code, `must be one of the keys ${keysOf(f).join(', ')}`);
      return v;
    }
    case 'multivaluelist': {
      const unknown = values.filter((v) => !keysOf(f).includes(v));
      if (unknown.length > 0)
        bad(f.code, `must be keys among ${keysOf(f).join(', ')}, not ${unknown.join(', ')}`);
      return [...new Set(values)];
    }
  }
}

/**
 * The `attribute[code]` values of a POST Service Request checked against the service definition:
 * required ones present, each of its datatype, list values among the keys, no unknown codes.
 * Empty values count as absent ("Optional Arguments").
 */
export function checkAttributes(category: Category, given: ReadonlyMap<string, string[]>): JsonObject {
  const fields = orderedFields(category);
  const unknown = [...given.keys()].filter((code) => !fields.some((f) => f.code === code));
  if (unknown.length > 0) {
    const known = fields.map((f) => f.code).join(', ') || 'none';
    fail(
      'VALIDATION_FAILED',
      `${unknown.map((c) => `attribute[${c.slice(0, 64)}]`).join(', ')} is not defined for service ${category.minorName}: its attributes are ${known}`,
    );
  }
  const result: JsonObject = {};
  for (const f of fields) {
    const values = (given.get(f.code) ?? []).filter((v) => v.trim() !== '');
    if (values.length === 0) {
      if (f.required) bad(f.code, `is required for ${category.minorName}: ${f.description}`);
      continue;
    }
    result[f.code] = typedValue(f, values);
  }
  return result;
}
