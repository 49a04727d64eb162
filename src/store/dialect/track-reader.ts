// Reading an asset's track (a day of fixes is 17,280 rows at 5 s) the fastest way a dialect
// allows; positions.repository.ts falls back to the portable Kysely query without one. Both
// give the same rows in the same order.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';

/** A fix of a track: only what tracks, trips and exports read (no attributes to parse). */
export interface TrackRow {
  time: number;
  lat: number;
  lon: number;
  speed: number;
  course: number;
  valid: boolean;
  flags: number;
}

/**
 * A fix of a track as the database hands it over, one array per row (no object to build):
 * the track's JSON and file writers read these straight into text.
 */
export type TrackTuple = [
  time: number,
  lat: number,
  lon: number,
  speed: number,
  course: number,
  /** 1 when the device claimed a satellite fix, else 0. */
  valid: number,
  flags: number,
];

/** The columns of a TrackTuple, in its order. */
export const TRACK_COLUMNS = 'time, lat, lon, speed, course, valid, flags';

/** The fixes of some devices between two instants, both inclusive, oldest first. */
export type TrackReader = (
  db: Kysely<Database>,
  deviceIds: readonly string[],
  from: number,
  to: number,
) => Promise<TrackTuple[]>;

/** One device: `=` keeps the key's time order (no sort); several: merged by ORDER BY. */
export function trackSql(devices: number, param: (i: number) => string): string {
  const which =
    devices === 1
      ? `device_id = ${param(1)}`
      : `device_id in (${Array.from({ length: devices }, (_, i) => param(i + 1)).join(', ')})`;
  return `select ${TRACK_COLUMNS} from positions where ${which} and time >= ${param(devices + 1)} and time <= ${param(devices + 2)} order by time`;
}

const readers = new WeakMap<Kysely<Database>, TrackReader>();

/** Called by a dialect adapter for the Kysely instance it creates. */
export function registerTrackReader(db: Kysely<Database>, reader: TrackReader): void {
  readers.set(db, reader);
}

/** The dialect's track reader for a database opened through an adapter (not a transaction), if any. */
export function trackReaderOf(db: Kysely<Database>): TrackReader | undefined {
  return readers.get(db);
}
