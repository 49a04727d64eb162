import type { LiveBus } from '../live/bus.ts';
import type { ServiceContext } from '../services/context.ts';
import { issueDueWeeklyReports } from '../services/reports/index.ts';
import { sendPushDayReminders } from '../services/tasks/index.ts';
import { JobLease, processHolderId } from './lease.ts';

/** How often the server looks: a push-day reminder a few minutes after 18:00 is on time. */
export const TASK_REMINDER_INTERVAL_MS = 5 * 60_000;

/**
 * On the weekly push day's evening, reminds owners of key tasks without a note (services/tasks,
 * reminders.ts); a lease lets one of several server processes do it, and the task's
 * reminded week keeps it to once. The same evening it issues the weekly reports
 * of the subdistrict and each workstation (services/reports, auto-issue.ts).
 */
export class TaskReminderJob {
  static readonly NAME = 'task-reminders';
  private readonly lease: JobLease;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly bus: LiveBus,
    options: { holder?: string } = {},
  ) {
    this.lease = new JobLease(
      ctx.db,
      TaskReminderJob.NAME,
      options.holder ?? processHolderId(),
      2.5 * TASK_REMINDER_INTERVAL_MS,
    );
  }

  /** One pass, if this process holds the lease: the number of reminders written and reports issued. */
  async tick(): Promise<number> {
    if (!(await this.lease.take(this.ctx.now()))) return 0;
    return (await sendPushDayReminders(this.ctx, this.bus)) + (await issueDueWeeklyReports(this.ctx));
  }

  release(): Promise<void> {
    return this.lease.release();
  }
}
