import gcoord from 'gcoord';
import type { Geometry, Position } from 'geojson';

/**
 * The coordinate system a basemap is drawn in. Our data is WGS-84; Chinese tile services (Amap,
 * Tencent) draw GCJ-02, so overlays on them must be shifted the same way or they sit 300–600 m off.
 */
export type MapCrs = 'WGS84' | 'GCJ02';

/**
 * A WGS-84 geometry (as the API sends it) in the basemap's coordinate system. The one place
 * coordinates are converted for display; the input is never mutated (gcoord converts in place).
 */
export function toDisplay<T extends Geometry>(geometry: T, crs: MapCrs): T {
  if (crs === 'WGS84') return geometry;
  // gcoord declares its own copy of the GeoJSON types; the shapes are the same.
  return gcoord.transform(structuredClone(geometry) as never, gcoord.WGS84, gcoord.GCJ02) as T;
}

/** A WGS-84 lon/lat in the basemap's coordinate system. */
export function toDisplayPosition(lon: number, lat: number, crs: MapCrs): Position {
  return toDisplay({ type: 'Point', coordinates: [lon, lat] }, crs).coordinates;
}

/** A lon/lat clicked on the basemap, back in WGS-84 (what the API stores). */
export function fromDisplayPosition(lon: number, lat: number, crs: MapCrs): Position {
  if (crs === 'WGS84') return [lon, lat];
  const point = gcoord.transform(
    { type: 'Point', coordinates: [lon, lat] } as never,
    gcoord.GCJ02,
    gcoord.WGS84,
  );
  return (point as unknown as { coordinates: Position }).coordinates;
}
