import type { MapLayerMouseEvent } from 'maplibre-gl';
import { useEffect, useRef } from 'react';
import { useMapHandle } from '../context.ts';
import { type BoatMarker, boatFeatures } from '../features.ts';
import { MAP_COLORS } from '../theme.ts';
import { mountLayers, setSourceData } from './manage.ts';
import { LABEL_PAINT } from './text.ts';

export interface BoatsLayerProps {
  boats: readonly BoatMarker[];
  selectedId: string | null;
  onSelect(deviceId: string): void;
}

/**
 * Boats at their latest fix, green online and grey offline, named. After each render the number
 * of boats actually drawn is written to the map container's `data-rendered-boats`, which the
 * browser test reads to know the WebGL map really shows them.
 */
export function BoatsLayer({ boats, selectedId, onSelect }: BoatsLayerProps) {
  const { map, crs } = useMapHandle();
  const select = useRef(onSelect);
  useEffect(() => {
    select.current = onSelect;
  });

  useEffect(() => {
    const unmount = mountLayers(
      map,
      'boats',
      ['boats'],
      [
        {
          id: 'boats-circle',
          type: 'circle',
          source: 'boats',
          paint: {
            'circle-radius': ['case', ['get', 'selected'], 9, ['get', 'highlighted'], 9, 6.5],
            'circle-color': [
              'match',
              ['get', 'status'],
              'online',
              MAP_COLORS.boatOnline,
              MAP_COLORS.boatOffline,
            ],
            'circle-stroke-color': [
              'case',
              ['get', 'selected'],
              MAP_COLORS.selected,
              ['get', 'highlighted'],
              MAP_COLORS.orderRed,
              '#ffffff',
            ],
            'circle-stroke-width': ['case', ['any', ['get', 'selected'], ['get', 'highlighted']], 3, 1.5],
          },
        },
        {
          id: 'boats-label',
          type: 'symbol',
          source: 'boats',
          layout: {
            'text-field': ['get', 'name'],
            'text-size': 12,
            'text-offset': [0, 1.3],
            'text-anchor': 'top',
            'text-font': ['sans-serif'],
          },
          paint: LABEL_PAINT,
        },
      ],
    );
    const onClick = (event: MapLayerMouseEvent) => {
      const id = event.features?.[0]?.properties?.deviceId;
      if (typeof id === 'string') select.current(id);
    };
    const pointer = () => {
      map.getCanvas().style.cursor = 'pointer';
    };
    const plain = () => {
      map.getCanvas().style.cursor = '';
    };
    const count = () => {
      const rendered = map.queryRenderedFeatures({ layers: ['boats-circle'] });
      map.getContainer().dataset.renderedBoats = String(
        new Set(rendered.map((f) => f.properties.deviceId)).size,
      );
    };
    map.on('click', 'boats-circle', onClick);
    map.on('mouseenter', 'boats-circle', pointer);
    map.on('mouseleave', 'boats-circle', plain);
    map.on('idle', count);
    return () => {
      map.off('click', 'boats-circle', onClick);
      map.off('mouseenter', 'boats-circle', pointer);
      map.off('mouseleave', 'boats-circle', plain);
      map.off('idle', count);
      unmount();
    };
  }, [map]);

  useEffect(() => {
    setSourceData(map, 'boats', boatFeatures(boats, selectedId, crs));
  }, [map, crs, boats, selectedId]);

  return null;
}
