import { useCallback, useState } from 'react';
import { TASK_MANAGERS } from '../../../src/domain/tasks/model.ts';
import {
  archivedLinks,
  fetchArchivedReport,
  fetchReportArchive,
  fetchWeeklyReport,
  issueWeeklyReport,
  type WeeklyReport,
  weeklyLinks,
} from '../api/reports.ts';
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
 * opens each as it was, with its .xlsx and print view.
 */
export function ReportsPage() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const [week, setWeek] = useState('');
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const archive = useAsync(useCallback((signal: AbortSignal) => fetchReportArchive(signal), []));
  const mayIssue = (TASK_MANAGERS as readonly string[]).includes(user.role);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const generate = () =>
    run(async () => {
      const report = await fetchWeeklyReport(week);
      setShown({ report, links: weeklyLinks(week, report.unit.id), archived: false });
    });
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
  const open = (id: string) =>
    run(async () => {
      setShown({ report: await fetchArchivedReport(id), links: archivedLinks(id), archived: true });
    });

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
              onChange={(e) => setWeek(e.target.value)}
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
