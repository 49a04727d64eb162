// The generated orders written the fast way of each database, past the query builder: SQLite
// through better-sqlite3's prepared statements, a transaction a batch; PostgreSQL through
// COPY … FROM STDIN (text format), three COPYs a batch. The Kysely multi-row inserts wrote
// ~150 orders/s on the loaded machine: a million did not fit a session.

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { GeneratedBatch } from './generate.ts';

type Row = Record<string, unknown>;
const TABLES = ['orders', 'order_events', 'order_units'] as const;
const rowsOf = (b: GeneratedBatch): Record<(typeof TABLES)[number], Row[]> => ({
  orders: b.orders,
  order_events: b.events as unknown as Row[],
  order_units: b.links,
});

export interface BatchWriter {
  write(batch: GeneratedBatch): Promise<void>;
  close(): Promise<void>;
}

/** A second connection to the SQLite file (the store stays open and idle meanwhile). */
export function sqliteWriter(file: string): BatchWriter {
  const db = new SQLite(file);
  db.pragma('busy_timeout = 60000');
  db.pragma('synchronous = OFF');
  const statements = new Map<string, SQLite.Statement>();
  const insert = (table: string, row: Row) => {
    let s = statements.get(table);
    if (!s) {
      const columns = Object.keys(row);
      s = db.prepare(
        `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
      );
      statements.set(table, s);
    }
    s.run(...Object.values(row));
  };
  const writeAll = db.transaction((b: GeneratedBatch) => {
    const rows = rowsOf(b);
    for (const table of TABLES) for (const row of rows[table]) insert(table, row);
  });
  return {
    async write(b) {
      writeAll(b);
    },
    async close() {
      db.close();
    },
  };
}

/** COPY's text format: tab-separated, \N for null, backslash escapes. */
function copyText(rows: readonly Row[], columns: readonly string[]): string {
  let text = '';
  for (const row of rows) {
    text += columns
      .map((c) => {
        const v = row[c];
        if (v === null || v === undefined) return '\\N';
        return String(v).replace(/[\\\t\n\r]/g, (ch) =>
          ch === '\\' ? '\\\\' : ch === '\t' ? '\\t' : ch === '\n' ? '\\n' : '\\r',
        );
      })
      .join('\t');
    text += '\n';
  }
  return text;
}

export async function postgresWriter(url: string): Promise<BatchWriter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('set synchronous_commit = off');
  return {
    async write(b) {
      const rows = rowsOf(b);
      await client.query('begin');
      for (const table of TABLES) {
        const first = rows[table][0];
        if (!first) continue;
        const columns = Object.keys(first);
        const copy = client.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
        await pipeline(Readable.from([copyText(rows[table], columns)]), copy);
      }
      await client.query('commit');
    },
    async close() {
      await client.end();
    },
  };
}
