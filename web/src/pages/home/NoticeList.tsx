import { useCallback } from 'react';
import { fetchNotices } from '../../api/notices.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../time.ts';

/** 社区公告: the notices the caller may see (a resident those for their grid or community, valid now). */
export function NoticeList({ reloadKey = 0 }: { reloadKey?: number }) {
  const { t } = useI18n();
  const notices = useAsync(
    // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey asks for a fresh list after a post
    useCallback((signal: AbortSignal) => fetchNotices(10, signal), [reloadKey]),
  );
  const items = notices.data?.items ?? [];
  return (
    <section className="card home-section" data-testid="home-notices" aria-busy={notices.loading}>
      <h2>{t('home.notices')}</h2>
      <ErrorNotice error={notices.error} />
      {!notices.loading && items.length === 0 && <p className="muted">{t('home.noNotices')}</p>}
      <ul className="home-notices">
        {items.map((n) => (
          <li key={n.id} data-testid="notice" data-notice-id={n.id}>
            <strong>{n.title}</strong>
            <p>{n.body}</p>
            <span className="muted">
              {n.unitName ?? ''} · {formatDateTime(n.createdAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
