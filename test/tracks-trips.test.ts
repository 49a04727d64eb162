import assert from 'node:assert/strict';
import { it } from 'node:test';
import { at, beijing, TrackBuilder } from '../src/domain/fleet/test-tracks.ts';
import { haversineMeters } from '../src/domain/positions/filters.ts';
import { insertPositions } from '../src/store/positions.repository.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { DAY_QUERY, type DayFix, onDay, stored, useBoatDay } from './helpers/tracks.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** The haversine length of the stored fixes between two instants, both inclusive. */
function pathLength(fixes: readonly DayFix[], from: number, to: number): number {
  const on = fixes.filter((f) => f.valid && f.time >= from && f.time <= to);
  return on.slice(1).reduce((sum, f, i) => {
    const p = on[i] as DayFix;
    return sum + haversineMeters(p.lat, p.lon, f.lat, f.lon);
  }, 0);
}

const metresBetween = (a: { lat: number; lon: number }, b: { lat: number; lon: number }) =>
  haversineMeters(a.lat, a.lon, b.lat, b.lon);

forEachDialect('trips and stops of an asset', (kind) => {
  const t = useTestApp(kind);
  const world = useBoatDay(t);

  it('cuts the constructed day into three trips: 1,200 m, 600 m, and 300 m after the gap', async () => {
    const res = await t.app.inject({
      url: `/api/assets/${world.boatId}/trips?${DAY_QUERY}`,
      headers: await loginAs(t.app, 'commA1'),
    });
    assert.equal(res.statusCode, 200, res.body);
    const trips = res.json().items;
    assert.deepEqual(
      trips.map((x: { start: string; end: string; durationS: number }) => [x.start, x.end, x.durationS]),
      [
        [iso(onDay('08:00:00')), iso(onDay('08:06:00')), 360],
        [iso(onDay('08:36:00')), iso(onDay('08:39:00')), 180],
        [iso(onDay('08:59:00')), iso(onDay('09:00:30')), 90],
      ],
    );
    const nominal = [1200, 600, 300];
    for (const [i, trip] of trips.entries()) {
      const exact = pathLength(world.day, Date.parse(trip.start), Date.parse(trip.end));
      // The stored fixes' own haversine sum (to the decimetre), and the leg the plan drew (±GPS jitter).
      assert.ok(Math.abs(trip.distanceM - exact) <= 0.05, `trip ${i}: ${trip.distanceM} ≠ ${exact}`);
      assert.ok(Math.abs(trip.distanceM - (nominal[i] ?? 0)) < 15, `trip ${i}: ${trip.distanceM} m`);
      assert.equal(trip.maxSpeedKmh, 12);
      assert.ok(Math.abs(trip.avgSpeedKmh - (trip.distanceM / trip.durationS) * 3.6) < 0.01);
    }
    assert.ok(metresBetween(trips[0].from, at(0, 0)) < 15);
    assert.ok(metresBetween(trips[0].to, at(1200, 0)) < 0.01);
    assert.ok(
      metresBetween(trips[2].from, at(300, 0)) < 0.01,
      'the trip after the gap starts where the boat reappeared',
    );
    assert.ok(metresBetween(trips[2].to, at(0, 0)) < 0.01);
  });

  it('finds the three stops with their times and mean positions, each at its unit’s dock or none', async () => {
    const op = await loginAs(t.app, 'operator');
    const dock = async (name: string, x: number, radiusM: number, unitId: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/docks',
        headers: op,
        payload: { name, ...at(x, 0), radiusM, unitId },
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    // The boat's unit (community A1) has a dock where it moors at x=0 and one it only passes at
    // x=600; the dock at x=1200, where it also moors, is grid area B's: not the boat's.
    const east = await dock('东码头', 0, 30, t.org.a1.id);
    await dock('中码头', 600, 50, t.org.a1.id);
    await dock('B片码头', 1200, 50, t.org.areaB.id);

    const res = await t.app.inject({ url: `/api/assets/${world.boatId}/stops?${DAY_QUERY}`, headers: op });
    assert.equal(res.statusCode, 200, res.body);
    const stops = res.json().items;
    assert.deepEqual(
      stops.map((s: { start: string; end: string; durationS: number; dockId: string | null }) => [
        s.start,
        s.end,
        s.durationS,
        s.dockId,
      ]),
      [
        // The fix at 07:30 had no satellite fix (0,0): it counts for nothing, and moves nothing.
        [iso(onDay('07:00:00')), iso(onDay('08:00:00')), 3600, east],
        [iso(onDay('08:06:00')), iso(onDay('08:36:00')), 1800, null],
        [iso(onDay('09:00:30')), iso(onDay('09:30:30')), 1800, east],
      ],
    );
    for (const [i, x] of [0, 1200, 0].entries()) {
      const off = metresBetween(stops[i], at(x, 0));
      assert.ok(off < 5, `stop ${i} lies ${off} m off`);
    }
  });

  it('reads every device mounted on the asset, and only those', async () => {
    const op = await loginAs(t.app, 'operator');
    const next = 'from=2026-12-07T16:00:00Z&to=2026-12-08T16:00:00Z';
    const stops = await t.app.inject({ url: `/api/assets/${world.boatId}/stops?${next}`, headers: op });
    assert.deepEqual(stops.json(), { items: [] }, 'two fixes 5 s apart are neither a stop nor a trip');
    const track = await t.app.inject({ url: `/api/assets/${world.boatId}/track?${next}`, headers: op });
    assert.deepEqual(
      track.json().items.map((p: { time: string }) => p.time),
      world.nextDay.map((f) => iso(f.time)),
    );
    const other = await t.app.inject({ url: `/api/assets/${world.boatBId}/trips?${DAY_QUERY}`, headers: op });
    assert.deepEqual(other.json(), { items: [] });
  });

  it('cuts with the thresholds of the asset’s kind: a 220-m move is a boat’s trip, not a vehicle’s', async () => {
    const op = await loginAs(t.app, 'operator');
    // Moored 10 min, 220 m east in 20-m steps, moored 10 min. A boat's stop holds 50 m around
    // its fixes and its trip must reach 100 m: the 140 m between its stops is a trip. A
    // vehicle's holds 30 m and must reach 200 m: 180 m is no trip, so its two stays are one stop.
    const fixes = new TrackBuilder(beijing('2026-12-09', '08:00:00'), 30)
      .moor(600)
      .moveTo(220, 0, 20)
      .moor(600).fixes;
    const answers: Record<string, { trips: number; stops: string[] }> = {};
    for (const kindOf of ['boat', 'vehicle']) {
      const asset = await t.app.inject({
        method: 'POST',
        url: '/api/assets',
        headers: op,
        payload: { kind: kindOf, code: `K-${kindOf}`, name: kindOf, unitId: t.org.a1.id },
      });
      assert.equal(asset.statusCode, 201, asset.body);
      const device = await t.app.inject({
        method: 'POST',
        url: '/api/devices',
        headers: op,
        payload: { name: kindOf, protocol: 'osmand', identifier: `k-${kindOf}`, assetId: asset.json().id },
      });
      assert.equal(device.statusCode, 201, device.body);
      await insertPositions(
        t.store.db,
        fixes.map((f) => stored(device.json().id, { ...f, speed: 3.6 })),
      );
      const q = `from=2026-12-09T00:00:00Z&to=2026-12-09T01:00:00Z`;
      const trips = await t.app.inject({ url: `/api/assets/${asset.json().id}/trips?${q}`, headers: op });
      const stops = await t.app.inject({ url: `/api/assets/${asset.json().id}/stops?${q}`, headers: op });
      answers[kindOf] = {
        trips: trips.json().items.length,
        stops: stops
          .json()
          .items.map(
            (x: { start: string; end: string }) => `${x.start.slice(11, 19)}–${x.end.slice(11, 19)}`,
          ),
      };
    }
    assert.deepEqual(answers, {
      boat: { trips: 1, stops: ['00:00:00–00:11:00', '00:14:30–00:25:30'] },
      vehicle: { trips: 0, stops: ['00:00:00–00:25:30'] },
    });
  });
});
