// Grows the seeded orders to a target count by copying them in SQL (not through the API): each
// pass copies every seeded order with its unit links and followers under a new id and code
// (`<id>.<pass>`), keeping its state, times, place and category. Their timelines are not copied:
// the list pages never read events.
import { sql } from 'kysely';
import type { Db } from '../../src/store/database.ts';

/** Copies the `base` seeded orders until the table holds `target`; returns seconds spent. */
export async function multiplyOrders(db: Db, base: number, target: number): Promise<number> {
  const t0 = performance.now();
  const { rows } = await sql<{ name: string }>`select * from orders limit 1`.execute(db);
  const columns = Object.keys(rows[0] ?? {});
  if (columns.length === 0) throw new Error('no seeded order to copy');
  const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
  for (let pass = 1; base * (pass + 1) <= target; pass++) {
    const suffix = `.${pass}`;
    const copied = sql.raw(
      columns.map((c) => (c === 'id' || c === 'code' ? `"${c}" || '${suffix}'` : `"${c}"`)).join(', '),
    );
    // Seeded ids are UUIDs: no dot, so only the originals are copied at every pass.
    await db.transaction().execute(async (trx) => {
      await sql`insert into orders (${list}) select ${copied} from orders where id not like '%.%'`.execute(
        trx,
      );
      await sql`insert into order_units (order_id, unit_id) select order_id || ${suffix}, unit_id from order_units where order_id not like '%.%'`.execute(
        trx,
      );
      await sql`insert into order_followers (order_id, user_id, since) select order_id || ${suffix}, user_id, since from order_followers where order_id not like '%.%'`.execute(
        trx,
      );
    });
  }
  return (performance.now() - t0) / 1000;
}
