import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { OnDiskFailure } from './disk-failure.ts';
import { registerPositionBatchWriter } from './position-batch.ts';
import { sqliteConstraintViolation } from './sqlite-constraint.ts';
import { GroupCommitSqliteDialect, registerGroupCommit } from './sqlite-group-commit.ts';
import { sqlitePositionBatchWriter } from './sqlite-position-batch.ts';
import type { ReaderConnection } from './sqlite-read-scope.ts';
import { sqliteTrackReader } from './sqlite-track-reader.ts';
import { registerTrackReader } from './track-reader.ts';
import type { DialectAdapter } from './types.ts';
import { type WalSyncer, walSyncer } from './wal-sync.ts';

/** How the WAL is synced and what a failed sync does; tests inject both. */
export interface SqliteDurability {
  /** Makes the WAL of `file` durable (default: fdatasync in libuv's thread pool, wal-sync.ts). */
  syncer?: (file: string) => WalSyncer;
  /** Told once when a sync fails (default: log and exit 70, disk-failure.ts). */
  onDiskFailure?: OnDiskFailure;
}

/**
 * WAL pages between automatic checkpoints (SQLite's default is 1,000, 4 MB). A group commit of
 * positions dirties about one index page per device (the primary key is device-major), so with
 * thousands of devices the default checkpoints every few commits, each copying and fsyncing the
 * same hot pages again on the event loop. Ten times fewer checkpoints copy each hot page once
 * for many commits; durability is unchanged (the WAL is fsynced at every commit, FULL).
 */
const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/**
 * Page cache in KiB (SQLite's default is 2 MB). An order row with its fourteen indexes spans
 * pages all over the file; with 100k orders the default cache missed on most of them and each
 * update re-read its pages through system calls: 64 MB halved the time of an order update
 * (measured 107 → 45 µs on 100k rows with the orders' indexes).
 */
const CACHE_KIB = 65_536;

/**
 * SQLite through better-sqlite3, in WAL mode. Every commit's WAL is fsynced before anyone is
 * told (wal-sync.ts), so what is acknowledged survives a power loss too, not only a process
 * crash; group commit (sqlite-group-commit.ts) spreads that fsync over every write of a turn of
 * the event loop: requests' transactions and device positions alike.
 */
export function sqliteAdapter(file: string, durability: SqliteDurability = {}): DialectAdapter {
  return {
    kind: 'sqlite',
    jsonType: 'text',
    describe: () => `sqlite ${file}`,
    constraintViolation: sqliteConstraintViolation,
    createKysely() {
      if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
      const database = new SQLite(file);
      database.pragma('journal_mode = WAL');
      // On disk: COMMIT writes the WAL, and wal-sync.ts fsyncs it off the event loop before
      // anyone is told (the durability of FULL without its stall). In memory nothing to sync.
      const wal = file === ':memory:' ? undefined : (durability.syncer ?? walSyncer)(file);
      database.pragma(wal ? 'synchronous = NORMAL' : 'synchronous = FULL');
      database.pragma('foreign_keys = ON');
      database.pragma('busy_timeout = 5000');
      database.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      database.pragma(`cache_size = -${CACHE_KIB}`);
      // Every request's transaction is a savepoint inside the group commit, whose sub-journal
      // (the original of each page it touches) SQLite spills to a temporary file past 64 KB:
      // in memory a savepoint's writes cost about half (7.1 → 3.7 µs a row measured here).
      database.pragma('temp_store = memory');
      const dialect = new GroupCommitSqliteDialect(
        database,
        statementCache(database),
        wal,
        durability.onDiskFailure,
        file === ':memory:' ? undefined : readerConnection(file),
      );
      const db = new Kysely<Database>({ dialect });
      if (dialect.driver) registerGroupCommit(db, dialect.driver);
      // startTransaction() releases its connection without awaiting the driver: commit() would
      // resolve before the batch is on disk and swallow a failed COMMIT. transaction() only.
      Object.defineProperty(db, 'startTransaction', {
        value: () => {
          throw new Error(
            'startTransaction() is not supported on SQLite (group commit): use transaction().execute()',
          );
        },
      });
      registerPositionBatchWriter(db, sqlitePositionBatchWriter(database));
      registerTrackReader(db, sqliteTrackReader(database));
      return db;
    },
  };
}

/**
 * A second connection for requests that only read (GETs): in WAL mode it sees committed batches
 * only, so such a request waits for the fsync of what it read, not for the batch being filled
 * meanwhile (sqlite-read-scope.ts, docs/RELIABILITY.md). Opened on first use, after the writer
 * has created the file and its WAL.
 */
function readerConnection(file: string): ReaderConnection {
  let reader: SQLite.Database | undefined;
  let prepare: ((sql: string) => SQLite.Statement) | undefined;
  return {
    prepare(sql) {
      if (!prepare) {
        reader = new SQLite(file, { readonly: true });
        reader.pragma('busy_timeout = 5000');
        reader.pragma(`cache_size = -${CACHE_KIB}`);
        prepare = statementCache(reader);
      }
      return prepare(sql);
    },
    close() {
      reader?.close();
    },
  };
}

/** Distinct SQL texts kept prepared; the platform issues a few hundred. */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely's SQLite driver prepares every query anew, which costs about a third of the time of a
 * short query. The same SQL text (parameters are bound, never inlined) reuses its statement.
 */
function statementCache(database: SQLite.Database): (sql: string) => SQLite.Statement {
  const cache = new Map<string, SQLite.Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = database.prepare(sql);
      if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(sql, statement);
    }
    return statement;
  };
}
