import type { CreateTableBuilder, Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/** Field assets, their devices, positions (history and latest). */
export function devices(d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('assets')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('segment_id', 'text', (c) => c.references('segments.id'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('protocol', 'text', (c) => c.notNull())
        .addColumn('identifier', 'text', (c) => c.notNull())
        .addColumn('asset_id', 'text', (c) => c.references('assets.id'))
        .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
        .addColumn('auth_code', 'text')
        .addColumn('offline_after_s', 'integer', (c) => c.notNull())
        .addColumn('last_seen_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('devices_protocol_identifier', ['protocol', 'identifier'])
        .execute();

      // One row per (device, fix time): the key is the de-duplication rule.
      await positionColumns(db.schema.createTable('positions'), d)
        .addPrimaryKeyConstraint('positions_pk', ['device_id', 'time'])
        .execute();
      // The same columns, one row per device: the live position.
      await positionColumns(db.schema.createTable('latest_positions'), d)
        .addPrimaryKeyConstraint('latest_positions_pk', ['device_id'])
        .execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', d.jsonType, (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}

/** The columns of a stored position, shared by the history and the latest-position tables. */
function positionColumns<T extends string>(table: CreateTableBuilder<T, never>, d: DialectAdapter) {
  return table
    .addColumn('device_id', 'text', (c) => c.notNull())
    .addColumn('time', 'bigint', (c) => c.notNull())
    .addColumn('server_time', 'bigint', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lon', 'double precision', (c) => c.notNull())
    .addColumn('speed', 'double precision', (c) => c.notNull())
    .addColumn('course', 'double precision', (c) => c.notNull())
    .addColumn('altitude', 'double precision', (c) => c.notNull())
    .addColumn('valid', 'integer', (c) => c.notNull())
    .addColumn('flags', 'integer', (c) => c.notNull())
    .addColumn('attributes', d.jsonType);
}
