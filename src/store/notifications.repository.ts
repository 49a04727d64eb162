import type { JsonObject } from '../domain/workorder/model.ts';
import { executeCompiled } from './compiled.ts';
import type { Db } from './database.ts';
import { parseJson, toJson } from './dialect/json.ts';
import type { NotificationTable } from './schema.ts';

/** One entry of a user's inbox. */
export interface NotificationRecord {
  id: string;
  userId: string;
  /** The recipient's unit when it was written: the live feed's scope for it. */
  unitId: string | null;
  kind: string;
  orderId: string | null;
  orderCode: string | null;
  message: string;
  data: JsonObject;
  createdAt: number;
  readAt: number | null;
}

function toNotification(r: NotificationTable): NotificationRecord {
  return {
    id: r.id,
    userId: r.user_id,
    unitId: r.unit_id,
    kind: r.kind,
    orderId: r.order_id,
    orderCode: r.order_code,
    message: r.message,
    data: parseJson<JsonObject>(r.data) ?? {},
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}

/** Stores notifications, typically inside the transaction of the change they tell about. */
export async function insertNotifications(db: Db, items: readonly NotificationRecord[]): Promise<void> {
  if (items.length === 0) return;
  const rows = items.map((n) => ({
    id: n.id,
    user_id: n.userId,
    unit_id: n.unitId,
    kind: n.kind,
    order_id: n.orderId,
    order_code: n.orderCode,
    message: n.message,
    data: toJson(n.data) ?? '{}',
    created_at: n.createdAt,
    read_at: n.readAt,
  }));
  const build = () => db.insertInto('notifications').values(rows);
  // An action notifies a unit's few users: one text per count, compiled once.
  if (rows.length > 16) await build().execute();
  else
    await executeCompiled(
      db,
      `notifications.insert:${rows.length}`,
      rows.flatMap((r) => Object.values(r)),
      build,
    );
}

/** One page of a user's notifications, newest first, keyset-paged on (createdAt, id). */
export async function listNotifications(
  db: Db,
  userId: string,
  page: { unreadOnly: boolean; limit: number; before?: { createdAt: number; id: string } },
): Promise<{ items: NotificationRecord[]; more: boolean }> {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', userId);
  if (page.unreadOnly) q = q.where('read_at', 'is', null);
  if (page.before) {
    const { createdAt, id } = page.before;
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', createdAt),
        eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
  return { items: rows.slice(0, page.limit).map(toNotification), more: rows.length > page.limit };
}

/** How many notifications the user has not read. */
export async function countUnread(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One of the user's notifications, or undefined (someone else's counts as none). */
export async function findNotification(
  db: Db,
  userId: string,
  id: string,
): Promise<NotificationRecord | undefined> {
  const row = await db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? toNotification(row) : undefined;
}

/** Marks the user's notifications read (those given, or all), keeping the first read time; returns how many changed. */
export async function markNotificationsRead(
  db: Db,
  userId: string,
  now: number,
  ids?: readonly string[],
): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (ids?.length === 0) return 0;
  if (ids) q = q.where('id', 'in', [...ids]);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
