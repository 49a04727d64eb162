// Orders benchmark. A database is seeded beforehand (the demo organisation and N orders in every
// state, bulk-written through the repositories); then the platform's server runs in its own
// process with the server's flags (bench/orders/server.ts) and a load generator in a third
// process chains report → register → dispatch on 50 connections. The floor
// (bench/orders/floor-server.ts) is a hello-world Fastify server, same flags, answering the same
// POSTs with answers of the same sizes after only the statements each action needs, on a copy of
// the same database with the same group-commit shape. Ours and the floor run interleaved, ROUNDS
// times each; the lines give medians, with the server process's CPU (utime+stime in /proc) per
// action. Both count 2xx answers only.
//
//   npm run bench:orders [-- --db sqlite|postgres|both --orders 100000 --seconds 8 --connections 50
//                           --rounds 3 --explain --profile DIR]
//   npm run bench:orders -- --list-orders 1000000 [--orders 50000 --db sqlite]
// The second form copies the seeded orders in SQL up to a million (bench/orders/multiply.ts) and
// measures the list page's p95 for the centre and a linkage workstation while the action load runs.
// --profile writes a V8 CPU profile of our server during the measured rounds (after the warm-up) to DIR.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { migrate, openStore } from '../src/store/database.ts';
import { postgresAdapter } from '../src/store/dialect/postgres.ts';
import { sqliteAdapter } from '../src/store/dialect/sqlite.ts';
import { PG_TEST_URL, postgresProblem } from '../test/helpers/dialects.ts';
import { explainListPage } from './orders/explain.ts';
import { snapshot } from './orders/floor.ts';
import { multiplyPostgres, multiplySqlite } from './orders/multiply.ts';
import { listPageFilter, orderReports } from './orders/requests.ts';
import { seedBench } from './orders/seed.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const DBS = arg('db', 'both') === 'both' ? ['sqlite', 'postgres'] : [arg('db', 'sqlite')];
const ORDERS = Number(arg('orders', '100000'));
const SECONDS = Number(arg('seconds', '8'));
const CONNECTIONS = Number(arg('connections', '50'));
const ROUNDS = Number(arg('rounds', '3'));
/** With --list-orders N: the seeded orders are copied up to N and only the list-under-load figure is measured. */
const LIST_ORDERS = Number(arg('list-orders', '0'));
const EXPLAIN = process.argv.includes('--explain');
const PROFILE = arg('profile', '');
/** The server's V8 flags, as `npm start` passes them. */
const SERVER_FLAGS = ['--max-semi-space-size=64'];
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
const started = Date.now();
const log = (line: string) => console.log(`# ${((Date.now() - started) / 1000).toFixed(0)}s ${line}`);
const fixed = (n: number, digits: number) => n.toFixed(digits);
const children = new Set<{ kill(signal?: NodeJS.Signals): unknown }>();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

/** Runs a bench/orders script in its own Node process; resolves with its first JSON line. */
function script(file: string, job: object, flags: string[] = []) {
  const child = spawn(
    process.execPath,
    [...flags, '--import', 'tsx', path.join(import.meta.dirname, 'orders', file), JSON.stringify(job)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => children.delete(child));
  const line = new Promise<Record<string, number | string>>((resolve, reject) => {
    // Every line is read (so that a chatty child never blocks on a full pipe); the first is the answer.
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (l) => resolve(JSON.parse(l)));
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before answering`)));
  });
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  return { child, line, stop };
}

const load = (job: object) => script('load.ts', job).line;

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start at the state, field 3.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const urlOf = (name: string) => {
  const url = new URL(PG_TEST_URL);
  url.pathname = `/${name}`;
  return url.toString();
};

interface Run {
  rate: number;
  cpuUs: number;
  ok: number;
  non2xx: number;
}

/** One create+dispatch load against the server at `url` (process `pid`): 2xx a second, CPU µs a 2xx. */
async function actionLoad(pid: number, url: string, headers: object, reports: object[]): Promise<Run> {
  const cpu0 = cpuSeconds(pid);
  const result = await load({
    mode: 'orders',
    url,
    headers,
    seconds: SECONDS,
    connections: CONNECTIONS,
    reports,
  });
  const cpu = cpuSeconds(pid) - cpu0;
  const ok = Number(result.ok);
  return {
    rate: Number(result.requestsPerSecond),
    cpuUs: (cpu * 1e6) / ok,
    ok,
    non2xx: Number(result.non2xx),
  };
}

async function bench(db: string): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zs-bench-orders-'));
  const names = { ours: `zs_bench_${process.pid}`, floor: `zs_bench_${process.pid}_floor` };
  const file = path.join(dataDir, 'zhongshu.db');
  const floorFile = path.join(dataDir, 'floor.db');
  try {
    if (db === 'postgres') await adminQuery(`create database ${names.ours}`);
    const store = openStore(db === 'postgres' ? postgresAdapter(urlOf(names.ours)) : sqliteAdapter(file));
    await migrate(store);
    const seeded = await seedBench({ db: store.db, now: Date.now }, ORDERS, DEMO_PASSWORD);
    log(
      `${db}: ${ORDERS} orders and ${seeded.events} events written in ${fixed(seeded.seconds, 1)} s (${fixed(ORDERS / seeded.seconds, 0)} orders/s)`,
    );
    if (LIST_ORDERS > ORDERS && db === 'postgres') {
      const seconds = await multiplyPostgres(store.db, ORDERS, LIST_ORDERS);
      log(`${db}: orders copied up to ${LIST_ORDERS} in ${fixed(seconds, 1)} s`);
    }
    // What autovacuum does within a minute of a bulk load: planner statistics and the visibility map.
    if (db === 'postgres') await sql`vacuum analyze`.execute(store.db);
    const page = await listPageFilter(store.db);
    if (EXPLAIN) {
      const workstation = seeded.world.grids[0]?.community.path.split('/').slice(0, -2).join('/');
      for (const line of await explainListPage(store.db, store.kind, page.categoryId, `${workstation}/`))
        log(line);
    }
    await store.close();
    if (LIST_ORDERS > ORDERS && db === 'sqlite') {
      const seconds = multiplySqlite(file, ORDERS, LIST_ORDERS);
      log(`${db}: orders copied up to ${LIST_ORDERS} in ${fixed(seconds, 1)} s`);
      const copy = openStore(sqliteAdapter(file));
      Object.assign(page, await listPageFilter(copy.db));
      await copy.close();
    }
    if (LIST_ORDERS > 0) {
      await listUnderLoad(
        db,
        { dataDir, url: db === 'postgres' ? urlOf(names.ours) : undefined },
        seeded,
        page,
      );
      return;
    }
    // The floor's copy of the same database, taken before either server touches it.
    if (db === 'postgres') await adminQuery(`create database ${names.floor} template ${names.ours}`);
    else await snapshot(file, floorFile);

    const serverJob = {
      ...(db === 'postgres' ? { databaseUrl: urlOf(names.ours) } : { dataDir }),
      ...(PROFILE && { profile: PROFILE }),
    };
    const server = script('server.ts', serverJob, SERVER_FLAGS);
    const api = String((await server.line).url);
    const login = await fetch(`${api}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator', password: DEMO_PASSWORD }),
    });
    const token = ((await login.json()) as { token: string }).token;
    const headers = { authorization: `Bearer ${token}` };
    const reports = orderReports(seeded.world, 500);

    // The sizes of our answers, for the floor to answer as much.
    const post = async (p: string, body: object) => {
      const res = await fetch(`${api}${p}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${p} answered ${res.status}: ${text}`);
      return text;
    };
    const r = reports[0] as { categoryId: string; lat: number; lon: number; unitId: string };
    const created = await post('/api/orders', { ...r, unitId: undefined, description: 'bench: 暴露垃圾' });
    const id = (JSON.parse(created) as { order: { id: string } }).order.id;
    const registered = await post(`/api/orders/${id}/actions/register`, {});
    const dispatched = await post(`/api/orders/${id}/actions/dispatch`, { unitId: r.unitId });
    const answerBytes = {
      report: Buffer.byteLength(created),
      register: Buffer.byteLength(registered),
      dispatch: Buffer.byteLength(dispatched),
    };
    log(
      `answer sizes: report ${answerBytes.report} B, register ${answerBytes.register} B, dispatch ${answerBytes.dispatch} B`,
    );
    const floorJob =
      db === 'postgres' ? { databaseUrl: urlOf(names.floor), answerBytes } : { file: floorFile, answerBytes };
    const floor = script('floor-server.ts', floorJob, SERVER_FLAGS);
    const floorUrl = String((await floor.line).url);

    // Warm-up, not counted: JIT, the statement caches and the database's pages, for both.
    await load({ mode: 'orders', url: api, headers, seconds: 2, connections: CONNECTIONS, reports });
    await load({ mode: 'orders', url: floorUrl, headers, seconds: 2, connections: CONNECTIONS, reports });
    if (PROFILE) server.child.kill('SIGUSR2');
    const ours: Run[] = [];
    const floors: Run[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const o = await actionLoad(server.child.pid ?? 0, api, headers, reports);
      ours.push(o);
      log(
        `round ${round} ours:  ${fixed(o.rate, 0)} actions/s, ${fixed(o.cpuUs, 0)} µs CPU an action (${o.ok} 2xx, ${o.non2xx} non-2xx)`,
      );
      const f = await actionLoad(floor.child.pid ?? 0, floorUrl, headers, reports);
      floors.push(f);
      log(
        `round ${round} floor: ${fixed(f.rate, 0)} actions/s, ${fixed(f.cpuUs, 0)} µs CPU an action (${f.ok} 2xx, ${f.non2xx} non-2xx)`,
      );
    }
    await server.stop();
    await floor.stop();
    if (PROFILE) log(`profile of the server written to ${PROFILE}`);
    const rate = median(ours.map((x) => x.rate));
    const floorRate = median(floors.map((x) => x.rate));
    const floorRates = floors.map((x) => x.rate);
    const spread = (Math.max(...floorRates) - Math.min(...floorRates)) / floorRate;
    if (spread > 0.15)
      log(
        `WARNING: the floor moved ${fixed(spread * 100, 0)} % between its measurements (${floorRates.map((x) => fixed(x, 0)).join(', ')} actions/s)`,
      );
    console.log(
      `orders-actions [${db}]: ${fixed(rate, 0)} actions/s; raw limit ${fixed(floorRate, 0)} actions/s; ratio ${fixed(rate / floorRate, 3)}`,
    );
    console.log(
      `#   CPU of the server process an action (median): ours ${fixed(median(ours.map((x) => x.cpuUs)), 0)} µs, floor ${fixed(median(floors.map((x) => x.cpuUs)), 0)} µs`,
    );
  } finally {
    if (db === 'postgres') {
      for (const name of [names.ours, names.floor])
        await adminQuery(`drop database if exists ${name} with (force)`).catch(() => {});
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The list page (dispatched orders of one category, 50 a page, newest first) on one keep-alive
 * connection, for the centre's operator and then a linkage workstation, while the
 * create+dispatch load runs on 50 other connections.
 */
async function listUnderLoad(
  db: string,
  where: { dataDir: string; url?: string },
  seeded: Awaited<ReturnType<typeof seedBench>>,
  page: { categoryId: string; matching: number; total: number },
): Promise<void> {
  const total = Number(LIST_ORDERS);
  // Ours, then on SQLite the same server with every answer waiting for the newest batch, GETs too
  // (as before read scopes, docs/RELIABILITY.md), for comparison.
  const variants = db === 'sqlite' ? [false, true] : [false];
  for (const noReadScopes of variants) {
    const server = script(
      'server.ts',
      { ...(where.url ? { databaseUrl: where.url } : { dataDir: where.dataDir }), noReadScopes },
      SERVER_FLAGS,
    );
    const api = String((await server.line).url);
    const loginAs = async (username: string) => {
      const res = await fetch(`${api}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      });
      return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
    };
    const operator = await loginAs('operator');
    const workstation = await loginAs('workstation');
    const reports = orderReports(seeded.world, 500);
    const listUrl = `${api}/api/orders?status=dispatched&categoryId=${page.categoryId}&limit=50`;
    // Warm-up, not counted: the pages the list reads, and the JIT.
    await load({ mode: 'latency', url: listUrl, headers: operator, seconds: 2 });
    await load({ mode: 'latency', url: listUrl, headers: workstation, seconds: 2 });
    const actions = load({
      mode: 'orders',
      url: api,
      headers: operator,
      seconds: SECONDS * 2 + 1,
      connections: CONNECTIONS,
      reports,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const centre = await load({ mode: 'latency', url: listUrl, headers: operator, seconds: SECONDS });
    const scoped = await load({ mode: 'latency', url: listUrl, headers: workstation, seconds: SECONDS });
    const acted = await actions;
    await server.stop();
    const label = noReadScopes ? 'without read scopes (every answer waits for the newest batch)' : 'ours';
    log(
      `${label}: list page status=dispatched, one category: ${page.matching} of ${page.total} orders match; action load meanwhile ${fixed(Number(acted.requestsPerSecond), 0)} actions/s (${acted.non2xx} non-2xx)`,
    );
    for (const [who, r] of [
      ['centre', centre],
      ['workstation', scoped],
    ] as const) {
      log(
        `${label}: ${who}: ${r.n} pages, p50 ${fixed(Number(r.p50), 2)} ms, p95 ${fixed(Number(r.p95), 2)} ms, p99 ${fixed(Number(r.p99), 2)} ms`,
      );
    }
    const prefix = noReadScopes ? '# without read scopes: ' : '';
    console.log(
      `${prefix}orders-list-p95-under-load [${db}] ${total} orders: ${fixed(Number(centre.p95), 2)} ms; raw limit 20 ms; ratio ${fixed(20 / Number(centre.p95), 3)}`,
    );
    console.log(
      `${prefix}orders-list-p95-under-load-workstation [${db}] ${total} orders: ${fixed(Number(scoped.p95), 2)} ms; raw limit 20 ms; ratio ${fixed(20 / Number(scoped.p95), 3)}`,
    );
  }
}

async function main(): Promise<void> {
  const loadavg = readFileSync('/proc/loadavg', 'utf8').trim();
  log(`${new Date().toISOString()}; /proc/loadavg at start: ${loadavg}`);
  if (Number(loadavg.split(' ')[0]) > 0.5)
    log(
      `WARNING: the 1-minute load average at start is ${loadavg.split(' ')[0]} (> 0.5): other work shares the cores`,
    );
  for (const db of DBS) {
    if (db !== 'sqlite' && db !== 'postgres') throw new Error('--db is sqlite, postgres or both');
    if (db === 'postgres') {
      const problem = await postgresProblem();
      if (problem) throw new Error(problem);
    }
    await bench(db);
  }
  log(`/proc/loadavg at the end: ${readFileSync('/proc/loadavg', 'utf8').trim()}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
