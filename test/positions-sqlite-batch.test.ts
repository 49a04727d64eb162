// The SQLite positions batch writer joins the group commit itself (no SAVEPOINT around it): its
// caller must still resume only after the COMMIT holding the rows and the WAL sync that followed,
// and fail if that sync fails.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { Kysely } from 'kysely';
import { registerPositionBatchWriter } from '../src/store/dialect/position-batch.ts';
import { GroupCommitSqliteDialect } from '../src/store/dialect/sqlite-group-commit.ts';
import { sqlitePositionBatchWriter } from '../src/store/dialect/sqlite-position-batch.ts';
import { commitPositionBatch } from '../src/store/positions.repository.ts';
import type { Database } from '../src/store/schema.ts';
import { manualWal, storedFix } from './helpers/positions.ts';

const COLUMNS =
  'device_id text not null, time bigint not null, server_time bigint not null, lat real not null, ' +
  'lon real not null, speed real not null, course real not null, altitude real not null, ' +
  'valid integer not null, flags integer not null, attributes text';
const T = Date.parse('2026-03-02T01:00:00Z');

const fix = (deviceId: string, time: number, lat: number) => storedFix(deviceId, time, lat, { acc: true });

describe('SQLite positions batch in the group commit', () => {
  let dir = '';
  let database: SQLite.Database;
  let observer: SQLite.Database;
  let db: Kysely<Database>;
  const { syncs, wal } = manualWal();
  const diskFailures: Error[] = [];

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'zs-positions-batch-'));
    const file = path.join(dir, 'z.db');
    database = new SQLite(file);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.exec(`create table positions (${COLUMNS}, primary key (device_id, time))`);
    database.exec(`create table latest_positions (${COLUMNS}, primary key (device_id))`);
    database.exec('create table devices (id text primary key, last_seen_at bigint)');
    database.exec("insert into devices (id) values ('a'), ('b')");
    db = new Kysely<Database>({
      dialect: new GroupCommitSqliteDialect(
        database,
        (s) => database.prepare(s),
        wal,
        (error) => diskFailures.push(error),
      ),
    });
    registerPositionBatchWriter(db, sqlitePositionBatchWriter(database));
    observer = new SQLite(file, { readonly: true });
  });
  after(async () => {
    observer.close();
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const settle = () => new Promise((resolve) => setImmediate(resolve));
  const stored = (id: string) =>
    observer.prepare('select time, lat from positions where device_id = ? order by time').all(id);
  const latest = (id: string) =>
    observer.prepare('select time from latest_positions where device_id = ?').get(id);
  const lastSeen = (id: string) =>
    observer.prepare('select last_seen_at as at from devices where id = ?').get(id);

  it('resolves only after the COMMIT and the WAL sync that followed it', async () => {
    let resumed = false;
    const write = commitPositionBatch(
      db,
      [fix('a', T, 31.3), fix('a', T + 1000, 31.301), fix('b', T, 31.4)],
      [fix('a', T + 1000, 31.301), fix('b', T, 31.4)],
      new Map([
        ['a', T + 1500],
        ['b', T + 500],
      ]),
    ).then(() => {
      resumed = true;
    });
    while (syncs.length === 0) await settle();
    // Every row of the batch is in the one COMMIT, all three tables alike.
    assert.deepEqual(stored('a'), [
      { time: T, lat: 31.3 },
      { time: T + 1000, lat: 31.301 },
    ]);
    assert.deepEqual(stored('b'), [{ time: T, lat: 31.4 }]);
    assert.deepEqual([latest('a'), latest('b')], [{ time: T + 1000 }, { time: T }]);
    assert.deepEqual([lastSeen('a'), lastSeen('b')], [{ at: T + 1500 }, { at: T + 500 }]);
    await settle();
    assert.equal(resumed, false, 'not told before the WAL is synced');
    syncs.shift()?.resolve();
    await write;
    assert.equal(resumed, true);
  });

  it('fails when the sync fails, reports the disk failure once, and acknowledges nothing after it', async () => {
    const batch = () =>
      commitPositionBatch(
        db,
        [fix('a', T + 2000, 31.302)],
        [fix('a', T + 2000, 31.302)],
        new Map([['a', T + 2500]]),
      );
    const first = batch();
    while (syncs.length === 0) await settle();
    syncs.shift()?.reject(new Error('EIO: i/o error, fdatasync'));
    await assert.rejects(first, /EIO/);
    assert.equal(diskFailures.length, 1, 'the disk failure is reported once');
    // After a failed fsync the kernel may have dropped the dirty pages: a later sync could succeed
    // over a hole, so nothing more is acknowledged ("fsyncgate"; the server exits and recovers).
    await assert.rejects(batch());
    assert.equal(diskFailures.length, 1);
    assert.equal(syncs.length, 0, 'no further fdatasync is attempted');
  });
});
