import type { TrafficLight } from '../domain/calendar/time-limit.ts';
import type { Db } from './database.ts';
import { type OrderRecord, type OrderTiming, toOrder } from './orders.repository.ts';

/** An order the time-limit job must look at, with the light stored for it. */
export interface TimeCheck {
  order: OrderRecord;
  storedLight: TrafficLight | null;
}

/**
 * Orders whose stored light is behind the clock (yellow_at or red_at passed since it was
 * written) or that are overdue without an automatic supervision for their current deadline.
 * Only orders whose time limit runs have yellow_at/red_at, so the rest never match; the
 * yellow_at and red_at indexes keep this a range scan of the orders near or past their limit.
 */
export async function listTimeChecks(db: Db, now: number, limit: number): Promise<TimeCheck[]> {
  const rows = await db
    .selectFrom('orders')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb('yellow_at', '<=', now), eb('light', '=', 'green')]),
        eb.and([
          eb('red_at', '<', now),
          eb.or([
            eb('light', 'is', null),
            eb('light', '!=', 'red'),
            eb('auto_supervised_for', 'is', null),
            eb('auto_supervised_for', '!=', eb.ref('red_at')),
          ]),
        ]),
      ]),
    )
    .orderBy('yellow_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ order: toOrder(r), storedLight: r.light as TrafficLight | null }));
}

/**
 * Repaints an order's light if it is still at the version and light the job read: a change
 * of state meanwhile wrote fresh timing itself, and a second job that raced this one finds
 * the light already changed. No event: the light follows from the clock, the order did not change.
 */
export async function updateOrderLight(
  db: Db,
  id: string,
  version: number,
  storedLight: TrafficLight | null,
  timing: OrderTiming,
): Promise<boolean> {
  const result = await db
    .updateTable('orders')
    .set({ light: timing.light, overdue: timing.overdue ? 1 : 0 })
    .where('id', '=', id)
    .where('version', '=', version)
    .where((eb) => (storedLight === null ? eb('light', 'is', null) : eb('light', '=', storedLight)))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Closed orders whose return visit (回访) is overdue by the stored reminder time, oldest first. */
export async function listVisitsDue(db: Db, now: number, limit: number): Promise<OrderRecord[]> {
  const rows = await db
    .selectFrom('orders')
    .selectAll()
    .where('visit_due_at', '<=', now)
    .orderBy('visit_due_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toOrder);
}

/**
 * Marks the reminder of a closed order without a visit as given, if the order is still at the
 * version read: a visit or a reopening meanwhile wrote the column itself. True when this call
 * took it, so two jobs racing remind once.
 */
export async function clearVisitDue(db: Db, id: string, version: number): Promise<boolean> {
  const result = await db
    .updateTable('orders')
    .set({ visit_due_at: null })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('visit_due_at', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Parked orders whose approved wait (挂账 until a date) is over, the longest over first. */
export async function listParkedDue(db: Db, now: number, limit: number): Promise<OrderRecord[]> {
  const rows = await db
    .selectFrom('orders')
    .selectAll()
    .where('park_until', '<=', now)
    .orderBy('park_until')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map(toOrder);
}
