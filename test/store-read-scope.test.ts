// Read scopes (src/store/dialect/sqlite-read-scope.ts): a request that only reads sees
// committed batches only, and its answer waits for the fsync of the batches it may have seen,
// never for the batch other requests are still filling.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { migrate, openStore, type Store } from '../src/store/database.ts';
import { sqliteAdapter } from '../src/store/dialect/sqlite.ts';
import { walSyncer } from '../src/store/dialect/wal-sync.ts';

/** fdatasync that waits while the gate is shut. */
function gatedSync() {
  let open: Promise<void> = Promise.resolve();
  let release = () => {};
  return {
    shut() {
      open = new Promise((resolve) => {
        release = resolve;
      });
    },
    open: () => release(),
    io: {
      async fdatasync() {
        await open;
      },
    },
  };
}

/** Whether the promise has settled after the event loop ran what was ready (a closed gate never lets it). */
async function hasSettled(p: Promise<unknown>): Promise<boolean> {
  let settled = false;
  p.then(
    () => {
      settled = true;
    },
    () => {
      settled = true;
    },
  );
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
  return settled;
}

describe('SQLite read scopes', () => {
  let dir = '';
  let store: Store;
  const gate = gatedSync();
  const read = (key: string) =>
    store.db.selectFrom('counters').select('value').where('key', '=', key).executeTakeFirst();

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zs-read-scope-'));
    store = openStore(sqliteAdapter(path.join(dir, 'z.db'), { syncer: (f) => walSyncer(f, gate.io) }));
    await migrate(store);
  });
  after(async () => {
    gate.open();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sees a committed batch, and its answer waits for that batch’s fsync', async () => {
    gate.shut();
    const write = store.db.insertInto('counters').values({ key: 'a', value: 1 }).execute();
    // Committed (another connection sees it) but not yet synced: the write has not returned.
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await hasSettled(write), false);
    const scope = store.beginReads();
    assert.ok(scope, 'SQLite on disk has a reader connection');
    const row = await store.withReads(scope, () => read('a'));
    assert.deepEqual(row, { value: 1 });
    const answer = store.settledReads(scope);
    assert.equal(await hasSettled(answer), false, 'the answer waits for the fsync of what it read');
    gate.open();
    await answer;
    await write;
  });

  it('does not see the open batch, nor wait for it', async () => {
    gate.shut();
    const write = store.db.insertInto('counters').values({ key: 'b', value: 2 }).execute();
    // The insert ran at once inside the open batch; a read outside the scope (the writer's
    // connection) sees it, one inside the scope does not.
    assert.deepEqual(await read('b'), { value: 2 });
    const scope = store.beginReads();
    assert.ok(scope);
    assert.equal(await store.withReads(scope, () => read('b')), undefined);
    // Everything the scope could see is on disk already: the answer goes at once.
    await store.settledReads(scope);
    assert.equal(await hasSettled(write), false, 'the write still waits for its fsync');
    gate.open();
    await write;
    const later = store.beginReads();
    assert.ok(later);
    assert.deepEqual(await store.withReads(later, () => read('b')), { value: 2 });
    await store.settledReads(later);
  });

  it('reads inside a transaction on the writer, which sees its own writes', async () => {
    const scope = store.beginReads();
    assert.ok(scope);
    const seen = await store.withReads(scope, () =>
      store.db.transaction().execute(async (trx) => {
        await trx.insertInto('counters').values({ key: 'c', value: 3 }).execute();
        return trx.selectFrom('counters').select('value').where('key', '=', 'c').executeTakeFirst();
      }),
    );
    assert.deepEqual(seen, { value: 3 });
  });

  it('has no reader in memory: requests there use mark() and settled()', async () => {
    const memory = openStore(sqliteAdapter(':memory:'));
    try {
      assert.equal(memory.beginReads(), undefined);
    } finally {
      await memory.close();
    }
  });
});
