import type { FastifyInstance } from 'fastify';
import { newId } from '../../ids.ts';
import type { ServiceContext } from '../../services/context.ts';
import { insertAudit } from '../../store/audit.repository.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every mutating API call leaves an audit record: who, when, what, on which id, from where, with what result. */
export function registerAudit(app: FastifyInstance, ctx: ServiceContext): void {
  app.addHook('onResponse', async (request, reply) => {
    if (!MUTATING.has(request.method) || !request.routeOptions.url?.startsWith('/api/')) return;
    const params = request.params as Record<string, string> | undefined;
    try {
      await insertAudit(ctx.db, {
        id: newId(),
        at: ctx.now(),
        userId: request.principal?.userId ?? null,
        action: `${request.method} ${request.routeOptions.url}`,
        target: params?.id ?? null,
        status: reply.statusCode,
        ip: request.ip,
        details: request.principal ? null : { username: usernameOf(request.body) },
      });
    } catch (error) {
      request.log.error({ err: error }, 'audit record not written');
    }
  });
}

/** For anonymous calls (logins) the attempted username is the only useful "who". */
function usernameOf(body: unknown): string | null {
  const username = (body as { username?: unknown } | null)?.username;
  return typeof username === 'string' ? username.slice(0, 100) : null;
}
