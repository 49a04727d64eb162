import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/**
 * Daily summaries (日汇总) of assets, one row per asset and local date: the month report's
 * figures as columns, the whole view as JSON. `day_summary_marks` lists the days positions
 * (or other facts) arrived for since they were last computed.
 */
export function daySummaries(_d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('day_summaries')
        .addColumn('asset_id', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('distance_m', 'double precision', (c) => c.notNull())
        .addColumn('work_s', 'double precision', (c) => c.notNull())
        .addColumn('rest_s', 'double precision', (c) => c.notNull())
        .addColumn('coverage', 'double precision')
        .addColumn('tonnes', 'double precision', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('computed_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('day_summaries_pk', ['asset_id', 'date'])
        .execute();
      await db.schema.createIndex('day_summaries_date').on('day_summaries').column('date').execute();
      await db.schema
        .createTable('day_summary_marks')
        .addColumn('asset_id', 'text', (c) => c.notNull())
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('marked_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('day_summary_marks_pk', ['asset_id', 'date'])
        .execute();
    },
  };
}
