import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { buildApp } from '../src/app.ts';
import { buildLattice } from '../src/demo/lattice.ts';
import { DEMO_LATTICE, DEMO_LAYOUT, planSubdistrict } from '../src/demo/layout.ts';
import { DEMO_DEPARTMENTS } from '../src/demo/organisations.ts';
import { DEMO_SEGMENTS } from '../src/demo/segments.ts';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/users.ts';
import { type DemoWorld, seedDemoWorld } from '../src/demo/world.ts';
import { ROLES } from '../src/domain/auth/roles.ts';
import { areaGeometryProblem, type PolygonGeometry, type Position } from '../src/domain/org/polygon.ts';
import type { App } from '../src/http/app-types.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { locate } from '../src/services/units.service.ts';
import type { Store } from '../src/store/database.ts';
import { findSegment, findSegmentByCode, listSegments } from '../src/store/segments.repository.ts';
import { listUnits, type Unit } from '../src/store/units.repository.ts';
import { loginAs, TestClock, testConfig } from './helpers/app.ts';
import { forEachDialect, openTestStore } from './helpers/dialects.ts';

const ADMIN_PASSWORD = 'Admin-pass-2026';

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
  const t = {} as { store: Store; app: App; ctx: ServiceContext; world: DemoWorld; units: readonly Unit[] };
  let dispose: (() => Promise<void>) | undefined;
  before(async () => {
    const opened = await openTestStore(kind);
    dispose = opened.dispose;
    t.store = opened.store;
    t.ctx = { db: opened.store.db, now: clock.now };
    t.world = await seedDemoWorld(t.ctx, { adminPassword: ADMIN_PASSWORD });
    t.units = await listUnits(t.store.db, { scopePath: null });
    t.app = await buildApp(testConfig(), { store: opened.store, now: clock.now, logger: false });
  });
  after(async () => {
    await t.app?.close();
    await dispose?.();
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
      for (const p of s.geometry.coordinates) {
        assert.ok(booleanPointInPolygon(p, subdistrict.polygon as PolygonGeometry), `${s.name} at ${p}`);
      }
      const coords = s.geometry.coordinates;
      const i = Math.floor((coords.length - 1) / 2);
      const [a, b] = [coords[i] as Position, coords[i + 1] as Position];
      const chain = await locate(t.ctx, (a[1] + b[1]) / 2, (a[0] + b[0]) / 2);
      assert.equal(chain?.grid.kind, 'grid', `the middle of ${s.name} lies in a grid`);
    }
    assert.equal(await findSegmentByCode(t.store.db, 'NO-SUCH-SEGMENT'), undefined);
  });

  it('lets every demo user log in, one per role, into the unit the table names', async () => {
    assert.deepEqual(DEMO_USERS.map((u) => u.role).sort(), [...ROLES].sort());
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
});
