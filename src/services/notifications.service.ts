import { notificationMessage } from '../domain/notifications/messages.ts';
import {
  type NotificationKind,
  type NotificationTarget,
  receivesUnitNotifications,
  targetsOfEvent,
} from '../domain/notifications/rules.ts';
import type { JsonObject, OrderEvent } from '../domain/workorder/model.ts';
import { fail } from '../errors/catalogue.ts';
import { newId } from '../ids.ts';
import type { LiveBus } from '../live/bus.ts';
import type { Db } from '../store/database.ts';
import {
  countUnread,
  findNotification,
  insertNotifications,
  listNotifications,
  markNotificationsRead,
  type NotificationRecord,
} from '../store/notifications.repository.ts';
import type { OrderRecord } from '../store/orders.repository.ts';
import { findUnit } from '../store/units.repository.ts';
import { listUsers } from '../store/users.repository.ts';
import type { Principal, ServiceContext } from './context.ts';

/** A notification just written, with the unit path the live feed scopes it to. */
export interface Delivery {
  notification: NotificationRecord;
  unitPath: string | null;
}

/** Who gets a unit's notifications, looked up once per unit for a whole batch (a job tick). */
export class RecipientCache {
  private readonly units = new Map<string, { path: string | null; userIds: string[] }>();

  /** The unit's path and the ids of its active users who receive unit notifications. */
  async of(db: Db, unitId: string): Promise<{ path: string | null; userIds: string[] }> {
    const known = this.units.get(unitId);
    if (known) return known;
    const [unit, users] = await Promise.all([
      findUnit(db, unitId),
      listUsers(db, { scopePath: null, unitId }),
    ]);
    const found = {
      path: unit?.path ?? null,
      userIds: users.filter((u) => u.active && receivesUnitNotifications(u.role)).map((u) => u.id),
    };
    this.units.set(unitId, found);
    return found;
  }
}

/**
 * Writes one notification per user of each target unit about the order, in the caller's
 * transaction (`db`), so a rolled-back change notifies no one. The user who caused it is skipped.
 */
export async function notifyUnits(
  db: Db,
  recipients: RecipientCache,
  targets: readonly NotificationTarget[],
  order: OrderRecord,
  now: number,
  options: { skipUserId?: string; auto?: boolean } = {},
): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  for (const target of targets) {
    const unit = await recipients.of(db, target.unitId);
    for (const userId of unit.userIds) {
      if (userId === options.skipUserId) continue;
      deliveries.push({
        notification: record(target.unitId, userId, target.kind, order, now, options),
        unitPath: unit.path,
      });
    }
  }
  await insertNotifications(
    db,
    deliveries.map((d) => d.notification),
  );
  return deliveries;
}

function record(
  unitId: string,
  userId: string,
  kind: NotificationKind,
  order: OrderRecord,
  now: number,
  options: { auto?: boolean },
): NotificationRecord {
  const { deadline, status } = order.state;
  const data: JsonObject = {
    status,
    deadline: deadline === null ? null : new Date(deadline).toISOString(),
    ...(options.auto !== undefined && { auto: options.auto }),
  };
  return {
    id: newId(),
    userId,
    unitId,
    kind,
    orderId: order.id,
    orderCode: order.code,
    message: notificationMessage(kind, order.code, { deadline, auto: options.auto }),
    data,
    createdAt: now,
    readAt: null,
  };
}

/** The notifications an action's event calls for (see targetsOfEvent), written in the action's transaction. */
export function notifyForEvent(
  db: Db,
  event: OrderEvent,
  after: OrderRecord,
  now: number,
): Promise<Delivery[]> {
  const targets = targetsOfEvent(event, after.state);
  const auto = event.action === 'supervise' ? event.actor.role === 'system' : undefined;
  return notifyUnits(db, new RecipientCache(), targets, after, now, { skipUserId: event.actor.userId, auto });
}

/** A notification as the API returns it. */
export function notificationView(n: NotificationRecord) {
  return {
    id: n.id,
    kind: n.kind,
    orderId: n.orderId,
    orderCode: n.orderCode,
    message: n.message,
    data: n.data,
    createdAt: new Date(n.createdAt).toISOString(),
    readAt: n.readAt === null ? null : new Date(n.readAt).toISOString(),
  };
}

/**
 * Pushes written notifications to live consoles. The feed scopes events by unit path, so the
 * event names its recipient and each console shows only its own user's.
 */
export function publishNotifications(bus: LiveBus, deliveries: readonly Delivery[]): void {
  for (const { notification, unitPath } of deliveries) {
    bus.publish({
      type: 'notification',
      unitPath,
      data: { userId: notification.userId, ...notificationView(notification) },
    });
  }
}

/** The largest inbox page a caller may ask for. */
export const MAX_NOTIFICATION_PAGE = 100;

function encodeCursor(n: NotificationRecord): string {
  return Buffer.from(JSON.stringify([n.createdAt, n.id])).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: number; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    // The values go straight into SQL: a fraction or a NUL makes PostgreSQL fail where SQLite would not.
    if (
      Number.isSafeInteger(createdAt) &&
      typeof id === 'string' &&
      id.length > 0 &&
      id.length <= 100 &&
      !id.includes('\u0000')
    )
      return { createdAt: createdAt as number, id };
  } catch {
    // Falls through to the error below.
  }
  fail('VALIDATION_FAILED', 'querystring.cursor is not a cursor of this inbox: start from the first page', {
    field: 'querystring.cursor',
  });
}

/** The caller's own notifications, newest first, with the unread count. */
export async function listMyNotifications(
  ctx: ServiceContext,
  who: Principal,
  q: { unread?: boolean; limit?: number; cursor?: string },
) {
  const page = await listNotifications(ctx.db, who.userId, {
    unreadOnly: q.unread === true,
    limit: Math.min(q.limit ?? 50, MAX_NOTIFICATION_PAGE),
    before: q.cursor ? decodeCursor(q.cursor) : undefined,
  });
  const last = page.items.at(-1);
  return {
    items: page.items.map(notificationView),
    unreadCount: await countUnread(ctx.db, who.userId),
    ...(page.more && last && { nextCursor: encodeCursor(last) }),
  };
}

/** Marks one of the caller's notifications read; someone else's is NOTIFICATION_NOT_FOUND. */
export async function markMyNotificationRead(ctx: ServiceContext, who: Principal, id: string) {
  await markNotificationsRead(ctx.db, who.userId, ctx.now(), [id]);
  const found = await findNotification(ctx.db, who.userId, id);
  if (!found) fail('NOTIFICATION_NOT_FOUND', `You have no notification with id ${id}`);
  return notificationView(found);
}

/** Marks all the caller's notifications read; returns how many were unread. */
export async function markAllMyNotificationsRead(ctx: ServiceContext, who: Principal) {
  return { updated: await markNotificationsRead(ctx.db, who.userId, ctx.now()) };
}
