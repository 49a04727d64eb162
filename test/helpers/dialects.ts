import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import pg from 'pg';
import { migrate, openStore, type Store } from '../../src/store/database.ts';
import { postgresAdapter } from '../../src/store/dialect/postgres.ts';
import { sqliteAdapter } from '../../src/store/dialect/sqlite.ts';
import type { DialectKind } from '../../src/store/dialect/types.ts';

export const PG_TEST_URL = process.env.ZS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const DIALECTS: DialectKind[] = ['sqlite', 'postgres'];

let pgReachable: Promise<string | null> | undefined;

/** null when PostgreSQL answers, otherwise why not. */
export function postgresProblem(): Promise<string | null> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_TEST_URL, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      return `PostgreSQL at ${PG_TEST_URL} is not reachable: ${(error as Error).message}`;
    } finally {
      await client.end().catch(() => {});
    }
  })();
  return pgReachable;
}

/** A fresh, migrated store: SQLite in memory, or PostgreSQL in a schema of its own. Close with `dispose`. */
export async function openTestStore(kind: DialectKind): Promise<{ store: Store; dispose(): Promise<void> }> {
  if (kind === 'sqlite') {
    const store = openStore(sqliteAdapter(':memory:'));
    await migrate(store);
    return { store, dispose: () => store.close() };
  }
  // A database of its own, not just a schema: Kysely's migrator introspects every schema of the
  // database, which races with other test files dropping theirs at the same moment.
  const name = `zs_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_TEST_URL);
  url.pathname = `/${name}`;
  const store = openStore(postgresAdapter(url.toString()));
  await migrate(store);
  return {
    store,
    async dispose() {
      await store.close();
      await adminQuery(`drop database ${name} with (force)`);
    },
  };
}

/** Runs one statement on the test server's maintenance connection. */
async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh empty PostgreSQL database for a test that runs the server itself; drop it with the returned function. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `zs_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_TEST_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`drop database ${name} with (force)`) };
}

/**
 * Runs a suite once per dialect. PostgreSQL missing: with CI=true the suite fails; elsewhere
 * it is skipped with the reason printed (a skip, never a pass).
 */
export function forEachDialect(name: string, suite: (kind: DialectKind) => void): void {
  for (const kind of DIALECTS) {
    describe(`${name} [${kind}]`, async () => {
      if (kind === 'postgres' && !(await postgresReady(name))) return;
      suite(kind);
    });
  }
}

/** A suite of PostgreSQL's own behaviour (its driver, its formats), missing PostgreSQL handled as forEachDialect does. */
export function onPostgres(name: string, suite: () => void): void {
  describe(`${name} [postgres]`, async () => {
    if (await postgresReady(name)) suite();
  });
}

async function postgresReady(name: string): Promise<boolean> {
  const problem = await postgresProblem();
  if (!problem) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true needs PostgreSQL: ${problem}`);
  console.log(`# skipping ${name} on postgres: ${problem}`);
  it(`${name} on postgres`, { skip: problem }, () => {});
  return false;
}
