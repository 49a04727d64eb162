import type { WeeklyReport } from '../../api/reports.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../time.ts';
import { figureText as shown } from './figureText.ts';

/** The weekly report rendered: work-order figures week on week, progress, rankings, key tasks, fleet. */
export function ReportView({
  report,
  links,
}: {
  report: WeeklyReport;
  links: { xlsx: string; html: string };
}) {
  const { t } = useI18n();
  const lights = { green: 0, yellow: 0, red: 0 };
  for (const p of report.progress) if (p.light) lights[p.light]++;
  const red = report.tasks.filter((x) => x.red && x.state !== 'done').length;
  return (
    <article className="report card" data-testid="report-view" data-week={report.week}>
      <h2>{t('reports.heading', { unit: report.unit.name, week: report.week })}</h2>
      <p className="muted">
        {t('reports.period', { from: formatDateTime(report.from), to: formatDateTime(report.to) })}
      </p>
      <div className="report-links">
        <a className="btn" href={links.xlsx} data-testid="report-xlsx">
          {t('reports.xlsx')}
        </a>
        <a className="btn" href={links.html} target="_blank" rel="noreferrer" data-testid="report-print">
          {t('reports.print')}
        </a>
      </div>
      <h3>{t('reports.orders')}</h3>
      <table className="report-figures">
        <thead>
          <tr>
            <th>{t('reports.figure')}</th>
            <th>{t('reports.value')}</th>
            <th>{t('reports.previous')}</th>
            <th>{t('reports.change')}</th>
          </tr>
        </thead>
        <tbody>
          {report.orders.map((f) => (
            <tr key={f.key} data-testid="report-figure" data-key={f.key}>
              <th scope="row">{f.label}</th>
              <td data-testid="report-value">{shown(f.key, f.value)}</td>
              <td>{shown(f.key, f.previous)}</td>
              <td>{shown(f.key, f.change, true)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('reports.progress')}</h3>
      <p>{t('reports.progressSummary', { count: report.progress.length, ...lights })}</p>
      <h3>{t('reports.rankings')}</h3>
      <div className="report-rankings">
        {report.rankings.map((r) => (
          <section key={r.kind}>
            <h4>{t(`reports.kind.${r.kind as 'community' | 'workstation' | 'department'}`)}</h4>
            <ol>
              {r.items
                .filter((i) => i.rank !== null)
                .slice(0, 5)
                .map((i) => (
                  <li key={i.unit.id}>
                    {i.unit.name} · {shown('onTimeClosureRate', i.onTimeClosureRate)}
                  </li>
                ))}
            </ol>
          </section>
        ))}
      </div>
      <h3>{t('reports.tasks')}</h3>
      <p>
        {report.tasks.length} · {t('reports.redTasks', { count: red })}
      </p>
      <h3>{t('reports.fleet')}</h3>
      <p>
        {t('reports.fleetFigures', {
          boats: report.fleet.boats,
          km: report.fleet.distanceKm.toFixed(1),
          hours: report.fleet.workHours.toFixed(1),
          tonnes: report.fleet.tonnes.toFixed(1),
        })}
      </p>
    </article>
  );
}
