import 'maplibre-gl/dist/maplibre-gl.css';
import './worker.ts';
import { Map as MapLibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { Basemap } from './basemap.ts';
import { MapContext, type MapHandle } from './context.ts';
import { buildStyle } from './style.ts';

/** Where the map opens before the units arrive and it fits to them: Suzhou. */
const INITIAL_CENTER: [number, number] = [120.8, 31.3];

/**
 * A MapLibre map filling its container. Its children are layer components: they render nothing
 * and talk to the map through MapContext once its style has loaded.
 */
export function MapView({ basemap, children }: { basemap: Basemap | null; children: ReactNode }) {
  const container = useRef<HTMLDivElement>(null);
  const [handle, setHandle] = useState<MapHandle | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const map = new MapLibreMap({
      container: container.current,
      style: buildStyle(basemap),
      center: INITIAL_CENTER,
      zoom: 12,
      attributionControl: basemap?.attribution ? { compact: true } : false,
      // Chinese and Latin label glyphs are drawn from local fonts: nothing is downloaded.
      localIdeographFontFamily:
        '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", sans-serif',
    });
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
    map.on('load', () => setHandle({ map, crs: basemap?.crs ?? 'WGS84' }));
    return () => {
      setHandle(null);
      map.remove();
    };
  }, [basemap]);

  return (
    <div ref={container} className="map-canvas" data-testid="map">
      {handle && <MapContext.Provider value={handle}>{children}</MapContext.Provider>}
    </div>
  );
}
