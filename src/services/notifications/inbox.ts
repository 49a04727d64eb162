import type { InboxView } from '../../api/index.ts';
import { fail } from '../../errors/catalogue.ts';
import {
  countUnread,
  findNotification,
  listNotifications,
  markNotificationsRead,
} from '../../store/notifications.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { notificationView } from './notifications.ts';

/** The caller's inbox (消息): read a page, mark read. */

/** The largest inbox page a caller may ask for. */
export const MAX_NOTIFICATION_PAGE = 100;

/** The cursor after an entry of a list paged newest first by (createdAt, id): the inbox's, the notices'. */
export function encodePageCursor(item: { createdAt: number; id: string }): string {
  return Buffer.from(JSON.stringify([item.createdAt, item.id])).toString('base64url');
}

/** The (createdAt, id) a cursor of encodePageCursor holds; VALIDATION_FAILED naming `list` for anything else. */
export function decodePageCursor(cursor: string, list = 'this inbox'): { createdAt: number; id: string } {
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
  fail('VALIDATION_FAILED', `querystring.cursor is not a cursor of ${list}: start from the first page`, {
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
    before: q.cursor ? decodePageCursor(q.cursor) : undefined,
  });
  const last = page.items.at(-1);
  return {
    items: page.items.map(notificationView),
    unreadCount: await countUnread(ctx.db, who.userId),
    ...(page.more && last && { nextCursor: encodePageCursor(last) }),
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
