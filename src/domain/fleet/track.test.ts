import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '../../seeded-random.ts';
import { beijing, TrackBuilder } from './test-tracks.ts';
import { cleanTrack, type TrackFix } from './track.ts';

const t0 = beijing('2026-03-10', '08:00:00');
/** Fix `i` of a made-up track: 10 s apart, its index in `lon` so the kept one can be told apart. */
const fix = (i: number, over: Partial<TrackFix> = {}): TrackFix => ({
  time: t0 + i * 10_000,
  lat: 31.3,
  lon: 120.6 + i / 1e5,
  valid: true,
  ...over,
});

/** A seeded shuffle (Fisher–Yates), so a failure reproduces. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

describe('cleanTrack', () => {
  const CASES: [why: string, input: TrackFix[], kept: number[]][] = [
    ['in time order (as the store reads them): all kept, in order', [fix(0), fix(1), fix(2)], [0, 1, 2]],
    ['out of order (a blind-spot re-upload): put in time order', [fix(2), fix(0), fix(1)], [0, 1, 2]],
    [
      'in order with an invalid fix and a 0,0 fix among them: those dropped, no sort needed',
      [fix(0), fix(1, { valid: false }), fix(2, { lat: 0, lon: 0 }), fix(3)],
      [0, 3],
    ],
    [
      'a second fix with the same time (a re-upload): the first one kept',
      [fix(0), fix(1), fix(1, { lon: 120.7 }), fix(2)],
      [0, 1, 2],
    ],
    [
      'a same-time fix arriving out of order: sorted, the first of the two kept',
      [fix(2), fix(1), fix(0), fix(1, { lon: 120.7 })],
      [0, 1, 2],
    ],
    ['one fix', [fix(5)], [5]],
    ['none', [], []],
  ];
  for (const [why, input, kept] of CASES) {
    it(why, () => {
      const out = cleanTrack(input);
      assert.deepEqual(
        out.map((f) => Math.round((f.lon - 120.6) * 1e5)),
        kept,
      );
      // The first of same-time fixes is the one that stays (its lon says which).
      assert.ok(out.every((f) => f.lon < 120.7));
    });
  }

  it('gives the same track for a day in order and the same day shuffled', () => {
    const day = new TrackBuilder(t0, 5)
      .moor(1800, 4)
      .moveTo(1500, 0, 8)
      .moor(3600, 4, 2)
      .moveTo(0, 0, 8).fixes;
    const ordered = cleanTrack(day);
    assert.equal(ordered.length, day.length);
    for (const seed of [1, 2, 3]) assert.deepEqual(cleanTrack(shuffled(day, seed)), ordered);
  });
});
