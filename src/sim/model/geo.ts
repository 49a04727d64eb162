// Plane geometry along a river centre line. Demo segments are a few kilometres long, so linear
// interpolation between vertices in degrees is well under a metre from the geodesic.

import type { Position } from '../../domain/org/polygon.ts';
import { haversineMeters } from '../../domain/positions/filters.ts';

/** A LineString prepared for travel: vertices with the distance from the start to each. */
export interface Route {
  points: readonly Position[];
  /** Metres from the first vertex to vertex i; the last entry is the route's length. */
  cumulative: readonly number[];
  length: number;
}

/** A point on a route with the direction of travel, degrees clockwise from north. */
export interface RoutePoint {
  lat: number;
  lon: number;
  bearing: number;
}

/** Prepares a [lon, lat] line; throws on fewer than two vertices, since a boat needs somewhere to go. */
export function prepareRoute(coordinates: readonly Position[]): Route {
  if (coordinates.length < 2) throw new RangeError('a route needs at least two vertices');
  const cumulative = [0];
  for (let i = 1; i < coordinates.length; i++) {
    const [lon0, lat0] = coordinates[i - 1] as Position;
    const [lon1, lat1] = coordinates[i] as Position;
    cumulative.push((cumulative[i - 1] ?? 0) + haversineMeters(lat0, lon0, lat1, lon1));
  }
  return { points: coordinates, cumulative, length: cumulative.at(-1) ?? 0 };
}

/** Initial great-circle bearing from one point to another, 0–360. */
export function bearingDegrees(lat0: number, lon0: number, lat1: number, lon1: number): number {
  const rad = Math.PI / 180;
  const y = Math.sin((lon1 - lon0) * rad) * Math.cos(lat1 * rad);
  const x =
    Math.cos(lat0 * rad) * Math.sin(lat1 * rad) -
    Math.sin(lat0 * rad) * Math.cos(lat1 * rad) * Math.cos((lon1 - lon0) * rad);
  return (((Math.atan2(y, x) / rad) % 360) + 360) % 360;
}

/**
 * The point `distance` metres along the route (clamped to its ends), heading towards the end
 * when `forward`, towards the start otherwise.
 */
export function pointAlong(route: Route, distance: number, forward = true): RoutePoint {
  const d = Math.min(Math.max(distance, 0), route.length);
  let i = 1;
  while (i < route.cumulative.length - 1 && (route.cumulative[i] ?? 0) < d) i++;
  const from = route.cumulative[i - 1] ?? 0;
  const span = (route.cumulative[i] ?? from) - from;
  const f = span > 0 ? (d - from) / span : 0;
  const [lon0, lat0] = route.points[i - 1] as Position;
  const [lon1, lat1] = route.points[i] as Position;
  const ahead = bearingDegrees(lat0, lon0, lat1, lon1);
  return {
    lat: lat0 + (lat1 - lat0) * f,
    lon: lon0 + (lon1 - lon0) * f,
    bearing: forward ? ahead : (ahead + 180) % 360,
  };
}

/** Moves a point by metres north and east (small offsets: GPS jitter, lateral position in the river). */
export function offsetMetres(
  lat: number,
  lon: number,
  north: number,
  east: number,
): { lat: number; lon: number } {
  const metresPerDegLat = 111_320;
  const metresPerDegLon = 111_320 * Math.cos((lat * Math.PI) / 180);
  return { lat: lat + north / metresPerDegLat, lon: lon + east / metresPerDegLon };
}
