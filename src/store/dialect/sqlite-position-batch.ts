// SQLite: prepared statements run once per row on better-sqlite3's own handle. Each run is a
// microsecond or two, where building and compiling a Kysely query (and preparing its SQL) per
// row or per 1,000-row VALUES list costs far more than the insert itself.
//
// The batch joins the driver's open group-commit transaction directly, not through Kysely's
// transaction(): that one is a SAVEPOINT inside the group commit, and under a savepoint SQLite
// copies the original of every page a statement first touches into a sub-journal (a temporary
// file once past 64 KB). A group commit of positions touches a page per device, so that copying
// made each row insert 2.5 times as costly (7.1 µs instead of 2.8 µs a row, measured with the
// bench's shape: 480 rows over 200 devices a commit). Durability is the same: the driver
// resolves the connection only after the COMMIT holding these rows and its WAL fsync.
import type SQLite from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database, PositionTable } from '../schema.ts';
import { POSITION_COLUMNS, type PositionBatch, type PositionBatchWriter } from './position-batch.ts';

const columns = POSITION_COLUMNS.join(', ');
const placeholders = POSITION_COLUMNS.map(() => '?').join(', ');
const updates = POSITION_COLUMNS.filter((c) => c !== 'device_id')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');

const INSERT = `insert into positions (${columns}) values (${placeholders}) on conflict (device_id, time) do nothing`;
const LATEST =
  `insert into latest_positions (${columns}) values (${placeholders}) on conflict (device_id) ` +
  `do update set ${updates} where latest_positions.time < excluded.time`;
const TOUCH =
  'update devices set last_seen_at = ? where id = ? and (last_seen_at is null or last_seen_at < ?)';

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

function rowArguments(r: PositionTable): unknown[] {
  return POSITION_COLUMNS.map((c) => r[c]);
}

/**
 * The first write of a batch, run through the driver so that it joins (or opens) the group
 * commit and the connection's release waits for that commit; undefined when there is nothing
 * to write. The rest of the batch then runs on the raw handle in the same transaction.
 */
function firstWrite(
  batch: PositionBatch,
): { query: CompiledQuery; skip: 'rows' | 'latest' | 'seen' } | undefined {
  const row = batch.rows[0];
  if (row) return { query: CompiledQuery.raw(INSERT, rowArguments(row)), skip: 'rows' };
  const latest = batch.latest[0];
  if (latest) return { query: CompiledQuery.raw(LATEST, rowArguments(latest)), skip: 'latest' };
  for (const [id, at] of batch.seen) return { query: CompiledQuery.raw(TOUCH, [at, id, at]), skip: 'seen' };
  return undefined;
}

/**
 * The batch writer for one better-sqlite3 database; statements are prepared on first use (after
 * migrations). It is given the database and resolves once the batch is committed and synced.
 * Without a savepoint, a statement that fails part-way leaves the batch's earlier rows in the
 * group commit: harmless, since every write here is idempotent (duplicates skipped, latest and
 * last-seen never moved back) and the caller retries or the device resends what was not acked.
 */
export function sqlitePositionBatchWriter(database: SQLite.Database): PositionBatchWriter {
  let statements: { insert: SQLite.Statement; latest: SQLite.Statement; touch: SQLite.Statement } | undefined;
  const write = async (db: Kysely<Database>, batch: PositionBatch) => {
    const first = firstWrite(batch);
    if (!first) return;
    await db.connection().execute(async (connection) => {
      await connection.executeQuery(first.query);
      statements ??= {
        insert: database.prepare(INSERT),
        latest: database.prepare(LATEST),
        touch: database.prepare(TOUCH),
      };
      const { insert, latest, touch } = statements;
      const rows = batch.rows;
      for (let i = first.skip === 'rows' ? 1 : 0; i < rows.length; i++)
        runRow(insert, rows[i] as PositionTable);
      const latestRows = batch.latest;
      for (let i = first.skip === 'latest' ? 1 : 0; i < latestRows.length; i++) {
        runRow(latest, latestRows[i] as PositionTable);
      }
      let skipSeen = first.skip === 'seen';
      for (const [id, at] of batch.seen) {
        if (skipSeen) skipSeen = false;
        else touch.run(at, id, at);
      }
    });
  };
  return Object.assign(write, { ownTransaction: true as const });
}
