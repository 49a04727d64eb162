import type { DeviceStatus, LivePosition, Position } from '../api/types.ts';
import { PositionBurst } from './merge.ts';

export type LiveState = 'connecting' | 'open' | 'closed';

/** A `device.status` message: the status watcher saw a device go online or offline. */
export interface DeviceStatusEvent {
  deviceId: string;
  name: string;
  status: DeviceStatus;
  lastSeenAt: string | null;
}

/** The part of the browser's WebSocket the controller uses (tests pass a fake). */
export interface SocketLike {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

export interface LiveDeps {
  url: string;
  createSocket(url: string): SocketLike;
  /** GET /api/positions/latest: the snapshot to resync from after a (re)connect or a `resync`. */
  fetchLatest(): Promise<Position[]>;
  /** Fixes to merge; `fromFeed` when they came over the socket (so the device was just heard). */
  onPositions(positions: LivePosition[], fromFeed: boolean): void;
  onDeviceStatus(event: DeviceStatusEvent): void;
  onUnitsChanged(): void;
  /** An `order.created` or `order.updated` event: an order in scope was reported or moved. */
  onOrdersChanged?(): void;
  /** An `alert` event: an alert in scope opened, ended, was acknowledged or resolved. */
  onAlert?(event: { id: string; change: string }): void;
  onState(state: LiveState): void;
  /** How long a burst of positions is collected before it is handed over. */
  flushMs?: number;
  backoff?: { initialMs: number; maxMs: number };
  random?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

interface Message {
  type: string;
  data: unknown;
}

function parse(raw: unknown): Message | null {
  if (typeof raw !== 'string') return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && typeof (value as Message).type === 'string') {
      return value as Message;
    }
  } catch {
    // A malformed message is dropped; the next resync repairs anything it carried.
  }
  return null;
}

/**
 * The console's one connection to /api/live (the session cookie authenticates it). It reconnects
 * with exponential back-off and, after every (re)connect and on a `resync` message, refetches
 * the latest positions over REST, since events sent while it was away are gone. Position
 * messages are merged per device and handed over in bursts.
 */
export class LiveController {
  private socket: SocketLike | null = null;
  private stopped = true;
  private attempts = 0;
  private reconnectTimer: unknown = null;
  private flushTimer: unknown = null;
  private readonly burst = new PositionBurst();
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (timer: unknown) => void;

  constructor(private readonly deps: LiveDeps) {
    this.setTimer = deps.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = deps.clearTimer ?? ((t) => clearTimeout(t as ReturnType<typeof setTimeout>));
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.reconnectTimer !== null) this.clearTimer(this.reconnectTimer);
    if (this.flushTimer !== null) this.clearTimer(this.flushTimer);
    this.reconnectTimer = null;
    this.flushTimer = null;
    this.burst.drain();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
  }

  /** The wait before reconnect attempt `attempt` (0-based): doubling, capped, ±20% jitter. */
  delayFor(attempt: number): number {
    const { initialMs, maxMs } = this.deps.backoff ?? { initialMs: 1000, maxMs: 30_000 };
    const base = Math.min(maxMs, initialMs * 2 ** attempt);
    return Math.round(base * (0.8 + 0.4 * (this.deps.random ?? Math.random)()));
  }

  private connect(): void {
    this.deps.onState('connecting');
    const socket = this.deps.createSocket(this.deps.url);
    this.socket = socket;
    socket.onopen = () => {
      this.attempts = 0;
      this.deps.onState('open');
      this.resync();
    };
    socket.onmessage = (event) => this.handle(parse(event.data));
    socket.onerror = () => socket.close();
    socket.onclose = () => {
      if (this.socket !== socket || this.stopped) return;
      this.socket = null;
      this.deps.onState('closed');
      this.reconnectTimer = this.setTimer(
        () => {
          this.reconnectTimer = null;
          if (!this.stopped) this.connect();
        },
        this.delayFor(this.attempts++),
      );
    };
  }

  private handle(message: Message | null): void {
    if (!message || this.stopped) return;
    switch (message.type) {
      case 'position':
        this.burst.add(message.data as LivePosition);
        this.flushTimer ??= this.setTimer(() => this.flush(), this.deps.flushMs ?? 200);
        break;
      case 'device.status':
        this.deps.onDeviceStatus(message.data as DeviceStatusEvent);
        break;
      case 'unit.created':
      case 'unit.updated':
      case 'unit.deleted':
        this.deps.onUnitsChanged();
        break;
      case 'order.created':
      case 'order.updated':
        this.deps.onOrdersChanged?.();
        break;
      case 'alert':
        this.deps.onAlert?.(message.data as { id: string; change: string });
        break;
      case 'resync':
        this.resync();
        break;
    }
  }

  private flush(): void {
    this.flushTimer = null;
    if (this.burst.size > 0) this.deps.onPositions(this.burst.drain(), true);
  }

  private resync(): void {
    this.deps
      .fetchLatest()
      .then((positions) => {
        if (!this.stopped) this.deps.onPositions(positions, false);
      })
      // A failed resync (session gone, server restarting) waits for the next reconnect.
      .catch(() => {});
  }
}
