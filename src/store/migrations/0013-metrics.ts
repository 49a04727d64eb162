import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/**
 * Performance metrics (指标) for schedule progress (序时进度): the metrics, their annual targets
 * per year and unit, and the monthly actuals their owner unit enters. Targets and actuals go
 * with their metric; an owner who leaves leaves the metric without a named person.
 */
export function metrics(d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('metrics')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('unit_of_measure', 'text', (c) => c.notNull())
        .addColumn('owner_unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('owner_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('schedule_basis', 'text', (c) => c.notNull())
        .addColumn('source', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('metrics_owner_unit').on('metrics').column('owner_unit_id').execute();

      await db.schema
        .createTable('metric_targets')
        .addColumn('metric_id', 'text', (c) => c.notNull().references('metrics.id').onDelete('cascade'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('annual', 'double precision', (c) => c.notNull())
        .addColumn('monthly', d.jsonType)
        .addColumn('updated_by', 'text')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('metric_targets_pk', ['metric_id', 'year', 'unit_id'])
        .execute();
      await db.schema
        .createIndex('metric_targets_year')
        .on('metric_targets')
        .columns(['year', 'unit_id'])
        .execute();

      await db.schema
        .createTable('metric_actuals')
        .addColumn('metric_id', 'text', (c) => c.notNull().references('metrics.id').onDelete('cascade'))
        .addColumn('period', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('entered_by', 'text')
        .addColumn('entered_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('metric_actuals_pk', ['metric_id', 'period'])
        .execute();
    },
  };
}
