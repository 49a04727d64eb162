import WebSocket from 'ws';
import type { App } from '../../src/http/app-types.ts';

/** One message of GET /api/live. */
export interface LiveMessage {
  type: string;
  data: Record<string, unknown>;
}

/** The live feed as one signed-in user's console sees it: every message since it opened. */
export interface LiveFeed {
  messages: LiveMessage[];
  /** The first message (seen or to come) that matches, or a rejection after `timeoutMs`. */
  next(match: (m: LiveMessage) => boolean, timeoutMs?: number): Promise<LiveMessage>;
  close(): void;
}

/** The app's live-feed URL, listening on a free port once per app. */
export async function liveUrlOf(app: App): Promise<string> {
  const address = app.server.listening
    ? `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
    : await app.listen({ port: 0, host: '127.0.0.1' });
  return `${address.replace('http', 'ws')}/api/live`;
}

/** Opens the live feed with a user's bearer headers and resolves once its hello has come. */
export async function openLiveFeed(app: App, headers: Record<string, string>): Promise<LiveFeed> {
  const ws = new WebSocket(await liveUrlOf(app), { headers });
  const messages: LiveMessage[] = [];
  const waiters: { match: (m: LiveMessage) => boolean; resolve: (m: LiveMessage) => void }[] = [];
  ws.on('message', (raw) => {
    const message = JSON.parse(String(raw)) as LiveMessage;
    messages.push(message);
    for (const w of waiters.filter((w) => w.match(message))) w.resolve(message);
  });
  const feed: LiveFeed = {
    messages,
    next(match, timeoutMs = 5000) {
      const seen = messages.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching live message within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          match,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
    close: () => ws.terminate(),
  };
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  await feed.next((m) => m.type === 'hello');
  return feed;
}

/** The `notification` messages a feed received, as [kind, orderId]. */
export function notificationsIn(feed: LiveFeed): [string, string | null][] {
  return feed.messages
    .filter((m) => m.type === 'notification')
    .map((m) => [String(m.data.kind), (m.data.orderId as string | null) ?? null]);
}
