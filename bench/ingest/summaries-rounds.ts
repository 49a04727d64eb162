// What marking day summaries costs the ingest, measured on a store: the same pipeline in this
// process storing the same kind of fixes with the marking on (as the server runs) and off, in
// alternating rounds. Used by bench:ingest-summaries (an empty database) and bench:tracks (the
// generated month).
import { createRegistry } from '../../src/http/plugins/metrics.ts';
import { createIngestMetrics } from '../../src/ingest/metrics.ts';
import { IngestPipeline } from '../../src/ingest/pipeline.ts';
import { LiveBus } from '../../src/live/bus.ts';
import type { Store } from '../../src/store/database.ts';
import type { Device } from '../../src/store/devices.repository.ts';
import type { DialectKind } from '../../src/store/dialect/types.ts';

/** Calls in flight at once. */
export const CONCURRENCY = 64;

export interface RoundsOptions {
  kind: DialectKind;
  devices: Device[];
  /** The first fix's time; each call's fixes follow one second apart. */
  clockStart: number;
  now: () => number;
  seconds: number;
  rounds: number;
  /** Fixes a call, as a terminal's unacknowledged window. */
  window: number;
}

/** Stores fixes through `pipeline` for `ms`, every device in turn; returns positions stored. */
async function drive(
  pipeline: IngestPipeline,
  o: RoundsOptions,
  clock: { t: number },
  ms: number,
): Promise<number> {
  const end = performance.now() + ms;
  let stored = 0;
  let next = 0;
  const worker = async () => {
    while (performance.now() < end) {
      const i = next++ % o.devices.length;
      const device = o.devices[i] as Device;
      // One second apart, across the Beijing midnight now and then: the marking meets new days too.
      const start = clock.t;
      clock.t += o.window * 1000;
      const fixes = Array.from({ length: o.window }, (_, k) => ({
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

/** Positions a second stored with the marking on and off, and the clock after the last fix. */
export async function ingestRounds(
  store: Store,
  o: RoundsOptions,
): Promise<{ on: number; off: number; clock: number }> {
  const clock = { t: o.clockStart };
  const pipeline = (noteDays: boolean) =>
    new IngestPipeline({
      db: store.db,
      bus: new LiveBus(),
      now: o.now,
      metrics: createIngestMetrics(createRegistry()),
      unitPathOf: async () => null,
      batch: { maxItems: 2000, maxDelayMs: 4, maxInFlight: o.kind === 'sqlite' ? 2 : 1 },
      noteDays,
    });
  const on = pipeline(true);
  const off = pipeline(false);
  // Warm both up, then alternate rounds so a busy moment on this shared machine hits both.
  await drive(on, o, clock, 500);
  await drive(off, o, clock, 500);
  const total = { on: 0, off: 0 };
  for (let r = 0; r < o.rounds; r++) {
    for (const mode of r % 2 === 0 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
      total[mode] += await drive(mode === 'on' ? on : off, o, clock, o.seconds * 1000);
    }
  }
  const seconds = o.rounds * o.seconds;
  return { on: total.on / seconds, off: total.off / seconds, clock: clock.t };
}
