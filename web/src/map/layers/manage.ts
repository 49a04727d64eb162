import type { GeoJSON } from 'geojson';
import type { AddLayerObject, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };

/** MapLibre's built-in point clustering of a GeoJSON source (the sources of one mountLayers call). */
export interface ClusterOptions {
  cluster: true;
  clusterRadius?: number;
  clusterMaxZoom?: number;
  /** Sums kept per cluster, e.g. `{ red: ['+', ['case', …, 1, 0]] }`. */
  clusterProperties?: Record<string, unknown>;
}

/** Layers are stacked in this order whatever order their components mount in. */
const STACK = ['units', 'rivers', 'track', 'boats', 'orders', 'picked'];

/** The first layer of a group stacked above `group`, to insert `group`'s layers under it. */
function beforeIdFor(map: MapLibreMap, group: string): string | undefined {
  const above = STACK.slice(STACK.indexOf(group) + 1);
  return map.getStyle().layers.find((l) => above.some((g) => l.id.startsWith(`${g}-`)))?.id;
}

/**
 * Adds empty GeoJSON sources and their layers for one layer component; returns the cleanup that
 * removes them. Layer ids must start with `${group}-`.
 */
export function mountLayers(
  map: MapLibreMap,
  group: string,
  sources: string[],
  layers: AddLayerObject[],
  options: { cluster?: ClusterOptions } = {},
): () => void {
  for (const id of sources) map.addSource(id, { type: 'geojson', data: EMPTY, ...options.cluster });
  const before = beforeIdFor(map, group);
  for (const layer of layers) map.addLayer(layer, before);
  return () => {
    // The map may already be gone with its page: then its layers went with it.
    if (!map.style) return;
    for (const layer of layers) if (map.getLayer(layer.id)) map.removeLayer(layer.id);
    for (const id of sources) if (map.getSource(id)) map.removeSource(id);
  };
}

/** Pushes data into a GeoJSON source added by mountLayers. */
export function setSourceData(map: MapLibreMap, id: string, data: GeoJSON): void {
  map.getSource<GeoJSONSource>(id)?.setData(data);
}
