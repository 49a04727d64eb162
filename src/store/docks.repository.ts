import { type SqlBool, sql } from 'kysely';
import type { Db } from './database.ts';
import type { DockTable } from './schema.ts';
import { unitPathUnder } from './scope.ts';

/**
 * A dock (码头/停靠点) as the services see it. It has the shape of the fleet domain's `Dock`
 * (id, lat, lon, radiusM), so a list of these goes to `dockIdAt` and the stop rules as it is.
 */
export interface DockRecord {
  id: string;
  name: string;
  lat: number;
  lon: number;
  radiusM: number;
  unitId: string;
  createdAt: number;
  updatedAt: number;
}

function toDock(r: DockTable): DockRecord {
  return {
    id: r.id,
    name: r.name,
    lat: r.lat,
    lon: r.lon,
    radiusM: r.radius_m,
    unitId: r.unit_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The dock with this id, if any. */
export async function findDock(db: Db, id: string): Promise<DockRecord | undefined> {
  const row = await db.selectFrom('docks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toDock(row) : undefined;
}

/**
 * Docks by name: those held by a unit under `scopePath` (null or absent = all of them, as the
 * track and stop rules read them).
 */
export async function listDocks(db: Db, filter: { scopePath?: string | null } = {}): Promise<DockRecord[]> {
  let q = db.selectFrom('docks').innerJoin('units', 'units.id', 'docks.unit_id').selectAll('docks');
  if (filter.scopePath) q = q.where(unitPathUnder('units.path', filter.scopePath));
  const rows = await q.orderBy('docks.name').orderBy('docks.id').execute();
  return rows.map(toDock);
}

/**
 * The boats whose stops a dock may be at: those held by the dock's unit or by a unit above it (a
 * boat reads the docks of its unit's subtree, as listDocks with its unit's path). None when the
 * dock is unknown.
 */
export async function listBoatIdsServedByDock(db: Db, dockId: string): Promise<string[]> {
  const dock = await db
    .selectFrom('docks')
    .innerJoin('units', 'units.id', 'docks.unit_id')
    .select('units.path')
    .where('docks.id', '=', dockId)
    .executeTakeFirst();
  if (!dock) return [];
  // The boat's unit path is a prefix of the dock's (paths hold no LIKE wildcards: store/scope.ts).
  const rows = await db
    .selectFrom('assets')
    .innerJoin('units', 'units.id', 'assets.unit_id')
    .select('assets.id')
    .where('assets.kind', '=', 'boat')
    .where(sql<SqlBool>`${dock.path} like ${sql.ref('units.path')} || '%'`)
    .execute();
  return rows.map((r) => r.id);
}

/** Stores a new dock. */
export async function insertDock(db: Db, d: DockRecord): Promise<void> {
  await db
    .insertInto('docks')
    .values({
      id: d.id,
      name: d.name,
      lat: d.lat,
      lon: d.lon,
      radius_m: d.radiusM,
      unit_id: d.unitId,
      created_at: d.createdAt,
      updated_at: d.updatedAt,
    })
    .execute();
}

/** Changes the given fields of a dock. */
export async function updateDock(
  db: Db,
  id: string,
  patch: Partial<Pick<DockRecord, 'name' | 'lat' | 'lon' | 'radiusM' | 'unitId'>> & { updatedAt: number },
): Promise<void> {
  await db
    .updateTable('docks')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.lat !== undefined && { lat: patch.lat }),
      ...(patch.lon !== undefined && { lon: patch.lon }),
      ...(patch.radiusM !== undefined && { radius_m: patch.radiusM }),
      ...(patch.unitId !== undefined && { unit_id: patch.unitId }),
      updated_at: patch.updatedAt,
    })
    .where('id', '=', id)
    .execute();
}

/** Deletes a dock. */
export async function deleteDock(db: Db, id: string): Promise<void> {
  await db.deleteFrom('docks').where('id', '=', id).execute();
}
