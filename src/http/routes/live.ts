import type { LiveEvent } from '../../live/bus.ts';
import { crewBoatOf } from '../../services/alerts/index.ts';
import { authenticate } from '../../services/auth/index.ts';
import { mayReceive } from '../../services/scope/index.ts';
import type { App, Platform } from '../app-types.ts';
import { principal, tokenOf } from '../plugins/auth.ts';

/** Past this many unsent bytes a client is behind: events are dropped for it until it drains, then it resyncs over REST. */
const MAX_BUFFERED = 1 << 20;
/** How often an open feed re-checks its session: a logout, expiry or deactivation ends it. */
const RECHECK_MS = 30_000;
/** Each event's message, serialised once however many consoles receive it. */
const messages = new WeakMap<LiveEvent, string>();
function messageOf(event: LiveEvent): string {
  let text = messages.get(event);
  if (text === undefined) {
    text = JSON.stringify({ type: event.type, data: event.data });
    messages.set(event, text);
  }
  return text;
}

/** GET /api/live (WebSocket): events in the caller's scope, as `{ type, data }` JSON messages. */
export async function liveRoutes(app: App, p: Platform): Promise<void> {
  app.get(
    '/api/live',
    { websocket: true, config: { access: 'authenticated' }, schema: { tags: ['live'], hide: true } },
    (socket, request) => {
      const who = principal(request);
      const token = tokenOf(request)?.token;
      let behind = false;
      // A crew member hears of its own boat's alerts only; the boat is looked up again at each recheck.
      let crewBoatId: string | null = null;
      const lookUpBoat = () => {
        if (who.role !== 'crew') return;
        crewBoatOf(p.ctx, who).then(
          (boatId) => {
            crewBoatId = boatId || null;
          },
          () => undefined,
        );
      };
      lookUpBoat();
      socket.send(JSON.stringify({ type: 'hello', data: { user: who.username, role: who.role } }));
      const unsubscribe = p.bus.subscribe((event) => {
        if (!mayReceive(who, event, crewBoatId)) return;
        if (socket.bufferedAmount > MAX_BUFFERED) {
          behind = true;
          return;
        }
        if (behind) {
          behind = false;
          socket.send(JSON.stringify({ type: 'resync', data: null }));
        }
        socket.send(messageOf(event));
      });
      const recheck = setInterval(() => {
        lookUpBoat();
        if (!token) return;
        authenticate(p.ctx, token).catch(() => socket.close(4401, 'session ended: log in again'));
      }, RECHECK_MS);
      const stop = () => {
        clearInterval(recheck);
        unsubscribe();
      };
      socket.on('close', stop);
      socket.on('error', stop);
    },
  );
}
