import { haversineMeters } from '../positions/filters.ts';
import type { LatLon } from './track.ts';

/** A mooring point (码头/停靠点) and how far from it a stop still counts as at it. */
export interface Dock {
  id: string;
  lat: number;
  lon: number;
  radiusM: number;
}

/** The id of the nearest dock whose radius holds the point (a stop's position), if any. */
export function dockIdAt(point: LatLon, docks: readonly Dock[]): string | undefined {
  let best: { id: string; metres: number } | undefined;
  for (const dock of docks) {
    const metres = haversineMeters(point.lat, point.lon, dock.lat, dock.lon);
    if (metres <= dock.radiusM && (!best || metres < best.metres)) best = { id: dock.id, metres };
  }
  return best?.id;
}
