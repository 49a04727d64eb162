import path from 'node:path';
import { type Kysely, Migrator, sql } from 'kysely';
import { postgresAdapter } from './dialect/postgres.ts';
import { sqliteAdapter } from './dialect/sqlite.ts';
import { batchMark, beginReads, settled, settledReads } from './dialect/sqlite-group-commit.ts';
import { type ReadScope, withReads } from './dialect/sqlite-read-scope.ts';
import type { DialectAdapter, DialectKind } from './dialect/types.ts';
import { migrationProvider } from './migrations/index.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type { ReadScope };

/** An open database with its dialect, as the rest of the platform sees it. */
export interface Store {
  db: Db;
  kind: DialectKind;
  adapter: DialectAdapter;
  ping(): Promise<boolean>;
  /**
   * Resolves once every write a read may have seen is on disk: SQLite's group commit lets reads
   * see the open batch, so an answer built from reads waits for this before it is sent.
   */
  settled(since?: number): Promise<void>;
  /** Where reads start from now: what `settled(since)` checks (a batch from then on failed → rejects). */
  mark(): number;
  /**
   * For a request that only reads (GET): a scope in which its reads see committed writes only,
   * so that its answer waits for the fsync of what it may have read and no more
   * (`settledReads`); undefined where there is no such reader (then use mark/settled).
   */
  beginReads(): ReadScope | undefined;
  /** Runs `fn` and what it starts inside the read scope. */
  withReads<T>(scope: ReadScope, fn: () => T): T;
  /** Resolves once everything the scope's reads may have seen is on disk. */
  settledReads(scope: ReadScope): Promise<void>;
  close(): Promise<void>;
}

/** Picks the dialect from the configuration: DATABASE_URL means PostgreSQL, otherwise SQLite in the data dir. */
export function adapterFor(opts: { databaseUrl?: string; dataDir: string }): DialectAdapter {
  return opts.databaseUrl
    ? postgresAdapter(opts.databaseUrl)
    : sqliteAdapter(path.join(opts.dataDir, 'zhongshu.db'));
}

/** Opens the database; call `migrate` before use. */
export function openStore(adapter: DialectAdapter): Store {
  const db = adapter.createKysely();
  return {
    db,
    kind: adapter.kind,
    adapter,
    async ping() {
      try {
        await sql`select 1`.execute(db);
        return true;
      } catch {
        return false;
      }
    },
    settled: (since) => settled(db, since),
    mark: () => batchMark(db),
    beginReads: () => beginReads(db),
    withReads,
    settledReads: (scope) => settledReads(db, scope),
    close: () => db.destroy(),
  };
}

/** Database settings under which an acknowledged write may be lost in a crash (`name=value`). */
export function unsafeDurabilitySettings(store: Store): Promise<string[]> {
  return store.adapter.unsafeDurability?.(store.db) ?? Promise.resolve([]);
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrate(store: Store): Promise<string[]> {
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider(store.adapter),
    // Kysely looks for its bookkeeping tables across all schemas; name ours so that
    // several databases in one PostgreSQL (tests, tenants) do not see each other's.
    ...(store.adapter.schema && { migrationTableSchema: store.adapter.schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${(error as Error).message ?? error}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
