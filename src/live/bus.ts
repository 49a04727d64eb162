import { EventEmitter } from 'node:events';

/** A live event for the console. `unitPath` limits who may see it (null: everyone signed in). */
export interface LiveEvent {
  type: string;
  unitPath: string | null;
  data: unknown;
}

/**
 * The in-process live-event channel. The WebSocket feed listens here; ingest and services
 * publish. Scale-out replaces the transport, not the callers.
 */
export class LiveBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(event: LiveEvent): void {
    this.emitter.emit('event', event);
  }

  /** Whether anyone listens: publishers may skip building events nobody would see. */
  get listening(): boolean {
    return this.emitter.listenerCount('event') > 0;
  }

  subscribe(listener: (event: LiveEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
