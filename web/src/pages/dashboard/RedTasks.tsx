import { useI18n } from '../../i18n/context.tsx';
import { shanghaiDay } from '../../time.ts';
import type { Charts } from './useDashboard.ts';

/** At most this many on the wall: the rest are a click away on the key-task page. */
const SHOWN = 6;

/**
 * The red key tasks (overdue, or a milestone late), soonest deadline first: what a leader pushes
 * on the push day. Each opens the key-task page.
 */
export function RedTasks({ tasks, now }: { tasks: Charts['redTasks']; now: number }) {
  const { t } = useI18n();
  if (tasks.length === 0) return <p className="muted">{t('dashboard.redTasksNone')}</p>;
  return (
    <>
      <ul className="dash-red-tasks" data-testid="dash-red-tasks">
        {tasks.slice(0, SHOWN).map(({ task, unitName }) => (
          <li key={task.id} data-testid="dash-red-task" data-task-id={task.id}>
            <a href="#/tasks">
              <span className="dash-red-title">{task.title}</span>
              <span className="dash-red-meta muted">
                {unitName} · {t('dashboard.redTaskDeadline', { date: shanghaiDay(task.deadline) })}
                {task.state === 'overdue' &&
                  ` · ${t('dashboard.redTaskOverdue', { days: Math.max(1, Math.floor((now - Date.parse(task.deadline)) / 86_400_000)) })}`}
              </span>
            </a>
            <span className="dash-red-percent">{task.percent === null ? '—' : `${task.percent}%`}</span>
          </li>
        ))}
      </ul>
      {tasks.length > SHOWN && (
        <a className="muted" href="#/tasks">
          {t('dashboard.redTasksMore', { count: tasks.length - SHOWN })}
        </a>
      )}
    </>
  );
}
