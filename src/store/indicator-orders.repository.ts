import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { OrderHistory } from '../domain/workorder/indicators.ts';
import type { JsonObject, OrderEvent } from '../domain/workorder/model.ts';
import type { OrderStatus } from '../domain/workorder/states.ts';
import type { Db } from './database.ts';
import { parseJson } from './dialect/json.ts';
import { involving, unitIdsUnder } from './order-list.repository.ts';
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
function relevant(
  eb: ExpressionBuilder<Database, 'orders'>,
  p: PeriodOrders,
  unitIds: readonly string[] | null,
) {
  const conditions: Expression<SqlBool>[] = [
    eb('orders.created_at', '<', p.to),
    eb.or([eb('orders.updated_at', '>=', p.from), eb('orders.deadline', '>=', p.from)]),
  ];
  if (unitIds !== null) conditions.push(involving(eb, unitIds));
  return eb.and(conditions);
}

/**
 * The timelines of the period's orders in one query, driven by the orders (each one's events
 * through the (order_id, seq) key) and reading only the columns the indicators use: at 50,000
 * orders a month, states, actors, notes and photos would be most of the work.
 */
export async function listPeriodHistories(db: Db, p: PeriodOrders): Promise<OrderHistory[]> {
  const unitIds = p.involvingPath === null ? null : await unitIdsUnder(db, p.involvingPath);
  const rows = await db
    .selectFrom('orders')
    .innerJoin('order_events', 'order_events.order_id', 'orders.id')
    .select([
      'order_events.order_id',
      'order_events.seq',
      'order_events.action',
      'order_events.from_state',
      'order_events.to_state',
      'order_events.at',
      'order_events.data',
    ])
    .where((eb) => relevant(eb, p, unitIds))
    .execute();
  const byOrder = new Map<string, OrderHistory['events'][number][]>();
  for (const r of rows) {
    const event = {
      seq: r.seq,
      // Rows are written only from domain events, hence the narrowing casts.
      action: r.action as OrderEvent['action'],
      fromState: r.from_state as OrderStatus | null,
      toState: r.to_state as OrderStatus,
      at: r.at,
      data: parseJson<JsonObject>(r.data) ?? {},
    };
    const list = byOrder.get(r.order_id);
    if (list) list.push(event);
    else byOrder.set(r.order_id, [event]);
  }
  return [...byOrder].map(([id, events]) => ({ order: { id }, events }));
}

/** For each of the period's orders, the paths of the units it involved: who it counts for in a ranking. */
export async function listPeriodUnitPaths(db: Db, p: PeriodOrders): Promise<Map<string, string[]>> {
  const unitIds = p.involvingPath === null ? null : await unitIdsUnder(db, p.involvingPath);
  const rows = await db
    .selectFrom('orders')
    .innerJoin('order_units', 'order_units.order_id', 'orders.id')
    .innerJoin('units', 'units.id', 'order_units.unit_id')
    .select(['order_units.order_id', 'units.path'])
    .where((eb) => relevant(eb, p, unitIds))
    .execute();
  const paths = new Map<string, string[]>();
  for (const { order_id, path } of rows) {
    const list = paths.get(order_id);
    if (list) list.push(path);
    else paths.set(order_id, [path]);
  }
  return paths;
}
