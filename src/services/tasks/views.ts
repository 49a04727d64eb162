import type { TaskNoteView, TaskSupervisionView, TaskView } from '../../api/index.ts';
import { isRed, taskState } from '../../domain/tasks/index.ts';
import type { Task, TaskNote, TaskSupervision } from '../../store/tasks.repository.ts';

const iso = (t: number) => new Date(t).toISOString();
const isoOrNull = (t: number | null) => (t === null ? null : iso(t));

/** A task as the API answers it, its state and red flag at `now`; `percent` from its latest note that gave one. */
export function taskView(t: Task, now: number, percent: number | null = null): TaskView {
  return {
    id: t.id,
    title: t.title,
    ownerUnitId: t.ownerUnitId,
    ownerUserId: t.ownerUserId,
    deadline: iso(t.deadline),
    milestones: t.milestones.map((m) => ({
      title: m.title,
      dueAt: iso(m.dueAt),
      doneAt: isoOrNull(m.doneAt),
    })),
    state: taskState(t, now),
    red: isRed(t, now),
    doneAt: isoOrNull(t.doneAt),
    percent,
    createdAt: iso(t.createdAt),
    updatedAt: iso(t.updatedAt),
  };
}

export function taskNoteView(n: TaskNote): TaskNoteView {
  return {
    id: n.id,
    taskId: n.taskId,
    text: n.text,
    percent: n.percent,
    photos: n.photos,
    authorUserId: n.authorUserId,
    createdAt: iso(n.createdAt),
  };
}

export function taskSupervisionView(s: TaskSupervision): TaskSupervisionView {
  return { id: s.id, taskId: s.taskId, text: s.text, byUserId: s.byUserId, createdAt: iso(s.createdAt) };
}

/** The latest percent the notes gave, per task (notes oldest first). */
export function latestPercents(notes: readonly TaskNote[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const n of notes) if (n.percent !== null) out.set(n.taskId, n.percent);
  return out;
}
