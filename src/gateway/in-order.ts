import type { TcpSessionIo } from './tcp-server.ts';

/**
 * What handling a message yields: a reply now, none, one that may only go out after a commit
 * (`later`), or the handler's own `PendingReply` (see `InOrder.push`), settled by a callback.
 */
export type Reply = Uint8Array | undefined | { later: Promise<Uint8Array | undefined> } | PendingReply;

/** Messages waiting for their commit before the socket stops reading. */
const MAX_PENDING = 256;

const WAITING = 0;
const SENT = 1;
const FAILED = 2;

/**
 * The reply slot of one message, settled once: with the bytes to send (or none), or with the
 * error that kept it from being handled. Settling it needs no promise: at thousands of messages
 * a second, a promise chain per message is a measurable share of the gateway's CPU and GC.
 */
export class PendingReply {
  state: typeof WAITING | typeof SENT | typeof FAILED = WAITING;
  bytes: Uint8Array | undefined;
  error: unknown;

  constructor(private readonly owner: InOrder) {}

  resolve(bytes: Uint8Array | undefined): void {
    if (this.state !== WAITING) return;
    this.state = SENT;
    this.bytes = bytes;
    this.owner.drain();
  }

  reject(error: unknown): void {
    if (this.state !== WAITING) return;
    this.state = FAILED;
    this.error = error;
    this.owner.drain();
  }
}

type Handler = (reply: PendingReply) => Reply | Promise<Reply>;

/**
 * Runs a connection's message handlers one after another and writes their replies in the same
 * order, each when its commit is done. A handler that returns `{ later }` or its `PendingReply`
 * lets the next message be handled (and staged into the same group commit) while its own reply
 * waits; a handler that returns a promise holds the next handlers back until it settles.
 */
export class InOrder {
  /** Handlers queued behind one that is still running (returned a promise). */
  private readonly waiting: Handler[] = [];
  private busy = false;
  /** Reply slots in message order; the head goes out first. */
  private readonly slots: PendingReply[] = [];
  private pending = 0;
  private paused = false;
  private closed = false;

  constructor(
    private readonly io: TcpSessionIo,
    /** A handler or commit failed: nothing was acknowledged, so the device sends it again. */
    private readonly onFailure: (error: unknown) => void,
  ) {}

  /**
   * Queues one message's handler behind the ones already queued. The handler gets the message's
   * reply slot: returning that slot means "I will settle it" (`resolve(bytes)` or `reject`).
   */
  push(handle: Handler): void {
    this.pending++;
    if (!this.paused && this.pending >= MAX_PENDING) {
      this.paused = true;
      this.io.pause();
    }
    if (this.busy) this.waiting.push(handle);
    else this.run(handle);
  }

  /** Runs `first` and then every queued handler, until one returns a promise. */
  private run(first: Handler): void {
    let next: Handler | undefined = first;
    while (next) {
      const slot = new PendingReply(this);
      this.slots.push(slot);
      let result: Reply | Promise<Reply>;
      try {
        result = this.closed ? undefined : next(slot);
      } catch (error) {
        slot.reject(error);
        next = this.waiting.shift();
        continue;
      }
      if (result instanceof Promise) {
        this.busy = true;
        result.then(
          (reply) => this.adopt(slot, reply),
          (error) => slot.reject(error),
        );
        // Separately, so that a failing `adopt` cannot stop the queue.
        result
          .finally(() => {
            this.busy = false;
            const queued = this.waiting.shift();
            if (queued) this.run(queued);
          })
          .catch(() => undefined);
        return;
      }
      this.adopt(slot, result);
      next = this.waiting.shift();
    }
  }

  private adopt(slot: PendingReply, reply: Reply): void {
    if (reply === slot) return;
    if (reply === undefined || reply instanceof Uint8Array) slot.resolve(reply);
    else if (reply instanceof PendingReply) {
      // Another message's slot: nothing to send for this one.
      slot.resolve(undefined);
    } else {
      reply.later.then(
        (bytes) => slot.resolve(bytes),
        (error) => slot.reject(error),
      );
    }
  }

  /** Writes the replies that are ready at the head of the queue. */
  drain(): void {
    const slots = this.slots;
    while (slots.length > 0) {
      const head = slots[0] as PendingReply;
      if (head.state === WAITING) break;
      slots.shift();
      this.pending--;
      if (head.state === SENT) {
        if (head.bytes && !this.closed) this.io.send(head.bytes);
      } else {
        this.onFailure(head.error);
      }
    }
    if (this.paused && this.pending <= MAX_PENDING / 2) {
      this.paused = false;
      this.io.resume();
    }
  }

  /** The connection is gone: queued handlers are skipped and no reply is written. */
  close(): void {
    this.closed = true;
  }
}
