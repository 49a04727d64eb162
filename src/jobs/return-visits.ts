import type { LiveBus } from '../live/bus.ts';
import type { ServiceContext } from '../services/context.ts';
import {
  centreUnitOf,
  notifyTargets,
  publishNotifications,
  RecipientCache,
} from '../services/notifications/index.ts';
import { clearVisitDue, listVisitsDue } from '../store/time-limits.repository.ts';
import { type LeasedJobOptions, LeasedPass } from './lease.ts';

/** What one tick did; `ran` is false when another process holds the lease. */
export interface ReturnVisitTick {
  ran: boolean;
  /** Orders whose reminder came due. */
  due: number;
  /** Notifications written. */
  notified: number;
}

/** How often the server runs the job: a reminder a minute late is on time. */
export const RETURN_VISIT_INTERVAL_MS = 60_000;

/**
 * Reminds the command centre of closed orders that have waited a working day (on the working
 * calendar) without a return visit (回访), once per closure: the reminder time is set with the
 * closure (orders.visit_due_at) and cleared here in the transaction that writes the notices.
 * A lease lets one of several server processes do it, as for the time limits.
 */
export class ReturnVisitJob {
  static readonly NAME = 'return-visits';
  private readonly pass: LeasedPass;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly bus: LiveBus,
    options: LeasedJobOptions = {},
  ) {
    this.pass = new LeasedPass(ctx.db, ReturnVisitJob.NAME, RETURN_VISIT_INTERVAL_MS, 500, options);
  }

  /** One pass, if this process holds the lease. */
  async tick(): Promise<ReturnVisitTick> {
    const result: ReturnVisitTick = { ran: false, due: 0, notified: 0 };
    const now = this.ctx.now();
    result.ran = await this.pass.run(now, async (batchSize) => {
      const recipients = new RecipientCache();
      for (const order of await listVisitsDue(this.ctx.db, now, batchSize)) {
        result.due++;
        const deliveries = await this.ctx.db.transaction().execute(async (trx) => {
          // Someone visited or reopened it meanwhile: their write set the column, nothing to say.
          if (!(await clearVisitDue(trx, order.id, order.state.version))) return [];
          const centre = await centreUnitOf(trx, order);
          return centre
            ? notifyTargets(trx, recipients, [{ unitId: centre, kind: 'returnVisitDue' }], order, now)
            : [];
        });
        result.notified += deliveries.length;
        publishNotifications(this.bus, deliveries);
      }
    });
    return result;
  }

  /** Gives up the lease (on shutdown) so that another process takes over at its next tick. */
  release(): Promise<void> {
    return this.pass.release();
  }
}
