import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fail } from '../../errors/catalogue.ts';
import type { ServiceContext } from '../../services/context.ts';
import {
  beginIdempotent,
  finishIdempotent,
  type IdempotentStart,
  purgeExpiredIdempotencyKeys,
} from '../../services/idempotency/index.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route honours an Idempotency-Key header (reports and order actions, replayed by phones). */
    idempotent?: boolean;
  }
}

export const IDEMPOTENCY_HEADER = 'idempotency-key';
/** A UUID, or any short token of letters, digits and `-_.:` a client makes per request. */
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;
/** Expired keys are purged at most this often, by the request that finds it due. */
const PURGE_EVERY_MS = 10 * 60_000;

/** JSON with the keys of every object sorted: the same body however a client ordered it. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function fingerprintOf(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method} ${request.url}\n${canonical(request.body ?? null)}`)
    .digest('hex');
}

/**
 * Idempotency-Key on the routes that declare `config.idempotent`: the first request with a key is
 * served and its answer kept (24 h, per user); a replay with the same body gets that answer with
 * its status and `Idempotent-Replayed: true`, without a second change; the same key with another
 * body is 409 IDEMPOTENCY_KEY_REUSED. After authentication and validation, before the handler.
 */
export function registerIdempotency(app: FastifyInstance, ctx: ServiceContext): void {
  const claims = new WeakMap<FastifyRequest, Extract<IdempotentStart, { kind: 'first' }>>();
  let purgedAt = Number.NEGATIVE_INFINITY;

  app.addHook('preHandler', async (request, reply) => {
    if (request.routeOptions.config.idempotent !== true) return;
    const header = request.headers[IDEMPOTENCY_HEADER];
    const who = request.principal;
    if (header === undefined || !who) return;
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      fail('VALIDATION_FAILED', 'headers.idempotency-key must be 1–100 letters, digits or -_.: (a UUID)', {
        field: 'headers.idempotency-key',
      });
    }
    if (ctx.now() - purgedAt > PURGE_EVERY_MS) {
      purgedAt = ctx.now();
      await purgeExpiredIdempotencyKeys(ctx);
    }
    const started = await beginIdempotent(ctx, who, { key: header, fingerprint: fingerprintOf(request) });
    if (started.kind === 'replay') {
      reply
        .code(started.status)
        .header('content-type', 'application/json; charset=utf-8')
        .header('idempotent-replayed', 'true');
      return reply.send(started.response);
    }
    claims.set(request, started);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = claims.get(request);
    if (!claim) return payload;
    // Once: an error raised from here is sent through onSend again.
    claims.delete(request);
    const response = typeof payload === 'string' ? payload : null;
    await finishIdempotent(ctx, claim, { status: reply.statusCode, response });
    return payload;
  });
}
