import type { Feature, LineString, Point } from 'geojson';
import { useEffect } from 'react';
import { type ReplayFix, speedColor } from '../../pages/playback/replay.ts';
import { useMapHandle } from '../context.ts';
import { toDisplay } from '../coords.ts';
import { MAP_COLORS } from '../theme.ts';
import { mountLayers, setSourceData } from './manage.ts';

const collection = <T extends Feature>(features: T[]) => ({ type: 'FeatureCollection' as const, features });

/** A stop to mark on the route: where, and its label (its duration). */
export interface StopMark {
  lat: number;
  lon: number;
  label: string;
}

export interface PlaybackLayerProps {
  fixes: readonly ReplayFix[];
  stops: readonly StopMark[];
  /** The boat at the slider's time. */
  at: ReplayFix | null;
}

/** A replayed day: the route coloured by speed leg by leg, its stops with their durations, the boat. */
export function PlaybackLayer({ fixes, stops, at }: PlaybackLayerProps) {
  const { map, crs } = useMapHandle();

  useEffect(
    () =>
      mountLayers(
        map,
        'track',
        ['track-legs', 'track-stops', 'track-boat'],
        [
          {
            id: 'track-legs',
            type: 'line',
            source: 'track-legs',
            layout: { 'line-cap': 'round', 'line-join': 'round' },
            paint: { 'line-color': ['get', 'color'], 'line-width': 4 },
          },
          {
            id: 'track-stops',
            type: 'circle',
            source: 'track-stops',
            paint: {
              'circle-radius': 7,
              'circle-color': MAP_COLORS.background,
              'circle-stroke-color': '#ff9f43',
              'circle-stroke-width': 3,
            },
          },
          {
            id: 'track-stop-labels',
            type: 'symbol',
            source: 'track-stops',
            layout: {
              'text-field': ['get', 'label'],
              'text-size': 13,
              'text-offset': [0, 1.3],
              'text-anchor': 'top',
            },
            paint: {
              'text-color': MAP_COLORS.label,
              'text-halo-color': MAP_COLORS.labelHalo,
              'text-halo-width': 1.5,
            },
          },
          {
            id: 'track-boat',
            type: 'circle',
            source: 'track-boat',
            paint: {
              'circle-radius': 9,
              'circle-color': MAP_COLORS.selected,
              'circle-stroke-color': MAP_COLORS.background,
              'circle-stroke-width': 3,
            },
          },
        ],
      ),
    [map],
  );

  useEffect(() => {
    const legs: Feature<LineString, { color: string }>[] = [];
    for (let i = 1; i < fixes.length; i++) {
      const a = fixes[i - 1];
      const b = fixes[i];
      if (!a || !b) continue;
      const geometry = toDisplay<LineString>(
        {
          type: 'LineString',
          coordinates: [
            [a.lon, a.lat],
            [b.lon, b.lat],
          ],
        },
        crs,
      );
      legs.push({ type: 'Feature', geometry, properties: { color: speedColor(b.speedKmh) } });
    }
    setSourceData(map, 'track-legs', collection(legs));
  }, [map, crs, fixes]);

  useEffect(() => {
    const points = stops.map<Feature<Point, { label: string }>>((s) => ({
      type: 'Feature',
      geometry: toDisplay<Point>({ type: 'Point', coordinates: [s.lon, s.lat] }, crs),
      properties: { label: s.label },
    }));
    setSourceData(map, 'track-stops', collection(points));
  }, [map, crs, stops]);

  useEffect(() => {
    const boat: Feature<Point>[] = at
      ? [
          {
            type: 'Feature',
            geometry: toDisplay<Point>({ type: 'Point', coordinates: [at.lon, at.lat] }, crs),
            properties: {},
          },
        ]
      : [];
    setSourceData(map, 'track-boat', collection(boat));
  }, [map, crs, at]);

  return null;
}
