import { type FormEvent, useState } from 'react';
import { type MetricActual, putActual } from '../../api/metrics.ts';
import { useAction } from '../../hooks/useAction.ts';
import { useI18n } from '../../i18n/context.tsx';
import { amount } from '../progress/format.ts';
import { AmountField } from './AmountField.tsx';
import { errorFields, FieldErrorNotice } from './FieldErrorNotice.tsx';
import { FormButtons } from './FormButtons.tsx';
import { type MetricRow, previousMonth } from './model.ts';
import { useMetricDetail } from './useMetricDetail.ts';

export interface ActualFormProps {
  row: MetricRow;
  /** The server's today, 'YYYY-MM-DD': the last month that has ended is the default. */
  today: string;
  onSaved(actual: MetricActual): void;
  onCancel(): void;
}

/** The owner unit enters a month's actual with a note; the months already entered are listed below. */
export function ActualForm({ row, today, onSaved, onCancel }: ActualFormProps) {
  const { t } = useI18n();
  const { metric } = row;
  const detail = useMetricDetail(metric.id);
  const action = useAction();
  const [period, setPeriod] = useState(() => previousMonth(today));
  const [value, setValue] = useState('');
  const [note, setNote] = useState('');
  const invalid = errorFields(action.error);
  const recent = [...(detail?.actuals ?? [])].sort((a, b) => b.period.localeCompare(a.period)).slice(0, 6);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let saved: MetricActual | undefined;
    const ok = await action.run(
      async () => {
        saved = await putActual(metric.id, period, {
          value: value.trim() === '' ? Number.NaN : Number(value),
          ...(note.trim() !== '' && { note: note.trim() }),
        });
      },
      () => '',
    );
    if (ok && saved) onSaved(saved);
  };

  return (
    <form className="metric-form card" data-testid="actual-form" onSubmit={submit} noValidate>
      <h3>{t('metrics.actual.title', { code: metric.code })}</h3>
      <p className="muted">
        {metric.name} · {row.ownerName} ·{' '}
        {t(metric.kind === 'cumulative' ? 'metrics.actual.cumulativeHint' : 'metrics.actual.levelHint')}
      </p>
      <div className="metric-form-grid">
        <label>
          {t('metrics.field.period')}
          <input
            name="period"
            type="month"
            value={period}
            max={today.slice(0, 7)}
            aria-invalid={invalid.includes('period') || undefined}
            onChange={(e) => setPeriod(e.target.value)}
          />
        </label>
        <AmountField
          label={t('metrics.actual.valueIn', { unit: metric.unitOfMeasure })}
          name="value"
          value={value}
          invalid={invalid.includes('value')}
          onChange={setValue}
        />
      </div>
      <label>
        {t('metrics.field.note')}
        <textarea
          name="note"
          rows={2}
          maxLength={500}
          value={note}
          aria-invalid={invalid.includes('note') || undefined}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <FieldErrorNotice error={action.error} />
      <FormButtons
        label={t('metrics.actual.save')}
        busy={action.busy}
        testId="actual-save"
        onCancel={onCancel}
      />
      {recent.length > 0 && (
        <section className="metric-actuals">
          <h4>{t('metrics.actual.history')}</h4>
          <ul>
            {recent.map((a) => (
              <li key={a.period} data-testid="actual-entered" data-period={a.period}>
                {a.period} · {amount(a.value)} {metric.unitOfMeasure}
                {a.note ? ` · ${a.note}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </form>
  );
}
