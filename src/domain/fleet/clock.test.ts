import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clockCheck, clockTimeProblem } from './clock.ts';

const NOW = Date.parse('2026-03-02T01:00:00Z');
const MINUTE = 60_000;

describe('a clock-in’s time', () => {
  const cases: [string, number, RegExp | undefined][] = [
    ['now', NOW, undefined],
    ['30 s ahead (phone clock drift)', NOW + 30_000, undefined],
    ['5 min ahead', NOW + 5 * MINUTE, /is in the future/],
    ['23 h 59 min ago (queued without signal)', NOW - (24 * 60 - 1) * MINUTE, undefined],
    ['24 h 1 min ago', NOW - (24 * 60 + 1) * MINUTE, /more than 24 hours ago/],
    ['not a time', Number.NaN, /not a time/],
  ];
  it('an unload a clerk writes up six days later, not eight', () => {
    assert.equal(clockTimeProblem(NOW - 6 * 1440 * MINUTE, NOW, 7 * 1440 * MINUTE), undefined);
    assert.match(
      clockTimeProblem(NOW - 8 * 1440 * MINUTE, NOW, 7 * 1440 * MINUTE) ?? '',
      /more than 7 days ago/,
    );
  });
  for (const [name, at, problem] of cases) {
    it(name, () => {
      const got = clockTimeProblem(at, NOW);
      if (problem) assert.match(got ?? '', problem);
      else assert.equal(got, undefined);
    });
  }
});

describe('where a clock-in was made', () => {
  const boat = { lat: 31.3, lon: 120.9 };
  const dock = { lat: 31.3, lon: 120.92 };
  const at = { at: NOW, recordedAt: NOW };
  it('on the boat: a few metres, no flag', () => {
    assert.deepEqual(clockCheck({ lat: 31.30005, lon: 120.9 }, { boat, docks: [dock] }, at), {
      distanceM: 6,
      flags: [],
    });
  });
  it('at the dock while the boat is away: the dock counts', () => {
    assert.deepEqual(clockCheck({ lat: 31.3, lon: 120.9201 }, { boat, docks: [dock] }, at), {
      distanceM: 10,
      flags: [],
    });
  });
  it('a kilometre from both: farFromBoat, with the distance to the nearer', () => {
    const got = clockCheck({ lat: 31.309, lon: 120.9 }, { boat, docks: [dock] }, at);
    assert.deepEqual(got, { distanceM: 1001, flags: ['farFromBoat'] });
  });
  it('nothing to compare with: positionUnknown', () => {
    assert.deepEqual(clockCheck(boat, { docks: [] }, at), { distanceM: null, flags: ['positionUnknown'] });
  });
  it('sent an hour after it was made: queued', () => {
    const got = clockCheck(boat, { boat, docks: [] }, { at: NOW - 60 * MINUTE, recordedAt: NOW });
    assert.deepEqual(got.flags, ['queued']);
  });
});
