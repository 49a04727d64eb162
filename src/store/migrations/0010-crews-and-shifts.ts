import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/**
 * Crews and shifts: a crew member (a `crew` asset) may be linked to a login (assets.user_id,
 * cleared when the user is deleted) and belongs to at most one boat (boat_crew, keyed by the
 * member); a boat, or a unit as the default for its boats, has a shift plan (排班) kept as the
 * domain's ShiftPlan in JSON.
 */
export function crewsAndShifts(d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('assets')
        .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
        .execute();
      // Both databases let a unique index hold many NULLs: only linked members are unique.
      await db.schema.createIndex('assets_user').on('assets').column('user_id').unique().execute();

      await db.schema
        .createTable('boat_crew')
        .addColumn('member_id', 'text', (c) => c.primaryKey().references('assets.id'))
        .addColumn('boat_id', 'text', (c) => c.notNull().references('assets.id'))
        .addColumn('assigned_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('boat_crew_boat').on('boat_crew').column('boat_id').execute();

      // No foreign key: the owner is an asset or a unit (owner_kind); the services delete a
      // plan with its owner.
      await db.schema
        .createTable('shift_plans')
        .addColumn('owner_id', 'text', (c) => c.primaryKey())
        .addColumn('owner_kind', 'text', (c) => c.notNull())
        .addColumn('plan', d.jsonType, (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}
