import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Value } from 'typebox/value';
import { TrackSchema } from '../../../api/index.ts';
import type { AssetTrackTuple } from '../../../store/positions.repository.ts';
import { trackJsonOf } from './json.ts';

it('writes the bytes JSON.stringify writes for the track view, numbers and times alike', () => {
  const rows: AssetTrackTuple[] = [
    [Date.parse('2026-12-07T00:00:00.000Z'), 31.234567, 120.987654, 12.3, 90, 1, 0],
    [Date.parse('2026-12-07T00:00:05.120Z'), 31.2000089831528, -0.1, 0, 359.5, 0, 2],
    [Date.parse('2026-12-07T23:59:59.999Z'), -0, 1e-7, 1e21, 0, 1, 0],
  ];
  const view = {
    items: rows.map((r) => ({
      time: new Date(r[0]).toISOString(),
      lat: r[1],
      lon: r[2],
      speedKmh: r[3],
      course: r[4],
      valid: r[5] === 1,
    })),
  };
  const text = trackJsonOf(rows).toString('utf8');
  assert.equal(text, JSON.stringify(view));
  assert.ok(Value.Check(TrackSchema, JSON.parse(text)));
  assert.equal(trackJsonOf([]).toString('utf8'), '{"items":[]}');
});
