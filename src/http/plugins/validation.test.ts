import assert from 'node:assert/strict';
import { it } from 'node:test';
import { bounded } from './validation.ts';

it('marks every number finite and bounds integers that declare no bounds of their own', () => {
  const schema = {
    type: 'object',
    properties: {
      limit: { type: 'integer', minimum: 1, maximum: 500 },
      version: { type: 'integer', minimum: 1 },
      amount: { anyOf: [{ type: 'number', exclusiveMinimum: 0 }, { type: 'null' }] },
      kind: { type: 'string', enum: ['integer'] },
    },
  };
  assert.deepEqual(bounded(schema), {
    type: 'object',
    properties: {
      limit: { type: 'integer', minimum: 1, maximum: 500, finite: true },
      version: { type: 'integer', minimum: 1, maximum: 2 ** 31 - 1, finite: true },
      amount: { anyOf: [{ type: 'number', exclusiveMinimum: 0, finite: true }, { type: 'null' }] },
      kind: { type: 'string', enum: ['integer'] },
    },
  });
  // The schema the routes declared (and the OpenAPI document shows) is left as it was.
  assert.equal('finite' in schema.properties.limit, false);
});
