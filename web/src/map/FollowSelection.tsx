import { useEffect, useRef } from 'react';
import { useMapHandle } from './context.ts';
import { toDisplayPosition } from './coords.ts';

/** Pans to the selected boat when it lies outside the view (a click in the list, not on the map). */
export function FollowSelection({ target }: { target: { id: string; lat: number; lon: number } | null }) {
  const { map, crs } = useMapHandle();
  // Only a new selection pans: a selected boat moving on its own does not drag the view along.
  const panned = useRef<string | null>(null);

  useEffect(() => {
    if (!target || panned.current === target.id) return;
    panned.current = target.id;
    const [x = target.lon, y = target.lat] = toDisplayPosition(target.lon, target.lat, crs);
    if (!map.getBounds().contains([x, y])) map.easeTo({ center: [x, y], duration: 600 });
  }, [map, crs, target]);

  return null;
}
