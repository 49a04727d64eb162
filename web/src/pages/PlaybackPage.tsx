import { useCallback, useMemo, useState } from 'react';
import { fetchSegments } from '../api/fleet.ts';
import { fetchBoats } from '../api/tracks.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useAsync } from '../hooks/useAsync.ts';
import { useI18n } from '../i18n/context.tsx';
import { loadBasemap } from '../map/basemap.ts';
import { FitRoute } from '../map/FitRoute.tsx';
import { PlaybackLayer, type StopMark } from '../map/layers/PlaybackLayer.tsx';
import { RiversLayer } from '../map/layers/RiversLayer.tsx';
import { MapView } from '../map/MapView.tsx';
import { navigateTo, useHashPath } from '../routing.ts';
import { formatTime, shanghaiDay } from '../time.ts';
import { BoatDayPicker } from './playback/BoatDayPicker.tsx';
import { formatDuration, PlaybackSummary } from './playback/PlaybackSummary.tsx';
import { PlayerControls } from './playback/PlayerControls.tsx';
import { positionAt } from './playback/replay.ts';
import { SpeedChart } from './playback/SpeedChart.tsx';
import { SpeedLegend } from './playback/SpeedLegend.tsx';
import { usePlaybackDay } from './playback/usePlaybackDay.ts';
import { usePlayer } from './playback/usePlayer.ts';

/**
 * 轨迹回放: a boat's day replayed on the map, its route coloured by speed, its stops with their
 * durations, a slider and play/pause at 1×–300×, totals, a speed chart and the track's downloads.
 * The boat and day are in the hash (`#/playback/<assetId>/<YYYY-MM-DD>`), so a link can open one.
 */
export function PlaybackPage() {
  const { t, lang } = useI18n();
  const [, assetParam, dayParam] = useHashPath();
  const assetId = assetParam ?? null;
  const day = dayParam ?? shanghaiDay(Date.now());
  const select = (nextAsset: string, nextDay: string) => navigateTo('playback', nextAsset, nextDay);

  const basemap = useAsync(useCallback(() => loadBasemap(), []));
  const segments = useAsync(useCallback((signal: AbortSignal) => fetchSegments(signal), []));
  const boats = useAsync(useCallback((signal: AbortSignal) => fetchBoats(signal), []));
  const boat = boats.data?.find((b) => b.id === assetId);
  const { day: data, loading, error } = usePlaybackDay(assetId, day);
  const fixes = data?.fixes ?? [];
  const start = fixes[0]?.t ?? 0;
  const end = fixes.at(-1)?.t ?? 0;
  const player = usePlayer(start, end);
  const [follow, setFollow] = useState(false);
  const at = useMemo(() => positionAt(fixes, player.time), [fixes, player.time]);

  const stopMarks = useMemo<StopMark[]>(
    () =>
      (data?.stops ?? []).map((s) => ({ lat: s.lat, lon: s.lon, label: formatDuration(s.durationS, lang) })),
    [data, lang],
  );
  // The river segments the boat patrols (all in scope for a boat given none).
  const boatSegments = useMemo(() => {
    const all = segments.data ?? [];
    const own = all.filter((s) => boat?.segmentIds.includes(s.id));
    return own.length > 0 ? own : all;
  }, [segments.data, boat]);

  return (
    <div className="page playback-page" data-testid="playback-page">
      <BoatDayPicker boats={boats.data ?? []} assetId={assetId} day={day} onSelect={select} />
      <div className="playback-map" data-testid="playback-map">
        {basemap.loading ? (
          <p className="map-loading">{t('app.loading')}</p>
        ) : (
          <MapView basemap={basemap.data ?? null}>
            <RiversLayer segments={boatSegments} />
            <PlaybackLayer fixes={fixes} stops={stopMarks} at={at} />
            <FitRoute points={fixes} follow={follow ? at : null} />
          </MapView>
        )}
        <SpeedLegend />
      </div>
      <div className="playback-side">
        <ErrorNotice error={error ?? segments.error ?? boats.error} />
        {assetId && !loading && fixes.length === 0 && <p className="empty">{t('playback.empty')}</p>}
        {fixes.length > 0 && (
          <>
            <PlayerControls start={start} end={end} player={player} follow={follow} onFollow={setFollow} />
            <output
              className="playback-at"
              data-testid="playback-marker"
              data-time={at ? new Date(at.t).toISOString() : ''}
              data-lat={at?.lat.toFixed(6)}
              data-lon={at?.lon.toFixed(6)}
            >
              {at && `${formatTime(at.t)} · ${t('map.speed', { speed: at.speedKmh.toFixed(1) })}`}
            </output>
            <SpeedChart
              fixes={fixes}
              start={start}
              end={end}
              time={player.time}
              onSeek={player.setTime}
              label={t('playback.chart')}
            />
          </>
        )}
        {assetId && data && (
          <PlaybackSummary assetId={assetId} day={day} trips={data.trips} stops={data.stops} />
        )}
      </div>
    </div>
  );
}
