import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LivePosition } from '../api/types.ts';
import { mergeLatest, PositionBurst } from './merge.ts';

function fix(deviceId: string, time: string, lat = 31.3, deviceName?: string): LivePosition {
  return {
    deviceId,
    time,
    serverTime: time,
    lat,
    lon: 120.8,
    speed: 5,
    course: 0,
    altitude: 0,
    valid: true,
    blind: false,
    flags: 0,
    attributes: {},
    ...(deviceName && { deviceName }),
  };
}

describe('live position merging', () => {
  it('keeps the newest fix per device within a burst', () => {
    const burst = new PositionBurst();
    burst.add(fix('a', '2026-03-02T01:00:02Z', 31.32));
    burst.add(fix('a', '2026-03-02T01:00:01Z', 31.31));
    burst.add(fix('b', '2026-03-02T01:00:00Z', 31.4));
    burst.add(fix('a', '2026-03-02T01:00:03Z', 31.33));
    const drained = burst.drain();
    assert.deepEqual(
      drained.map((p) => [p.deviceId, p.lat]),
      [
        ['a', 31.33],
        ['b', 31.4],
      ],
    );
    assert.equal(burst.size, 0);
  });

  it('never lets an older fix replace a newer one, and keeps the device name', () => {
    const start = mergeLatest(new Map(), [fix('a', '2026-03-02T01:00:05Z', 31.35, '清波1号')]);
    const stale = mergeLatest(start, [fix('a', '2026-03-02T01:00:01Z', 31.31)]);
    assert.equal(stale, start, 'an older fix changes nothing, not even the map identity');
    const newer = mergeLatest(start, [fix('a', '2026-03-02T01:00:09Z', 31.39)]);
    assert.notEqual(newer, start);
    assert.equal(newer.get('a')?.lat, 31.39);
    assert.equal(newer.get('a')?.deviceName, '清波1号');
    assert.equal(start.get('a')?.lat, 31.35, 'the previous map is not mutated');
  });
});
