import type { LineGeometry } from '../domain/fleet/index.ts';
import type { Position } from '../domain/org/polygon.ts';
import type { Db } from './database.ts';
import { parseJson, toJson } from './dialect/json.ts';
import type { SegmentTable } from './schema.ts';

/** A GeoJSON LineString in WGS-84, positions in [lon, lat] order. */
export interface LineStringGeometry {
  type: 'LineString';
  coordinates: Position[];
}

/** A river segment (责任河段) as the services see it. */
export interface Segment {
  id: string;
  code: string;
  name: string;
  geometry: LineGeometry;
  halfWidthM: number;
  unitId: string | null;
  createdAt: number;
}

function toSegment(row: SegmentTable): Segment {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    // The column is NOT NULL, so the parsed value is always present.
    geometry: parseJson<LineGeometry>(row.geometry) as LineGeometry,
    halfWidthM: row.half_width_m,
    unitId: row.unit_id,
    createdAt: row.created_at,
  };
}

/** Stores a new segment. */
export async function insertSegment(db: Db, segment: Segment): Promise<void> {
  await db
    .insertInto('segments')
    .values({
      id: segment.id,
      code: segment.code,
      name: segment.name,
      geometry: toJson(segment.geometry),
      half_width_m: segment.halfWidthM,
      unit_id: segment.unitId,
      created_at: segment.createdAt,
    })
    .execute();
}

/** The segment with this id, if any. */
export async function findSegment(db: Db, id: string): Promise<Segment | undefined> {
  const row = await db.selectFrom('segments').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSegment(row) : undefined;
}

/** The segment with this code, if any. */
export async function findSegmentByCode(db: Db, code: string): Promise<Segment | undefined> {
  const row = await db.selectFrom('segments').selectAll().where('code', '=', code).executeTakeFirst();
  return row ? toSegment(row) : undefined;
}

/** Segments, optionally of one responsible unit, ordered by code so lists are stable. */
export async function listSegments(db: Db, filter: { unitId?: string } = {}): Promise<Segment[]> {
  let q = db.selectFrom('segments').selectAll();
  if (filter.unitId) q = q.where('unit_id', '=', filter.unitId);
  const rows = await q.orderBy('code').execute();
  return rows.map(toSegment);
}

/** Changes the given fields of a segment. */
export async function updateSegment(
  db: Db,
  id: string,
  patch: Partial<Pick<Segment, 'code' | 'name' | 'geometry' | 'halfWidthM' | 'unitId'>>,
): Promise<void> {
  const set = {
    ...(patch.code !== undefined && { code: patch.code }),
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.geometry !== undefined && { geometry: toJson(patch.geometry) }),
    ...(patch.halfWidthM !== undefined && { half_width_m: patch.halfWidthM }),
    ...(patch.unitId !== undefined && { unit_id: patch.unitId }),
  };
  if (Object.keys(set).length === 0) return;
  await db.updateTable('segments').set(set).where('id', '=', id).execute();
}

/** Deletes a segment (the caller has checked that no asset patrols it). */
export async function deleteSegment(db: Db, id: string): Promise<void> {
  await db.deleteFrom('segments').where('id', '=', id).execute();
}
