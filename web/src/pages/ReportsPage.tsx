import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { TASK_MANAGERS } from '../../../src/domain/tasks/model.ts';
import { lastCompleteWeek } from '../../../src/domain/tasks/week.ts';
import {
  archivedLinks,
  fetchArchivedReport,
  fetchReportArchive,
  fetchWeeklyReport,
  issueWeeklyReport,
  type WeeklyReport,
  weeklyLinks,
} from '../api/reports.ts';
import { fetchUnits } from '../api/units.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useAsync } from '../hooks/useAsync.ts';
import { useI18n } from '../i18n/context.tsx';
import { useSignedIn } from '../session/context.tsx';
import { formatDateTime } from '../time.ts';
import { ReportView } from './reports/ReportView.tsx';

type Shown = { report: WeeklyReport; links: { xlsx: string; html: string }; archived: boolean };

/**
 * The weekly quantified report (量化式报告): generated on demand for any ISO week for the user's
 * unit, issued and archived by leaders and the centre; the archive lists what was issued and
 * opens each as it was, with its .xlsx and print view. It opens on the last complete week's
 * report: the unit's issued copy when the archive holds one, else computed now.
 */
export function ReportsPage() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  // Always a week in the input: a browser may render an empty week input as "Week --, ----".
  const [firstWeek] = useState(() => lastCompleteWeek(Date.now()));
  const [week, setWeek] = useState(firstWeek);
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const archive = useAsync(useCallback((signal: AbortSignal) => fetchReportArchive(signal), []));
  const units = useAsync(useCallback((signal: AbortSignal) => fetchUnits(signal, false), []));
  const names = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const mayIssue = (TASK_MANAGERS as readonly string[]).includes(user.role);

  const run = useCallback(async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, []);
  const showComputed = useCallback(async (of: string) => {
    const report = await fetchWeeklyReport(of);
    setShown({ report, links: weeklyLinks(of, report.unit.id), archived: false });
  }, []);
  const showArchived = useCallback(async (id: string) => {
    setShown({ report: await fetchArchivedReport(id), links: archivedLinks(id), archived: true });
  }, []);

  // Once, when the archive has answered (or failed): the first week's report without a click.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || (archive.data === undefined && !archive.error)) return;
    opened.current = true;
    const issued = archive.data?.find((e) => e.week === firstWeek && e.unitId === user.unitId);
    void run(() => (issued ? showArchived(issued.id) : showComputed(firstWeek)));
  }, [archive.data, archive.error, firstWeek, user.unitId, run, showArchived, showComputed]);

  const generate = () => run(() => showComputed(week));
  const issue = (report: WeeklyReport) =>
    run(async () => {
      const entry = await issueWeeklyReport(report.week, report.unit.id);
      setShown({
        report: await fetchArchivedReport(entry.id),
        links: archivedLinks(entry.id),
        archived: true,
      });
      archive.reload();
    });
  const open = (id: string) => run(() => showArchived(id));

  return (
    <div className="page page-reports">
      <div className="page-head reports-head">
        <h1>{t('reports.title')}</h1>
        <form
          className="reports-form"
          onSubmit={(e) => {
            e.preventDefault();
            void generate();
          }}
        >
          <label>
            {t('reports.week')}
            <input
              type="week"
              required
              value={week}
              data-testid="reports-week"
              // Cleared, it keeps the last week set: the button always has a week to generate.
              onChange={(e) => e.target.value && setWeek(e.target.value)}
            />
          </label>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy || week === ''}
            data-testid="reports-generate"
          >
            {t('reports.generate')}
          </button>
        </form>
      </div>
      <ErrorNotice error={error ?? archive.error} />
      {shown && (
        <>
          {mayIssue && !shown.archived && (
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => void issue(shown.report)}
              data-testid="reports-issue"
            >
              {t('reports.issue')}
            </button>
          )}
          {shown.archived && (
            <p className="muted" data-testid="reports-archived">
              {t('reports.issued')}
            </p>
          )}
          <ReportView report={shown.report} links={shown.links} />
        </>
      )}
      <h2>{t('reports.archive')}</h2>
      {archive.data && archive.data.length === 0 && <p className="muted">{t('reports.archiveEmpty')}</p>}
      <ul className="report-archive" data-testid="report-archive">
        {(archive.data ?? []).map((entry) => (
          <li key={entry.id} className="card" data-testid="report-entry" data-report-id={entry.id}>
            <span>
              <strong>{entry.week}</strong>{' '}
              <span data-testid="report-entry-unit">{names.get(entry.unitId)}</span>{' '}
              <span className="muted">{t('reports.issuedAt', { time: formatDateTime(entry.issuedAt) })}</span>
            </span>
            <button
              type="button"
              className="btn"
              onClick={() => void open(entry.id)}
              data-testid="report-open"
            >
              {t('reports.open')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
