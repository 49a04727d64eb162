// The floors of bench:tracks, each the least work its figure needs, straight through the driver:
// a boat-day's rows read and JSON-encoded; one scan of the month's fixes, aggregated in the database.
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { DialectKind } from '../../src/store/dialect/types.ts';

const TRACK = 'select time, lat, lon, speed, course, valid from positions';

export interface Floor {
  /** One device's fixes in [from, to] as arrays, JSON-encoded into bytes. */
  trackJson(deviceId: string, from: number, to: number): Promise<Buffer>;
  /** Every fix of these devices in [from, to): a count and a sum per device; returns the count. */
  scan(deviceIds: readonly string[], from: number, to: number): Promise<number>;
  close(): Promise<void>;
}

function sqliteFloor(file: string): Floor {
  const raw = new SQLite(file, { readonly: true });
  const track = raw
    .prepare(`${TRACK} where device_id = ? and time >= ? and time <= ? order by time`)
    .raw(true);
  return {
    trackJson: async (d, from, to) => Buffer.from(JSON.stringify(track.all(d, from, to))),
    async scan(ids, from, to) {
      const rows = raw
        .prepare(
          `select device_id, count(*) as n, sum(speed) as s from positions where device_id in (${ids.map(() => '?').join(', ')}) and time >= ? and time < ? group by device_id`,
        )
        .all(...ids, from, to) as { n: number }[];
      return rows.reduce((a, r) => a + r.n, 0);
    },
    close: async () => {
      raw.close();
    },
  };
}

async function postgresFloor(url: string): Promise<Floor> {
  // int8 as a number, as the platform's pool reads it (src/store/dialect/postgres.ts).
  const types = {
    getTypeParser: (oid: number, format?: string) =>
      // biome-ignore lint/suspicious/noExplicitAny: pg's overloads do not accept the union
      oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as any),
  } as pg.CustomTypesConfig;
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  return {
    async trackJson(d, from, to) {
      const r = await client.query({
        name: 'floor-track',
        text: `${TRACK} where device_id = $1 and time >= $2 and time <= $3 order by time`,
        values: [d, from, to],
        rowMode: 'array',
      });
      return Buffer.from(JSON.stringify(r.rows));
    },
    async scan(ids, from, to) {
      const r = await client.query<{ n: number }>(
        'select device_id, count(*) as n, sum(speed) as s from positions where device_id = any($1::text[]) and time >= $2 and time < $3 group by device_id',
        [ids, from, to],
      );
      return r.rows.reduce((a, row) => a + row.n, 0);
    },
    close: () => client.end(),
  };
}

export function openFloor(kind: DialectKind, location: string): Promise<Floor> {
  return kind === 'sqlite' ? Promise.resolve(sqliteFloor(location)) : postgresFloor(location);
}
