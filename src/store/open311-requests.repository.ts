import { PUBLIC_SOURCES } from '../domain/workorder/dictionary.ts';
import type { Db } from './database.ts';
import { parseJson, toJson } from './dialect/json.ts';
import { type OrderRecord, toOrder } from './orders.repository.ts';

/** What an Open311 client sent with a request besides the order itself. */
export interface Open311Submission {
  orderId: string;
  keyId: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  deviceId: string | null;
  accountId: string | null;
  addressId: string | null;
  mediaUrls: string[];
  createdAt: number;
}

/** Stores the submission that created an order. */
export async function insertOpen311Submission(db: Db, s: Open311Submission): Promise<void> {
  await db
    .insertInto('open311_requests')
    .values({
      order_id: s.orderId,
      key_id: s.keyId,
      email: s.email,
      first_name: s.firstName,
      last_name: s.lastName,
      phone: s.phone,
      device_id: s.deviceId,
      account_id: s.accountId,
      address_id: s.addressId,
      media_urls: toJson(s.mediaUrls) ?? '[]',
      created_at: s.createdAt,
    })
    .execute();
}

/** The public parts of the submissions behind some orders (media URLs, address id), by order id. */
export async function findOpen311Media(
  db: Db,
  orderIds: readonly string[],
): Promise<Map<string, { mediaUrls: string[]; addressId: string | null }>> {
  const found = new Map<string, { mediaUrls: string[]; addressId: string | null }>();
  // Bounded IN lists: PostgreSQL and SQLite both cap the number of bound parameters.
  for (let i = 0; i < orderIds.length; i += 500) {
    const rows = await db
      .selectFrom('open311_requests')
      .select(['order_id', 'media_urls', 'address_id'])
      .where('order_id', 'in', orderIds.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      found.set(r.order_id, { mediaUrls: parseJson<string[]>(r.media_urls) ?? [], addressId: r.address_id });
    }
  }
  return found;
}

/** GET Service Requests filters, resolved to our columns. */
export interface RequestFilter {
  codes?: readonly string[];
  categoryIds?: readonly string[];
  statuses?: readonly string[];
  createdFrom?: number;
  createdTo?: number;
}

/**
 * Published orders (PUBLIC_SOURCES) matching the filter, newest first, one page by offset; an
 * empty list filter matches nothing.
 */
export async function listOrdersForOpen311(
  db: Db,
  f: RequestFilter,
  page: { limit: number; offset: number },
): Promise<OrderRecord[]> {
  if (f.codes?.length === 0 || f.categoryIds?.length === 0 || f.statuses?.length === 0) return [];
  let q = db
    .selectFrom('orders')
    .selectAll()
    .where('source', 'in', [...PUBLIC_SOURCES]);
  if (f.codes) q = q.where('code', 'in', [...f.codes]);
  if (f.categoryIds) q = q.where('category_id', 'in', [...f.categoryIds]);
  if (f.statuses) q = q.where('status', 'in', [...f.statuses]);
  if (f.createdFrom !== undefined) q = q.where('created_at', '>=', f.createdFrom);
  if (f.createdTo !== undefined) q = q.where('created_at', '<=', f.createdTo);
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map(toOrder);
}

/** One order by its code (the Open311 service_request_id), or undefined. */
export async function findOrderByCode(db: Db, code: string): Promise<OrderRecord | undefined> {
  const row = await db.selectFrom('orders').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toOrder(row) : undefined;
}

/** One step of an order's timeline as servicerequestupdates lists it. */
export interface PublicStepRow {
  orderId: string;
  code: string;
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  at: number;
}

/**
 * Public steps (a change of state, or an escalation; never the report itself, see the protocol's
 * isPublicStep) of published orders (PUBLIC_SOURCES) taken within [from, to], oldest first, one
 * page by offset.
 */
export async function listPublicStepsBetween(
  db: Db,
  range: { from: number; to: number },
  page: { limit: number; offset: number },
): Promise<PublicStepRow[]> {
  const rows = await db
    .selectFrom('order_events')
    .innerJoin('orders', 'orders.id', 'order_events.order_id')
    .select([
      'order_events.order_id',
      'orders.code',
      'order_events.seq',
      'order_events.action',
      'order_events.from_state',
      'order_events.to_state',
      'order_events.at',
    ])
    .where('order_events.at', '>=', range.from)
    .where('order_events.at', '<=', range.to)
    .where('order_events.action', '<>', 'report')
    .where('orders.source', 'in', [...PUBLIC_SOURCES])
    .where((eb) =>
      eb.or([
        eb('order_events.from_state', '<>', eb.ref('order_events.to_state')),
        eb('order_events.action', '=', 'escalate'),
      ]),
    )
    .orderBy('order_events.at')
    .orderBy('order_events.order_id')
    .orderBy('order_events.seq')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return rows.map((r) => ({
    orderId: r.order_id,
    code: r.code,
    seq: r.seq,
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    at: r.at,
  }));
}
