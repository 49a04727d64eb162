import type { Db } from './database.ts';
import { touchDevices } from './devices.repository.ts';
import { parseJson } from './dialect/json.ts';
import { registeredPositionBatchWriterOf } from './dialect/position-batch.ts';
import {
  columnsOfTuples,
  type TrackColumns,
  type TrackRow,
  type TrackTuple,
  trackColumnsReaderOf,
  trackReaderOf,
} from './dialect/track-reader.ts';
import type { PositionTable } from './schema.ts';

/** A stored position. */
export interface StoredPosition {
  deviceId: string;
  time: number;
  serverTime: number;
  lat: number;
  lon: number;
  speed: number;
  course: number;
  altitude: number;
  valid: boolean;
  flags: number;
  attributes: Record<string, unknown>;
}

function toRow(p: StoredPosition): PositionTable {
  return {
    device_id: p.deviceId,
    time: p.time,
    server_time: p.serverTime,
    lat: p.lat,
    lon: p.lon,
    speed: p.speed,
    course: p.course,
    altitude: p.altitude,
    valid: p.valid ? 1 : 0,
    flags: p.flags,
    attributes: hasKeys(p.attributes) ? attributesJson(p.attributes) : null,
  };
}

function hasKeys(value: Record<string, unknown>): boolean {
  for (const _ in value) return true;
  return false;
}

/**
 * Serialises attributes. PostgreSQL's JSONB refuses NUL characters and lone surrogates, and one
 * such row would fail a whole group commit, so device text is made storable first.
 */
function attributesJson(attributes: Record<string, unknown>): string {
  // JSON.stringify writes a NUL as \u0000 and a lone surrogate as \udXXX: without any "\u" in
  // its output there is nothing to fix, and the replacer (a call per value) is skipped.
  const plain = JSON.stringify(attributes);
  if (!plain.includes('\\u')) return plain;
  return JSON.stringify(attributes, (_key, value) =>
    typeof value === 'string' ? storableText(value) : value,
  );
}

/** Lone UTF-16 surrogates: valid in a JS string, refused by PostgreSQL's JSON parser. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text both databases store as given: no NUL, no lone surrogate (replaced by U+FFFD). */
function storableText(value: string): string {
  const withoutNul = value.includes('\0') ? value.replaceAll('\0', '') : value;
  return withoutNul.replace(LONE_SURROGATE, '\uFFFD');
}

function fromRow(r: PositionTable): StoredPosition {
  return {
    deviceId: r.device_id,
    time: r.time,
    serverTime: r.server_time,
    lat: r.lat,
    lon: r.lon,
    speed: r.speed,
    course: r.course,
    altitude: r.altitude,
    valid: r.valid === 1,
    flags: r.flags,
    attributes: parseJson<Record<string, unknown>>(r.attributes) ?? {},
  };
}

/** Rows per INSERT: SQLite allows 32,766 bound variables; 11 columns × 1,000 rows stays well below. */
const CHUNK = 1000;

/**
 * Stores positions; a (device, time) already stored is skipped (de-duplication). Returns how
 * many were new. Runs inside the caller's transaction.
 */
export async function insertPositions(db: Db, positions: StoredPosition[]): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < positions.length; i += CHUNK) {
    const rows = positions.slice(i, i + CHUNK).map(toRow);
    const result = await db
      .insertInto('positions')
      .values(rows)
      .onConflict((oc) => oc.columns(['device_id', 'time']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

/** Moves each device's latest position forward (never backwards: late fixes do not replace it). */
export async function upsertLatest(db: Db, positions: StoredPosition[]): Promise<void> {
  for (const p of positions) {
    await db
      .insertInto('latest_positions')
      .values(toRow(p))
      .onConflict((oc) =>
        oc
          .column('device_id')
          .doUpdateSet((eb) => ({
            time: eb.ref('excluded.time'),
            server_time: eb.ref('excluded.server_time'),
            lat: eb.ref('excluded.lat'),
            lon: eb.ref('excluded.lon'),
            speed: eb.ref('excluded.speed'),
            course: eb.ref('excluded.course'),
            altitude: eb.ref('excluded.altitude'),
            valid: eb.ref('excluded.valid'),
            flags: eb.ref('excluded.flags'),
            attributes: eb.ref('excluded.attributes'),
          }))
          .where('latest_positions.time', '<', (eb) => eb.ref('excluded.time')),
      )
      .execute();
  }
}

/**
 * One group commit in one transaction: the positions (duplicates skipped), each device's latest
 * position (`latest`: at most one per device, never moved backwards) and when each device was last
 * heard from (`seen`). Uses the dialect's batch writer when it has one, the portable queries
 * above otherwise; both give the same rows.
 */
export async function commitPositionBatch(
  db: Db,
  positions: readonly StoredPosition[],
  latest: readonly StoredPosition[],
  seen: Map<string, number>,
): Promise<void> {
  const fast = registeredPositionBatchWriterOf(db);
  if (fast?.atomic) return fast.write(db, { rows: positions.map(toRow), latest: latest.map(toRow), seen });
  await db.transaction().execute(async (trx) => {
    if (fast) return fast.write(trx, { rows: positions.map(toRow), latest: latest.map(toRow), seen });
    await insertPositions(trx, [...positions]);
    await upsertLatest(trx, [...latest]);
    await touchDevices(trx, seen);
  });
}

/** A device's track between two instants, oldest first. */
export async function listPositions(
  db: Db,
  deviceId: string,
  from: number,
  to: number,
  limit: number,
): Promise<StoredPosition[]> {
  const rows = await db
    .selectFrom('positions')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('time', '>=', from)
    .where('time', '<=', to)
    .orderBy('time')
    .limit(limit)
    .execute();
  return rows.map(fromRow);
}

/** Latest positions of the given devices. */
export async function listLatest(db: Db, deviceIds: string[]): Promise<StoredPosition[]> {
  if (deviceIds.length === 0) return [];
  const rows = await db
    .selectFrom('latest_positions')
    .selectAll()
    .where('device_id', 'in', deviceIds)
    .execute();
  return rows.map(fromRow);
}

export async function findLatest(db: Db, deviceId: string): Promise<StoredPosition | undefined> {
  const row = await db
    .selectFrom('latest_positions')
    .selectAll()
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** A fix of an asset's track: only what tracks, trips and exports read (no attributes to parse). */
export type AssetTrackRow = TrackRow;

/** A fix of an asset's track as one array: [time, lat, lon, speed, course, valid (1/0), flags]. */
export type AssetTrackTuple = TrackTuple;

/**
 * The fixes of every device mounted on an asset (devices.asset_id) between two instants, both
 * inclusive, oldest first, as arrays (what the track's writers read). The positions are one range
 * scan of the (device_id, time) key: with one device (the usual boat) already in time order, with
 * several merged by the database. The dialect's own reader when it has one, the Kysely query
 * otherwise (in a transaction).
 */
export async function listAssetTrackTuples(
  db: Db,
  assetId: string,
  from: number,
  to: number,
): Promise<AssetTrackTuple[]> {
  const devices = await db.selectFrom('devices').select('id').where('asset_id', '=', assetId).execute();
  if (devices.length === 0) return [];
  const ids = devices.map((d) => d.id);
  const fast = trackReaderOf(db);
  if (fast) return fast(db, ids, from, to);
  const rows = await db
    .selectFrom('positions')
    .select(['time', 'lat', 'lon', 'speed', 'course', 'valid', 'flags'])
    .where((eb) => (ids.length === 1 ? eb('device_id', '=', ids[0] as string) : eb('device_id', 'in', ids)))
    .where('time', '>=', from)
    .where('time', '<=', to)
    .orderBy('time')
    .execute();
  return rows.map((r) => [r.time, r.lat, r.lon, r.speed, r.course, r.valid, r.flags]);
}

/**
 * As listAssetTrackTuples without the course, column by column (what the day summaries read):
 * through the dialect's columns reader where it has one, else from the tuples.
 */
export async function listAssetTrackColumns(
  db: Db,
  assetId: string,
  from: number,
  to: number,
): Promise<TrackColumns> {
  const devices = await db.selectFrom('devices').select('id').where('asset_id', '=', assetId).execute();
  const ids = devices.map((d) => d.id);
  const fast = ids.length > 0 ? trackColumnsReaderOf(db) : undefined;
  if (fast) return fast(db, ids, from, to);
  return columnsOfTuples(await listAssetTrackTuples(db, assetId, from, to));
}

/** As listAssetTrackTuples, each fix as an object (what trips and stops read). */
export async function listAssetTrack(
  db: Db,
  assetId: string,
  from: number,
  to: number,
): Promise<AssetTrackRow[]> {
  const tuples = await listAssetTrackTuples(db, assetId, from, to);
  const rows: AssetTrackRow[] = new Array(tuples.length);
  for (let i = 0; i < tuples.length; i++) {
    const r = tuples[i] as AssetTrackTuple;
    rows[i] = { time: r[0], lat: r[1], lon: r[2], speed: r[3], course: r[4], valid: r[5] === 1, flags: r[6] };
  }
  return rows;
}

/**
 * The first usable fix (valid, not 0,0) of any of these devices with a time in [from, to): the
 * cheap "did it report during this shift" question of derived duty, answered on the primary key.
 */
export async function findFirstUsableFix(
  db: Db,
  deviceIds: readonly string[],
  from: number,
  to: number,
): Promise<StoredPosition | undefined> {
  let first: StoredPosition | undefined;
  for (const deviceId of deviceIds) {
    const row = await db
      .selectFrom('positions')
      .selectAll()
      .where('device_id', '=', deviceId)
      .where('time', '>=', from)
      .where('time', '<', first ? first.time : to)
      .where('valid', '=', 1)
      .where((eb) => eb.or([eb('lat', '!=', 0), eb('lon', '!=', 0)]))
      .orderBy('time')
      .limit(1)
      .executeTakeFirst();
    if (row) first = fromRow(row);
  }
  return first;
}

/** Of these devices' fixes within [from, to], the one nearest in time to `at` (usable ones only), if any. */
export async function findFixNearest(
  db: Db,
  deviceIds: readonly string[],
  at: number,
  from: number,
  to: number,
): Promise<StoredPosition | undefined> {
  let best: StoredPosition | undefined;
  for (const deviceId of deviceIds) {
    for (const direction of ['before', 'after'] as const) {
      const row = await db
        .selectFrom('positions')
        .selectAll()
        .where('device_id', '=', deviceId)
        .where('time', direction === 'before' ? '<=' : '>', at)
        .where('time', direction === 'before' ? '>=' : '<=', direction === 'before' ? from : to)
        .where('valid', '=', 1)
        .where((eb) => eb.or([eb('lat', '!=', 0), eb('lon', '!=', 0)]))
        .orderBy('time', direction === 'before' ? 'desc' : 'asc')
        .limit(1)
        .executeTakeFirst();
      if (row && (!best || Math.abs(row.time - at) < Math.abs(best.time - at))) best = fromRow(row);
    }
  }
  return best;
}
