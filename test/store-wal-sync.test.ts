// The WAL fsync off the event loop (src/store/dialect/wal-sync.ts): a caller of the group-commit
// driver resumes only once a sync that began after its COMMIT has completed, and fails if that
// sync fails. A controllable syncer stands in for fsync so that the order can be observed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import {
  type GroupCommitDriver,
  GroupCommitSqliteDialect,
} from '../src/store/dialect/sqlite-group-commit.ts';
import { walSyncer } from '../src/store/dialect/wal-sync.ts';
import type { Database } from '../src/store/schema.ts';
import { manualWal } from './helpers/positions.ts';

describe('WAL sync before acknowledgement', () => {
  let dir = '';
  let database: SQLite.Database;
  let observer: SQLite.Database;
  let db: Kysely<Database>;
  const { syncs, wal } = manualWal();

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zs-wal-sync-'));
    const file = path.join(dir, 'z.db');
    database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.exec('create table counters (key text primary key, value integer not null)');
    db = new Kysely<Database>({
      dialect: new GroupCommitSqliteDialect(database, (s) => database.prepare(s), wal),
    });
    observer = new SQLite(file, { readonly: true });
  });
  after(async () => {
    observer.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const committed = (key: string) => observer.prepare('select value from counters where key = ?').get(key);
  const settle = () => new Promise((resolve) => setImmediate(resolve));

  it('resumes the writer only after the sync that followed its COMMIT', async () => {
    let resumed = false;
    const write = db
      .insertInto('counters')
      .values({ key: 'a', value: 1 })
      .execute()
      .then(() => {
        resumed = true;
      });
    while (syncs.length === 0) await settle();
    assert.deepEqual(committed('a'), { value: 1 }, 'COMMIT has run');
    await settle();
    assert.equal(resumed, false, 'not told before the WAL is synced');
    syncs.shift()?.resolve();
    await write;
    assert.equal(resumed, true);
  });

  it('lets the next batch fill and commit while a sync is still running', async () => {
    const first = db.insertInto('counters').values({ key: 'c', value: 3 }).execute();
    while (syncs.length === 0) await settle();
    const second = db.insertInto('counters').values({ key: 'd', value: 4 }).execute();
    while (syncs.length < 2) await settle();
    assert.deepEqual(committed('d'), { value: 4 }, 'the second batch committed during the first sync');
    syncs.shift()?.resolve();
    await first;
    syncs.shift()?.resolve();
    await second;
  });
});

describe('a failed WAL sync stops every acknowledgement (fsyncgate)', () => {
  let dir = '';
  let file = '';
  let database: SQLite.Database;
  let db: Kysely<Database>;
  let driver: GroupCommitDriver;
  const { syncs, wal } = manualWal();
  const failures: Error[] = [];

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'zs-wal-fail-'));
    file = path.join(dir, 'z.db');
    database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.exec('create table counters (key text primary key, value integer not null)');
    const dialect = new GroupCommitSqliteDialect(
      database,
      (s) => database.prepare(s),
      wal,
      (error) => failures.push(error),
    );
    db = new Kysely<Database>({ dialect });
    driver = dialect.driver as GroupCommitDriver;
  });
  after(async () => {
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const insert = (key: string, value: number) => db.insertInto('counters').values({ key, value }).execute();

  it('fails the failing batch, a later batch whose own sync succeeds, and every write after', async () => {
    await Promise.all([
      insert('before', 0),
      (async () => {
        while (syncs.length === 0) await settle();
        syncs.shift()?.resolve();
      })(),
    ]);
    const failing = insert('a', 1);
    while (syncs.length === 0) await settle();
    // Committed while the first sync runs; its own sync will succeed, over a possible hole.
    const next = insert('b', 2);
    while (syncs.length < 2) await settle();
    syncs.shift()?.reject(new Error('EIO: i/o error, fdatasync'));
    await assert.rejects(failing, /disk failed to sync the SQLite write-ahead log \(EIO/);
    syncs.shift()?.resolve();
    await assert.rejects(next, /disk failed to sync/);
    assert.equal(failures.length, 1, 'told once');
    assert.match(failures[0]?.message ?? '', /EIO: i\/o error, fdatasync/);

    // Nothing more is committed or synced: writes fail at once, answers built from reads too.
    await assert.rejects(insert('c', 3), /disk failed to sync/);
    await assert.rejects(
      db.transaction().execute((trx) => trx.insertInto('counters').values({ key: 'd', value: 4 }).execute()),
      /disk failed to sync/,
    );
    await assert.rejects(driver.settled(), /disk failed to sync/);
    await settle();
    assert.equal(syncs.length, 0, 'no sync asked for after the failure');
    assert.equal(failures.length, 1);
  });

  it('recovers, on reopening, what COMMIT wrote before the failure and nothing after', async () => {
    const reopened = new SQLite(file, { readonly: true });
    const keys = reopened.prepare('select key from counters order by key').all();
    reopened.close();
    // 'a' and 'b' were committed (never acknowledged); 'c' and 'd' were refused before COMMIT.
    assert.deepEqual(keys, [{ key: 'a' }, { key: 'b' }, { key: 'before' }]);
  });
});

it('a real syncer fails every sync after one has failed, without calling fdatasync again', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zs-wal-real-fail-'));
  const file = path.join(dir, 'z.db');
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.exec('create table t (x integer)');
  let calls = 0;
  const syncer = walSyncer(file, {
    fdatasync: async () => {
      calls++;
      if (calls === 2) throw new Error('EIO: i/o error, fdatasync');
    },
  });
  await syncer.sync();
  await assert.rejects(syncer.sync(), /fsync of .*z\.db-wal failed: EIO/);
  await assert.rejects(syncer.sync(), /fsync of .*z\.db-wal failed: EIO/);
  assert.equal(calls, 2, 'a later fdatasync could succeed over the pages the failed one dropped');
  await syncer.close();
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

it('syncs a real WAL file: callers share a sync not yet started, never one already running', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'zs-wal-real-'));
  const file = path.join(dir, 'z.db');
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.exec('create table t (x integer)');
  database.exec('insert into t values (1)');
  const syncer = walSyncer(file);
  const first = syncer.sync();
  const second = syncer.sync();
  assert.equal(first, second, 'callers before a sync has started share it');
  await new Promise((resolve) => setImmediate(resolve));
  const third = syncer.sync();
  assert.notEqual(third, first, 'a sync already started is not enough for a later caller');
  await Promise.all([first, third]);
  await syncer.close();
  database.close();
  const rows = new SQLite(file, { readonly: true }).prepare('select count(*) as n from t').get();
  assert.deepEqual(rows, { n: 1 });
  rmSync(dir, { recursive: true, force: true });
});
