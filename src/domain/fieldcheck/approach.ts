import type { LatLon } from '../fleet/track.ts';
import { haversineMeters } from '../positions/filters.ts';

/** A fix as the approach reads it: time, place and the device's own speed (km/h) if it sent one. */
export interface ApproachFix {
  time: number;
  lat: number;
  lon: number;
  speedKmh: number | null;
}

/** How far a boat is from the order and when it may arrive (事中). */
export interface Approach {
  distanceM: number;
  /** Its recent speed (km/h); null when unknown. */
  speedKmh: number | null;
  /** Seconds to the point at that speed in a straight line; 0 once within the radius; null when stopped or unknown. */
  etaSeconds: number | null;
}

/** Below this a boat is drifting or moored: no arrival time is promised. */
export const STOPPED_BELOW_KMH = 1;
/** The span of fixes before the latest that "recent speed" averages. */
export const RECENT_SPEED_SPAN_MS = 5 * 60_000;
/** A latest fix older than this says nothing about where the boat is heading now. */
export const STALE_AFTER_MS = 10 * 60_000;

/**
 * The distance (metres, rounded) from the latest fix to the point, and an arrival estimate from
 * the recent speed: the mean of the speeds the device reported over the RECENT_SPEED_SPAN_MS
 * before its latest fix, or, when it reported none, the distance covered over that span divided
 * by its time. Null ETA when the boat is stopped or its latest fix is stale. `recent` is in time
 * order and ends with the latest fix; null when it is empty.
 */
export function approachOf(
  target: LatLon,
  recent: readonly ApproachFix[],
  now: number,
  radiusM: number,
): Approach | null {
  const latest = recent.at(-1);
  if (!latest) return null;
  const distanceM = Math.round(haversineMeters(latest.lat, latest.lon, target.lat, target.lon));
  const span = recent.filter((f) => f.time >= latest.time - RECENT_SPEED_SPAN_MS && f.time <= latest.time);
  const raw = now - latest.time > STALE_AFTER_MS ? null : recentSpeed(span);
  const speedKmh = raw === null ? null : Math.round(raw * 10) / 10;
  if (distanceM <= radiusM) return { distanceM, speedKmh, etaSeconds: 0 };
  const etaSeconds = raw === null || raw < STOPPED_BELOW_KMH ? null : Math.round(distanceM / (raw / 3.6));
  return { distanceM, speedKmh, etaSeconds };
}

function recentSpeed(span: readonly ApproachFix[]): number | null {
  const reported = span.map((f) => f.speedKmh).filter((s): s is number => s !== null && Number.isFinite(s));
  if (reported.length > 0) return reported.reduce((a, b) => a + b, 0) / reported.length;
  const a = span[0];
  const b = span.at(-1);
  if (!a || !b || b.time <= a.time) return null;
  let metres = 0;
  for (let i = 1; i < span.length; i++) {
    const p = span[i - 1] as ApproachFix;
    const q = span[i] as ApproachFix;
    metres += haversineMeters(p.lat, p.lon, q.lat, q.lon);
  }
  return (metres / ((b.time - a.time) / 1000)) * 3.6;
}
