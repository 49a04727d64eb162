import type { MapCrs } from './coords.ts';

/** An XYZ raster basemap. Absent by default: this console must work with no internet at all. */
export interface Basemap {
  /** Tile URL templates, e.g. `https://webrd01.is.autonavi.com/appmaptile?style=8&x={x}&y={y}&z={z}`. */
  tiles: string[];
  /** The tiles' coordinate system; GCJ02 makes every overlay shift from WGS-84 before display. */
  crs: MapCrs;
  attribution?: string;
  tileSize?: number;
  maxzoom?: number;
}

function parse(value: unknown): Basemap | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<Basemap>;
  const tiles = Array.isArray(v.tiles) ? v.tiles.filter((t) => typeof t === 'string' && t !== '') : [];
  if (tiles.length === 0) return null;
  return {
    tiles,
    crs: v.crs === 'GCJ02' ? 'GCJ02' : 'WGS84',
    ...(typeof v.attribution === 'string' && { attribution: v.attribution }),
    ...(typeof v.tileSize === 'number' && { tileSize: v.tileSize }),
    ...(typeof v.maxzoom === 'number' && { maxzoom: v.maxzoom }),
  };
}

/** Build time: `VITE_BASEMAP_TILES` (comma-separated), `VITE_BASEMAP_CRS`, `VITE_BASEMAP_ATTRIBUTION`. */
function fromBuild(): Basemap | null {
  const env = import.meta.env;
  return parse({
    tiles: String(env.VITE_BASEMAP_TILES ?? '')
      .split(',')
      .map((t) => t.trim()),
    crs: env.VITE_BASEMAP_CRS,
    attribution: env.VITE_BASEMAP_ATTRIBUTION,
  });
}

/**
 * The configured basemap: `basemap.json` beside index.html (run time, same fields as Basemap)
 * wins over the build-time variables; null means our own polygons on a plain background.
 */
export async function loadBasemap(): Promise<Basemap | null> {
  try {
    const response = await fetch('basemap.json', { headers: { accept: 'application/json' } });
    if (response.ok) {
      const runtime = parse(await response.json());
      if (runtime) return runtime;
    }
  } catch {
    // No run-time file (or not JSON): fall back to the build-time setting.
  }
  return fromBuild();
}
