// PostgreSQL: a track for the day summaries as one packed value instead of 17,280 rows. pg reads
// every field of a result as text (pg-protocol has no binary rows), and parsing a day's 120,000
// numbers out of text cost Node more than the rest of a recompute (its CPU went from 116–143 to
// 43–54 ms with this reader and bench/README.md's other changes); here the server packs each
// fix into 40 bytes (float8send/int4send: big-endian IEEE doubles and int32s, so every value
// arrives exact), aggregated in time order into one bytea, which pg decodes from hex natively.
import type pg from 'pg';
import { type TrackColumns, type TrackColumnsReader, trackColumns } from './track-reader.ts';

/** Bytes a fix: time (as float8: epoch ms is exact below 2^53), lat, lon, speed, valid, flags. */
const FIX_BYTES = 40;

/** The SQL of `devices` devices' fixes between two instants, packed in time order. */
function packedSql(devices: number): string {
  const which =
    devices === 1
      ? 'device_id = $1'
      : `device_id in (${Array.from({ length: devices }, (_, i) => `$${i + 1}`).join(', ')})`;
  return `select string_agg(float8send(time::float8) || float8send(lat) || float8send(lon) || float8send(speed) || int4send(valid) || int4send(flags), ''::bytea order by time) from positions where ${which} and time >= $${devices + 1} and time <= $${devices + 2}`;
}

/** The fixes of a packed bytea, as columns. */
export function unpackTrack(packed: Buffer | null): TrackColumns {
  const n = packed ? packed.length / FIX_BYTES : 0;
  const out = trackColumns(n);
  if (!packed) return out;
  for (let i = 0, p = 0; i < n; i++, p += FIX_BYTES) {
    out.time[i] = packed.readDoubleBE(p);
    out.lat[i] = packed.readDoubleBE(p + 8);
    out.lon[i] = packed.readDoubleBE(p + 16);
    out.speed[i] = packed.readDoubleBE(p + 24);
    out.valid[i] = packed.readInt32BE(p + 32);
    out.flags[i] = packed.readInt32BE(p + 36);
  }
  return out;
}

/** The columns reader for one pg pool. */
export function postgresTrackColumnsReader(pool: pg.Pool): TrackColumnsReader {
  return async (_db, deviceIds, from, to) => {
    const n = deviceIds.length;
    const result = await pool.query<[Buffer | null]>({
      // A named statement is parsed and planned once per connection.
      ...(n <= 8 && { name: `zs_track_columns_${n}` }),
      text: packedSql(n),
      values: [...deviceIds, from, to],
      rowMode: 'array',
    });
    return unpackTrack(result.rows[0]?.[0] ?? null);
  };
}
