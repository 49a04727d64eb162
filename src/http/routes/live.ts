import { inScope } from '../../domain/auth/scope.ts';
import type { App, Platform } from '../app-types.ts';
import { principal } from '../plugins/auth.ts';

/** Past this many unsent bytes a client is behind: events are dropped for it until it drains, then it resyncs over REST. */
const MAX_BUFFERED = 1 << 20;

/** GET /api/live (WebSocket): events in the caller's scope, as `{ type, data }` JSON messages. */
export async function liveRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/live',
    { websocket: true, config: { access: 'authenticated' }, schema: { tags: ['live'], hide: true } },
    (socket, request) => {
      const who = principal(request);
      let behind = false;
      socket.send(JSON.stringify({ type: 'hello', data: { user: who.username, role: who.role } }));
      const unsubscribe = p.bus.subscribe((event) => {
        if (event.unitPath !== null && !inScope(who.scopePath, event.unitPath)) return;
        if (socket.bufferedAmount > MAX_BUFFERED) {
          behind = true;
          return;
        }
        if (behind) {
          behind = false;
          socket.send(JSON.stringify({ type: 'resync', data: null }));
        }
        socket.send(JSON.stringify({ type: event.type, data: event.data }));
      });
      socket.on('close', unsubscribe);
      socket.on('error', unsubscribe);
    },
  );
}
