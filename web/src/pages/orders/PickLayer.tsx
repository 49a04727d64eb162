import type { MapMouseEvent } from 'maplibre-gl';
import { useEffect } from 'react';
import { useMapHandle } from '../../map/context.ts';
import { fromDisplayPosition, toDisplayPosition } from '../../map/coords.ts';
import { mountLayers, setSourceData } from '../../map/layers/manage.ts';
import { MAP_COLORS } from '../../map/theme.ts';

export interface PickLayerProps {
  position: { lat: number; lon: number } | null;
  onPick(position: { lat: number; lon: number }): void;
}

/** The picked position as a dot; a click on the map picks a new one (in WGS-84, whatever the basemap). */
export function PickLayer({ position, onPick }: PickLayerProps) {
  const { map, crs } = useMapHandle();

  useEffect(
    () =>
      mountLayers(
        map,
        'picked',
        ['picked'],
        [
          {
            id: 'picked-point',
            type: 'circle',
            source: 'picked',
            paint: {
              'circle-radius': 7,
              'circle-color': MAP_COLORS.selected,
              'circle-stroke-color': MAP_COLORS.labelHalo,
              'circle-stroke-width': 2,
            },
          },
        ],
      ),
    [map],
  );

  useEffect(() => {
    const features = position
      ? [
          {
            type: 'Feature' as const,
            properties: {},
            geometry: {
              type: 'Point' as const,
              coordinates: toDisplayPosition(position.lon, position.lat, crs),
            },
          },
        ]
      : [];
    setSourceData(map, 'picked', { type: 'FeatureCollection', features });
  }, [map, crs, position]);

  useEffect(() => {
    const click = (e: MapMouseEvent) => {
      const [lon = 0, lat = 0] = fromDisplayPosition(e.lngLat.lng, e.lngLat.lat, crs);
      onPick({ lat, lon });
    };
    map.on('click', click);
    return () => {
      map.off('click', click);
    };
  }, [map, crs, onPick]);

  return null;
}
