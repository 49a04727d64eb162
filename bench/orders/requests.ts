// What the benchmark asks for: the list page's filter and the reports the create+dispatch load sends.
import type { Db } from '../../src/store/database.ts';
import type { SeedWorld } from './flow.ts';

/** The list page's filter: dispatched orders of the first category of the dictionary, and how many match. */
export async function listPageFilter(
  db: Db,
): Promise<{ categoryId: string; matching: number; total: number }> {
  const category = await db
    .selectFrom('categories')
    .select('id')
    .orderBy('type')
    .orderBy('major_code')
    .orderBy('minor_code')
    .executeTakeFirstOrThrow();
  const count = async (where: boolean) => {
    let q = db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n'));
    if (where) q = q.where('status', '=', 'dispatched').where('category_id', '=', category.id);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };
  return { categoryId: category.id, matching: await count(true), total: await count(false) };
}

/** Reports spread over the grids and the dictionary, each with the unit the operator dispatches it to. */
export function orderReports(world: SeedWorld, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const place = world.grids[i % world.grids.length];
    const category = world.categories[(i * 7) % world.categories.length];
    const point = place?.points[(i * 13) % place.points.length];
    if (!place || !category || !point) throw new Error('the bench world has no grids, categories or points');
    const unitId =
      category.defaultUnitKind === 'department' && category.defaultUnitId
        ? category.defaultUnitId
        : place.community.id;
    return { categoryId: category.id, lat: point[0], lon: point[1], unitId };
  });
}
