import { isoWeekOf, remindersDue } from '../../domain/tasks/index.ts';
import type { LiveBus } from '../../live/bus.ts';
import { lastNoteTimes, listTasks, markTaskReminded } from '../../store/tasks.repository.ts';
import type { ServiceContext } from '../context.ts';
import { type Delivery, notifyPerson, publishNotifications } from '../notifications/index.ts';
import { getTaskSettings } from './settings.ts';

/**
 * Reminds the owners of tasks without a note on the push day, that evening (remindersDue), once
 * a week per task: the task is marked reminded for the week in the transaction that writes the
 * notification, so that two processes or two passes never remind twice. The number written.
 */
export async function sendPushDayReminders(ctx: ServiceContext, bus?: LiveBus): Promise<number> {
  const now = ctx.now();
  const { pushWeekday } = await getTaskSettings(ctx);
  const tasks = await listTasks(ctx.db, { scopePath: null });
  const open = tasks.filter((t) => t.doneAt === null && t.remindedWeek !== isoWeekOf(now));
  if (open.length === 0) return 0;
  const last = await lastNoteTimes(
    ctx.db,
    open.map((t) => t.id),
  );
  const due = remindersDue(
    open.map((t) => ({ ...t, lastNoteAt: last.get(t.id) ?? null })),
    now,
    pushWeekday,
  );
  let sent = 0;
  for (const reminder of due) {
    const task = open.find((t) => t.id === reminder.taskId);
    if (!task) continue;
    const deliveries: Delivery[] = await ctx.db.transaction().execute(async (trx) => {
      if (!(await markTaskReminded(trx, task.id, reminder.week))) return [];
      return notifyPerson(
        trx,
        reminder.userId,
        'taskNoteDue',
        `今天是推进日：重点工作「${task.title}」本周尚未填报进展，请补充`,
        { taskId: task.id, title: task.title, week: reminder.week },
        now,
      );
    });
    sent += deliveries.length;
    if (bus) publishNotifications(bus, deliveries);
  }
  return sent;
}
