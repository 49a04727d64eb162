import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import pg from 'pg';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { LiveBus, LiveEvent, LiveRelay } from './bus.ts';

/** The NOTIFY channel every server process of one database listens on. */
export const LIVE_CHANNEL = 'zs_live';
/** PostgreSQL refuses a NOTIFY payload of 8000 bytes or more. */
const MAX_PAYLOAD_BYTES = 7999;
/** A fragment's share of an event too large for one payload (base64, so ASCII: characters = bytes). */
const FRAGMENT_CHARS = 7800;
/** Events larger than this are dropped rather than sent as hundreds of fragments. */
const MAX_EVENT_BYTES = 1 << 20;
/** Events waiting for the channel beyond this are dropped: the feed is best-effort, memory is not. */
const MAX_PENDING = 50_000;
/** Reconnection back-off: doubling from the first delay up to the last, with jitter. */
const RETRY_FIRST_MS = 500;
const RETRY_MAX_MS = 30_000;
/** How long close() waits for the last events to go out. */
const CLOSE_FLUSH_MS = 2_000;
/** At most one warning per this interval for failed sends (a flood of positions would flood the log). */
const WARN_EVERY_MS = 30_000;

/**
 * On the wire, one NOTIFY payload is either a batch of whole events, or one fragment of a single
 * event too large for a payload (its JSON in base64, cut into pieces sent in order in one
 * transaction, so that they arrive together and in order). `o` names the sending process, `s`
 * numbers its payloads (PostgreSQL folds identical payloads of one transaction into one).
 */
type Wire =
  | { o: string; s: number; e: LiveEvent[] }
  | { o: string; s: number; f: { id: number; i: number; n: number; x: string } };

export interface PgLiveChannelOptions {
  connectionString: string;
  bus: LiveBus;
  log: FastifyBaseLogger;
  metrics: Registry;
  /** The NOTIFY channel name; LIVE_CHANNEL unless the database is shared by separate deployments. */
  channel?: string;
}

function metricsOf(registry: Registry) {
  return {
    events: new Counter({
      name: 'zs_live_channel_events_total',
      help: 'Live events sent to and received from the other server processes over PostgreSQL NOTIFY',
      labelNames: ['direction'],
      registers: [registry],
    }),
    payloads: new Counter({
      name: 'zs_live_channel_notifications_total',
      help: 'NOTIFY payloads sent by this process (each a batch of events or a fragment of a large one)',
      registers: [registry],
    }),
    dropped: new Counter({
      name: 'zs_live_channel_dropped_total',
      help: 'Live events not forwarded to the other processes, by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    errors: new Counter({
      name: 'zs_live_channel_errors_total',
      help: 'Live channel failures by operation (connect, notify, receive)',
      labelNames: ['op'],
      registers: [registry],
    }),
    connected: new Gauge({
      name: 'zs_live_channel_connected',
      help: '1 while the live channel listens on PostgreSQL, 0 while it reconnects',
      registers: [registry],
    }),
  };
}

/** Whether a received value has the shape of a live event (the other side is trusted, not blindly). */
function isLiveEvent(value: unknown): value is LiveEvent {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e.type === 'string' &&
    (e.unitPath === null || typeof e.unitPath === 'string') &&
    (e.readerPaths === undefined ||
      (Array.isArray(e.readerPaths) && e.readerPaths.every((p) => typeof p === 'string')))
  );
}

/**
 * The shared live-event channel over PostgreSQL LISTEN/NOTIFY. Every event published on this
 * process's bus is forwarded (batched per event-loop turn, fire-and-forget) to the other
 * processes of the same database; their events are delivered to this process's subscribers.
 * Events carry this process's id, so it never re-delivers its own. A dedicated connection
 * (outside the request pool) listens and sends; when it drops, it is reopened with back-off and
 * the local consoles are told to resync, since events sent meanwhile are gone.
 */
export class PgLiveChannel implements LiveRelay {
  /** This process's id on the channel: random, so several apps in one process stay apart. */
  readonly origin = randomBytes(6).toString('hex');
  private readonly channel: string;
  private readonly metrics: ReturnType<typeof metricsOf>;
  private client: pg.Client | undefined;
  private pending: LiveEvent[] = [];
  private scheduled = false;
  private sending: Promise<void> | undefined;
  private seq = 0;
  private fragmentId = 0;
  /** The event being reassembled from fragments, per sending process. */
  private readonly partial = new Map<string, { id: number; pieces: string[] }>();
  private attempt = 0;
  /** Events from other processes may have been missed (a failed start or a lost connection). */
  private missed = false;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;
  private detach: (() => void) | undefined;
  private lastWarnAt = 0;
  private unwarned = 0;

  constructor(private readonly options: PgLiveChannelOptions) {
    this.channel = options.channel ?? LIVE_CHANNEL;
    this.metrics = metricsOf(options.metrics);
    this.metrics.connected.set(0);
  }

  /**
   * Attaches to the bus and makes the first connection attempt. Never throws: without the
   * database the channel keeps retrying in the background and this process's own feed works.
   */
  async start(): Promise<void> {
    this.detach = this.options.bus.attach(this);
    await this.connect();
  }

  /** Whether the channel currently listens. */
  get connected(): boolean {
    return this.client !== undefined;
  }

  /** From the bus: queue the event for the next batch. Never blocks, never throws. */
  forward(event: LiveEvent): void {
    if (this.closed) return;
    if (this.pending.length >= MAX_PENDING) {
      this.metrics.dropped.inc({ reason: 'backlog' });
      return;
    }
    this.pending.push(event);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.flush();
      });
    }
  }

  /** Sends what is pending in one round trip, unless a send is under way (it flushes again after). */
  private flush(): void {
    if (this.sending || this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    const client = this.client;
    if (!client) {
      this.metrics.dropped.inc({ reason: 'disconnected' }, events.length);
      return;
    }
    const payloads = this.encode(events);
    if (payloads.length === 0) return;
    this.sending = client
      .query('select pg_notify($1, p) from unnest($2::text[]) as p', [this.channel, payloads])
      .then(
        () => {
          this.metrics.events.inc({ direction: 'sent' }, events.length);
          this.metrics.payloads.inc(payloads.length);
        },
        (error: unknown) => {
          this.metrics.errors.inc({ op: 'notify' });
          this.metrics.dropped.inc({ reason: 'notify_failed' }, events.length);
          this.warn(error, 'live channel: NOTIFY failed; events dropped for the other processes');
        },
      )
      .finally(() => {
        this.sending = undefined;
        this.flush();
      });
  }

  /** The events as NOTIFY payloads under PostgreSQL's size limit, in order. */
  private encode(events: LiveEvent[]): string[] {
    const payloads: string[] = [];
    const head = (seq: number) => `{"o":"${this.origin}","s":${seq},"e":[`;
    let batch: string[] = [];
    let bytes = 0;
    const close = () => {
      if (batch.length === 0) return;
      payloads.push(`${head(this.seq++)}${batch.join(',')}]}`);
      batch = [];
      bytes = 0;
    };
    // The head with the longest sequence number a payload may carry, plus the closing `]}`.
    const overhead = Buffer.byteLength(head(Number.MAX_SAFE_INTEGER)) + 2;
    for (const event of events) {
      let json: string;
      try {
        const { type, unitPath, readerPaths, data } = event;
        json = JSON.stringify({ type, unitPath, ...(readerPaths && { readerPaths }), data });
      } catch (error) {
        this.metrics.dropped.inc({ reason: 'unserializable' });
        this.warn(error, `live channel: a ${event.type} event cannot be serialised`);
        continue;
      }
      const size = Buffer.byteLength(json);
      if (overhead + size > MAX_PAYLOAD_BYTES) {
        close();
        if (size > MAX_EVENT_BYTES) {
          this.metrics.dropped.inc({ reason: 'too_large' });
          this.warn(null, `live channel: a ${event.type} event of ${size} bytes is too large to forward`);
          continue;
        }
        const text = Buffer.from(json).toString('base64');
        const n = Math.ceil(text.length / FRAGMENT_CHARS);
        const id = this.fragmentId++;
        for (let i = 0; i < n; i++) {
          const x = text.slice(i * FRAGMENT_CHARS, (i + 1) * FRAGMENT_CHARS);
          const wire: Wire = { o: this.origin, s: this.seq++, f: { id, i, n, x } };
          payloads.push(JSON.stringify(wire));
        }
        continue;
      }
      // The comma before every event but the first.
      if (overhead + bytes + size + (batch.length > 0 ? 1 : 0) > MAX_PAYLOAD_BYTES) close();
      bytes += size + (batch.length > 0 ? 1 : 0);
      batch.push(json);
    }
    close();
    return payloads;
  }

  /** A NOTIFY from the channel: another process's events go to the local subscribers. */
  private receive(message: pg.Notification): void {
    if (message.channel !== this.channel || !message.payload) return;
    let wire: Wire;
    try {
      wire = JSON.parse(message.payload) as Wire;
    } catch (error) {
      this.metrics.errors.inc({ op: 'receive' });
      this.warn(error, 'live channel: an unreadable payload was ignored');
      return;
    }
    if (typeof wire !== 'object' || wire === null || wire.o === this.origin) return;
    if ('e' in wire && Array.isArray(wire.e)) {
      const events = wire.e.filter(isLiveEvent);
      this.metrics.events.inc({ direction: 'received' }, events.length);
      for (const event of events) this.options.bus.deliver(event);
      return;
    }
    if ('f' in wire && typeof wire.f === 'object' && wire.f !== null) this.reassemble(wire.o, wire.f);
  }

  /** Collects the fragments of a large event; delivers it once the last one is in. */
  private reassemble(origin: string, f: { id: number; i: number; n: number; x: string }): void {
    let part = this.partial.get(origin);
    if (f.i === 0 || !part || part.id !== f.id || part.pieces.length !== f.i) {
      // A fragment out of turn means its predecessors were lost (a reconnect): start over.
      this.partial.delete(origin);
      if (f.i !== 0) return;
      part = { id: f.id, pieces: [] };
      this.partial.set(origin, part);
    }
    part.pieces.push(String(f.x));
    if (part.pieces.length < f.n) return;
    this.partial.delete(origin);
    try {
      const event = JSON.parse(Buffer.from(part.pieces.join(''), 'base64').toString());
      if (!isLiveEvent(event)) return;
      this.metrics.events.inc({ direction: 'received' });
      this.options.bus.deliver(event);
    } catch (error) {
      this.metrics.errors.inc({ op: 'receive' });
      this.warn(error, 'live channel: a fragmented event could not be reassembled');
    }
  }

  /** Opens the listening connection; on failure, schedules the next attempt. */
  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      application_name: 'zhongshu-live',
    });
    client.on('notification', (message) => this.receive(message));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
    } catch (error) {
      client.end().catch(() => {});
      this.metrics.errors.inc({ op: 'connect' });
      this.missed = true;
      this.options.log.warn(
        { err: error, attempt: this.attempt + 1 },
        'live channel: cannot listen on PostgreSQL; other processes’ events are not shown until it can',
      );
      this.schedule();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.attempt = 0;
    this.partial.clear();
    this.metrics.connected.set(1);
    if (this.missed) {
      this.missed = false;
      this.options.log.info('live channel: listening again');
      // Events of other processes sent meanwhile are gone: consoles refetch over REST.
      this.options.bus.deliver({ type: 'resync', unitPath: null, data: null });
    }
  }

  /** The listening connection failed or ended: forget it and reconnect. */
  private lost(client: pg.Client, error?: Error): void {
    // Errors of a connection still being opened are handled by connect(); of a replaced one, ignored.
    if (this.client !== client) return;
    this.client = undefined;
    this.metrics.connected.set(0);
    client.end().catch(() => {});
    if (this.closed) return;
    this.missed = true;
    this.metrics.errors.inc({ op: 'connection' });
    this.options.log.warn({ err: error }, 'live channel: connection to PostgreSQL lost; reconnecting');
    this.schedule();
  }

  private schedule(): void {
    if (this.closed || this.retry) return;
    const base = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.attempt);
    this.attempt++;
    const delay = Math.round(base * (0.8 + Math.random() * 0.4));
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, delay);
    this.retry.unref();
  }

  /** Logs a failure at most once per interval, with how many went unlogged since. */
  private warn(error: unknown, message: string): void {
    const now = Date.now();
    if (now - this.lastWarnAt < WARN_EVERY_MS) {
      this.unwarned++;
      return;
    }
    this.options.log.warn({ err: error ?? undefined, suppressed: this.unwarned }, message);
    this.lastWarnAt = now;
    this.unwarned = 0;
  }

  /** Sends what is still pending (briefly), then stops listening and closes the connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.detach?.();
    const drained = (async () => {
      while (this.client && (this.sending || this.pending.length > 0)) {
        if (!this.sending) this.flush();
        await this.sending;
      }
    })();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([drained, new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_FLUSH_MS)))]);
    clearTimeout(timer);
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = undefined;
    const client = this.client;
    this.client = undefined;
    this.metrics.connected.set(0);
    this.pending = [];
    await client?.end().catch(() => {});
  }
}
