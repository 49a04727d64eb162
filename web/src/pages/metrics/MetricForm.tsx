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
        <label>
          {t('metrics.field.code')}
          <input
            name="code"
            value={values.code}
            maxLength={40}
            aria-invalid={bad('code')}
            placeholder="ECO-GDP"
            title={t('metrics.form.codeHint')}
            onChange={(e) => set({ code: e.target.value })}
          />
        </label>
        <label>
          {t('metrics.field.name')}
          <input
            name="name"
            value={values.name}
            maxLength={100}
            aria-invalid={bad('name')}
            onChange={(e) => set({ name: e.target.value })}
          />
        </label>
        <label>
          {t('metrics.field.unitOfMeasure')}
          <input
            name="unitOfMeasure"
            value={values.unitOfMeasure}
            maxLength={20}
            aria-invalid={bad('unitOfMeasure')}
            placeholder="亿元"
            onChange={(e) => set({ unitOfMeasure: e.target.value })}
          />
        </label>
        <label>
          {t('metrics.field.kind')}
          <select
            name="kind"
            value={values.kind}
            aria-invalid={bad('kind')}
            onChange={(e) => set({ kind: e.target.value as Fields['kind'] })}
          >
            {METRIC_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`metrics.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('metrics.field.direction')}
          <select
            name="direction"
            value={values.direction}
            aria-invalid={bad('direction')}
            onChange={(e) => set({ direction: e.target.value as Fields['direction'] })}
          >
            {METRIC_DIRECTIONS.map((d) => (
              <option key={d} value={d}>
                {t(`metrics.direction.${d}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('metrics.field.scheduleBasis')}
          <select
            name="scheduleBasis"
            value={values.scheduleBasis}
            aria-invalid={bad('scheduleBasis')}
            onChange={(e) => set({ scheduleBasis: e.target.value as Fields['scheduleBasis'] })}
          >
            {SCHEDULE_BASES.map((b) => (
              <option key={b} value={b}>
                {t(`metrics.basis.${b}`)}
              </option>
            ))}
          </select>
        </label>
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
      <div className="form-buttons">
        <button type="submit" className="btn btn-primary" disabled={action.busy} data-testid="metric-save">
          {t('metrics.form.save')}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
