// SQLite: the track read as arrays (better-sqlite3's raw mode) rather than as one object per row.
// Building 17,280 seven-property objects through the native API cost about as much as reading
// the rows; arrays cost about half of that, and the JSON and file writers read them directly.
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { type TrackReader, type TrackTuple, trackSql } from './track-reader.ts';

/**
 * The track reader for one better-sqlite3 database. It reads on the driver's connection (a
 * lease, as every query takes), so it waits for a transaction in progress as Kysely would.
 */
export function sqliteTrackReader(database: SQLite.Database): TrackReader {
  const statements = new Map<number, SQLite.Statement>();
  return (db: Kysely<Database>, deviceIds, from, to) =>
    db.connection().execute(async () => {
      let statement = statements.get(deviceIds.length);
      if (!statement) {
        statement = database.prepare(trackSql(deviceIds.length, () => '?')).raw(true);
        if (deviceIds.length <= 8) statements.set(deviceIds.length, statement);
      }
      return statement.all(...deviceIds, from, to) as TrackTuple[];
    });
}
