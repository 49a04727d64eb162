// A boat's day on duty as a list of legs: wait at the dock, run out to the work zone, sweep it at
// working speed with short pauses to pick up rubbish, run back, unload at the dock, repeat; the
// shift ends at the dock. Drawn from deterministic noise, so one (boat, day) is always the same day.
import { between, unit } from './noise.ts';

const MINUTE = 60_000;
/** km/h → metres per millisecond. */
const KMH = 1 / 3600;

/** What a boat is doing during a leg. */
export type LegKind = 'docked' | 'transit' | 'working';

/** Movement from `from` to `to` metres along the route, between `start` and `end` ms after the shift start. */
export interface Leg {
  kind: LegKind;
  start: number;
  end: number;
  from: number;
  to: number;
  /** Heading towards the route's end; a stationary leg keeps the previous one's heading. */
  forward: boolean;
  /** Metres off the centre line, to the right of the route's direction (negative: left). */
  lateral: number;
}

/** Where a boat works: its dock and its stretch of river, in metres along the route. */
export interface Beat {
  dock: number;
  zone: readonly [number, number];
  halfWidthM: number;
}

/** Speeds the model draws from (km/h): realistic for small river-cleaning boats. */
export const SPEEDS = { transit: [11, 13], working: [3, 8] } as const;

/** The legs of one shift of `lengthMs`, for the boat with `seed` on local day `day`. */
export function planShift(beat: Beat, seed: number, day: number, lengthMs: number): Leg[] {
  let draw = day * 10_000;
  const next = (min: number, max: number) => between(seed, draw++, min, max);
  const legs: Leg[] = [];
  let t = 0;
  let at = beat.dock;
  let forward = beat.zone[0] >= beat.dock;
  const push = (kind: LegKind, to: number, durationMs: number, lateral = 0) => {
    if (to !== at) forward = to > at;
    legs.push({ kind, start: t, end: t + durationMs, from: at, to, forward, lateral });
    t += durationMs;
    at = to;
  };
  const travel = (metres: number, kmh: number) => Math.max(1000, metres / (kmh * KMH));
  const dockSide = beat.halfWidthM * 0.8;

  push('docked', at, next(5, 15) * MINUTE, dockSide);
  const [a, b] = beat.zone;
  const [near, far] = Math.abs(a - beat.dock) <= Math.abs(b - beat.dock) ? [a, b] : [b, a];
  for (;;) {
    // Plan a whole round first; if it does not fit before the shift ends, wait at the dock instead.
    const round: [LegKind, number, number, number][] = [];
    const transitKmh = [next(...SPEEDS.transit), next(...SPEEDS.transit)];
    // A zone that starts at the dock needs no run back: the last pass ends there.
    if (far !== beat.dock)
      round.push(['transit', far, travel(Math.abs(far - beat.dock), transitKmh[0] ?? 12), 0]);
    const passes = unit(seed, draw++) < 0.5 ? 1 : 3;
    for (let p = 0; p < passes; p++) {
      const target = p % 2 === 0 ? near : far;
      const from = p % 2 === 0 ? far : near;
      const lateral = next(-0.6, 0.6) * beat.halfWidthM;
      round.push(['working', target, travel(Math.abs(target - from), next(...SPEEDS.working)), lateral]);
      round.push(['working', target, next(1, 3) * MINUTE, lateral]);
    }
    if (near !== beat.dock)
      round.push(['transit', beat.dock, travel(Math.abs(near - beat.dock), transitKmh[1] ?? 12), 0]);
    round.push(['docked', beat.dock, next(10, 25) * MINUTE, dockSide]);
    const duration = round.reduce((sum, [, , ms]) => sum + ms, 0);
    if (t + duration > lengthMs) break;
    for (const [kind, to, ms, lateral] of round) push(kind, to, ms, lateral);
  }
  if (t < lengthMs) push('docked', at, lengthMs - t, dockSide);
  return legs;
}

/** The leg under way `elapsed` ms after the shift start (the last one past the end). */
export function legAt(legs: readonly Leg[], elapsed: number): Leg | undefined {
  let lo = 0;
  let hi = legs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((legs[mid]?.end ?? 0) <= elapsed) lo = mid + 1;
    else hi = mid;
  }
  return legs[lo];
}
