import type { Milestone } from '../domain/tasks/model.ts';
import type { Db } from './database.ts';
import { parseJson, toJson } from './dialect/json.ts';
import type { TaskNoteTable, TaskSupervisionTable, TaskTable } from './schema.ts';
import { unitPathUnder } from './scope.ts';

/** A key task as stored. */
export interface Task {
  id: string;
  title: string;
  ownerUnitId: string;
  ownerUserId: string;
  deadline: number;
  milestones: Milestone[];
  doneAt: number | null;
  remindedWeek: string | null;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

/** A progress note. */
export interface TaskNote {
  id: string;
  taskId: string;
  text: string;
  percent: number | null;
  photos: string[];
  authorUserId: string;
  createdAt: number;
}

/** A supervision letter (督办). */
export interface TaskSupervision {
  id: string;
  taskId: string;
  text: string;
  byUserId: string;
  createdAt: number;
}

const toTask = (r: TaskTable): Task => ({
  id: r.id,
  title: r.title,
  ownerUnitId: r.owner_unit_id,
  ownerUserId: r.owner_user_id,
  deadline: Number(r.deadline),
  milestones: (parseJson<Milestone[]>(r.milestones) ?? []).map((m) => ({
    title: m.title,
    dueAt: Number(m.dueAt),
    doneAt: m.doneAt === null ? null : Number(m.doneAt),
  })),
  doneAt: r.done_at === null ? null : Number(r.done_at),
  remindedWeek: r.reminded_week,
  createdBy: r.created_by,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});

const taskRow = (t: Task): TaskTable => ({
  id: t.id,
  title: t.title,
  owner_unit_id: t.ownerUnitId,
  owner_user_id: t.ownerUserId,
  deadline: t.deadline,
  milestones: toJson(t.milestones),
  done_at: t.doneAt,
  reminded_week: t.remindedWeek,
  created_by: t.createdBy,
  created_at: t.createdAt,
  updated_at: t.updatedAt,
});

const toNote = (r: TaskNoteTable): TaskNote => ({
  id: r.id,
  taskId: r.task_id,
  text: r.text,
  percent: r.percent === null ? null : Number(r.percent),
  photos: parseJson<string[]>(r.photos) ?? [],
  authorUserId: r.author_user_id,
  createdAt: Number(r.created_at),
});

const toSupervision = (r: TaskSupervisionTable): TaskSupervision => ({
  id: r.id,
  taskId: r.task_id,
  text: r.text,
  byUserId: r.by_user_id,
  createdAt: Number(r.created_at),
});

export async function findTask(db: Db, id: string): Promise<Task | undefined> {
  const row = await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toTask(row) : undefined;
}

/** Tasks by deadline; with a scope path, those whose owner unit lies under it. */
export async function listTasks(db: Db, filter: { scopePath: string | null }): Promise<Task[]> {
  let q = db.selectFrom('tasks').innerJoin('units', 'units.id', 'tasks.owner_unit_id').selectAll('tasks');
  const scope = filter.scopePath;
  if (scope !== null) q = q.where(unitPathUnder('units.path', scope));
  return (await q.orderBy('tasks.deadline').orderBy('tasks.id').execute()).map(toTask);
}

export async function insertTask(db: Db, t: Task): Promise<void> {
  await db.insertInto('tasks').values(taskRow(t)).execute();
}

export async function replaceTask(db: Db, t: Task): Promise<void> {
  const { id, created_at, created_by, ...rest } = taskRow(t);
  await db.updateTable('tasks').set(rest).where('id', '=', id).execute();
}

/** Marks a task reminded for a week; false when another process did it first. */
export async function markTaskReminded(db: Db, id: string, week: string): Promise<boolean> {
  const res = await db
    .updateTable('tasks')
    .set({ reminded_week: week })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('reminded_week', 'is', null), eb('reminded_week', '!=', week)]))
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

export async function insertTaskNote(db: Db, n: TaskNote): Promise<void> {
  await db
    .insertInto('task_notes')
    .values({
      id: n.id,
      task_id: n.taskId,
      text: n.text,
      percent: n.percent,
      photos: toJson(n.photos) ?? '[]',
      author_user_id: n.authorUserId,
      created_at: n.createdAt,
    })
    .execute();
}

/** The notes of some tasks, oldest first; with `since`, those written from then on. */
export async function listTaskNotes(db: Db, taskIds: readonly string[], since?: number): Promise<TaskNote[]> {
  if (taskIds.length === 0) return [];
  let q = db.selectFrom('task_notes').selectAll().where('task_id', 'in', taskIds);
  if (since !== undefined) q = q.where('created_at', '>=', since);
  return (await q.orderBy('created_at').orderBy('id').execute()).map(toNote);
}

/** The time of each task's latest note. */
export async function lastNoteTimes(db: Db, taskIds: readonly string[]): Promise<Map<string, number>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('task_notes')
    .select(['task_id'])
    .select((eb) => eb.fn.max('created_at').as('last'))
    .where('task_id', 'in', taskIds)
    .groupBy('task_id')
    .execute();
  return new Map(rows.map((r) => [r.task_id, Number(r.last)]));
}

export async function insertTaskSupervision(db: Db, s: TaskSupervision): Promise<void> {
  await db
    .insertInto('task_supervisions')
    .values({ id: s.id, task_id: s.taskId, text: s.text, by_user_id: s.byUserId, created_at: s.createdAt })
    .execute();
}

export async function listTaskSupervisions(db: Db, taskId: string): Promise<TaskSupervision[]> {
  const rows = await db
    .selectFrom('task_supervisions')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(toSupervision);
}
