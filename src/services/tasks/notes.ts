import type { TaskNoteView, TaskSupervisionView } from '../../api/index.ts';
import { isRed } from '../../domain/tasks/index.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import type { LiveBus } from '../../live/bus.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { insertTaskNote, insertTaskSupervision, type TaskNote } from '../../store/tasks.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { notifyPerson, publishNotifications } from '../notifications/index.ts';
import { checkPhotosExist } from '../orders/index.ts';
import { getTaskOrThrow } from './tasks.ts';
import { taskNoteView, taskSupervisionView } from './views.ts';

/** Adds a progress note (进展) to a task in the caller's scope. */
export async function addTaskNote(
  ctx: ServiceContext,
  who: Principal,
  taskId: string,
  input: { text: string; percent?: number; photos?: string[] },
): Promise<TaskNoteView> {
  await getTaskOrThrow(ctx, who, taskId);
  await checkPhotosExist(ctx, who, input.photos);
  const note: TaskNote = {
    id: newId(),
    taskId,
    text: input.text,
    percent: input.percent ?? null,
    photos: input.photos ?? [],
    authorUserId: who.userId,
    createdAt: ctx.now(),
  };
  await writeTransaction(ctx.db, [], (trx) => insertTaskNote(trx, note));
  return taskNoteView(note);
}

/**
 * Sends a supervision letter (督办) on a red task: kept with the task (GET /api/tasks/:id) and
 * told to its owner as a notification, in one transaction. A task that is not red is refused.
 */
export async function superviseTask(
  ctx: ServiceContext & { bus?: LiveBus },
  who: Principal,
  taskId: string,
  text: string,
): Promise<TaskSupervisionView> {
  const task = await getTaskOrThrow(ctx, who, taskId);
  const now = ctx.now();
  if (!isRed(task, now)) fail('TASK_NOT_RED', `Key task "${task.title}" is not red: nothing to supervise`);
  const supervision = { id: newId(), taskId, text, byUserId: who.userId, createdAt: now };
  const deliveries = await writeTransaction(ctx.db, [], async (trx) => {
    await insertTaskSupervision(trx, supervision);
    return notifyPerson(
      trx,
      task.ownerUserId,
      'taskSupervised',
      `督办：重点工作「${task.title}」— ${text}`,
      { taskId, title: task.title },
      now,
    );
  });
  if (ctx.bus) publishNotifications(ctx.bus, deliveries);
  return taskSupervisionView(supervision);
}
