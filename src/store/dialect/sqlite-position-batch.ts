// SQLite: prepared statements run once per row on better-sqlite3's own handle. Each run is a
// microsecond or two, where building and compiling a Kysely query (and preparing its SQL) per
// row or per 1,000-row VALUES list costs far more than the insert itself. The statements run on
// the connection Kysely has handed to the transaction, so they are part of it.
import type SQLite from 'better-sqlite3';
import type { PositionTable } from '../schema.ts';
import { POSITION_COLUMNS, type PositionBatchWriter } from './position-batch.ts';

const columns = POSITION_COLUMNS.join(', ');
const placeholders = POSITION_COLUMNS.map(() => '?').join(', ');
const updates = POSITION_COLUMNS.filter((c) => c !== 'device_id')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');

/** Runs `statement` with a row's columns as arguments (no array per row). */
function runRow(statement: SQLite.Statement, r: PositionTable): void {
  statement.run(
    r.device_id,
    r.time,
    r.server_time,
    r.lat,
    r.lon,
    r.speed,
    r.course,
    r.altitude,
    r.valid,
    r.flags,
    r.attributes,
  );
}

/** The batch writer for one better-sqlite3 database; statements are prepared on first use (after migrations). */
export function sqlitePositionBatchWriter(database: SQLite.Database): PositionBatchWriter {
  let statements: { insert: SQLite.Statement; latest: SQLite.Statement; touch: SQLite.Statement } | undefined;
  return async (_trx, batch) => {
    statements ??= {
      insert: database.prepare(
        `insert into positions (${columns}) values (${placeholders}) on conflict (device_id, time) do nothing`,
      ),
      latest: database.prepare(
        `insert into latest_positions (${columns}) values (${placeholders}) on conflict (device_id) ` +
          `do update set ${updates} where latest_positions.time < excluded.time`,
      ),
      touch: database.prepare(
        'update devices set last_seen_at = ? where id = ? and (last_seen_at is null or last_seen_at < ?)',
      ),
    };
    const { insert, latest, touch } = statements;
    for (const row of batch.rows) runRow(insert, row);
    for (const row of batch.latest) runRow(latest, row);
    for (const [id, at] of batch.seen) touch.run(at, id, at);
  };
}
