// Ingest benchmarks against floors measured in the same run (bench/README.md explains each):
//
//   ingest-cpu [sqlite] N connections    server CPU a durably acknowledged position vs the floor's
//   ingest-pg-cpu [postgres]             PostgreSQL's own CPU a stored row vs 8 µs
//   idle-memory-20000 [sqlite]           server RSS + the kernel's share for 20,000 idle devices
//   live-latency-p99 [sqlite]            a fix's commit → its `position` event on a console's socket
//
//   npm run bench:ingest [-- --only cpu,pg,idle,live --seconds 5 --warmup 3 --rounds 3 --window 8
//                            --connections 200 --idle 20000 --profile DIR --pg-write copy,unnest]
//   npm run bench:ingest -- --only throughput [...]   the earlier positions/s figures (throughput.ts)
//
// The load generator is lean (lean-load.ts) and runs in a child process: its own CPU is printed.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDevices, type DeviceServer, startDeviceServer } from '../test/helpers/device-server.ts';
import { createTestDatabase, postgresProblem } from '../test/helpers/dialects.ts';
import { measureCpu, median, spread, startFloorServer } from './ingest/cpu.ts';
import { fileLimitOf, openFilesOf } from './ingest/idle.ts';
import { type LeanLoad, startLeanLoad } from './ingest/lean.ts';
import { measureLiveLatency } from './ingest/live.ts';
import { cpuSecondsOf, figure, kernelMemory, settledRss, tcpBufferMemory } from './ingest/measure.ts';
import { seedDevices } from './ingest/seed.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const ONLY = new Set(arg('only', 'cpu,pg,idle,live').split(','));
const SECONDS = Number(arg('seconds', '5'));
const ROUNDS = Number(arg('rounds', '3'));
const WINDOW = Number(arg('window', '8'));
const CONNECTIONS = Number(arg('connections', '200'));
const PROFILE = arg('profile', '');
// How the server writes positions to PostgreSQL (ZS_PG_POSITIONS_WRITE): `copy` (its default), `unnest`.
const PG_WRITES = arg('pg-write', 'copy').split(',');
const IDLE = Number(arg('idle', '20000'));
const LIVE_DEVICES = Number(arg('live-devices', '2000'));
const CONSOLES = Number(arg('consoles', '20'));
const LIVE_SECONDS = Number(arg('live-seconds', '20'));
// Each round reconnects: after registering, a device's first reports take the slow path (its
// directory entry and previous fix are read from the database); the warm-up leaves that out.
const WARMUP_MS = Number(arg('warmup', '3')) * 1000;
const PASSWORD = 'Bench-pass-2026';
const started = Date.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const loadAverage = () => loadavg().map((l) => l.toFixed(2));
const log = (line: string) => console.log(`# ${((Date.now() - started) / 1000).toFixed(0)}s ${line}`);
const phoneOf = (i: number) => String(13_600_000_001 + i);

const cleanups: (() => unknown)[] = [];
process.on('exit', () => {
  for (const c of cleanups) c();
});

async function login(api: string): Promise<Record<string, string>> {
  const res = await fetch(`${api}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

/** Our server as a child process (the server's flags), SQLite in `dataDir` (fresh by default) or the PostgreSQL URL. */
async function ourServer(
  opts: { databaseUrl?: string; dataDir?: string; env?: Record<string, string> } = {},
): Promise<DeviceServer & { dataDir: string; stop(keepData?: boolean): Promise<void> }> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'zs-bench-'));
  if (PROFILE) mkdirSync(PROFILE, { recursive: true });
  const hooks = [
    ...(PROFILE ? [path.join(import.meta.dirname, 'ingest/profile-hook.mjs')] : []),
    ...(opts.env?.ZS_BENCH_COMMITS_FILE ? [path.join(import.meta.dirname, 'ingest/commit-hook.mjs')] : []),
  ];
  const server = await startDeviceServer({
    dataDir,
    adminPassword: PASSWORD,
    databaseUrl: opts.databaseUrl,
    // Migrations and tsx's compile took 60 s at a load average of 40, 144 s at 45 on 2 cores.
    startTimeoutMs: 300_000,
    // Measure ingest, not the per-connection and HTTP rate limits.
    env: {
      ZS_DEVICE_FRAMES_PER_SECOND: '1000000',
      ZS_RATE_LIMIT_PER_MINUTE: '10000000',
      ...(PROFILE ? { ZS_BENCH_PROFILE_DIR: path.resolve(PROFILE) } : {}),
      ...(hooks.length ? { NODE_OPTIONS: hooks.map((h) => `--import ${h}`).join(' ') } : {}),
      ...opts.env,
    },
  });
  const kill = () => server.child.kill('SIGKILL');
  cleanups.push(kill);
  return {
    ...server,
    dataDir,
    async stop(keepData = false) {
      server.child.kill('SIGTERM');
      await Promise.race([server.exited, sleep(10_000)]);
      kill();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Our server on SQLite with a JT/T 808 device for each phone (written while it is stopped). */
async function seededServer(phones: readonly string[], env?: Record<string, string>) {
  const first = await ourServer();
  await first.stop(true);
  const ids = await seedDevices(first.dataDir, phones);
  return { ...(await ourServer({ dataDir: first.dataDir, env })), ids };
}

async function ingestCpu(): Promise<void> {
  const phones = Array.from({ length: CONNECTIONS }, (_, i) => phoneOf(i));
  const server = await seededServer(phones);
  const floor = await startFloorServer();
  cleanups.push(() => floor.child.kill('SIGKILL'));
  try {
    log(`sqlite: server pid ${server.child.pid}, floor pid ${floor.pid}, ${CONNECTIONS} devices created`);
    const ours: number[] = [];
    const floors: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      // Each round's fixes are newer than the last round's: live fixes, never duplicates.
      const baseTime = Date.now() - (30 - r * 2) * 86_400_000;
      for (const [name, target] of [
        ['ours', { pid: server.child.pid ?? 0, port: server.jt808Port }],
        ['floor', floor],
      ] as const) {
        const run = await measureCpu({
          pid: target.pid,
          port: target.port,
          phones,
          window: WINDOW,
          baseTime,
          warmupMs: WARMUP_MS,
          measureMs: SECONDS * 1000,
        });
        (name === 'ours' ? ours : floors).push(run.serverMicros);
        log(
          `round ${r + 1} ${name}: ${run.positionsPerSecond.toFixed(0)} positions/s acknowledged` +
            `${run.refused ? ` (${run.refused} refused)` : ''}, server CPU ${(run.serverCpu * 100).toFixed(0)}% = ` +
            `${run.serverMicros.toFixed(2)} µs/position, load generator CPU ${(run.generatorCpu * 100).toFixed(0)}% ` +
            `(${((run.generatorCpu / Math.max(1, run.positionsPerSecond)) * 1e6).toFixed(2)} µs/position)` +
            (run.generatorCpu > 0.8 ? ' — OVER the 80 % budget: the generator may bound this run' : ''),
        );
      }
    }
    const x = median(ours);
    const f = median(floors);
    const moved = spread(floors);
    log(
      `floor ${floors.map((v) => v.toFixed(2)).join(', ')} µs/position (moved ${(moved * 100).toFixed(0)} %` +
        `${moved > 0.15 ? ': MORE THAN 15 %, trust the ratio less' : ''}); ours ${ours.map((v) => v.toFixed(2)).join(', ')}`,
    );
    console.log(figure(`ingest-cpu [sqlite] ${CONNECTIONS} connections`, x, f, 'µs/position', f / x));
  } finally {
    floor.child.kill('SIGKILL');
    await server.stop();
  }
}

/**
 * PostgreSQL's own CPU a stored row: its backends serving the server's database, from /proc. With
 * several `--pg-write` modes, each round runs each mode on a server of its own (the same database),
 * in ABBA order: the tables' dead row versions pile up over the run, and the order shares that out.
 */
async function ingestPgCpu(): Promise<void> {
  const problem = await postgresProblem();
  if (problem) {
    console.log(`# postgres skipped: ${problem}`);
    return;
  }
  const database = await createTestDatabase();
  const serverFor = (mode: string) =>
    ourServer({ databaseUrl: database.url, env: { ZS_PG_POSITIONS_WRITE: mode } });
  let mode = PG_WRITES[0] as string;
  let server = await serverFor(mode);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const phones = Array.from({ length: CONNECTIONS }, (_, i) => phoneOf(i));
    await createDevices(server.base, await login(server.base), phones, 16);
    log(`postgres: ${await pgConditions(client)}`);
    const backends = async () =>
      (
        await client.query<{ pid: number }>(
          'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
        )
      ).rows.map((r) => r.pid);
    // A backend that ends between two readings is left out of both.
    const cpuOf = (pids: number[]) => {
      const out = new Map<number, number>();
      for (const pid of pids) {
        try {
          out.set(pid, cpuSecondsOf(pid));
        } catch {}
      }
      return out;
    };
    const rows = new Map<string, number[]>(PG_WRITES.map((m) => [m, []]));
    let k = 0;
    for (let r = 0; r < ROUNDS; r++) {
      for (const next of r % 2 === 0 ? PG_WRITES : [...PG_WRITES].reverse()) {
        if (next !== mode) {
          await server.stop();
          mode = next;
          server = await serverFor(mode);
        }
        // Each round's fixes are newer than the last round's: live fixes, never duplicates.
        const baseTime = Date.now() - (30 - k++ * 2) * 86_400_000;
        const load = await startLeanLoad({ port: server.jt808Port, phones, window: WINDOW, baseTime });
        try {
          load.start();
          await sleep(WARMUP_MS);
          const pids = await backends();
          const m0 = await load.mark();
          const [d0, s0, x0] = [cpuOf(pids), cpuSecondsOf(server.child.pid ?? 0), await commits(client)];
          await sleep(SECONDS * 1000);
          const m1 = await load.mark();
          const [d1, s1, x1] = [cpuOf(pids), cpuSecondsOf(server.child.pid ?? 0), await commits(client)];
          await load.stop();
          let db = 0;
          for (const [pid, t] of d1) db += t - (d0.get(pid) ?? t);
          const acked = m1.acked - m0.acked;
          const seconds = (m1.at - m0.at) / 1000;
          const micros = (db / Math.max(1, acked)) * 1e6;
          rows.get(mode)?.push(micros);
          log(
            `round ${r + 1} postgres ${mode}: ${(acked / seconds).toFixed(0)} positions/s acknowledged, ` +
              `${(acked / Math.max(1, x1 - x0)).toFixed(0)} a commit, ` +
              `PostgreSQL backends (${pids.length}) CPU ${((db / seconds) * 100).toFixed(0)}% = ${micros.toFixed(2)} µs/row, ` +
              `server CPU ${(((s1 - s0) / Math.max(1, acked)) * 1e6).toFixed(2)} µs/position, ` +
              `load generator CPU ${(((m1.cpuSeconds - m0.cpuSeconds) / seconds) * 100).toFixed(0)}%; ` +
              `${await tableSizes(client)}; load average ${loadAverage().join(' ')}`,
          );
        } finally {
          load.kill();
        }
      }
    }
    log(`postgres at the end: ${await pgConditions(client)}`);
    for (const [m, values] of rows) {
      const x = median(values);
      log(`${m}: ${values.map((v) => v.toFixed(2)).join(', ')} µs/row`);
      const name = m === 'copy' ? 'ingest-pg-cpu [postgres]' : `ingest-pg-cpu [postgres, ${m}]`;
      console.log(figure(name, x, 8, 'µs/row', 8 / x));
    }
  } finally {
    await client.end();
    await server.stop();
    await database.drop();
  }
}

/** Transactions committed in the client's database so far (pg_stat_database; ours only write positions). */
async function commits(client: pg.Client): Promise<number> {
  // The statistics are flushed by each backend at most once a second: read what is flushed now.
  await client.query('select pg_stat_clear_snapshot()');
  const { rows } = await client.query<{ n: string }>(
    'select xact_commit as n from pg_stat_database where datname = current_database()',
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * What makes PostgreSQL's CPU a row move here besides our code: autovacuum, and the oldest
 * transaction holding an xid anywhere on the server (another database's too): every snapshot's
 * xmin stays behind it, so no dead row version newer than it can be pruned or vacuumed, and the
 * per-device rows updated at every commit (latest_positions, devices) grow chains that each
 * update then walks.
 */
async function pgConditions(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ autovacuum: string; oldest: string | null; db: string | null }>(
    `select current_setting('autovacuum') as autovacuum,
       (select extract(epoch from now() - xact_start)::int::text from pg_stat_activity
         where backend_xid is not null order by xact_start limit 1) as oldest,
       (select datname from pg_stat_activity where backend_xid is not null order by xact_start limit 1) as db`,
  );
  const row = rows[0];
  return (
    `autovacuum ${row?.autovacuum}, oldest transaction holding an xid: ` +
    (row?.oldest ? `${row.oldest} s old (database ${row.db})` : 'none')
  );
}

/** The per-device tables' size on disk: they grow with the dead row versions nothing removes. */
async function tableSizes(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ devices: string; latest: string }>(
    `select pg_total_relation_size('devices') as devices, pg_total_relation_size('latest_positions') as latest`,
  );
  const kb = (v: string | undefined) => `${(Number(v) / 1024).toFixed(0)} kB`;
  return `devices ${kb(rows[0]?.devices)}, latest_positions ${kb(rows[0]?.latest)}`;
}

/**
 * Server RSS and the kernel's share while devices that registered, authenticated and reported
 * once stay connected and silent. The server can hold only as many as its open-file limit
 * leaves; a count above that is measured at the largest that fits and scaled, and says so.
 */
async function idleMemorySection(): Promise<void> {
  const phones = Array.from({ length: IDLE }, (_, i) => phoneOf(i));
  const server = await seededServer(phones);
  const pid = server.child.pid ?? 0;
  const loads: LeanLoad[] = [];
  try {
    const fits = fileLimitOf(pid) - openFilesOf(pid) - 16;
    const n = Math.min(IDLE, fits);
    if (n < IDLE)
      log(
        `sqlite: the server (pid ${pid}) has ${openFilesOf(pid)} files open of its limit of ${fileLimitOf(pid)}: ` +
          `${n} idle devices measured, the figure scaled to ${IDLE}`,
      );
    const rss0 = await settledRss(pid);
    const k0 = kernelMemory();
    const tcp0 = tcpBufferMemory();
    const baseTime = Date.now() - 86_400_000;
    // Generators of at most 10,000 terminals each: every process has the same open-file limit.
    for (let at = 0; at < n; at += 10_000) {
      const slice = phones.slice(at, Math.min(n, at + 10_000));
      loads.push(
        await startLeanLoad({ port: server.jt808Port, phones: slice, window: 0, baseTime, firstIndex: at }),
      );
    }
    const rss1 = await settledRss(pid, 10_000);
    const k1 = kernelMemory();
    const tcp1 = tcpBufferMemory();
    const marks = await Promise.all(loads.map((l) => l.mark()));
    const acked = marks.reduce((sum, m) => sum + m.acked, 0);
    const closed = marks.reduce((sum, m) => sum + m.closed, 0);
    if (acked !== n || closed > 0)
      throw new Error(
        `${acked} of ${n} idle devices had their report acknowledged, ${closed} were disconnected`,
      );
    const mb = (bytes: number) => bytes / 2 ** 20;
    const kernel = k1.bytes - k0.bytes;
    const perDevice = (rss1 - rss0 + kernel) / n;
    const total = rss0 + perDevice * IDLE;
    log(
      `sqlite: ${n} devices registered, authenticated, reported once and idle: server RSS ${mb(rss0).toFixed(0)} → ` +
        `${mb(rss1).toFixed(0)} MB, kernel +${mb(kernel).toFixed(0)} MB (${k0.source}; both ends of each loopback ` +
        `connection, so it errs high), TCP buffers +${mb(tcp1 - tcp0).toFixed(1)} MB (/proc/net/sockstat); ` +
        `${(perDevice / 1024).toFixed(2)} KB a device`,
    );
    console.log(figure(`idle-memory-${IDLE} [sqlite]`, mb(total), 1024, 'MB', 1024 / mb(total)));
  } finally {
    for (const l of loads) l.kill();
    await server.stop();
  }
}

/** A fix's commit → its `position` event on every listening console's WebSocket. */
async function liveLatencySection(): Promise<void> {
  const phones = Array.from({ length: LIVE_DEVICES }, (_, i) => phoneOf(i));
  const commitsFile = path.join(tmpdir(), `zs-bench-commits-${process.pid}.txt`);
  const server = await seededServer(phones, { ZS_BENCH_COMMITS_FILE: commitsFile });
  try {
    const token = (await login(server.base)).authorization?.slice('Bearer '.length) ?? '';
    const live = await measureLiveLatency({
      port: server.jt808Port,
      url: `${server.base.replace('http', 'ws')}/api/live`,
      token,
      phones,
      ids: server.ids,
      consoles: CONSOLES,
      periodMs: 5000,
      warmupMs: 6000,
      measureMs: LIVE_SECONDS * 1000,
      server: { pid: server.child.pid ?? 0, commitsFile },
    });
    const f = (q: { p50: number; p99: number; max: number; count: number }) =>
      `p50 ${q.p50.toFixed(1)}, p99 ${q.p99.toFixed(1)}, max ${q.max.toFixed(1)} ms over ${q.count}`;
    log(
      `sqlite: ${LIVE_DEVICES} devices every 5 s, ${CONSOLES} consoles, ${live.sends} fixes measured over ${LIVE_SECONDS} s` +
        `${live.missing ? `, ${live.missing} (console, fix) events MISSING` : ', every event delivered to every console'}`,
    );
    log(
      `sqlite: commit → console: ${f(live.fromCommit)} (${live.commits} of the fixes' commits recorded by the server's hook)`,
    );
    log(
      `sqlite: CPU while measured: server ${(live.cpu.server * 100).toFixed(0)}%, consoles ${(live.cpu.consoles * 100).toFixed(0)}%, ` +
        `devices ${(live.cpu.devices * 100).toFixed(0)}%; the server's event loop delay p50 ${live.loopDelay[0]}, ` +
        `p99 ${live.loopDelay[1]}, max ${live.loopDelay[2]} ms`,
    );
    log(`sqlite: device's send → console: ${f(live.fromSend)} (the commit lies after the send)`);
    log(`sqlite: device's ack → console: ${f(live.fromAck)} (the commit lies before the ack)`);
    const x = live.fromCommit.p99;
    console.log(figure('live-latency-p99 [sqlite]', x, 50, 'ms', 50 / x));
  } finally {
    await server.stop();
    rmSync(commitsFile, { force: true });
  }
}

async function main(): Promise<void> {
  if (ONLY.has('throughput')) {
    await import('./ingest/throughput.ts');
    return;
  }
  const load = loadAverage();
  log(
    `${new Date().toISOString()}; load average ${load.join(' ')} on ${availableParallelism()} cores` +
      (Number(load[0]) > 0.5
        ? ' — ABOVE 0.5 at the start: the machine is busy, compare the ratios only'
        : ''),
  );
  log(`window ${WINDOW}, ${SECONDS} s measured after ${WARMUP_MS / 1000} s warm-up, ${ROUNDS} rounds`);
  if (ONLY.has('cpu')) await ingestCpu();
  if (ONLY.has('pg')) await ingestPgCpu();
  if (ONLY.has('idle')) await idleMemorySection();
  if (ONLY.has('live')) await liveLatencySection();
  log(`done; load average ${loadAverage().join(' ')}`);
}

main().then(
  // throughput.ts runs on by itself and exits when done.
  () => ONLY.has('throughput') || process.exit(0),
  (error: Error) => {
    console.error(`bench:ingest failed: ${error.stack ?? error.message}`);
    process.exit(1);
  },
);
