import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/**
 * Field checks (核查前的轨迹核对, issue 12 part 5): the answer for an order's closed window
 * (dispatch or assignAssets → first feedback), stored once so that positions are read once per
 * order and radius, not on every look at the order.
 */
export function fieldChecks(d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('order_field_checks')
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
        .addColumn('window_from', 'bigint', (c) => c.notNull())
        .addColumn('window_to', 'bigint', (c) => c.notNull())
        .addColumn('radius_m', 'double precision', (c) => c.notNull())
        .addColumn('answer', d.jsonType, (c) => c.notNull())
        .addColumn('computed_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('order_field_checks_pk', [
          'order_id',
          'window_from',
          'window_to',
          'radius_m',
        ])
        .execute();
    },
  };
}
