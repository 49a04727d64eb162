import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, fail } from '../../errors/catalogue.ts';
import { authenticate } from '../../services/auth/index.ts';
import type { Principal, ServiceContext } from '../../services/context.ts';
import { type Access, PLUGIN_PUBLIC_PREFIXES } from '../access.ts';
import type { RouteEntry } from '../app-types.ts';

export const SESSION_COOKIE = 'zs_session';
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'zhongshu';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** How the caller authenticated: cookie-authenticated changes need the CSRF header. */
    authVia: 'bearer' | 'cookie' | 'query' | null;
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The session token from the Authorization header, the session cookie, or (WebSocket only) `?access_token=`. */
export function tokenOf(
  request: FastifyRequest,
): { token: string; via: 'bearer' | 'cookie' | 'query' } | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie) return { token: cookie, via: 'cookie' };
  if (request.headers.upgrade === 'websocket') {
    const query = request.query as Record<string, unknown> | undefined;
    if (typeof query?.access_token === 'string') return { token: query.access_token, via: 'query' };
  }
  return null;
}

function accessOf(request: FastifyRequest): Access | undefined {
  return request.routeOptions.config.access;
}

/**
 * Authenticates every request and enforces each route's declared access before the body is
 * even parsed, so an anonymous caller always gets 401, never a validation error.
 */
export function registerAuth(app: FastifyInstance, ctx: ServiceContext, routes: RouteEntry[]): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('authVia', null);

  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path ?? '';
    // Outside /api only the console's static files live: public by nature. The API docs are public too.
    const isStatic = !url.startsWith('/api/') && url !== '/metrics';
    if (isStatic || PLUGIN_PUBLIC_PREFIXES.some((p) => url.startsWith(p))) {
      route.config = { ...route.config, access: 'public' };
    } else if (!route.config?.access) {
      throw new Error(`route ${route.method} ${url} declares no config.access; say who may call it`);
    }
    const access = route.config?.access ?? 'public';
    for (const method of [route.method].flat()) {
      routes.push({
        method,
        url,
        access,
        bodySchema: route.schema?.body,
        websocket: Boolean(route.websocket),
      });
    }
  });

  app.addHook('onRequest', async (request) => {
    const access = accessOf(request);
    if (access === undefined) return; // 404s: the not-found handler answers.
    const found = tokenOf(request);
    if (found) {
      try {
        request.principal = await authenticate(ctx, found.token);
        request.authVia = found.via;
      } catch (error) {
        // A stale cookie on a public route is not an error; on a protected one it is.
        if (access !== 'public' || !(error instanceof DomainError)) throw error;
      }
    }
    if (access === 'public') return;
    if (!request.principal) fail('UNAUTHENTICATED');
    if (Array.isArray(access) && !access.includes(request.principal.role as never)) {
      fail(
        'FORBIDDEN',
        `Role ${request.principal.role} may not call ${request.method} ${request.routeOptions.url}`,
      );
    }
    if (
      request.authVia === 'cookie' &&
      MUTATING.has(request.method) &&
      request.headers[CSRF_HEADER] !== CSRF_VALUE
    ) {
      fail('CSRF_HEADER_MISSING');
    }
  });
}

/** The authenticated caller of a protected route. */
export function principal(request: FastifyRequest): Principal {
  if (!request.principal) fail('UNAUTHENTICATED');
  return request.principal;
}
