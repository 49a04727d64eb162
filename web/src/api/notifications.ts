import type { NotificationKind } from '../../../src/domain/notifications/rules.ts';
import { request } from './client.ts';

/** The kinds the console words itself (the server's list); others (added later) show the server's message. */
export { NOTIFICATION_KINDS, type NotificationKind } from '../../../src/domain/notifications/rules.ts';

/** One inbox entry about an order. */
export interface Notification {
  id: string;
  kind: NotificationKind | (string & {});
  orderId: string;
  orderCode: string;
  message: string;
  /** `merged` names the order the duplicate now lives on (intoOrderId, intoOrderCode). */
  data: {
    status?: string;
    deadline?: string | null;
    auto?: boolean;
    intoOrderId?: string;
    intoOrderCode?: string;
  };
  createdAt: string;
  readAt: string | null;
}

/** The order a notification opens: for a merge, the surviving order the duplicate is followed in. */
export function notifiedOrderId(n: Pick<Notification, 'kind' | 'orderId' | 'data'>): string {
  return n.kind === 'merged' && n.data.intoOrderId ? n.data.intoOrderId : n.orderId;
}

export interface Inbox {
  items: Notification[];
  unreadCount: number;
  nextCursor?: string;
}

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
