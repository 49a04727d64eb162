import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/**
 * Told when it is your turn (issue 13): when a closed order without a return visit is to be
 * reminded to the centre (orders.visit_due_at, indexed for the job; orders closed before this
 * migration are not reminded), the grid a resident lives in (users.grid_id), and notices to
 * residents with the grids and communities each is for.
 */
export function turns(_d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema.alterTable('orders').addColumn('visit_due_at', 'bigint').execute();
      await db.schema.createIndex('orders_visit_due').on('orders').column('visit_due_at').execute();

      // No foreign key, as for order grids: reorganising the tree must not fail on a resident's address.
      await db.schema.alterTable('users').addColumn('grid_id', 'text').execute();
      await db.schema.createIndex('users_grid').on('users').column('grid_id').execute();

      await db.schema
        .createTable('notices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('valid_from', 'bigint', (c) => c.notNull())
        .addColumn('valid_to', 'bigint', (c) => c.notNull())
        .addColumn('order_id', 'text')
        .addColumn('author_user_id', 'text', (c) => c.notNull())
        .addColumn('author_unit_id', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('notice_units')
        .addColumn('notice_id', 'text', (c) => c.notNull().references('notices.id'))
        .addColumn('unit_id', 'text', (c) => c.notNull())
        // 'grid' or 'community': what the author named, kept as named if the tree changes later.
        .addColumn('unit_kind', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('notice_units_pk', ['notice_id', 'unit_id'])
        .execute();
      // Residents' and staff's lists start from the units: the notices for these grids and communities.
      await db.schema
        .createIndex('notice_units_unit')
        .on('notice_units')
        .columns(['unit_id', 'notice_id'])
        .execute();
    },
  };
}
