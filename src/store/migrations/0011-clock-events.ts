import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/**
 * Crew clock-ins and clock-outs (上班/下班打卡): who, for which boat, when (as claimed by the
 * phone, `at`, and as received, `recorded_at`), where, how far from the boat or a dock, and the
 * flags the supervisor sees. History: no foreign keys, so it outlives a deleted member or boat.
 */
export function clockEvents(d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('clock_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('member_id', 'text', (c) => c.notNull())
        .addColumn('boat_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('at', 'bigint', (c) => c.notNull())
        .addColumn('recorded_at', 'bigint', (c) => c.notNull())
        .addColumn('lat', 'double precision', (c) => c.notNull())
        .addColumn('lon', 'double precision', (c) => c.notNull())
        .addColumn('distance_m', 'double precision')
        .addColumn('flags', d.jsonType, (c) => c.notNull())
        .addColumn('photo_id', 'text')
        .execute();
      await db.schema
        .createIndex('clock_events_boat_at')
        .on('clock_events')
        .columns(['boat_id', 'at'])
        .execute();
      await db.schema
        .createIndex('clock_events_member_at')
        .on('clock_events')
        .columns(['member_id', 'at'])
        .execute();
    },
  };
}
