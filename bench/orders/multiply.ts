// Grows the seeded orders to a target count by copying them in SQL (not through the API): each
// pass copies every seeded order with its unit links and followers under a new id and code
// (`<id>.<pass>`), keeping its state, times, place and category. Their timelines are not copied:
// the list pages never read events. On SQLite it works on the closed database file directly, with
// the orders' indexes dropped during the copy and built again after it (one sort each instead of
// a million index insertions); on PostgreSQL through the store.
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from '../../src/store/database.ts';

const COPIED = ['orders', 'order_units', 'order_followers'] as const;

function passSql(columns: string[], pass: number) {
  const suffix = `.${pass}`;
  const copied = columns.map((c) => (c === 'id' || c === 'code' ? `"${c}" || '${suffix}'` : `"${c}"`));
  const list = columns.map((c) => `"${c}"`).join(', ');
  // Seeded ids are UUIDs: no dot, so only the originals are copied at every pass.
  return [
    `insert into orders (${list}) select ${copied.join(', ')} from orders where id not like '%.%'`,
    `insert into order_units (order_id, unit_id) select order_id || '${suffix}', unit_id from order_units where order_id not like '%.%'`,
    `insert into order_followers (order_id, user_id, since) select order_id || '${suffix}', user_id, since from order_followers where order_id not like '%.%'`,
  ];
}

/** SQLite: copies the `base` seeded orders in `file` (closed by the store) until it holds `target`; seconds spent. */
export function multiplySqlite(file: string, base: number, target: number): number {
  const t0 = performance.now();
  const db = new SQLite(file);
  try {
    db.pragma('journal_mode = WAL');
    // Bench data: a crash during the copy only loses the run.
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const columns = Object.keys(db.prepare('select * from orders limit 1').get() as object);
    const indexes = db
      .prepare(
        `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${COPIED.map((t) => `'${t}'`).join(', ')})`,
      )
      .all() as { name: string; sql: string }[];
    for (const i of indexes) db.exec(`drop index "${i.name}"`);
    for (let pass = 1; base * (pass + 1) <= target; pass++) {
      db.transaction(() => {
        for (const statement of passSql(columns, pass)) db.exec(statement);
      })();
    }
    // No ANALYZE: the platform never runs it, so its plans are made without statistics.
    for (const i of indexes) db.exec(i.sql);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return (performance.now() - t0) / 1000;
}

/** PostgreSQL: the same copy through the store, one transaction a pass; seconds spent. */
export async function multiplyPostgres(db: Db, base: number, target: number): Promise<number> {
  const t0 = performance.now();
  const { rows } = await sql`select * from orders limit 1`.execute(db);
  const columns = Object.keys(rows[0] ?? {});
  for (let pass = 1; base * (pass + 1) <= target; pass++) {
    await db.transaction().execute(async (trx) => {
      for (const statement of passSql(columns, pass)) await sql.raw(statement).execute(trx);
    });
  }
  return (performance.now() - t0) / 1000;
}
