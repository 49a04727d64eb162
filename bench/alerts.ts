// What the alert rules cost the ingest, and how soon an alert reaches a console. Per database:
//
//   ingest-with-rules [DB]: positions/s with the default boat rules watching every device (the
//     rules' queued work drained inside the timed window); raw limit: the same pipeline without them
//   alert-latency-p99 [DB]: from the commit of an SOS fix to its `alert` event on a WebSocket, with
//     2,000 devices reporting every 5 s in real time (not scaled down); raw limit 100 ms
//
//   npm run bench:alerts [-- --seconds 3 --rounds 4 --devices 200 --latency-devices 2000 --latency-seconds 20]
import { loadavg } from 'node:os';
import WebSocket from 'ws';
import { buildApp } from '../src/app.ts';
import { createRegistry } from '../src/http/plugins/metrics.ts';
import { createIngestMetrics } from '../src/ingest/metrics.ts';
import { IngestPipeline } from '../src/ingest/pipeline.ts';
import { LiveBus } from '../src/live/bus.ts';
import { AlertEngine, seedDefaultAlertRules } from '../src/services/alerts/index.ts';
import { createAsset } from '../src/services/assets/index.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { createDevice } from '../src/services/devices/index.ts';
import { createSegment } from '../src/services/segments/index.ts';
import { putUnitShifts } from '../src/services/shifts/index.ts';
import { createUnit } from '../src/services/units/index.ts';
import { type Device, findDevice } from '../src/store/devices.repository.ts';
import type { DialectKind } from '../src/store/dialect/types.ts';
import { loginAs, seedFixtureOrg, testConfig } from '../test/helpers/app.ts';
import { DIALECTS, openTestStore, postgresProblem } from '../test/helpers/dialects.ts';
import { liveUrlOf } from '../test/helpers/live-feed.ts';
import { figure } from './ingest/measure.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 3);
const ROUNDS = arg('rounds', 4);
const DEVICES = arg('devices', 200);
const LATENCY_DEVICES = arg('latency-devices', 2000);
const LATENCY_SECONDS = arg('latency-seconds', 20);
/** Fixes a call, as a terminal's unacknowledged window. */
const WINDOW = 8;
const CONCURRENCY = 64;
/** The river every boat works on: east along 31.30° N, 2 km; its boats stay on it. */
const RIVER = {
  type: 'LineString' as const,
  coordinates: [
    [120.9, 31.3],
    [120.92, 31.3],
  ] as [number, number][],
};
const ALL_DAY = {
  weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })),
  exceptions: [],
  followsCalendar: false,
};

/** A contractor with one river, a shift all day every day, the default boat rules, and `n` boats each with a device. */
async function seedFleet(ctx: ServiceContext, parentId: string, n: number): Promise<Device[]> {
  const unit = await createUnit(ctx, { kind: 'contractor', parentId, code: 'C-BENCH', name: '保洁公司' });
  const segment = await createSegment(ctx, {
    code: 'R-BENCH',
    name: '基准河',
    geometry: RIVER,
    halfWidthM: 30,
    unitId: unit.id,
  });
  await putUnitShifts(ctx, unit.id, ALL_DAY);
  await seedDefaultAlertRules(ctx, unit.id);
  const devices: Device[] = [];
  for (let i = 0; i < n; i++) {
    const boat = await createAsset(ctx, {
      kind: 'boat',
      code: `B-${i}`,
      name: `船${i}`,
      unitId: unit.id,
      segmentId: segment.id,
    });
    const d = await createDevice(ctx, {
      name: `bench-${i}`,
      protocol: 'jt808',
      identifier: String(13_700_000_000 + i),
      assetId: boat.id,
    });
    devices.push((await findDevice(ctx.db, d.id)) as Device);
  }
  return devices;
}

/** A boat's fix on the river: gently to and fro, never a jump. */
function fixAt(i: number, time: number, attributes: Record<string, unknown> = {}) {
  return {
    time,
    lat: 31.3 + ((i % 10) - 5) * 2e-5,
    lon: 120.91 + 0.005 * Math.sin(time / 600_000 + i),
    speedKmh: 6,
    course: 90,
    altitude: 0,
    valid: true,
    attributes,
  };
}

/** The newest fix time handed out so far. */
const clock = { t: 0 };

/**
 * Stores fixes through `pipeline` for `ms`, every device in turn, each device's clock one second a
 * fix; with an engine, waits for its queue to drain. Returns positions stored and the seconds taken.
 */
async function drive(
  pipeline: IngestPipeline,
  engine: AlertEngine | undefined,
  devices: Device[],
  times: number[],
  ms: number,
): Promise<{ stored: number; seconds: number }> {
  const started = performance.now();
  const end = started + ms;
  let stored = 0;
  let next = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const i = next++ % devices.length;
      const start = times[i] as number;
      times[i] = start + WINDOW * 1000;
      if (clock.t < start + WINDOW * 1000) clock.t = start + WINDOW * 1000;
      const fixes = Array.from({ length: WINDOW }, (_, k) => fixAt(i, start + (k + 1) * 1000));
      await pipeline.ingest(devices[i] as Device, fixes, { protocol: 'jt808' });
      stored += fixes.length;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  await engine?.idle();
  return { stored, seconds: (performance.now() - started) / 1000 };
}

async function throughput(kind: DialectKind): Promise<void> {
  const { store, dispose } = await openTestStore(kind);
  const t0 = Date.parse('2026-11-02T00:00:00Z');
  clock.t = t0;
  const times: number[] = [];
  // The platform's clock: a minute past the newest fix handed out (the fixes are never in its future).
  const now = () => clock.t + 60_000;
  const app = await buildApp(testConfig(), { store, now, logger: false });
  try {
    const org = await seedFixtureOrg(store, now);
    const devices = await seedFleet(app.platform.ctx, org.sub.id, DEVICES);
    for (let i = 0; i < DEVICES; i++) times.push(t0);
    const ctx = { db: store.db, now };
    const pipeline = (engine: AlertEngine | undefined) =>
      new IngestPipeline({
        db: store.db,
        bus: new LiveBus(),
        now,
        metrics: createIngestMetrics(createRegistry()),
        unitPathOf: async () => null,
        batch: { maxItems: 2000, maxDelayMs: 4, maxInFlight: kind === 'sqlite' ? 2 : 1 },
        observer: engine,
      });
    const engine = new AlertEngine(ctx, new LiveBus());
    const on = pipeline(engine);
    const off = pipeline(undefined);
    await drive(on, engine, devices, times, 1000);
    await drive(off, undefined, devices, times, 500);
    const total = { on: { stored: 0, seconds: 0 }, off: { stored: 0, seconds: 0 } };
    for (let r = 0; r < ROUNDS; r++) {
      for (const mode of r % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
        const got = await drive(
          mode === 'on' ? on : off,
          mode === 'on' ? engine : undefined,
          devices,
          times,
          SECONDS * 1000,
        );
        total[mode].stored += got.stored;
        total[mode].seconds += got.seconds;
      }
    }
    const withRules = total.on.stored / total.on.seconds;
    const without = total.off.stored / total.off.seconds;
    console.log(
      `# ${kind}: ${DEVICES} boats × 7 default rules, ${WINDOW} fixes a call, ${CONCURRENCY} calls in flight, ` +
        `${ROUNDS} × ${SECONDS} s each way (each boat's clock runs a fix a second, far ahead of real time); ` +
        `load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
    console.log(
      figure(`ingest-with-rules [${kind}]`, withRules, without, 'positions/s', withRules / without),
    );
    await on.close();
    await off.close();
    const raised = await store.db.selectFrom('alerts').select(['kind']).execute();
    const byKind: Record<string, number> = {};
    for (const r of raised) byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
    console.log(`# alerts raised during the run: ${JSON.stringify(byKind)}`);
  } finally {
    await app.close();
    await dispose();
  }
}

async function latency(kind: DialectKind): Promise<void> {
  const { store, dispose } = await openTestStore(kind);
  const app = await buildApp(testConfig(), { store, logger: false });
  try {
    const org = await seedFixtureOrg(store, Date.now);
    const devices = await seedFleet(app.platform.ctx, org.sub.id, LATENCY_DEVICES);
    const feed = new WebSocket(await liveUrlOf(app), { headers: await loginAs(app, 'operator') });
    await new Promise((resolve, reject) => feed.once('open', resolve).once('error', reject));
    const committedAt = new Map<string, number>();
    const samples: number[] = [];
    feed.on('message', (raw) => {
      const m = JSON.parse(String(raw)) as { type: string; data: { change?: string; deviceId?: string } };
      if (m.type !== 'alert' || m.data.change !== 'opened') return;
      const at = committedAt.get(String(m.data.deviceId));
      if (at !== undefined) samples.push(performance.now() - at);
    });
    const cycleMs = 5000;
    const cycles = Math.ceil(LATENCY_SECONDS / 5) + 2;
    const sosPerCycle = Math.max(1, Math.round(LATENCY_DEVICES / 50));
    for (let c = 0; c < cycles; c++) {
      const cycleStart = performance.now();
      const measured = c >= 2; // the first two cycles load every device's watch
      const sos = new Set(
        Array.from({ length: sosPerCycle }, (_, k) => (c * sosPerCycle + k * 37) % LATENCY_DEVICES),
      );
      const sends: Promise<void>[] = [];
      for (let i = 0; i < devices.length; i++) {
        // Spread evenly over the 5 s, as 2,000 terminals reporting every 5 s would be.
        const due = cycleStart + (i * cycleMs) / devices.length;
        const wait = due - performance.now();
        if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
        const device = devices[i] as Device;
        const alarm = measured && sos.has(i) ? 1 : 0;
        sends.push(
          app.platform.ingest
            .ingest(device, [fixAt(i, Date.now(), { alarm })], { protocol: 'jt808' })
            .then(() => {
              if (alarm) committedAt.set(device.id, performance.now());
            }),
        );
      }
      await Promise.all(sends);
      // Before measuring, every device's watch must be loaded (on PostgreSQL 2,000 loads take long).
      if (c === 1) await app.platform.alerts.idle();
      const rest = cycleStart + cycleMs - performance.now();
      if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
    }
    await app.platform.alerts.idle();
    await new Promise((resolve) => setTimeout(resolve, 500));
    feed.terminate();
    samples.sort((a, b) => a - b);
    const p99 = samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.99))] ?? Number.NaN;
    const p50 = samples[Math.floor(samples.length / 2)] ?? Number.NaN;
    console.log(
      `# ${kind}: ${LATENCY_DEVICES} devices every 5 s for ${(cycles - 2) * 5} s measured (real time), ` +
        `${samples.length} SOS alerts, p50 ${p50.toFixed(1)} ms`,
    );
    console.log(figure(`alert-latency-p99 [${kind}]`, p99, 100, 'ms', 100 / p99));
  } finally {
    await app.close();
    await dispose();
  }
}

/** `--db sqlite` or `--db postgres` runs one database only. */
const ONLY_DB = process.argv.includes('--db') ? process.argv[process.argv.indexOf('--db') + 1] : undefined;

async function main(): Promise<void> {
  for (const kind of DIALECTS.filter((d) => ONLY_DB === undefined || d === ONLY_DB)) {
    if (kind === 'postgres') {
      const problem = await postgresProblem();
      if (problem) {
        console.log(`# postgres skipped: ${problem}`);
        continue;
      }
    }
    await throughput(kind);
    if (LATENCY_DEVICES > 0) await latency(kind);
  }
}

main().catch((error: Error) => {
  console.error(`bench:alerts failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
