import type { ProgressItem } from '../../api/progress.ts';
import { useI18n } from '../../i18n/context.tsx';
import { amount, barWidth, percent, signedPoints } from './format.ts';

/**
 * One metric's target against the schedule: completion as a bar coloured by its light, the
 * schedule as a marker across it, the figures, and the 双过半 badge.
 */
export function ProgressCard({ item }: { item: ProgressItem }) {
  const { t } = useI18n();
  const { metric } = item;
  const light = item.light ?? 'none';
  return (
    <li
      className={`progress-card card light-${light}`}
      data-testid="progress-item"
      data-code={metric.code}
      data-unit-id={item.unit.id}
      data-light={light}
    >
      <div className="progress-card-head">
        <span className="progress-name">{metric.name}</span>
        {item.halfway && (
          <span className="badge progress-halfway" data-testid="progress-halfway">
            {t('progress.halfway')}
          </span>
        )}
        <span className={`light light-${light}`} data-testid="progress-light">
          {item.light && <span className="light-dot" aria-hidden="true" />}
          {item.light === null && metric.source !== null
            ? t('progress.noCases')
            : t(`progress.light.${light}`)}
        </span>
      </div>
      <div className="progress-meta muted">
        <code>{metric.code}</code>
        <span>{item.unit.name}</span>
        {metric.direction === 'down' && <span>{t('progress.down')}</span>}
      </div>
      <div
        className="progress-bar"
        role="img"
        aria-label={t('progress.barLabel', {
          completion: percent(item.completion),
          schedule: percent(item.schedule),
        })}
      >
        <div className="progress-fill" style={{ width: `${barWidth(item.completion)}%` }} />
        <div
          className="progress-marker"
          style={{ left: `${barWidth(item.schedule)}%` }}
          data-testid="progress-marker"
        />
      </div>
      <dl className="progress-figures">
        <div>
          <dt>{t('progress.completion')}</dt>
          <dd data-testid="progress-completion">{percent(item.completion)}</dd>
        </div>
        <div>
          <dt>{t('progress.schedule')}</dt>
          <dd data-testid="progress-schedule">{percent(item.schedule)}</dd>
        </div>
        <div>
          <dt>{t('progress.gap')}</dt>
          <dd data-testid="progress-gap">{signedPoints(item.gapPoints)}</dd>
        </div>
      </dl>
      <div className="progress-amounts muted" data-testid="progress-amounts">
        {t('progress.actualOfTarget', {
          actual: amount(item.actual),
          target: amount(item.target),
          unit: metric.unitOfMeasure,
        })}
        {' · '}
        {item.actual === null
          ? t(metric.source === null ? 'progress.noActual' : 'progress.noCases')
          : item.actualPeriod === null
            ? t('progress.computed')
            : t('progress.asOf', { period: item.actualPeriod })}
      </div>
    </li>
  );
}
