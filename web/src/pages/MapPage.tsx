import { useCallback, useEffect, useMemo, useState } from 'react';
import { fetchOrderBoats } from '../api/orders.ts';
import { AlertPanel } from '../components/AlertPanel.tsx';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useAsync } from '../hooks/useAsync.ts';
import { useI18n } from '../i18n/context.tsx';
import { useLive } from '../live/LiveProvider.tsx';
import { FollowSelection } from '../map/FollowSelection.tsx';
import type { BoatMarker } from '../map/features.ts';
import { BoatsLayer } from '../map/layers/BoatsLayer.tsx';
import { RiversLayer } from '../map/layers/RiversLayer.tsx';
import { TrackLayer } from '../map/layers/TrackLayer.tsx';
import { UnitsLayer } from '../map/layers/UnitsLayer.tsx';
import { MapView } from '../map/MapView.tsx';
import { useHashPath } from '../routing.ts';
import { BoatList } from './map/BoatList.tsx';
import { Legend } from './map/Legend.tsx';
import { TrackPanel } from './map/TrackPanel.tsx';
import { useFleet } from './map/useFleet.ts';
import { useMapData } from './map/useMapData.ts';
import { useTrack } from './map/useTrack.ts';

/** The boats sent to the order the map was opened for (`#/map/order/<id>`), to ring them (事中). */
function useOrderBoatIds(): ReadonlySet<string> {
  const path = useHashPath();
  const orderId = path[0] === 'map' && path[1] === 'order' ? (path[2] ?? null) : null;
  const boats = useAsync(
    useCallback(
      (signal: AbortSignal) => (orderId ? fetchOrderBoats(orderId, signal) : Promise.resolve(null)),
      [orderId],
    ),
  );
  return useMemo(() => new Set((boats.data?.items ?? []).map((b) => b.assetId)), [boats.data]);
}

/**
 * The live map: units and rivers, boats at their latest fix, a boat list, a boat's track of the
 * day (growing live); opened from an order (`#/map/order/<id>`), the boats sent to it are ringed.
 */
export function MapPage() {
  const { t } = useI18n();
  const orderBoats = useOrderBoatIds();
  const data = useMapData();
  const fleet = useFleet();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // `#/map/<boat id>` (an alert's "show boat") selects that boat.
  const [, focusId] = useHashPath();
  useEffect(() => {
    if (focusId) setSelectedId(focusId);
  }, [focusId]);
  const selected = fleet.rows.find((r) => r.id === selectedId) ?? null;
  const live = useLive();
  const deviceId = selected?.deviceId ?? null;
  const track = useTrack(
    deviceId,
    selected?.lastFix ?? null,
    deviceId ? (live.positions.get(deviceId) ?? null) : null,
  );

  const boats = useMemo<BoatMarker[]>(
    () =>
      fleet.rows.flatMap((r) =>
        r.position
          ? [
              {
                deviceId: r.id,
                name: r.name,
                status: r.status,
                lat: r.position.lat,
                lon: r.position.lon,
                course: r.position.course,
                highlighted: r.assetId !== null && orderBoats.has(r.assetId),
              },
            ]
          : [],
      ),
    [fleet.rows, orderBoats],
  );

  return (
    <div className="map-page">
      <BoatList
        rows={fleet.rows}
        selectedId={selectedId}
        liveState={fleet.liveState}
        onSelect={setSelectedId}
      />
      <div
        className="map-area"
        data-testid="map-area"
        data-boats={boats.length}
        data-highlighted={boats.filter((b) => b.highlighted).length}
      >
        {data.basemapReady ? (
          <MapView basemap={data.basemap}>
            <UnitsLayer units={data.units} />
            <RiversLayer segments={data.segments} />
            {selected && <TrackLayer fixes={track.fixes} />}
            <BoatsLayer boats={boats} selectedId={selectedId} onSelect={setSelectedId} />
            <FollowSelection target={selected?.position ? { id: selected.id, ...selected.position } : null} />
          </MapView>
        ) : (
          <p className="map-loading">{t('app.loading')}</p>
        )}
        <div className="map-overlays">
          <AlertPanel placement="map" />
          <ErrorNotice error={data.error ?? fleet.error} />
          {selected && track.day && (
            <TrackPanel
              row={selected}
              day={track.day}
              fixes={track.fixes}
              loading={track.loading}
              error={track.error}
              onClose={() => setSelectedId(null)}
            />
          )}
        </div>
        <Legend />
      </div>
    </div>
  );
}
