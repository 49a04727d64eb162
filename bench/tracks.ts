// Track benchmark: one boat-day at 5 s (17,280 fixes) on SQLite in a data folder, then
// GET /api/assets/:id/track as JSON and as GPX over app.inject, next to the floor measured in the
// same run: the day's rows read straight through better-sqlite3 (raw arrays, the least work any
// answer needs). Runs interleaved; prints medians and the ratio to the floor.
//
//   npm run bench:tracks [-- --runs 30]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { buildApp } from '../src/app.ts';
import { migrate, openStore } from '../src/store/database.ts';
import { sqliteAdapter } from '../src/store/dialect/sqlite.ts';
import { insertPositions } from '../src/store/positions.repository.ts';
import { loginAs, seedFixtureOrg, testConfig } from '../test/helpers/app.ts';
import { fullDayAt5s } from '../test/helpers/tracks.ts';

const i = process.argv.indexOf('--runs');
const RUNS = i > 0 ? Number(process.argv[i + 1]) : 30;
const dir = mkdtempSync(path.join(tmpdir(), 'zs-bench-tracks-'));
const file = path.join(dir, 'zs.db');
const store = openStore(sqliteAdapter(file));
await migrate(store);
const now = () => Date.parse('2026-12-11T00:00:00Z');
const org = await seedFixtureOrg(store, now);
const app = await buildApp(testConfig(), { store, now, logger: false });
try {
  const op = await loginAs(app, 'operator');
  const post = async (url: string, payload: object) =>
    (await app.inject({ method: 'POST', url, headers: op, payload })).json().id as string;
  const boat = await post('/api/assets', {
    kind: 'boat',
    code: 'BOAT-DAY',
    name: '清波满日号',
    unitId: org.a1.id,
  });
  const device = await post('/api/devices', {
    name: 'boat-day',
    protocol: 'osmand',
    identifier: 'boat-day',
    assetId: boat,
  });
  await insertPositions(store.db, fullDayAt5s(device, '2026-12-10'));
  await store.settled();

  const from = Date.parse('2026-12-09T16:00:00Z');
  const to = Date.parse('2026-12-10T16:00:00Z');
  const raw = new SQLite(file, { readonly: true });
  const floorQuery = raw
    .prepare(
      'select time, lat, lon, speed, course, valid, flags from positions where device_id = ? and time >= ? and time <= ? order by time',
    )
    .raw(true);
  const url = (format: string) =>
    `/api/assets/${boat}/track?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&format=${format}`;

  const samples: Record<string, number[]> = { floor: [], json: [], gpx: [] };
  const sizes: Record<string, number> = {};
  for (let run = 0; run < RUNS + 3; run++) {
    let t = performance.now();
    const rows = floorQuery.all(device, from, to);
    const floorMs = performance.now() - t;
    if (rows.length !== 17_280) throw new Error(`floor read ${rows.length} rows`);
    for (const format of ['json', 'gpx']) {
      t = performance.now();
      const res = await app.inject({ url: url(format), headers: op });
      const ms = performance.now() - t;
      if (res.statusCode !== 200) throw new Error(`${format}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      sizes[format] = res.rawPayload.length;
      if (run >= 3) samples[format]?.push(ms);
    }
    if (run >= 3) samples.floor?.push(floorMs);
  }
  raw.close();
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  const floor = median(samples.floor ?? []);
  console.log(`# one boat-day, 17,280 fixes, SQLite, median of ${RUNS} interleaved runs`);
  console.log(`floor (raw read of the rows)  ${floor.toFixed(1)} ms`);
  for (const format of ['json', 'gpx']) {
    const m = median(samples[format] ?? []);
    console.log(
      `track ${format.padEnd(4)} over app.inject   ${m.toFixed(1)} ms  ${((sizes[format] ?? 0) / 1e6).toFixed(2)} MB  ${(m / floor).toFixed(1)}× the floor`,
    );
  }
} finally {
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
