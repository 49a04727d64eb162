import { useEffect } from 'react';
import type { Position } from '../../api/types.ts';
import { useMapHandle } from '../context.ts';
import { trackFeatures } from '../features.ts';
import { MAP_COLORS } from '../theme.ts';
import { mountLayers, setSourceData } from './manage.ts';

/** The selected boat's track: a line with its first fix hollow and its last fix filled. */
export function TrackLayer({ fixes }: { fixes: readonly Position[] }) {
  const { map, crs } = useMapHandle();

  useEffect(
    () =>
      mountLayers(
        map,
        'track',
        ['track-line', 'track-ends'],
        [
          {
            id: 'track-line',
            type: 'line',
            source: 'track-line',
            layout: { 'line-cap': 'round', 'line-join': 'round' },
            paint: { 'line-color': MAP_COLORS.track, 'line-width': 3, 'line-opacity': 0.9 },
          },
          {
            id: 'track-ends',
            type: 'circle',
            source: 'track-ends',
            paint: {
              'circle-radius': 5,
              'circle-color': ['match', ['get', 'part'], 'start', MAP_COLORS.background, MAP_COLORS.track],
              'circle-stroke-color': MAP_COLORS.track,
              'circle-stroke-width': 2,
            },
          },
        ],
      ),
    [map],
  );

  useEffect(() => {
    const { line, ends } = trackFeatures(fixes, crs);
    setSourceData(map, 'track-line', line);
    setSourceData(map, 'track-ends', ends);
  }, [map, crs, fixes]);

  return null;
}
