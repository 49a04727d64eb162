import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { haversineMeters } from '../positions/filters.ts';
import { at, beijing, TrackBuilder } from './test-tracks.ts';
import type { TrackFix } from './track.ts';
import { analyseTrack } from './trips.ts';

const D = '2026-03-10';
const t = (hhmmss: string) => beijing(D, hhmmss);
const iso = (ms: number) => new Date(ms).toISOString();
/** Beijing wall-clock time of an instant, for readable assertions. */
const clock = (ms: number) => iso(ms + 8 * 3_600_000).slice(11, 19);
const metres = (x0: number, x1: number) => {
  const a = at(x0, 0);
  const b = at(x1, 0);
  return haversineMeters(a.lat, a.lon, b.lat, b.lon);
};

/** Moored 10 min at x=0, 600 m east in 5 min (30-s fixes, 60 m apart: 7.2 km/h), moored 10 min. */
const simple = () => new TrackBuilder(t('08:00:00'), 30).moor(600).moveTo(600, 0, 60).moor(600).fixes;

function summary(fixes: readonly TrackFix[]) {
  const { trips, stops } = analyseTrack(fixes);
  return {
    stops: stops.map((s) => `${clock(s.start)}–${clock(s.end)}`),
    trips: trips.map((s) => `${clock(s.start)}–${clock(s.end)} ${s.distanceM.toFixed(0)} m`),
  };
}

describe('analyseTrack: stops and trips', () => {
  const CASES: [why: string, fixes: () => TrackFix[], stops: string[], trips: string[]][] = [
    [
      'moored, a trip, moored',
      simple,
      ['08:00:00–08:10:00', '08:15:00–08:25:00'],
      ['08:10:00–08:15:00 600 m'],
    ],
    [
      'a 15-min gap mid-trip ends the trip: two trips, nothing counted across the gap',
      () =>
        new TrackBuilder(t('08:00:00'), 30)
          .moor(600)
          .moveTo(1200, 0, 60)
          .silence(900, 2400, 0)
          .moveTo(3600, 0, 60)
          .moor(600).fixes,
      ['08:00:00–08:10:00', '08:45:00–08:55:00'],
      ['08:10:00–08:20:00 1200 m', '08:35:00–08:45:00 1200 m'],
    ],
    [
      'a 30-min gap inside a stop: still there afterwards, so the stop continues',
      () =>
        new TrackBuilder(t('08:00:00'), 30).moor(600).silence(1800).moor(600).moveTo(600, 0, 60).moor(600)
          .fixes,
      ['08:00:00–08:50:00', '08:55:00–09:05:00'],
      ['08:50:00–08:55:00 600 m'],
    ],
    [
      'a gap after which the boat is elsewhere ends the stop at the last fix before it',
      () =>
        new TrackBuilder(t('08:00:00'), 30).moor(600).silence(1200, 900, 0).moveTo(2100, 0, 60).moor(600)
          .fixes,
      ['08:00:00–08:10:00', '08:40:00–08:50:00'],
      ['08:30:00–08:40:00 1200 m'],
    ],
    [
      'an 80 m shift between two moorings is no trip: one stop',
      () => new TrackBuilder(t('08:00:00'), 30).moor(600).moveTo(80, 0, 40).moor(600).fixes,
      ['08:00:00–08:21:00'],
      [],
    ],
    [
      'a 2-min pause is shorter than stopMinS: no stop, one trip',
      () =>
        new TrackBuilder(t('08:00:00'), 30)
          .moor(600)
          .moveTo(600, 0, 60)
          .moor(120)
          .moveTo(1200, 0, 60)
          .moor(600).fixes,
      ['08:00:00–08:10:00', '08:22:00–08:32:00'],
      ['08:10:00–08:22:00 1200 m'],
    ],
    [
      'moving from the first fix to the last: one trip, no stop',
      () => new TrackBuilder(t('08:00:00'), 30).moveTo(1200, 0, 60).fixes,
      [],
      ['08:00:00–08:10:00 1200 m'],
    ],
    ['no fixes', () => [], [], []],
    ['one fix', () => new TrackBuilder(t('08:00:00'), 30).fixes, [], []],
  ];
  for (const [why, fixes, stops, trips] of CASES) {
    it(why, () => assert.deepEqual(summary(fixes()), { stops, trips }));
  }

  it('measures a trip as the haversine sum of its legs, with its ends, duration and speeds', () => {
    const [trip] = analyseTrack(simple()).trips;
    assert.ok(trip);
    assert.ok(Math.abs(trip.distanceM - metres(0, 600)) < 0.01, `${trip.distanceM} m`);
    assert.ok(Math.abs(trip.distanceM - 600) < 0.5, `${trip.distanceM} m`);
    assert.equal(trip.durationS, 300);
    assert.ok(Math.abs(trip.avgSpeedKmh - 7.2) < 0.01);
    assert.ok(Math.abs(trip.maxSpeedKmh - 7.2) < 0.01, 'no reported speed: the fastest leg');
    assert.deepEqual(trip.from, at(0, 0));
    assert.deepEqual(trip.to, at(600, 0));
  });

  it("takes the device's reported speed for the maximum when there is one", () => {
    const fixes = simple().map((f, i) => ({ ...f, speedKmh: i === 25 ? 9.5 : 7 }));
    assert.equal(analyseTrack(fixes).trips[0]?.maxSpeedKmh, 9.5);
  });

  it('places a stop at the mean of its fixes and gives its duration', () => {
    const { stops } = analyseTrack(
      new TrackBuilder(t('08:00:00'), 30).moor(600).moveTo(80, 0, 40).moor(600).fixes,
    );
    const [stop] = stops;
    assert.ok(stop);
    assert.equal(stop.durationS, 1260);
    const centre = at(40, 0); // 21 fixes at 0 m, one at 40 m, 21 at 80 m
    assert.ok(haversineMeters(stop.lat, stop.lon, centre.lat, centre.lon) < 0.5);
  });

  it('at 5-s fixes a stop runs while the boat is within 50 m of where it stays', () => {
    // 600 m in 43 steps of 13.95 m (10 km/h). The fix at 41.9 m (08:10:15) is the last inside the
    // first stop's radius; the one at 558.1 m (08:13:20) is the first within 50 m of the mooring.
    const fixes = new TrackBuilder(t('08:00:00'), 5).moor(600).moveTo(600, 0, 14).moor(600).fixes;
    const { stops, trips } = analyseTrack(fixes);
    assert.deepEqual(
      stops.map((s) => [clock(s.start), clock(s.end)]),
      [
        ['08:00:00', '08:10:15'],
        ['08:13:20', '08:23:35'],
      ],
    );
    assert.equal(trips.length, 1);
    assert.ok(Math.abs((trips[0]?.distanceM ?? 0) - metres((600 / 43) * 3, (600 / 43) * 40)) < 0.01);
  });
});

describe('analyseTrack: noise and order', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    it(`moored an hour with ±30 m jitter (seed ${seed}): no trip, one stop from first to last fix`, () => {
      // Every fix jittered, the first too: it lies up to 42 m off, so later fixes stray beyond 50 m of it.
      const fixes = new TrackBuilder(t('07:59:55'), 5).moor(3605, 30, seed).fixes.slice(1);
      const first = fixes[0] as TrackFix;
      const farthest = Math.max(...fixes.map((f) => haversineMeters(first.lat, first.lon, f.lat, f.lon)));
      assert.ok(farthest > 50, `the jitter strays ${farthest.toFixed(0)} m from the first fix`);
      const { trips, stops } = analyseTrack(fixes);
      assert.equal(trips.length, 0);
      assert.deepEqual(
        stops.map((s) => [clock(s.start), clock(s.end)]),
        [['08:00:00', '09:00:00']],
      );
      const stop = stops[0] as { lat: number; lon: number };
      assert.ok(haversineMeters(stop.lat, stop.lon, at(0, 0).lat, at(0, 0).lon) < 5, 'mean near the mooring');
    });
  }

  it('places backfilled, out-of-order and repeated blind-spot fixes in time order', () => {
    const fixes = simple();
    // The terminal lost its link from 08:08 to 08:13 and re-uploaded that stretch later, twice.
    const live = fixes.filter((f) => f.time < t('08:08:00') || f.time > t('08:13:00'));
    const blind = fixes.filter((f) => f.time >= t('08:08:00') && f.time <= t('08:13:00')).reverse();
    assert.deepEqual(analyseTrack([...live, ...blind, ...blind.slice(0, 4)]), analyseTrack(fixes));
  });

  it('ignores invalid fixes: no satellite fix, 0,0, impossible coordinates', () => {
    const fixes = simple();
    const noise: TrackFix[] = [
      { time: t('08:05:10'), ...at(5000, 5000), valid: false },
      { time: t('08:12:10'), lat: 0, lon: 0, valid: true },
      { time: t('08:20:10'), lat: Number.NaN, lon: 120.6, valid: true },
      { time: t('08:21:10'), lat: 95, lon: 120.6, valid: true },
    ];
    assert.deepEqual(analyseTrack([...fixes, ...noise]), analyseTrack(fixes));
  });
});
