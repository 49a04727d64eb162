import type { Db } from './database.ts';
import type { AssetTable } from './schema.ts';
import { unitPathUnder } from './scope.ts';

/** A field asset: a boat, a crew member, a vehicle. */
export interface Asset {
  id: string;
  kind: string;
  code: string;
  name: string;
  unitId: string;
  /** The first of segmentIds, or null: for readers that know one segment only. */
  segmentId: string | null;
  /** The river segments (责任河段) it patrols, in the order they were given. */
  segmentIds: string[];
  createdAt: number;
  updatedAt: number;
}

function toAsset(r: AssetTable, segmentIds: string[]): Asset {
  return {
    id: r.id,
    kind: r.kind,
    code: r.code,
    name: r.name,
    unitId: r.unit_id,
    segmentId: segmentIds[0] ?? null,
    segmentIds,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Ids per chunk of an `in (…)` list: well below SQLite's 32,766 bound variables. */
const IN_CHUNK = 1000;

/** The segments of each asset, in order; an asset without any is absent from the map. */
async function segmentIdsOf(db: Db, assetIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < assetIds.length; i += IN_CHUNK) {
    const rows = await db
      .selectFrom('asset_segments')
      .select(['asset_id', 'segment_id'])
      .where('asset_id', 'in', assetIds.slice(i, i + IN_CHUNK))
      .orderBy('asset_id')
      .orderBy('ordinal')
      .execute();
    for (const r of rows) out.set(r.asset_id, [...(out.get(r.asset_id) ?? []), r.segment_id]);
  }
  return out;
}

async function withSegments(db: Db, rows: AssetTable[]): Promise<Asset[]> {
  if (rows.length === 0) return [];
  const segments = await segmentIdsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toAsset(r, segments.get(r.id) ?? []));
}

export async function findAsset(db: Db, id: string): Promise<Asset | undefined> {
  const row = await db.selectFrom('assets').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? (await withSegments(db, [row]))[0] : undefined;
}

/** The assets with these ids (those that exist), in no particular order. */
export async function findAssets(db: Db, ids: readonly string[]): Promise<Asset[]> {
  const rows: AssetTable[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    rows.push(
      ...(await db
        .selectFrom('assets')
        .selectAll()
        .where('id', 'in', ids.slice(i, i + IN_CHUNK))
        .execute()),
    );
  }
  return withSegments(db, rows);
}

/** The assets that patrol a segment. */
export async function listAssetsOnSegment(db: Db, segmentId: string): Promise<Asset[]> {
  const rows = await db
    .selectFrom('assets')
    .innerJoin('asset_segments', 'asset_segments.asset_id', 'assets.id')
    .selectAll('assets')
    .where('asset_segments.segment_id', '=', segmentId)
    .orderBy('assets.code')
    .execute();
  return withSegments(db, rows);
}

/**
 * Replaces the segments an asset patrols (in this order) and keeps assets.segment_id the first
 * of them. Runs inside the caller's transaction.
 */
export async function setAssetSegments(
  db: Db,
  assetId: string,
  segmentIds: readonly string[],
): Promise<void> {
  await db.deleteFrom('asset_segments').where('asset_id', '=', assetId).execute();
  if (segmentIds.length > 0) {
    await db
      .insertInto('asset_segments')
      .values(segmentIds.map((segmentId, ordinal) => ({ asset_id: assetId, segment_id: segmentId, ordinal })))
      .execute();
  }
  await db
    .updateTable('assets')
    .set({ segment_id: segmentIds[0] ?? null })
    .where('id', '=', assetId)
    .execute();
}

export async function listAssets(
  db: Db,
  filter: { scopePath: string | null; kind?: string },
): Promise<Asset[]> {
  let q = db.selectFrom('assets').innerJoin('units', 'units.id', 'assets.unit_id').selectAll('assets');
  if (filter.scopePath !== null) q = q.where(unitPathUnder('units.path', filter.scopePath));
  if (filter.kind) q = q.where('assets.kind', '=', filter.kind);
  return withSegments(db, await q.orderBy('assets.code').execute());
}

/** Stores a new asset with its segments (segmentIds; segmentId is taken as their first). Runs inside the caller's transaction. */
export async function insertAsset(db: Db, a: Asset): Promise<void> {
  await db
    .insertInto('assets')
    .values({
      id: a.id,
      kind: a.kind,
      code: a.code,
      name: a.name,
      unit_id: a.unitId,
      segment_id: a.segmentIds[0] ?? null,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    })
    .execute();
  if (a.segmentIds.length > 0) await setAssetSegments(db, a.id, a.segmentIds);
}

export async function updateAsset(
  db: Db,
  id: string,
  patch: Partial<Pick<Asset, 'name' | 'code' | 'unitId' | 'segmentIds'>> & { updatedAt: number },
): Promise<void> {
  await db
    .updateTable('assets')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.code !== undefined && { code: patch.code }),
      ...(patch.unitId !== undefined && { unit_id: patch.unitId }),
      updated_at: patch.updatedAt,
    })
    .where('id', '=', id)
    .execute();
  if (patch.segmentIds !== undefined) await setAssetSegments(db, id, patch.segmentIds);
}

/** Deletes an asset and its segment assignments. Runs inside the caller's transaction. */
export async function deleteAsset(db: Db, id: string): Promise<void> {
  await db.deleteFrom('asset_segments').where('asset_id', '=', id).execute();
  await db.deleteFrom('assets').where('id', '=', id).execute();
}

export async function countDevicesOfAsset(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom('devices')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('asset_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
