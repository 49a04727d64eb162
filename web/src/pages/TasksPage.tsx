import { useCallback, useMemo, useState } from 'react';
import { TASK_NOTE_WRITERS } from '../../../src/domain/tasks/model.ts';
import { fetchTasks } from '../api/tasks.ts';
import { fetchUnits } from '../api/units.ts';
import { ErrorNotice } from '../components/ErrorNotice.tsx';
import { useAsync } from '../hooks/useAsync.ts';
import { useI18n } from '../i18n/context.tsx';
import { useSignedIn } from '../session/context.tsx';
import { TaskCard } from './tasks/TaskCard.tsx';

/**
 * Key tasks (重点工作清单): the tasks of the user's scope by deadline with their lights (red:
 * overdue or a milestone late), the share done, and, opened, the notes and milestones; the
 * owner units' staff write the week's progress note there. "My unit only" is the owner's view.
 */
export function TasksPage() {
  const { t } = useI18n();
  const { user } = useSignedIn();
  const [mine, setMine] = useState(
    user.role !== 'admin' && user.role !== 'operator' && user.role !== 'leader',
  );
  const tasks = useAsync(
    useCallback(
      (signal: AbortSignal) => fetchTasks(mine ? { unitId: user.unitId } : {}, signal),
      [mine, user.unitId],
    ),
  );
  const units = useAsync(useCallback((signal: AbortSignal) => fetchUnits(signal, false), []));
  const names = useMemo(() => new Map((units.data ?? []).map((u) => [u.id, u.name])), [units.data]);
  const items = tasks.data ?? [];
  const mayWrite = (TASK_NOTE_WRITERS as readonly string[]).includes(user.role);

  return (
    <div className="page page-tasks">
      <div className="page-head tasks-head">
        <h1>{t('tasks.title')}</h1>
        <label className="tasks-mine">
          <input
            type="checkbox"
            checked={mine}
            data-testid="tasks-mine"
            onChange={(e) => setMine(e.target.checked)}
          />
          {t('tasks.mine')}
        </label>
      </div>
      <ErrorNotice error={tasks.error} />
      {tasks.data && (
        <p className="tasks-summary muted" data-testid="tasks-summary">
          {t('tasks.summary', {
            count: items.length,
            red: items.filter((i) => i.red && i.state !== 'done').length,
            done: items.filter((i) => i.state === 'done').length,
          })}
        </p>
      )}
      {tasks.data && items.length === 0 && <p className="muted">{t('tasks.empty')}</p>}
      <ul className="task-list" data-testid="task-list" aria-busy={tasks.loading}>
        {items.map((task) => (
          <TaskCard
            key={task.id}
            task={task}
            unitName={names.get(task.ownerUnitId) ?? ''}
            mayWrite={mayWrite}
            onChanged={tasks.reload}
          />
        ))}
      </ul>
    </div>
  );
}
