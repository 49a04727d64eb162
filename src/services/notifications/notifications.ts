import type { NotificationData, NotificationView } from '../../api/index.ts';
import { notificationMessage } from '../../domain/notifications/messages.ts';
import {
  type NotificationKind,
  type NotificationTarget,
  receivesUnitNotifications,
  targetsOfEvent,
} from '../../domain/notifications/rules.ts';
import type { OrderEvent } from '../../domain/workorder/model.ts';
import { newId } from '../../ids.ts';
import type { LiveBus } from '../../live/bus.ts';
import type { Db } from '../../store/database.ts';
import { insertNotifications, type NotificationRecord } from '../../store/notifications.repository.ts';
import { listFollowers } from '../../store/order-links.repository.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import { findUnit } from '../../store/units.repository.ts';
import { findUser, listUsers } from '../../store/users.repository.ts';

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

  /**
   * One person told as such (a requester, an asker, a reporter; residents too): their unit and its
   * path, or undefined for an inactive or unknown user (a channel's reporter, an Open311 key, has no inbox).
   */
  async person(db: Db, userId: string): Promise<{ unitId: string; path: string | null } | undefined> {
    const user = await findUser(db, userId);
    if (!user?.active) return undefined;
    const unit = await findUnit(db, user.unitId);
    return { unitId: user.unitId, path: unit?.path ?? null };
  }
}

/** What a notification's data and message mention besides the order (see record). */
export interface NotificationExtras {
  auto?: boolean;
  into?: OrderRecord;
  approved?: boolean;
  agree?: boolean;
  unitId?: string;
}

/**
 * Writes the notifications about the order in the caller's transaction (`db`), so a rolled-back
 * change notifies no one: one per active user of each target unit (residents and leaders aside,
 * see RecipientCache), one per target person (residents too: it is their report). Each user is
 * told once; the user who caused it is skipped.
 */
export async function notifyTargets(
  db: Db,
  recipients: RecipientCache,
  targets: readonly NotificationTarget[],
  order: OrderRecord,
  now: number,
  options: { skipUserId?: string } & NotificationExtras = {},
): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  const told = new Set<string>(options.skipUserId === undefined ? [] : [options.skipUserId]);
  for (const target of targets) {
    if ('userId' in target) {
      const person = await recipients.person(db, target.userId);
      if (!person || told.has(target.userId)) continue;
      told.add(target.userId);
      deliveries.push({
        notification: record(person.unitId, target.userId, target.kind, order, now, options),
        unitPath: person.path,
      });
      continue;
    }
    const unit = await recipients.of(db, target.unitId);
    for (const userId of unit.userIds) {
      if (told.has(userId)) continue;
      told.add(userId);
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
  options: NotificationExtras,
): NotificationRecord {
  const { deadline, status } = order.state;
  const data: NotificationData = {
    status,
    deadline: deadline === null ? null : new Date(deadline).toISOString(),
    ...(options.auto !== undefined && { auto: options.auto }),
    ...(options.into && { intoOrderId: options.into.id, intoOrderCode: options.into.code }),
    ...(options.approved !== undefined && { approved: options.approved }),
    ...(options.agree !== undefined && { agree: options.agree }),
    ...(options.unitId !== undefined && { unitId: options.unitId }),
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
      approved: options.approved,
      agree: options.agree,
    }),
    data,
    createdAt: now,
    readAt: null,
  };
}

/** The command centre an order belongs to: the root (subdistrict) of the tree its unit sits in. */
export async function centreUnitOf(db: Db, order: OrderRecord): Promise<string | null> {
  const unitId = order.state.responsibleUnitId ?? order.communityId ?? order.gridId;
  const unit = unitId ? await findUnit(db, unitId) : undefined;
  return unit?.path.split('/').find(Boolean) ?? null;
}

/** What the notifications of an event mention besides the order: a decision, an answer, a unit. */
function extrasOf(event: OrderEvent): NotificationExtras {
  const { data } = event;
  switch (event.action) {
    case 'supervise':
      return { auto: event.actor.role === 'system' };
    case 'approveExtension':
    case 'approvePark':
      return { approved: true };
    case 'denyExtension':
    case 'denyPark':
      return { approved: false };
    case 'consultReply':
      return {
        ...(typeof data.agree === 'boolean' && { agree: data.agree }),
        ...(typeof data.unitId === 'string' && { unitId: data.unitId }),
      };
    case 'feedbackSubTask':
      return typeof data.unitId === 'string' ? { unitId: data.unitId } : {};
    default:
      return {};
  }
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
  const needsCentre = event.action === 'reopen' || event.action === 'requestPark';
  const closing = event.action === 'close' || event.action === 'selfHandle';
  const targets = targetsOfEvent(event, after.state, {
    centreUnitId: needsCentre ? await centreUnitOf(db, after) : null,
    gridId: after.gridId,
    ...(closing && { followers: await listFollowers(db, after.id) }),
  });
  if (targets.length === 0) return [];
  return notifyTargets(db, new RecipientCache(), targets, after, now, {
    skipUserId: event.actor.userId,
    ...extrasOf(event),
  });
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

/** What a notice to residents tells its readers (src/services/notices/). */
export interface NoticeMention {
  id: string;
  title: string;
  validFrom: number;
  validTo: number;
  orderId: string | null;
  orderCode: string | null;
}

/**
 * Tells residents of a notice (公告), one inbox entry each, in the notice's transaction; the live
 * feed delivers each entry to its resident only.
 */
export async function notifyResidents(
  db: Db,
  notice: NoticeMention,
  residents: readonly { id: string; unitId: string }[],
  now: number,
): Promise<Delivery[]> {
  const paths = new Map<string, string | null>();
  const deliveries: Delivery[] = [];
  for (const resident of residents) {
    if (!paths.has(resident.unitId))
      paths.set(resident.unitId, (await findUnit(db, resident.unitId))?.path ?? null);
    const data: NotificationData = {
      noticeId: notice.id,
      title: notice.title,
      validFrom: new Date(notice.validFrom).toISOString(),
      validTo: new Date(notice.validTo).toISOString(),
    };
    deliveries.push({
      notification: {
        id: newId(),
        userId: resident.id,
        unitId: resident.unitId,
        kind: 'notice',
        orderId: notice.orderId,
        orderCode: notice.orderCode,
        message: notificationMessage('notice', notice.orderCode ?? '', {
          deadline: null,
          title: notice.title,
        }),
        data,
        createdAt: now,
        readAt: null,
      },
      unitPath: paths.get(resident.unitId) ?? null,
    });
  }
  await insertNotifications(
    db,
    deliveries.map((d) => d.notification),
  );
  return deliveries;
}

/**
 * Tells one person about something that is not an order (a key task's missing note, a
 * supervision letter), in the caller's transaction; nobody for an inactive or unknown user.
 */
export async function notifyPerson(
  db: Db,
  userId: string,
  kind: string,
  message: string,
  data: NotificationData,
  now: number,
): Promise<Delivery[]> {
  const person = await new RecipientCache().person(db, userId);
  if (!person) return [];
  const notification: NotificationRecord = {
    id: newId(),
    userId,
    unitId: person.unitId,
    kind,
    orderId: null,
    orderCode: null,
    message,
    data,
    createdAt: now,
    readAt: null,
  };
  await insertNotifications(db, [notification]);
  return [{ notification, unitPath: person.path }];
}
