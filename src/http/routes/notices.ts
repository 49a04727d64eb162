import { IdParams, NewNoticeBody, NoticeListQuery, NoticePageSchema, NoticeSchema } from '../../api/index.ts';
import { getNoticeOrThrow, listVisibleNotices, postNotice } from '../../services/notices/index.ts';
import { publishNotifications } from '../../services/notifications/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

/** Notices to residents (社区公告): posted by communities and workstations, read by residents and staff. */
export async function noticeRoutes(app: App, p: Platform): Promise<void> {
  app.post(
    '/api/notices',
    {
      // An administrator may stand in, as on every route.
      config: { access: ['admin', 'community', 'workstation'] },
      schema: {
        tags: ['notices'],
        summary: 'Tell the residents of grids or communities in your scope (社区公告)',
        body: NewNoticeBody,
        response: { 201: NoticeSchema },
      },
    },
    async (request, reply) => {
      const posted = await postNotice(p.ctx, principal(request), request.body);
      publishNotifications(p.bus, posted.deliveries);
      return reply.status(201).send(posted.notice);
    },
  );

  app.get(
    '/api/notices',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notices'],
        summary: 'Notices you may see: residents those for them valid now, staff their scope’s',
        querystring: NoticeListQuery,
        response: { 200: NoticePageSchema },
      },
    },
    async (request) => listVisibleNotices(p.ctx, principal(request), request.query),
  );

  app.get(
    '/api/notices/:id',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['notices'], summary: 'One notice', params: IdParams, response: { 200: NoticeSchema } },
    },
    async (request) => getNoticeOrThrow(p.ctx, principal(request), request.params.id),
  );
}
