import { type FormEvent, useState } from 'react';
import {
  createMetric,
  METRIC_DIRECTIONS,
  METRIC_KINDS,
  type Metric,
  type MetricDirection,
  type MetricKind,
  patchMetric,
  SCHEDULE_BASES,
  type ScheduleBasis,
} from '../../api/metrics.ts';
import type { Unit } from '../../api/types.ts';
import { useAction } from '../../hooks/useAction.ts';
import { useI18n } from '../../i18n/context.tsx';
import { useSignedIn } from '../../session/context.tsx';
import { UnitPicker } from '../orders/UnitPicker.tsx';
import { rememberUnit } from '../orders/unitPickerModel.ts';
import { errorFields, FieldErrorNotice } from './FieldErrorNotice.tsx';
import { FormButtons } from './FormButtons.tsx';

export interface MetricFormProps {
  /** The metric to edit; none adds one. */
  metric?: Metric;
  units: readonly Unit[];
  onSaved(metric: Metric): void;
  onCancel(): void;
}

/** What the form edits: a metric's defining fields (its owner person and source are left as they are). */
interface Fields {
  code: string;
  name: string;
  unitOfMeasure: string;
  ownerUnitId: string;
  kind: MetricKind;
  direction: MetricDirection;
  scheduleBasis: ScheduleBasis;
}

type TextField = 'code' | 'name' | 'unitOfMeasure';
type ChoiceField = 'kind' | 'direction' | 'scheduleBasis';

const fieldsOf = (m: Metric): Fields => ({
  code: m.code,
  name: m.name,
  unitOfMeasure: m.unitOfMeasure,
  ownerUnitId: m.ownerUnitId,
  kind: m.kind,
  direction: m.direction,
  scheduleBasis: m.scheduleBasis,
});

const EMPTY: Fields = {
  code: '',
  name: '',
  unitOfMeasure: '',
  ownerUnitId: '',
  kind: 'cumulative',
  direction: 'up',
  scheduleBasis: 'months',
};

/** Adds or edits a metric: its code, name, unit of measure, owner unit (UnitPicker), kind, direction, schedule basis. */
export function MetricForm({ metric, units, onSaved, onCancel }: MetricFormProps) {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const action = useAction();
  const [values, setValues] = useState<Fields>(() => (metric ? fieldsOf(metric) : EMPTY));
  const set = (change: Partial<Fields>) => setValues((v) => ({ ...v, ...change }));
  const invalid = errorFields(action.error);
  const bad = (field: keyof Fields) => invalid.includes(field) || undefined;
  const text = (field: TextField, maxLength: number, placeholder?: string, title?: string) => (
    <label>
      {t(`metrics.field.${field}`)}
      <input
        name={field}
        value={values[field]}
        maxLength={maxLength}
        aria-invalid={bad(field)}
        placeholder={placeholder}
        title={title}
        onChange={(e) => set({ [field]: e.target.value })}
      />
    </label>
  );
  const choice = <K extends ChoiceField>(
    field: K,
    options: readonly Fields[K][],
    labelOf: (v: Fields[K]) => string,
  ) => (
    <label>
      {t(`metrics.field.${field}`)}
      <select
        name={field}
        value={values[field]}
        aria-invalid={bad(field)}
        // The options are the domain's own list, so the value is one of them.
        onChange={(e) => set({ [field]: e.target.value as Fields[K] })}
      >
        {options.map((o) => (
          <option key={o} value={o}>
            {labelOf(o)}
          </option>
        ))}
      </select>
    </label>
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    let saved: Metric | undefined;
    const body = { ...values, code: values.code.trim(), name: values.name.trim() };
    const ok = await action.run(
      async () => {
        saved = metric ? await patchMetric(metric.id, body) : await createMetric(body);
      },
      () => '',
    );
    if (ok && saved) {
      // The owner chosen comes first in the picker next time (this user, this browser).
      rememberUnit(user.id, saved.ownerUnitId);
      onSaved(saved);
    }
  };

  return (
    <form className="metric-form card" data-testid="metric-form" onSubmit={submit} noValidate>
      <h3>{metric ? t('metrics.form.editTitle', { code: metric.code }) : t('metrics.form.newTitle')}</h3>
      <div className="metric-form-grid">
        {text('code', 40, 'ECO-GDP', t('metrics.form.codeHint'))}
        {text('name', 100)}
        {text('unitOfMeasure', 20, t('metrics.form.unitExample'))}
        {choice('kind', METRIC_KINDS, (k) => t(`metrics.kind.${k}`))}
        {choice('direction', METRIC_DIRECTIONS, (d) => t(`metrics.direction.${d}`))}
        {choice('scheduleBasis', SCHEDULE_BASES, (b) => t(`metrics.basis.${b}`))}
      </div>
      <div className={bad('ownerUnitId') ? 'metric-owner invalid' : 'metric-owner'}>
        <UnitPicker
          name="ownerUnitId"
          label={t('metrics.field.ownerUnitId')}
          value={values.ownerUnitId}
          units={units}
          emptyLabel={t('metrics.form.chooseOwner')}
          onChange={(ownerUnitId) => set({ ownerUnitId })}
        />
      </div>
      <FieldErrorNotice error={action.error} />
      <FormButtons
        label={t('metrics.form.save')}
        busy={action.busy}
        testId="metric-save"
        onCancel={onCancel}
      />
    </form>
  );
}
