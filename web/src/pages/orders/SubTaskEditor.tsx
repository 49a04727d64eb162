import type { SubTaskInput } from '../../api/orders.ts';
import type { Unit } from '../../api/types.ts';
import { useI18n } from '../../i18n/context.tsx';
import { UnitPicker } from './UnitPicker.tsx';

export interface SubTaskEditorProps {
  subTasks: readonly SubTaskInput[];
  units: readonly Unit[];
  onChange(subTasks: SubTaskInput[]): void;
}

/** Collaborating units (协办) named with a dispatch, each with what it is asked to do. */
export function SubTaskEditor({ subTasks, units, onChange }: SubTaskEditorProps) {
  const { t } = useI18n();
  const update = (i: number, change: Partial<SubTaskInput>) =>
    onChange(subTasks.map((s, j) => (j === i ? { ...s, ...change } : s)));
  return (
    <fieldset className="subtask-editor" data-testid="subtask-editor">
      <legend>{t('form.subTasks')}</legend>
      {subTasks.map((s, i) => (
        // Rows have no id of their own until the server gives one; their position is their identity here.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <div key={i} className="subtask-row" data-testid="subtask-row">
          <UnitPicker
            name={`subTasks.${i}.unitId`}
            label={t('form.subTaskUnit')}
            value={s.unitId}
            units={units}
            onChange={(unitId) => update(i, { unitId })}
          />
          <label>
            {t('form.task')}
            <input
              name={`subTasks.${i}.task`}
              value={s.task ?? ''}
              maxLength={200}
              onChange={(e) => update(i, { task: e.target.value })}
            />
          </label>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => onChange(subTasks.filter((_, j) => j !== i))}
          >
            {t('form.remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small"
        data-testid="add-subtask"
        onClick={() => onChange([...subTasks, { unitId: '' }])}
      >
        {t('form.addSubTask')}
      </button>
    </fieldset>
  );
}
