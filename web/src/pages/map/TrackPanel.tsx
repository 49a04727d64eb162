import type { Position } from '../../api/types.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useI18n } from '../../i18n/context.tsx';
import { formatTime } from '../../time.ts';

export interface TrackPanelProps {
  name: string;
  day: string;
  fixes: readonly Position[];
  loading: boolean;
  error: unknown;
  onClose(): void;
}

/** A card over the map describing the selected boat's track of the day. */
export function TrackPanel({ name, day, fixes, loading, error, onClose }: TrackPanelProps) {
  const { t } = useI18n();
  const first = fixes[0];
  const last = fixes.at(-1);
  return (
    <section className="map-card track-card" data-testid="track-panel" data-fixes={fixes.length}>
      <header>
        <h3>{t('map.track', { name, day })}</h3>
        <button type="button" className="btn btn-small btn-ghost" onClick={onClose}>
          {t('map.clearTrack')}
        </button>
      </header>
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
    </section>
  );
}
