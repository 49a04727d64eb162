import { useEffect, useMemo, useRef } from 'react';
import type { Unit } from '../../api/types.ts';
import { useMapHandle } from '../context.ts';
import { boundsOf, unitFeatures } from '../features.ts';
import { MAP_COLORS } from '../theme.ts';
import { mountLayers, setSourceData } from './manage.ts';
import { LABEL_PAINT } from './text.ts';

const shadeColor = [
  'match',
  ['%', ['get', 'shade'], MAP_COLORS.gridAreaFills.length],
  ...MAP_COLORS.gridAreaFills.flatMap((color, i) => [i, color]),
  MAP_COLORS.gridAreaFills[0],
];

/** Unit polygons: grid areas filled by colour, communities and grids outlined, names as labels. */
export function UnitsLayer({ units }: { units: readonly Unit[] }) {
  const { map, crs } = useMapHandle();
  const fitted = useRef(false);
  const features = useMemo(() => unitFeatures(units, crs), [units, crs]);

  useEffect(
    () =>
      mountLayers(
        map,
        'units',
        ['units', 'unit-labels'],
        [
          {
            id: 'units-area-fill',
            type: 'fill',
            source: 'units',
            filter: ['==', ['get', 'kind'], 'gridArea'],
            paint: { 'fill-color': shadeColor as never, 'fill-opacity': 0.28 },
          },
          {
            id: 'units-grid-fill',
            type: 'fill',
            source: 'units',
            filter: ['==', ['get', 'kind'], 'grid'],
            paint: { 'fill-color': shadeColor as never, 'fill-opacity': 0.1 },
          },
          {
            id: 'units-grid-line',
            type: 'line',
            source: 'units',
            filter: ['==', ['get', 'kind'], 'grid'],
            paint: { 'line-color': MAP_COLORS.gridLine, 'line-width': 0.6, 'line-dasharray': [2, 2] },
          },
          {
            id: 'units-community-line',
            type: 'line',
            source: 'units',
            filter: ['==', ['get', 'kind'], 'community'],
            paint: { 'line-color': MAP_COLORS.communityLine, 'line-width': 1.2, 'line-opacity': 0.8 },
          },
          {
            id: 'units-area-line',
            type: 'line',
            source: 'units',
            filter: ['in', ['get', 'kind'], ['literal', ['gridArea', 'subdistrict']]],
            paint: { 'line-color': MAP_COLORS.subdistrictLine, 'line-width': 2.2 },
          },
          {
            id: 'units-label-area',
            type: 'symbol',
            source: 'unit-labels',
            filter: ['==', ['get', 'kind'], 'gridArea'],
            maxzoom: 13.5,
            layout: { 'text-field': ['get', 'name'], 'text-size': 15, 'text-font': ['sans-serif'] },
            paint: LABEL_PAINT,
          },
          {
            id: 'units-label-community',
            type: 'symbol',
            source: 'unit-labels',
            filter: ['==', ['get', 'kind'], 'community'],
            minzoom: 13.5,
            layout: { 'text-field': ['get', 'name'], 'text-size': 13, 'text-font': ['sans-serif'] },
            paint: LABEL_PAINT,
          },
          {
            id: 'units-label-grid',
            type: 'symbol',
            source: 'unit-labels',
            filter: ['==', ['get', 'kind'], 'grid'],
            minzoom: 15,
            layout: { 'text-field': ['get', 'name'], 'text-size': 11, 'text-font': ['sans-serif'] },
            paint: { ...LABEL_PAINT, 'text-color': MAP_COLORS.communityLine },
          },
        ],
      ),
    [map],
  );

  useEffect(() => {
    setSourceData(map, 'units', features.polygons);
    setSourceData(map, 'unit-labels', features.labels);
    const box = boundsOf(features.polygons);
    if (box && !fitted.current) {
      fitted.current = true;
      map.fitBounds(box, { padding: 32, animate: false });
    }
  }, [map, features]);

  return null;
}
