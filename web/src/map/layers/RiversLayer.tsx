import { useEffect } from 'react';
import type { Segment } from '../../api/types.ts';
import { useMapHandle } from '../context.ts';
import { segmentFeatures } from '../features.ts';
import { MAP_COLORS } from '../theme.ts';
import { mountLayers, setSourceData } from './manage.ts';
import { LABEL_PAINT } from './text.ts';

/** Line width by zoom; the casing is drawn 3 px wider underneath. */
function widthBy(extra: number) {
  return ['interpolate', ['linear'], ['zoom'], 11, 2.5 + extra, 14, 6 + extra, 17, 14 + extra];
}

/** River segments (责任河段) as blue lines with their names along them. */
export function RiversLayer({ segments }: { segments: readonly Segment[] }) {
  const { map, crs } = useMapHandle();

  useEffect(
    () =>
      mountLayers(
        map,
        'rivers',
        ['rivers'],
        [
          {
            id: 'rivers-casing',
            type: 'line',
            source: 'rivers',
            layout: { 'line-cap': 'round', 'line-join': 'round' },
            paint: { 'line-color': MAP_COLORS.riverCasing, 'line-width': widthBy(3) as never },
          },
          {
            id: 'rivers-line',
            type: 'line',
            source: 'rivers',
            layout: { 'line-cap': 'round', 'line-join': 'round' },
            paint: { 'line-color': MAP_COLORS.river, 'line-width': widthBy(0) as never },
          },
          {
            id: 'rivers-label',
            type: 'symbol',
            source: 'rivers',
            layout: {
              'symbol-placement': 'line',
              'text-field': ['get', 'name'],
              'text-size': 12,
              'text-font': ['sans-serif'],
            },
            paint: { ...LABEL_PAINT, 'text-color': '#bfe6ff' },
          },
        ],
      ),
    [map],
  );

  useEffect(() => {
    setSourceData(map, 'rivers', segmentFeatures(segments, crs));
  }, [map, crs, segments]);

  return null;
}
