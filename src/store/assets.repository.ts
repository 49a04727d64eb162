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
  /** A crew member's login (a user with role crew), if linked. */
  userId: string | null;
  /** The boat a crew member works on (boat_crew), if any. */
  boatId: string | null;
  createdAt: number;
  updatedAt: number;
}

/** An assets row with its boat (boat_crew), as the reads below select it. */
type AssetRow = AssetTable & { boat_id: string | null };

function toAsset(r: AssetRow, segmentIds: string[]): Asset {
  return {
    id: r.id,
    kind: r.kind,
    code: r.code,
    name: r.name,
    unitId: r.unit_id,
    segmentId: segmentIds[0] ?? null,
    segmentIds,
    userId: r.user_id,
    boatId: r.boat_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Ids per chunk of an `in (…)` list: well below SQLite's 32,766 bound variables. */
const IN_CHUNK = 1000;

/** The assets with the boat each crew member is on. */
function selectAssets(db: Db) {
  return db
    .selectFrom('assets')
    .leftJoin('boat_crew', 'boat_crew.member_id', 'assets.id')
    .selectAll('assets')
    .select('boat_crew.boat_id as boat_id');
}

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

async function withSegments(db: Db, rows: AssetRow[]): Promise<Asset[]> {
  if (rows.length === 0) return [];
  const segments = await segmentIdsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toAsset(r, segments.get(r.id) ?? []));
}

export async function findAsset(db: Db, id: string): Promise<Asset | undefined> {
  const row = await selectAssets(db).where('assets.id', '=', id).executeTakeFirst();
  return row ? (await withSegments(db, [row]))[0] : undefined;
}

/** The crew member linked to a login, if any. */
export async function findAssetByUser(db: Db, userId: string): Promise<Asset | undefined> {
  const row = await selectAssets(db).where('assets.user_id', '=', userId).executeTakeFirst();
  return row ? (await withSegments(db, [row]))[0] : undefined;
}

/** The assets with these ids (those that exist), in no particular order. */
export async function findAssets(db: Db, ids: readonly string[]): Promise<Asset[]> {
  const rows: AssetRow[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    rows.push(
      ...(await selectAssets(db)
        .where('assets.id', 'in', ids.slice(i, i + IN_CHUNK))
        .execute()),
    );
  }
  return withSegments(db, rows);
}

export async function listAssets(
  db: Db,
  filter: { scopePath: string | null; kind?: string },
): Promise<Asset[]> {
  let q = selectAssets(db).innerJoin('units', 'units.id', 'assets.unit_id');
  if (filter.scopePath !== null) q = q.where(unitPathUnder('units.path', filter.scopePath));
  if (filter.kind) q = q.where('assets.kind', '=', filter.kind);
  return withSegments(db, await q.orderBy('assets.code').execute());
}

/** The assets that patrol a segment. */
export async function listAssetsOnSegment(db: Db, segmentId: string): Promise<Asset[]> {
  const rows = await selectAssets(db)
    .innerJoin('asset_segments', 'asset_segments.asset_id', 'assets.id')
    .where('asset_segments.segment_id', '=', segmentId)
    .orderBy('assets.code')
    .execute();
  return withSegments(db, rows);
}

/** The crew members on a boat, by code. */
export async function listCrewOf(db: Db, boatId: string): Promise<Asset[]> {
  const rows = await selectAssets(db)
    .where('boat_crew.boat_id', '=', boatId)
    .orderBy('assets.code')
    .execute();
  return withSegments(db, rows);
}

/**
 * Replaces a boat's crew with these members. A member on another boat makes the insert fail on
 * boat_crew's key: the caller checks first and runs this in its transaction.
 */
export async function setCrew(
  db: Db,
  boatId: string,
  memberIds: readonly string[],
  now: number,
): Promise<void> {
  await db.deleteFrom('boat_crew').where('boat_id', '=', boatId).execute();
  if (memberIds.length === 0) return;
  await db
    .insertInto('boat_crew')
    .values(memberIds.map((memberId) => ({ member_id: memberId, boat_id: boatId, assigned_at: now })))
    .execute();
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
      user_id: a.userId,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    })
    .execute();
  if (a.segmentIds.length > 0) await setAssetSegments(db, a.id, a.segmentIds);
}

export async function updateAsset(
  db: Db,
  id: string,
  patch: Partial<Pick<Asset, 'name' | 'code' | 'unitId' | 'segmentIds' | 'userId'>> & { updatedAt: number },
): Promise<void> {
  await db
    .updateTable('assets')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.code !== undefined && { code: patch.code }),
      ...(patch.unitId !== undefined && { unit_id: patch.unitId }),
      ...(patch.userId !== undefined && { user_id: patch.userId }),
      updated_at: patch.updatedAt,
    })
    .where('id', '=', id)
    .execute();
  if (patch.segmentIds !== undefined) await setAssetSegments(db, id, patch.segmentIds);
}

/**
 * Deletes an asset with what hangs on it: its segment assignments, its crew places (as a boat or
 * a member) and its shift plan. Runs inside the caller's transaction.
 */
export async function deleteAsset(db: Db, id: string): Promise<void> {
  await db.deleteFrom('asset_segments').where('asset_id', '=', id).execute();
  await db
    .deleteFrom('boat_crew')
    .where((eb) => eb.or([eb('member_id', '=', id), eb('boat_id', '=', id)]))
    .execute();
  await db.deleteFrom('shift_plans').where('owner_id', '=', id).execute();
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
