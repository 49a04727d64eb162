import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createDevice } from '../src/services/devices/index.ts';
import { createUnit } from '../src/services/units/index.ts';
import type { Store } from '../src/store/database.ts';
import { findDevice, touchDevices } from '../src/store/devices.repository.ts';
import { positionBatchWriterOf } from '../src/store/dialect/position-batch.ts';
import {
  commitPositionBatch,
  insertPositions,
  listLatest,
  listPositions,
  type StoredPosition,
  upsertLatest,
} from '../src/store/positions.repository.ts';
import { forEachDialect, openTestStore } from './helpers/dialects.ts';
import { storedFix } from './helpers/positions.ts';

const fix = storedFix;

/** Three commits: new rows, then a duplicate, a late fix and an older last-seen time, then a newer fix. */
const T = Date.parse('2026-03-02T01:00:00Z');
function script(a: string, b: string) {
  return [
    {
      rows: [
        fix(a, T, 31.3, { acc: true, extras: { '0xe1': '0102' } }),
        fix(a, T + 5000, 31.301),
        fix(b, T, 0),
      ],
      latest: [fix(a, T + 5000, 31.301), fix(b, T, 0)],
      seen: new Map([
        [a, T + 9000],
        [b, T + 9000],
      ]),
    },
    {
      rows: [fix(a, T + 5000, 31.9), fix(a, T - 5000, 31.299)],
      latest: [fix(a, T - 5000, 31.299)],
      seen: new Map([[a, T + 1000]]),
    },
    { rows: [fix(b, T + 5000, 31.31)], latest: [fix(b, T + 5000, 31.31)], seen: new Map([[b, T + 20_000]]) },
  ];
}

forEachDialect('positions batch writer', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  const ids: string[] = [];
  before(async () => {
    ({ store, dispose } = await openTestStore(kind));
    const ctx = { db: store.db, now: () => T };
    const unit = await createUnit(ctx, { kind: 'subdistrict', code: '320508001', name: '街道' });
    for (const identifier of ['1001', '1002', '1003', '1004']) {
      ids.push(
        (await createDevice(ctx, { name: identifier, protocol: 'jt808', identifier, unitId: unit.id })).id,
      );
    }
  });
  after(() => dispose?.());

  it("is the dialect's fast path, and stores what the portable queries store", async () => {
    assert.ok(positionBatchWriterOf(store.db), `${kind} registers a batch writer`);
    const [a, b, c, d] = ids as [string, string, string, string];
    for (const step of script(a, b)) await commitPositionBatch(store.db, step.rows, step.latest, step.seen);
    for (const step of script(c, d)) {
      await store.db.transaction().execute(async (trx) => {
        await insertPositions(trx, step.rows);
        await upsertLatest(trx, step.latest);
        await touchDevices(trx, step.seen);
      });
    }
    const strip = (ps: StoredPosition[]) => ps.map(({ deviceId: _, ...rest }) => rest);
    const track = (id: string) => listPositions(store.db, id, T - 60_000, T + 60_000, 100);
    assert.deepEqual(strip(await track(a)), strip(await track(c)));
    assert.deepEqual(strip(await track(b)), strip(await track(d)));
    const latest = await listLatest(store.db, ids);
    const of = (id: string) => strip(latest.filter((p) => p.deviceId === id));
    assert.deepEqual(of(a), of(c));
    assert.deepEqual(of(b), of(d));
    for (const [fast, portable] of [
      [a, c],
      [b, d],
    ] as const) {
      assert.equal(
        (await findDevice(store.db, fast))?.lastSeenAt,
        (await findDevice(store.db, portable))?.lastSeenAt,
      );
    }

    // And the values themselves: duplicates skipped, the latest never moved back, attributes kept.
    const rows = await track(a);
    assert.deepEqual(
      rows.map((p) => [p.time - T, p.lat, p.valid]),
      [
        [-5000, 31.299, true],
        [0, 31.3, true],
        [5000, 31.301, true],
      ],
    );
    assert.deepEqual(rows[1]?.attributes, { acc: true, extras: { '0xe1': '0102' } });
    assert.deepEqual(rows[0]?.attributes, {});
    assert.deepEqual([of(a)[0]?.time, of(b)[0]?.time], [T + 5000, T + 5000]);
    assert.deepEqual(
      [(await findDevice(store.db, a))?.lastSeenAt, (await findDevice(store.db, b))?.lastSeenAt],
      [T + 9000, T + 20_000],
    );
    const invalid = (await track(b))[0];
    assert.deepEqual([invalid?.lat, invalid?.valid, invalid?.flags], [0, false, 2]);
  });
});
