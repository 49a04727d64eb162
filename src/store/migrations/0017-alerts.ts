import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/** Alert rules (告警规则) and their episodes (告警), each alert linked to the order it raised. */
export function alerts(d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('alert_rules')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('params', d.jsonType, (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('asset_kinds', d.jsonType)
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('open_order', d.jsonType)
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('alert_rules_unit').on('alert_rules').column('unit_id').execute();
      await db.schema
        .createTable('alerts')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('rule_id', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('asset_id', 'text', (c) => c.notNull().references('assets.id'))
        .addColumn('device_id', 'text')
        .addColumn('unit_id', 'text', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('raised_at', 'bigint', (c) => c.notNull())
        .addColumn('ended_at', 'bigint')
        .addColumn('lat', 'double precision')
        .addColumn('lon', 'double precision')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('acknowledged_by', 'text')
        .addColumn('acknowledged_at', 'bigint')
        .addColumn('resolved_by', 'text')
        .addColumn('resolved_at', 'bigint')
        .addColumn('note', 'text')
        .addColumn('order_id', 'text')
        .execute();
      await db.schema.createIndex('alerts_started').on('alerts').columns(['started_at', 'id']).execute();
      await db.schema.createIndex('alerts_asset').on('alerts').columns(['asset_id', 'started_at']).execute();
      await db.schema.createIndex('alerts_order').on('alerts').column('order_id').execute();
    },
  };
}
