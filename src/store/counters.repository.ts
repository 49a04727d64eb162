import type { Db } from './database.ts';

/**
 * Increments a named counter and returns its new value (1 the first time). One upsert
 * statement: PostgreSQL locks the row until the caller's transaction ends, and SQLite has a
 * single writer, so two concurrent callers never get the same value.
 */
export async function nextCounterValue(db: Db, key: string): Promise<number> {
  const row = await db
    .insertInto('counters')
    .values({ key, value: 1 })
    .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })))
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
