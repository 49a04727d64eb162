/**
 * Collects items from many callers and writes them in one transaction, either when `maxItems`
 * have gathered or `maxDelayMs` after the first one, whichever comes first. Each caller is told
 * only after the transaction holding its items has committed (or failed), so a device is
 * acknowledged only for data that is on disk. Flushes run one at a time by default: a second
 * one in flight made PostgreSQL's commits smaller and slower here. On SQLite two may overlap
 * (`maxInFlight`): the driver commits the second while the first one's WAL fsync is still running.
 */
export class GroupCommit<T> {
  private queue: Submission<T>[] = [];
  private queued = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Flushes running now. */
  private flushing = 0;
  /** Settles when no flush is running; replaced whenever one starts. */
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => undefined;
  /** A flush was due while one was running: start it as soon as that one ends. */
  private due = false;
  private closed = false;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly opts: { maxItems: number; maxDelayMs: number; maxInFlight?: number },
  ) {}

  /** Resolves once the items are committed. */
  submit(items: T[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the position writer is closed'));
    if (items.length === 0) return Promise.resolve();
    return new Promise((resolve, reject) => this.enqueue(items, { resolve, reject }));
  }

  /**
   * As `submit`, with callbacks instead of a promise: at thousands of submissions a second the
   * promise and its reactions per submission are a measurable share of the ingest's CPU and GC.
   * `done.resolve` is called synchronously after the commit, in submission order.
   */
  enqueue(items: T[], done: Completion): void {
    if (this.closed) {
      done.reject(new Error('the position writer is closed'));
      return;
    }
    if (items.length === 0) {
      done.resolve();
      return;
    }
    this.queue.push({ items, done });
    this.queued += items.length;
    if (this.queued >= this.opts.maxItems) this.flushSoon(0);
    else this.flushSoon(this.opts.maxDelayMs);
  }

  private flushSoon(delay: number): void {
    if (this.timer && delay > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.startFlush();
    }, delay);
  }

  /** Starts a flush if one may run now; otherwise the end of a running one starts it. */
  private startFlush(): void {
    if (this.queue.length === 0) return;
    if (this.flushing >= (this.opts.maxInFlight ?? 1)) {
      this.due = true;
      return;
    }
    this.due = false;
    if (this.flushing === 0) this.idle = new Promise((resolve) => (this.markIdle = resolve));
    this.flushing++;
    // flushOnce settles every submission itself; a completion that throws must neither stop
    // the next flush nor surface as an unhandled rejection.
    const ended = () => {
      this.flushing--;
      if (this.flushing === 0) this.markIdle();
      if (this.queue.length === 0) return;
      // Items that arrived during the write go out at once when their timer has already run
      // out or a transaction's worth is waiting; otherwise when their timer does.
      if (this.due || this.closed || this.queued >= this.opts.maxItems) this.startFlush();
      else this.flushSoon(this.opts.maxDelayMs);
    };
    this.flushOnce().then(ended, ended);
    // A full transaction's worth still waiting may take a free slot at once.
    if (this.queued >= this.opts.maxItems) this.startFlush();
  }

  private async flushOnce(): Promise<void> {
    if (this.queue.length === 0) return;
    // At most maxItems per transaction (whole submissions): a huge backlog written at once
    // would block the event loop, and the first rows' acks would wait for the last.
    let take = 0;
    let count = 0;
    for (const next of this.queue) {
      if (take > 0 && count + next.items.length > this.opts.maxItems) break;
      count += next.items.length;
      take++;
    }
    const batch = this.queue.splice(0, take);
    this.queued -= count;
    const items: T[] = [];
    for (const b of batch) for (const item of b.items) items.push(item);
    let failure: { error: unknown } | undefined;
    try {
      await this.write(items);
    } catch (error) {
      failure = { error };
    }
    if (!failure) settleAll(batch);
    else if (batch.length === 1) batch[0]?.done.reject(failure.error);
    // One bad submission must not fail every device that shared its transaction: write
    // each alone, so only the culprit is refused (and left unacknowledged).
    else {
      for (const b of batch) {
        await this.write(b.items).then(
          () => b.done.resolve(),
          (error) => b.done.reject(error),
        );
      }
    }
  }

  /** Writes what is queued and refuses new items. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.startFlush();
    while (this.flushing > 0) {
      await this.idle;
      this.startFlush();
    }
  }
}

/** How a submitter is told the outcome of the transaction that held its items. */
export interface Completion {
  resolve(): void;
  reject(error: unknown): void;
}

interface Submission<T> {
  items: T[];
  done: Completion;
}

/**
 * Tells every submitter of a committed batch. Completions must not throw (the pipeline's catch
 * their own errors); should one throw anyway, the others are still told, and the flush chain
 * (which every later batch waits on) is not broken by it.
 */
function settleAll<T>(batch: Submission<T>[]): void {
  for (const b of batch) {
    try {
      b.done.resolve();
    } catch {
      // Nothing to undo: the items are committed either way.
    }
  }
}
