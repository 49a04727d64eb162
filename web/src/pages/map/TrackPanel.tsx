import type { Position } from '../../api/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatTime } from '../../time.ts';
import { BoatFigures } from './BoatFigures.tsx';
import type { FleetRow } from './useFleet.ts';

export interface TrackPanelProps {
  row: FleetRow;
  day: string;
  fixes: readonly Position[];
  loading: boolean;
  error: unknown;
  onClose(): void;
}

/** A card over the map: the selected boat's figures, its track of the day and a link to replay it. */
export function TrackPanel({ row, day, fixes, loading, error, onClose }: TrackPanelProps) {
  const { t } = useI18n();
  const first = fixes[0];
  const last = fixes.at(-1);
  return (
    <section className="map-card track-card" data-testid="track-panel" data-fixes={fixes.length}>
      <header>
        <h3>{t('map.track', { name: row.name, day })}</h3>
        <button type="button" className="btn btn-small btn-ghost" onClick={onClose}>
          {t('map.clearTrack')}
        </button>
      </header>
      <BoatFigures row={row} />
      <ErrorNotice error={error} />
      {loading ? (
        <p>{t('app.loading')}</p>
      ) : fixes.length === 0 ? (
        <p>{t('map.trackEmpty')}</p>
      ) : (
        <p>
          {t('map.trackPoints', { count: fixes.length })}
          {first && last && ` · ${formatTime(first.time)} – ${formatTime(last.time)}`}
        </p>
      )}
      {row.assetId && (
        <a
          className="btn btn-ghost"
          data-testid="playback-link"
          href={`#/playback/${encodeURIComponent(row.assetId)}/${day}`}
        >
          {t('map.playback')}
        </a>
      )}
    </section>
  );
}
