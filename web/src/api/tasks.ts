import type { TaskDetailView, TaskNoteView, TaskView } from '../../../src/api/index.ts';
import { request } from './client.ts';

/** A key task (重点工作) with its state and red flag at the time of the answer. */
export type Task = TaskView;
export type TaskDetail = TaskDetailView;
export type TaskNote = TaskNoteView;

/** Key tasks of units in scope, by deadline; `unitId` narrows to the units under one, `red` to the red ones. */
export async function fetchTasks(
  query: { unitId?: string; red?: boolean },
  signal?: AbortSignal,
): Promise<Task[]> {
  return (await request<{ items: Task[] }>('/api/tasks', { query, signal })).items;
}

/** One task with its progress notes (oldest first) and supervision letters. */
export function fetchTask(id: string, signal?: AbortSignal): Promise<TaskDetail> {
  return request(`/api/tasks/${encodeURIComponent(id)}`, { signal });
}

/** Writes a progress note (进展): text, the share done, photos (attachment ids). */
export function addTaskNote(
  id: string,
  body: { text: string; percent?: number; photos?: string[] },
): Promise<TaskNote> {
  return request(`/api/tasks/${encodeURIComponent(id)}/notes`, { method: 'POST', body });
}
