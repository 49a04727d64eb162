import { hostname } from 'node:os';
import { newId } from '../ids.ts';
import type { Db } from '../store/database.ts';
import { releaseLease, takeLease } from '../store/job-leases.repository.ts';

/** An id for this server process as a lease holder: readable in the table, unique across restarts. */
export function processHolderId(): string {
  return `${hostname()}:${process.pid}:${newId().slice(-8)}`;
}

/**
 * A lease on a named job in the shared database: the holder renews it on each tick, and
 * another process takes over once it has expired (its holder died) or was released (shut down).
 * The ttl must outlast the interval between ticks, or the lease would change hands each time.
 */
export class JobLease {
  constructor(
    private readonly db: Db,
    readonly name: string,
    readonly holder: string,
    private readonly ttlMs: number,
  ) {}

  /** Takes or renews the lease as of `now`; true while this holder has it. */
  take(now: number): Promise<boolean> {
    return takeLease(this.db, this.name, this.holder, now, now + this.ttlMs);
  }

  /** Gives it up, if held. */
  release(): Promise<void> {
    return releaseLease(this.db, this.name, this.holder);
  }
}
