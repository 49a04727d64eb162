import { Type } from 'typebox';
import type { App, Platform } from '../app-types.ts';

const Health = Type.Object({
  status: Type.String(),
  db: Type.String(),
  dbReachable: Type.Boolean(),
  version: Type.String(),
  uptimeSeconds: Type.Number(),
});

/** GET /api/health: liveness plus database kind and reachability, for load balancers and people. */
export async function healthRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['platform'],
        summary: 'Health: database kind and reachability',
        response: {
          200: Health,
          503: Health,
        },
      },
    },
    async (_request, reply) => {
      const reachable = await p.store.ping();
      reply.status(reachable ? 200 : 503);
      return {
        status: reachable ? 'ok' : 'degraded',
        db: p.store.kind,
        dbReachable: reachable,
        version: p.version,
        uptimeSeconds: Math.round((Date.now() - p.startedAt) / 1000),
      };
    },
  );
}
