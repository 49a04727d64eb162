import type { DaySummary } from '../../api/summaries.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatTime } from '../../time.ts';
import { dayProblems, hours, km, lowestCoverage, percent } from './figures.ts';

export interface FleetBoardRowProps {
  summary: DaySummary;
  /** The boat's name from the day's duty; its id when the duty does not list it. */
  name: string | undefined;
  /** Crew members who clocked in; null when the duty is derived from the shift plan. */
  crewOnDuty: number | null | undefined;
}

/** One boat's day: a card on a phone, a table row from 1024 px; each cell names its column for the card. */
export function FleetBoardRow({ summary: s, name, crewOnDuty }: FleetBoardRowProps) {
  const { t } = useI18n();
  const problems = dayProblems(s);
  const has = (p: (typeof problems)[number]) => (problems.includes(p) ? 'bad' : undefined);
  const time = (instant: string | null) => (instant ? formatTime(instant).slice(0, 5) : '—');
  const duty = s.duty.onDutyFrom ? `${time(s.duty.onDutyFrom)}–${time(s.duty.onDutyTo)}` : '—';
  return (
    <tr data-testid="fleet-row" data-asset-id={s.assetId} data-problems={problems.join(' ')}>
      <th scope="row" data-testid="fleet-name">
        {name ?? s.assetId}
      </th>
      <td data-label={t('fleetBoard.duty')}>
        {/* One value for the card's flex row: the times and where they come from. */}
        <span>
          <span data-testid="fleet-duty">{duty}</span>{' '}
          <span className="muted">{t(`fleetBoard.source.${s.duty.source}`)}</span>
        </span>
      </td>
      <td data-label={t('fleetBoard.crewOnDuty')} data-testid="fleet-crew">
        {crewOnDuty ?? '—'}
      </td>
      <td data-label={t('fleetBoard.distance')} data-testid="fleet-distance">
        {km(s.distanceM)} km
      </td>
      <td data-label={t('fleetBoard.work')} data-testid="fleet-work">
        {hours(s.workS)} h
      </td>
      <td data-label={t('fleetBoard.rest')} data-testid="fleet-rest">
        {hours(s.restS)} h
      </td>
      <td data-label={t('fleetBoard.coverage')} data-testid="fleet-coverage" className={has('lowCoverage')}>
        {percent(lowestCoverage(s))}
      </td>
      <td data-label={t('fleetBoard.unloads')} data-testid="fleet-unloads">
        {t('fleetBoard.unloadFigures', { count: s.unloads.count, tonnes: s.unloads.tonnes })}
      </td>
      <td
        data-label={t('fleetBoard.problems')}
        data-testid="fleet-problems"
        className={problems.length ? 'bad' : undefined}
      >
        {problems.length === 0
          ? t('fleetBoard.ok')
          : problems
              .map((p) =>
                p === 'noData' && s.noDataS > 0
                  ? t('fleetBoard.problem.noDataHours', { hours: hours(s.noDataS) })
                  : t(`fleetBoard.problem.${p}`),
              )
              .join(' · ')}
      </td>
    </tr>
  );
}
