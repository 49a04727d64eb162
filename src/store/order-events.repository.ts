import type { Actor, JsonObject, OrderEvent } from '../domain/workorder/model.ts';
import type { OrderStatus } from '../domain/workorder/states.ts';
import { linkAttachmentsToOrders } from './attachments.repository.ts';
import { executeCompiled } from './compiled.ts';
import type { Db } from './database.ts';
import { parseJson, toJson } from './dialect/json.ts';
import type { OrderEventTable } from './schema.ts';

/** Turns a row into an event; rows are written only from domain events, hence the narrowing casts. */
export function toEvent(r: OrderEventTable): OrderEvent {
  return {
    orderId: r.order_id,
    seq: r.seq,
    action: r.action as OrderEvent['action'],
    fromState: r.from_state as OrderStatus | null,
    toState: r.to_state as OrderStatus,
    actor: {
      userId: r.actor_user_id,
      role: r.actor_role as Actor['role'],
      unitId: r.actor_unit_id,
    },
    at: r.at,
    note: r.note,
    photos: parseJson<string[]>(r.photos) ?? [],
    data: parseJson<JsonObject>(r.data) ?? {},
  };
}

function eventRow(e: OrderEvent) {
  return {
    order_id: e.orderId,
    seq: e.seq,
    action: e.action,
    from_state: e.fromState,
    to_state: e.toState,
    actor_user_id: e.actor.userId,
    actor_role: e.actor.role,
    actor_unit_id: e.actor.unitId,
    at: e.at,
    note: e.note,
    photos: toJson(e.photos) ?? '[]',
    data: toJson(e.data) ?? '{}',
  };
}

/** The (photo, order) links a batch of events adds: what scopes each photo's download. */
function photoLinks(events: readonly OrderEvent[]) {
  return events.flatMap((e) => e.photos.map((attachmentId) => ({ attachmentId, orderId: e.orderId })));
}

/**
 * Appends an event, and links the order to the photos it lists; the (order, seq) key refuses a
 * second event for the same version.
 */
export async function insertOrderEvent(db: Db, e: OrderEvent): Promise<void> {
  const row = eventRow(e);
  await executeCompiled(db, 'order_events.insert', Object.values(row), () =>
    db.insertInto('order_events').values(row),
  );
  if (e.photos.length > 0) await linkAttachmentsToOrders(db, photoLinks([e]));
}

/** Appends many events with multi-row inserts (imports, benchmarks). */
export async function insertOrderEvents(db: Db, events: readonly OrderEvent[]): Promise<void> {
  // 1,000 rows × 12 columns stays under SQLite's 32,766 bound parameters.
  for (let i = 0; i < events.length; i += 1000) {
    await db
      .insertInto('order_events')
      .values(events.slice(i, i + 1000).map(eventRow))
      .execute();
  }
  await linkAttachmentsToOrders(db, photoLinks(events));
}

/** An order's timeline, oldest first. */
export async function listOrderEvents(db: Db, orderId: string): Promise<OrderEvent[]> {
  const rows = await db
    .selectFrom('order_events')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('seq')
    .execute();
  return rows.map(toEvent);
}

/** The timelines of several orders, oldest event first, by order id. */
export async function listEventsOfOrders(
  db: Db,
  orderIds: readonly string[],
): Promise<Map<string, OrderEvent[]>> {
  const byOrder = new Map<string, OrderEvent[]>(orderIds.map((id) => [id, []]));
  // Bounded IN lists: PostgreSQL and SQLite both cap the number of bound parameters.
  for (let i = 0; i < orderIds.length; i += 500) {
    const chunk = orderIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('order_events')
      .selectAll()
      .where('order_id', 'in', chunk)
      .orderBy('order_id')
      .orderBy('seq')
      .execute();
    for (const row of rows) byOrder.get(row.order_id)?.push(toEvent(row));
  }
  return byOrder;
}
