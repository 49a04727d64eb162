import type { Db } from './database.ts';
import { parseJson, toJson } from './dialect/json.ts';

/** Which stored answer: an order's closed window and the radius asked. */
export interface FieldCheckKey {
  orderId: string;
  from: number;
  to: number;
  radiusM: number;
}

/** The stored answer of a field check for a closed window, as it was computed (src/services/order-assets). */
export async function findFieldCheck<T>(db: Db, key: FieldCheckKey): Promise<T | undefined> {
  const row = await db
    .selectFrom('order_field_checks')
    .select('answer')
    .where('order_id', '=', key.orderId)
    .where('window_from', '=', key.from)
    .where('window_to', '=', key.to)
    .where('radius_m', '=', key.radiusM)
    .executeTakeFirst();
  return row ? (parseJson<T>(row.answer) ?? undefined) : undefined;
}

/** Keeps the answer of a closed window; a second process that computed the same one keeps the first. */
export async function saveFieldCheck(
  db: Db,
  key: FieldCheckKey,
  answer: unknown,
  now: number,
): Promise<void> {
  await db
    .insertInto('order_field_checks')
    .values({
      order_id: key.orderId,
      window_from: key.from,
      window_to: key.to,
      radius_m: key.radiusM,
      answer: toJson(answer) ?? '{}',
      computed_at: now,
    })
    .onConflict((oc) => oc.columns(['order_id', 'window_from', 'window_to', 'radius_m']).doNothing())
    .execute();
}
