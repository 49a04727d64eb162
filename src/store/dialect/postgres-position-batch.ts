// PostgreSQL: each table is written by one statement whatever the batch size, the rows travelling
// as one array per column and spread back into rows by unnest(). No per-row SQL to build, parse or
// plan, and three round trips per commit instead of one per row or per device.
import { sql } from 'kysely';
import type { PositionTable } from '../schema.ts';
import { POSITION_COLUMNS, type PositionBatchWriter } from './position-batch.ts';

const TYPES: Record<(typeof POSITION_COLUMNS)[number], string> = {
  device_id: 'text',
  time: 'int8',
  server_time: 'int8',
  lat: 'float8',
  lon: 'float8',
  speed: 'float8',
  course: 'float8',
  altitude: 'float8',
  valid: 'int4',
  flags: 'int4',
  attributes: 'jsonb',
};

const columnList = sql.raw(POSITION_COLUMNS.join(', '));
const updates = sql.raw(
  POSITION_COLUMNS.filter((c) => c !== 'device_id')
    .map((c) => `${c} = excluded.${c}`)
    .join(', '),
);

/** `unnest($1::text[], $2::int8[], …)` over the rows' columns. */
function unnest(rows: readonly PositionTable[]) {
  const arrays = POSITION_COLUMNS.map((c) => {
    const column = rows.map((r) => r[c]);
    return sql`${column}::${sql.raw(TYPES[c])}[]`;
  });
  return sql`unnest(${sql.join(arrays)})`;
}

/** The batch writer for PostgreSQL. */
export const postgresPositionBatchWriter: PositionBatchWriter = async (trx, batch) => {
  if (batch.rows.length > 0) {
    await sql`insert into positions (${columnList}) select * from ${unnest(batch.rows)}
      on conflict (device_id, time) do nothing`.execute(trx);
  }
  if (batch.latest.length > 0) {
    await sql`insert into latest_positions (${columnList}) select * from ${unnest(batch.latest)}
      on conflict (device_id) do update set ${updates} where latest_positions.time < excluded.time`.execute(
      trx,
    );
  }
  if (batch.seen.size > 0) {
    const ids = [...batch.seen.keys()];
    const ats = [...batch.seen.values()];
    await sql`update devices as d set last_seen_at = v.at
      from unnest(${ids}::text[], ${ats}::int8[]) as v(id, at)
      where d.id = v.id and (d.last_seen_at is null or d.last_seen_at < v.at)`.execute(trx);
  }
};
