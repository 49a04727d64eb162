import { polygon as turfPolygon } from '@turf/helpers';
import kinks from '@turf/kinks';

export type Position = [number, number];
export interface PolygonGeometry {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygonGeometry {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** What is wrong with a GeoJSON position in WGS-84 ([lon, lat], numbers in range), or undefined. */
export function positionProblem(p: unknown, where: string): string | undefined {
  if (!Array.isArray(p) || p.length < 2) return `${where} must be a [lon, lat] pair`;
  const [lon, lat] = p;
  if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
    return `${where} must hold two numbers`;
  }
  if (lon < -180 || lon > 180)
    return `${where} longitude ${lon} is outside -180..180 (GeoJSON order is [lon, lat])`;
  if (lat < -90 || lat > 90)
    return `${where} latitude ${lat} is outside -90..90 (GeoJSON order is [lon, lat])`;
  return undefined;
}

function ringProblem(ring: unknown, where: string): string | undefined {
  if (!Array.isArray(ring)) return `${where} must be an array of positions`;
  if (ring.length < 4) return `${where} has ${ring.length} positions; a closed ring needs at least 4`;
  for (let i = 0; i < ring.length; i++) {
    const problem = positionProblem(ring[i], `${where}[${i}]`);
    if (problem) return problem;
  }
  const first = ring[0] as Position;
  const last = ring[ring.length - 1] as Position;
  if (first[0] !== last[0] || first[1] !== last[1]) {
    return `${where} is not closed: the first position [${first}] differs from the last [${last}]`;
  }
  return undefined;
}

function polygonProblem(rings: unknown, where: string): string | undefined {
  if (!Array.isArray(rings) || rings.length === 0) return `${where} must be a non-empty array of rings`;
  for (let i = 0; i < rings.length; i++) {
    const problem = ringProblem(rings[i], `${where}[${i}]`);
    if (problem) return problem;
  }
  const crossings = kinks(turfPolygon(rings as Position[][])).features;
  if (crossings.length > 0) {
    const at = crossings[0]?.geometry.coordinates;
    return `${where} crosses itself near [${at}]`;
  }
  return undefined;
}

/** Returns what is wrong with a GeoJSON Polygon/MultiPolygon in WGS-84, or undefined if it is valid. */
export function areaGeometryProblem(value: unknown, field = 'polygon'): string | undefined {
  if (typeof value !== 'object' || value === null)
    return `${field} must be a GeoJSON Polygon or MultiPolygon`;
  const g = value as { type?: unknown; coordinates?: unknown };
  if (g.type === 'Polygon') return polygonProblem(g.coordinates, `${field}.coordinates`);
  if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
      return `${field}.coordinates must be a non-empty array of polygons`;
    }
    for (let i = 0; i < g.coordinates.length; i++) {
      const problem = polygonProblem(g.coordinates[i], `${field}.coordinates[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  return `${field}.type must be "Polygon" or "MultiPolygon", not ${JSON.stringify(g.type)}`;
}
