import { useMemo } from 'react';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useI18n } from '../i18n/context.tsx';
import { formatDateTime } from '../time.ts';
import { EChart } from './dashboard/EChart.tsx';
import { Figures } from './dashboard/Figures.tsx';
import { barsOption, pieOption, progressOption, ratesOption } from './dashboard/options.ts';
import { RankingList } from './dashboard/Rankings.tsx';
import { RedTasks } from './dashboard/RedTasks.tsx';
import { useDashboard } from './dashboard/useDashboard.ts';

/**
 * The leaders' dashboard (指挥大屏), for a 1920×1080 wall and a desk: today's headline numbers, the
 * closure and on-time rates over 12 weeks, orders by category and source, the communities'
 * ranking, the targets against schedule and the red key tasks. Refreshed after order events on the live feed.
 */
export function DashboardPage() {
  const { t } = useI18n();
  const { head, charts } = useDashboard();
  const data = charts.data;
  const options = useMemo(() => {
    if (!data) return null;
    return {
      rates: ratesOption(data.weeks, {
        closure: t('dashboard.closureShort'),
        onTime: t('dashboard.onTimeShort'),
      }),
      category: pieOption(data.breakdown.byCategory),
      source: barsOption(
        data.breakdown.bySource.map((s) => ({ name: t(`source.${s.source}`), count: s.count })),
        t('dashboard.count'),
      ),
      progress: progressOption(data.progress.items, {
        completion: t('dashboard.completion'),
        schedule: t('dashboard.schedule'),
      }),
    };
  }, [data, t]);

  return (
    <div className="page page-dashboard" data-testid="dashboard" aria-busy={head.loading || charts.loading}>
      <div className="page-head dash-head">
        <h1>{t('dashboard.title')}</h1>
        {head.data && (
          <span className="muted" data-testid="dash-as-of">
            {t('dashboard.asOf', { time: formatDateTime(head.data.now) })}
          </span>
        )}
      </div>
      <ErrorNotice error={head.error ?? charts.error} />
      {head.data && <Figures head={head.data} />}
      {data && options && (
        <div className="dash-grid" data-testid="dash-charts">
          <section className="dash-card card dash-rates">
            <h2>{t('dashboard.weeks')}</h2>
            <EChart option={options.rates} label={t('dashboard.weeksLabel')} testId="chart-rates" />
          </section>
          <section className="dash-card card">
            <h2>{t('dashboard.byCategory')}</h2>
            <EChart option={options.category} label={t('dashboard.byCategory')} testId="chart-category" />
          </section>
          <section className="dash-card card">
            <h2>{t('dashboard.bySource')}</h2>
            <EChart option={options.source} label={t('dashboard.bySource')} testId="chart-source" />
          </section>
          <section className="dash-card card dash-progress">
            <h2>{t('dashboard.progress')}</h2>
            {data.progress.items.length === 0 ? (
              <p className="muted">{t('dashboard.progressEmpty')}</p>
            ) : (
              <EChart
                option={options.progress}
                label={t('dashboard.progressLabel')}
                testId="chart-progress"
              />
            )}
          </section>
          <section className="dash-card card dash-ranking-card">
            <h2>{t('dashboard.rankings')}</h2>
            <RankingList rankings={data.rankings} />
          </section>
          <section className="dash-card card dash-red-card">
            <h2>
              {t('dashboard.redTasks')}
              <span className="dash-red-count" data-testid="dash-red-count">
                {data.redTasks.length}
              </span>
            </h2>
            <RedTasks tasks={data.redTasks} now={head.data?.now ?? Date.now()} />
          </section>
        </div>
      )}
    </div>
  );
}
