import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localProjection, unproject } from '../fleet/planar.ts';
import type { TrackFix } from '../fleet/track.ts';
import { approachOf } from './approach.ts';
import { trackReach } from './reach.ts';
import { fieldCheckWindow } from './window.ts';

const ORDER = { lat: 31.305, lon: 120.805 };
const plane = localProjection(ORDER.lat, ORDER.lon);
const T0 = Date.parse('2026-03-02T02:00:00Z');
const MIN = 60_000;

/** A fix x metres east and y metres north of the order's point, `min` minutes after T0. */
function fix(min: number, x: number, y: number, valid = true): TrackFix {
  return { time: T0 + min * MIN, ...unproject(plane, x, y), valid };
}

/** A boat passing west to east `y` metres north of the point, a fix every 30 s and 100 m apart (12 km/h). */
function pass(y: number, startMin = 0): TrackFix[] {
  return [-250, -150, -50, 50, 150, 250].map((x, i) => fix(startMin + i / 2, x, y));
}

describe('the field check (事后): did the track reach the order’s point', () => {
  const cases: {
    name: string;
    fixes: TrackFix[];
    from: number;
    to: number;
    reached: boolean;
    closestM: number | null;
    closestAt?: number | null;
    firstWithinAt?: number | null;
  }[] = [
    {
      // No fix is within 50 m: only the segment between the fixes at x=-50 and x=50 passes at 25 m.
      name: 'a pass at 25 m between two fixes 100 m apart is within a 30 m radius',
      fixes: pass(25),
      from: T0,
      to: T0 + 60 * MIN,
      reached: true,
      closestM: 25,
      closestAt: T0 + 1.25 * MIN,
      // Entering the circle: x = -sqrt(30² − 25²) ≈ −16.6 m, a third of the way from x=-50 to x=50.
      firstWithinAt: T0 + MIN + Math.round(((50 - Math.sqrt(30 ** 2 - 25 ** 2)) / 100) * 30_000),
    },
    {
      name: 'a pass at 40 m is not within 30 m',
      fixes: pass(40),
      from: T0,
      to: T0 + 60 * MIN,
      reached: false,
      closestM: 40,
      closestAt: T0 + 1.25 * MIN,
      firstWithinAt: null,
    },
    {
      name: 'a track only before the dispatch does not count',
      fixes: pass(5),
      from: T0 + 10 * MIN,
      to: T0 + 60 * MIN,
      reached: false,
      closestM: null,
      closestAt: null,
      firstWithinAt: null,
    },
    {
      name: 'the window ends at the first feedback: a pass after it does not count',
      fixes: [...pass(80), ...pass(5, 20)],
      from: T0,
      to: T0 + 10 * MIN,
      reached: false,
      closestM: 80,
    },
    {
      name: 'a fix exactly at the window’s start counts',
      fixes: [fix(-1, 0, 500), fix(0, 3, 4), fix(0.5, 100, 400)],
      from: T0,
      to: T0 + 60 * MIN,
      reached: true,
      closestM: 5,
      closestAt: T0,
      firstWithinAt: T0,
    },
    {
      name: 'fixes ten minutes apart or more are not joined across the gap',
      fixes: [fix(0, -500, 10), fix(11, 500, 10)],
      from: T0,
      to: T0 + 60 * MIN,
      reached: false,
      closestM: 500.1,
    },
    {
      name: 'fixes without a satellite fix are left out',
      fixes: [fix(0, 0, 0, false), fix(1, 0, 300)],
      from: T0,
      to: T0 + 60 * MIN,
      reached: false,
      closestM: 300,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = trackReach(ORDER, c.fixes, c.from, c.to, 30);
      assert.equal(r.reached, c.reached);
      if (c.closestM === null) assert.equal(r.closestM, null);
      else assert.ok(Math.abs((r.closestM ?? Number.NaN) - c.closestM) <= 0.2, `closest ${r.closestM}`);
      if (c.closestAt !== undefined) assert.equal(r.closestAt, c.closestAt);
      if (c.firstWithinAt !== undefined) assert.equal(r.firstWithinAt, c.firstWithinAt);
    });
  }

  it('names the first and last fix it read', () => {
    const r = trackReach(ORDER, pass(25), T0, T0 + 60 * MIN, 30);
    assert.deepEqual([r.trackFrom, r.trackTo], [T0, T0 + 2.5 * MIN]);
  });
});

describe('the field check’s window', () => {
  const ev = (seq: number, action: string, min: number) => ({ seq, action, at: T0 + min * MIN });
  const cases: { name: string; events: ReturnType<typeof ev>[]; window: [number, number | null] | null }[] = [
    { name: 'never dispatched: none', events: [ev(1, 'report', 0), ev(2, 'register', 1)], window: null },
    {
      name: 'from the dispatch to now while not fed back',
      events: [ev(1, 'report', 0), ev(2, 'dispatch', 5), ev(3, 'sign', 6)],
      window: [5, null],
    },
    {
      name: 'from the latest assignAssets to the first feedback after it',
      events: [
        ev(2, 'dispatch', 5),
        ev(3, 'assignAssets', 20),
        ev(4, 'feedback', 60),
        ev(5, 'verify', 70),
        ev(6, 'feedback', 90),
      ],
      window: [20, 60],
    },
    {
      name: 'a redispatch after a return starts a new window',
      events: [ev(2, 'dispatch', 5), ev(3, 'return', 8), ev(4, 'dispatch', 30), ev(5, 'feedback', 50)],
      window: [30, 50],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const w = fieldCheckWindow(c.events);
      if (c.window === null) assert.equal(w, null);
      else
        assert.deepEqual(w, {
          from: T0 + c.window[0] * MIN,
          to: c.window[1] === null ? null : T0 + c.window[1] * MIN,
        });
    });
  }
});

describe('a boat’s approach (事中)', () => {
  const now = T0 + 10 * MIN;
  const at = (min: number, x: number, speedKmh: number | null) => {
    const p = unproject(plane, x, 0);
    return { time: T0 + min * MIN, lat: p.lat, lon: p.lon, speedKmh };
  };
  it('estimates the arrival from the mean reported speed of the last five minutes', () => {
    const a = approachOf(ORDER, [at(2, -2000, 30), at(6, -1400, 12), at(9, -1200, 12)], now, 30);
    assert.deepEqual(a, { distanceM: 1200, speedKmh: 12, etaSeconds: 360 });
  });
  it('derives the speed from the distance covered when the device sends none', () => {
    const a = approachOf(ORDER, [at(7, -1600, null), at(9, -1200, null)], now, 30);
    assert.deepEqual(a, { distanceM: 1200, speedKmh: 12, etaSeconds: 360 });
  });
  it('promises no arrival for a stopped boat or a stale fix', () => {
    assert.equal(approachOf(ORDER, [at(9, -1200, 0.3)], now, 30)?.etaSeconds, null);
    const stale = approachOf(ORDER, [at(-30, -1200, 12)], now, 30);
    assert.deepEqual(stale, { distanceM: 1200, speedKmh: null, etaSeconds: null });
  });
  it('says 0 once within the radius, and null without any fix', () => {
    assert.equal(approachOf(ORDER, [at(9, -20, 5)], now, 30)?.etaSeconds, 0);
    assert.equal(approachOf(ORDER, [], now, 30), null);
  });
});
