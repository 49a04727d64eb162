import assert from 'node:assert/strict';
import { it } from 'node:test';
import { parseNumber, parseTimestamp } from './values.ts';

it('parses the three timestamp forms to UTC epoch ms', () => {
  const cases: [string, number | null][] = [
    ['1377177267', 1_377_177_267_000],
    ['1377177267.25', 1_377_177_267_250],
    ['1377177267000', 1_377_177_267_000],
    ['2025-06-15T13:45:12.862Z', Date.parse('2025-06-15T13:45:12.862Z')],
    ['2024-05-01T16:00:00+08:00', Date.parse('2024-05-01T08:00:00Z')],
    ['2024-05-01T16:00:00+0800', Date.parse('2024-05-01T08:00:00Z')],
    ['2024-05-01T03:00:00-05', Date.parse('2024-05-01T08:00:00Z')],
    ['2024-05-01T08:00', Date.parse('2024-05-01T08:00:00Z')],
    ['2024-05-01 08:00:00', Date.parse('2024-05-01T08:00:00Z')],
    ['2024-13-01T08:00:00Z', null],
    ['2024-05-01', null],
    ['', null],
    ['1.2.3', null],
  ];
  for (const [text, expected] of cases) assert.equal(parseTimestamp(text), expected, text);
});

it('parses only finite decimal numbers', () => {
  assert.equal(parseNumber(' -12.5 '), -12.5);
  assert.equal(parseNumber('1e3'), 1000);
  assert.equal(parseNumber('.5'), 0.5);
  for (const bad of ['', 'abc', '0x10', '1e999', 'Infinity', '1,5'])
    assert.equal(parseNumber(bad), null, bad);
});
