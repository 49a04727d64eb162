import type { Stop, Trip } from '../../api/tracks.ts';
import { trackExportUrl } from '../../api/tracks.ts';
import { useI18n } from '../../i18n/context.tsx';
import type { Language } from '../../i18n/translate.ts';
import { formatTime, shanghaiDayRange } from '../../time.ts';

/** `1 h 05 min` / `1小时05分`; under a minute in seconds. */
export function formatDuration(seconds: number, lang: Language): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const zh = lang === 'zh-CN';
  if (h > 0)
    return zh ? `${h}小时${String(m).padStart(2, '0')}分` : `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return zh ? `${m}分钟` : `${m} min`;
  return zh ? `${s}秒` : `${s} s`;
}

const FORMATS = ['geojson', 'gpx', 'kml', 'csv'] as const;

export interface PlaybackSummaryProps {
  assetId: string;
  day: string;
  trips: readonly Trip[];
  stops: readonly Stop[];
}

/** The day's totals (from the trips and stops the API cut), its stops and the track's downloads. */
export function PlaybackSummary({ assetId, day, trips, stops }: PlaybackSummaryProps) {
  const { t, lang } = useI18n();
  const distanceM = trips.reduce((sum, trip) => sum + trip.distanceM, 0);
  const movingS = trips.reduce((sum, trip) => sum + trip.durationS, 0);
  const range = shanghaiDayRange(day);
  return (
    <section className="playback-summary">
      <dl className="totals" data-testid="playback-totals">
        <div>
          <dt>{t('playback.distance')}</dt>
          <dd data-testid="total-distance" data-m={Math.round(distanceM)}>
            {(distanceM / 1000).toFixed(2)} km
          </dd>
        </div>
        <div>
          <dt>{t('playback.moving')}</dt>
          <dd data-testid="total-moving" data-s={Math.round(movingS)}>
            {formatDuration(movingS, lang)}
          </dd>
        </div>
        <div>
          <dt>{t('playback.stops')}</dt>
          <dd data-testid="total-stops">{stops.length}</dd>
        </div>
      </dl>
      <h3>{t('playback.stopList')}</h3>
      {stops.length === 0 ? (
        <p className="empty">{t('playback.noStops')}</p>
      ) : (
        <ol className="stop-list">
          {stops.map((s) => (
            <li key={s.start} data-testid="stop-row" data-duration-s={s.durationS}>
              <span>
                {formatTime(s.start)} – {formatTime(s.end)}
              </span>
              <strong>{formatDuration(s.durationS, lang)}</strong>
            </li>
          ))}
        </ol>
      )}
      <div className="exports">
        <span>{t('playback.export')}</span>
        {FORMATS.map((f) => (
          <a
            key={f}
            className="btn btn-ghost"
            data-testid={`export-${f}`}
            href={trackExportUrl(assetId, range, f)}
            download
          >
            {f.toUpperCase()}
          </a>
        ))}
      </div>
    </section>
  );
}
