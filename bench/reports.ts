// Leaders' figures at city scale: N orders (default 1,000,000) with their events bulk-written into
// a fresh database (bench/orders/seed.ts: 60 days of orders through the real state machine), the
// daily rollups built by `npm run rollups:rebuild`, then, through the app (inject, no socket):
// a month of GET /api/indicators for the subdistrict and for a linkage workstation, the month's
// community rankings and a week's report, each against a scan of the same period's orders
// measured in the same run (the way these figures were computed before the rollups: every
// timeline of the period read and counted). R = the scan's time ÷ ours.
//
//
// The generated database (orders, events and rebuilt rollups) is kept between runs under
// --data (default /tmp/zs-bench-reports), keyed by size: SQLite in <data>/sqlite-<N>/zhongshu.db,
// PostgreSQL in the database zs_bench_reports_<N> of the test server; ready.json is written
// last, without it (or with --fresh) the data is generated again. Migrations added since run on
// open; the rollups are not rebuilt on reuse (--rebuild does, with the command).
//
//   npm run bench:reports [-- --db sqlite|postgres|both --orders 1000000 --runs 5 --data DIR --fresh --rebuild]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { seedDemoWorld } from '../src/demo/world.ts';
import { computeIndicators, type Period } from '../src/domain/workorder/indicators.ts';
import { rollupKeysOf } from '../src/domain/workorder/rollup.ts';
import { workingCalendar } from '../src/services/calendar/index.ts';
import { seedWorkOrderDefaults } from '../src/services/categories/index.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { rebuildOrderRollups } from '../src/services/rollups/index.ts';
import { listCategories } from '../src/store/categories.repository.ts';
import { type Db, migrate, openStore } from '../src/store/database.ts';
import { postgresAdapter } from '../src/store/dialect/postgres.ts';
import { sqliteAdapter } from '../src/store/dialect/sqlite.ts';
import { listPeriodHistories, listPeriodUnitPaths } from '../src/store/indicator-orders.repository.ts';
import { listUnits, type Unit } from '../src/store/units.repository.ts';
import { findUserByUsername } from '../src/store/users.repository.ts';
import { PG_TEST_URL } from '../test/helpers/dialects.ts';
import { generateOrders } from './reports/generate.ts';
import { postgresWriter, sqliteWriter } from './reports/write.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const DB = arg('db', 'both');
const ORDERS = Number(arg('orders', '1000000'));
const RUNS = Number(arg('runs', '5'));
const DATA = arg('data', path.join(tmpdir(), 'zs-bench-reports'));
const FRESH = process.argv.includes('--fresh');
const REBUILD = process.argv.includes('--rebuild');
const BUDGET_MS = 100;
const started = Date.now();
const log = (line: string) => console.log(`# ${((Date.now() - started) / 1000).toFixed(0)}s ${line}`);
const fixed = (x: number, digits = 1) => x.toFixed(digits);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await work();
  return performance.now() - t0;
}

/** The median of `runs` timings after one warm-up. */
async function medianMs(runs: number, work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await timed(work));
  return median(times);
}

/** The scan: the period's timelines of the orders involving a unit, counted. */
async function scanIndicators(ctx: ServiceContext, unit: Unit, period: Period) {
  const calendar = await workingCalendar(ctx);
  const histories = await listPeriodHistories(ctx.db, { ...period, involvingPath: unit.path });
  return computeIndicators(histories, period, ctx.now(), calendar);
}

/** The scan of a ranking: the period's timelines read once, split by the units they involved, counted per unit. */
async function scanRanking(ctx: ServiceContext, units: readonly Unit[], period: Period) {
  const calendar = await workingCalendar(ctx);
  const scope = { ...period, involvingPath: null };
  const [histories, paths] = await Promise.all([
    listPeriodHistories(ctx.db, scope),
    listPeriodUnitPaths(ctx.db, scope),
  ]);
  const byPath = new Map(units.map((u) => [u.path, [] as typeof histories]));
  for (const h of histories) {
    for (const key of rollupKeysOf(paths.get(h.order.id) ?? [])) byPath.get(key)?.push(h);
  }
  return units.map((u) => computeIndicators(byPath.get(u.path) ?? [], period, ctx.now(), calendar));
}

function line(name: string, db: string, ours: number, limit: number, ratio: number, extra = '') {
  console.log(
    `${name} [${db}]: ${fixed(ours)} ms; raw limit ${fixed(limit)} ms; ratio ${fixed(ratio, 2)}${extra ? `      (${extra})` : ''}`,
  );
}

async function admin(statement: string): Promise<number> {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    return (await client.query(statement)).rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** `npm run rollups:rebuild` in its own process on the database; in this process if the child fails. */
function rebuildRollups(db: string, dataDir: string, url: string | undefined, ctx: ServiceContext) {
  const rebuild = spawnSync('npm', ['run', '--silent', 'rollups:rebuild'], {
    cwd: path.join(import.meta.dirname, '..'),
    env: { ...process.env, ZS_DATA_DIR: dataDir, ...(url ? { DATABASE_URL: url } : {}) },
    encoding: 'utf8',
  });
  if (rebuild.status === 0) {
    log(rebuild.stdout.trim().split('\n').at(-1) ?? '');
    return Promise.resolve();
  }
  // The same function in this process, so a broken child (a module being reinstalled) costs no run.
  log(`rollups:rebuild failed (${rebuild.stderr.split('\n')[0]}): rebuilding in this process`);
  const t1 = performance.now();
  return rebuildOrderRollups(ctx).then(({ orders }) =>
    log(`${db}: rollups rebuilt from ${orders} orders in ${fixed((performance.now() - t1) / 1000)} s`),
  );
}

async function run(db: 'sqlite' | 'postgres') {
  const dataDir = path.join(DATA, `${db}-${ORDERS}`);
  const ready = path.join(dataDir, 'ready.json');
  const dbName = `zs_bench_reports_${ORDERS}`;
  const pgUrl = new URL(PG_TEST_URL);
  pgUrl.pathname = `/${dbName}`;
  const url = db === 'postgres' ? pgUrl.toString() : undefined;
  const dbFile = path.join(dataDir, 'zhongshu.db');
  const cached =
    !FRESH &&
    existsSync(ready) &&
    (db === 'sqlite' || (await admin(`select 1 from pg_database where datname = '${dbName}'`)) === 1);
  if (!cached) {
    rmSync(dataDir, { recursive: true, force: true });
    if (url) {
      await admin(`drop database if exists ${dbName} with (force)`);
      await admin(`create database ${dbName}`);
    }
  }
  mkdirSync(dataDir, { recursive: true });
  const store = openStore(url ? postgresAdapter(url) : sqliteAdapter(dbFile));
  try {
    await migrate(store);
    const ctx: ServiceContext = { db: store.db, now: Date.now };
    if (cached) {
      const { generatedAt } = JSON.parse(readFileSync(ready, 'utf8')) as { generatedAt: string };
      log(`${db}: the ${ORDERS} orders generated at ${generatedAt}, from ${url ? dbName : dbFile}`);
      if (REBUILD) await rebuildRollups(db, dataDir, url, ctx);
    } else {
      await seedDemoWorld(ctx, { adminPassword: DEMO_PASSWORD });
      await seedWorkOrderDefaults(ctx);
      const operator = await findUserByUsername(store.db, 'operator');
      const category = (await listCategories(store.db)).at(0);
      if (!operator || !category) throw new Error('the demo world has no operator or no category');
      const t0 = performance.now();
      const writer = url ? await postgresWriter(url) : sqliteWriter(dbFile);
      const events = await generateOrders(
        (batch) => writer.write(batch),
        {
          units: await listUnits(store.db, { scopePath: null }),
          categoryId: category.id,
          operatorId: operator.id,
          now: Date.now(),
        },
        ORDERS,
        (done) => log(`${db}: ${done} orders written`),
      );
      await writer.close();
      const seconds = (performance.now() - t0) / 1000;
      log(`${db}: ${ORDERS} orders and ${events} events written in ${fixed(seconds)} s`);
      await rebuildRollups(db, dataDir, url, ctx);
      writeFileSync(ready, JSON.stringify({ generatedAt: new Date().toISOString() }));
    }
    const rows = await countRollups(store.db);
    log(`${db}: ${rows} rollup rows`);
    // What autovacuum does within a minute of a bulk load: planner statistics, visibility map.
    if (db === 'postgres') await sql`vacuum analyze`.execute(store.db);

    const config = loadConfig({
      ZS_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ZS_RATE_LIMIT_PER_MINUTE: '10000000',
    });
    const app = await buildApp(config, { store, logger: false });
    try {
      const login = await app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'leader', password: DEMO_PASSWORD },
      });
      const headers = { authorization: `Bearer ${login.json().token}` };
      const get = async (url: string) => {
        const res = await app.inject({ url, headers });
        if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
        return res.json();
      };
      const units = await listUnits(store.db, { scopePath: null });
      const subdistrict = units.find((u) => u.kind === 'subdistrict' && u.parentId === null);
      const workstation = units.find((u) => u.kind === 'workstation');
      if (!subdistrict || !workstation) throw new Error('the demo world has no subdistrict or workstation');
      const communities = units.filter((u) => u.kind === 'community');
      // The last whole month and whole ISO week before today (Asia/Shanghai).
      const local = new Date(Date.now() + 8 * 3_600_000);
      const month: Period = {
        from: Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1) - 8 * 3_600_000,
        to: Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - 8 * 3_600_000,
      };
      const weekday = (local.getUTCDay() + 6) % 7;
      const weekTo =
        Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() - weekday) - 8 * 3_600_000;
      const week: Period = { from: weekTo - 7 * 86_400_000, to: weekTo };
      const before: Period = { from: week.from - 7 * 86_400_000, to: week.from };
      const isoWeek = isoWeekOf(week.from + 8 * 3_600_000);
      const q = (p: Period) => `from=${new Date(p.from).toISOString()}&to=${new Date(p.to).toISOString()}`;
      log(`${db}: month ${q(month)}, week ${isoWeek}`);

      const monthOrders = await store.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('created_at', '>=', month.from)
        .where('created_at', '<', month.to)
        .executeTakeFirstOrThrow();
      log(`${db}: ${Number(monthOrders.n)} orders reported in the month`);

      // Ours, through the app; checked against the scan once.
      const subUrl = `/api/indicators?unitId=${subdistrict.id}&${q(month)}`;
      const wsUrl = `/api/indicators?unitId=${workstation.id}&${q(month)}`;
      const rankUrl = `/api/indicators/rankings?kind=community&${q(month)}`;
      const weekUrl = `/api/reports/weekly?week=${isoWeek}&unitId=${subdistrict.id}`;
      const rolled = (await get(subUrl)).indicators;
      const scanned = await scanIndicators(ctx, subdistrict, month);
      if (rolled.registered !== scanned.registered || rolled.closedOnTime !== scanned.closedOnTime) {
        throw new Error(`rollups and scan differ: ${JSON.stringify({ rolled, scanned })}`);
      }
      log(
        `${db}: subdistrict month: ${rolled.registered} registered, ${rolled.closed} closed (rollups = scan)`,
      );
      const oursSub = await medianMs(RUNS, () => get(subUrl));
      const oursWs = await medianMs(RUNS, () => get(wsUrl));
      const oursRank = await medianMs(RUNS, () => get(rankUrl));
      const oursWeek = await medianMs(RUNS, () => get(weekUrl));
      const oursMtd = await medianMs(RUNS, () => get(`/api/indicators?unitId=${subdistrict.id}`));

      // The scans once each, after the rollups' runs warmed the same pages: each takes seconds.
      const scanSub = await timed(() => scanIndicators(ctx, subdistrict, month));
      const scanWs = await timed(() => scanIndicators(ctx, workstation, month));
      const scanRank = await timed(() => scanRanking(ctx, communities, month));
      const rankedUnits = units.filter((u) => ['community', 'workstation', 'department'].includes(u.kind));
      const scanWeek = await timed(() =>
        Promise.all([
          scanIndicators(ctx, subdistrict, week),
          scanIndicators(ctx, subdistrict, before),
          scanRanking(ctx, rankedUnits, week),
        ]),
      );

      const slowest = Math.max(oursSub, oursWs, oursRank, oursWeek);
      line('indicators-month', db, oursSub, scanSub, scanSub / oursSub, `subdistrict`);
      line('indicators-month', db, oursWs, scanWs, scanWs / oursWs, `workstation ${workstation.name}`);
      line(
        'rankings-month',
        db,
        oursRank,
        scanRank,
        scanRank / oursRank,
        `${communities.length} communities`,
      );
      line('weekly-report', db, oursWeek, scanWeek, scanWeek / oursWeek, `${isoWeek}, subdistrict`);
      line('reports-budget', db, slowest, BUDGET_MS, BUDGET_MS / slowest);
      // The current month so far (to omitted: now), the wall dashboard's figures, against the budget.
      line('indicators-month-to-date', db, oursMtd, BUDGET_MS, BUDGET_MS / oursMtd, 'subdistrict');
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
  }
}

async function countRollups(db: Db): Promise<number> {
  const r = await db
    .selectFrom('order_rollups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The ISO week (2026-W48) of a local instant given as UTC ms shifted to local time. */
function isoWeekOf(localMs: number): string {
  const d = new Date(localMs);
  const day = (d.getUTCDay() + 6) % 7;
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

for (const db of DB === 'both' ? (['sqlite', 'postgres'] as const) : [DB as 'sqlite' | 'postgres']) {
  await run(db);
}
