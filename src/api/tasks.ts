import { type Static, Type } from 'typebox';
import { TASK_STATES } from '../domain/tasks/model.ts';
import { Id, Nullable, Time } from './common.ts';

/**
 * Key tasks (重点工作清单): what the routes accept and answer. Times are ISO 8601 in UTC; the
 * services' views and the console's types are Static of these.
 */

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

/** A milestone (节点) as written and as answered. */
export const MilestoneSchema = Type.Object({
  title: Text(100),
  dueAt: Time,
  doneAt: Type.Optional(Nullable(Time)),
});

/** POST /api/tasks. */
export const NewTaskBody = Type.Object({
  title: Text(200),
  ownerUnitId: Id,
  ownerUserId: Id,
  deadline: Time,
  milestones: Type.Optional(Type.Array(MilestoneSchema, { maxItems: 50 })),
});

/** PATCH /api/tasks/:id: any of the fields; `done` true marks it done (now), false reopens it. */
export const TaskPatchBody = Type.Partial(
  Type.Object({
    title: Text(200),
    ownerUnitId: Id,
    ownerUserId: Id,
    deadline: Time,
    milestones: Type.Array(MilestoneSchema, { maxItems: 50 }),
    done: Type.Boolean(),
  }),
  { minProperties: 1 },
);

/** POST /api/tasks/:id/notes: a progress note (进展), with the share done and photos (attachment ids). */
export const TaskNoteBody = Type.Object({
  text: Text(2000),
  percent: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
  photos: Type.Optional(Type.Array(Id, { maxItems: 9 })),
});

/** POST /api/tasks/:id/supervise: a supervision letter (督办) on a red task. */
export const TaskSuperviseBody = Type.Object({ text: Text(2000) });

/** GET /api/tasks?state=&red=&unitId=. */
export const TaskListQuery = Type.Object({
  state: Type.Optional(Type.Union(TASK_STATES.map((s) => Type.Literal(s)))),
  red: Type.Optional(Type.Boolean()),
  unitId: Type.Optional(Id),
});

export const TaskMilestoneView = Type.Object({ title: Type.String(), dueAt: Time, doneAt: Nullable(Time) });

/** A key task as answered: its state and red flag at the time of the answer. */
export const TaskSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  ownerUnitId: Type.String(),
  ownerUserId: Type.String(),
  deadline: Time,
  milestones: Type.Array(TaskMilestoneView),
  state: Type.Enum(TASK_STATES),
  red: Type.Boolean({ description: 'overdue, or a milestone past its due time and not done' }),
  doneAt: Nullable(Time),
  percent: Nullable(Type.Number({ description: 'the latest note’s percent, if any note gave one' })),
  createdAt: Time,
  updatedAt: Time,
});

export const TaskNoteSchema = Type.Object({
  id: Type.String(),
  taskId: Type.String(),
  text: Type.String(),
  percent: Nullable(Type.Number()),
  photos: Type.Array(Type.String()),
  authorUserId: Type.String(),
  createdAt: Time,
});

export const TaskSupervisionSchema = Type.Object({
  id: Type.String(),
  taskId: Type.String(),
  text: Type.String(),
  byUserId: Type.String(),
  createdAt: Time,
});

/** GET /api/tasks/:id: the task with its notes (oldest first) and supervision letters. */
export const TaskDetailSchema = Type.Object({
  ...TaskSchema.properties,
  notes: Type.Array(TaskNoteSchema),
  supervisions: Type.Array(TaskSupervisionSchema),
});

export const TaskListSchema = Type.Object({ items: Type.Array(TaskSchema), total: Type.Integer() });

/** The key-task settings: the weekly push day, ISO weekday 1 (Monday) … 7 (Sunday), Beijing time. */
export const TaskSettingsSchema = Type.Object({ pushWeekday: Type.Integer({ minimum: 1, maximum: 7 }) });
export const TaskSettingsBody = TaskSettingsSchema;

export type NewTask = Static<typeof NewTaskBody>;
export type TaskPatch = Static<typeof TaskPatchBody>;
export type TaskView = Static<typeof TaskSchema>;
export type TaskDetailView = Static<typeof TaskDetailSchema>;
export type TaskNoteView = Static<typeof TaskNoteSchema>;
export type TaskSupervisionView = Static<typeof TaskSupervisionSchema>;
export type TaskSettingsView = Static<typeof TaskSettingsSchema>;
