import { sql } from 'kysely';
import type { Db } from './database.ts';
import type { UnloadTable } from './schema.ts';
import { unitPathUnder } from './scope.ts';

/** A stored rubbish unload. */
export interface UnloadRecord {
  id: string;
  assetId: string;
  at: number;
  tonnes: number;
  dockId: string | null;
  lat: number | null;
  lon: number | null;
  photoId: string | null;
  recordedBy: string | null;
  createdAt: number;
}

function toUnload(r: UnloadTable): UnloadRecord {
  return {
    id: r.id,
    assetId: r.asset_id,
    at: r.at,
    tonnes: r.tonnes,
    dockId: r.dock_id,
    lat: r.lat,
    lon: r.lon,
    photoId: r.photo_id,
    recordedBy: r.recorded_by,
    createdAt: r.created_at,
  };
}

function toRow(u: UnloadRecord): UnloadTable {
  return {
    id: u.id,
    asset_id: u.assetId,
    at: u.at,
    tonnes: u.tonnes,
    dock_id: u.dockId,
    lat: u.lat,
    lon: u.lon,
    photo_id: u.photoId,
    recorded_by: u.recordedBy,
    created_at: u.createdAt,
  };
}

/** Stores unloads (one, or a seeded month in chunks). */
export async function insertUnloads(db: Db, unloads: readonly UnloadRecord[]): Promise<void> {
  for (let i = 0; i < unloads.length; i += 500) {
    await db
      .insertInto('unloads')
      .values(unloads.slice(i, i + 500).map(toRow))
      .execute();
  }
}

/** Which unloads a list reads: of boats held under a scope path (null: all), or of one asset, at in [from, to). */
export interface UnloadFilter {
  scopePath: string | null;
  assetId?: string;
  from: number;
  to: number;
}

function filtered(db: Db, f: UnloadFilter) {
  let q = db
    .selectFrom('unloads')
    .innerJoin('assets', 'assets.id', 'unloads.asset_id')
    .innerJoin('units', 'units.id', 'assets.unit_id')
    .where('unloads.at', '>=', f.from)
    .where('unloads.at', '<', f.to);
  if (f.scopePath !== null) q = q.where(unitPathUnder('units.path', f.scopePath));
  if (f.assetId) q = q.where('unloads.asset_id', '=', f.assetId);
  return q;
}

/** A page of unloads, newest first, after the keyset cursor (at, id) when given. */
export async function listUnloads(
  db: Db,
  f: UnloadFilter & { limit: number; after?: { at: number; id: string } },
): Promise<UnloadRecord[]> {
  let q = filtered(db, f).selectAll('unloads');
  const after = f.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('unloads.at', '<', after.at),
        eb.and([eb('unloads.at', '=', after.at), eb('unloads.id', '<', after.id)]),
      ]),
    );
  }
  const rows = await q.orderBy('unloads.at', 'desc').orderBy('unloads.id', 'desc').limit(f.limit).execute();
  return rows.map(toUnload);
}

/** How many unloads match and their tonnes in all. */
export async function sumUnloads(db: Db, f: UnloadFilter): Promise<{ count: number; tonnes: number }> {
  const row = await filtered(db, f)
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      sql<number | string | null>`sum(${sql.ref('unloads.tonnes')})`.as('t'),
    ])
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), tonnes: Number(row.t ?? 0) };
}
