// Orders benchmark: 100k orders in the database (bulk-written through the repositories), then
// over real HTTP, from a load generator in another process: create+dispatch throughput (report,
// register, dispatch per order) and the latency of a filtered list page of 50, next to Fastify's
// hello-world measured the same way in the same run. Two more figures bound what order actions
// could reach here: our HTTP pipeline alone (a signed-in GET /api/me) and the storage floor
// (the load's own SQL statements replayed straight through SQLite, bench/orders/floor.ts).
//
//   npm run bench:orders [-- --db sqlite|postgres --orders 100000 --seconds 8 --connections 50 --explain
//                           --profile DIR]
// --profile writes a V8 CPU profile of the server during the create+dispatch load to DIR.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { migrate, openStore } from '../src/store/database.ts';
import { postgresAdapter } from '../src/store/dialect/postgres.ts';
import { sqliteAdapter } from '../src/store/dialect/sqlite.ts';
import { groupCommitStatsOf, recordStatements, settled } from '../src/store/dialect/sqlite-group-commit.ts';
import { createTestDatabase, postgresProblem } from '../test/helpers/dialects.ts';
import { explainListPage } from './orders/explain.ts';
import { coreOnly, type RecordedStatement, replay, snapshot } from './orders/floor.ts';
import { listPageFilter, orderReports } from './orders/requests.ts';
import { seedBench } from './orders/seed.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const DB = arg('db', 'sqlite');
const ORDERS = Number(arg('orders', '100000'));
const SECONDS = Number(arg('seconds', '8'));
const CONNECTIONS = Number(arg('connections', '50'));
const EXPLAIN = process.argv.includes('--explain');
const PROFILE = arg('profile', '');
const started = Date.now();
const log = (line: string) => console.log(`# ${((Date.now() - started) / 1000).toFixed(0)}s ${line}`);
const children = new Set<{ kill(signal?: NodeJS.Signals): unknown }>();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});
// Bounded: the whole run must stay under five minutes.
setTimeout(() => {
  console.error('bench:orders: over the 5-minute budget, stopping');
  process.exit(1);
}, 295_000).unref();

/** Runs a bench/orders script in its own Node process; resolves with its first JSON line and the process. */
function script(file: string, job?: object) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'orders', file), JSON.stringify(job ?? {})],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  children.add(child);
  child.on('exit', () => children.delete(child));
  const line = new Promise<Record<string, number | string>>((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (l) => resolve(JSON.parse(l)));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before answering`)));
  });
  return { child, line };
}

const load = (job: object) => script('load.ts', job).line;
const fixed = (n: number, digits: number) => n.toFixed(digits);

/** Samples this process (the server) until stop(), which writes the profile under --profile. */
async function startProfile() {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop() {
      const { profile } = await session.post('Profiler.stop');
      const file = path.join(PROFILE, `orders-${DB}-${process.pid}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      return file;
    },
  };
}

async function main(): Promise<void> {
  if (DB !== 'sqlite' && DB !== 'postgres') throw new Error('--db is sqlite or postgres');
  if (DB === 'postgres') {
    const problem = await postgresProblem();
    if (problem) throw new Error(problem);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zs-bench-orders-'));
  const database = DB === 'postgres' ? await createTestDatabase() : undefined;
  const store = openStore(
    database ? postgresAdapter(database.url) : sqliteAdapter(path.join(dataDir, 'zhongshu.db')),
  );
  try {
    await migrate(store);
    const seeded = await seedBench({ db: store.db, now: Date.now }, ORDERS, DEMO_PASSWORD);
    log(
      `${DB}: ${ORDERS} orders and ${seeded.events} events written in ${fixed(seeded.seconds, 1)} s (${fixed(ORDERS / seeded.seconds, 0)} orders/s)`,
    );
    // What autovacuum does within a minute of a bulk load: planner statistics and the visibility
    // map (index-only scans). SQLite keeps no statistics unless asked, and the app never asks.
    if (DB === 'postgres') await sql`vacuum analyze`.execute(store.db);
    const config = loadConfig({
      ZS_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ZS_RATE_LIMIT_PER_MINUTE: '10000000',
    });
    const app = await buildApp(config, { store, logger: false });
    const api = await app.listen({ port: 0, host: '127.0.0.1' });
    const loginAs = async (username: string) => {
      const res = await fetch(`${api}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
    };
    const headers = await loginAs('operator');

    const hello = script('hello.ts');
    const helloUrl = String((await hello.line).url);
    const raw = await load({ mode: 'throughput', url: helloUrl, seconds: SECONDS, connections: CONNECTIONS });
    log(`hello-world: ${fixed(Number(raw.requestsPerSecond), 0)} req/s with ${CONNECTIONS} connections`);
    const rawLatency = await load({ mode: 'latency', url: helloUrl, seconds: SECONDS });
    log(
      `hello-world, one connection: p50 ${fixed(Number(rawLatency.p50), 3)} ms, p95 ${fixed(Number(rawLatency.p95), 3)} ms`,
    );
    hello.child.kill('SIGTERM');
    // Our own HTTP pipeline with nothing behind it: a signed-in GET /api/me (the user and their
    // unit with its boundary, from the in-memory cache: no statement run) through the same hooks as an order action
    // (security headers, rate limit, authentication, access check, metrics, serialisation).
    const pipeline = await load({
      mode: 'throughput',
      url: `${api}/api/me`,
      headers,
      seconds: SECONDS,
      connections: CONNECTIONS,
    });
    const pipelineRate = Number(pipeline.requestsPerSecond);
    log(`GET /api/me (no database work): ${fixed(pipelineRate, 0)} req/s with ${CONNECTIONS} connections`);

    const page = await listPageFilter(store.db);
    if (EXPLAIN) {
      const workstation = seeded.world.grids[0]?.community.path.split('/').slice(0, -2).join('/');
      for (const line of await explainListPage(store.db, store.kind, page.categoryId, `${workstation}/`))
        log(line);
    }
    const listUrl = `${api}/api/orders?status=dispatched&categoryId=${page.categoryId}&limit=50`;
    const list = await load({ mode: 'latency', url: listUrl, headers, seconds: SECONDS });
    log(
      `list page (status=dispatched, one category: ${page.matching} of ${page.total} orders match; one connection, ${list.n} pages)`,
    );
    log(
      `list page: p50 ${fixed(Number(list.p50), 2)} ms, p95 ${fixed(Number(list.p95), 2)} ms, p99 ${fixed(Number(list.p99), 2)} ms`,
    );
    // The same page for a linkage workstation, whose scope (a grid area) is checked order by order.
    const scopedHeaders = await loginAs('workstation');
    const scoped = await load({
      mode: 'latency',
      url: listUrl,
      headers: scopedHeaders,
      seconds: SECONDS / 2,
    });
    log(
      `list page as a workstation: p50 ${fixed(Number(scoped.p50), 2)} ms, p95 ${fixed(Number(scoped.p95), 2)} ms`,
    );

    const reports = orderReports(seeded.world, 500);
    // The storage floor (bench/orders/floor.ts): a copy of the database as the load finds it,
    // and every statement the load makes the server run.
    const dbFile = path.join(dataDir, 'zhongshu.db');
    const recorded: RecordedStatement[] = [];
    if (DB === 'sqlite') {
      await settled(store.db);
      await snapshot(dbFile, path.join(dataDir, 'floor.db'));
      await snapshot(dbFile, path.join(dataDir, 'core.db'));
      recordStatements(store.db, (sql, parameters) => recorded.push({ sql, parameters }));
    }
    const before = { ...groupCommitStatsOf(store.db) };
    const profiler = PROFILE ? await startProfile() : undefined;
    const cpuBefore = process.cpuUsage();
    const orders = await load({
      mode: 'orders',
      url: api,
      headers,
      seconds: SECONDS,
      connections: CONNECTIONS,
      reports,
    });
    recordStatements(store.db, undefined);
    if (profiler) log(`profile written to ${await profiler.stop()}`);
    const requests = Number(orders.requestsPerSecond);
    log(
      `create+dispatch: ${fixed(requests, 0)} req/s in 3 requests an order (report, register, dispatch), ${orders.non2xx} non-2xx, ${orders.errors} errors; ratio of requests ${fixed(requests / Number(raw.requestsPerSecond), 3)}`,
    );
    const cpu = process.cpuUsage(cpuBefore);
    const served = Number(orders.requests);
    log(
      `server CPU: ${fixed((cpu.user + cpu.system) / 1000 / served, 3)} ms a request (user ${fixed(cpu.user / 1000 / served, 3)}, system ${fixed(cpu.system / 1000 / served, 3)})`,
    );
    const stats = groupCommitStatsOf(store.db);
    if (stats && before.commits !== undefined) {
      const commits = stats.commits - before.commits;
      log(`group commit: ${stats.writes - (before.writes ?? 0)} writes in ${commits} fsyncs`);
    }
    await app.close();
    const floor = recorded.length > 0 ? replay(path.join(dataDir, 'floor.db'), recorded) : undefined;
    const floorRate = floor ? Number(orders.requests) / floor.seconds : undefined;
    const core = recorded.length > 0 ? coreOnly(recorded) : [];
    const coreFloor = core.length > 0 ? replay(path.join(dataDir, 'core.db'), core) : undefined;
    const coreRate = coreFloor ? Number(orders.requests) / coreFloor.seconds : undefined;
    if (floor && coreFloor)
      log(
        `storage floor: the load's ${recorded.length} statements replayed on a copy through better-sqlite3 alone in ${fixed(floor.seconds, 2)} s (${floor.failed} failed as recorded): ${fixed(floorRate ?? 0, 0)} actions/s; only the orders' rows and events (${core.length} statements): ${fixed(coreFloor.seconds, 2)} s, ${fixed(coreRate ?? 0, 0)} actions/s`,
      );

    // The target is for order actions: each request of the chain (report, register,
    // dispatch) is one action, so the ratio is actions per second over hello-world's requests.
    const actionsPerSecond = Number(orders.requestsPerSecond);
    const rawRate = Number(raw.requestsPerSecond);
    log(`orders created and dispatched: ${fixed(Number(orders.ordersPerSecond), 0)} orders/s`);
    console.log(
      `orders-actions: ${fixed(actionsPerSecond, 0)} actions/s; raw limit ${fixed(rawRate, 0)} req/s; ratio ${fixed(actionsPerSecond / rawRate, 3)}`,
    );
    if (coreRate !== undefined)
      console.log(
        `orders-actions-core-floor: ${fixed(coreRate, 0)} actions/s; raw limit ${fixed(rawRate, 0)} req/s; ratio ${fixed(coreRate / rawRate, 3)}`,
      );
    if (floorRate !== undefined)
      console.log(
        `orders-actions-storage-floor: ${fixed(floorRate, 0)} actions/s; raw limit ${fixed(rawRate, 0)} req/s; ratio ${fixed(floorRate / rawRate, 3)}`,
      );
    console.log(
      `orders-pipeline: ${fixed(pipelineRate, 0)} req/s; raw limit ${fixed(rawRate, 0)} req/s; ratio ${fixed(pipelineRate / rawRate, 3)}`,
    );
    const p95 = Number(list.p95);
    const rawP95 = Number(rawLatency.p95);
    console.log(
      `orders-list-p95: ${fixed(p95, 2)} ms; raw limit ${fixed(rawP95, 2)} ms; ratio ${fixed(rawP95 / p95, 3)}`,
    );
  } finally {
    await store.close().catch(() => {});
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
