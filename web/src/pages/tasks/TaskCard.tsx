import { useCallback, useState } from 'react';
import { thumbnailUrl } from '../../api/attachments.ts';
import { fetchTask, type Task } from '../../api/tasks.ts';
import { ErrorNotice } from '../../components/ErrorNotice.tsx';
import { useAsync } from '../../hooks/useAsync.ts';
import { useI18n } from '../../i18n/context.tsx';
import { formatDateTime } from '../../time.ts';
import { NoteForm } from './NoteForm.tsx';

/** The task's light: done, red (overdue or a milestone late), or green. */
export function taskLight(task: Task): 'done' | 'red' | 'green' {
  if (task.state === 'done') return 'done';
  return task.red ? 'red' : 'green';
}

/** One key task: its light, owner, deadline and share done; opened, its milestones, notes and the note form. */
export function TaskCard({
  task,
  unitName,
  mayWrite,
  onChanged,
}: {
  task: Task;
  unitName: string;
  mayWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const light = taskLight(task);
  return (
    <li
      className={`task-card card light-${light === 'done' ? 'none' : light}`}
      data-testid="task-item"
      data-task-id={task.id}
      data-light={light}
    >
      <div className="task-card-head">
        <span className="task-title">{task.title}</span>
        <span className={`light light-${light === 'done' ? 'none' : light}`} data-testid="task-light">
          {light !== 'done' && <span className="light-dot" aria-hidden="true" />}
          {t(`tasks.light.${light}`)}
        </span>
      </div>
      <div className="task-meta muted">
        <span>{unitName}</span>
        <span>{t('tasks.deadline', { date: formatDateTime(task.deadline) })}</span>
        <span data-testid="task-state">{t(`tasks.state.${task.state}`)}</span>
      </div>
      <div className="task-progress">
        <div
          className="progress-bar"
          role="img"
          aria-label={task.percent === null ? t('tasks.noPercent') : `${task.percent}%`}
        >
          <div className="progress-fill" style={{ width: `${Math.min(100, task.percent ?? 0)}%` }} />
        </div>
        <span data-testid="task-percent">
          {task.percent === null ? t('tasks.noPercent') : t('tasks.percent', { percent: `${task.percent}%` })}
        </span>
      </div>
      <button
        type="button"
        className="btn btn-ghost task-toggle"
        onClick={() => setOpen(!open)}
        data-testid="task-toggle"
      >
        {open ? t('tasks.close') : t('tasks.open')}
      </button>
      {open && <TaskDetailPanel taskId={task.id} mayWrite={mayWrite} onChanged={onChanged} />}
    </li>
  );
}

function TaskDetailPanel({
  taskId,
  mayWrite,
  onChanged,
}: {
  taskId: string;
  mayWrite: boolean;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const detail = useAsync(useCallback((signal: AbortSignal) => fetchTask(taskId, signal), [taskId]));
  const task = detail.data;
  return (
    <div className="task-detail" data-testid="task-detail">
      <ErrorNotice error={detail.error} />
      {task && task.milestones.length > 0 && (
        <>
          <h3>{t('tasks.milestones')}</h3>
          <ul className="task-milestones">
            {task.milestones.map((m) => (
              <li key={`${m.title}:${m.dueAt}`} className={m.doneAt ? 'done' : ''}>
                {m.doneAt ? '✓ ' : ''}
                {m.title} · {formatDateTime(m.dueAt)}
              </li>
            ))}
          </ul>
        </>
      )}
      {task && (
        <>
          <h3>{t('tasks.notes')}</h3>
          {task.notes.length === 0 && <p className="muted">{t('tasks.noNotes')}</p>}
          <ul className="task-notes" data-testid="task-notes">
            {[...task.notes].reverse().map((n) => (
              <li key={n.id} data-testid="task-note">
                <span className="muted">{formatDateTime(n.createdAt)}</span>
                {n.percent !== null && <strong> {n.percent}%</strong>}
                <p>{n.text}</p>
                {n.photos.map((id) => (
                  <img key={id} src={thumbnailUrl(id)} alt="" className="task-photo" />
                ))}
              </li>
            ))}
          </ul>
          {task.supervisions.length > 0 && (
            <>
              <h3>{t('tasks.supervisions')}</h3>
              <ul className="task-notes">
                {task.supervisions.map((s) => (
                  <li key={s.id}>
                    <span className="muted">{formatDateTime(s.createdAt)}</span>
                    <p>{s.text}</p>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      {mayWrite && (
        <NoteForm
          taskId={taskId}
          onAdded={() => {
            detail.reload();
            onChanged();
          }}
        />
      )}
    </div>
  );
}
