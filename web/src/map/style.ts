import type { StyleSpecification } from 'maplibre-gl';
import type { Basemap } from './basemap.ts';
import { MAP_COLORS } from './theme.ts';

/**
 * The base style: a plain background, plus the raster basemap when one is configured. No glyphs
 * URL on purpose: MapLibre then draws label glyphs with the browser's fonts, Chinese included, so
 * nothing is fetched from the internet.
 */
export function buildStyle(basemap: Basemap | null): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': MAP_COLORS.background } }],
  };
  if (basemap) {
    style.sources.basemap = {
      type: 'raster',
      tiles: basemap.tiles,
      tileSize: basemap.tileSize ?? 256,
      maxzoom: basemap.maxzoom ?? 18,
      ...(basemap.attribution && { attribution: basemap.attribution }),
    };
    style.layers.push({
      id: 'basemap',
      type: 'raster',
      source: 'basemap',
      paint: { 'raster-opacity': 0.85 },
    });
  }
  return style;
}
