import { useCallback } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/context.tsx';
import { shanghaiDay, shanghaiDayRange } from '../../time.ts';
import { fetchOrdersIn, OPEN_STATUSES } from './homeOrders.ts';

async function todayCounts(signal: AbortSignal) {
  const { from } = shanghaiDayRange(shanghaiDay(new Date()));
  const count = async (p: Promise<{ items: unknown[]; total?: number }>) => {
    const page = await p;
    return page.total ?? page.items.length;
  };
  const [reported, open, overdue, closed] = await Promise.all([
    count(fetchOrdersIn([], { limit: 1, createdFrom: from }, signal)),
    count(fetchOrdersIn(OPEN_STATUSES, { limit: 1 }, signal)),
    count(fetchOrdersIn(OPEN_STATUSES, { limit: 1, overdue: true }, signal)),
    count(fetchOrdersIn(['closed'], { limit: 1, closedFrom: from }, signal)),
  ]);
  return { reported, open, overdue, closed };
}

/** 今日概况: today's reports and closures, what is open and what is overdue, for the centre and leaders. */
export function TodayNumbers() {
  const { t } = useI18n();
  const numbers = useAsync(useCallback((signal: AbortSignal) => todayCounts(signal), []));
  const n = numbers.data;
  return (
    <section className="card home-section" data-testid="home-today" aria-busy={numbers.loading}>
      <h2>{t('home.today')}</h2>
      <ErrorNotice error={numbers.error} />
      <dl className="home-numbers">
        {(['reported', 'closed', 'open', 'overdue'] as const).map((k) => (
          <div key={k}>
            <dt>{t(`home.n.${k}`)}</dt>
            <dd data-testid={`today-${k}`}>{n ? n[k] : '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
