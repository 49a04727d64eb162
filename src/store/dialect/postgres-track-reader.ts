// PostgreSQL: the track read through the pool in pg's array row mode, a prepared statement per
// device count: no Kysely compile step and no object per row. int8 and numeric come back as
// numbers through the pool's type parsers (postgres.ts), as on SQLite.
import type pg from 'pg';
import { type TrackReader, type TrackTuple, trackSql } from './track-reader.ts';

/** The track reader for one pg pool. */
export function postgresTrackReader(pool: pg.Pool): TrackReader {
  return async (_db, deviceIds, from, to) => {
    const n = deviceIds.length;
    const result = await pool.query<TrackTuple>({
      // A named statement is parsed and planned once per connection.
      ...(n <= 8 && { name: `zs_track_${n}` }),
      text: trackSql(n, (i) => `$${i}`),
      values: [...deviceIds, from, to],
      rowMode: 'array',
    });
    return result.rows;
  };
}
