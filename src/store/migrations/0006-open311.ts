import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/**
 * Open311 GeoReport v2: the API keys clients post requests with (only a hash of each key is
 * kept), and what a client sent with a request beyond the order itself: the reporter's contact
 * (never shown publicly), the media URL and the client's address id.
 */
export function open311(d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('open311_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        // No foreign key, as in audit_log: removing the admin must not fail on, or erase, the keys they issued.
        .addColumn('created_by', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_used_at', 'bigint')
        .addColumn('revoked_at', 'bigint')
        .execute();

      await db.schema
        .createTable('open311_requests')
        .addColumn('order_id', 'text', (c) => c.primaryKey().references('orders.id'))
        .addColumn('key_id', 'text', (c) => c.notNull().references('open311_keys.id'))
        .addColumn('email', 'text')
        .addColumn('first_name', 'text')
        .addColumn('last_name', 'text')
        .addColumn('phone', 'text')
        .addColumn('device_id', 'text')
        .addColumn('account_id', 'text')
        .addColumn('address_id', 'text')
        .addColumn('media_urls', d.jsonType, (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('open311_requests_key').on('open311_requests').column('key_id').execute();
    },
  };
}
