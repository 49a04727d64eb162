import type { TcpSessionIo } from './tcp-server.ts';

/** What handling a message yields: a reply now, none, or one that may only go out after a commit. */
export type Reply = Uint8Array | undefined | { later: Promise<Uint8Array | undefined> };

/** Messages waiting for their commit before the socket stops reading. */
const MAX_PENDING = 256;

/**
 * Runs a connection's message handlers one after another and writes their replies in the same
 * order, each when its commit is done. A handler that returns `{ later }` lets the next message
 * be handled (and staged into the same group commit) while its own reply waits.
 */
export class InOrder {
  private chain: Promise<void> = Promise.resolve();
  private replies: Promise<void> = Promise.resolve();
  private pending = 0;
  private closed = false;

  constructor(
    private readonly io: TcpSessionIo,
    /** A handler or commit failed: nothing was acknowledged, so the device sends it again. */
    private readonly onFailure: (error: unknown) => void,
  ) {}

  /** Queues one message's handler behind the ones already queued. */
  push(handle: () => Promise<Reply>): void {
    this.pending++;
    if (this.pending >= MAX_PENDING) this.io.pause();
    const handled = this.chain.then(() => (this.closed ? undefined : handle()));
    this.chain = handled.then(
      () => undefined,
      () => undefined,
    );
    this.replies = this.replies
      .then(async () => {
        const result = await handled;
        const bytes = result instanceof Uint8Array || result === undefined ? result : await result.later;
        if (bytes && !this.closed) this.io.send(bytes);
      })
      .catch((error) => this.onFailure(error))
      .finally(() => {
        this.pending--;
        if (this.pending === MAX_PENDING / 2) this.io.resume();
      });
  }

  /** The connection is gone: queued handlers are skipped and no reply is written. */
  close(): void {
    this.closed = true;
  }
}
