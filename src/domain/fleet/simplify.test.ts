import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { simplifyIndexes, simplifyTrack } from './simplify.ts';
import { at, beijing, TrackBuilder } from './test-tracks.ts';

describe('simplifyTrack (Douglas–Peucker on a local plane)', () => {
  it('keeps both ends of a straight run and nothing between', () => {
    const line = Array.from({ length: 101 }, (_, i) => at(i * 10, 0));
    assert.deepEqual(simplifyIndexes(line, 1), [0, 100]);
  });

  it('keeps a corner that lies farther than the tolerance, drops one that does not', () => {
    // East 500 m, then north 500 m: the corner is ~354 m off the chord.
    const corner = [
      ...Array.from({ length: 51 }, (_, i) => at(i * 10, 0)),
      ...[1, 2, 3, 4, 5].map((k) => at(500, k * 100)),
    ];
    assert.deepEqual(simplifyIndexes(corner, 10), [0, 50, 55]);
    // A 3 m bump is noise at a 5 m tolerance and a feature at 2 m.
    const bump = [at(0, 0), at(50, 3), at(100, 0)];
    assert.deepEqual(simplifyIndexes(bump, 5), [0, 2]);
    assert.deepEqual(simplifyIndexes(bump, 2), [0, 1, 2]);
  });

  it('keeps one or two points as they are', () => {
    assert.deepEqual(simplifyIndexes([], 5), []);
    assert.deepEqual(simplifyIndexes([at(0, 0)], 5), [0]);
    assert.deepEqual(simplifyIndexes([at(0, 0), at(0, 0)], 5), [0, 1]);
  });

  it('thins a moored day of jitter to a handful of points and keeps the fixes’ own fields', () => {
    const fixes = new TrackBuilder(beijing('2026-03-10', '00:00:00'), 5)
      .moor(3 * 3600, 20)
      .moveTo(2000, 0, 8)
      .moor(3600, 20, 2).fixes;
    const kept = simplifyTrack(fixes, 50);
    assert.ok(kept.length < 20, `${kept.length} points kept`);
    assert.equal(kept[0], fixes[0]);
    assert.equal(kept.at(-1), fixes.at(-1));
    for (let i = 1; i < kept.length; i++) assert.ok((kept[i]?.time ?? 0) > (kept[i - 1]?.time ?? 0));
  });
});
