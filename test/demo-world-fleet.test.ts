import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { buildApp } from '../src/app.ts';
import { DEMO_BOATS, DEMO_CREW, ensureDemoFleet } from '../src/demo/fleet.ts';
import { DEMO_CONTRACTOR } from '../src/demo/organisations.ts';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { type DemoWorld, seedDemoWorld } from '../src/demo/world.ts';
import { type Gateways, startGateways } from '../src/gateway/index.ts';
import type { App } from '../src/http/app-types.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { startDemoFleet } from '../src/sim/demo-boats.ts';
import type { Store } from '../src/store/database.ts';
import { listSegments } from '../src/store/segments.repository.ts';
import { loginAs, testConfig } from './helpers/app.ts';
import { forEachDialect, openTestStore } from './helpers/dialects.ts';

forEachDialect('demo fleet', (kind) => {
  const t = {} as { store: Store; app: App; ctx: ServiceContext; world: DemoWorld; gateways: Gateways };
  let dispose: (() => Promise<void>) | undefined;
  before(async () => {
    const opened = await openTestStore(kind);
    dispose = opened.dispose;
    t.store = opened.store;
    // The real clock: the simulated boats report "now".
    t.ctx = { db: opened.store.db, now: Date.now };
    t.world = await seedDemoWorld(t.ctx, {});
    t.app = await buildApp(testConfig(), { store: opened.store, logger: false });
    t.gateways = await startGateways(t.app.platform, t.app.log, { jt808: 0, gt06: 0, osmand: 0 });
  });
  after(async () => {
    await t.gateways?.close();
    await t.app?.close();
    await dispose?.();
  });

  it('seeds 14 boats on the river segments, each with a JT/T 808 device, and 39 crew', async () => {
    const contractor = t.world.units.find((u) => u.code === DEMO_CONTRACTOR.code);
    const { boats, crew, devices } = t.world.fleet;
    assert.deepEqual(
      boats.map((b) => [b.kind, b.code, b.name, b.unitId]),
      Array.from({ length: 14 }, (_, i) => [
        'boat',
        `BOAT-${String(i + 1).padStart(2, '0')}`,
        `清波${i + 1}号`,
        contractor?.id,
      ]),
    );
    const segments = await listSegments(t.store.db, {});
    const perSegment = segments.map((s) => boats.filter((b) => b.segmentId === s.id).length);
    assert.deepEqual(perSegment, [3, 3, 2, 2, 2, 2]);
    assert.deepEqual(
      devices.map((d) => [d.protocol, d.identifier, d.assetId, d.unitId]),
      boats.map((b, i) => ['jt808', String(13_800_000_001 + i), b.id, contractor?.id]),
    );
    assert.equal(crew.length, 39);
    assert.equal(new Set(crew.map((c) => c.name)).size, 39, 'crew names are distinct');
    for (const c of crew) {
      assert.equal(c.kind, 'crew');
      assert.equal(c.unitId, contractor?.id);
      assert.match(c.name, /^[\u4e00-\u9fff]{2,3}$/);
      assert.ok(c.segmentId && segments.some((s) => s.id === c.segmentId));
    }
    assert.equal(DEMO_CREW.length, 39);
    assert.equal(DEMO_BOATS.length, 14);
    assert.equal(await ensureDemoFleet(t.ctx), false, 'a seeded world is not seeded again');
  });

  it('runs the 14 boats against the JT/T 808 listener so the operator sees them live', async () => {
    const started = Date.now();
    const fleet = startDemoFleet({
      host: '0.0.0.0',
      port: t.gateways.jt808.port,
      log: { info() {}, warn() {} },
    });
    try {
      const operator = await loginAs(t.app, 'operator', DEMO_PASSWORD);
      let items: { time: string; lat: number; lon: number }[] = [];
      while (items.length < 14 && Date.now() - started < 15_000) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        items = (await t.app.inject({ url: '/api/positions/latest', headers: operator })).json().items;
      }
      assert.equal(items.length, 14, `${items.length} boats seen within 15 s`);
      for (const p of items) {
        assert.ok(Date.parse(p.time) >= started - 1000, `fresh fix at ${p.time}`);
        assert.ok(
          Math.abs(p.lat - 31.3) < 0.03 && Math.abs(p.lon - 120.8) < 0.04,
          `${p.lat}, ${p.lon} near the demo`,
        );
      }
    } finally {
      fleet.stop();
    }
  });
});
