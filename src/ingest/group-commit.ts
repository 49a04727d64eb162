/**
 * Collects items from many callers and writes them in one transaction, either when `maxItems`
 * have gathered or `maxDelayMs` after the first one, whichever comes first. Each caller's
 * promise settles only after the transaction holding its items has committed (or failed), so
 * a device is acknowledged only for data that is on disk. Flushes run one at a time.
 */
export class GroupCommit<T> {
  private queue: { items: T[]; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private queued = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly opts: { maxItems: number; maxDelayMs: number },
  ) {}

  /** Resolves once the items are committed. */
  submit(items: T[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the position writer is closed'));
    if (items.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      this.queued += items.length;
      if (this.queued >= this.opts.maxItems) this.flushSoon(0);
      else this.flushSoon(this.opts.maxDelayMs);
    });
  }

  private flushSoon(delay: number): void {
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flushing = this.flushing.then(() => this.flushOnce());
    }, delay);
  }

  private async flushOnce(): Promise<void> {
    if (this.queue.length === 0) return;
    // At most maxItems per transaction (whole submissions): a huge backlog written at once
    // would block the event loop, and the first rows' acks would wait for the last.
    let take = 0;
    let items = 0;
    for (const next of this.queue) {
      if (take > 0 && items + next.items.length > this.opts.maxItems) break;
      items += next.items.length;
      take++;
    }
    const batch = this.queue.splice(0, take);
    this.queued -= items;
    try {
      await this.write(batch.flatMap((b) => b.items));
      for (const b of batch) b.resolve();
    } catch (error) {
      if (batch.length === 1) batch[0]?.reject(error);
      // One bad submission must not fail every device that shared its transaction: write
      // each alone, so only the culprit is refused (and left unacknowledged).
      else for (const b of batch) await this.write(b.items).then(b.resolve, b.reject);
    }
    // Items that arrived during the write go out next without waiting for another timer.
    if (this.queue.length > 0) this.flushSoon(this.queued >= this.opts.maxItems ? 0 : this.opts.maxDelayMs);
  }

  /** Writes what is queued and refuses new items. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing = this.flushing.then(() => this.flushOnce());
    await this.flushing;
  }
}
