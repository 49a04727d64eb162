import { type FormEvent, useEffect, useState } from 'react';
import { type MetricTarget, putTarget } from '../../api/metrics.ts';
import { useAction } from '../../hooks/useAction.ts';
import { useI18n } from '../../i18n/context.tsx';
import { amount } from '../progress/format.ts';
import { AmountField } from './AmountField.tsx';
import { errorFields, FieldErrorNotice } from './FieldErrorNotice.tsx';
import { FormButtons } from './FormButtons.tsx';
import { type MetricRow, monthlyTargets } from './model.ts';
import { useMetricDetail } from './useMetricDetail.ts';

export interface TargetFormProps {
  row: MetricRow;
  /** The server's today, 'YYYY-MM-DD': the year the form starts at. */
  today: string;
  onSaved(target: MetricTarget): void;
  onCancel(): void;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const text = (n: number | undefined) => (n === undefined ? '' : amount(n));

/**
 * Sets a year's annual target of the owner unit and, optionally, the plan as of each month's end
 * (all twelve, as the API wants them). The stored target of the year fills the form.
 */
export function TargetForm({ row, today, onSaved, onCancel }: TargetFormProps) {
  const { t } = useI18n();
  const { metric } = row;
  const detail = useMetricDetail(metric.id);
  const action = useAction();
  const [year, setYear] = useState(today.slice(0, 4));
  const [annual, setAnnual] = useState('');
  const [split, setSplit] = useState(false);
  const [monthly, setMonthly] = useState<string[]>(() => MONTHS.map(() => ''));
  const [incomplete, setIncomplete] = useState(false);
  const invalid = errorFields(action.error);

  // The stored target of the year chosen, once the metric's detail arrives.
  useEffect(() => {
    const stored = detail?.targets.find((x) => String(x.year) === year && x.unitId === metric.ownerUnitId);
    setAnnual(text(stored?.annual));
    setSplit(Boolean(stored?.monthly));
    setMonthly(MONTHS.map((m) => text(stored?.monthly?.[m - 1])));
  }, [detail, year, metric.ownerUnitId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const months = split ? monthlyTargets(monthly) : undefined;
    setIncomplete(months === 'incomplete');
    if (months === 'incomplete') return;
    let saved: MetricTarget | undefined;
    const ok = await action.run(
      async () => {
        saved = await putTarget(metric.id, Number(year), {
          annual: annual.trim() === '' ? Number.NaN : Number(annual),
          ...(months && { monthly: months }),
        });
      },
      () => '',
    );
    if (ok && saved) onSaved(saved);
  };

  return (
    <form className="metric-form card" data-testid="target-form" onSubmit={submit} noValidate>
      <h3>{t('metrics.target.title', { code: metric.code })}</h3>
      <p className="muted">
        {metric.name} · {row.ownerName} · {metric.unitOfMeasure}
      </p>
      <div className="metric-form-grid">
        <label>
          {t('metrics.field.year')}
          <input
            name="year"
            type="number"
            min={2000}
            max={2100}
            value={year}
            aria-invalid={invalid.includes('year') || undefined}
            onChange={(e) => setYear(e.target.value)}
          />
        </label>
        <AmountField
          label={t('metrics.field.annual')}
          name="annual"
          value={annual}
          invalid={invalid.includes('annual')}
          onChange={setAnnual}
        />
      </div>
      <label className="check">
        <input type="checkbox" name="split" checked={split} onChange={(e) => setSplit(e.target.checked)} />
        {t('metrics.target.monthlyToggle')}
      </label>
      {split && (
        <fieldset
          className="metric-months"
          aria-invalid={invalid.includes('monthly') || incomplete || undefined}
        >
          <legend>{t('metrics.field.monthly')}</legend>
          {MONTHS.map((m) => (
            <AmountField
              key={m}
              label={t('metrics.target.month', { month: m })}
              name={`monthly.${m - 1}`}
              value={monthly[m - 1] ?? ''}
              onChange={(text) => setMonthly(monthly.map((v, i) => (i === m - 1 ? text : v)))}
            />
          ))}
        </fieldset>
      )}
      {incomplete && (
        <p className="notice notice-error" role="alert">
          {t('metrics.target.monthlyNeedsAll')}
        </p>
      )}
      <FieldErrorNotice error={action.error} />
      <FormButtons
        label={t('metrics.target.save')}
        busy={action.busy}
        testId="target-save"
        onCancel={onCancel}
      />
    </form>
  );
}
