// The movement model of one boat: a pure function from time to a GPS fix (or "off duty").
import { offsetMetres, pointAlong, type Route } from './geo.ts';
import { type Beat, type Leg, type LegKind, legAt, planShift } from './itinerary.ts';
import { between, gaussian, unit } from './noise.ts';
import { type Shift, shiftWindowAt } from './shift.ts';

/** Everything that decides where a boat is at any moment. */
export interface BoatPlan extends Beat {
  /** Distinguishes boats: their noise, their days. */
  seed: number;
  route: Route;
  shift: Shift;
  /** Chance per half hour of a blind spot (no network for 2–5 minutes). */
  blindChance: number;
  /** Standard deviation of GPS noise, metres per axis. */
  jitterM: number;
}

/** What the terminal's GNSS module reports at one instant. */
export interface BoatFix {
  state: LegKind;
  lat: number;
  lon: number;
  speedKmh: number;
  /** Degrees clockwise from north, 0–359. */
  course: number;
  satellites: number;
}

const HALF_HOUR = 30 * 60_000;

function clamp(x: number, limit: number): number {
  return Math.min(limit, Math.max(-limit, x));
}

/** Caches shift plans by (boat seed, day): a pure memo, since `planShift` is deterministic. */
const plans = new Map<string, Leg[]>();

function legsFor(plan: BoatPlan, day: number, lengthMs: number): Leg[] {
  const key = `${plan.seed}:${day}:${lengthMs}:${plan.dock}:${plan.zone.join(',')}`;
  let legs = plans.get(key);
  if (!legs) {
    if (plans.size > 10_000) plans.clear();
    legs = planShift(plan, plan.seed, day, lengthMs);
    plans.set(key, legs);
  }
  return legs;
}

/** The boat's fix at `t` (UTC epoch ms), or undefined when it is off duty (terminal switched off). */
export function sampleBoat(plan: BoatPlan, t: number): BoatFix | undefined {
  const window = shiftWindowAt(plan.shift, t);
  if (!window) return undefined;
  const legs = legsFor(plan, window.day, window.end - window.start);
  const elapsed = t - window.start;
  const leg = legAt(legs, elapsed);
  if (!leg) return undefined;
  const span = leg.end - leg.start;
  const f = span > 0 ? Math.min(1, Math.max(0, (elapsed - leg.start) / span)) : 1;
  const along = pointAlong(plan.route, leg.from + (leg.to - leg.from) * f, leg.forward);
  // Lateral position: to the right of the direction of travel, across the river.
  const side = ((along.bearing + 90) * Math.PI) / 180;
  const second = Math.floor(t / 1000);
  const north = leg.lateral * Math.cos(side) + gaussian(plan.seed, second * 2) * plan.jitterM;
  const east = leg.lateral * Math.sin(side) + gaussian(plan.seed, second * 2 + 1) * plan.jitterM;
  const point = offsetMetres(along.lat, along.lon, north, east);
  const moving = leg.to !== leg.from;
  const kmh = moving && span > 0 ? (Math.abs(leg.to - leg.from) / span) * 3600 : 0;
  const speedKmh = moving
    ? Math.max(0, kmh * (1 + 0.03 * clamp(gaussian(plan.seed ^ 0x5eed, second), 2)))
    : 0;
  const course =
    Math.round(along.bearing + (moving ? 3 * gaussian(plan.seed ^ 0xc0, second) : 0) + 360) % 360;
  return {
    state: leg.kind,
    lat: point.lat,
    lon: point.lon,
    speedKmh: Math.round(speedKmh * 10) / 10,
    course,
    satellites: 7 + Math.floor(unit(plan.seed ^ 0x5a7, Math.floor(t / 60_000)) * 8),
  };
}

/** Whether the boat is in a blind spot at `t`: no network, fixes are kept for a later 0x0704 batch. */
export function inBlindSpot(plan: BoatPlan, t: number): boolean {
  const bucket = Math.floor(t / HALF_HOUR);
  if (unit(plan.seed ^ 0xb11d, bucket * 3) >= plan.blindChance) return false;
  const start = bucket * HALF_HOUR + between(plan.seed ^ 0xb11d, bucket * 3 + 1, 0, 25) * 60_000;
  const length = between(plan.seed ^ 0xb11d, bucket * 3 + 2, 2, 5) * 60_000;
  return t >= start && t < start + length;
}
