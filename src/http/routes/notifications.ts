import { Type } from 'typebox';
import { InboxSchema } from '../../api/index.ts';
import {
  listMyNotifications,
  MAX_NOTIFICATION_PAGE,
  markAllMyNotificationsRead,
  markMyNotificationRead,
} from '../../services/notifications/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';
import { IdParams } from '../schemas.ts';

const InboxQuery = Type.Object({
  unread: Type.Optional(Type.Boolean()),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_NOTIFICATION_PAGE })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});

/** The caller's in-app inbox: time-limit warnings, supervision, orders dispatched or returned to their unit. */
export async function notificationRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'Your notifications, newest first, with the unread count',
        querystring: InboxQuery,
        response: { 200: InboxSchema },
      },
    },
    async (request) => listMyNotifications(p.ctx, principal(request), request.query),
  );

  app.post(
    '/api/notifications/read-all',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['notifications'], summary: 'Mark all your notifications read' },
    },
    async (request) => markAllMyNotificationsRead(p.ctx, principal(request)),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['notifications'], summary: 'Mark one of your notifications read', params: IdParams },
    },
    async (request) => markMyNotificationRead(p.ctx, principal(request), request.params.id),
  );
}
