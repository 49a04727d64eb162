import type { InboxView, NotificationView } from '../../../src/api/index.ts';
import { request } from './client.ts';

/** The kinds the console words itself (the server's list); others (added later) show the server's message. */
export { NOTIFICATION_KINDS, type NotificationKind } from '../../../src/domain/notifications/rules.ts';

/** One inbox entry about an order; `kind` may be one this console does not word (it shows `message`). */
export type Notification = NotificationView;

/** The order a notification opens (for a merge, the surviving order the duplicate is followed in), if any. */
export function notifiedOrderId(n: Pick<Notification, 'kind' | 'orderId' | 'data'>): string | null {
  return n.kind === 'merged' && n.data.intoOrderId ? n.data.intoOrderId : n.orderId;
}

/** The newest notifications and how many are unread. */
export type Inbox = InboxView;

/** The caller's newest notifications with the unread count. */
export function fetchInbox(limit = 20, signal?: AbortSignal): Promise<Inbox> {
  return request('/api/notifications', { query: { limit }, signal });
}

export function markRead(id: string): Promise<Notification> {
  return request(`/api/notifications/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export function markAllRead(): Promise<{ updated: number }> {
  return request('/api/notifications/read-all', { method: 'POST' });
}
