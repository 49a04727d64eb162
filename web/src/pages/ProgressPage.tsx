import { useCallback, useMemo, useState } from 'react';
import { fetchProgress, PROGRESS_LIGHTS } from '../api/progress.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useAsync } from '../hooks/useAsync.ts';
import { useI18n } from '../i18n/context.tsx';
import { ProgressCard } from './progress/ProgressCard.tsx';

/**
 * Schedule progress (序时进度): every metric with a target this year in the user's scope, its
 * completion against the elapsed share of the year at a date, its light and 双过半.
 */
export function ProgressPage() {
  const { t } = useI18n();
  // Undefined: the server's today (Beijing time), which its answer names.
  const [date, setDate] = useState<string | undefined>(undefined);
  const progress = useAsync(useCallback((signal: AbortSignal) => fetchProgress(date, signal), [date]));
  const items = progress.data?.items ?? [];
  const summary = useMemo(() => {
    const count = Object.fromEntries(
      PROGRESS_LIGHTS.map((l) => [l, items.filter((i) => i.light === l).length]),
    );
    return { ...count, halfway: items.filter((i) => i.halfway).length };
  }, [items]);

  return (
    <div className="page page-progress">
      <div className="page-head progress-head">
        <h1>{t('progress.title')}</h1>
        <label className="progress-date">
          {t('progress.date')}
          <input
            type="date"
            data-testid="progress-date"
            value={date ?? progress.data?.date ?? ''}
            onChange={(e) => setDate(e.target.value || undefined)}
          />
        </label>
      </div>
      <ErrorNotice error={progress.error} />
      {progress.data && (
        <p className="progress-summary muted" data-testid="progress-summary">
          {t('progress.summary', { count: items.length, ...summary })}
        </p>
      )}
      {progress.data?.warnings.map((w) => (
        <p key={w} className="progress-warning">
          {w}
        </p>
      ))}
      {progress.data && items.length === 0 && <p className="muted">{t('progress.empty')}</p>}
      <ul className="progress-list" data-testid="progress-list" aria-busy={progress.loading}>
        {items.map((item) => (
          <ProgressCard key={`${item.metric.id}:${item.unit.id}`} item={item} />
        ))}
      </ul>
    </div>
  );
}
