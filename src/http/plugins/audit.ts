import type { FastifyInstance } from 'fastify';
import { newId } from '../../ids.ts';
import { GroupCommit } from '../../ingest/group-commit.ts';
import type { ServiceContext } from '../../services/context.ts';
import { type AuditRecord, insertAudits } from '../../store/audit.repository.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Every mutating API call leaves an audit record: who, when, what, on which id, from where, with what result. */
export function registerAudit(app: FastifyInstance, ctx: ServiceContext): void {
  // Records of concurrent requests share one commit (one fsync) instead of one each; with no
  // delay, a lone request is written at once.
  const writer = new GroupCommit<AuditRecord>((records) => insertAudits(ctx.db, records), {
    maxItems: 500,
    maxDelayMs: 0,
  });
  app.addHook('onClose', () => writer.close());
  app.addHook('onResponse', async (request, reply) => {
    if (!MUTATING.has(request.method) || !request.routeOptions.url?.startsWith('/api/')) return;
    const params = request.params as Record<string, string> | undefined;
    try {
      await writer.submit([
        {
          id: newId(),
          at: ctx.now(),
          userId: request.principal?.userId ?? null,
          action: `${request.method} ${request.routeOptions.url}`,
          target: params?.id ?? null,
          status: reply.statusCode,
          ip: request.ip,
          details: request.principal ? null : { username: usernameOf(request.body) },
        },
      ]);
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
