import type { Duplicate } from '../../api/orders.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../time.ts';

/** After a report: its code, and the open orders nearby the API found that may be the same problem. */
export function DuplicateNotice({ code, duplicates }: { code: string; duplicates: readonly Duplicate[] }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-ok duplicate-notice" role="status" data-testid="report-result">
      <strong>{t('report.created', { code })}</strong>
      {duplicates.length === 0 ? (
        <span data-testid="no-duplicates">{t('report.noDuplicates')}</span>
      ) : (
        <>
          <span>{t('report.duplicates', { count: duplicates.length })}</span>
          <ul className="duplicate-list" data-testid="duplicates">
            {duplicates.map((d) => (
              <li key={d.id} data-testid="duplicate" data-order-id={d.id}>
                <a href={`#/orders/${encodeURIComponent(d.id)}`}>{d.code}</a> · {t(`status.${d.status}`)} ·{' '}
                {t('report.distance', { m: d.distanceM })} · {d.address || d.description} ·{' '}
                {formatDateTime(d.createdAt)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
