import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { positionAt, replayFixes, SPEED_BANDS, speedColor } from './replay.ts';

const point = (time: string, lat: number, lon: number, speedKmh = 5, valid = true) => ({
  time,
  lat,
  lon,
  speedKmh,
  course: 0,
  valid,
});

describe('replay', () => {
  it('keeps valid fixes off 0,0, oldest first', () => {
    const fixes = replayFixes([
      point('2026-03-02T01:10:00Z', 31.4, 120.9),
      point('2026-03-02T01:00:00Z', 31.3, 120.8),
      point('2026-03-02T01:05:00Z', 0, 0),
      point('2026-03-02T01:06:00Z', 31.35, 120.85, 5, false),
    ]);
    assert.deepEqual(
      fixes.map((f) => f.lat),
      [31.3, 31.4],
    );
  });

  it('places the boat between the fixes around a time', () => {
    const fixes = replayFixes([
      point('2026-03-02T01:00:00Z', 31.3, 120.8),
      point('2026-03-02T01:10:00Z', 31.4, 121),
    ]);
    const mid = positionAt(fixes, Date.parse('2026-03-02T01:05:00Z'));
    assert.ok(mid);
    assert.ok(Math.abs(mid.lat - 31.35) < 1e-9);
    assert.ok(Math.abs(mid.lon - 120.9) < 1e-9);
    assert.equal(positionAt(fixes, 0)?.lat, 31.3);
    assert.equal(positionAt(fixes, Date.parse('2026-03-03T00:00:00Z'))?.lat, 31.4);
    assert.equal(positionAt([], 0), null);
  });

  it('colours a speed by its band', () => {
    assert.equal(speedColor(0), SPEED_BANDS[0].color);
    assert.equal(speedColor(5), SPEED_BANDS[2].color);
    assert.equal(speedColor(40), SPEED_BANDS[4].color);
  });
});
