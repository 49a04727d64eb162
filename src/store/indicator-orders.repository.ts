import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { OrderHistory } from '../domain/workorder/indicators.ts';
import type { OrderEvent, OrderState } from '../domain/workorder/model.ts';
import type { Db } from './database.ts';
import { parseJson } from './dialect/json.ts';
import { toEvent } from './order-events.repository.ts';
import { involving } from './order-list.repository.ts';
import type { Database } from './schema.ts';

/** The orders an indicator query needs: those that can count in [from, to), optionally only those involving a unit under a path. */
export interface PeriodOrders {
  from: number;
  to: number;
  /** null: every order (an unrestricted caller). */
  involvingPath: string | null;
}

/**
 * Which orders can count in the period at all: reported before its end, and either touched
 * (any event, so updated_at) since its start or with a deadline at or after its start. An
 * order whose every event and deadline lie before the period contributes nothing to it, so a
 * month's indicators read a month's orders, not the whole history.
 */
function relevant(eb: ExpressionBuilder<Database, 'orders'>, p: PeriodOrders) {
  const conditions: Expression<SqlBool>[] = [
    eb('orders.created_at', '<', p.to),
    eb.or([eb('orders.updated_at', '>=', p.from), eb('orders.deadline', '>=', p.from)]),
  ];
  if (p.involvingPath !== null) conditions.push(involving(eb, p.involvingPath));
  return eb.and(conditions);
}

function orderIds(db: Db, p: PeriodOrders) {
  return db
    .selectFrom('orders')
    .select('orders.id')
    .where((eb) => relevant(eb, p));
}

/** The timelines of the period's orders, read in two queries whatever their number. */
export async function listPeriodHistories(db: Db, p: PeriodOrders): Promise<OrderHistory[]> {
  const [orders, eventRows] = await Promise.all([
    db
      .selectFrom('orders')
      .select(['orders.id', 'orders.state'])
      .where((eb) => relevant(eb, p))
      .execute(),
    db
      .selectFrom('order_events')
      .selectAll()
      .where('order_events.order_id', 'in', orderIds(db, p))
      .orderBy('order_events.order_id')
      .orderBy('order_events.seq')
      .execute(),
  ]);
  const events = new Map<string, OrderEvent[]>();
  for (const row of eventRows) {
    const list = events.get(row.order_id);
    if (list) list.push(toEvent(row));
    else events.set(row.order_id, [toEvent(row)]);
  }
  return orders.flatMap((o) => {
    const order = parseJson<OrderState>(o.state);
    return order ? [{ order, events: events.get(o.id) ?? [] }] : [];
  });
}

/** For each of the period's orders, the paths of the units it involved: who it counts for in a ranking. */
export async function listPeriodUnitPaths(db: Db, p: PeriodOrders): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('order_units')
    .innerJoin('units', 'units.id', 'order_units.unit_id')
    .select(['order_units.order_id', 'units.path'])
    .where('order_units.order_id', 'in', orderIds(db, p))
    .execute();
  const paths = new Map<string, string[]>();
  for (const { order_id, path } of rows) {
    const list = paths.get(order_id);
    if (list) list.push(path);
    else paths.set(order_id, [path]);
  }
  return paths;
}
