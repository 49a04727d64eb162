import { executeCompiled } from './compiled.ts';
import type { Db } from './database.ts';

/** Records units an order involves (its grid, responsible units, sub-task units); known ones are skipped. */
export async function addOrderUnits(
  db: Db,
  orderId: string,
  unitIds: readonly (string | null)[],
): Promise<void> {
  const ids = [...new Set(unitIds.filter((id): id is string => typeof id === 'string' && id !== ''))];
  if (ids.length === 0) return;
  const build = () =>
    db
      .insertInto('order_units')
      .values(ids.map((unitId) => ({ order_id: orderId, unit_id: unitId })))
      .onConflict((oc) => oc.columns(['order_id', 'unit_id']).doNothing());
  // One text per count of units for the few an action or a report links, compiled once.
  if (ids.length > 8) await build().execute();
  else
    await executeCompiled(
      db,
      `order_units.add:${ids.length}`,
      ids.flatMap((u) => [orderId, u]),
      build,
    );
}

/** The ids of every unit an order has involved. */
export async function listOrderUnitIds(db: Db, orderId: string): Promise<string[]> {
  const { rows } = await executeCompiled(db, 'order_units.ofOrder', [orderId], () =>
    db.selectFrom('order_units').select('unit_id').where('order_id', '=', orderId),
  );
  return rows.map((r) => r.unit_id);
}

/** Records many (order, unit) links at once (imports, benchmarks); known ones are skipped. */
export async function addOrderUnitLinks(
  db: Db,
  links: readonly { orderId: string; unitId: string }[],
): Promise<void> {
  for (let i = 0; i < links.length; i += 5000) {
    await db
      .insertInto('order_units')
      .values(links.slice(i, i + 5000).map((l) => ({ order_id: l.orderId, unit_id: l.unitId })))
      .onConflict((oc) => oc.columns(['order_id', 'unit_id']).doNothing())
      .execute();
  }
}

/** Makes users follow an order; existing followers are kept as they are. */
export async function addFollowers(
  db: Db,
  orderId: string,
  userIds: readonly (string | null)[],
  since: number,
): Promise<void> {
  const ids = [...new Set(userIds.filter((id): id is string => typeof id === 'string' && id !== ''))];
  if (ids.length === 0) return;
  const build = () =>
    db
      .insertInto('order_followers')
      .values(ids.map((userId) => ({ order_id: orderId, user_id: userId, since })))
      .onConflict((oc) => oc.columns(['order_id', 'user_id']).doNothing());
  // One text per count of followers for the few a report adds, compiled once.
  if (ids.length > 8) await build().execute();
  else
    await executeCompiled(
      db,
      `order_followers.add:${ids.length}`,
      ids.flatMap((u) => [orderId, u, since]),
      build,
    );
}

/** The users following an order. */
export async function listFollowers(db: Db, orderId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('order_followers')
    .select('user_id')
    .where('order_id', '=', orderId)
    .orderBy('since')
    .execute();
  return rows.map((r) => r.user_id);
}
