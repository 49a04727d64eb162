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

/**
 * A track column by column: what the day summaries read (no course), with no array or object a
 * fix, so a dialect can hand it over in a few buffers (postgres-track-columns.ts).
 */
export interface TrackColumns {
  length: number;
  time: Float64Array;
  lat: Float64Array;
  lon: Float64Array;
  speed: Float64Array;
  /** 1 when the device claimed a satellite fix, else 0. */
  valid: Uint8Array;
  flags: Int32Array;
}

/** Empty columns of `length` fixes, to fill. */
export function trackColumns(length: number): TrackColumns {
  return {
    length,
    time: new Float64Array(length),
    lat: new Float64Array(length),
    lon: new Float64Array(length),
    speed: new Float64Array(length),
    valid: new Uint8Array(length),
    flags: new Int32Array(length),
  };
}

/** Tuples (a TrackReader's answer) as columns. */
export function columnsOfTuples(tuples: readonly TrackTuple[]): TrackColumns {
  const out = trackColumns(tuples.length);
  for (let i = 0; i < tuples.length; i++) {
    const [time, lat, lon, speed, , valid, flags] = tuples[i] as TrackTuple;
    out.time[i] = time;
    out.lat[i] = lat;
    out.lon[i] = lon;
    out.speed[i] = speed;
    out.valid[i] = valid;
    out.flags[i] = flags;
  }
  return out;
}

/** As TrackReader, the fixes as columns (same rows, same order). */
export type TrackColumnsReader = (
  db: Kysely<Database>,
  deviceIds: readonly string[],
  from: number,
  to: number,
) => Promise<TrackColumns>;

const columnReaders = new WeakMap<Kysely<Database>, TrackColumnsReader>();

/** Called by a dialect adapter whose database hands columns over faster than rows. */
export function registerTrackColumnsReader(db: Kysely<Database>, reader: TrackColumnsReader): void {
  columnReaders.set(db, reader);
}

/** The dialect's columns reader, if any (else read tuples and use columnsOfTuples). */
export function trackColumnsReaderOf(db: Kysely<Database>): TrackColumnsReader | undefined {
  return columnReaders.get(db);
}
