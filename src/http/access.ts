import type { Role } from '../domain/auth/roles.ts';

/**
 * Who may call a route. Every route declares it in `config.access`; a route without it
 * refuses to register, so nothing is accidentally public.
 */
export type Access = 'public' | 'authenticated' | readonly Role[];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** Routes added by plugins (API docs) that are public by design. */
export const PLUGIN_PUBLIC_PREFIXES = ['/api/docs'];
