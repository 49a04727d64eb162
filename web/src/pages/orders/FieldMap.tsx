import { useCallback, useMemo } from 'react';
import { useAsync } from '../../hooks/useAsync.ts';
import { loadBasemap } from '../../map/basemap.ts';
import { FitRoute } from '../../map/FitRoute.tsx';
import { MapView } from '../../map/MapView.tsx';
import { FieldMapLayer, type FieldMapLayerProps } from './FieldMapLayer.tsx';

/**
 * A small map around an order: its point and circle, boats' tracks and where the boats are. It
 * fits the boats and the point, or, with `aroundM`, only that many metres around the point, so
 * that a 30 m circle and the stretch of track that passed it are seen rather than the whole trip.
 */
export function FieldMap(props: FieldMapLayerProps & { testId: string; aroundM?: number }) {
  const basemap = useAsync(useCallback(() => loadBasemap(), []));
  const { point, tracks, boats, radiusM, aroundM } = props;
  const points = useMemo(() => {
    const pad = (aroundM ?? (radiusM ?? 30) * 3) / 111_000;
    const around = [
      { lat: point.lat + pad, lon: point.lon },
      { lat: point.lat - pad, lon: point.lon },
    ];
    if (aroundM !== undefined) return around;
    return [point, ...(boats ?? []), ...around].map((p) => ({ lat: p.lat, lon: p.lon }));
  }, [point, boats, radiusM, aroundM]);
  return (
    <div className="field-map" data-testid={props.testId}>
      {!basemap.loading && (
        <MapView basemap={basemap.data ?? null}>
          <FieldMapLayer point={point} radiusM={radiusM} tracks={tracks} boats={boats} />
          <FitRoute points={points} follow={null} />
        </MapView>
      )}
    </div>
  );
}
