import type { Db } from './database.ts';
import { parseJson } from './dialect/json.ts';

/** Reads a runtime setting, or the fallback when it was never set. */
export async function getSetting<T>(db: Db, key: string, fallback: T): Promise<T> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row ? (parseJson<T>(row.value) ?? fallback) : fallback;
}

/** Writes a runtime setting (upsert). */
export async function putSetting(db: Db, key: string, value: unknown, now: number): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now }))
    .execute();
}
