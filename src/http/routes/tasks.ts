import {
  NewTaskBody,
  TaskDetailSchema,
  TaskListQuery,
  TaskListSchema,
  TaskNoteBody,
  TaskNoteSchema,
  TaskPatchBody,
  TaskSchema,
  TaskSettingsBody,
  TaskSettingsSchema,
  TaskSuperviseBody,
  TaskSupervisionSchema,
} from '../../api/index.ts';
import { TASK_MANAGERS, TASK_NOTE_WRITERS, TASK_READERS } from '../../domain/tasks/index.ts';
import {
  addTaskNote,
  createTask,
  getTaskDetail,
  getTaskSettings,
  listVisibleTasks,
  patchTask,
  putTaskSettings,
  superviseTask,
  taskView,
} from '../../services/tasks/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';
import { IdParams } from '../schemas.ts';

/** Key tasks (重点工作清单): the list, notes, supervision letters and the weekly push day. */
export async function taskRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/tasks',
    {
      config: { access: TASK_READERS },
      schema: {
        tags: ['tasks'],
        summary: 'Key tasks of units in your scope, by deadline',
        querystring: TaskListQuery,
        response: { 200: TaskListSchema },
      },
    },
    async (request) => {
      const items = await listVisibleTasks(p.ctx, principal(request), request.query);
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/tasks/:id',
    {
      config: { access: TASK_READERS },
      schema: {
        tags: ['tasks'],
        summary: 'One key task with its progress notes and supervision letters',
        params: IdParams,
        response: { 200: TaskDetailSchema },
      },
    },
    async (request) => getTaskDetail(p.ctx, principal(request), request.params.id),
  );

  app.post(
    '/api/tasks',
    {
      config: { access: TASK_MANAGERS },
      schema: {
        tags: ['tasks'],
        summary: 'Set a key task',
        body: NewTaskBody,
        response: { 201: TaskSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(taskView(await createTask(p.ctx, principal(request), request.body), p.ctx.now())),
  );

  app.patch(
    '/api/tasks/:id',
    {
      config: { access: TASK_MANAGERS },
      schema: {
        tags: ['tasks'],
        summary: 'Edit a key task; done: true marks it done, false reopens it',
        params: IdParams,
        body: TaskPatchBody,
        response: { 200: TaskSchema },
      },
    },
    async (request) =>
      taskView(await patchTask(p.ctx, principal(request), request.params.id, request.body), p.ctx.now()),
  );

  app.post(
    '/api/tasks/:id/notes',
    {
      config: { access: TASK_NOTE_WRITERS },
      schema: {
        tags: ['tasks'],
        summary: 'Add a progress note (进展) to a key task in your scope',
        params: IdParams,
        body: TaskNoteBody,
        response: { 201: TaskNoteSchema },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addTaskNote(p.ctx, principal(request), request.params.id, request.body)),
  );

  app.post(
    '/api/tasks/:id/supervise',
    {
      config: { access: TASK_MANAGERS },
      schema: {
        tags: ['tasks'],
        summary: 'Send a supervision letter (督办) on a red task: recorded and told to its owner',
        params: IdParams,
        body: TaskSuperviseBody,
        response: { 201: TaskSupervisionSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await superviseTask(
            { ...p.ctx, bus: p.bus },
            principal(request),
            request.params.id,
            request.body.text,
          ),
        ),
  );

  app.get(
    '/api/settings/tasks',
    {
      config: { access: TASK_READERS },
      schema: {
        tags: ['tasks'],
        summary: 'The weekly push day (ISO weekday, Beijing time; default 6, Saturday)',
        response: { 200: TaskSettingsSchema },
      },
    },
    async () => getTaskSettings(p.ctx),
  );

  app.patch(
    '/api/settings/tasks',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['tasks'],
        summary: 'Change the weekly push day (admin)',
        body: TaskSettingsBody,
        response: { 200: TaskSettingsSchema },
      },
    },
    async (request) => putTaskSettings(p.ctx, request.body),
  );
}
