// Read scopes for SQLite: a request that only reads (a GET) runs its reads outside transactions
// on a second, read-only connection to the same file. In WAL mode that connection sees committed
// batches only, never the one the group commit (sqlite-group-commit.ts) is still filling, so the
// answer waits for the fsync of what it read and for nothing later (see docs/RELIABILITY.md).
import { AsyncLocalStorage } from 'node:async_hooks';
import type SQLite from 'better-sqlite3';

/** A committed batch of the group commit, as far as a read scope cares: when it is on disk. */
interface SeenBatch {
  done: Promise<void>;
}

/**
 * A request that only reads (a GET): with a reader connection, its reads outside transactions
 * run there and see committed batches only, never the open one. `seen` is the newest batch it
 * may have seen (committed by the time of its last read): its answer waits for that batch's
 * fsync, and for nothing later (see docs/RELIABILITY.md).
 */
export class ReadScope {
  constructor(public seen: SeenBatch | undefined) {}
}

/** The second connection: its statements, and its close. */
export interface ReaderConnection {
  prepare(sql: string): SQLite.Statement;
  close(): void;
}

const readScopes = new AsyncLocalStorage<ReadScope>();

/** Runs `fn`, and everything it starts, inside the read scope. */
export function withReads<T>(scope: ReadScope, fn: () => T): T {
  return readScopes.run(scope, fn);
}

/**
 * The statement to run `sql` with outside any transaction: the reader's when the caller runs in
 * a read scope and `statement` (the writer's) only reads, else `statement`. `committed` is the
 * newest committed batch, which the scope has then seen.
 */
export function scopedStatement(
  reader: ReaderConnection,
  sql: string,
  statement: SQLite.Statement,
  committed: SeenBatch | undefined,
): SQLite.Statement {
  // `reader` too: a SELECT (BEGIN and SAVEPOINT also count as read-only, and stay here).
  if (!statement.readonly || !statement.reader) return statement;
  const scope = readScopes.getStore();
  if (!scope) return statement;
  // Sees every batch committed so far, whose fsyncs the answer then waits for.
  scope.seen = committed;
  return reader.prepare(sql);
}
