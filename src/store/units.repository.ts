import type { Db } from './database.ts';
import { parseJson, toJson } from './dialect/json.ts';
import { cachedRead, invalidateReads } from './read-cache.ts';
import type { UnitTable } from './schema.ts';
import { unitPathUnder } from './scope.ts';

/** A unit as the services see it. */
export interface Unit {
  id: string;
  kind: string;
  parentId: string | null;
  path: string;
  code: string;
  name: string;
  polygon: unknown | null;
  createdAt: number;
  updatedAt: number;
}

function toUnit(row: UnitTable): Unit {
  return {
    id: row.id,
    kind: row.kind,
    parentId: row.parent_id,
    path: row.path,
    code: row.code,
    name: row.name,
    polygon: parseJson(row.polygon),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function findUnit(db: Db, id: string): Promise<Unit | undefined> {
  return cachedRead(db, 'units', `id:${id}`, async () => {
    const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUnit(row) : undefined;
  });
}

export function findUnitByCode(db: Db, code: string): Promise<Unit | undefined> {
  return cachedRead(db, 'units', `code:${code}`, async () => {
    const row = await db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
    return row ? toUnit(row) : undefined;
  });
}

/** Units under a path prefix (null = all), ordered by code so trees and locate results are stable. */
export async function listUnits(
  db: Db,
  filter: { scopePath: string | null; kind?: string; parentId?: string },
): Promise<readonly Unit[]> {
  const key = `list:${filter.scopePath}|${filter.kind ?? ''}|${filter.parentId ?? ''}`;
  return cachedRead(db, 'units', key, async () => {
    let q = db.selectFrom('units').selectAll();
    if (filter.scopePath !== null) q = q.where(unitPathUnder('path', filter.scopePath));
    if (filter.kind) q = q.where('kind', '=', filter.kind);
    if (filter.parentId) q = q.where('parent_id', '=', filter.parentId);
    const rows = await q.orderBy('code').execute();
    return rows.map(toUnit);
  });
}

export async function insertUnit(db: Db, unit: Unit): Promise<void> {
  invalidateReads(db, 'units');
  await db
    .insertInto('units')
    .values({
      id: unit.id,
      kind: unit.kind,
      parent_id: unit.parentId,
      path: unit.path,
      code: unit.code,
      name: unit.name,
      polygon: toJson(unit.polygon),
      created_at: unit.createdAt,
      updated_at: unit.updatedAt,
    })
    .execute();
}

export async function updateUnit(
  db: Db,
  id: string,
  patch: Partial<Pick<Unit, 'name' | 'code' | 'polygon' | 'parentId' | 'path'>> & { updatedAt: number },
): Promise<void> {
  invalidateReads(db, 'units');
  await db
    .updateTable('units')
    .set({
      ...(patch.name !== undefined && { name: patch.name }),
      ...(patch.code !== undefined && { code: patch.code }),
      ...(patch.polygon !== undefined && { polygon: toJson(patch.polygon) }),
      ...(patch.parentId !== undefined && { parent_id: patch.parentId }),
      ...(patch.path !== undefined && { path: patch.path }),
      updated_at: patch.updatedAt,
    })
    .where('id', '=', id)
    .execute();
}

/** Rewrites the materialised path of every descendant after a move. */
export async function repathSubtree(db: Db, oldPath: string, newPath: string): Promise<void> {
  invalidateReads(db, 'units');
  const rows = await db
    .selectFrom('units')
    .select(['id', 'path'])
    .where(unitPathUnder('path', oldPath))
    .where('path', '!=', oldPath)
    .execute();
  for (const row of rows) {
    await db
      .updateTable('units')
      .set({ path: newPath + row.path.slice(oldPath.length) })
      .where('id', '=', row.id)
      .execute();
  }
}

/** Deletes a unit and its default shift plan (a setting of the unit, not a reference to it). */
export async function deleteUnit(db: Db, id: string): Promise<void> {
  invalidateReads(db, 'units');
  await db.deleteFrom('units').where('id', '=', id).execute();
  await db.deleteFrom('shift_plans').where('owner_id', '=', id).execute();
}

export async function countChildren(db: Db, id: string): Promise<number> {
  const row = await db
    .selectFrom('units')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parent_id', '=', id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * What still points at a unit, by table, for the 409 that explains why it cannot be deleted.
 * Orders and order_units hold no foreign key to units (their history must survive a
 * reorganisation), so only this count keeps an order from naming a unit that is gone.
 */
export async function unitReferences(db: Db, id: string): Promise<Record<string, number>> {
  const n = (row: { n: number | string | bigint }) => Number(row.n);
  const byUnitId = async (table: 'users' | 'segments' | 'assets' | 'docks' | 'devices' | 'order_units') =>
    n(
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('unit_id', '=', id)
        .executeTakeFirstOrThrow(),
    );
  const counts: Record<string, number> = {
    users: await byUnitId('users'),
    segments: await byUnitId('segments'),
    assets: await byUnitId('assets'),
    docks: await byUnitId('docks'),
    devices: await byUnitId('devices'),
    categories: n(
      await db
        .selectFrom('categories')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('default_unit_id', '=', id)
        .executeTakeFirstOrThrow(),
    ),
    orders: n(
      await db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) =>
          eb.or([eb('responsible_unit_id', '=', id), eb('grid_id', '=', id), eb('community_id', '=', id)]),
        )
        .executeTakeFirstOrThrow(),
    ),
    order_units: await byUnitId('order_units'),
  };
  const refs: Record<string, number> = {};
  for (const [what, k] of Object.entries(counts)) if (k > 0) refs[what] = k;
  return refs;
}
