import { Type } from 'typebox';
import {
  issueOpen311Key,
  listOpen311KeyViews,
  revokeOpen311KeyOrThrow,
} from '../../services/open311/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';
import { IdParams } from '../schemas.ts';

/** API keys for Open311 clients (POST Service Request needs one): issued, listed and revoked by admins. */
export async function open311KeyRoutes(app: App, p: Platform): Promise<void> {
  app.post(
    '/api/open311/keys',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['open311'],
        summary: 'Issue an Open311 API key (admin); the key is shown in this answer only',
        body: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 100, pattern: '^(?=.*\\S)[^\\p{Cc}]+$' }),
        }),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await issueOpen311Key(p.ctx, principal(request), request.body.name)),
  );

  app.get(
    '/api/open311/keys',
    {
      config: { access: ['admin'] },
      schema: { tags: ['open311'], summary: 'Issued Open311 API keys, without the keys (admin)' },
    },
    async () => ({ items: await listOpen311KeyViews(p.ctx) }),
  );

  app.delete(
    '/api/open311/keys/:id',
    {
      config: { access: ['admin'] },
      schema: { tags: ['open311'], summary: 'Revoke an Open311 API key (admin)', params: IdParams },
    },
    async (request, reply) => {
      await revokeOpen311KeyOrThrow(p.ctx, request.params.id);
      return reply.status(204).send();
    },
  );
}
