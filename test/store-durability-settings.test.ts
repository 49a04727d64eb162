// PostgreSQL with fsync or synchronous_commit off reports commits that may not be on disk: the
// server refuses to start on it unless ZS_ALLOW_UNSAFE_DURABILITY=1 says so.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { openStore, unsafeDurabilitySettings } from '../src/store/database.ts';
import { postgresAdapter } from '../src/store/dialect/postgres.ts';
import { testConfig } from './helpers/app.ts';
import { createTestDatabase, forEachDialect, openTestStore } from './helpers/dialects.ts';

it('reads ZS_ALLOW_UNSAFE_DURABILITY as a flag, off by default', () => {
  const base = { ZS_DATA_DIR: '/tmp/zs-test-unused' };
  assert.equal(loadConfig(base).allowUnsafeDurability, false);
  assert.equal(loadConfig({ ...base, ZS_ALLOW_UNSAFE_DURABILITY: '1' }).allowUnsafeDurability, true);
  assert.throws(
    () => loadConfig({ ...base, ZS_ALLOW_UNSAFE_DURABILITY: 'maybe' }),
    /ZS_ALLOW_UNSAFE_DURABILITY/,
  );
});

forEachDialect('database durability settings', (kind) => {
  it('finds nothing unsafe on the test database', async () => {
    const { store, dispose } = await openTestStore(kind);
    try {
      assert.deepEqual(await unsafeDurabilitySettings(store), []);
    } finally {
      await dispose();
    }
  });

  if (kind !== 'postgres') return;

  const refusal = (e: unknown) =>
    e instanceof ConfigError &&
    /PostgreSQL runs with synchronous_commit=off: a commit it reports may not be on disk/.test(e.message) &&
    /ZS_ALLOW_UNSAFE_DURABILITY=1/.test(e.message);

  it('refuses to start with synchronous_commit=off for the database, unless allowed', async () => {
    const database = await createTestDatabase();
    try {
      const name = new URL(database.url).pathname.slice(1);
      const admin = new pg.Client({ connectionString: database.url });
      await admin.connect();
      await admin.query(`alter database ${name} set synchronous_commit = off`);
      await admin.end();

      const store = openStore(postgresAdapter(database.url));
      try {
        assert.deepEqual(await unsafeDurabilitySettings(store), ['synchronous_commit=off']);
        await assert.rejects(buildApp(testConfig(), { store, logger: false }), refusal);
        const app = await buildApp(testConfig({ allowUnsafeDurability: true }), { store, logger: false });
        await app.close();
      } finally {
        await store.close();
      }
    } finally {
      await database.drop();
    }
  });

  it('sees synchronous_commit=off set by the connection string (the session value)', async () => {
    const database = await createTestDatabase();
    try {
      const url = new URL(database.url);
      url.searchParams.set('options', '-c synchronous_commit=off');
      await assert.rejects(buildApp(testConfig({ databaseUrl: url.toString() }), { logger: false }), refusal);
    } finally {
      await database.drop();
    }
  });
});
