// The demo's work orders in the database: the world they are told in (loaded from the seeded
// organisation, dictionary, calendar and users), and the bulk write of seeded orders through
// the repositories. The orders benchmark writes its orders with the same code.
import { randomBytes } from 'node:crypto';
import { v7 } from 'uuid';
import type { AreaGeometry } from '../../domain/org/polygon.ts';
import { orderCodeDay } from '../../domain/workorder/code.ts';
import type { Actor } from '../../domain/workorder/model.ts';
import type { OrderStatus } from '../../domain/workorder/states.ts';
import { seededRandom } from '../../seeded-random.ts';
import { hashToken } from '../../services/auth/index.ts';
import { workingCalendar } from '../../services/calendar/index.ts';
import type { ServiceContext } from '../../services/context.ts';
import { addBulkOrderRollups } from '../../services/rollups/index.ts';
import type { BlobStore } from '../../store/blob-store.ts';
import { listCategories } from '../../store/categories.repository.ts';
import { nextCounterValue } from '../../store/counters.repository.ts';
import type { Db } from '../../store/database.ts';
import { insertOpen311Key } from '../../store/open311-keys.repository.ts';
import { insertOpen311Submission } from '../../store/open311-requests.repository.ts';
import { insertOrderEvents } from '../../store/order-events.repository.ts';
import { addOrderUnitLinks } from '../../store/order-links.repository.ts';
import { countOrders } from '../../store/order-list.repository.ts';
import { insertOrders } from '../../store/orders.repository.ts';
import { listUnits } from '../../store/units.repository.ts';
import { findUserByUsername } from '../../store/users.repository.ts';
import { DEMO_CONTRACTOR } from '../organisations.ts';
import { DEMO_USERS } from '../users.ts';
import { assignCode, DAY_MS, dutyActor, type OrderWorld, pointsIn, type SeededOrder } from './flow.ts';
import { storeDemoPhotos } from './photos.ts';
import { DEMO_ORDER_DAYS } from './planner.ts';
import { planDemoOrders } from './stories.ts';

/** The seed of the demo's orders: the same seed and clock give the same orders. */
export const DEMO_ORDER_SEED = 20260302;

/** Time-ordered ids (UUIDv7) minted at a given instant from the PRNG: the same seed gives the same ids. */
export function idMaker(random: () => number): (at: number) => string {
  return (at) => {
    const bytes = new Uint8Array(16);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
    return v7({ msecs: Math.max(0, Math.floor(at)), random: bytes });
  };
}

/**
 * The world seeded orders are told in, read from the database: units, grids with `pointsPerGrid`
 * points inside each (from `random`), the active dictionary, the working calendar, and the demo
 * users who act for their units. Units without a demo user act through duty accounts.
 */
export async function loadOrderWorld(
  ctx: ServiceContext,
  options: { photos: OrderWorld['photos']; random: () => number; pointsPerGrid?: number },
): Promise<OrderWorld> {
  const units = await listUnits(ctx.db, { scopePath: null });
  const subdistrict = units.find((u) => u.kind === 'subdistrict' && u.parentId === null);
  if (!subdistrict) throw new Error('there is no subdistrict to seed orders in');
  const people = new Map<string, Actor>();
  for (const u of DEMO_USERS) {
    const user = await findUserByUsername(ctx.db, u.username);
    if (user?.active)
      people.set(`${user.unitId}/${user.role}`, { userId: user.id, role: u.role, unitId: user.unitId });
  }
  const byId = new Map(units.map((u) => [u.id, u]));
  const grids = units
    .filter((u) => u.kind === 'grid' && u.polygon && u.parentId)
    .map((grid) => {
      const community = byId.get(grid.parentId ?? '');
      if (!community) throw new Error(`grid ${grid.code} has no community`);
      const points = pointsIn(grid.polygon as AreaGeometry, options.random, options.pointsPerGrid ?? 40);
      return { grid, community, points };
    })
    .filter((g) => g.points.length > 0);
  const actor = (role: 'operator' | 'leader') =>
    people.get(`${subdistrict.id}/${role}`) ?? dutyActor({ people }, subdistrict, role);
  return {
    now: ctx.now(),
    calendar: await workingCalendar(ctx),
    subdistrict,
    operator: actor('operator'),
    leader: actor('leader'),
    units,
    grids,
    categories: await listCategories(ctx.db, { active: true }),
    people,
    photos: options.photos,
  };
}

/** Gives each order the next code of its day from the same counters createOrder numbers with, oldest first. */
export async function assignCodesFromCounters(db: Db, orders: readonly SeededOrder[]): Promise<void> {
  const oldestFirst = [...orders].sort((a, b) => a.order.createdAt - b.order.createdAt);
  for (const o of oldestFirst) {
    assignCode(o, await nextCounterValue(db, `order-code:${orderCodeDay(o.order.createdAt)}`));
  }
}

/**
 * Writes seeded orders (codes assigned) with multi-row inserts: the rows createOrder and each
 * action would have written (order, events with their photo links, involved units, followers),
 * plus the Open311 submission behind each order of that source when a key is given.
 */
export async function writeSeededOrders(
  db: Db,
  orders: readonly SeededOrder[],
  options: { open311KeyId?: string } = {},
): Promise<void> {
  for (let i = 0; i < orders.length; i += 5000) {
    const batch = orders.slice(i, i + 5000);
    await insertOrders(db, batch);
    await insertOrderEvents(
      db,
      batch.flatMap((o) => o.events),
    );
    await addOrderUnitLinks(
      db,
      batch.flatMap((o) => o.unitIds.map((unitId) => ({ orderId: o.order.id, unitId }))),
    );
    const followers = batch.flatMap((o) =>
      o.followers.map((f) => ({ order_id: o.order.id, user_id: f.userId, since: f.since })),
    );
    // 3 columns a row: 5,000 rows stay under SQLite's 32,766 bound parameters.
    for (let j = 0; j < followers.length; j += 5000) {
      await db
        .insertInto('order_followers')
        .values(followers.slice(j, j + 5000))
        .onConflict((oc) => oc.columns(['order_id', 'user_id']).doNothing())
        .execute();
    }
  }
  if (options.open311KeyId) {
    for (const o of orders.filter((x) => x.order.source === 'open311')) {
      await insertOpen311Submission(db, {
        orderId: o.order.id,
        keyId: options.open311KeyId,
        email: null,
        firstName: null,
        lastName: null,
        phone: null,
        deviceId: null,
        accountId: null,
        addressId: null,
        mediaUrls: [],
        createdAt: o.order.createdAt,
      });
    }
  }
}

/** What the demo's order seed wrote. */
export interface DemoOrdersSeeded {
  orders: number;
  events: number;
  byStatus: Partial<Record<OrderStatus, number>>;
}

/**
 * Seeds the demo's work orders (see planDemoOrders) into the demo world, after the work-order
 * defaults: about a hundred orders over the last 30 days of the clock, in every state, with
 * their photos (stored in `blobs`) and an Open311 client key for those that came through it.
 * Only into the demo world and only while it holds no order at all, in one transaction, so it
 * never seeds twice; returns null when it left the database alone.
 */
export async function seedDemoOrders(
  ctx: ServiceContext,
  options: { blobs: BlobStore; seed?: number },
): Promise<DemoOrdersSeeded | null> {
  const seed = options.seed ?? DEMO_ORDER_SEED;
  return ctx.db.transaction().execute(async (trx) => {
    const tx: ServiceContext = { ...ctx, db: trx };
    const contractor = (await listUnits(trx, { scopePath: null, kind: 'contractor' })).find(
      (u) => u.code === DEMO_CONTRACTOR.code,
    );
    if (!contractor || (await countOrders(trx, { visibility: { kind: 'all' }, now: ctx.now() })) > 0)
      return null;
    const operator = await findUserByUsername(trx, 'operator');
    const admin = await findUserByUsername(trx, 'admin');
    const now = ctx.now();
    const ids = idMaker(seededRandom(seed + 1));
    const since = now - (DEMO_ORDER_DAYS + 2) * DAY_MS;
    const photos = await storeDemoPhotos(
      trx,
      options.blobs,
      () => ids(since),
      operator?.id ?? 'system',
      since,
    );
    const keyId = ids(since);
    const world = await loadOrderWorld(tx, { photos, random: seededRandom(seed) });
    const open311Reporter: Actor = {
      userId: `open311:${keyId}`,
      role: 'operator',
      unitId: world.subdistrict.id,
    };
    const orders = planDemoOrders(world, seededRandom(seed + 2), ids, { open311Reporter });
    const lastUsed = Math.max(
      0,
      ...orders.filter((o) => o.order.source === 'open311').map((o) => o.order.createdAt),
    );
    await insertOpen311Key(trx, {
      id: keyId,
      name: '娄江随手拍（市民小程序）',
      // Nobody holds this key: a client that wants to post requests gets a key of its own.
      keyHash: hashToken(randomBytes(24).toString('base64url')),
      createdBy: admin?.id ?? null,
      createdAt: since,
      lastUsedAt: lastUsed || null,
      revokedAt: null,
    });
    await assignCodesFromCounters(trx, orders);
    await writeSeededOrders(trx, orders, { open311KeyId: keyId });
    await addBulkOrderRollups(trx, orders, world.units, world.calendar);
    const byStatus: DemoOrdersSeeded['byStatus'] = {};
    for (const o of orders) byStatus[o.order.state.status] = (byStatus[o.order.state.status] ?? 0) + 1;
    return { orders: orders.length, events: orders.reduce((n, o) => n + o.events.length, 0), byStatus };
  });
}
