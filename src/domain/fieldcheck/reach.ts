import { localProjection, projectX, projectY } from '../fleet/planar.ts';
import { cleanTrack, type LatLon, type TrackFix } from '../fleet/track.ts';

/** The default radius of the field check: a boat within 30 m of the order's point was there. */
export const DEFAULT_FIELD_CHECK_RADIUS_M = 30;

/**
 * Two fixes further apart than this are not joined by a straight line: a boat silent for longer
 * may have gone anywhere, and a line across the gap could pass the point without the boat having
 * been there. A boat reports every 5–30 s; ten minutes covers a short loss of signal.
 */
export const MAX_JOIN_GAP_MS = 10 * 60_000;

/** Whether and how closely one asset's track came to a point within a window. */
export interface TrackReach {
  reached: boolean;
  /** The closest the track came, in metres (to 0.1 m); null without a usable fix in the window. */
  closestM: number | null;
  /** When it was closest (epoch ms). */
  closestAt: number | null;
  /** When it first came within the radius; null when it never did. */
  firstWithinAt: number | null;
  /** The first and last usable fix read in the window. */
  trackFrom: number | null;
  trackTo: number | null;
}

/** Where on a segment (0…1) the point is closest, and the squared distance there; all in projected metres. */
function closestOnSegment(ax: number, ay: number, bx: number, by: number): { t: number; dSq: number } {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  // The target is the projection's origin (0, 0).
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, (-ax * dx - ay * dy) / lengthSq));
  const ex = ax + t * dx;
  const ey = ay + t * dy;
  return { t, dSq: ex * ex + ey * ey };
}

/** The first t in [0, 1] where the segment A→B enters the circle of radius r around the origin, if it does. */
function entryOnSegment(ax: number, ay: number, bx: number, by: number, r: number): number | null {
  const dx = bx - ax;
  const dy = by - ay;
  const a = dx * dx + dy * dy;
  const b = 2 * (ax * dx + ay * dy);
  const c = ax * ax + ay * ay - r * r;
  if (c <= 0) return 0;
  if (a === 0) return null;
  const disc = b * b - 4 * a * c;
  if (disc < 0) return null;
  const t = (-b - Math.sqrt(disc)) / (2 * a);
  return t >= 0 && t <= 1 ? t : null;
}

const round1 = (m: number) => Math.round(m * 10) / 10;

/**
 * Did a track come within `radiusM` of a point between `from` and `to` (both inclusive)? The
 * distance is the least of the distances to every usable fix AND to the closest point of every
 * straight segment between consecutive fixes (not further apart than MAX_JOIN_GAP_MS): a boat
 * reporting every 30 s at 10 km/h moves 80 m between fixes, so fixes alone would miss a pass
 * through a 30 m circle. Times on a segment are interpolated. Distances on a local plane around
 * the point (src/domain/fleet/planar.ts), exact to well under a metre at these ranges.
 */
export function trackReach(
  target: LatLon,
  fixes: readonly TrackFix[],
  from: number,
  to: number,
  radiusM: number,
  maxJoinGapMs = MAX_JOIN_GAP_MS,
): TrackReach {
  const track = cleanTrack(fixes).filter((f) => f.time >= from && f.time <= to);
  const first = track[0];
  const last = track.at(-1);
  if (!first || !last)
    return {
      reached: false,
      closestM: null,
      closestAt: null,
      firstWithinAt: null,
      trackFrom: null,
      trackTo: null,
    };
  const p = localProjection(target.lat, target.lon);
  const xy = track.map((f) => ({ time: f.time, x: projectX(p, f.lon), y: projectY(p, f.lat) }));
  let bestSq = Number.POSITIVE_INFINITY;
  let bestAt = first.time;
  let firstWithinAt: number | null = null;
  for (const [i, a] of xy.entries()) {
    const dSq = a.x * a.x + a.y * a.y;
    if (dSq < bestSq) {
      bestSq = dSq;
      bestAt = a.time;
    }
    if (firstWithinAt === null && dSq <= radiusM * radiusM) firstWithinAt = a.time;
    const b = xy[i + 1];
    if (!b || b.time - a.time > maxJoinGapMs) continue;
    const near = closestOnSegment(a.x, a.y, b.x, b.y);
    if (near.dSq < bestSq) {
      bestSq = near.dSq;
      bestAt = Math.round(a.time + near.t * (b.time - a.time));
    }
    if (firstWithinAt === null) {
      const entry = entryOnSegment(a.x, a.y, b.x, b.y, radiusM);
      if (entry !== null) firstWithinAt = Math.round(a.time + entry * (b.time - a.time));
    }
  }
  const closestM = Math.sqrt(bestSq);
  return {
    reached: firstWithinAt !== null,
    closestM: round1(closestM),
    closestAt: bestAt,
    firstWithinAt,
    trackFrom: first.time,
    trackTo: last.time,
  };
}
