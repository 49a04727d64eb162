// A boat's working morning sent as a terminal would send it (JT/T 808 over TCP, one 0x0200 a fix),
// then the day summary read back and checked against the path that was driven.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { haversineMeters } from '../src/domain/positions/filters.ts';
import { type Gateways, startGateways } from '../src/gateway/index.ts';
import { encodeAuth, encodeLocationReport, encodeRegister } from '../src/protocols/jt808/index.ts';
import { useTestApp } from './helpers/app.ts';
import { useFleetWorld } from './helpers/crews.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { connectTerminal } from './helpers/jt808-terminal.ts';
import { bj, sessions } from './helpers/orders.ts';

const PHONE = '013900000808';
const STEP_MS = 30_000;
/**
 * Longitude step of a moving fix: 0.000625° ≈ 59.4 m along 31.3° N (7.1 km/h at one fix per 30 s),
 * more than a boat's 50 m stop radius, so a stop begins exactly at the fix that arrives.
 */
const STEP_DEG = 0.000625;
/** The river's western end (the dock); it runs east to 120.92 (RIVER in helpers/crews.ts). */
const WEST = 120.9;

/** A fix as sent: WGS-84 degrees rounded to the protocol's 1e-6°, its time in epoch ms. */
interface Sent {
  time: number;
  lat: number;
  lon: number;
}

/**
 * The morning of Monday 2 March 2026 (Beijing), one fix every 30 s from 07:00:
 * moored at the dock 07:00–07:10; east along the segment to 120.910 by 07:18 (weaving ±5 m
 * across it); a brief stop there, cleaning, 07:18–07:24 (under the 10 minutes that make a stop a
 * rest); on east to 120.915 by 07:28; back west to the dock by 07:40; moored there until 09:30.
 */
function morning(): Sent[] {
  const lons: number[] = [];
  const hold = (lon: number, n: number) => {
    for (let k = 0; k < n; k++) lons.push(lon);
  };
  const go = (from: number, legs: number, dir: 1 | -1) => {
    for (let k = 1; k <= legs; k++) lons.push(from + dir * STEP_DEG * k);
  };
  hold(WEST, 21); // 07:00:00–07:10:00
  go(WEST, 16, 1); // 07:10:30–07:18:00, to 120.910
  hold(120.91, 12); // 07:18:30–07:24:00
  go(120.91, 8, 1); // 07:24:30–07:28:00, to 120.915
  go(120.915, 24, -1); // 07:28:30–07:40:00, back to the dock
  hold(WEST, 220); // 07:40:30–09:30:00
  const start = bj('2026-03-02 07:00');
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  return lons.map((lon, i) => {
    const prev = lons[i - 1];
    const moving = prev !== undefined && prev !== lon;
    return {
      time: start + i * STEP_MS,
      // Weave across the river while moving; moored fixes sit on its centre line.
      lat: round(31.3 + (moving ? (i % 2 === 0 ? 0.00005 : -0.00005) : 0)),
      lon: round(lon),
    };
  });
}

/** The 50 m sub-sections (of `sections`) a fix within 30 m of the straight river passed. */
function sectionsPassed(path: readonly Sent[], sections: number): Set<number> {
  const passed = new Set<number>();
  for (const p of path) {
    const along = haversineMeters(31.3, WEST, 31.3, p.lon);
    const first = Math.max(0, Math.floor((along - 30) / 50));
    const last = Math.min(sections - 1, Math.floor((along + 30) / 50));
    for (let s = first; s <= last; s++) passed.add(s);
  }
  return passed;
}

forEachDialect('a fleet day end to end over JT/T 808', (kind) => {
  const t = useTestApp(kind);
  const w = useFleetWorld(t);
  const as = sessions(t);
  let gateways: Gateways;
  const path = morning();

  const call = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: await as(user), payload });
    assert.ok(
      res.statusCode >= 200 && res.statusCode < 300,
      `${method} ${url}: ${res.statusCode} ${res.body}`,
    );
    return res.json();
  };

  before(async () => {
    gateways = await startGateways(t.app.platform, t.app.log, { jt808: 0, gt06: 0, osmand: 0 });
    t.clock.t = bj('2026-03-02 06:00');
    const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '06:30', end: '17:30' }));
    await call('admin', 'PUT', `/api/units/${w.contractor}/shifts`, { weekly });
    await call('admin', 'POST', '/api/devices', {
      name: '清波1号北斗',
      protocol: 'jt808',
      identifier: PHONE,
      assetId: w.boats.b1,
    });
    t.clock.t = bj('2026-03-02 07:00');
    await call('crew1', 'POST', '/api/duty/clock-in', { lat: 31.3, lon: WEST });
  });
  after(async () => gateways?.close());

  it('drives a boat through a shift over real JT/T 808 (leave the dock, clean along the segment, stop, moor, unload) and checks the day summary against the path it drove', async () => {
    // The terminal reports as it goes; the platform clock stands at the last fix.
    t.clock.t = bj('2026-03-02 09:30');
    const terminal = await connectTerminal(gateways.jt808.port);
    const header = (serial: number) => ({ edition: '2013' as const, phone: PHONE, serial });
    terminal.send(
      encodeRegister(header(1), {
        province: 32,
        city: 508,
        makerId: 'ZS001',
        model: 'BOAT-GPS',
        terminalId: 'T0808',
        plateColor: 0,
        plate: '苏E·清波1',
      }),
    );
    const [registered] = await terminal.waitFor(1);
    assert.equal(registered?.result, 0);
    terminal.send(encodeAuth(header(2), { code: registered?.authCode ?? '' }));
    assert.equal((await terminal.waitFor(2))[1]?.result, 0);
    for (const [i, p] of path.entries()) {
      terminal.send(
        encodeLocationReport(header(3 + i), {
          ...p,
          speedKmh: 2.9,
          course: 90,
          altitude: 2,
          status: { fixed: true, acc: true },
          satellites: 10,
        }),
      );
    }
    const acks = (await terminal.waitFor(2 + path.length, 20_000)).slice(2);
    assert.equal(acks.filter((a) => a.replyMsgId === 0x0200 && a.result === 0).length, path.length);
    terminal.close();

    await call('crew1', 'POST', '/api/unloads', {
      assetId: w.boats.b1,
      at: new Date(bj('2026-03-02 08:45')).toISOString(),
      tonnes: 1.2,
      dockId: w.dock,
    });
    await call('crew1', 'POST', '/api/duty/clock-out', { lat: 31.3, lon: WEST });

    t.clock.t = bj('2026-03-02 12:00');
    const s = await call('operator', 'GET', `/api/assets/${w.boats.b1}/days/2026-03-02`);

    let driven = 0;
    for (let i = 1; i < path.length; i++) {
      const a = path[i - 1] as Sent;
      const b = path[i] as Sent;
      driven += haversineMeters(a.lat, a.lon, b.lat, b.lon);
    }
    // 48 legs of 59.4 m east or west and 11 m across: ~2.9 km.
    assert.ok(driven > 2850 && driven < 2950, `driven ${driven} m`);
    assert.ok(
      Math.abs(s.distanceM - driven) <= driven * 0.01,
      `distanceM ${s.distanceM} vs driven ${driven}`,
    );

    // Three stops (dock, mid-river, dock) cut the driving into two trips.
    assert.deepEqual([s.stops, s.trips], [3, 2]);
    assert.equal(s.firstMoveAt, new Date(bj('2026-03-02 07:10')).toISOString());
    assert.equal(s.lastStopAt, new Date(bj('2026-03-02 07:40')).toISOString());
    // Work: 24 min moving and the 6-minute stop on the segment; rest: the dock, 10 + 110 min.
    const within = (actual: number, expected: number, what: string) =>
      assert.ok(Math.abs(actual - expected) <= 5, `${what} ${actual} s, expected ${expected} s`);
    within(s.movingS, 1440, 'movingS');
    within(s.workS, 1440 + 360, 'workS');
    within(s.restS, 600 + 6600, 'restS');
    assert.deepEqual([s.noDataS, s.offDutyMovingS], [0, 0]);

    // The river is ~1900 m in 39 sub-sections; the boat went 1425 m along it and back.
    assert.equal(s.coverage.length, 1);
    const c = s.coverage[0];
    assert.equal(c.segmentId, w.segment);
    assert.equal(c.sections, 39);
    const passed = sectionsPassed(path, c.sections);
    assert.equal(passed.size, 30);
    assert.equal(c.visited, passed.size);
    assert.equal(c.ratio, Math.round((passed.size / c.sections) * 1e4) / 1e4);

    assert.deepEqual(s.unloads, { count: 1, tonnes: 1.2 });
    assert.deepEqual(s.duty, {
      onDutyFrom: new Date(bj('2026-03-02 07:00')).toISOString(),
      onDutyTo: new Date(bj('2026-03-02 09:30')).toISOString(),
      source: 'clock',
    });

    // The fleet's day lists the same summary for the boat.
    const fleet = await call('operator', 'GET', `/api/fleet/days/2026-03-02?unitId=${w.contractor}`);
    const row = fleet.items.find((i: { assetId: string }) => i.assetId === w.boats.b1);
    assert.deepEqual(row, s);
  });
});
