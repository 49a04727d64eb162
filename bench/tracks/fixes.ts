// The generated fleet's fixes: BOATS boats, a fix every 5 s around the clock for DAYS days from
// 2026-11-01 (Beijing), each boat on its own river segment. Moored at the segment's west end
// (with ±5 m of GPS jitter) until 06:30, sweeping the segment to and fro at ~6 km/h until 11:30,
// moored 11:30–12:30, sweeping again until 17:30, moored for the night. Coordinates in JT/T 808's
// 1e-6 degrees, speed in its 0.1 km/h, course in whole degrees: what the gateway stores.

/** Seconds between fixes. */
export const STEP_S = 5;
/** Fixes a boat-day. */
export const FIXES_A_DAY = 86_400 / STEP_S;
/** The first generated day (Beijing). */
export const FIRST_DAY = '2026-11-01';
/** Segments: SEGMENT_M long, due east, 0.01° of latitude apart; boat b on segment b % SEGMENTS. */
export const SEGMENTS = 10;
const WEST_LON = 120.9;
const SOUTH_LAT = 31.3;
const SEGMENT_DEG = 0.02;

/** The segment's line, [lon, lat] pairs (GeoJSON order). */
export function segmentLine(s: number): [number, number][] {
  const lat = SOUTH_LAT + s * 0.01;
  return [
    [WEST_LON, lat],
    [WEST_LON + SEGMENT_DEG, lat],
  ];
}

/** UTC ms of local (Beijing) midnight starting generated day `d` (0-based). */
export function dayStart(d: number): number {
  return Date.parse(`${FIRST_DAY}T00:00:00+08:00`) + d * 86_400_000;
}

/** The local date of generated day `d`. */
export function dayDate(d: number): string {
  return new Date(dayStart(d) + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A deterministic hash in [0, 1) of three integers (the jitter). */
function noise(a: number, b: number, c: number): number {
  let h =
    Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35) ^ Math.imul(c, 0x27d4eb2f);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return (h >>> 0) / 4_294_967_296;
}

const q6 = (deg: number) => Math.round(deg * 1e6) / 1e6;
/** Seconds of a sweep from one end of the segment to the other (~1.9 km at ~6 km/h). */
const SWEEP_S = 1150;

/** One fix as the positions table stores it (valid 1, flags 0, altitude 0, no attributes). */
export interface GeneratedFix {
  time: number;
  lat: number;
  lon: number;
  speed: number;
  course: number;
}

/** Boat b's i-th fix of generated day d, written into `out` (no allocation a fix). */
export function fixOf(b: number, d: number, i: number, out: GeneratedFix): GeneratedFix {
  const s = i * STEP_S;
  const lat0 = SOUTH_LAT + (b % SEGMENTS) * 0.01 + (b / SEGMENTS) * 2e-5;
  const working = (s >= 23_400 && s < 41_400) || (s >= 45_000 && s < 63_000);
  out.time = dayStart(d) + s * 1000;
  if (working) {
    const t = s - (s < 41_400 ? 23_400 : 45_000) + b * 37;
    const leg = Math.floor(t / SWEEP_S);
    const along = (t % SWEEP_S) / SWEEP_S;
    const x = leg % 2 === 0 ? along : 1 - along;
    out.lat = q6(lat0 + (noise(b, d, i) - 0.5) * 4e-5);
    out.lon = q6(WEST_LON + x * SEGMENT_DEG);
    out.speed = Math.round(55 + noise(i, b, d) * 12) / 10;
    out.course = leg % 2 === 0 ? 90 : 270;
  } else {
    out.lat = q6(lat0 + (noise(b, d, i) - 0.5) * 9e-5);
    out.lon = q6(WEST_LON + (noise(d, i, b) - 0.5) * 1e-4);
    out.speed = Math.round(noise(i, d, b) * 4) / 10;
    out.course = Math.floor(noise(b, i, d) * 360);
  }
  return out;
}
