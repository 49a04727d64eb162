/**
 * Promises that settle when something identified by a key completes later (a split message's
 * last package), or reject after a timeout so that nothing waits forever.
 */
export class CompletionWaiters<T> {
  private readonly waiting = new Map<
    string,
    { promise: Promise<T>; resolve(v: T): void; reject(e: unknown): void; timer: NodeJS.Timeout }
  >();

  constructor(private readonly timeoutMs: number) {}

  /** The promise for `key`, created on first use. */
  forKey(key: string): Promise<T> {
    const existing = this.waiting.get(key);
    if (existing) return existing.promise;
    let resolve!: (v: T) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.catch(() => {});
    const timer = setTimeout(() => {
      this.waiting.delete(key);
      reject(new Error(`split message ${key} did not complete`));
    }, this.timeoutMs);
    timer.unref();
    this.waiting.set(key, { promise, resolve, reject, timer });
    return promise;
  }

  /** Settles `key` the way `outcome` settles. */
  settle(key: string, outcome: T | Promise<T>): void {
    const w = this.waiting.get(key);
    if (!w) return;
    this.waiting.delete(key);
    clearTimeout(w.timer);
    Promise.resolve(outcome).then(w.resolve, w.reject);
  }

  /** Rejects everything still waiting (the connection closed). */
  clear(): void {
    for (const [key, w] of this.waiting) {
      clearTimeout(w.timer);
      w.reject(new Error(`split message ${key} abandoned`));
    }
    this.waiting.clear();
  }
}
