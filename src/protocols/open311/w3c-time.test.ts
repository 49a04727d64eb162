import assert from 'node:assert/strict';
import { it } from 'node:test';
import { formatW3c, parseW3c } from './w3c-time.ts';

it('formats instants in Beijing time with the +08:00 offset, whole seconds', () => {
  assert.equal(formatW3c(Date.parse('2026-03-02T01:00:00Z')), '2026-03-02T09:00:00+08:00');
  assert.equal(formatW3c(Date.parse('2026-03-01T20:30:15.999Z')), '2026-03-02T04:30:15+08:00');
  assert.equal(formatW3c(Date.parse('2026-03-02T01:00:00Z'), 0), '2026-03-02T01:00:00Z');
  assert.equal(formatW3c(Date.parse('2026-03-02T01:00:00Z'), -330), '2026-03-01T19:30:00-05:30');
});

it('parses W3C datetimes with a zone, and a bare date as Beijing midnight', () => {
  const cases: [string, number | undefined][] = [
    ['2026-03-02T09:00:00+08:00', Date.parse('2026-03-02T01:00:00Z')],
    ['2026-03-02T01:00:00Z', Date.parse('2026-03-02T01:00:00Z')],
    ['2026-03-02T09:00+08:00', Date.parse('2026-03-02T01:00:00Z')],
    ['2026-03-02T09:00:00.250+08:00', Date.parse('2026-03-02T01:00:00.250Z')],
    ['2026-03-01T20:00:00-05:00', Date.parse('2026-03-02T01:00:00Z')],
    ['2026-03-02T09:00:00 08:00', Date.parse('2026-03-02T01:00:00Z')],
    ['2026-03-02', Date.parse('2026-03-01T16:00:00Z')],
    ['2024-02-29T00:00:00Z', Date.parse('2024-02-29T00:00:00Z')],
    ['2026-02-29T00:00:00Z', undefined],
    ['2026-13-01T00:00:00Z', undefined],
    ['2026-03-02T24:00:00Z', undefined],
    ['2026-03-02T09:00:00', undefined],
    ['2026-03-02T09:00:00+15:00', undefined],
    ['0026-03-02T09:00:00Z', undefined],
    ['20260302T090000Z', undefined],
    ['yesterday', undefined],
    ['', undefined],
  ];
  for (const [text, expected] of cases) assert.equal(parseW3c(text), expected, text);
});

it('reads back what it writes', () => {
  for (const t of [0, Date.parse('2026-10-01T00:00:00Z'), Date.parse('2026-12-31T23:59:59Z')]) {
    assert.equal(parseW3c(formatW3c(t)), t);
  }
});
