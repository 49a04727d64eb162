import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { createAsset } from '../src/services/assets/index.ts';
import { createDevice } from '../src/services/devices/index.ts';
import { createUnit } from '../src/services/units/index.ts';
import type { Store } from '../src/store/database.ts';
import { columnsOfTuples } from '../src/store/dialect/track-reader.ts';
import {
  insertPositions,
  listAssetTrackColumns,
  listAssetTrackTuples,
  type StoredPosition,
} from '../src/store/positions.repository.ts';
import { forEachDialect, openTestStore } from './helpers/dialects.ts';
import { storedFix } from './helpers/positions.ts';

const T = Date.parse('2026-11-10T00:00:00+08:00');

/** A fix with the awkward values a day holds: 1e-6° coordinates, 0.1 km/h speeds, a jump, an invalid fix. */
function fix(deviceId: string, i: number, over: Partial<StoredPosition> = {}): StoredPosition {
  return {
    ...storedFix(deviceId, T + i * 5000 + (i % 3), 31.300001 + i * 1e-6),
    lon: -0.000123 + 120.912345 + i * 1e-6,
    speed: Math.round(i * 7.3) / 10,
    ...over,
  };
}

forEachDialect('an asset track read as columns', (kind) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let boatId = '';
  let emptyId = '';
  before(async () => {
    ({ store, dispose } = await openTestStore(kind));
    const ctx = { db: store.db, now: () => T };
    const unit = await createUnit(ctx, { kind: 'subdistrict', code: '320508001', name: '街道' });
    const boat = await createAsset(ctx, { kind: 'boat', code: 'B1', name: '保洁船1', unitId: unit.id });
    const empty = await createAsset(ctx, { kind: 'boat', code: 'B2', name: '保洁船2', unitId: unit.id });
    [boatId, emptyId] = [boat.id, empty.id];
    const [a, b] = await Promise.all(
      ['2001', '2002'].map(
        async (identifier) =>
          (await createDevice(ctx, { name: identifier, protocol: 'jt808', identifier, assetId: boat.id })).id,
      ),
    );
    // Two terminals on one boat, written out of time order, with a jump and an invalid fix.
    const rows = Array.from({ length: 400 }, (_, i) => fix(i % 2 ? (a as string) : (b as string), 399 - i));
    rows.push(
      fix(a as string, 1000, { flags: 4, lat: 32.5 }),
      fix(b as string, 1001, { valid: false, lat: 0, flags: 2 }),
    );
    await insertPositions(store.db, rows);
  });
  after(() => dispose?.());

  it('holds the same fixes, in the same order, as the rows read one by one', async () => {
    const from = T + 10 * 5000;
    const to = T + 2000 * 5000;
    const columns = await listAssetTrackColumns(store.db, boatId, from, to);
    const tuples = await listAssetTrackTuples(store.db, boatId, from, to);
    assert.equal(columns.length, 392);
    assert.deepEqual(columns, columnsOfTuples(tuples));
    assert.ok(columns.time.every((t, i) => i === 0 || t > (columns.time[i - 1] as number)));
    assert.deepEqual([...columns.flags.slice(-2)], [4, 2]);
    assert.deepEqual([...columns.valid.slice(-2)], [1, 0]);
  });

  it('is empty for a range without fixes and for an asset without devices', async () => {
    assert.equal((await listAssetTrackColumns(store.db, boatId, T - 10_000, T - 1)).length, 0);
    assert.equal((await listAssetTrackColumns(store.db, emptyId, T, T + 86_400_000)).length, 0);
  });
});
