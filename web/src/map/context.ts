import type { Map as MapLibreMap } from 'maplibre-gl';
import { createContext, useContext } from 'react';
import type { MapCrs } from './coords.ts';

/** The loaded map and the coordinate system its overlays must be drawn in. */
export interface MapHandle {
  map: MapLibreMap;
  crs: MapCrs;
}

export const MapContext = createContext<MapHandle | null>(null);

/** For layer components: only rendered once the map's style has loaded. */
export function useMapHandle(): MapHandle {
  const handle = useContext(MapContext);
  if (!handle) throw new Error('map layers must be rendered inside <MapView>');
  return handle;
}
