import { useState } from 'react';
import {
  type ActionBody,
  type ActionType,
  type Order,
  SATISFACTIONS,
  type Satisfaction,
} from '../../api/orders.ts';
import { useI18n } from '../../i18n/context.tsx';
import { useSignedIn } from '../../session/context.tsx';
import { AssetPicker } from './AssetPicker.tsx';
import {
  ACTION_FORMS,
  type ActionValues,
  actionBody,
  EMPTY_VALUES,
  isComplete,
  subTaskOptions,
} from './actionFormModel.ts';
import { MergePicker } from './MergePicker.tsx';
import { PhotoInput } from './PhotoInput.tsx';
import { SubTaskEditor } from './SubTaskEditor.tsx';
import { UnitPicker } from './UnitPicker.tsx';
import { UnitSelect } from './UnitSelect.tsx';
import { rememberUnit } from './unitPickerModel.ts';
import { useDirectoryContext } from './useDirectory.ts';

export interface ActionFormProps {
  action: ActionType;
  order: Order;
  busy: boolean;
  onSubmit(body: ActionBody): Promise<boolean>;
  onCancel(): void;
}

/** The small form an action needs (reason, unit, sub-tasks, photos, result…), sent with the version seen. */
export function ActionForm({ action, order, busy, onSubmit, onCancel }: ActionFormProps) {
  const { t } = useI18n();
  const { unit: myUnit, user } = useSignedIn();
  const { units } = useDirectoryContext();
  const form = ACTION_FORMS[action];
  const options = form.subTask ? subTaskOptions(order, form.subTask, myUnit.id) : [];
  const [values, setValues] = useState<ActionValues>(() => ({
    ...EMPTY_VALUES,
    subTaskId: options[0]?.value ?? '',
    // Changing the boats starts from those sent now.
    assetIds: form.assets === 'list' ? [...order.assetIds] : [],
  }));
  const [uploading, setUploading] = useState(false);
  const set = (change: Partial<ActionValues>) => setValues((v) => ({ ...v, ...change }));
  const label = t(`action.${action}`);

  return (
    <form
      className="action-form card"
      data-testid="action-form"
      data-action={action}
      onSubmit={async (event) => {
        event.preventDefault();
        const done = await onSubmit(actionBody(action, values, order.version));
        // The units dispatched to come first in the picker next time (this user, this browser).
        if (done && form.dispatch && values.unitId !== '') rememberUnit(user.id, values.unitId);
      }}
    >
      <h3>{label}</h3>
      {form.mergeInto && (
        <MergePicker
          orderId={order.id}
          value={values.intoOrderId}
          onChange={(intoOrderId) => set({ intoOrderId })}
        />
      )}
      {form.dispatch && (
        <>
          <UnitPicker
            name="unitId"
            label={t('form.unit')}
            value={values.unitId}
            units={units}
            emptyLabel={t('form.defaultUnit')}
            onChange={(unitId) => set({ unitId, assetIds: [] })}
          />
          <SubTaskEditor
            subTasks={values.subTasks}
            units={units}
            onChange={(subTasks) => set({ subTasks })}
          />
          {form.assets && values.unitId !== '' && (
            <AssetPicker
              key={values.unitId}
              unitId={values.unitId}
              value={values.assetIds}
              onChange={(assetIds) => set({ assetIds })}
            />
          )}
        </>
      )}
      {form.assets === 'list' && (
        <AssetPicker
          unitId={order.responsibleUnitId}
          value={values.assetIds}
          onChange={(assetIds) => set({ assetIds })}
        />
      )}
      {form.newSubTask && (
        <>
          <UnitPicker
            name="unitId"
            label={t('form.unit')}
            value={values.unitId}
            units={units}
            onChange={(unitId) => set({ unitId })}
          />
          <label>
            {t('form.task')}
            <input
              name="task"
              value={values.task}
              maxLength={200}
              onChange={(e) => set({ task: e.target.value })}
            />
          </label>
        </>
      )}
      {form.subTask && options.length > 0 && (
        <label>
          {t('form.target')}
          <select
            name="subTaskId"
            value={values.subTaskId}
            onChange={(e) => set({ subTaskId: e.target.value })}
          >
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.subTask
                  ? [o.subTask.unitName ?? t('unit.other'), o.subTask.task].filter(Boolean).join(' · ')
                  : t('form.wholeOrder')}
              </option>
            ))}
          </select>
        </label>
      )}
      {form.verify && (
        <fieldset className="choice-row">
          <legend>{t('form.passed')}</legend>
          <label>
            <input
              type="radio"
              name="passed"
              checked={values.passed}
              onChange={() => set({ passed: true })}
            />
            {t('form.pass')}
          </label>
          <label>
            <input
              type="radio"
              name="passed"
              checked={!values.passed}
              onChange={() => set({ passed: false })}
            />
            {t('form.fail')}
          </label>
        </fieldset>
      )}
      {form.returnVisit && (
        <>
          <label>
            {t('form.satisfaction')}
            <select
              name="satisfaction"
              value={values.satisfaction}
              onChange={(e) => set({ satisfaction: e.target.value as Satisfaction })}
            >
              {SATISFACTIONS.map((s) => (
                <option key={s} value={s}>
                  {t(`satisfaction.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              name="solved"
              checked={values.solved}
              onChange={(e) => set({ solved: e.target.checked })}
            />
            {t('form.solved')}
          </label>
        </>
      )}
      {form.extension && (
        <div className="field-row">
          <label>
            {t('form.extension')}
            <input
              name="amount"
              type="number"
              min="0.5"
              max="1000"
              step="0.5"
              value={values.amount}
              onChange={(e) => set({ amount: e.target.value })}
            />
          </label>
          <label>
            &nbsp;
            <select
              name="amountUnit"
              value={values.amountUnit}
              onChange={(e) => set({ amountUnit: e.target.value === 'days' ? 'days' : 'hours' })}
            >
              <option value="hours">{t('form.hours')}</option>
              <option value="days">{t('form.days')}</option>
            </select>
          </label>
        </div>
      )}
      {form.consult && (
        <>
          {[...values.unitIds, ''].map((unitId, i) => (
            <UnitSelect
              // biome-ignore lint/suspicious/noArrayIndexKey: the rows are positions in a list the user edits
              key={i}
              name={`unitIds.${i}`}
              label={t('form.consultUnits')}
              value={unitId}
              units={units}
              emptyLabel={i < values.unitIds.length ? undefined : '—'}
              onChange={(id) => {
                const next = [...values.unitIds];
                next[i] = id;
                set({ unitIds: next.filter((u) => u !== '') });
              }}
            />
          ))}
          <label>
            {t('form.question')}
            <textarea
              name="question"
              rows={2}
              maxLength={1000}
              required
              value={values.question}
              onChange={(e) => set({ question: e.target.value })}
            />
          </label>
          <label>
            {t('form.dueAt')}
            <input
              name="dueAt"
              type="datetime-local"
              required
              value={values.dueAt}
              onChange={(e) => set({ dueAt: e.target.value })}
            />
          </label>
        </>
      )}
      {form.agree && (
        <fieldset className="choice-row">
          <legend>{t('form.agree')}</legend>
          <label>
            <input type="radio" name="agree" checked={values.agree} onChange={() => set({ agree: true })} />
            {t('form.agreeYes')}
          </label>
          <label>
            <input type="radio" name="agree" checked={!values.agree} onChange={() => set({ agree: false })} />
            {t('form.agreeNo')}
          </label>
        </fieldset>
      )}
      {form.until && (
        <label>
          {t('form.until')}
          <input
            name="until"
            type="datetime-local"
            required
            value={values.until}
            onChange={(e) => set({ until: e.target.value })}
          />
        </label>
      )}
      {form.reason && (
        <label>
          {t('form.reason')}
          <textarea
            name="reason"
            rows={2}
            maxLength={1000}
            required
            value={values.reason}
            onChange={(e) => set({ reason: e.target.value })}
          />
        </label>
      )}
      {form.photos && (
        <PhotoInput
          ids={values.photos}
          label={t(form.photos === 'required' ? 'form.photosRequired' : 'form.photos')}
          onChange={(photos) => set({ photos })}
          onUploading={setUploading}
        />
      )}
      <label>
        {t(form.noteRequired ? 'form.noteRequired' : 'form.note')}
        <textarea
          name="note"
          rows={2}
          maxLength={2000}
          required={form.noteRequired}
          value={values.note}
          onChange={(e) => set({ note: e.target.value })}
        />
      </label>
      <div className="form-buttons">
        <button
          type="submit"
          className="btn btn-primary"
          data-testid="action-submit"
          disabled={busy || uploading || !isComplete(action, values)}
        >
          {t('form.confirm', { action: label })}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
