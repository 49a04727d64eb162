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
  segmentId: string | null;
  createdAt: number;
  updatedAt: number;
}

function toAsset(r: AssetTable): Asset {
  return {
    id: r.id,
    kind: r.kind,
    code: r.code,
    name: r.name,
    unitId: r.unit_id,
    segmentId: r.segment_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function findAsset(db: Db, id: string): Promise<Asset | undefined> {
  const row = await db.selectFrom('assets').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAsset(row) : undefined;
}

export async function listAssets(
  db: Db,
  filter: { scopePath: string | null; kind?: string },
): Promise<Asset[]> {
  let q = db.selectFrom('assets').innerJoin('units', 'units.id', 'assets.unit_id').selectAll('assets');
  if (filter.scopePath !== null) q = q.where(unitPathUnder('units.path', filter.scopePath));
  if (filter.kind) q = q.where('assets.kind', '=', filter.kind);
  return (await q.orderBy('assets.code').execute()).map(toAsset);
}

export async function insertAsset(db: Db, a: Asset): Promise<void> {
  await db
    .insertInto('assets')
    .values({
      id: a.id,
      kind: a.kind,
      code: a.code,
      name: a.name,
      unit_id: a.unitId,
      segment_id: a.segmentId,
      created_at: a.createdAt,
      updated_at: a.updatedAt,
    })
    .execute();
}

export async function updateAsset(
  db: Db,
  id: string,
  patch: Partial<Pick<Asset, 'name' | 'code' | 'unitId' | 'segmentId'>> & { updatedAt: number },
): Promise<void> {
  await db
    .updateTable('assets')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.code !== undefined && { code: patch.code }),
      ...(patch.unitId !== undefined && { unit_id: patch.unitId }),
      ...(patch.segmentId !== undefined && { segment_id: patch.segmentId }),
      updated_at: patch.updatedAt,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteAsset(db: Db, id: string): Promise<void> {
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
