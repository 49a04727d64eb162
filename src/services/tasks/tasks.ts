import type { NewTask, TaskDetailView, TaskPatch, TaskView } from '../../api/index.ts';
import type { Milestone, TaskState } from '../../domain/tasks/index.ts';
import { isRed, taskState } from '../../domain/tasks/index.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import {
  findTask,
  insertTask,
  listTaskNotes,
  listTaskSupervisions,
  listTasks,
  replaceTask,
  type Task,
} from '../../store/tasks.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import { findUser } from '../../store/users.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { assertHeldInScope, listScopeUnder, mayReadUnit } from '../scope/index.ts';
import { latestPercents, taskNoteView, taskSupervisionView, taskView } from './views.ts';

const notFound = (id: string): never => fail('TASK_NOT_FOUND', `No key task with id ${id}`);

/** A task whose owner unit is in the caller's scope (null: a system call); TASK_NOT_FOUND otherwise, as an unknown id. */
export async function getTaskOrThrow(ctx: ServiceContext, who: Principal | null, id: string): Promise<Task> {
  const task = await findTask(ctx.db, id);
  if (!task) return notFound(id);
  await assertHeldInScope(ctx, who, task.ownerUnitId, () => notFound(id));
  return task;
}

/** One task with its notes (oldest first) and supervision letters. */
export async function getTaskDetail(
  ctx: ServiceContext,
  who: Principal,
  id: string,
): Promise<TaskDetailView> {
  const task = await getTaskOrThrow(ctx, who, id);
  const [notes, supervisions] = await Promise.all([
    listTaskNotes(ctx.db, [id]),
    listTaskSupervisions(ctx.db, id),
  ]);
  return {
    ...taskView(task, ctx.now(), latestPercents(notes).get(id) ?? null),
    notes: notes.map(taskNoteView),
    supervisions: supervisions.map(taskSupervisionView),
  };
}

/** The tasks of units in the caller's scope (under `unitId` when given), by deadline, filtered by state and red flag. */
export async function listVisibleTasks(
  ctx: ServiceContext,
  who: Principal,
  filter: { state?: TaskState; red?: boolean; unitId?: string },
): Promise<TaskView[]> {
  const scopePath = await listScopeUnder(ctx, who, filter.unitId, () =>
    fail('UNIT_NOT_FOUND', `unitId ${filter.unitId} is not a unit you may read`),
  );
  const now = ctx.now();
  const tasks = (await listTasks(ctx.db, { scopePath })).filter(
    (t) =>
      (filter.state === undefined || taskState(t, now) === filter.state) &&
      (filter.red === undefined || isRed(t, now) === filter.red),
  );
  const percents = latestPercents(
    await listTaskNotes(
      ctx.db,
      tasks.map((t) => t.id),
    ),
  );
  return tasks.map((t) => taskView(t, now, percents.get(t.id) ?? null));
}

const toMilestones = (list: NewTask['milestones']): Milestone[] =>
  (list ?? []).map((m) => ({
    title: m.title,
    dueAt: Date.parse(m.dueAt),
    doneAt: m.doneAt ? Date.parse(m.doneAt) : null,
  }));

/** The owner unit in the caller's scope and the owner person in it or under it. */
async function checkOwner(ctx: ServiceContext, who: Principal, t: Task): Promise<void> {
  const unit = await findUnit(ctx.db, t.ownerUnitId);
  if (!unit || !mayReadUnit(who, unit)) {
    fail('UNIT_NOT_FOUND', `ownerUnitId ${t.ownerUnitId} is not a unit you manage`, {
      field: 'body.ownerUnitId',
    });
  }
  const user = await findUser(ctx.db, t.ownerUserId);
  const userUnit = user ? await findUnit(ctx.db, user.unitId) : undefined;
  if (!user || !userUnit || !mayReadUnit(who, userUnit)) {
    fail('USER_NOT_FOUND', `ownerUserId ${t.ownerUserId} is not a user you may name`, {
      field: 'body.ownerUserId',
    });
  }
  if (!userUnit.path.startsWith(unit.path)) {
    fail(
      'VALIDATION_FAILED',
      `body.ownerUserId: ${user.displayName} is not of ${unit.name} or a unit under it`,
      {
        field: 'body.ownerUserId',
      },
    );
  }
}

/** Sets a key task (admins, operators, leaders). */
export async function createTask(ctx: ServiceContext, who: Principal, input: NewTask): Promise<Task> {
  const now = ctx.now();
  const task: Task = {
    id: newId(),
    title: input.title,
    ownerUnitId: input.ownerUnitId,
    ownerUserId: input.ownerUserId,
    deadline: Date.parse(input.deadline),
    milestones: toMilestones(input.milestones),
    doneAt: null,
    remindedWeek: null,
    createdBy: who.userId,
    createdAt: now,
    updatedAt: now,
  };
  await checkOwner(ctx, who, task);
  await writeTransaction(ctx.db, [], (trx) => insertTask(trx, task));
  return task;
}

/** Edits a task; `done` true marks it done now (kept if already done), false reopens it. */
export async function patchTask(
  ctx: ServiceContext,
  who: Principal,
  id: string,
  patch: TaskPatch,
): Promise<Task> {
  const task = await getTaskOrThrow(ctx, who, id);
  const now = ctx.now();
  const next: Task = {
    ...task,
    ...(patch.title !== undefined && { title: patch.title }),
    ...(patch.ownerUnitId !== undefined && { ownerUnitId: patch.ownerUnitId }),
    ...(patch.ownerUserId !== undefined && { ownerUserId: patch.ownerUserId }),
    ...(patch.deadline !== undefined && { deadline: Date.parse(patch.deadline) }),
    ...(patch.milestones !== undefined && { milestones: toMilestones(patch.milestones) }),
    ...(patch.done !== undefined && { doneAt: patch.done ? (task.doneAt ?? now) : null }),
    updatedAt: now,
  };
  if (patch.ownerUnitId !== undefined || patch.ownerUserId !== undefined) await checkOwner(ctx, who, next);
  await writeTransaction(ctx.db, [], (trx) => replaceTask(trx, next));
  return next;
}
