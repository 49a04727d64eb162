// Group commit for SQLite. With synchronous=FULL every COMMIT waits for an fsync of the WAL, and
// better-sqlite3 waits for it on the event loop: one request's transaction at a time, a few
// hundred a second, with the whole server stalled during each fsync. Here every write — a
// transaction or a single statement — joins the one open "batch" (an outer BEGIN IMMEDIATE);
// each transaction is a savepoint inside it, so one that fails rolls back alone. The batch
// commits once the event loop has run what was ready (setImmediate), with a single fsync for
// everything in it. Nobody is told "done" early: a connection lease that wrote returns only once
// its batch is on disk, and fails if the batch does, so a device ack or an HTTP 2xx that follows
// a write still means the write survived a power loss. A read may see rows of the open batch
// (the connection is shared); `settled()` is what an answer built from reads waits for (the
// HTTP layer awaits it before sending), so nothing not yet on disk is shown to anyone.
// A request that only reads can read committed batches only instead: sqlite-read-scope.ts.
import type SQLite from 'better-sqlite3';
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult, SqliteDialect } from 'kysely';
import { exitOnDiskFailure, type OnDiskFailure } from './disk-failure.ts';
import { type ReaderConnection, ReadScope, scopedStatement } from './sqlite-read-scope.ts';
import type { WalSyncer } from './wal-sync.ts';

/** One outer transaction shared by the writes of one turn of the event loop. */
interface Batch {
  id: number;
  done: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

/** What the driver has done, for tests and metrics. */
export interface GroupCommitStats {
  /** Batches committed (fsyncs). */
  commits: number;
  /** Transactions and single write statements that went into them. */
  writes: number;
  /** Batches that failed to commit or that SQLite rolled back. */
  failures: number;
}

const SAVEPOINT = 'zs_tx';

/** Receives every statement the driver runs, in order, with its parameters (bench/orders replays them). */
export type StatementRecorder = (sql: string, parameters: readonly unknown[]) => void;

/** A lease of the single connection: the batches it wrote into decide what it waits for at release. */
class Lease implements DatabaseConnection {
  /** More than one when SQLite abandoned a batch under the lease and a later write opened another. */
  readonly touched = new Set<Batch>();
  constructor(private readonly driver: GroupCommitDriver) {}

  executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    try {
      return Promise.resolve(this.driver.run(this, query) as QueryResult<R>);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  // biome-ignore lint/correctness/useYield: streaming is not used by the platform; refuse it plainly.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on SQLite here');
  }
}

/** A single mutex-guarded connection, as Kysely's own SQLite driver, with group commit. */
export class GroupCommitDriver implements Driver {
  readonly stats: GroupCommitStats = { commits: 0, writes: 0, failures: 0 };
  /** See recordStatements. */
  recorder: StatementRecorder | undefined;
  private locked: Promise<void> | undefined;
  private unlock: (() => void) | undefined;
  private batch: Batch | undefined;
  private flushScheduled = false;
  private depth = 0;
  /** Id of the newest batch opened, and of the newest one that failed (0: none). */
  private opened = 0;
  private lastFailed = 0;

  /** The newest batch opened: once it is on disk, so is every earlier one (commits and syncs go in order). */
  private newest: Batch | undefined;
  /** Set when a WAL sync failed: from then on nothing is committed, and nothing acknowledged. */
  private diskFailure: Error | undefined;
  /** The newest batch that has COMMITted (its fsync may still be running). */
  private committed: Batch | undefined;

  constructor(
    private readonly database: SQLite.Database,
    /** Prepares (or reuses) a statement; see the statement cache in sqlite.ts. */
    private readonly prepare: (sql: string) => SQLite.Statement,
    /**
     * Makes what COMMIT wrote durable (wal-sync.ts), off the event loop; absent when COMMIT is
     * durable by itself (synchronous=FULL) or there is no disk (':memory:').
     */
    private readonly wal?: WalSyncer,
    /** Told once when a WAL sync fails (disk-failure.ts); by default the process exits 70. */
    private readonly onDiskFailure: OnDiskFailure = exitOnDiskFailure,
    /**
     * Prepares a statement on a second, read-only connection to the same file, which sees
     * committed batches only (WAL); absent in memory. Reads of a ReadScope run there.
     */
    private readonly reader?: ReaderConnection,
  ) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    await this.lock();
    return new Lease(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    const lease = connection as Lease;
    lease.touched.add(this.openBatch());
    this.exec(`savepoint ${SAVEPOINT}`);
    this.depth++;
  }

  async commitTransaction(): Promise<void> {
    // Kysely calls rollbackTransaction when this throws: leave `depth` to it then.
    if (!this.database.inTransaction) {
      const error = new Error(
        'SQLite rolled the transaction back (see the earlier error); retry the request',
      );
      this.abandonBatch(error);
      throw error;
    }
    this.exec(`release ${SAVEPOINT}`);
    this.depth--;
    this.stats.writes++;
  }

  async rollbackTransaction(): Promise<void> {
    this.depth--;
    // SQLite may already have rolled the whole batch back (then there is no savepoint left),
    // perhaps in a statement run outside `run` (the positions batch writer): retire the batch.
    if (!this.database.inTransaction) {
      this.abandonBatch(new Error('SQLite rolled the batch back (disk full, I/O error…); retry'));
      return;
    }
    this.exec(`rollback to ${SAVEPOINT}`);
    this.exec(`release ${SAVEPOINT}`);
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint "${name}"`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to "${name}"`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release "${name}"`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const touched = [...(connection as Lease).touched];
    this.release();
    // Outside the lock, so that the flush (and other leases) can run meanwhile.
    await Promise.all(touched.map((batch) => batch.done));
  }

  async destroy(): Promise<void> {
    if (this.batch) await this.flush();
    await this.newest?.done.catch(() => {});
    await this.wal?.close();
    this.reader?.close();
    this.database.close();
  }

  /** Resolves once the batch open now (if any) is on disk; rejects if it fails. */
  settled(since?: number): Promise<void> {
    if (this.diskFailure) return Promise.reject(this.diskFailure);
    if (since !== undefined && this.lastFailed >= since)
      return Promise.reject(new Error('a write this answer may have read was rolled back; retry'));
    // The newest batch, open or committed and still syncing: a read may have seen either.
    return this.newest?.done ?? Promise.resolve();
  }

  /** The first batch a read from now on can see: pass it to `settled` when the answer is sent. */
  mark(): number {
    return this.batch ? this.batch.id : this.opened + 1;
  }

  /**
   * A scope for a request that only reads, or undefined without a reader connection. What it is
   * answered from may already come from committed batches (the read cache): it starts as having
   * seen the newest one.
   */
  beginReads(): ReadScope | undefined {
    return this.reader ? new ReadScope(this.committed) : undefined;
  }

  /** Resolves once every batch the scope's reads may have seen is on disk; rejects if one failed to sync. */
  settledReads(scope: ReadScope): Promise<void> {
    if (this.diskFailure) return Promise.reject(this.diskFailure);
    return scope.seen?.done ?? Promise.resolve();
  }

  /** Runs one statement for a lease; a write outside a transaction joins (or opens) the batch. */
  run(lease: Lease, query: CompiledQuery): QueryResult<unknown> {
    let statement = this.prepare(query.sql);
    const parameters = query.parameters as unknown[];
    this.recorder?.(query.sql, parameters);
    // A read of a read scope runs on the reader (sqlite-read-scope.ts).
    if (this.reader && this.depth === 0)
      statement = scopedStatement(this.reader, query.sql, statement, this.committed);
    if (this.depth > 0 && !this.database.inTransaction) {
      // SQLite abandoned the batch under this transaction: nothing more may be written in it.
      throw new Error('SQLite rolled the transaction back (see the earlier error); retry the request');
    }
    if (!statement.readonly && this.depth === 0) {
      lease.touched.add(this.openBatch());
      this.stats.writes++;
    }
    try {
      // `reader`: the statement returns rows (a SELECT, or a write with RETURNING).
      if (statement.reader) return { rows: statement.all(parameters) };
      const { changes, lastInsertRowid } = statement.run(parameters);
      return {
        numAffectedRows: BigInt(changes),
        insertId: BigInt(lastInsertRowid),
        rows: [],
      };
    } catch (error) {
      this.checkBatchAlive(error);
      throw error;
    }
  }

  /** The open batch, opening one (and scheduling its commit) when there is none. */
  private openBatch(): Batch {
    if (this.diskFailure) throw this.diskFailure;
    if (this.batch && !this.database.inTransaction)
      this.abandonBatch(new Error('SQLite rolled the batch back'));
    if (this.batch) return this.batch;
    this.exec('begin immediate');
    let resolve!: () => void;
    let reject!: (error: unknown) => void;
    const done = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A lease waits on it only when it wrote; nobody waiting must not be an unhandled rejection.
    done.catch(() => {});
    this.batch = { id: ++this.opened, done, resolve, reject };
    this.newest = this.batch;
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        void this.flush();
      });
    }
    return this.batch;
  }

  /** Commits the open batch once no lease holds the connection. */
  private async flush(): Promise<void> {
    await this.lock();
    const batch = this.batch;
    this.batch = undefined;
    try {
      if (!batch) return;
      try {
        // Opened before the disk failed: not committed, since it could not be acknowledged.
        if (this.diskFailure) throw this.diskFailure;
        this.exec('commit');
        this.stats.commits++;
        this.committed = batch;
        if (this.wal) {
          // The lock goes back at once: the next batch fills while this one's fsync runs.
          this.wal.sync().then(
            () => this.synced(batch),
            (error: unknown) => this.failSynced(batch, error),
          );
        } else {
          batch.resolve();
        }
      } catch (error) {
        this.stats.failures++;
        this.lastFailed = batch.id;
        batch.reject(error);
        try {
          if (this.database.inTransaction) this.exec('rollback');
        } catch {
          // Nothing more to tell anyone: every caller of the batch has its error.
        }
      }
    } finally {
      this.release();
    }
  }

  /** The batch's WAL sync completed: its callers may acknowledge, unless the disk failed meanwhile. */
  private synced(batch: Batch): void {
    if (this.diskFailure) this.failSynced(batch, this.diskFailure);
    else batch.resolve();
  }

  /**
   * The WAL fsync failed after COMMIT: the rows are in the database but may not survive a power
   * loss, so nobody may be told they are stored (a retry may store them twice; better than a
   * false acknowledgement). Nor may anything later: the kernel may have dropped the pages it
   * could not write, and a later fsync would succeed over the hole ("fsyncgate"). So every later
   * write and answer fails, and the process is told to stop (a restart recovers from disk).
   */
  private failSynced(batch: Batch, error: unknown): void {
    this.stats.failures++;
    this.lastFailed = Math.max(this.lastFailed, batch.id);
    const first = this.diskFailure === undefined;
    this.diskFailure ??= new Error(
      `the disk failed to sync the SQLite write-ahead log (${(error as Error)?.message ?? error})`,
      { cause: error },
    );
    batch.reject(this.diskFailure);
    if (first) this.onDiskFailure(this.diskFailure);
  }

  /** After a failed statement: if SQLite abandoned the outer transaction, the batch is lost. */
  private checkBatchAlive(error: unknown): void {
    if (!this.database.inTransaction) this.abandonBatch(error);
  }

  /** The open batch is gone (SQLite rolled it back): fail its callers; the next write opens another. */
  private abandonBatch(error: unknown): void {
    const batch = this.batch;
    if (!batch) return;
    this.stats.failures++;
    this.lastFailed = batch.id;
    this.batch = undefined;
    batch.reject(error);
  }

  private exec(sql: string): void {
    this.recorder?.(sql, []);
    this.prepare(sql).run();
  }

  private async lock(): Promise<void> {
    while (this.locked) await this.locked;
    this.locked = new Promise((resolve) => {
      this.unlock = resolve;
    });
  }

  private release(): void {
    const unlock = this.unlock;
    this.locked = undefined;
    this.unlock = undefined;
    unlock?.();
  }
}

/** Kysely's SQLite dialect on the group-commit driver (Kysely creates the driver once, in its constructor). */
export class GroupCommitSqliteDialect extends SqliteDialect {
  driver: GroupCommitDriver | undefined;

  constructor(
    private readonly database: SQLite.Database,
    private readonly prepare: (sql: string) => SQLite.Statement,
    private readonly wal?: WalSyncer,
    private readonly onDiskFailure?: OnDiskFailure,
    private readonly reader?: ReaderConnection,
  ) {
    super({ database: database as never });
  }

  override createDriver(): Driver {
    this.driver = new GroupCommitDriver(
      this.database,
      this.prepare,
      this.wal,
      this.onDiskFailure,
      this.reader,
    );
    return this.driver;
  }
}

const registry = new WeakMap<object, GroupCommitDriver>();

/** Called by the SQLite adapter for the Kysely instance it creates. */
export function registerGroupCommit(db: object, driver: GroupCommitDriver): void {
  registry.set(db, driver);
}

/** The group-commit counters of a SQLite database opened through the adapter (undefined on PostgreSQL). */
export function groupCommitStatsOf(db: object): Readonly<GroupCommitStats> | undefined {
  return registry.get(db)?.stats;
}

/** Hands every statement run from now on to `recorder` (undefined stops); false on PostgreSQL. */
export function recordStatements(db: object, recorder: StatementRecorder | undefined): boolean {
  const driver = registry.get(db);
  if (driver) driver.recorder = recorder;
  return driver !== undefined;
}

/** Resolves once every write a read could have seen is on disk (at once without group commit). */
export function settled(db: object, since?: number): Promise<void> {
  return registry.get(db)?.settled(since) ?? Promise.resolve();
}

/** See GroupCommitDriver.mark (0 without group commit). */
export function batchMark(db: object): number {
  return registry.get(db)?.mark() ?? 0;
}

/**
 * Starts a scope for a request that only reads (undefined on PostgreSQL, in memory, or without a
 * reader connection); run the request inside it with `withReads`.
 */
export function beginReads(db: object): ReadScope | undefined {
  return registry.get(db)?.beginReads();
}

/** Resolves once every batch the scope's reads may have seen is on disk. */
export function settledReads(db: object, scope: ReadScope): Promise<void> {
  return registry.get(db)?.settledReads(scope) ?? Promise.resolve();
}
