import type { WorkingCalendar } from '../domain/calendar/calendar.ts';
import { autoResume } from '../domain/workorder/overdue.ts';
import { DomainError } from '../errors/catalogue.ts';
import type { LiveBus } from '../live/bus.ts';
import { workingCalendar } from '../services/calendar/index.ts';
import type { ServiceContext } from '../services/context.ts';
import { type Delivery, notifyForEvent, publishNotifications } from '../services/notifications/index.ts';
import { commitTransition, publishOrderChange, timingOf } from '../services/orders/index.ts';
import type { OrderRecord } from '../store/orders.repository.ts';
import { writeTransaction } from '../store/read-cache.ts';
import { listParkedDue } from '../store/time-limits.repository.ts';
import { type LeasedJobOptions, LeasedPass } from './lease.ts';

/** What one tick did; `ran` is false when another process holds the lease. */
export interface ParkResumeTick {
  ran: boolean;
  resumed: number;
  notified: number;
  /** Orders someone acted on meanwhile, or whose calendar is broken; retried next tick. */
  skipped: number;
}

/** How often the server runs the job: a wait is over to the minute. */
export const PARK_RESUME_INTERVAL_MS = 60_000;

/**
 * Resumes orders parked until a date (申请挂账 approved with `until`) once that date has come:
 * a `resume` event by the system on the timeline, the deadline given back the working time it had
 * left when parked, and the holding unit told (inbox and live feed). Each order is one transaction
 * guarded by its version, like a user's action; a lease lets one server process do it per tick.
 */
export class ParkResumeJob {
  static readonly NAME = 'park-resume';
  private readonly pass: LeasedPass;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly bus: LiveBus,
    options: LeasedJobOptions = {},
  ) {
    this.pass = new LeasedPass(ctx.db, ParkResumeJob.NAME, PARK_RESUME_INTERVAL_MS, 500, options);
  }

  /** One pass, if this process holds the lease. */
  async tick(): Promise<ParkResumeTick> {
    const result: ParkResumeTick = { ran: false, resumed: 0, notified: 0, skipped: 0 };
    const now = this.ctx.now();
    result.ran = await this.pass.run(now, async (batchSize) => {
      const calendar = await workingCalendar(this.ctx);
      for (const order of await listParkedDue(this.ctx.db, now, batchSize)) {
        const outcome = await this.resume(order, now, calendar);
        if (!outcome) {
          result.skipped++;
          continue;
        }
        result.resumed++;
        result.notified += outcome.deliveries.length;
        publishNotifications(this.bus, outcome.deliveries);
        const { light } = timingOf(outcome.order.state, now, calendar);
        await publishOrderChange(this.ctx.db, this.bus, 'order.updated', outcome.order, { light });
      }
    });
    return result;
  }

  /** Gives up the lease (on shutdown) so that another process takes over at its next tick. */
  release(): Promise<void> {
    return this.pass.release();
  }

  private async resume(
    read: OrderRecord,
    now: number,
    calendar: WorkingCalendar,
  ): Promise<{ order: OrderRecord; deliveries: Delivery[] } | null> {
    try {
      const resumed = autoResume(read.state, now, { calendar });
      // Not parked until a date any more (someone resumed it by hand meanwhile), or refused.
      if (resumed?.ok !== true) return null;
      const order: OrderRecord = { ...read, state: resumed.order, updatedAt: now };
      const deliveries = await writeTransaction(this.ctx.db, [], async (trx) => {
        await commitTransition(trx, read.state, resumed, now, calendar);
        return notifyForEvent(trx, resumed.event, order, now);
      });
      return { order, deliveries };
    } catch (error) {
      // VERSION_CONFLICT (someone acted meanwhile) or a calendar that cannot count the span.
      if (error instanceof DomainError) return null;
      throw error;
    }
  }
}
