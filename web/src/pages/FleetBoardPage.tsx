import { useCallback, useState } from 'react';
import { fetchDuty } from '../api/duty.ts';
import { fetchFleetDay, fleetDayXlsxUrl } from '../api/summaries.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useAsync } from '../hooks/useAsync.ts';
import { useI18n } from '../i18n/context.tsx';
import { FleetBoardRow } from './fleet-board/FleetBoardRow.tsx';

/**
 * The fleet day board (船队日报): one row per boat for a chosen day — duty, crew on duty,
 * distance, work and rest, coverage, unloads — with its problems in red and the .xlsx download.
 * Cards on a phone, a table from 1024 px (the same rows, laid out by fleet-board.css).
 */
export function FleetBoardPage() {
  const { t } = useI18n();
  // Undefined: the server's today (Beijing time), which the duty's answer names.
  const [date, setDate] = useState<string | undefined>(undefined);
  const board = useAsync(
    useCallback(
      async (signal: AbortSignal) => {
        const duty = await fetchDuty(date, signal);
        return [await fetchFleetDay(duty.date, signal), duty] as const;
      },
      [date],
    ),
  );
  const [day, duty] = board.data ?? [undefined, undefined];
  const boats = new Map((duty?.boats ?? []).map((b) => [b.assetId, b]));
  const rows = (day?.items ?? [])
    .map((summary) => ({ summary, boat: boats.get(summary.assetId) }))
    .sort((a, b) =>
      (a.boat?.name ?? a.summary.assetId).localeCompare(b.boat?.name ?? b.summary.assetId, 'zh', {
        numeric: true,
      }),
    );

  return (
    <div className="page page-fleet-board">
      <div className="page-head fleet-board-head">
        <h1>{t('fleetBoard.title')}</h1>
        <label className="fleet-board-date">
          {t('fleetBoard.date')}
          <input
            type="date"
            data-testid="fleet-board-date"
            value={date ?? duty?.date ?? ''}
            onChange={(e) => setDate(e.target.value || undefined)}
          />
        </label>
        {day && (
          <a
            className="btn btn-ghost"
            data-testid="fleet-board-xlsx"
            href={fleetDayXlsxUrl(day.date)}
            download
          >
            {t('fleetBoard.xlsx')}
          </a>
        )}
      </div>
      <ErrorNotice error={board.error} />
      {day && rows.length === 0 && <p className="muted">{t('fleetBoard.empty')}</p>}
      <table className="fleet-board" data-testid="fleet-board" aria-busy={board.loading}>
        <thead>
          <tr>
            <th>{t('fleetBoard.boat')}</th>
            <th>{t('fleetBoard.duty')}</th>
            <th>{t('fleetBoard.crewOnDuty')}</th>
            <th>{t('fleetBoard.distance')}</th>
            <th>{t('fleetBoard.work')}</th>
            <th>{t('fleetBoard.rest')}</th>
            <th>{t('fleetBoard.coverage')}</th>
            <th>{t('fleetBoard.unloads')}</th>
            <th>{t('fleetBoard.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ summary, boat }) => (
            <FleetBoardRow
              key={summary.assetId}
              summary={summary}
              name={boat?.name}
              crewOnDuty={boat?.crewOnDuty}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
