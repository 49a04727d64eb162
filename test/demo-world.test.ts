import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { buildApp } from '../src/app.ts';
import { buildLattice } from '../src/demo/lattice.ts';
import { DEMO_LATTICE, DEMO_LAYOUT, planSubdistrict } from '../src/demo/layout.ts';
import {
  DEMO_ORDER_SEED,
  type DemoOrdersSeeded,
  idMaker,
  loadOrderWorld,
  seedDemoOrders,
} from '../src/demo/orders/seed.ts';
import { planDemoOrders } from '../src/demo/orders/stories.ts';
import { DEMO_DEPARTMENTS } from '../src/demo/organisations.ts';
import { DEMO_SEGMENTS } from '../src/demo/segments.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/users.ts';
import { type DemoWorld, seedDemoWorld } from '../src/demo/world.ts';
import { ROLES } from '../src/domain/auth/roles.ts';
import { areaGeometryProblem, type PolygonGeometry, type Position } from '../src/domain/org/polygon.ts';
import { ORDER_STATUSES, type OrderStatus } from '../src/domain/workorder/states.ts';
import type { App } from '../src/http/app-types.ts';
import { seededRandom } from '../src/seeded-random.ts';
import { seedWorkOrderDefaults } from '../src/services/categories/index.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { locate } from '../src/services/units/index.ts';
import { BlobStore } from '../src/store/blob-store.ts';
import type { Store } from '../src/store/database.ts';
import { findSegment, findSegmentByCode, listSegments } from '../src/store/segments.repository.ts';
import { listUnits, type Unit } from '../src/store/units.repository.ts';
import { loginAs, TestClock, testConfig } from './helpers/app.ts';
import { forEachDialect, openTestStore } from './helpers/dialects.ts';

const ADMIN_PASSWORD = 'Admin-pass-2026';

/** The parts of an order and an event of the orders API these tests read. */
interface OrderItem {
  id: string;
  code: string;
  status: OrderStatus;
  level: string;
  source: string;
  category: { minorName: string } | null;
  address: string | null;
  lat: number;
  lon: number;
  gridId: string | null;
  communityId: string | null;
  light: string | null;
  parked: object | null;
  supervision: { count: number } | null;
  subTasks: object[];
  extensionRequests: object[];
  version: number;
  createdAt: string;
}

interface EventItem {
  seq: number;
  action: string;
  fromState: string | null;
  toState: string;
  at: string;
}

function outer(unit: Unit): Position[] {
  return (unit.polygon as PolygonGeometry).coordinates[0] ?? [];
}

/** Shoelace area in square degrees: additive over a tessellation, which is all these checks need. */
function area(ring: Position[]): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i] as Position;
    const [x1, y1] = ring[i + 1] as Position;
    twice += x0 * y1 - x1 * y0;
  }
  return twice / 2;
}

/** Area-weighted centroid of a simple ring, as [lon, lat]. */
function centroid(ring: Position[]): Position {
  let cx = 0;
  let cy = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i] as Position;
    const [x1, y1] = ring[i + 1] as Position;
    const cross = x0 * y1 - x1 * y0;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  const a = area(ring);
  return [cx / (6 * a), cy / (6 * a)];
}

function assertTiles(parent: Unit, children: Unit[]): void {
  const sum = children.reduce((s, c) => s + area(outer(c)), 0);
  const whole = area(outer(parent));
  assert.ok(whole > 0, `${parent.name} runs anticlockwise`);
  assert.ok(Math.abs(sum - whole) < whole * 1e-9, `${parent.name}: children cover ${sum}, parent ${whole}`);
}

it('lays out the same demo world on every run', () => {
  assert.deepEqual(planSubdistrict(buildLattice(DEMO_LATTICE.spec)), DEMO_LAYOUT);
});

forEachDialect('demo world', (kind) => {
  const clock = new TestClock();
  const t = {} as {
    store: Store;
    app: App;
    ctx: ServiceContext;
    world: DemoWorld;
    units: readonly Unit[];
    orders: DemoOrdersSeeded | null;
    blobs: BlobStore;
  };
  let dispose: (() => Promise<void>) | undefined;
  const blobDir = mkdtempSync(path.join(tmpdir(), 'zs-demo-orders-'));
  before(async () => {
    const opened = await openTestStore(kind);
    dispose = opened.dispose;
    t.store = opened.store;
    t.ctx = { db: opened.store.db, now: clock.now };
    t.world = await seedDemoWorld(t.ctx, { adminPassword: ADMIN_PASSWORD });
    t.units = await listUnits(t.store.db, { scopePath: null });
    // As bootstrap does on a first demo start: the dictionary and calendar, then the orders.
    await seedWorkOrderDefaults(t.ctx);
    t.blobs = new BlobStore(blobDir);
    t.orders = await seedDemoOrders(t.ctx, { blobs: t.blobs });
    t.app = await buildApp(testConfig(), { store: opened.store, now: clock.now, logger: false });
  });
  after(async () => {
    await t.app?.close();
    await dispose?.();
    rmSync(blobDir, { recursive: true, force: true });
  });

  const ofKind = (k: string) => t.units.filter((u) => u.kind === k);
  const childrenOf = (u: Unit, k: string) => t.units.filter((c) => c.parentId === u.id && c.kind === k);

  it('seeds one subdistrict, 7 grid areas and workstations, 21 communities of 2–4 grids', () => {
    assert.equal(t.world.units.length, t.units.length);
    const [subdistrict, ...others] = ofKind('subdistrict');
    assert.equal(others.length, 0);
    assert.equal(subdistrict?.name, '娄江街道');
    assert.equal(subdistrict?.code, '320508001');
    assert.equal(ofKind('gridArea').length, 7);
    assert.equal(ofKind('workstation').length, 7);
    assert.equal(ofKind('community').length, 21);
    const grids = ofKind('grid').length;
    assert.ok(grids >= 42 && grids <= 84, `${grids} grids`);
    for (const area of ofKind('gridArea')) {
      assert.equal(childrenOf(area, 'workstation').length, 1, area.name);
      assert.equal(childrenOf(area, 'community').length, 3, area.name);
    }
    for (const community of ofKind('community')) {
      assert.match(community.code, /^320508001\d{3}$/);
      const own = childrenOf(community, 'grid');
      assert.ok(own.length >= 2 && own.length <= 4, `${community.name} has ${own.length} grids`);
      for (const grid of own) {
        assert.match(grid.code, new RegExp(`^${community.code}\\d{2}$`));
        assert.ok(grid.name.startsWith(community.name), grid.name);
      }
    }
    for (const unit of t.units) assert.match(unit.code, /^[0-9A-Za-z-]+$/);
  });

  it('seeds the five departments and the river-cleaning contractor under the subdistrict', () => {
    assert.deepEqual(
      ofKind('department').map((d) => d.name),
      ['园林绿化所', '供电所', '城管中队', '综合执法队', '水务站'],
    );
    assert.equal(DEMO_DEPARTMENTS.length, 5);
    const [contractor, ...more] = ofKind('contractor');
    assert.equal(more.length, 0);
    assert.equal(contractor?.name, '苏州清波河道保洁有限公司');
  });

  it('gives every area a valid polygon, and each parent is tiled exactly by its children', () => {
    const areas = t.units.filter((u) => ['subdistrict', 'gridArea', 'community', 'grid'].includes(u.kind));
    for (const unit of areas) {
      assert.notEqual(unit.polygon, null, unit.name);
      assert.equal(areaGeometryProblem(unit.polygon), undefined, unit.name);
    }
    const [subdistrict] = ofKind('subdistrict') as [Unit];
    assertTiles(subdistrict, ofKind('gridArea'));
    for (const area of ofKind('gridArea')) assertTiles(area, childrenOf(area, 'community'));
    for (const community of ofKind('community')) assertTiles(community, childrenOf(community, 'grid'));
    // Equal areas alone would allow an overlap to hide a gap; every grid also lies in its parents.
    for (const grid of ofKind('grid')) {
      const community = t.units.find((u) => u.id === grid.parentId) as Unit;
      const gridArea = t.units.find((u) => u.id === community.parentId) as Unit;
      const c = centroid(outer(grid));
      for (const parent of [community, gridArea, subdistrict]) {
        assert.ok(
          booleanPointInPolygon(c, parent.polygon as PolygonGeometry),
          `${grid.name} in ${parent.name}`,
        );
      }
    }
  });

  it('locates the centre of each grid to that grid, its community, grid area and workstation', async () => {
    for (const grid of ofKind('grid')) {
      const [lon, lat] = centroid(outer(grid));
      const chain = await locate(t.ctx, lat, lon);
      assert.equal(chain?.grid.code, grid.code, `centre of ${grid.name} at ${lat}, ${lon}`);
      assert.equal(chain?.community.id, grid.parentId);
      assert.equal(chain?.gridArea.id, t.units.find((u) => u.id === grid.parentId)?.parentId);
      assert.equal(chain?.workstation?.kind, 'workstation');
      assert.equal(chain?.subdistrict.name, '娄江街道');
    }
  });

  it('stores the river segments for the contractor, inside the subdistrict', async () => {
    const contractor = ofKind('contractor')[0] as Unit;
    const segments = await listSegments(t.store.db, { unitId: contractor.id });
    assert.ok(segments.length >= 4, `${segments.length} segments`);
    assert.deepEqual(
      segments.map((s) => [s.code, s.name, s.halfWidthM, s.geometry]),
      DEMO_SEGMENTS.map((s) => [s.code, s.name, s.halfWidthM, s.geometry]),
    );
    const [subdistrict] = ofKind('subdistrict') as [Unit];
    for (const s of segments) {
      assert.ok(s.halfWidthM >= 15 && s.halfWidthM <= 40, `${s.name} half-width ${s.halfWidthM}`);
      assert.deepEqual(await findSegment(t.store.db, s.id), s);
      assert.deepEqual(await findSegmentByCode(t.store.db, s.code), s);
      assert.equal(s.geometry.type, 'LineString');
      const coords = s.geometry.coordinates;
      for (const p of coords) {
        assert.ok(booleanPointInPolygon(p, subdistrict.polygon as PolygonGeometry), `${s.name} at ${p}`);
      }
      const i = Math.floor((coords.length - 1) / 2);
      const [a, b] = [coords[i] as Position, coords[i + 1] as Position];
      const chain = await locate(t.ctx, (a[1] + b[1]) / 2, (a[0] + b[0]) / 2);
      assert.equal(chain?.grid.kind, 'grid', `the middle of ${s.name} lies in a grid`);
    }
    assert.equal(await findSegmentByCode(t.store.db, 'NO-SUCH-SEGMENT'), undefined);
  });

  it('lets every demo user log in, every role and the contractor’s office, into the unit the table names', async () => {
    assert.deepEqual([...new Set(DEMO_USERS.map((u) => u.role))].sort(), [...ROLES].sort());
    assert.deepEqual(
      DEMO_USERS.filter((u) => u.role === 'department').map((u) => [u.username, u.unitName]),
      [
        ['department', '园林绿化所'],
        ['contractor', '苏州清波河道保洁有限公司'],
      ],
    );
    assert.equal(t.world.users.length, DEMO_USERS.length);
    for (const u of DEMO_USERS) {
      const password = u.role === 'admin' ? ADMIN_PASSWORD : u.password;
      assert.ok(u.role === 'admin' || password === DEMO_PASSWORD);
      const headers = await loginAs(t.app, u.username, password);
      const me = await t.app.inject({ url: '/api/me', headers });
      assert.equal(me.statusCode, 200, u.username);
      assert.equal(me.json().user.role, u.role);
      assert.equal(me.json().user.displayName, u.displayName);
      assert.equal(me.json().unit.name, u.unitName);
      assert.equal(me.json().unit.code, u.unitCode);
    }
    const gridWorker = DEMO_USERS.find((u) => u.role === 'gridWorker');
    assert.equal(gridWorker?.displayName, '王网格');
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'admin', password: DEMO_PASSWORD },
    });
    assert.equal(refused.statusCode, 401, 'the admin password given to the seed replaces the shared one');
  });
  /** Every order as the operator lists it (one page holds them all). */
  async function operatorOrders(): Promise<OrderItem[]> {
    const headers = await loginAs(t.app, 'operator', DEMO_PASSWORD);
    const res = await t.app.inject({ url: '/api/orders?limit=200', headers });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json() as { items: OrderItem[]; total: number; nextCursor?: string };
    assert.equal(body.nextCursor, undefined, 'one page holds every demo order');
    assert.equal(body.total, body.items.length);
    return body.items;
  }

  it('seeds a month of work orders in every state, from every source, that the operator lists', async (c) => {
    assert.ok(t.orders, 'the first seed writes orders');
    c.diagnostic(
      `${t.orders.orders} orders, ${t.orders.events} events: ${JSON.stringify(t.orders.byStatus)}`,
    );
    const items = await operatorOrders();
    assert.equal(items.length, t.orders.orders);
    assert.ok(items.length >= 60 && items.length <= 120, `${items.length} orders`);
    const statuses = new Set(items.map((o) => o.status));
    for (const s of ORDER_STATUSES) assert.ok(statuses.has(s), `an order is ${s}`);
    const sources = new Set(items.map((o) => o.source));
    for (const s of ['resident', 'gridWorker', 'community', 'patrol', 'hotline', 'open311']) {
      assert.ok(sources.has(s), `an order came from ${s}`);
    }
    const levels = new Set(items.filter((o) => o.status === 'reported').map((o) => o.level));
    assert.ok(levels.has('community'), 'reports wait on a community problem list');
    assert.ok(
      items.some((o) => o.parked !== null),
      'an order is parked (挂账)',
    );
    assert.ok(
      items.some((o) => o.extensionRequests.length > 0),
      'an extension request waits',
    );
    assert.ok(
      items.some((o) => o.subTasks.length > 0),
      'an order has sub-tasks',
    );
    const now = clock.now();
    for (const o of items) {
      const created = Date.parse(o.createdAt);
      assert.ok(created < now && created > now - 31 * 86_400_000, `${o.code} created ${o.createdAt}`);
      assert.ok(o.gridId && o.communityId, `${o.code} lies in a grid`);
      const chain = await locate(t.ctx, o.lat, o.lon);
      assert.equal(chain?.grid.id, o.gridId, `${o.code} locates to its grid`);
      assert.match(o.code, /^[CE]\d{4}\d{8}\d{4}$/);
    }
    assert.equal(new Set(items.map((o) => o.code)).size, items.length, 'codes are unique');
    // River rubbish lies on the demo rivers, and the river-cleaning crew handles some of it.
    const river = items.filter((o) => o.category?.minorName === '河道漂浮垃圾');
    assert.ok(river.length >= 4, `${river.length} river orders`);
    assert.ok(river.some((o) => DEMO_SEGMENTS.some((s) => o.address?.startsWith(s.name))));
  });

  it('gives every order a timeline from its report to its state, as the flow wrote it', async () => {
    const headers = await loginAs(t.app, 'operator', DEMO_PASSWORD);
    const now = clock.now();
    const actions = new Set<string>();
    for (const o of await operatorOrders()) {
      const res = await t.app.inject({ url: `/api/orders/${o.id}/events`, headers });
      assert.equal(res.statusCode, 200, res.body);
      const events = (res.json() as { items: EventItem[] }).items;
      assert.deepEqual(
        events.map((e) => e.seq),
        events.map((_, i) => i + 1),
        `${o.code}: seq 1..n`,
      );
      assert.equal(events[0]?.action, 'report', o.code);
      assert.equal(events[0]?.toState, 'reported', o.code);
      for (const [i, e] of events.entries()) {
        actions.add(e.action);
        const at = Date.parse(e.at);
        assert.ok(at < now, `${o.code} #${e.seq} happens before now`);
        if (i === 0) continue;
        const before = events[i - 1] as EventItem;
        assert.equal(e.fromState, before.toState, `${o.code} #${e.seq} starts where #${before.seq} ended`);
        assert.ok(at >= Date.parse(before.at), `${o.code} #${e.seq} is not before #${before.seq}`);
      }
      assert.equal(events.at(-1)?.toState, o.status, `${o.code} ends in its state`);
      assert.equal(o.version, events.length, `${o.code} version`);
    }
    for (const a of [
      'register',
      'dispatch',
      'sign',
      'return',
      'startHandling',
      'feedback',
      'verify',
      'close',
      'returnVisit',
      'reopen',
      'escalate',
      'selfHandle',
      'merge',
      'absorb',
      'reject',
      'void',
      'requestExtension',
      'approveExtension',
      'denyExtension',
      'supervise',
      'park',
      'resume',
      'signSubTask',
      'feedbackSubTask',
    ]) {
      assert.ok(actions.has(a), `some timeline records ${a}`);
    }
  });

  it('has yellow and red lights now, and overdue orders under supervision', async () => {
    const headers = await loginAs(t.app, 'operator', DEMO_PASSWORD);
    const lit = async (light: string) => {
      const res = await t.app.inject({ url: `/api/orders?light=${light}&limit=200`, headers });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { items: OrderItem[] }).items;
    };
    const [red, yellow, green] = [await lit('red'), await lit('yellow'), await lit('green')];
    assert.ok(red.length >= 1, `${red.length} red`);
    assert.ok(yellow.length >= 1, `${yellow.length} yellow`);
    assert.ok(green.length >= 1, `${green.length} green`);
    for (const o of red) {
      assert.equal(o.light, 'red');
      assert.ok(o.supervision && o.supervision.count >= 1, `${o.code} is under supervision (督办)`);
    }
    for (const o of yellow) assert.equal(o.light, 'yellow');
  });

  it('shows a community only its own orders, and the demo resident what they reported', async () => {
    const all = await operatorOrders();
    const community = t.units.find((u) => u.name === '娄门社区') as Unit;
    const headers = await loginAs(t.app, 'community', DEMO_PASSWORD);
    const res = await t.app.inject({ url: '/api/orders?limit=200', headers });
    assert.equal(res.statusCode, 200, res.body);
    const seen = (res.json() as { items: OrderItem[] }).items;
    assert.ok(seen.length >= 5, `${seen.length} orders in 娄门社区`);
    for (const o of seen) assert.equal(o.communityId, community.id, `${o.code} lies in 娄门社区`);
    assert.deepEqual(
      seen.map((o) => o.id).sort(),
      all
        .filter((o) => o.communityId === community.id)
        .map((o) => o.id)
        .sort(),
    );
    const resident = await loginAs(t.app, 'resident', DEMO_PASSWORD);
    const own = (await t.app.inject({ url: '/api/orders?limit=200', headers: resident })).json() as {
      items: OrderItem[];
    };
    assert.ok(own.items.length >= 2, `the resident follows ${own.items.length} orders`);
  });

  it('gives the subdistrict non-zero closure, on-time and satisfaction rates for the month', async (c) => {
    const headers = await loginAs(t.app, 'leader', DEMO_PASSWORD);
    const subdistrict = t.units.find((u) => u.kind === 'subdistrict') as Unit;
    const now = clock.now();
    const from = new Date(now - 30 * 86_400_000).toISOString();
    const res = await t.app.inject({
      url: `/api/indicators?unitId=${subdistrict.id}&from=${from}&to=${new Date(now).toISOString()}`,
      headers,
    });
    assert.equal(res.statusCode, 200, res.body);
    const i = res.json().indicators;
    c.diagnostic(`indicators: ${JSON.stringify(i)}`);
    assert.ok(i.registered > 0 && i.closed > 0, JSON.stringify(i));
    assert.ok(i.closureRate > 0 && i.closureRate < 1, `closure rate ${i.closureRate}`);
    assert.ok(i.onTimeClosureRate > 0 && i.onTimeClosureRate < 1, `on-time rate ${i.onTimeClosureRate}`);
    assert.ok(i.satisfactionRate > 0.5, `satisfaction ${i.satisfactionRate}`);
    assert.ok(i.reworks > 0 && i.avgResponseHours > 0 && i.avgHandlingHours > 0, JSON.stringify(i));
  });

  it('plans the same orders for the same seed and clock', async () => {
    const photos = { before: ['b1', 'b2'], after: ['a1', 'a2'] };
    const plan = async () => {
      const world = await loadOrderWorld(t.ctx, { photos, random: seededRandom(DEMO_ORDER_SEED) });
      return planDemoOrders(world, seededRandom(7), idMaker(seededRandom(8)));
    };
    const [first, second] = [await plan(), await plan()];
    assert.deepEqual(first, second);
  });

  it('never seeds the orders twice', async () => {
    const before = (await operatorOrders()).length;
    assert.equal(await seedDemoOrders(t.ctx, { blobs: t.blobs }), null);
    assert.equal((await operatorOrders()).length, before);
  });
});
