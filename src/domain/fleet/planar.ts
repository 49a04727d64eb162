import type { LatLon } from './track.ts';

/** The mean Earth radius haversineMeters (positions/filters.ts) uses, so both agree on a metre. */
const METRES_PER_DEGREE = (Math.PI / 180) * 6_371_008.8;

/**
 * An equirectangular projection around a point, in metres east (x) and north (y). Over the few
 * kilometres of a river segment or a day's track its error is a few parts in ten thousand, far
 * below GPS noise, and it makes distance tests a multiplication instead of trigonometry.
 */
export interface LocalProjection {
  readonly lat0: number;
  readonly lon0: number;
  readonly kx: number;
  readonly ky: number;
}

/** A projection centred on (lat0, lon0). */
export function localProjection(lat0: number, lon0: number): LocalProjection {
  return { lat0, lon0, kx: METRES_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180), ky: METRES_PER_DEGREE };
}

/** Metres east of the projection's centre. */
export function projectX(p: LocalProjection, lon: number): number {
  return (lon - p.lon0) * p.kx;
}

/** Metres north of the projection's centre. */
export function projectY(p: LocalProjection, lat: number): number {
  return (lat - p.lat0) * p.ky;
}

/** The point x metres east and y metres north of the projection's centre. */
export function unproject(p: LocalProjection, x: number, y: number): LatLon {
  return { lat: p.lat0 + y / p.ky, lon: p.lon0 + x / p.kx };
}

/** Squared distance from point P to the segment AB, all in projected metres. */
export function distanceToSegmentSq(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSq));
  const ex = px - (ax + t * dx);
  const ey = py - (ay + t * dy);
  return ex * ex + ey * ey;
}
