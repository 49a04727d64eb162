import type { WorkingCalendar } from '../domain/calendar/calendar.ts';
import { timeLimitKind } from '../domain/notifications/rules.ts';
import { autoSupervise } from '../domain/workorder/overdue.ts';
import { DomainError } from '../errors/catalogue.ts';
import type { LiveBus } from '../live/bus.ts';
import { workingCalendar } from '../services/calendar/index.ts';
import type { ServiceContext } from '../services/context.ts';
import {
  type Delivery,
  notifyTargets,
  publishNotifications,
  RecipientCache,
} from '../services/notifications/index.ts';
import { commitTransition, publishOrderChange, timingOf } from '../services/orders/index.ts';
import type { OrderRecord } from '../store/orders.repository.ts';
import { listTimeChecks, type TimeCheck, updateOrderLight } from '../store/time-limits.repository.ts';
import { type LeasedJobOptions, LeasedPass } from './lease.ts';

/** What one tick did; `ran` is false when another process holds the lease. */
export interface TimeLimitTick {
  ran: boolean;
  checked: number;
  lightsChanged: number;
  supervised: number;
  notified: number;
  /** Orders skipped because someone acted on them meanwhile, or their calendar is broken; retried next tick. */
  skipped: number;
}

/** How often the server runs the job. */
export const TIME_LIMIT_INTERVAL_MS = 60_000;

interface Outcome {
  order: OrderRecord;
  lightChanged: boolean;
  supervised: boolean;
  deliveries: Delivery[];
}

/**
 * The time-limit scheduler (issue 3 part 8): refreshes the stored light of orders whose
 * yellow/red instant has passed, raises automatic supervision (督办) on overdue ones through
 * the state machine, and notifies the responsible unit's users. Each order is one transaction
 * guarded by its version, like a user's action; a lease lets one server process do it per tick.
 */
export class TimeLimitJob {
  static readonly NAME = 'time-limits';
  private readonly pass: LeasedPass;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly bus: LiveBus,
    options: LeasedJobOptions = {},
  ) {
    this.pass = new LeasedPass(ctx.db, TimeLimitJob.NAME, TIME_LIMIT_INTERVAL_MS, 2000, options);
  }

  /** One pass, if this process holds the lease. */
  async tick(): Promise<TimeLimitTick> {
    const result: TimeLimitTick = {
      ran: false,
      checked: 0,
      lightsChanged: 0,
      supervised: 0,
      notified: 0,
      skipped: 0,
    };
    const now = this.ctx.now();
    result.ran = await this.pass.run(now, async (batchSize) => {
      const calendar = await workingCalendar(this.ctx);
      const recipients = new RecipientCache();
      for (const check of await listTimeChecks(this.ctx.db, now, batchSize)) {
        result.checked++;
        const outcome = await this.checkOrder(check, now, calendar, recipients);
        if (!outcome) {
          result.skipped++;
          continue;
        }
        if (outcome.lightChanged) result.lightsChanged++;
        if (outcome.supervised) result.supervised++;
        result.notified += outcome.deliveries.length;
        await this.publish(outcome, now, calendar);
      }
    });
    return result;
  }

  /** Gives up the lease (on shutdown) so that another process takes over at its next tick. */
  release(): Promise<void> {
    return this.pass.release();
  }

  private async checkOrder(
    { order, storedLight }: TimeCheck,
    now: number,
    calendar: WorkingCalendar,
    recipients: RecipientCache,
  ): Promise<Outcome | null> {
    try {
      const auto = autoSupervise(order.state, now, { calendar });
      // A refusal cannot happen for an order whose clock runs; should it, the light is still repainted.
      const supervised = auto?.ok === true ? auto : null;
      const state = supervised?.order ?? order.state;
      const timing = timingOf(state, now, calendar);
      const after: OrderRecord = supervised ? { ...order, state, updatedAt: now } : order;
      return await this.ctx.db.transaction().execute(async (trx) => {
        if (supervised) {
          await commitTransition(trx, order.state, supervised, now, calendar);
        } else if (timing.light === storedLight) {
          return null;
        } else if (!(await updateOrderLight(trx, order.id, order.state.version, storedLight, timing))) {
          return null;
        }
        const kind = timeLimitKind(storedLight, timing.light, supervised !== null);
        const holder = state.responsibleUnitId;
        const deliveries =
          kind && holder
            ? await notifyTargets(trx, recipients, [{ unitId: holder, kind }], after, now, {
                ...(supervised && { auto: true }),
              })
            : [];
        return {
          order: after,
          lightChanged: timing.light !== storedLight,
          supervised: supervised !== null,
          deliveries,
        };
      });
    } catch (error) {
      // Someone acted on the order meanwhile (VERSION_CONFLICT), or its calendar cannot count
      // the span: leave it for the next tick rather than stop the whole pass.
      if (error instanceof DomainError) return null;
      throw error;
    }
  }

  private async publish(outcome: Outcome, now: number, calendar: WorkingCalendar): Promise<void> {
    publishNotifications(this.bus, outcome.deliveries);
    const { light } = timingOf(outcome.order.state, now, calendar);
    await publishOrderChange(this.ctx.db, this.bus, 'order.updated', outcome.order, { light });
  }
}
