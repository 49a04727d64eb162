// What marking day summaries costs the ingest: the same pipeline, in this process, storing the same
// kind of fixes with the marking on (as the server runs) and off, in alternating rounds of one run.
// Prints, per database:
//
//   ingest-with-summaries [DB]: positions/s with the marking; raw limit: positions/s without it
//
//   npm run bench:ingest-summaries [-- --seconds 3 --rounds 2 --devices 200 --window 8]
import { loadavg } from 'node:os';
import { buildApp } from '../src/app.ts';
import { createRegistry } from '../src/http/plugins/metrics.ts';
import { createIngestMetrics } from '../src/ingest/metrics.ts';
import { IngestPipeline } from '../src/ingest/pipeline.ts';
import { LiveBus } from '../src/live/bus.ts';
import { createDevice } from '../src/services/devices/index.ts';
import { type Device, findDevice } from '../src/store/devices.repository.ts';
import type { DialectKind } from '../src/store/dialect/types.ts';
import { seedFixtureOrg, testConfig } from '../test/helpers/app.ts';
import { DIALECTS, openTestStore, postgresProblem } from '../test/helpers/dialects.ts';
import { figure } from './ingest/measure.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const SECONDS = arg('seconds', 3);
const ROUNDS = arg('rounds', 2);
const DEVICES = arg('devices', 200);
/** Fixes a call, as a terminal's unacknowledged window. */
const WINDOW = arg('window', 8);
/** Calls in flight at once. */
const CONCURRENCY = 64;

/** Stores fixes through `pipeline` for `ms`, every device in turn; returns positions stored. */
async function drive(pipeline: IngestPipeline, devices: Device[], clock: { t: number }, ms: number) {
  const end = performance.now() + ms;
  let stored = 0;
  let next = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const i = next++ % devices.length;
      const device = devices[i] as Device;
      // One second apart, across the Beijing midnight now and then: the marking meets new days too.
      const start = clock.t;
      clock.t += WINDOW * 1000;
      const fixes = Array.from({ length: WINDOW }, (_, k) => ({
        time: start + (k + 1) * 1000,
        lat: 31.3 + (i % 100) * 1e-4,
        // A boat's gentle to and fro along its river, never a jump.
        lon: 120.9 + 0.001 * Math.sin((start + k * 1000) / 600_000),
        speedKmh: 6,
        course: 90,
        altitude: 0,
        valid: true,
        attributes: {},
      }));
      await pipeline.ingest(device, fixes, { protocol: 'jt808' });
      stored += fixes.length;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return stored;
}

async function section(kind: DialectKind): Promise<void> {
  const { store, dispose } = await openTestStore(kind);
  const clock = { t: Date.parse('2026-11-02T00:00:00Z') };
  const now = () => Date.parse('2027-01-01T00:00:00Z');
  const app = await buildApp(testConfig(), { store, now, logger: false });
  try {
    const org = await seedFixtureOrg(store, now);
    const devices: Device[] = [];
    for (let i = 0; i < DEVICES; i++) {
      const d = await createDevice(app.platform.ctx, {
        name: `bench-${i}`,
        protocol: 'jt808',
        identifier: String(13_700_000_000 + i),
        unitId: org.sub.id,
      });
      devices.push((await findDevice(store.db, d.id)) as Device);
    }
    const pipeline = (noteDays: boolean) =>
      new IngestPipeline({
        db: store.db,
        bus: new LiveBus(),
        now,
        metrics: createIngestMetrics(createRegistry()),
        unitPathOf: async () => null,
        batch: { maxItems: 2000, maxDelayMs: 4, maxInFlight: kind === 'sqlite' ? 2 : 1 },
        noteDays,
      });
    const on = pipeline(true);
    const off = pipeline(false);
    // Warm both up, then alternate rounds so a busy moment on this shared machine hits both.
    await drive(on, devices, clock, 500);
    await drive(off, devices, clock, 500);
    const total = { on: 0, off: 0 };
    for (let r = 0; r < ROUNDS; r++) {
      for (const mode of r % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
        total[mode] += await drive(mode === 'on' ? on : off, devices, clock, SECONDS * 1000);
      }
    }
    const seconds = ROUNDS * SECONDS;
    const withMarks = total.on / seconds;
    const without = total.off / seconds;
    console.log(
      `# ${kind}: ${DEVICES} devices, ${WINDOW} fixes a call, ${CONCURRENCY} calls in flight, ${ROUNDS} × ${SECONDS} s each way; ` +
        // The machine is shared: the load says how far to trust a ratio this close to 1.
        `load average ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}`,
    );
    console.log(
      figure(`ingest-with-summaries [${kind}]`, withMarks, without, 'positions/s', withMarks / without),
    );
  } finally {
    await app.close();
    await dispose();
  }
}

async function main(): Promise<void> {
  for (const kind of DIALECTS) {
    if (kind === 'postgres') {
      const problem = await postgresProblem();
      if (problem) {
        console.log(`# postgres skipped: ${problem}`);
        continue;
      }
    }
    await section(kind);
  }
}

main().catch((error: Error) => {
  console.error(`bench:ingest-summaries failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
