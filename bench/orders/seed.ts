// Fills a fresh database for the orders benchmark: the demo organisation, the default
// dictionary, and N orders written in bulk through the repositories (not through HTTP).

import { seededRandom } from '../../src/demo/prng.ts';
import { seedDemoWorld } from '../../src/demo/world.ts';
import type { AreaGeometry } from '../../src/domain/org/polygon.ts';
import { workingCalendar } from '../../src/services/calendar.service.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { seedWorkOrderDefaults } from '../../src/services/work-order-defaults.ts';
import { insertAttachment } from '../../src/store/attachments.repository.ts';
import { listCategories } from '../../src/store/categories.repository.ts';
import { insertOrderEvents } from '../../src/store/order-events.repository.ts';
import { addOrderUnitLinks } from '../../src/store/order-links.repository.ts';
import { insertOrders } from '../../src/store/orders.repository.ts';
import { listUnits } from '../../src/store/units.repository.ts';
import { findUserByUsername } from '../../src/store/users.repository.ts';
import { pointsIn, type SeededOrder, type SeedWorld, seedOrder } from './flow.ts';

const BEIJING_MS = 8 * 3_600_000;
const DAY = 86_400_000;

async function seedWorld(ctx: ServiceContext, adminPassword: string): Promise<SeedWorld> {
  await seedDemoWorld(ctx, { adminPassword });
  await seedWorkOrderDefaults(ctx);
  const units = await listUnits(ctx.db, { scopePath: null });
  const byId = new Map(units.map((u) => [u.id, u]));
  const subdistrict = units.find((u) => u.kind === 'subdistrict');
  const operator = await findUserByUsername(ctx.db, 'operator');
  if (!subdistrict || !operator) throw new Error('the demo world has no subdistrict or operator');
  const random = seededRandom(808);
  const grids = units
    .filter((u) => u.kind === 'grid' && u.polygon && u.parentId)
    .map((grid) => {
      const community = byId.get(grid.parentId ?? '');
      if (!community) throw new Error(`grid ${grid.code} has no community`);
      return { grid, community, points: pointsIn(grid.polygon as AreaGeometry, random, 40) };
    });
  const photoId = 'bench-after-photo';
  await insertAttachment(ctx.db, {
    id: photoId,
    sha256: '0'.repeat(64),
    mime: 'image/jpeg',
    bytes: 1024,
    width: 640,
    height: 480,
    fileName: 'after.jpg',
    uploadedBy: operator.id,
    createdAt: ctx.now(),
    thumbnailSha256: null,
    thumbnailMime: null,
  });
  const now = ctx.now();
  return {
    subdistrict,
    operator: { userId: operator.id, role: 'operator', unitId: operator.unitId },
    grids,
    categories: await listCategories(ctx.db, { active: true }),
    calendar: await workingCalendar(ctx),
    photoId,
    now,
    // Before today's Beijing midnight: today's order codes stay free for the orders the run creates.
    until: Math.floor((now + BEIJING_MS) / DAY) * DAY - BEIJING_MS,
    daySequences: new Map(),
  };
}

/** Seeds the world and `count` orders; returns the world and how long the orders took. */
export async function seedBench(
  ctx: ServiceContext,
  count: number,
  adminPassword: string,
): Promise<{ world: SeedWorld; seconds: number; events: number }> {
  const world = await seedWorld(ctx, adminPassword);
  const random = seededRandom(2026);
  const t0 = performance.now();
  let events = 0;
  for (let done = 0; done < count; ) {
    const batch: SeededOrder[] = [];
    for (; batch.length < 5000 && done < count; done++) batch.push(seedOrder(world, random));
    events += batch.reduce((n, o) => n + o.events.length, 0);
    await ctx.db.transaction().execute(async (trx) => {
      await insertOrders(trx, batch);
      await insertOrderEvents(
        trx,
        batch.flatMap((o) => o.events),
      );
      await addOrderUnitLinks(
        trx,
        batch.flatMap((o) => o.unitIds.map((unitId) => ({ orderId: o.order.id, unitId }))),
      );
    });
  }
  return { world, seconds: (performance.now() - t0) / 1000, events };
}
