// Track benchmark: one boat-day at 5 s (17,280 fixes), GET /api/assets/:id/track as JSON (and
// GPX) over app.inject, next to the floor measured in the same run: the same rows read straight
// through the driver (better-sqlite3 raw arrays, pg array rows) and JSON-encoded — the least
// work any JSON answer of them needs. SQLite in a data folder, then PostgreSQL. Runs are
// interleaved; prints medians:
//
//   tracks-day [DB]: the JSON answer's time; raw limit: the floor's; ratio floor ÷ ours
//
//   npm run bench:tracks [-- --runs 30 --db sqlite|postgres|both]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { migrate, openStore, type Store } from '../src/store/database.ts';
import { postgresAdapter } from '../src/store/dialect/postgres.ts';
import { sqliteAdapter } from '../src/store/dialect/sqlite.ts';
import type { DialectKind } from '../src/store/dialect/types.ts';
import { insertPositions } from '../src/store/positions.repository.ts';
import { loginAs, seedFixtureOrg, testConfig } from '../test/helpers/app.ts';
import { createTestDatabase, postgresProblem } from '../test/helpers/dialects.ts';
import { fullDayAt5s } from '../test/helpers/tracks.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const RUNS = Number(arg('runs', '30'));
const DBS: DialectKind[] =
  arg('db', 'both') === 'both' ? ['sqlite', 'postgres'] : [arg('db', '') as DialectKind];
const COLUMNS = 'time, lat, lon, speed, course, valid';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

/** The floor: the rows straight from the driver, as arrays, JSON-encoded into bytes. */
interface Floor {
  read(deviceId: string, from: number, to: number): Promise<Buffer>;
  close(): Promise<void>;
}

function sqliteFloor(file: string): Floor {
  const raw = new SQLite(file, { readonly: true });
  const q = raw
    .prepare(`select ${COLUMNS} from positions where device_id = ? and time >= ? and time <= ? order by time`)
    .raw(true);
  return {
    read: async (d, from, to) => Buffer.from(JSON.stringify(q.all(d, from, to))),
    close: async () => {
      raw.close();
    },
  };
}

async function postgresFloor(url: string): Promise<Floor> {
  // int8 as a number, as the platform's pool reads it (src/store/dialect/postgres.ts).
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      // biome-ignore lint/suspicious/noExplicitAny: pg's overloads do not accept the union
      oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as any),
  } as pg.CustomTypesConfig;
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  const text = `select ${COLUMNS} from positions where device_id = $1 and time >= $2 and time <= $3 order by time`;
  return {
    async read(d, from, to) {
      const r = await client.query({ name: 'floor', text, values: [d, from, to], rowMode: 'array' });
      return Buffer.from(JSON.stringify(r.rows));
    },
    close: () => client.end(),
  };
}

async function benchOn(kind: DialectKind): Promise<void> {
  let store: Store;
  let floor: Floor;
  let cleanup: () => Promise<void>;
  if (kind === 'sqlite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'zs-bench-tracks-'));
    const file = path.join(dir, 'zs.db');
    store = openStore(sqliteAdapter(file));
    await migrate(store);
    floor = sqliteFloor(file);
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const db = await createTestDatabase();
    store = openStore(postgresAdapter(db.url));
    await migrate(store);
    floor = await postgresFloor(db.url);
    cleanup = db.drop;
  }
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
    const url = (format: string) =>
      `/api/assets/${boat}/track?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&format=${format}`;
    const samples: Record<string, number[]> = { floor: [], json: [], gpx: [] };
    const sizes: Record<string, number> = {};
    for (let run = 0; run < RUNS + 3; run++) {
      let t = performance.now();
      sizes.floor = (await floor.read(device, from, to)).length;
      if (run >= 3) samples.floor?.push(performance.now() - t);
      for (const format of ['json', 'gpx']) {
        t = performance.now();
        // The body as a stream of the bytes the route wrote: without light-my-request's copy of
        // them into one buffer and then into a string, which a socket would never do.
        const res = await app.inject({ url: url(format), headers: op, payloadAsStream: true });
        let bytes = 0;
        for await (const chunk of res.stream()) bytes += (chunk as Buffer).length;
        const ms = performance.now() - t;
        if (res.statusCode !== 200) throw new Error(`${format}: ${res.statusCode}`);
        sizes[format] = bytes;
        if (run >= 3) samples[format]?.push(ms);
      }
    }
    const check = await app.inject({ url: url('json'), headers: op });
    if (check.json().items.length !== 17_280)
      throw new Error(`not 17,280 fixes: ${check.body.slice(0, 200)}`);
    const f = median(samples.floor ?? []);
    const mb = (n = 0) => `${(n / 1e6).toFixed(2)} MB`;
    console.log(
      `# one boat-day, 17,280 fixes, ${kind}, median of ${RUNS} interleaved runs; JSON ${mb(sizes.json)}, GPX ${mb(sizes.gpx)}, floor's JSON ${mb(sizes.floor)}`,
    );
    for (const format of ['json', 'gpx']) {
      const m = median(samples[format] ?? []);
      const name = format === 'json' ? `tracks-day [${kind}]` : `tracks-day-gpx [${kind}]`;
      console.log(`${name}: ${m.toFixed(1)} ms; raw limit ${f.toFixed(1)} ms; ratio ${(f / m).toFixed(2)}`);
    }
  } finally {
    await app.close();
    await store.close();
    await floor.close();
    await cleanup();
  }
}

for (const kind of DBS) {
  if (kind === 'postgres') {
    const problem = await postgresProblem();
    if (problem) {
      console.log(`# postgres skipped: ${problem}`);
      continue;
    }
  }
  await benchOn(kind);
}
