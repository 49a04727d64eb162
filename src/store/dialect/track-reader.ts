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

/** The fixes of some devices between two instants, both inclusive, oldest first. */
export type TrackReader = (
  db: Kysely<Database>,
  deviceIds: readonly string[],
  from: number,
  to: number,
) => Promise<TrackRow[]>;

const readers = new WeakMap<Kysely<Database>, TrackReader>();

/** Called by a dialect adapter for the Kysely instance it creates. */
export function registerTrackReader(db: Kysely<Database>, reader: TrackReader): void {
  readers.set(db, reader);
}

/** The dialect's track reader for a database opened through an adapter (not a transaction), if any. */
export function trackReaderOf(db: Kysely<Database>): TrackReader | undefined {
  return readers.get(db);
}
