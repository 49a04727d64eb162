import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/**
 * Idempotency keys (issue 13): a phone replaying a queued report or feedback after a flaky
 * reconnect sends the key it made when it queued the item; the server keeps, per user and key,
 * what the request was (a hash of method, route and body) and the answer it got, for 24 hours.
 */
export function idempotency(_d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('idempotency_keys')
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        // Null while the first request with the key is being served.
        .addColumn('status', 'integer')
        .addColumn('response', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('idempotency_keys_pk', ['user_id', 'key'])
        .execute();
      await db.schema
        .createIndex('idempotency_keys_created')
        .on('idempotency_keys')
        .column('created_at')
        .execute();
    },
  };
}
