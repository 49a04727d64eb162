// Ingest benchmark: the real server (child process) and this load generator over real TCP on
// 127.0.0.1. For 200 and 2,000 connections: positions/s acknowledged after commit, against the raw
// ceiling of the same connections sending the same frames to a server that only counts them; and
// memory per idle connection with 10,000 connections, against the same for the counting server.
//
//   npm run bench:ingest -- --only throughput [--db both|sqlite|postgres --seconds 5 --window 8 --idle 10000
//                           --connections 200,2000 --profile DIR]
//
// --idle 0 skips the memory figure; --profile writes a V8 CPU profile of the server to DIR
// (written when the server exits, at the end of each database's section).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { createDevices, type DeviceServer, startDeviceServer } from '../../test/helpers/device-server.ts';
import { createTestDatabase, postgresProblem } from '../../test/helpers/dialects.ts';
import { checkIdleFits, fileLimitOf, idleMemory } from './idle.ts';
import { figure } from './measure.ts';
import { measureIngest } from './ours.ts';
import { blast, closeSockets, openSockets, type RawServer, startAckServer, startRawServer } from './raw.ts';
import { storageFloorInChild } from './storage-floor.ts';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const DB = arg('db', 'both');
const SECONDS = Number(arg('seconds', '5'));
const WINDOW = Number(arg('window', '8'));
const IDLE = Number(arg('idle', '10000'));
if (!Number.isInteger(IDLE) || IDLE < 0) {
  console.error(`bench:ingest: --idle must be a whole number of connections, not ${arg('idle', '')}`);
  process.exit(1);
}
const CONNECTIONS = arg('connections', '200,2000').split(',').map(Number);
const PROFILE = arg('profile', '');
if (PROFILE) mkdirSync(PROFILE, { recursive: true });
const WARMUP_MS = 1500;
const PASSWORD = 'Bench-pass-2026';
const phones = Array.from({ length: Math.max(...CONNECTIONS) }, (_, i) => String(13_600_000_001 + i));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const log = (line: string) => console.log(`# ${((Date.now() - started) / 1000).toFixed(0)}s ${line}`);

const children: { kill(signal?: NodeJS.Signals): unknown }[] = [];
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});
// Bounded: the whole run must stay under five minutes.
setTimeout(() => {
  console.error('bench:ingest: over the 5-minute budget, stopping');
  process.exit(1);
}, 295_000).unref();

async function rawRate(raw: RawServer, connections: number, baseTime: number): Promise<number> {
  const sockets = await openSockets(raw.port, connections);
  const sender = blast(sockets, baseTime);
  await sleep(WARMUP_MS);
  const f0 = (await raw.count()).frames;
  const t0 = performance.now();
  await sleep(SECONDS * 1000);
  const frames = (await raw.count()).frames - f0;
  const seconds = (performance.now() - t0) / 1000;
  sender.stop();
  await closeSockets(sockets);
  return frames / seconds;
}

/** CPU (in cores) over a rate (positions a second): µs of CPU a position. */
function microsPerPosition(cpu: number, perSecond: number): number {
  return (cpu / Math.max(1, perSecond)) * 1e6;
}

async function login(api: string): Promise<Record<string, string>> {
  const res = await fetch(`${api}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  });
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

async function idleSection(db: string, server: DeviceServer, raw: RawServer): Promise<void> {
  const ourPid = server.child.pid ?? 0;
  // Both servers are checked before either is measured: a count that does not fit fails at once.
  checkIdleFits(ourPid, IDLE, 'server');
  checkIdleFits(raw.pid, IDLE, 'counting server');
  const ours = await idleMemory(ourPid, server.jt808Port, IDLE, 'server');
  const bare = await idleMemory(raw.pid, raw.port, IDLE, 'counting server');
  const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  log(
    `${db}: idle RSS ${mb(ours.before)} → ${mb(ours.after)} MB; ` +
      `counting server ${mb(bare.before)} → ${mb(bare.after)} MB ` +
      '(memory ratio = raw ÷ ours, so that higher is better here too)',
  );
  log(
    `${db}: server RSS holding ${IDLE} idle connections: ${mb(ours.after)} MB in total ` +
      `(${ours.fdsAfter} files open of its limit of ${fileLimitOf(ourPid)})`,
  );
  const kb = (bytes: number) => bytes / 1024;
  console.log(
    figure(
      `idle memory [${db}] ${IDLE} connections`,
      kb(ours.perConnection),
      kb(bare.perConnection),
      'KB/connection',
      bare.perConnection / ours.perConnection,
    ),
  );
}

async function section(db: 'sqlite' | 'postgres'): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zs-bench-'));
  const database = db === 'postgres' ? await createTestDatabase() : undefined;
  let server: DeviceServer | undefined;
  let raw: RawServer | undefined;
  let ack: RawServer | undefined;
  try {
    server = await startDeviceServer({
      dataDir,
      adminPassword: PASSWORD,
      databaseUrl: database?.url,
      // Measure ingest, not the per-connection and HTTP rate limits.
      env: {
        ZS_DEVICE_FRAMES_PER_SECOND: '1000000',
        ZS_RATE_LIMIT_PER_MINUTE: '10000000',
        ...(PROFILE
          ? {
              NODE_OPTIONS: `--import ${path.join(import.meta.dirname, 'profile-hook.mjs')}`,
              ZS_BENCH_PROFILE_DIR: path.resolve(PROFILE),
            }
          : {}),
      },
    });
    children.push(server.child);
    raw = await startRawServer();
    children.push({ kill: () => raw?.stop() });
    ack = await startAckServer();
    children.push({ kill: () => ack?.stop() });
    log(`${db}: server pid ${server.child.pid}, counting server pid ${raw.pid}`);

    if (IDLE > 0) await idleSection(db, server, raw);

    const t0 = Date.now();
    await createDevices(server.base, await login(server.base), phones, 16);
    log(
      `${db}: ${phones.length} devices created through the API in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );

    for (const [run, connections] of CONNECTIONS.entries()) {
      // Each run's fixes are newer than the last run's, so they are live fixes, not late ones.
      const baseTime = Date.now() - (10 - run * 5) * 86_400_000;
      // The raw ceiling is measured just before and just after ours and averaged: on this shared
      // machine one measurement of it alone swung from 63k to 127k positions/s between runs.
      const before = await rawRate(raw, connections, baseTime);
      const e2e = await measureIngest({
        api: server.base,
        pid: server.child.pid ?? 0,
        port: server.jt808Port,
        phones: phones.slice(0, connections),
        window: WINDOW,
        baseTime,
        warmupMs: WARMUP_MS,
        measureMs: SECONDS * 1000,
      });
      // The acknowledging bound: the same flood against a server that decodes and acks at once.
      const bound = await measureIngest({
        pid: ack.pid,
        port: ack.port,
        phones: phones.slice(0, connections),
        window: WINDOW,
        baseTime,
        warmupMs: WARMUP_MS,
        measureMs: SECONDS * 1000,
      });
      const afterRate = await rawRate(raw, connections, baseTime);
      const limit = (before + afterRate) / 2;
      log(
        `${db}: ${connections} connections: raw limit ${before.toFixed(0)} positions/s before ours, ${afterRate.toFixed(0)} after`,
      );
      log(
        `${db}: ${connections} connections: ${e2e.acked} acknowledged in ${e2e.commits} commits ` +
          `(${(e2e.acked / Math.max(1, e2e.commits)).toFixed(0)} a commit); server CPU ${(e2e.serverCpu * 100).toFixed(0)}% ` +
          // CPU time per position suffers less from a busy shared machine than the rate does.
          `(${microsPerPosition(e2e.serverCpu, e2e.positionsPerSecond).toFixed(1)} µs a position), ` +
          `load generator CPU ${(e2e.clientCpu * 100).toFixed(0)}%`,
      );
      console.log(
        figure(
          `ingest [${db}] ${connections} connections, window ${WINDOW}`,
          e2e.positionsPerSecond,
          limit,
          'positions/s',
          e2e.positionsPerSecond / limit,
        ),
      );
      const perCommit = Math.max(1, Math.round(e2e.acked / Math.max(1, e2e.commits)));
      const floor = await storageFloorInChild({
        db,
        devices: connections,
        perCommit,
        perDevice: WINDOW,
        seconds: SECONDS,
        baseTime,
      });
      log(
        `${db}: ${connections} devices: storage floor ${perCommit} positions a commit, ${WINDOW} a device, ` +
          `${floor.clientMicros.toFixed(1)} µs CPU a position in the writing process` +
          (floor.databaseMicros === undefined ? '' : `, ${floor.databaseMicros.toFixed(1)} µs in PostgreSQL`),
      );
      console.log(
        figure(
          `ingest-storage-floor [${db}] ${connections} devices, ${perCommit} a commit`,
          floor.positionsPerSecond,
          limit,
          'positions/s',
          floor.positionsPerSecond / limit,
        ),
      );
      // Each part's CPU a position, as measured above: together they bound what two cores can do.
      const generatorMicros = microsPerPosition(e2e.clientCpu, e2e.positionsPerSecond);
      const ackMicros = microsPerPosition(bound.serverCpu, bound.positionsPerSecond);
      const storageMicros = floor.clientMicros + (floor.databaseMicros ?? 0);
      const sum = generatorMicros + ackMicros + storageMicros;
      const cores = availableParallelism();
      log(
        `${connections} connections: acknowledging bound server CPU ${(bound.serverCpu * 100).toFixed(0)}%, ` +
          `load generator CPU ${(bound.clientCpu * 100).toFixed(0)}% ` +
          `(${microsPerPosition(bound.clientCpu, bound.positionsPerSecond).toFixed(1)} µs a position; ` +
          `with ours ${generatorMicros.toFixed(1)} µs)`,
      );
      log(
        `${db}: ${connections} connections: CPU a position: load generator ${generatorMicros.toFixed(1)} µs + ` +
          `decoding and acking ${ackMicros.toFixed(1)} µs + storage ${storageMicros.toFixed(1)} µs = ${sum.toFixed(1)} µs; ` +
          `${cores} cores allow at most ${((cores * 1e6) / sum).toFixed(0)} positions/s ` +
          `(ratio ${((cores * 1e6) / sum / limit).toFixed(3)})`,
      );
      console.log(
        figure(
          `ingest-ack-bound [${db}] ${connections} connections, window ${WINDOW}`,
          bound.positionsPerSecond,
          limit,
          'positions/s',
          bound.positionsPerSecond / limit,
        ),
      );
    }
  } finally {
    raw?.stop();
    ack?.stop();
    if (server) {
      server.child.kill('SIGTERM');
      await Promise.race([server.exited, sleep(10_000)]);
      server.child.kill('SIGKILL');
    }
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dbs: ('sqlite' | 'postgres')[] =
    DB === 'both' ? ['sqlite', 'postgres'] : [DB as 'sqlite' | 'postgres'];
  log(
    `window ${WINDOW}, ${SECONDS} s measured after ${WARMUP_MS / 1000} s warm-up, ${IDLE} idle connections`,
  );
  // The machine is shared: the load before and after tells how far to trust the figures.
  log(`load average ${loadAverage()} on ${availableParallelism()} cores`);
  for (const db of dbs) {
    if (db === 'postgres') {
      const problem = await postgresProblem();
      if (problem) {
        console.log(`# postgres skipped: ${problem}`);
        continue;
      }
    }
    await section(db);
  }
  log(`done; load average ${loadAverage()}`);
}

main().catch((error: Error) => {
  console.error(`bench:ingest failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
