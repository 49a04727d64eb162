// PostgreSQL's positions writer: rows go in by binary COPY (encoded by hand for the columns'
// exact types) inside the group commit's transaction. What COPY sends must read back as sent, a
// batch holding a stored (device, time) must still be written (COPY cannot skip it), and a batch
// that fails anywhere must leave nothing behind and reject, so that nothing of it is acknowledged.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import pg from 'pg';
import { migrate, openStore, type Store } from '../src/store/database.ts';
import { POSITION_COLUMNS, positionBatchWriterOf } from '../src/store/dialect/position-batch.ts';
import { postgresAdapter } from '../src/store/dialect/postgres.ts';
import type { ElementType } from '../src/store/dialect/postgres-binary-array.ts';
import { copyBinary } from '../src/store/dialect/postgres-copy-binary.ts';
import { copyIn } from '../src/store/dialect/postgres-copy-in.ts';
import { commitPositionBatch, listLatest, listPositions } from '../src/store/positions.repository.ts';
import type { PositionTable } from '../src/store/schema.ts';
import { createTestDatabase, onPostgres } from './helpers/dialects.ts';
import { storedFix } from './helpers/positions.ts';

/** The positions table's columns with the types migration 0002 gives them. */
const COLUMNS = [
  ['device_id', 'text'],
  ['time', 'int8'],
  ['server_time', 'int8'],
  ['lat', 'float8'],
  ['lon', 'float8'],
  ['speed', 'float8'],
  ['course', 'float8'],
  ['altitude', 'float8'],
  ['valid', 'int4'],
  ['flags', 'int4'],
  ['attributes', 'jsonb'],
] as const satisfies readonly (readonly [keyof PositionTable, ElementType])[];

const T = Date.parse('2026-03-02T01:00:00Z');
const row = (over: Partial<PositionTable>): PositionTable => ({
  device_id: 'dev-1',
  time: T,
  server_time: T + 500,
  lat: 31.3,
  lon: 120.8,
  speed: 5.5,
  course: 270,
  altitude: 2,
  valid: 1,
  flags: 0,
  attributes: '{"acc":true,"extras":{"0xe1":"0102"}}',
  ...over,
});

onPostgres('positions by binary COPY', () => {
  let url = '';
  let drop: () => Promise<void> = async () => {};
  let store: Store;
  let client: pg.Client;
  before(async () => {
    ({ url, drop } = await createTestDatabase());
    store = openStore(postgresAdapter(url));
    await migrate(store);
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  after(async () => {
    await client?.end();
    await store?.close();
    await drop();
  });

  it('reads back every row COPY was sent, as sent: nulls, negatives, extreme times, text', async () => {
    assert.deepEqual(
      COLUMNS.map(([name]) => name),
      [...POSITION_COLUMNS],
    );
    const rows = [
      row({}),
      row({ device_id: 'dev-2', attributes: null, valid: 0, flags: 2, lat: 0, lon: 0, speed: 0, course: 0 }),
      row({ device_id: 'dev-3', lat: -33.868_820_1, lon: -151.209_295_5, altitude: -12.25, course: 359.9 }),
      row({ device_id: 'dev-4', time: 2 ** 53 - 1, server_time: 8.64e15, flags: 2 ** 31 - 1 }),
      row({ device_id: 'dev-5', time: -1, server_time: -(2 ** 40) - 7, flags: -(2 ** 31), valid: -1 }),
      row({ device_id: '船-桥 7', attributes: '{"名":"河道","emoji":"🚤","n":-1.5e-7,"list":[1,null]}' }),
    ];
    const copied = await copyIn(
      client,
      'copy positions (device_id, time, server_time, lat, lon, speed, course, altitude, valid, flags, attributes) from stdin (format binary)',
      copyBinary(COLUMNS, rows),
    );
    assert.equal(copied, rows.length);
    const { rows: back } = await client.query(
      'select device_id, time::text, server_time::text, lat, lon, speed, course, altitude, valid, flags, attributes from positions order by device_id',
    );
    const expected = [...rows]
      .sort((a, b) => (a.device_id < b.device_id ? -1 : 1))
      .map((r) => ({
        ...r,
        time: String(r.time),
        server_time: String(r.server_time),
        attributes: r.attributes === null ? null : JSON.parse(r.attributes as string),
      }));
    assert.deepEqual(back, expected);
    await client.query('delete from positions');
  });

  it('stores a batch holding a (device, time) already stored, skipping it, in one transaction', async () => {
    const [a, b] = ['dup-a', 'dup-b'];
    await commitPositionBatch(store.db, [storedFix(a, T, 31.3)], [storedFix(a, T, 31.3)], new Map([[a, T]]));
    // The resent fix comes back with other values: the stored one stays, the rest go in.
    const batch = [storedFix(b, T, 31.5), storedFix(a, T, 31.9), storedFix(a, T + 5000, 31.31)];
    await commitPositionBatch(
      store.db,
      batch,
      [storedFix(a, T + 5000, 31.31), storedFix(b, T, 31.5)],
      new Map([
        [a, T + 6000],
        [b, T + 1000],
      ]),
    );
    const track = async (id: string) =>
      (await listPositions(store.db, id, T - 1000, T + 10_000, 10)).map((p) => [p.time - T, p.lat]);
    assert.deepEqual(await track(a), [
      [0, 31.3],
      [5000, 31.31],
    ]);
    assert.deepEqual(await track(b), [[0, 31.5]]);
    assert.deepEqual((await listLatest(store.db, [a, b])).map((p) => [p.deviceId, p.time - T]).sort(), [
      [a, 5000],
      [b, 0],
    ]);
  });

  it('rejects a batch that fails in the COPY or after it, and keeps none of its rows', async () => {
    const write = positionBatchWriterOf(store.db);
    assert.ok(write);
    const id = 'fails';
    const good = [row({ device_id: id }), row({ device_id: id, time: T + 5000 })];
    // jsonb PostgreSQL refuses: in a row of the COPY, then (the COPY's rows all fine) in the
    // latest positions' statement that follows it in the transaction.
    const notJson = '{"acc":';
    const inCopy = {
      rows: [good[0] as PositionTable, row({ device_id: id, time: T + 1000, attributes: notJson })],
    };
    await assert.rejects(write(store.db, { ...inCopy, latest: [], seen: new Map([[id, T]]) }), /json/i);
    const afterCopy = { rows: good, latest: [row({ device_id: id, attributes: notJson })], seen: new Map() };
    await assert.rejects(write(store.db, afterCopy), /json/i);
    const stored = async () =>
      (await listPositions(store.db, id, T - 1000, T + 10_000, 10)).map((p) => p.time - T);
    assert.deepEqual(await stored(), []);
    assert.deepEqual(await listLatest(store.db, [id]), []);
    // The pool's connections still serve the next batch.
    await write(store.db, { rows: good, latest: [good[1] as PositionTable], seen: new Map([[id, T]]) });
    assert.deepEqual(await stored(), [0, 5000]);
  });
});
