import { type Static, Type } from 'typebox';
import { ORDER_STATUSES } from '../domain/workorder/states.ts';
import { Nullable, Time } from './common.ts';

/**
 * What a notification records of its order when written; `merged` names the order the duplicate
 * now lives on; a decision says whether it was granted; a notice names itself. Stored as JSON
 * with the notification, so a reader takes every key as optional.
 */
export const NotificationDataSchema = Type.Object({
  status: Type.Optional(Type.Enum(ORDER_STATUSES)),
  deadline: Type.Optional(Nullable(Time)),
  auto: Type.Optional(Type.Boolean({ description: 'raised by the time-limit scheduler' })),
  intoOrderId: Type.Optional(Type.String()),
  intoOrderCode: Type.Optional(Type.String()),
  approved: Type.Optional(
    Type.Boolean({ description: 'extensionDecided, parkDecided: granted (true) or denied' }),
  ),
  agree: Type.Optional(Type.Boolean({ description: 'consultAnswered: whether the asked unit agrees' })),
  unitId: Type.Optional(Type.String({ description: 'consultAnswered, subTaskFedBack: the unit concerned' })),
  noticeId: Type.Optional(
    Type.String({ description: 'notice: the notice to residents (GET /api/notices/:id)' }),
  ),
  title: Type.Optional(Type.String({ description: 'notice, taskNoteDue, taskSupervised: its title' })),
  taskId: Type.Optional(
    Type.String({ description: 'taskNoteDue, taskSupervised: the key task (GET /api/tasks/:id)' }),
  ),
  week: Type.Optional(Type.String({ description: 'taskNoteDue: the ISO week of the push day' })),
  validFrom: Type.Optional(Time),
  validTo: Type.Optional(Time),
  alertId: Type.Optional(Type.String({ description: 'alert: the alert (GET /api/alerts)' })),
  assetId: Type.Optional(Type.String({ description: 'alert: the asset it concerns' })),
  alertKind: Type.Optional(Type.String({ description: 'alert: the rule kind' })),
});

/** One inbox entry (消息) as the API sends it. */
export const NotificationSchema = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'one of NOTIFICATION_KINDS; a console words the kinds it knows' }),
  orderId: Nullable(Type.String({ description: 'null only for a notification about no order' })),
  orderCode: Nullable(Type.String()),
  message: Type.String({ description: 'the notification in Chinese, for kinds a console does not word' }),
  data: NotificationDataSchema,
  createdAt: Time,
  readAt: Nullable(Time),
});

/** GET /api/notifications: the newest entries and how many are unread; `nextCursor` asks for more. */
export const InboxSchema = Type.Object({
  items: Type.Array(NotificationSchema),
  unreadCount: Type.Number(),
  nextCursor: Type.Optional(Type.String()),
});

/** What a notification records of its order. */
export type NotificationData = Static<typeof NotificationDataSchema>;
/** A notification as the API sends it. */
export type NotificationView = Static<typeof NotificationSchema>;
/** A page of the inbox. */
export type InboxView = Static<typeof InboxSchema>;
