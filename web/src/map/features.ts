import type {
  Feature,
  FeatureCollection,
  LineString,
  MultiLineString,
  MultiPolygon,
  Point,
  Polygon,
  Position,
} from 'geojson';
import type { DeviceStatus, Position as Fix, Segment, Unit } from '../api/types.ts';
import { type MapCrs, toDisplay } from './coords.ts';

/** Units drawn on the map: grid areas filled, communities and grids outlined, the subdistrict's border. */
const DRAWN_KINDS = new Set(['subdistrict', 'gridArea', 'community', 'grid']);

function collection<G extends Point | LineString | MultiLineString | Polygon | MultiPolygon, P>(
  features: Feature<G, P>[],
): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features };
}

/** Area-weighted centroid of a ring ([lon, lat]); good enough to hang a label on. */
function ringCentroid(ring: Position[]): Position {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0 = 0, y0 = 0] = ring[i] ?? [];
    const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  if (area === 0) return ring[0] ?? [0, 0];
  return [cx / (3 * area), cy / (3 * area)];
}

function outerRing(polygon: Polygon | MultiPolygon): Position[] {
  return (polygon.type === 'Polygon' ? polygon.coordinates[0] : polygon.coordinates[0]?.[0]) ?? [];
}

export interface UnitProps {
  id: string;
  kind: string;
  name: string;
  /** Index into the grid-area palette (the grid area a unit belongs to, in list order). */
  shade: number;
}

/** Unit polygons (in display coordinates) and one label point per grid area and community. */
export function unitFeatures(units: readonly Unit[], crs: MapCrs) {
  const byId = new Map(units.map((u) => [u.id, u]));
  const areaIndex = new Map(units.filter((u) => u.kind === 'gridArea').map((u, i) => [u.id, i]));
  const shadeOf = (unit: Unit): number => {
    for (let u: Unit | undefined = unit; u; u = u.parentId ? byId.get(u.parentId) : undefined) {
      const index = areaIndex.get(u.id);
      if (index !== undefined) return index;
    }
    return 0;
  };
  const polygons: Feature<Polygon | MultiPolygon, UnitProps>[] = [];
  const labels: Feature<Point, UnitProps>[] = [];
  for (const unit of units) {
    if (!unit.polygon || !DRAWN_KINDS.has(unit.kind)) continue;
    const properties = { id: unit.id, kind: unit.kind, name: unit.name, shade: shadeOf(unit) };
    const geometry = toDisplay(unit.polygon, crs);
    polygons.push({ type: 'Feature', id: unit.id, geometry, properties });
    if (unit.kind === 'gridArea' || unit.kind === 'community' || unit.kind === 'grid') {
      const point: Point = { type: 'Point', coordinates: ringCentroid(outerRing(geometry)) };
      labels.push({ type: 'Feature', geometry: point, properties });
    }
  }
  return { polygons: collection(polygons), labels: collection(labels) };
}

/** River segments as lines (a LineString or, for a segment of several reaches, a MultiLineString) in display coordinates. */
export function segmentFeatures(segments: readonly Segment[], crs: MapCrs) {
  return collection(
    segments.map((s) => ({
      type: 'Feature' as const,
      id: s.id,
      geometry: toDisplay(s.geometry, crs),
      properties: { id: s.id, name: s.name, code: s.code },
    })),
  );
}

/** What the boats layer needs of a device. */
export interface BoatMarker {
  deviceId: string;
  name: string;
  status: DeviceStatus;
  lat: number;
  lon: number;
  course: number;
  /** Sent to the work order the map was opened for (事中): drawn ringed. */
  highlighted?: boolean;
}

/** Boats at their latest fix; the selected one is flagged so the layer can highlight it. */
export function boatFeatures(boats: readonly BoatMarker[], selectedId: string | null, crs: MapCrs) {
  return collection(
    boats.map((b) => ({
      type: 'Feature' as const,
      geometry: toDisplay({ type: 'Point', coordinates: [b.lon, b.lat] } as Point, crs),
      properties: {
        deviceId: b.deviceId,
        name: b.name,
        status: b.status,
        course: b.course,
        selected: b.deviceId === selectedId,
        highlighted: b.highlighted === true,
      },
    })),
  );
}

/** A day's track as one line plus its first and last fix. */
export function trackFeatures(fixes: readonly Fix[], crs: MapCrs) {
  const coordinates = fixes.map((p) => [p.lon, p.lat]);
  const line: Feature<LineString, { part: string }>[] =
    coordinates.length >= 2
      ? [
          {
            type: 'Feature',
            geometry: toDisplay({ type: 'LineString', coordinates }, crs),
            properties: { part: 'line' },
          },
        ]
      : [];
  const ends: Feature<Point, { part: string }>[] = [];
  const first = fixes[0];
  const last = fixes.at(-1);
  for (const [part, fix] of [
    ['start', first],
    ['end', last],
  ] as const) {
    if (!fix) continue;
    const geometry = toDisplay({ type: 'Point', coordinates: [fix.lon, fix.lat] } as Point, crs);
    ends.push({ type: 'Feature', geometry, properties: { part } });
  }
  return { line: collection(line), ends: collection(ends) };
}

/** The [west, south, east, north] box around polygons, or null when there are none. */
export function boundsOf(
  collectionOf: FeatureCollection<Polygon | MultiPolygon>,
): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null;
  for (const feature of collectionOf.features) {
    const rings =
      feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const polygon of rings) {
      for (const [lon = 0, lat = 0] of polygon[0] ?? []) {
        box = box
          ? [Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)]
          : [lon, lat, lon, lat];
      }
    }
  }
  return box;
}
