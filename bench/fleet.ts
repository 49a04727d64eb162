// Fleet reports benchmark: a generated month (November 2026) of BOATS boats, a fix every 30 s
// from 06:00 to 18:00 local (1,440 fixes a boat-day; 4 boats: 172,800 fixes), on SQLite (in
// memory) and on PostgreSQL (the test server, when reachable). Prints, per database:
//
//   fleet-month [DB]: the month report from day summaries (GET /api/fleet/months/2026-11 over
//     app.inject, summaries already computed) next to its raw limit, one scan of the same
//     month's positions of the same boats (the least work a report from raw fixes needs);
//   day-recompute [DB]: recomputing one marked boat-day on read (GET /api/assets/:id/days/:date)
//     next to a fixed limit of 100 ms.
//
//   npm run bench:fleet [-- --runs 10 --boats 4]      (about a minute)
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { markDays } from '../src/store/day-summaries.repository.ts';
import type { DialectKind } from '../src/store/dialect/types.ts';
import { insertPositions, type StoredPosition } from '../src/store/positions.repository.ts';
import { loginAs, seedFixtureOrg, testConfig } from '../test/helpers/app.ts';
import { DIALECTS, openTestStore, postgresProblem } from '../test/helpers/dialects.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 10);
const BOATS = arg('boats', 4);
const DAYS = 30;
const STEP_S = 30;
const DAY_RECOMPUTE_LIMIT_MS = 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** A boat-day 06:00–18:00 local: up and down a 2 km river at ~7 km/h, moored at noon for an hour. */
function boatDay(deviceId: string, date: string, lane: number): StoredPosition[] {
  const start = Date.parse(`${date}T06:00:00+08:00`);
  const n = (12 * 3600) / STEP_S;
  return Array.from({ length: n }, (_, i) => {
    const moored = i >= 720 && i < 840;
    const x = moored ? 0 : 0.01 * Math.abs(Math.sin(i / 120));
    const time = start + i * STEP_S * 1000;
    return {
      deviceId,
      time,
      serverTime: time + 1000,
      lat: 31.3 + lane * 0.0001,
      lon: 120.9 + x,
      speed: moored ? 0 : 6.8,
      course: 90,
      altitude: 0,
      valid: true,
      flags: 0,
      attributes: {},
    };
  });
}

async function benchOn(kind: DialectKind): Promise<void> {
  const { store, dispose } = await openTestStore(kind);
  const now = () => Date.parse('2026-12-11T00:00:00Z');
  const org = await seedFixtureOrg(store, now);
  const app = await buildApp(testConfig(), { store, now, logger: false });
  try {
    const op = await loginAs(app, 'operator');
    const post = async (url: string, payload: object) =>
      (await app.inject({ method: 'POST', url, headers: op, payload })).json().id as string;
    const segment = await post('/api/segments', {
      code: 'R-BENCH',
      name: '基准河',
      geometry: {
        type: 'LineString',
        coordinates: [
          [120.9, 31.3],
          [120.91, 31.3],
        ],
      },
      halfWidthM: 30,
      unitId: org.a1.id,
    });
    const boats: string[] = [];
    const devices: string[] = [];
    for (let b = 0; b < BOATS; b++) {
      const boat = await post('/api/assets', {
        kind: 'boat',
        code: `BENCH-${b}`,
        name: `基准${b}号`,
        unitId: org.a1.id,
        segmentIds: [segment],
      });
      boats.push(boat);
      devices.push(
        await post('/api/devices', {
          name: `bench-${b}`,
          protocol: 'osmand',
          identifier: `bench-${b}`,
          assetId: boat,
        }),
      );
    }
    for (let d = 1; d <= DAYS; d++) {
      const date = `2026-11-${String(d).padStart(2, '0')}`;
      for (const [b, device] of devices.entries()) await insertPositions(store.db, boatDay(device, date, b));
    }
    await store.settled();
    const monthUrl = '/api/fleet/months/2026-11';
    const first = performance.now();
    const res = await app.inject({ url: monthUrl, headers: op });
    if (res.statusCode !== 200) throw new Error(`${monthUrl}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    const coldMs = performance.now() - first;
    const from = Date.parse('2026-11-01T00:00:00+08:00');
    const to = Date.parse('2026-12-01T00:00:00+08:00');
    const month: number[] = [];
    const raw: number[] = [];
    const recompute: number[] = [];
    let rawRows = 0;
    for (let run = 0; run < RUNS + 2; run++) {
      let t = performance.now();
      const r = await app.inject({ url: monthUrl, headers: op });
      const monthMs = performance.now() - t;
      if (r.statusCode !== 200) throw new Error(`${monthUrl}: ${r.statusCode}`);
      t = performance.now();
      const rows = await sql<{
        time: number;
      }>`select time, lat, lon, speed, valid, flags from positions where device_id in (${sql.join(devices)}) and time >= ${from} and time < ${to} order by device_id, time`.execute(
        store.db,
      );
      const rawMs = performance.now() - t;
      rawRows = rows.rows.length;
      const date = `2026-11-${String(1 + (run % DAYS)).padStart(2, '0')}`;
      await markDays(store.db, [{ assetId: boats[run % BOATS] as string, date }], now());
      t = performance.now();
      const day = await app.inject({ url: `/api/assets/${boats[run % BOATS]}/days/${date}`, headers: op });
      const dayMs = performance.now() - t;
      if (day.statusCode !== 200) throw new Error(`day: ${day.statusCode} ${day.body.slice(0, 200)}`);
      if (run >= 2) {
        month.push(monthMs);
        raw.push(rawMs);
        recompute.push(dayMs);
      }
    }
    const m = median(month);
    const rl = median(raw);
    const dr = median(recompute);
    console.log(
      `# ${BOATS} boats × ${DAYS} days, ${rawRows} fixes at ${STEP_S} s; first month report (computing ${BOATS * DAYS} days) ${coldMs.toFixed(0)} ms; medians of ${RUNS} runs`,
    );
    console.log(
      `fleet-month [${kind}]: ${m.toFixed(1)} ms; raw limit ${rl.toFixed(1)} ms; ratio ${(rl / m).toFixed(2)}`,
    );
    console.log(
      `day-recompute [${kind}]: ${dr.toFixed(1)} ms; raw limit ${DAY_RECOMPUTE_LIMIT_MS} ms; ratio ${(DAY_RECOMPUTE_LIMIT_MS / dr).toFixed(2)}`,
    );
  } finally {
    await app.close();
    await dispose();
  }
}

for (const kind of DIALECTS) {
  if (kind === 'postgres') {
    const problem = await postgresProblem();
    if (problem) {
      console.log(`# postgres skipped: ${problem}`);
      continue;
    }
  }
  await benchOn(kind);
}
