// Tracks and fleet reports at the size: BOATS boats × DAYS days at one fix every 5 s
// (100 × 30: 51.8M fixes) generated straight into SQLite and PostgreSQL (bench/tracks/), cached
// under --data between runs. Prints, per database, each against a bound measured in the same run:
//
//   tracks-day [DB]: one boat-day's track over app.inject (JSON, every fix) against the same rows
//     read through the driver and JSON-encoded (ratio floor ÷ ours); tracks-day-gpx the same as GPX;
//   fleet-month [DB]: the month report from day summaries against one scan of the month's fixes
//     aggregated in the database (ratio scan ÷ ours);
//   day-recompute [DB]: one boat-day recomputed after a blind-spot batch, against 100 ms;
//   ingest-with-summaries [DB]: the ingest with the day marking on against off, on this database.
//
//   npm run bench:tracks [-- --boats 100 --days 30 --db sqlite|postgres|both --runs 10 --data DIR
//                         --only tracks-day,fleet-month,day-recompute,ingest|generate]
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.ts';
import { markDays } from '../src/store/day-summaries.repository.ts';
import { type Device, findDevice } from '../src/store/devices.repository.ts';
import type { DialectKind } from '../src/store/dialect/types.ts';
import { insertPositions } from '../src/store/positions.repository.ts';
import { loginAs, testConfig } from '../test/helpers/app.ts';
import { postgresProblem } from '../test/helpers/dialects.ts';
import { figure } from './ingest/measure.ts';
import { ingestRounds } from './ingest/summaries-rounds.ts';
import { ensureData } from './tracks/data.ts';
import { dayDate, dayStart, FIXES_A_DAY, STEP_S } from './tracks/fixes.ts';
import { openFloor } from './tracks/floor.ts';
import { NOW } from './tracks/world.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const BOATS = Number(arg('boats', '100'));
const DAYS = Math.min(30, Number(arg('days', '30')));
const RUNS = Number(arg('runs', '10'));
const DATA = arg('data', path.join(tmpdir(), 'zs-bench-tracks'));
const DB = arg('db', 'both');
const DBS: DialectKind[] = DB === 'both' ? ['sqlite', 'postgres'] : [DB as DialectKind];
const ONLY = new Set(arg('only', 'tracks-day,fleet-month,day-recompute,ingest').split(','));
const DAY_RECOMPUTE_LIMIT_MS = 100;
const MONTH = dayDate(0).slice(0, 7);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const log = (line: string) => console.log(line);
const size = `${BOATS} boats × ${DAYS} days`;
const line = (name: string, ms: number, limitMs: number) =>
  `${name}: ${ms.toFixed(1)} ms; raw limit ${limitMs.toFixed(1)} ms; ratio ${(limitMs / ms).toFixed(2)}`;

async function benchOn(kind: DialectKind): Promise<void> {
  const data = await ensureData(kind, DATA, BOATS, DAYS, log);
  // --only generate: the data only (its first month report is left to the next run).
  if (ONLY.has('generate')) return;
  const { world } = data;
  const store = data.open();
  const floor = await openFloor(kind, data.location);
  const app = await buildApp(testConfig(), { store, now: () => NOW, logger: false });
  try {
    const op = await loginAs(app, 'operator');
    const get = async (url: string) => {
      const res = await app.inject({ url, headers: op });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return res;
    };
    const monthUrl = `/api/fleet/months/${MONTH}`;
    if (!world.summarised) {
      const t = performance.now();
      await get(monthUrl);
      log(
        `# ${kind}: the first month report computed and stored ${BOATS * DAYS} boat-day summaries in ${((performance.now() - t) / 1000).toFixed(1)} s`,
      );
      world.summarised = true;
      data.save(world);
    }

    // tracks-day: a mid-month boat-day of the first boat.
    if (ONLY.has('tracks-day')) await trackDay();
    async function trackDay() {
      const boat = world.boats[0] as { assetId: string; deviceId: string };
      const d = Math.floor(DAYS / 2);
      const from = dayStart(d);
      const to = from + 86_400_000 - 1;
      const trackUrl = (format: string) =>
        `/api/assets/${boat.assetId}/track?from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}&format=${format}`;
      const check = await get(trackUrl('json'));
      if (check.json().items.length !== FIXES_A_DAY)
        throw new Error(`not ${FIXES_A_DAY} fixes: ${check.body.slice(0, 100)}`);
      const samples: Record<'floor' | 'json' | 'gpx', number[]> = { floor: [], json: [], gpx: [] };
      for (let run = 0; run < RUNS + 3; run++) {
        let t = performance.now();
        await floor.trackJson(boat.deviceId, from, to);
        if (run >= 3) samples.floor.push(performance.now() - t);
        for (const format of ['json', 'gpx'] as const) {
          t = performance.now();
          // The body as a stream of the bytes the route wrote: without light-my-request's copy of
          // them into one buffer and then into a string, which a socket would never do.
          const res = await app.inject({ url: trackUrl(format), headers: op, payloadAsStream: true });
          for await (const _ of res.stream());
          if (res.statusCode !== 200) throw new Error(`${format}: ${res.statusCode}`);
          if (run >= 3) samples[format].push(performance.now() - t);
        }
      }
      const trackFloor = median(samples.floor);
      log(
        `# ${kind}, ${size}: one boat-day (${FIXES_A_DAY} fixes at ${STEP_S} s), median of ${RUNS} interleaved runs; load average ${loadavg()[0]?.toFixed(1)}`,
      );
      log(line(`tracks-day [${kind}]`, median(samples.json), trackFloor));
      log(line(`tracks-day-gpx [${kind}]`, median(samples.gpx), trackFloor));
    }

    if (ONLY.has('fleet-month')) await fleetMonth();
    async function fleetMonth() {
      // fleet-month: the report against one scan of the month's fixes (fewer runs: a scan of 50M rows is long).
      const ids = world.boats.map((b) => b.deviceId);
      const month: number[] = [];
      const scan: number[] = [];
      let scanned = 0;
      for (let run = 0; run < Math.min(RUNS, 3) + 1; run++) {
        let t = performance.now();
        await get(monthUrl);
        const monthMs = performance.now() - t;
        t = performance.now();
        scanned = await floor.scan(ids, dayStart(0), dayStart(DAYS));
        const scanMs = performance.now() - t;
        if (run >= 1) {
          month.push(monthMs);
          scan.push(scanMs);
        }
      }
      log(
        `# ${kind}, ${size}: the month report of ${BOATS} boats against a scan of ${(scanned / 1e6).toFixed(1)}M fixes, median of ${scan.length}`,
      );
      log(line(`fleet-month [${kind}]`, median(month), median(scan)));
    }

    if (ONLY.has('day-recompute')) await dayRecompute();
    async function dayRecompute() {
      // day-recompute: a blind-spot batch (60 late fixes between the stored ones) lands on a boat-day,
      // which is marked as the ingest marks it; the day is then read (and so recomputed).
      const recompute: number[] = [];
      const cpu: number[] = [];
      for (let run = 0; run < RUNS + 2; run++) {
        const b = world.boats[(run * 7) % world.boats.length] as { assetId: string; deviceId: string };
        const day = run % DAYS;
        const noon = dayStart(day) + 12 * 3_600_000;
        await insertPositions(
          store.db,
          Array.from({ length: 60 }, (_, k) => ({
            deviceId: b.deviceId,
            time: noon + k * STEP_S * 1000 + 2500,
            serverTime: NOW,
            lat: 31.3,
            lon: 120.9,
            speed: 0,
            course: 0,
            altitude: 0,
            valid: true,
            flags: 0,
            attributes: {},
          })),
        );
        await markDays(store.db, [{ assetId: b.assetId, date: dayDate(day) }], NOW);
        const c = process.cpuUsage();
        const t = performance.now();
        await get(`/api/assets/${b.assetId}/days/${dayDate(day)}`);
        if (run >= 2) {
          recompute.push(performance.now() - t);
          const used = process.cpuUsage(c);
          cpu.push((used.user + used.system) / 1000);
        }
      }
      log(
        `# ${kind}, ${size}: day-recompute median of ${RUNS}: this process's CPU ${median(cpu).toFixed(1)} ms (the database server's not counted); load average ${loadavg()[0]?.toFixed(1)}`,
      );
      log(line(`day-recompute [${kind}]`, median(recompute), DAY_RECOMPUTE_LIMIT_MS));
    }

    if (ONLY.has('ingest')) await ingest();
    async function ingest() {
      // ingest-with-summaries: new fixes after the generated ones (the clock kept in world.json).
      const devices: Device[] = [];
      for (const b of world.boats) devices.push((await findDevice(store.db, b.deviceId)) as Device);
      const clockStart = world.ingestClock ?? dayStart(DAYS);
      const rates = await ingestRounds(store, {
        kind,
        devices,
        clockStart,
        now: () => Math.max(Date.parse('2027-01-01T00:00:00Z'), clockStart + 30 * 86_400_000),
        seconds: 3,
        rounds: 2,
        window: 8,
      });
      world.ingestClock = rates.clock;
      data.save(world);
      log(
        `# ${kind}, ${size}: the ingest of ${BOATS} devices into the generated table, 8 fixes a call; load average ${loadavg()[0]?.toFixed(1)}`,
      );
      log(
        figure(`ingest-with-summaries [${kind}]`, rates.on, rates.off, 'positions/s', rates.on / rates.off),
      );
    }
  } finally {
    await app.close();
    await store.close();
    await floor.close();
  }
}

for (const kind of DBS) {
  if (kind === 'postgres') {
    const problem = await postgresProblem();
    if (problem) {
      log(`# postgres skipped: ${problem}`);
      continue;
    }
  }
  await benchOn(kind);
}
