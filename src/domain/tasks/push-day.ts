import { type Milestone, taskState } from './model.ts';
import { isoWeekOf, weekdayAt, weekRange } from './week.ts';

/** Saturday (ISO weekday 6): the default weekly push day (每周推进日). */
export const DEFAULT_PUSH_WEEKDAY = 6;
/** The Beijing hour of the push day's evening, when owners without a note are reminded. */
export const REMINDER_HOUR = 18;

/** What the reminder rule needs to know of a task. */
export interface TaskForReminder {
  id: string;
  ownerUserId: string;
  deadline: number;
  doneAt: number | null;
  milestones: readonly Milestone[];
  /** When its latest progress note was written, if ever. */
  lastNoteAt: number | null;
  /** The week it was last reminded in, so that it is reminded once a week at most. */
  remindedWeek: string | null;
}

/** One reminder to send: the task and its owner, for the week. */
export interface Reminder {
  taskId: string;
  userId: string;
  week: string;
}

/**
 * The reminders due at `now`: on the push day (Beijing time) from its evening (18:00) until the
 * day ends, every task not done (open or overdue) whose latest note was written before the push
 * day began gets one reminder to its owner, once a week (`remindedWeek`). A note on the push day
 * itself (any time before the reminder) is what the push day expects.
 */
export function remindersDue(
  tasks: readonly TaskForReminder[],
  now: number,
  pushWeekday: number,
): Reminder[] {
  const week = isoWeekOf(now);
  const range = weekRange(week);
  if (!range) return [];
  const dayStart = weekdayAt(range, pushWeekday, 0);
  const evening = weekdayAt(range, pushWeekday, REMINDER_HOUR);
  const dayEnd = weekdayAt(range, pushWeekday, 24);
  if (now < evening || now >= dayEnd) return [];
  return tasks
    .filter((t) => taskState(t, now) !== 'done')
    .filter((t) => t.remindedWeek !== week)
    .filter((t) => t.lastNoteAt === null || t.lastNoteAt < dayStart)
    .map((t) => ({ taskId: t.id, userId: t.ownerUserId, week }));
}
