import { useEffect } from 'react';
import { useMapHandle } from './context.ts';
import { toDisplayPosition } from './coords.ts';

/**
 * Fits the view to a route when it changes, then, in follow mode, keeps the boat in the middle as
 * it moves. Renders nothing.
 */
export function FitRoute({
  points,
  follow,
}: {
  points: readonly { lat: number; lon: number }[];
  follow: { lat: number; lon: number } | null;
}) {
  const { map, crs } = useMapHandle();

  useEffect(() => {
    if (points.length === 0) return;
    let west = 180;
    let south = 90;
    let east = -180;
    let north = -90;
    for (const p of points) {
      const [x = p.lon, y = p.lat] = toDisplayPosition(p.lon, p.lat, crs);
      west = Math.min(west, x);
      east = Math.max(east, x);
      south = Math.min(south, y);
      north = Math.max(north, y);
    }
    map.fitBounds(
      [
        [west, south],
        [east, north],
      ],
      { padding: 40, maxZoom: 16, duration: 0 },
    );
  }, [map, crs, points]);

  useEffect(() => {
    if (!follow) return;
    const [x = follow.lon, y = follow.lat] = toDisplayPosition(follow.lon, follow.lat, crs);
    map.setCenter([x, y]);
  }, [map, crs, follow]);

  return null;
}
