import { executeCompiled } from './compiled.ts';
import type { Db } from './database.ts';

/**
 * Increments a named counter and returns its new value (1 the first time). One upsert
 * statement: PostgreSQL locks the row until the caller's transaction ends, and SQLite has a
 * single writer, so two concurrent callers never get the same value.
 */
export async function nextCounterValue(db: Db, key: string): Promise<number> {
  const { rows } = await executeCompiled(db, 'counters.next', [key, 1, 1], () =>
    db
      .insertInto('counters')
      .values({ key, value: 1 })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
      .returning('value'),
  );
  const row = rows[0];
  if (!row) throw new Error(`counter ${key} returned no row`);
  return Number(row.value);
}
