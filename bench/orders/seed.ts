// Fills a fresh database for the orders benchmark: the demo organisation, the default
// dictionary, and N orders written in bulk through the repositories (not through HTTP), with
// the demo's order code (src/demo/orders.ts).

import { idMaker, loadOrderWorld, writeSeededOrders } from '../../src/demo/orders/seed.ts';
import { seedDemoWorld } from '../../src/demo/world.ts';
import { seededRandom } from '../../src/seeded-random.ts';
import { seedWorkOrderDefaults } from '../../src/services/categories/index.ts';
import type { ServiceContext } from '../../src/services/context.ts';
import { insertAttachment } from '../../src/store/attachments.repository.ts';
import { findUserByUsername } from '../../src/store/users.repository.ts';
import { type SeededOrder, type SeedWorld, seedOrder } from './flow.ts';

const BEIJING_MS = 8 * 3_600_000;
const DAY = 86_400_000;

async function seedWorld(ctx: ServiceContext, adminPassword: string): Promise<SeedWorld> {
  await seedDemoWorld(ctx, { adminPassword });
  await seedWorkOrderDefaults(ctx);
  const operator = await findUserByUsername(ctx.db, 'operator');
  if (!operator) throw new Error('the demo world has no operator');
  // A photo row without a file: the benchmark never downloads it.
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
  const world = await loadOrderWorld(ctx, {
    photos: { before: [], after: [photoId] },
    random: seededRandom(808),
  });
  return {
    ...world,
    // Before today's Beijing midnight: today's order codes stay free for the orders the run creates.
    until: Math.floor((world.now + BEIJING_MS) / DAY) * DAY - BEIJING_MS,
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
  const ids = idMaker(seededRandom(2027));
  const t0 = performance.now();
  let events = 0;
  for (let done = 0; done < count; ) {
    const batch: SeededOrder[] = [];
    for (; batch.length < 5000 && done < count; done++) batch.push(seedOrder(world, random, ids));
    events += batch.reduce((n, o) => n + o.events.length, 0);
    await ctx.db.transaction().execute((trx) => writeSeededOrders(trx, batch));
  }
  return { world, seconds: (performance.now() - t0) / 1000, events };
}
