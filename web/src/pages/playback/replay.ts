import type { TrackPoint } from '../../api/tracks.ts';

/** Speed bands of the route's colours, km/h upper bounds, slowest first (a river boat: 0–12 km/h). */
export const SPEED_BANDS = [
  { maxKmh: 1, color: '#8b95a7' },
  { maxKmh: 3, color: '#36b3ff' },
  { maxKmh: 6, color: '#3ddc84' },
  { maxKmh: 9, color: '#ffd33d' },
  { maxKmh: Number.POSITIVE_INFINITY, color: '#ff6b4a' },
] as const;

/** The colour of a speed on the route. */
export function speedColor(kmh: number): string {
  return (SPEED_BANDS.find((b) => kmh < b.maxKmh) ?? SPEED_BANDS[4]).color;
}

/** A fix the replay can place: valid, and not the 0,0 of a terminal without a satellite fix. */
export interface ReplayFix {
  t: number;
  lat: number;
  lon: number;
  speedKmh: number;
  course: number;
}

/** The usable fixes of a track, with their times as epoch ms, oldest first. */
export function replayFixes(points: readonly TrackPoint[]): ReplayFix[] {
  return points
    .filter((p) => p.valid && !(p.lat === 0 && p.lon === 0))
    .map((p) => ({ t: Date.parse(p.time), lat: p.lat, lon: p.lon, speedKmh: p.speedKmh, course: p.course }))
    .sort((a, b) => a.t - b.t);
}

/** Where the boat was at `t`: between the fixes around it, on the straight line between them. */
export function positionAt(fixes: readonly ReplayFix[], t: number): ReplayFix | null {
  const first = fixes[0];
  if (!first) return null;
  if (t <= first.t) return first;
  // Binary search for the last fix at or before t.
  let lo = 0;
  let hi = fixes.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((fixes[mid]?.t ?? 0) <= t) lo = mid;
    else hi = mid - 1;
  }
  const a = fixes[lo] ?? first;
  const b = fixes[lo + 1];
  if (!b || b.t === a.t) return a;
  const f = (t - a.t) / (b.t - a.t);
  return {
    t,
    lat: a.lat + (b.lat - a.lat) * f,
    lon: a.lon + (b.lon - a.lon) * f,
    speedKmh: a.speedKmh,
    course: a.course,
  };
}

/** The playback rates offered, real time to 300 times faster. */
export const RATES = [1, 10, 30, 60, 120, 300] as const;
