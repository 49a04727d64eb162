import type { ClockFlag } from '../domain/fleet/index.ts';
import type { Db } from './database.ts';
import { parseJson, toJson } from './dialect/json.ts';
import type { ClockEventTable } from './schema.ts';

/** A stored clock-in or clock-out. */
export interface ClockEventRecord {
  id: string;
  kind: 'in' | 'out';
  memberId: string;
  boatId: string;
  userId: string;
  at: number;
  recordedAt: number;
  lat: number;
  lon: number;
  distanceM: number | null;
  flags: ClockFlag[];
  photoId: string | null;
}

function toEvent(r: ClockEventTable): ClockEventRecord {
  return {
    id: r.id,
    kind: r.kind === 'out' ? 'out' : 'in',
    memberId: r.member_id,
    boatId: r.boat_id,
    userId: r.user_id,
    at: r.at,
    recordedAt: r.recorded_at,
    lat: r.lat,
    lon: r.lon,
    distanceM: r.distance_m,
    flags: parseJson<ClockFlag[]>(r.flags) ?? [],
    photoId: r.photo_id,
  };
}

/** Stores a clock event. */
export async function insertClockEvent(db: Db, e: ClockEventRecord): Promise<void> {
  await db
    .insertInto('clock_events')
    .values({
      id: e.id,
      kind: e.kind,
      member_id: e.memberId,
      boat_id: e.boatId,
      user_id: e.userId,
      at: e.at,
      recorded_at: e.recordedAt,
      lat: e.lat,
      lon: e.lon,
      distance_m: e.distanceM,
      flags: toJson(e.flags) ?? '[]',
      photo_id: e.photoId,
    })
    .execute();
}

/** The clock events of these boats with `at` in [from, to), oldest first. */
export async function listClockEvents(
  db: Db,
  filter: { boatIds: readonly string[]; from: number; to: number },
): Promise<ClockEventRecord[]> {
  const out: ClockEventRecord[] = [];
  for (let i = 0; i < filter.boatIds.length; i += 1000) {
    const rows = await db
      .selectFrom('clock_events')
      .selectAll()
      .where('boat_id', 'in', filter.boatIds.slice(i, i + 1000))
      .where('at', '>=', filter.from)
      .where('at', '<', filter.to)
      .orderBy('at')
      .orderBy('id')
      .execute();
    out.push(...rows.map(toEvent));
  }
  return out.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
}

/** A member's latest clock event at or before `at`, if any. */
export async function findLastClockEvent(
  db: Db,
  memberId: string,
  at: number,
): Promise<ClockEventRecord | undefined> {
  const row = await db
    .selectFrom('clock_events')
    .selectAll()
    .where('member_id', '=', memberId)
    .where('at', '<=', at)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row ? toEvent(row) : undefined;
}
