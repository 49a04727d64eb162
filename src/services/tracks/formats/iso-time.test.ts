import assert from 'node:assert/strict';
import { it } from 'node:test';
import { isoTimeFormatter } from './iso-time.ts';

it('formats epoch ms exactly as Date#toISOString does, across minutes, days and years', () => {
  const iso = isoTimeFormatter();
  const start = Date.parse('2026-12-31T23:58:00.000Z');
  for (let ms = start; ms < start + 5 * 60_000; ms += 997) assert.equal(iso(ms), new Date(ms).toISOString());
  for (const ms of [
    0,
    5,
    59_999,
    60_000,
    Date.parse('1969-12-31T23:59:59.123Z'),
    Date.parse('2026-03-10T07:00:00Z'),
  ])
    assert.equal(iso(ms), new Date(ms).toISOString());
});
