import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/**
 * Rubbish unloads (卸载): which boat unloaded how many tonnes when, at which dock or point, with
 * which photo, and who logged it (null for seeded records). History: no foreign keys, so an
 * unload outlives the dock it was logged at.
 */
export function unloads(_d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('unloads')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('asset_id', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('tonnes', 'double precision', (c) => c.notNull())
        .addColumn('dock_id', 'text')
        .addColumn('lat', 'double precision')
        .addColumn('lon', 'double precision')
        .addColumn('photo_id', 'text')
        .addColumn('recorded_by', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('unloads_asset_at').on('unloads').columns(['asset_id', 'at']).execute();
      await db.schema.createIndex('unloads_at').on('unloads').column('at').execute();
    },
  };
}
