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

/** How a leased job is built: tests name the holder, and may shorten the lease or the batch. */
export interface LeasedJobOptions {
  holder?: string;
  leaseMs?: number;
  batchSize?: number;
}

/**
 * The pass of a periodic job over what has come due, run by one of several server processes at a
 * time: each tick takes (or renews) the job's lease, and only its holder works, through at most
 * a batch of due rows; what is left waits for the next tick.
 */
export class LeasedPass {
  private readonly lease: JobLease;
  private readonly batchSize: number;

  constructor(db: Db, name: string, intervalMs: number, defaultBatchSize: number, options: LeasedJobOptions) {
    // Renewed every tick; on a crash another process takes over within two and a half intervals.
    const leaseMs = options.leaseMs ?? 2.5 * intervalMs;
    this.lease = new JobLease(db, name, options.holder ?? processHolderId(), leaseMs);
    // Bounded work per tick: a backlog (after downtime) drains over the next ticks.
    this.batchSize = options.batchSize ?? defaultBatchSize;
  }

  /** Runs `pass` with the batch size if this process holds the lease as of `now`; false when another does. */
  async run(now: number, pass: (batchSize: number) => Promise<void>): Promise<boolean> {
    if (!(await this.lease.take(now))) return false;
    await pass(this.batchSize);
    return true;
  }

  /** Gives up the lease (on shutdown) so that another process takes over at its next tick. */
  release(): Promise<void> {
    return this.lease.release();
  }
}
