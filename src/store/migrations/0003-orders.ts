import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/**
 * Work orders: the category dictionary, calendar years, orders with their flow state, the
 * append-only event log, the units and people each order is visible to, and named counters
 * (the daily sequence of order codes).
 */
export function orders(d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('categories')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('major_code', 'text', (c) => c.notNull())
        .addColumn('major_name', 'text', (c) => c.notNull())
        .addColumn('minor_code', 'text', (c) => c.notNull())
        .addColumn('minor_name', 'text', (c) => c.notNull())
        .addColumn('time_limit_amount', 'double precision', (c) => c.notNull())
        .addColumn('time_limit_unit', 'text', (c) => c.notNull())
        .addColumn('default_unit_kind', 'text')
        .addColumn('default_unit_id', 'text')
        .addColumn('default_stage', 'text', (c) => c.notNull())
        .addColumn('duplicate_radius_m', 'double precision', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('extra_fields', d.jsonType)
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('categories_code', ['type', 'major_code', 'minor_code'])
        .execute();

      await db.schema
        .createTable('calendar_years')
        .addColumn('year', 'integer', (c) => c.primaryKey())
        .addColumn('data', d.jsonType, (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('counters')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('orders')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('level', 'text', (c) => c.notNull())
        .addColumn('category_id', 'text', (c) => c.notNull().references('categories.id'))
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('address', 'text')
        .addColumn('lat', 'double precision', (c) => c.notNull())
        .addColumn('lon', 'double precision', (c) => c.notNull())
        // No foreign keys to units or users, as in audit_log: reorganising the tree or removing
        // a user must neither fail on nor erase the orders' history.
        .addColumn('grid_id', 'text')
        .addColumn('community_id', 'text')
        .addColumn('reporter_user_id', 'text')
        .addColumn('responsible_unit_id', 'text')
        .addColumn('responsible_user_id', 'text')
        .addColumn('deadline', 'bigint')
        .addColumn('yellow_at', 'bigint')
        .addColumn('red_at', 'bigint')
        .addColumn('light', 'text')
        .addColumn('overdue', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('parked', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('merged_into_id', 'text')
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('attributes', d.jsonType)
        .addColumn('state', d.jsonType, (c) => c.notNull())
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addColumn('closed_at', 'bigint')
        .execute();
      const index = (name: string, columns: string[]) =>
        db.schema.createIndex(name).on('orders').columns(columns).execute();
      // Lists sort by creation (newest first) and page by (created_at, id).
      await index('orders_created', ['created_at', 'id']);
      await index('orders_status_created', ['status', 'created_at']);
      await index('orders_category', ['category_id', 'status']);
      await index('orders_responsible_unit', ['responsible_unit_id', 'status']);
      await index('orders_responsible_user', ['responsible_user_id']);
      await index('orders_deadline', ['deadline']);
      await index('orders_red_at', ['red_at']);
      await index('orders_yellow_at', ['yellow_at']);
      await index('orders_closed', ['closed_at']);
      await index('orders_updated', ['updated_at']);
      await index('orders_position', ['lat', 'lon']);
      await index('orders_community', ['community_id', 'status']);

      await db.schema
        .createTable('order_events')
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (c) => c.notNull())
        .addColumn('actor_user_id', 'text', (c) => c.notNull())
        .addColumn('actor_role', 'text', (c) => c.notNull())
        .addColumn('actor_unit_id', 'text')
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('photos', d.jsonType, (c) => c.notNull())
        .addColumn('data', d.jsonType, (c) => c.notNull())
        // One event per version: a second writer of the same version fails here even if it got past the version check.
        .addPrimaryKeyConstraint('order_events_pk', ['order_id', 'seq'])
        .execute();
      await db.schema.createIndex('order_events_at').on('order_events').column('at').execute();

      // Every unit an order has involved (its grid, each responsible unit, each sub-task unit):
      // scope is "one of these lies under your unit", answered through units.path at query time
      // so that moving a unit in the tree never leaves a stale path behind.
      await db.schema
        .createTable('order_units')
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('order_units_pk', ['order_id', 'unit_id'])
        .execute();
      await db.schema
        .createIndex('order_units_unit')
        .on('order_units')
        .columns(['unit_id', 'order_id'])
        .execute();

      // The reporter, and the reporters of duplicates merged into it: they follow the order.
      await db.schema
        .createTable('order_followers')
        .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('since', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('order_followers_pk', ['order_id', 'user_id'])
        .execute();
      await db.schema
        .createIndex('order_followers_user')
        .on('order_followers')
        .columns(['user_id', 'order_id'])
        .execute();
    },
  };
}
