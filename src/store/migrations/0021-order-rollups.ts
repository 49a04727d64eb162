import type { Kysely } from 'kysely';
import type { DialectAdapter } from '../dialect/types.ts';

/** The counters of a rollup row, one bigint column each (src/domain/workorder/rollup.ts). */
export const ROLLUP_COLUMNS = [
  'registered',
  'closed',
  'due',
  'closed_on_time',
  'verifications',
  'reworks',
  'response_count',
  'response_ms',
  'handling_count',
  'handling_ms',
  'visited',
  'satisfied',
  'solved',
] as const;

/**
 * Daily order rollups (issue 14 part 6): per unit path, per local day a fact is dated and per
 * local day of the event that changed it, the changes to the indicators' counters. Maintained
 * in the transaction of each order event; `npm run rollups:rebuild` recomputes them from the
 * events (after a change of the working calendar or of the unit tree).
 */
export function orderRollups(_d: DialectAdapter) {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
    async up(db: Kysely<any>) {
      let table = db.schema
        .createTable('order_rollups')
        .addColumn('unit_path', 'text', (c) => c.notNull())
        .addColumn('day', 'integer', (c) => c.notNull())
        .addColumn('as_of_day', 'integer', (c) => c.notNull());
      for (const column of ROLLUP_COLUMNS) {
        table = table.addColumn(column, 'bigint', (c) => c.notNull().defaultTo(0));
      }
      await table.addPrimaryKeyConstraint('order_rollups_pk', ['unit_path', 'day', 'as_of_day']).execute();
    },
  };
}
