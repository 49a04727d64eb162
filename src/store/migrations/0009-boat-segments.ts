import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/**
 * An asset may patrol several river segments (one boat owns several reaches): asset_segments,
 * in the order given (ordinal 0 first). Filled from assets.segment_id, which stays as the first
 * segment for readers that know only one (the repository writes both in one transaction).
 */
export function boatSegments(_d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('asset_segments')
        .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id'))
        .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id'))
        .addColumn('ordinal', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('asset_segments_pk', ['asset_id', 'segment_id'])
        .execute();
      await db.schema
        .createIndex('asset_segments_segment')
        .on('asset_segments')
        .column('segment_id')
        .execute();
      const assigned: { id: string; segment_id: string }[] = await db
        .selectFrom('assets')
        .select(['id', 'segment_id'])
        .where('segment_id', 'is not', null)
        .execute();
      for (let i = 0; i < assigned.length; i += 500) {
        await db
          .insertInto('asset_segments')
          .values(
            assigned.slice(i, i + 500).map((a) => ({ asset_id: a.id, segment_id: a.segment_id, ordinal: 0 })),
          )
          .execute();
      }
    },
  };
}
