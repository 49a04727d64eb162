// SQLite group commit (src/store/dialect/sqlite-group-commit.ts): concurrent writes share one
// fsync, yet each caller returns only once its write is committed — checked from a second,
// independent connection to the same file, which sees committed rows only.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { migrate, openStore, type Store } from '../src/store/database.ts';
import { sqliteAdapter } from '../src/store/dialect/sqlite.ts';
import { groupCommitStatsOf, recordStatements } from '../src/store/dialect/sqlite-group-commit.ts';

describe('SQLite group commit', () => {
  let dir = '';
  let file = '';
  let store: Store;
  let observer: SQLite.Database;

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zs-group-commit-'));
    file = path.join(dir, 'zhongshu.db');
    store = openStore(sqliteAdapter(file));
    await migrate(store);
    observer = new SQLite(file, { readonly: true });
  });
  after(async () => {
    observer.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const committed = (key: string) =>
    observer.prepare('select value from counters where key = ?').get(key) as { value: number } | undefined;
  const stats = () => ({ ...groupCommitStatsOf(store.db) }) as { commits: number; writes: number };

  it('returns from a single write only once another connection sees it committed', async () => {
    await store.db.insertInto('counters').values({ key: 'single', value: 1 }).execute();
    assert.deepEqual(committed('single'), { value: 1 });
  });

  it('returns from a transaction only once it is committed', async () => {
    await store.db.transaction().execute(async (trx) => {
      await trx.insertInto('counters').values({ key: 'trx', value: 2 }).execute();
      await trx.updateTable('counters').set({ value: 3 }).where('key', '=', 'trx').execute();
      assert.equal(committed('trx'), undefined, 'not visible outside before the commit');
    });
    assert.deepEqual(committed('trx'), { value: 3 });
  });

  it('commits 200 concurrent transactions with far fewer fsyncs, every one visible when it returns', async () => {
    const before = stats();
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        store.db
          .transaction()
          .execute(async (trx) => {
            await trx
              .insertInto('counters')
              .values({ key: `c${i}`, value: i })
              .execute();
          })
          .then(() =>
            assert.deepEqual(committed(`c${i}`), { value: i }, `c${i} on disk when its caller resumed`),
          ),
      ),
    );
    const after = stats();
    assert.equal(after.writes - before.writes, 200);
    assert.ok(
      after.commits - before.commits < 200,
      `${after.commits - before.commits} commits for 200 writes`,
    );
    assert.ok(after.commits - before.commits >= 1);
  });

  it('rolls back a failing transaction alone while the others of its batch commit', async () => {
    const results = await Promise.allSettled([
      store.db.transaction().execute(async (trx) => {
        await trx.insertInto('counters').values({ key: 'kept-1', value: 1 }).execute();
      }),
      store.db.transaction().execute(async (trx) => {
        await trx.insertInto('counters').values({ key: 'lost', value: 1 }).execute();
        throw new Error('changed my mind');
      }),
      store.db.transaction().execute(async (trx) => {
        await trx.insertInto('counters').values({ key: 'kept-2', value: 2 }).execute();
      }),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.deepEqual(committed('kept-1'), { value: 1 });
    assert.deepEqual(committed('kept-2'), { value: 2 });
    assert.equal(committed('lost'), undefined);
    const inStore = await store.db.selectFrom('counters').select('key').where('key', '=', 'lost').execute();
    assert.deepEqual(inStore, []);
  });

  it('keeps a batch going after a constraint error: the failed statement alone is refused', async () => {
    const [duplicate, other] = await Promise.allSettled([
      store.db.insertInto('counters').values({ key: 'single', value: 9 }).execute(),
      store.db.insertInto('counters').values({ key: 'after-error', value: 4 }).execute(),
    ]);
    assert.equal(duplicate.status, 'rejected');
    assert.match(String((duplicate as PromiseRejectedResult).reason), /UNIQUE/);
    assert.equal(other.status, 'fulfilled');
    assert.deepEqual(committed('single'), { value: 1 });
    assert.deepEqual(committed('after-error'), { value: 4 });
  });

  it('lets a read see the open batch, and settled() waits until that batch is on disk', async () => {
    const write = store.db.insertInto('counters').values({ key: 'seen-early', value: 5 }).execute();
    // The insert ran synchronously inside the batch; a read on the same connection sees it now.
    const row = await store.db
      .selectFrom('counters')
      .select('value')
      .where('key', '=', 'seen-early')
      .executeTakeFirst();
    assert.deepEqual(row, { value: 5 });
    assert.equal(committed('seen-early'), undefined, 'the batch is still open');
    await store.settled();
    assert.deepEqual(committed('seen-early'), { value: 5 });
    await write;
  });

  it('fails an answer that read from a batch whose commit then failed, and only that one', async () => {
    // A deferred foreign key makes the COMMIT fail on demand, as an I/O error at commit would.
    await sql`create table p (id text primary key)`.execute(store.db);
    await sql`create table c (id text, pid text references p(id) deferrable initially deferred)`.execute(
      store.db,
    );
    const since = store.mark();
    const write = store.db.transaction().execute(async (trx) => {
      await trx.insertInto('counters').values({ key: 'phantom', value: 42 }).execute();
      await sql`insert into c values ('x', 'missing')`.execute(trx);
    });
    const seen = await store.db
      .selectFrom('counters')
      .select('value')
      .where('key', '=', 'phantom')
      .executeTakeFirst();
    assert.deepEqual(seen, { value: 42 }, 'the read saw the open batch');
    await assert.rejects(write, /FOREIGN KEY/);
    await assert.rejects(store.settled(since), /rolled back/);
    assert.equal(committed('phantom'), undefined);
    const later = store.mark();
    await store.db.insertInto('counters').values({ key: 'after-failure', value: 6 }).execute();
    await store.settled(later);
    assert.deepEqual(committed('after-failure'), { value: 6 });
  });

  it('survives a full disk: the overflowing write fails, the next ones commit', async () => {
    const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(store.db);
    await sql.raw(`pragma max_page_count = ${(rows[0]?.page_count ?? 0) + 20}`).execute(store.db);
    const big = 'x'.repeat(1_000_000);
    const [overflow] = await Promise.allSettled([
      store.db.transaction().execute(async (trx) => {
        await trx.insertInto('counters').values({ key: big, value: 1 }).execute();
      }),
    ]);
    assert.equal(overflow.status, 'rejected');
    assert.match(String((overflow as PromiseRejectedResult).reason), /full/i);
    await sql.raw('pragma max_page_count = 1073741823').execute(store.db);
    await store.db.transaction().execute(async (trx) => {
      await trx.insertInto('counters').values({ key: 'after-full', value: 8 }).execute();
    });
    assert.deepEqual(committed('after-full'), { value: 8 });
  });

  it('hands every statement it runs, with its parameters, to a recorder until told to stop', async () => {
    const seen: { sql: string; parameters: readonly unknown[] }[] = [];
    assert.equal(
      recordStatements(store.db, (sql, parameters) => seen.push({ sql, parameters })),
      true,
    );
    await store.db.transaction().execute(async (trx) => {
      await trx.insertInto('counters').values({ key: 'recorded', value: 7 }).execute();
    });
    recordStatements(store.db, undefined);
    await store.db.insertInto('counters').values({ key: 'unrecorded', value: 8 }).execute();
    const texts = seen.map((s) => s.sql);
    assert.ok(texts.includes('savepoint zs_tx'), texts.join(' | '));
    assert.ok(texts.includes('release zs_tx'));
    assert.ok(texts.includes('commit'), 'the batch commit is recorded too');
    const insert = seen.find((s) => s.sql.startsWith('insert into "counters"'));
    assert.deepEqual(insert?.parameters, ['recorded', 7]);
    assert.equal(
      seen.some((s) => s.parameters.includes('unrecorded')),
      false,
    );
  });

  it('refuses startTransaction(), whose commit would not wait for the disk', () => {
    assert.throws(() => store.db.startTransaction(), /not supported on SQLite/);
  });

  it('keeps everything it acknowledged across a reopen', async () => {
    await store.db.insertInto('counters').values({ key: 'last', value: 7 }).execute();
    await store.close();
    store = openStore(sqliteAdapter(file));
    const rows = await sql<{ n: number }>`select count(*) as n from counters`.execute(store.db);
    // single, trx, 200 concurrent, kept-1, kept-2, after-error, seen-early, after-failure, after-full,
    // recorded, unrecorded, last
    assert.equal(rows.rows[0]?.n, 1 + 1 + 200 + 2 + 1 + 1 + 1 + 1 + 2 + 1);
  });
});
