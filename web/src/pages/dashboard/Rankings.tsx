import type { Rankings } from '../../api/indicators.ts';
import { useI18n } from '../../i18n/context.tsx';
import { ratePercent } from './model.ts';
import { topRanked } from './options.ts';

/** The ten best-ranked communities this month: on-time rate, then closure rate, then cases. */
export function RankingList({ rankings }: { rankings: Rankings }) {
  const { t } = useI18n();
  const rows = topRanked(rankings, 10);
  if (rows.length === 0) return <p className="muted">{t('dashboard.empty')}</p>;
  return (
    <ol className="dash-ranking" data-testid="dash-ranking">
      <li className="dash-ranking-head muted" aria-hidden="true">
        <span>{t('dashboard.rank')}</span>
        <span>{t('dashboard.unit')}</span>
        <span>{t('dashboard.onTimeShort')}</span>
        <span>{t('dashboard.closureShort')}</span>
        <span>{t('dashboard.registeredShort')}</span>
      </li>
      {rows.map((r) => (
        <li key={r.unit.id} data-testid="dash-rank-row" data-unit-id={r.unit.id}>
          <span className="dash-rank">{r.rank}</span>
          <span className="dash-rank-name">{r.unit.name}</span>
          <span>{ratePercent(r.indicators.onTimeClosureRate)}</span>
          <span>{ratePercent(r.indicators.closureRate)}</span>
          <span>{r.indicators.registered}</span>
        </li>
      ))}
    </ol>
  );
}
