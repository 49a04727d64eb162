import type { Role } from '../auth/roles.ts';

/** A key task's state (重点工作): done once marked done, overdue past its deadline, open otherwise. */
export const TASK_STATES = ['open', 'done', 'overdue'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** A milestone (节点) of a key task. */
export interface Milestone {
  title: string;
  dueAt: number;
  doneAt: number | null;
}

/** What the state and the red flag of a task depend on. */
export interface TaskTimes {
  deadline: number;
  doneAt: number | null;
  milestones: readonly Milestone[];
}

/** Who reads key tasks (each within their scope: the owner unit must be in it). */
export const TASK_READERS: readonly Role[] = [
  'admin',
  'operator',
  'leader',
  'workstation',
  'community',
  'department',
];

/** Who sets key tasks and sends supervision letters (督办). */
export const TASK_MANAGERS: readonly Role[] = ['admin', 'operator', 'leader'];

/** Who writes progress notes: the managers and the owner units' staff (on tasks in their scope). */
export const TASK_NOTE_WRITERS: readonly Role[] = [
  'admin',
  'operator',
  'leader',
  'workstation',
  'community',
  'department',
];

/** The task's state at `now`: done wins; past the deadline it is overdue. */
export function taskState(t: TaskTimes, now: number): TaskState {
  if (t.doneAt !== null) return 'done';
  return now > t.deadline ? 'overdue' : 'open';
}

/** The milestones past their due time and not done at `now`. */
export function overdueMilestones(t: TaskTimes, now: number): Milestone[] {
  return t.milestones.filter((m) => m.doneAt === null && now > m.dueAt);
}

/**
 * Red (红灯): a task not done that is overdue, or that has a milestone overdue (past its due
 * time and not done). Only a red task may be supervised (督办).
 */
export function isRed(t: TaskTimes, now: number): boolean {
  if (t.doneAt !== null) return false;
  return taskState(t, now) === 'overdue' || overdueMilestones(t, now).length > 0;
}
