import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/** Photo attachments: one row per upload; the bytes live content-addressed under the data dir. */
export function attachments(_d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('mime', 'text', (c) => c.notNull())
        .addColumn('bytes', 'bigint', (c) => c.notNull())
        .addColumn('width', 'integer', (c) => c.notNull())
        .addColumn('height', 'integer', (c) => c.notNull())
        .addColumn('file_name', 'text')
        // No foreign key, as in audit_log: removing a user must not fail on, or erase, the photos they sent.
        .addColumn('uploaded_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('thumbnail_sha256', 'text')
        .addColumn('thumbnail_mime', 'text')
        .execute();
      // Several uploads may share one stored file; deleting a file first asks whether any row still uses it.
      await db.schema.createIndex('attachments_sha256').on('attachments').column('sha256').execute();
      await db.schema
        .createIndex('attachments_thumbnail_sha256')
        .on('attachments')
        .column('thumbnail_sha256')
        .execute();
    },
  };
}
