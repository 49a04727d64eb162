import type { FastifyInstance } from 'fastify';

/** A request slower than this is logged at info even when it succeeded. */
const SLOW_MS = 1000;

/**
 * One line a request, after its answer: at debug when it succeeded in time (a console polls
 * every few seconds, and 2,400 info lines in 12 minutes for one user drowned what mattered),
 * at info when it was slow or refused (4xx), at warn when it failed (5xx). Fastify's own
 * request logging is off (`disableRequestLogging`), so this is the only request log.
 */
export function registerRequestLog(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    const ms = reply.elapsedTime;
    const status = reply.statusCode;
    const level = status >= 500 ? 'warn' : status >= 400 || ms >= SLOW_MS ? 'info' : 'debug';
    request.log[level](
      { req: request, res: { statusCode: status }, responseTime: Math.round(ms * 10) / 10 },
      'request completed',
    );
  });
}
