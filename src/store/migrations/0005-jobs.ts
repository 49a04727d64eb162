import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/**
 * Background jobs: leases that let one of several server processes run a periodic job, the
 * in-app notification inbox, and the deadline an order was last auto-supervised for, so the
 * time-limit job finds orders still owed a supervision with an index instead of parsing states.
 * Also the list indexes the orders benchmark showed were missing at 100k orders.
 */
export function jobs(d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('job_leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('notifications')
        .addColumn('id', 'text', (c) => c.primaryKey())
        // No foreign keys, as in audit_log: removing a user or an order must not fail on its inbox.
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('order_id', 'text')
        .addColumn('order_code', 'text')
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('data', d.jsonType, (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('read_at', 'bigint')
        .execute();
      // The inbox pages newest first by (created_at, id) within one user.
      await db.schema
        .createIndex('notifications_user_created')
        .on('notifications')
        .columns(['user_id', 'created_at', 'id'])
        .execute();

      await db.schema.alterTable('orders').addColumn('auto_supervised_for', 'bigint').execute();

      // The list's usual page (status and category filters, newest first, paged by (created_at,
      // id)) read from one index in order, instead of walking every order of a status and sorting.
      await db.schema.dropIndex('orders_category').execute();
      await db.schema.dropIndex('orders_status_created').execute();
      await db.schema
        .createIndex('orders_category_status_created')
        .on('orders')
        .columns(['category_id', 'status', 'created_at', 'id'])
        .execute();
      await db.schema
        .createIndex('orders_status_created')
        .on('orders')
        .columns(['status', 'created_at', 'id'])
        .execute();
      // Duplicate suggestions on every report: open orders of one category within a small box.
      await db.schema
        .createIndex('orders_category_position')
        .on('orders')
        .columns(['category_id', 'lat', 'lon'])
        .execute();
    },
  };
}
