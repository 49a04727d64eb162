import { isoTimeFormatter } from './iso-time.ts';
import type { ExportPoint, TrackMeta } from './meta.ts';

/**
 * GeoJSON (RFC 7946): one Feature whose geometry is a LineString of the track in time order
 * ([lon, lat]); fewer than two points make no line, and the geometry is then null. The times
 * and speeds of the vertices ride along in `properties.coordinateProperties` (the convention of
 * @tmcw/togeojson), one entry per coordinate.
 */
export function geojsonOf(meta: TrackMeta, points: readonly ExportPoint[]): Buffer {
  const iso = isoTimeFormatter();
  const coordinates = points.map((p) => [p.lon, p.lat]);
  const text = JSON.stringify({
    type: 'Feature',
    geometry: points.length >= 2 ? { type: 'LineString', coordinates } : null,
    properties: {
      assetId: meta.assetId,
      code: meta.code,
      name: meta.name,
      kind: meta.kind,
      from: iso(meta.from),
      to: iso(meta.to),
      simplifyM: meta.simplifyM,
      pointCount: points.length,
      coordinateProperties: {
        times: points.map((p) => iso(p.time)),
        speedsKmh: points.map((p) => p.speed),
      },
    },
  });
  return Buffer.from(text, 'utf8');
}
