import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { type ImportProblem, importMetrics, type MetricImport, TEMPLATE_URL } from '../../api/metrics.ts';
import { useAction } from '../../hooks/useAction.ts';
import { useI18n } from '../../i18n/context.tsx';
import { FieldErrorNotice } from './FieldErrorNotice.tsx';

export interface ImportPanelProps {
  /** Why the user may not import (the button stays, disabled); null when they may. */
  why: string | null;
  onImported(): void;
}

/** The bad rows of a refused import (METRIC_IMPORT_INVALID's details.errors), as the API lists them. */
function problemsOf(error: unknown): ImportProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'METRIC_IMPORT_INVALID') return [];
  const errors = (error.details as { errors?: unknown } | undefined)?.errors;
  return Array.isArray(errors) ? (errors as ImportProblem[]) : [];
}

function ProblemList({ title, problems }: { title: string; problems: readonly ImportProblem[] }) {
  const { t } = useI18n();
  if (problems.length === 0) return null;
  return (
    <div className="import-problems" data-testid="import-problems">
      <p>{title}</p>
      <ul>
        {problems.map((p) => (
          <li key={p.line} data-testid="import-problem" data-line={p.line}>
            <strong>{t('metrics.import.line', { line: p.line })}</strong> {p.reasons.join('；')}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Import from .xlsx: the template to start from, the file, "good rows only" (partial=1), and on a
 * refusal every bad row with its Excel line number and the API's reasons.
 */
export function ImportPanel({ why, onImported }: ImportPanelProps) {
  const { t } = useI18n();
  const action = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [partial, setPartial] = useState(false);
  const [result, setResult] = useState<MetricImport | null>(null);
  const problems = problemsOf(action.error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setResult(null);
    const ok = await action.run(
      async () => setResult(await importMetrics(file, partial)),
      () => '',
    );
    if (ok) onImported();
  };

  return (
    <details className="metric-import card" data-testid="metric-import">
      <summary>{t('metrics.import.title')}</summary>
      <form onSubmit={submit}>
        <p className="muted">{t('metrics.import.hint')}</p>
        {why === null ? (
          <a className="btn btn-small btn-ghost" href={TEMPLATE_URL} download data-testid="import-template">
            {t('metrics.import.template')}
          </a>
        ) : (
          // The template route is the importers' too: shown, but off, for everyone else.
          <span
            className="btn btn-small btn-ghost"
            aria-disabled="true"
            title={why}
            data-testid="import-template"
          >
            {t('metrics.import.template')}
          </span>
        )}
        <label>
          {t('metrics.import.file')}
          <input
            type="file"
            name="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            data-testid="import-file"
            disabled={why !== null}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setResult(null);
              action.clear();
            }}
          />
        </label>
        <label className="check">
          <input
            type="checkbox"
            name="partial"
            data-testid="import-partial"
            checked={partial}
            disabled={why !== null}
            onChange={(e) => setPartial(e.target.checked)}
          />
          {t('metrics.import.partial')}
        </label>
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="import-submit"
          disabled={why !== null || file === null || action.busy}
          title={why ?? (file === null ? t('metrics.import.noFile') : undefined)}
        >
          {t('metrics.import.submit')}
        </button>
        {why !== null && <p className="metric-why muted">{why}</p>}
        {result && (
          <div className="notice notice-ok" role="status" data-testid="import-done">
            {t('metrics.import.done', {
              imported: result.imported,
              created: result.created,
              updated: result.updated,
            })}
          </div>
        )}
        <ProblemList
          title={t('metrics.import.skippedRows', { count: result?.skipped.length ?? 0 })}
          problems={result?.skipped ?? []}
        />
        <FieldErrorNotice error={action.error} />
        <ProblemList title={t('metrics.import.badRows', { count: problems.length })} problems={problems} />
      </form>
    </details>
  );
}
