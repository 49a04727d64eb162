import type { FastifyInstance, FastifyRequest } from 'fastify';
import { newId } from '../../ids.ts';
import { GroupCommit } from '../../ingest/group-commit.ts';
import type { ServiceContext } from '../../services/context.ts';
import { type AuditRecord, insertAudits, updateAuditStatuses } from '../../store/audit.repository.ts';
import { type AuditFacts, PendingAudit, runWithPendingAudit } from '../../store/request-audit.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every mutating API call leaves an audit record: who, when, what, on which id, from where, with
 * what result. A call that changes something gets it in the transaction of its change, so the
 * change is never acknowledged without its record (src/store/request-audit.ts); a call refused or
 * that wrote nothing gets it after the response.
 */
export function registerAudit(app: FastifyInstance, ctx: ServiceContext): void {
  // Records of concurrent requests share one commit (one fsync) instead of one each; with no
  // delay, a lone request is written at once.
  const writer = new GroupCommit<AuditRecord>((records) => insertAudits(ctx.db, records), {
    maxItems: 500,
    maxDelayMs: 0,
  });
  const corrections = new GroupCommit<{ id: string; status: number }>(
    (updates) => updateAuditStatuses(ctx.db, updates),
    { maxItems: 500, maxDelayMs: 0 },
  );
  const pending = new WeakMap<FastifyRequest, { audit: PendingAudit; record: AuditRecord }>();
  app.addHook('onClose', async () => {
    await writer.close();
    await corrections.close();
  });

  // Last before the handler, after authentication (who) and validation; as a callback, so that
  // the handler runs inside the request's audit context.
  app.addHook('preHandler', (request, _reply, done) => {
    if (!audited(request)) return done();
    // Written in a transaction before the answer is known: the status the route answers with
    // when it succeeds. Should the answer differ, onResponse corrects it.
    const record = recordOf(request, ctx, successStatus(request));
    const audit = new PendingAudit(() => {
      // What the change noted in its transaction (Open311's new order) is final by now.
      Object.assign(record, recordOf(request, ctx, record.status, audit.facts), { id: record.id });
      return { ...record, at: ctx.now() };
    });
    pending.set(request, { audit, record });
    runWithPendingAudit(audit, done);
  });

  app.addHook('onResponse', async (request, reply) => {
    if (!audited(request)) return;
    const open = pending.get(request);
    const state = open?.audit.state;
    if (open) open.audit.state = 'closed';
    try {
      if (open && state !== 'pending') {
        if (reply.statusCode !== open.record.status)
          await corrections.submit([{ id: open.record.id, status: reply.statusCode }]);
        return;
      }
      await writer.submit([recordOf(request, ctx, reply.statusCode, open?.audit.facts)]);
    } catch (error) {
      request.log.error({ err: error }, 'audit record not written');
    }
  });
}

/** The API's changes, and an Open311 client's: a POST there creates a work order. */
function audited(request: FastifyRequest): boolean {
  const url = request.routeOptions.url;
  return MUTATING.has(request.method) && (url?.startsWith('/api/') === true || isOpen311(url));
}

function isOpen311(url: string | undefined): boolean {
  return url?.startsWith('/open311/') === true;
}

function recordOf(
  request: FastifyRequest,
  ctx: ServiceContext,
  status: number,
  facts: AuditFacts = {},
): AuditRecord {
  const params = request.params as Record<string, string> | undefined;
  const open311 = isOpen311(request.routeOptions.url);
  return {
    id: newId(),
    at: ctx.now(),
    userId: request.principal?.userId ?? null,
    action: `${request.method} ${request.routeOptions.url}`,
    target: params?.id ?? facts.target ?? null,
    status,
    ip: request.ip,
    details: open311
      ? { channel: 'open311', keyId: facts.keyId ?? null }
      : request.principal
        ? null
        : { username: usernameOf(request.body) },
  };
}

/**
 * The status a route answers with when it succeeds: the one 2xx its schema declares, else 204
 * for a DELETE and 200 otherwise (routes that create and answer 201 without declaring it get
 * their record corrected after the response).
 */
function successStatus(request: FastifyRequest): number {
  const declared = Object.keys(request.routeOptions.schema?.response ?? {})
    .map(Number)
    .filter((code) => code >= 200 && code < 300);
  if (declared.length === 1) return declared[0] as number;
  return request.method === 'DELETE' ? 204 : 200;
}

/** For anonymous calls (logins) the attempted username is the only useful "who". */
function usernameOf(body: unknown): string | null {
  const username = (body as { username?: unknown } | null)?.username;
  return typeof username === 'string' ? username.slice(0, 100) : null;
}
