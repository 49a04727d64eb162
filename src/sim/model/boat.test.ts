import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_SEGMENTS } from '../../demo/segments.ts';
import { haversineMeters } from '../../domain/positions/filters.ts';
import { type BoatFix, type BoatPlan, inBlindSpot, sampleBoat } from './boat.ts';
import { planFleet } from './fleet-plan.ts';
import { pointAlong, type Route } from './geo.ts';
import { parseShift } from './shift.ts';

const SHIFT = parseShift('06:30-17:30');
/** 2 March 2026 06:30 in China. */
const SHIFT_START = Date.parse('2026-03-01T22:30:00Z');
const SHIFT_END = SHIFT_START + 11 * 3_600_000;
const boats = Array.from({ length: 14 }, (_, i) => ({
  identifier: `138000000${String(i + 1).padStart(2, '0')}`,
  segmentCode: DEMO_SEGMENTS[i % DEMO_SEGMENTS.length]?.code ?? '',
}));
const fleet = planFleet(
  DEMO_SEGMENTS.map((s) => ({ ...s, coordinates: s.geometry.coordinates })),
  boats,
  { shiftOf: () => SHIFT, blindChance: 0.2, jitterM: 2.5 },
).map((b) => b.plan);

/** Shortest distance in metres from a point to the route's centre line (sampled every 2 m). */
function offRoute(route: Route, lat: number, lon: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let d = 0; d <= route.length; d += 2) {
    const p = pointAlong(route, d);
    best = Math.min(best, haversineMeters(lat, lon, p.lat, p.lon));
  }
  return best;
}

function day(plan: BoatPlan, stepMs: number): [number, BoatFix][] {
  const out: [number, BoatFix][] = [];
  for (let t = SHIFT_START; t < SHIFT_END; t += stepMs) {
    const fix = sampleBoat(plan, t);
    assert.ok(fix, `on duty at ${new Date(t).toISOString()}`);
    out.push([t, fix]);
  }
  return out;
}

describe('boat movement model', () => {
  it('is off duty outside the shift and on duty inside it', () => {
    for (const plan of fleet) {
      assert.equal(sampleBoat(plan, SHIFT_START - 1), undefined);
      assert.equal(sampleBoat(plan, SHIFT_END), undefined);
      assert.equal(sampleBoat(plan, SHIFT_START)?.state, 'docked');
      assert.equal(sampleBoat(plan, SHIFT_END - 1)?.state, 'docked');
    }
  });

  it('is a pure function of time', () => {
    const t = SHIFT_START + 3 * 3_600_000 + 1234;
    assert.deepEqual(sampleBoat(fleet[0] as BoatPlan, t), sampleBoat(fleet[0] as BoatPlan, t));
    assert.notDeepEqual(sampleBoat(fleet[0] as BoatPlan, t), sampleBoat(fleet[1] as BoatPlan, t));
  });

  it('docks, runs out at ~12 km/h, works at 3–8 km/h and comes back during one shift', () => {
    for (const plan of fleet) {
      const fixes = day(plan, 5000);
      const states = new Set(fixes.map(([, f]) => f.state));
      assert.deepEqual([...states].sort(), ['docked', 'transit', 'working']);
      for (const [, f] of fixes) {
        if (f.state === 'docked') assert.equal(f.speedKmh, 0);
        if (f.state === 'transit') assert.ok(f.speedKmh >= 10 && f.speedKmh <= 14, `transit ${f.speedKmh}`);
        if (f.state === 'working' && f.speedKmh > 0) {
          assert.ok(f.speedKmh >= 2.8 && f.speedKmh <= 8.5, `working ${f.speedKmh}`);
        }
        assert.ok(f.course >= 0 && f.course < 360 && Number.isInteger(f.course));
        assert.ok(f.satellites >= 7 && f.satellites <= 14);
      }
      // Back at the dock to unload at least once between rounds, not only at both ends of the day.
      const middle = fixes.slice(fixes.length / 4, (fixes.length * 3) / 4);
      assert.ok(
        middle.some(([, f]) => f.state === 'docked'),
        'an unload stop mid-shift',
      );
    }
  });

  it('stays on its river, within the half-width plus a few metres of GPS noise', () => {
    for (const plan of fleet.slice(0, 6)) {
      for (const [, f] of day(plan, 97_000)) {
        const off = offRoute(plan.route, f.lat, f.lon);
        assert.ok(off <= plan.halfWidthM + 12, `${off.toFixed(1)} m off a ${plan.halfWidthM} m half-width`);
      }
    }
  });

  it('moves no faster than a boat can between fixes a minute apart', () => {
    for (const plan of fleet) {
      const fixes = day(plan, 60_000);
      for (let i = 1; i < fixes.length; i++) {
        const [, a] = fixes[i - 1] as [number, BoatFix];
        const [, b] = fixes[i] as [number, BoatFix];
        const metres = haversineMeters(a.lat, a.lon, b.lat, b.lon);
        // 14.5 km/h for a minute, plus a change of lane across the river, plus noise.
        assert.ok(metres <= 242 + 1.6 * plan.halfWidthM + 20, `${metres.toFixed(0)} m in a minute`);
      }
    }
  });

  it('jitters a docked boat by a few metres', () => {
    const plan = fleet[0] as BoatPlan;
    const docked = day(plan, 1000)
      .slice(0, 300)
      .map(([, f]) => f);
    const lat = docked.reduce((s, f) => s + f.lat, 0) / docked.length;
    const lon = docked.reduce((s, f) => s + f.lon, 0) / docked.length;
    const spread = docked.map((f) => haversineMeters(lat, lon, f.lat, f.lon));
    const rms = Math.sqrt(spread.reduce((s, d) => s + d * d, 0) / spread.length);
    assert.ok(rms > 1.5 && rms < 6, `rms ${rms.toFixed(2)} m`);
    assert.ok(Math.max(...spread) < 15);
  });

  it('has blind spots of 2–5 minutes in about the chosen share of half hours', () => {
    const plan = fleet[3] as BoatPlan;
    const halfHours = 2000;
    let withBlind = 0;
    for (let b = 0; b < halfHours; b++) {
      let seconds = 0;
      for (let s = 0; s < 1800; s += 5)
        if (inBlindSpot(plan, SHIFT_START - (SHIFT_START % 1_800_000) + b * 1_800_000 + s * 1000))
          seconds += 5;
      if (seconds > 0) {
        withBlind++;
        assert.ok(seconds >= 115 && seconds <= 305, `${seconds} s blind`);
      }
    }
    assert.ok(withBlind / halfHours > 0.15 && withBlind / halfHours < 0.25, `${withBlind} of ${halfHours}`);
  });
});

describe('fleet plan', () => {
  it('splits a shared segment into adjacent zones, each docked at its nearer end', () => {
    const onFirst = fleet.filter((p) => p.route === fleet[0]?.route);
    assert.equal(onFirst.length, 3);
    const length = onFirst[0]?.route.length ?? 0;
    assert.deepEqual(
      onFirst.map((p) => p.zone.map((d) => Math.round(d))),
      [0, 1, 2].map((j) => [Math.round((j * length) / 3), Math.round(((j + 1) * length) / 3)]),
    );
    assert.deepEqual(
      onFirst.map((p) => p.dock),
      [0, length, length],
    );
    assert.throws(
      () =>
        planFleet([], [{ identifier: '1', segmentCode: 'X' }], {
          shiftOf: () => SHIFT,
          blindChance: 0,
          jitterM: 0,
        }),
      /no segment X/,
    );
  });
});
