// The demo's own fleet: the 14 seeded boats report over JT/T 808 to the server they run in, so a
// fresh `npm start` shows boats moving on the map.
import { DEMO_BOATS, DEMO_SHIFT_MINUTES } from '../demo/fleet.ts';
import { DEMO_SEGMENTS } from '../demo/segments.ts';
import { planFleet, type SegmentLine } from './model/fleet-plan.ts';
import { type Shift, shiftStartedAgo } from './model/shift.ts';
import { type Fleet, startFleet } from './terminal-roster.ts';
import type { SimLog } from './uplink.ts';

/** A fix every five seconds: one asset-day of track is the 17,280 fixes the design brief sizes for. */
const INTERVAL_MS = 5000;

/** The demo world's river segments as the movement model takes them. */
export const DEMO_SEGMENT_LINES: readonly SegmentLine[] = DEMO_SEGMENTS.map((s) => ({
  code: s.code,
  halfWidthM: s.halfWidthM,
  coordinates: s.geometry.coordinates,
}));

/** The address to reach a listener bound to `host` from the same machine. */
export function loopbackFor(host: string): string {
  return host === '0.0.0.0' || host === '::' || host === '' ? '127.0.0.1' : host;
}

/**
 * Starts the demo boats against the JT/T 808 listener at `host:port`. Each boat drives the shift
 * stored for it (`shifts`, by asset code: what the demo seeded, so a restarted demo continues the
 * day's plan); a boat without one gets a shift begun up to two hours before the start (each boat
 * a different time), so the boats are spread along their rounds, and no blind spot hides a boat
 * during its first minute.
 */
export function startDemoFleet(target: {
  host: string;
  port: number;
  log: SimLog;
  shifts?: ReadonlyMap<string, Shift>;
}): Fleet {
  const now = Date.now();
  const boats = planFleet(
    DEMO_SEGMENT_LINES,
    DEMO_BOATS.map((b) => ({ identifier: b.phone, name: b.name, segmentCode: b.segmentCode })),
    {
      shiftOf: (i) =>
        target.shifts?.get(DEMO_BOATS[i]?.code ?? '') ??
        shiftStartedAgo(now, DEMO_BOATS[i]?.shiftLeadMinutes ?? 0, DEMO_SHIFT_MINUTES),
      blindChance: 0.15,
      jitterM: 2.5,
    },
  );
  target.log.info(
    `demo fleet: ${boats.length} boats reporting over JT/T 808 to ${target.host}:${target.port}`,
  );
  return startFleet(boats, {
    protocol: 'jt808',
    host: loopbackFor(target.host),
    port: target.port,
    intervalMs: INTERVAL_MS,
    ackTimeoutMs: 10_000,
    log: target.log,
    blindGraceMs: 60_000,
  });
}
