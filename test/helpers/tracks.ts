// A boat's constructed day for the track, trip and stop tests: fixes written in metres on the
// fleet tests' plane (src/domain/fleet/test-tracks.ts), stored as the pipeline would store them.
import { before } from 'node:test';
import { at, beijing, TrackBuilder } from '../../src/domain/fleet/test-tracks.ts';
import { insertPositions, type StoredPosition } from '../../src/store/positions.repository.ts';
import { loginAs, type useTestApp } from './app.ts';

/** The constructed day's local date. */
export const DAY = '2026-12-07';

/** UTC ms of a Beijing wall-clock time on DAY. */
export const onDay = (hhmmss: string) => beijing(DAY, hhmmss);

/** The whole local day as a query: [00:00, 24:00) Beijing, in UTC. */
export const DAY_QUERY = `from=${new Date(onDay('00:00:00')).toISOString()}&to=${new Date(onDay('24:00:00')).toISOString()}`;

/** A fix before it is stored: the constructed day's shape. */
export interface DayFix {
  time: number;
  lat: number;
  lon: number;
  speed: number;
  valid: boolean;
}

/**
 * 07:00–08:00 moored at x=0 with ±10 m of GPS jitter (the 07:30 fix without a satellite fix,
 * reported at 0,0); 08:00–08:06 1,200 m east at 12 km/h; moored until 08:36; 600 m back west by
 * 08:39; no data for 20 minutes (a gap: a boat's is 600 s); seen again at x=300 at 08:59, at x=0
 * by 09:00:30; moored there until 09:30:30. A fix every 30 s.
 */
export function constructedDay(): DayFix[] {
  const b = new TrackBuilder(onDay('07:00:00'), 30)
    .moor(3600, 10, 1)
    .moveTo(1200, 0, 100)
    .moor(1800, 10, 2)
    .moveTo(600, 0, 100)
    .silence(20 * 60, 300, 0)
    .moveTo(0, 0, 100)
    .moor(1800, 10, 3);
  const moving = (t: number) =>
    (t > onDay('08:00:00') && t <= onDay('08:06:00')) ||
    (t > onDay('08:36:00') && t <= onDay('08:39:00')) ||
    (t >= onDay('08:59:00') && t <= onDay('09:00:30'));
  return b.fixes.map((f) =>
    f.time === onDay('07:30:00')
      ? { time: f.time, lat: 0, lon: 0, speed: 0, valid: false }
      : { time: f.time, lat: f.lat, lon: f.lon, speed: moving(f.time) ? 12 : 0.4, valid: true },
  );
}

/** A fix as the store keeps it. */
export function stored(deviceId: string, f: DayFix): StoredPosition {
  return {
    deviceId,
    time: f.time,
    serverTime: f.time + 1000,
    lat: f.lat,
    lon: f.lon,
    speed: f.speed,
    course: 90,
    altitude: 0,
    valid: f.valid,
    flags: f.valid ? 0 : 2,
    attributes: {},
  };
}

/** A boat-day at 5 s: 17,280 fixes from local midnight, swinging 1 km east and back (for timing). */
export function fullDayAt5s(deviceId: string, date: string): StoredPosition[] {
  const start = beijing(date, '00:00:00');
  return Array.from({ length: 17_280 }, (_, i) =>
    stored(deviceId, {
      time: start + i * 5000,
      ...at(1000 * Math.sin(i / 400), (i % 7) - 3),
      speed: 6.3,
      valid: true,
    }),
  );
}

/**
 * Boat BOAT-01 清波1号 of community A1 with two devices: the first carries the constructed day,
 * the second two fixes on the next day; boat BOAT-B of grid area B with one fix in the day.
 */
export function useBoatDay(t: ReturnType<typeof useTestApp>) {
  const world = { boatId: '', boatBId: '', day: [] as DayFix[], nextDay: [] as DayFix[] };
  before(async () => {
    const op = await loginAs(t.app, 'operator');
    const post = async (url: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url, headers: op, payload });
      if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    };
    world.boatId = await post('/api/assets', {
      kind: 'boat',
      code: 'BOAT-01',
      name: '清波1号',
      unitId: t.org.a1.id,
    });
    world.boatBId = await post('/api/assets', {
      kind: 'boat',
      code: 'BOAT-B',
      name: '清波B号',
      unitId: t.org.areaB.id,
    });
    const device = (identifier: string, assetId: string) =>
      post('/api/devices', { name: identifier, protocol: 'osmand', identifier, assetId });
    const first = await device('boat-01-a', world.boatId);
    const second = await device('boat-01-b', world.boatId);
    const other = await device('boat-b', world.boatBId);
    world.day = constructedDay();
    world.nextDay = [
      { time: beijing('2026-12-08', '08:00:00'), ...at(0, 0), speed: 0, valid: true },
      { time: beijing('2026-12-08', '08:00:05'), ...at(5, 0), speed: 3.6, valid: true },
    ];
    await insertPositions(t.store.db, [
      ...world.day.map((f) => stored(first, f)),
      ...world.nextDay.map((f) => stored(second, f)),
      stored(other, { time: onDay('08:00:00'), ...at(5000, 0), speed: 0, valid: true }),
    ]);
  });
  return world;
}
