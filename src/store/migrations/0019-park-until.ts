import type { Kysely } from 'kysely';
import { parseJson } from '../dialect/json.ts';
import type { DialectAdapter } from '../dialect/types.ts';

/**
 * Parked until a date (issue 13): the instant an approved wait is over (orders.park_until, from
 * state.parked.until), indexed so that the job resuming such orders reads only those due. Orders
 * parked before this migration get theirs from their state.
 */
export function parkUntil(_d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema.alterTable('orders').addColumn('park_until', 'bigint').execute();
      await db.schema.createIndex('orders_park_until').on('orders').column('park_until').execute();
      const parked = await db.selectFrom('orders').select(['id', 'state']).where('parked', '=', 1).execute();
      for (const row of parked) {
        const until = parseJson<{ parked?: { until?: number | null } | null }>(row.state)?.parked?.until;
        if (typeof until === 'number')
          await db.updateTable('orders').set({ park_until: until }).where('id', '=', row.id).execute();
      }
    },
  };
}
