import type { InboxView, NotificationData, NotificationView } from '../../api/index.ts';
import { notificationMessage } from '../../domain/notifications/messages.ts';
import {
  type NotificationKind,
  type NotificationTarget,
  receivesUnitNotifications,
  targetsOfEvent,
} from '../../domain/notifications/rules.ts';
import type { OrderEvent } from '../../domain/workorder/model.ts';
import { fail } from '../../errors/catalogue.ts';
import { newId } from '../../ids.ts';
import type { LiveBus } from '../../live/bus.ts';
import type { Db } from '../../store/database.ts';
import {
  countUnread,
  findNotification,
  insertNotifications,
  listNotifications,
  markNotificationsRead,
  type NotificationRecord,
} from '../../store/notifications.repository.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { findUnit } from '../../store/units.repository.ts';
import { findUser, listUsers } from '../../store/users.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';

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
  unitId: string | null,
  userId: string,
  kind: NotificationKind,
  order: OrderRecord,
  now: number,
  options: { auto?: boolean; into?: OrderRecord },
): NotificationRecord {
  const { deadline, status } = order.state;
  const data: NotificationData = {
    status,
    deadline: deadline === null ? null : new Date(deadline).toISOString(),
    ...(options.auto !== undefined && { auto: options.auto }),
    ...(options.into && { intoOrderId: options.into.id, intoOrderCode: options.into.code }),
  };
  return {
    id: newId(),
    userId,
    unitId,
    kind,
    orderId: order.id,
    orderCode: order.code,
    message: notificationMessage(kind, order.code, {
      deadline,
      auto: options.auto,
      intoOrderCode: options.into?.code,
    }),
    data,
    createdAt: now,
    readAt: null,
  };
}

/** The command centre an order belongs to: the root (subdistrict) of the tree its unit sits in. */
async function centreUnitOf(db: Db, order: OrderRecord): Promise<string | null> {
  const unitId = order.state.responsibleUnitId ?? order.communityId ?? order.gridId;
  const unit = unitId ? await findUnit(db, unitId) : undefined;
  return unit?.path.split('/').find(Boolean) ?? null;
}

/**
 * The notifications an event calls for (see targetsOfEvent), written in the transaction of the
 * change: a new report's (from createOrder) or an action's.
 */
export async function notifyForEvent(
  db: Db,
  event: OrderEvent,
  after: OrderRecord,
  now: number,
): Promise<Delivery[]> {
  const centreUnitId = event.action === 'reopen' ? await centreUnitOf(db, after) : null;
  const targets = targetsOfEvent(event, after.state, { centreUnitId });
  if (targets.length === 0) return [];
  const auto = event.action === 'supervise' ? event.actor.role === 'system' : undefined;
  return notifyUnits(db, new RecipientCache(), targets, after, now, { skipUserId: event.actor.userId, auto });
}

/**
 * Tells the people of a duplicate that it was merged (合并) and is now followed in the survivor:
 * whoever followed it (its reporter, and the reporters of orders merged into it before; residents
 * too, it is their report) and the active users of the unit holding it (except residents and
 * leaders), each once, never the user who merged. Written in the merge's transaction.
 */
export async function notifyMerged(
  db: Db,
  merged: OrderRecord,
  into: OrderRecord,
  followers: readonly string[],
  actorUserId: string,
  now: number,
): Promise<Delivery[]> {
  const recipients = new Map<string, { unitId: string | null; unitPath: string | null }>();
  const paths = new Map<string, string | null>();
  const pathOf = async (unitId: string) => {
    if (!paths.has(unitId)) paths.set(unitId, (await findUnit(db, unitId))?.path ?? null);
    return paths.get(unitId) ?? null;
  };
  for (const userId of followers) {
    // Followers are user ids, or a channel's reporter (an Open311 key) that has no inbox.
    const user = await findUser(db, userId);
    if (!user?.active || recipients.has(userId)) continue;
    recipients.set(userId, { unitId: user.unitId, unitPath: await pathOf(user.unitId) });
  }
  const holder = merged.state.responsibleUnitId;
  if (holder) {
    const unit = await new RecipientCache().of(db, holder);
    for (const userId of unit.userIds) {
      if (!recipients.has(userId)) recipients.set(userId, { unitId: holder, unitPath: unit.path });
    }
  }
  const deliveries: Delivery[] = [];
  for (const [userId, { unitId, unitPath }] of recipients) {
    if (userId === actorUserId) continue;
    deliveries.push({ notification: record(unitId, userId, 'merged', merged, now, { into }), unitPath });
  }
  await insertNotifications(
    db,
    deliveries.map((d) => d.notification),
  );
  return deliveries;
}

/** A notification as the API returns it; its data is what record() wrote. */
export function notificationView(n: NotificationRecord): NotificationView {
  return {
    id: n.id,
    kind: n.kind,
    orderId: n.orderId,
    orderCode: n.orderCode,
    message: n.message,
    data: n.data as NotificationData,
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
): Promise<InboxView> {
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
  const found = await writeTransaction(ctx.db, [], async (trx) => {
    await markNotificationsRead(trx, who.userId, ctx.now(), [id]);
    const marked = await findNotification(trx, who.userId, id);
    if (!marked) fail('NOTIFICATION_NOT_FOUND', `You have no notification with id ${id}`);
    return marked;
  });
  return notificationView(found);
}

/** Marks all the caller's notifications read; returns how many were unread. */
export async function markAllMyNotificationsRead(ctx: ServiceContext, who: Principal) {
  const updated = await writeTransaction(ctx.db, [], (trx) =>
    markNotificationsRead(trx, who.userId, ctx.now()),
  );
  return { updated };
}
