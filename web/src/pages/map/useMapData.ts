import { useCallback, useEffect } from 'react';
import { fetchSegments } from '../../api/fleet.ts';
import { fetchUnits } from '../../api/units.ts';
import { useAsync } from '../../hooks/useAsync.ts';
import { useLive } from '../../live/LiveProvider.tsx';
import { loadBasemap } from '../../map/basemap.ts';

/** What the map draws under the boats: the basemap setting, unit polygons and river segments. */
export function useMapData() {
  const { unitsVersion } = useLive();
  const basemap = useAsync(useCallback(() => loadBasemap(), []));
  const units = useAsync(useCallback((signal: AbortSignal) => fetchUnits(signal), []));
  const segments = useAsync(useCallback((signal: AbortSignal) => fetchSegments(signal), []));
  const reloadUnits = units.reload;

  // Another admin changed the organisation: redraw the polygons.
  useEffect(() => {
    if (unitsVersion > 0) reloadUnits();
  }, [unitsVersion, reloadUnits]);

  return {
    basemapReady: !basemap.loading,
    basemap: basemap.data ?? null,
    units: units.data ?? [],
    segments: segments.data ?? [],
    error: units.error ?? segments.error,
  };
}
