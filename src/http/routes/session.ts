import { Type } from 'typebox';
import { login, logout } from '../../services/auth/index.ts';
import { describeCaller, userView } from '../../services/users/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal, SESSION_COOKIE } from '../plugins/auth.ts';
import { ErrorBody, UnitSchema, UserSchema } from '../schemas.ts';

/** Log in and out; the console uses the HttpOnly cookie, scripts the bearer token. */
export async function sessionRoutes(app: App, p: Platform): Promise<void> {
  app.post(
    '/api/session',
    {
      config: { access: 'public' },
      schema: {
        tags: ['session'],
        summary: 'Log in: returns a bearer token and sets the session cookie',
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 64 }),
          password: Type.String({ minLength: 1, maxLength: 200 }),
        }),
        response: {
          200: Type.Object({ token: Type.String(), expiresAt: Type.String(), user: UserSchema }),
          401: ErrorBody,
          429: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const result = await login(p.ctx, p.authPolicy, { ...request.body, ip: request.ip });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'strict',
        path: '/',
        secure: request.protocol === 'https',
        expires: new Date(result.expiresAt),
      });
      return {
        token: result.token,
        expiresAt: new Date(result.expiresAt).toISOString(),
        user: userView(result.user),
      };
    },
  );

  app.delete(
    '/api/session',
    {
      config: { access: 'authenticated' },
      schema: { tags: ['session'], summary: 'Log out (ends this session)' },
    },
    async (request, reply) => {
      const header = request.headers.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : request.cookies[SESSION_COOKIE];
      if (token) await logout(p.ctx, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get(
    '/api/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['session'],
        summary: 'The logged-in user with their unit',
        response: { 200: Type.Object({ user: UserSchema, unit: UnitSchema }) },
      },
    },
    async (request) => describeCaller(p.ctx, principal(request)),
  );
}
