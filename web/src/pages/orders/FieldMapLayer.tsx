import type { Feature, FeatureCollection } from 'geojson';
import { useEffect } from 'react';
import { useMapHandle } from '../../map/context.ts';
import { toDisplayPosition } from '../../map/coords.ts';
import { mountLayers, setSourceData } from '../../map/layers/manage.ts';
import { MAP_COLORS } from '../../map/theme.ts';

/** A boat's track in the field check's window, [lon, lat] in WGS-84. */
export interface FieldTrack {
  id: string;
  coordinates: readonly (readonly number[])[];
  reached: boolean;
}

/** A boat where it is now, highlighted. */
export interface FieldBoat {
  id: string;
  lat: number;
  lon: number;
}

export interface FieldMapLayerProps {
  point: { lat: number; lon: number };
  /** The field check's circle around the point, in metres; null draws none. */
  radiusM: number | null;
  tracks?: readonly FieldTrack[];
  boats?: readonly FieldBoat[];
}

const METRES_PER_DEGREE = (Math.PI / 180) * 6_371_008.8;

/** The circle as a 64-sided ring around the point (WGS-84), for the map. */
function circleRing(lat: number, lon: number, radiusM: number): [number, number][] {
  const kx = METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180);
  return Array.from({ length: 65 }, (_, i) => {
    const a = (i / 64) * 2 * Math.PI;
    return [lon + (radiusM * Math.cos(a)) / kx, lat + (radiusM * Math.sin(a)) / METRES_PER_DEGREE];
  });
}

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

/**
 * The order's point with the field check's circle, the boats' tracks in the window (green where
 * the boat reached the circle) and the boats sent, highlighted where they are now. Renders nothing.
 */
export function FieldMapLayer({ point, radiusM, tracks = [], boats = [] }: FieldMapLayerProps) {
  const { map, crs } = useMapHandle();

  useEffect(
    () =>
      mountLayers(
        map,
        'orders',
        ['orders-field-circle', 'orders-field-tracks', 'orders-field-boats', 'orders-field-point'],
        [
          {
            id: 'orders-field-circle-fill',
            type: 'fill',
            source: 'orders-field-circle',
            paint: { 'fill-color': MAP_COLORS.selected, 'fill-opacity': 0.15 },
          },
          {
            id: 'orders-field-circle-line',
            type: 'line',
            source: 'orders-field-circle',
            paint: { 'line-color': MAP_COLORS.selected, 'line-width': 2, 'line-dasharray': [2, 1] },
          },
          {
            id: 'orders-field-tracks',
            type: 'line',
            source: 'orders-field-tracks',
            layout: { 'line-cap': 'round', 'line-join': 'round' },
            paint: {
              'line-color': ['case', ['get', 'reached'], MAP_COLORS.orderGreen, MAP_COLORS.orderRed],
              'line-width': 3,
            },
          },
          {
            id: 'orders-field-boats',
            type: 'circle',
            source: 'orders-field-boats',
            paint: {
              'circle-radius': 8,
              'circle-color': MAP_COLORS.boatOnline,
              'circle-stroke-color': MAP_COLORS.selected,
              'circle-stroke-width': 3,
            },
          },
          {
            id: 'orders-field-point',
            type: 'circle',
            source: 'orders-field-point',
            paint: {
              'circle-radius': 6,
              'circle-color': MAP_COLORS.orderRed,
              'circle-stroke-color': MAP_COLORS.label,
              'circle-stroke-width': 2,
            },
          },
        ],
      ),
    [map],
  );

  useEffect(() => {
    const at = (lon: number, lat: number) => toDisplayPosition(lon, lat, crs);
    setSourceData(
      map,
      'orders-field-point',
      collection([
        {
          type: 'Feature',
          properties: {},
          geometry: { type: 'Point', coordinates: at(point.lon, point.lat) },
        },
      ]),
    );
    setSourceData(
      map,
      'orders-field-circle',
      collection(
        radiusM === null
          ? []
          : [
              {
                type: 'Feature',
                properties: {},
                geometry: {
                  type: 'Polygon',
                  coordinates: [circleRing(point.lat, point.lon, radiusM).map(([lon, lat]) => at(lon, lat))],
                },
              },
            ],
      ),
    );
    setSourceData(
      map,
      'orders-field-tracks',
      collection(
        tracks
          .filter((tr) => tr.coordinates.length > 1)
          .map((tr) => ({
            type: 'Feature',
            properties: { id: tr.id, reached: tr.reached },
            geometry: {
              type: 'LineString',
              coordinates: tr.coordinates.map(([lon = 0, lat = 0]) => at(lon, lat)),
            },
          })),
      ),
    );
    setSourceData(
      map,
      'orders-field-boats',
      collection(
        boats.map((b) => ({
          type: 'Feature',
          properties: { id: b.id },
          geometry: { type: 'Point', coordinates: at(b.lon, b.lat) },
        })),
      ),
    );
  }, [map, crs, point, radiusM, tracks, boats]);

  return null;
}
