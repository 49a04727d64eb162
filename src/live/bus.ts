import { EventEmitter } from 'node:events';

/**
 * A live event for the console. `unitPath` limits who may see it (null: everyone signed in);
 * `readerPaths` widens it to callers whose scope holds any of these paths too (the units an order
 * involves besides its holder: a unit consulted, a sub-task's unit). The scope owner decides.
 */
export interface LiveEvent {
  type: string;
  unitPath: string | null;
  readerPaths?: string[];
  data: unknown;
}

/** Where published events go besides this process's subscribers: the channel to the other processes. */
export interface LiveRelay {
  forward(event: LiveEvent): void;
}

/**
 * The live-event bus of one process. The WebSocket feed listens here; ingest and services
 * publish. With a relay attached (the shared channel, src/live/pg-channel.ts), every published
 * event is also forwarded to the other server processes, and their events arrive through
 * `deliver`, which reaches this process's subscribers only.
 */
export class LiveBus {
  private readonly emitter = new EventEmitter();
  private relay: LiveRelay | undefined;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  /** Local subscribers first (at once, as without a channel), then the relay. */
  publish(event: LiveEvent): void {
    this.emitter.emit('event', event);
    this.relay?.forward(event);
  }

  /** An event from another process (or meant for this one only): local subscribers, never the relay. */
  deliver(event: LiveEvent): void {
    this.emitter.emit('event', event);
  }

  /** Sends every later published event to `relay` too; returns the detach function. */
  attach(relay: LiveRelay): () => void {
    this.relay = relay;
    return () => {
      if (this.relay === relay) this.relay = undefined;
    };
  }

  /**
   * Whether anyone may listen: publishers may skip building events nobody would see. With a
   * relay, consoles of other processes may, so always.
   */
  get listening(): boolean {
    return this.relay !== undefined || this.emitter.listenerCount('event') > 0;
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
