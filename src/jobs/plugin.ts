import type { FastifyInstance } from 'fastify';
import { DAY_SUMMARY_INTERVAL_MS, DaySummaryJob } from './day-summaries.ts';
import { DeviceStatusWatcher } from './device-status.ts';
import { PARK_RESUME_INTERVAL_MS, ParkResumeJob } from './park-resume.ts';
import { RETURN_VISIT_INTERVAL_MS, ReturnVisitJob } from './return-visits.ts';
import { startJobs } from './scheduler.ts';

/** How often the alert rules look at the clock: a 1-minute rule fires within this much of its minute. */
const ALERT_TICK_MS = 15_000;

import { TASK_REMINDER_INTERVAL_MS, TaskReminderJob } from './task-reminders.ts';
import { TIME_LIMIT_INTERVAL_MS, TimeLimitJob } from './time-limits.ts';

/**
 * The server process's periodic jobs: device status to the live feed, the work-order time limits,
 * the return-visit reminders, orders
 * parked until a date resumed when it comes, and the daily summaries of the days positions arrived for. When the
 * app closes they stop, a running pass is awaited, and the leases are released so that another
 * process takes them over at once.
 */
export async function jobsPlugin(app: FastifyInstance): Promise<void> {
  const { ctx, bus } = app.platform;
  const watcher = new DeviceStatusWatcher(ctx, bus);
  // With several server processes, a lease in the database lets one of them run the time limits.
  const timeLimits = new TimeLimitJob(ctx, bus);
  const daySummaries = new DaySummaryJob(ctx);
  const returnVisits = new ReturnVisitJob(ctx, bus);
  const taskReminders = new TaskReminderJob(ctx, bus);
  const parkResume = new ParkResumeJob(ctx, bus);
  const stopJobs = startJobs(
    [
      { name: 'device-status', everyMs: 10_000, run: () => watcher.tick() },
      { name: TimeLimitJob.NAME, everyMs: TIME_LIMIT_INTERVAL_MS, run: () => timeLimits.tick() },
      { name: 'day-summaries', everyMs: DAY_SUMMARY_INTERVAL_MS, run: () => daySummaries.tick() },
      { name: ReturnVisitJob.NAME, everyMs: RETURN_VISIT_INTERVAL_MS, run: () => returnVisits.tick() },
      { name: TaskReminderJob.NAME, everyMs: TASK_REMINDER_INTERVAL_MS, run: () => taskReminders.tick() },
      // The alert rules' clock: offline, late start and coverage at shift end (src/services/alerts).
      { name: 'alerts', everyMs: ALERT_TICK_MS, run: () => app.platform.alerts.tick() },
      { name: ParkResumeJob.NAME, everyMs: PARK_RESUME_INTERVAL_MS, run: () => parkResume.tick() },
    ],
    app.log,
  );
  app.addHook('onClose', async () => {
    await stopJobs();
    await timeLimits
      .release()
      .catch((error) => app.log.warn({ err: error }, 'time-limit lease not released'));
    await returnVisits
      .release()
      .catch((error) => app.log.warn({ err: error }, 'return-visit lease not released'));
    await taskReminders
      .release()
      .catch((error) => app.log.warn({ err: error }, 'task-reminder lease not released'));
    await parkResume
      .release()
      .catch((error) => app.log.warn({ err: error }, 'park-resume lease not released'));
  });
}
