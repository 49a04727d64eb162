import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { buildApp } from '../src/app.ts';
import { DEMO_BOATS, DEMO_CREW, DEMO_SHIFT_MINUTES, ensureDemoFleet } from '../src/demo/fleet.ts';
import { ensureDemoFleetRecords } from '../src/demo/fleet-records.ts';
import { DEMO_CONTRACTOR } from '../src/demo/organisations.ts';
import { DEMO_SEGMENTS } from '../src/demo/segments.ts';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { type DemoWorld, seedDemoWorld } from '../src/demo/world.ts';
import { type Gateways, startGateways } from '../src/gateway/index.ts';
import type { App } from '../src/http/app-types.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { startDemoFleet } from '../src/sim/demo-boats.ts';
import { shiftStartedAgo } from '../src/sim/model/shift.ts';
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
    assert.equal(await ensureDemoFleetRecords(t.ctx), false, 'nor are its records');
  });

  it('puts the 39 crew on the 14 boats, docks at the river ends, and the simulator’s shifts in the plans', async () => {
    const operator = await loginAs(t.app, 'operator', DEMO_PASSWORD);
    const get = async (url: string) => {
      const res = await t.app.inject({ url, headers: operator });
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
      return res.json();
    };
    const { boats, crew } = t.world.fleet;
    let onBoats = 0;
    for (const boat of boats) {
      const members = (await get(`/api/assets/${boat.id}/crew`)).items as { code: string; boatId: string }[];
      assert.deepEqual(
        members.map((m) => m.code),
        DEMO_CREW.filter((c) => c.boatCode === boat.code).map((c) => c.code),
        boat.code,
      );
      assert.ok(members.length === 2 || members.length === 3, `${boat.code}: ${members.length} crew`);
      onBoats += members.length;
    }
    assert.equal(onBoats, 39);
    assert.equal(t.world.records.crewOnBoats, 39);
    // The demo crew login (钱船员) is crew member 钱建国 on 清波1号.
    const linked = crew.find((c) => c.code === 'CREW-01');
    const member = await get(`/api/assets/${linked?.id}`);
    assert.deepEqual([member.name, member.boatId], ['钱建国', boats[0]?.id]);
    assert.ok(member.userId);

    const docks = (await get('/api/docks')).items as {
      name: string;
      lat: number;
      lon: number;
      radiusM: number;
    }[];
    assert.equal(docks.length, 11);
    const ends = DEMO_SEGMENTS.flatMap((s) => [s.geometry.coordinates[0], s.geometry.coordinates.at(-1)]);
    for (const d of docks) {
      assert.ok(
        ends.some((e) => e?.[0] === d.lon && e?.[1] === d.lat),
        `${d.name} at ${d.lat},${d.lon} is a segment end`,
      );
      assert.equal(d.radiusM, 50);
      assert.match(d.name, /码头$/);
    }

    // Each boat's plan is the daily shift the simulator drives it with, anchored when the demo starts.
    for (const [i, boat] of boats.entries()) {
      const plan = await get(`/api/assets/${boat.id}/shifts`);
      assert.equal(plan.source, 'asset');
      assert.equal(plan.weekly.length, 7);
      const [{ start, end }] = plan.weekly;
      assert.ok(plan.weekly.every((s: { start: string; end: string }) => s.start === start && s.end === end));
      const [h, m] = start.split(':').map(Number);
      const sim = Math.floor(
        shiftStartedAgo(Date.now(), DEMO_BOATS[i]?.shiftLeadMinutes ?? 0, DEMO_SHIFT_MINUTES).startMinute,
      );
      const apart = Math.abs(h * 60 + m - sim);
      assert.ok(Math.min(apart, 1440 - apart) <= 2, `${boat.code} ${start} vs the simulator's ${sim} min`);
      assert.equal(
        end,
        `${String(Math.floor(((h * 60 + m + 600) % 1440) / 60)).padStart(2, '0')}:${String(m).padStart(2, '0')}`,
      );
    }
  });

  it('has a month of unloads: about 70 t from the 14 boats, at their docks', async () => {
    const operator = await loginAs(t.app, 'operator', DEMO_PASSWORD);
    const res = await t.app.inject({ url: '/api/unloads?limit=1000', headers: operator });
    assert.equal(res.statusCode, 200);
    const page = res.json();
    assert.equal(page.total, t.world.records.unloads);
    assert.ok(page.totalTonnes >= 55 && page.totalTonnes <= 85, `${page.totalTonnes} t in 31 days`);
    const perBoat = new Map<string, number>();
    for (const u of page.items as { assetId: string; tonnes: number; dockId: string | null; at: string }[]) {
      assert.ok(u.tonnes > 0 && u.tonnes <= 1, `${u.tonnes} t`);
      assert.ok(u.dockId, 'unloaded at a dock');
      assert.ok(Date.parse(u.at) < Date.now());
      perBoat.set(u.assetId, (perBoat.get(u.assetId) ?? 0) + 1);
    }
    assert.equal(perBoat.size, 14, 'every boat unloads in a month');
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
      // Terminals only, no clock-ins: a boat whose stored shift began today is on duty from its start.
      const duty = (await t.app.inject({ url: '/api/duty', headers: operator })).json();
      const localNow = Math.floor(
        ((((Date.now() + 8 * 3_600_000) % 86_400_000) + 86_400_000) % 86_400_000) / 60_000,
      );
      let derived = 0;
      for (const b of duty.boats as { assetId: string; source: string; onDutyFrom: string | null }[]) {
        assert.equal(b.source, 'derived');
        const plan = (
          await t.app.inject({ url: `/api/assets/${b.assetId}/shifts`, headers: operator })
        ).json();
        const [h, m] = plan.weekly[0].start.split(':').map(Number);
        if (h * 60 + m > localNow) continue; // began yesterday, before midnight
        const started = new Date(b.onDutyFrom ?? 0);
        assert.equal(
          (started.getUTCHours() * 60 + started.getUTCMinutes() + 480) % 1440,
          h * 60 + m,
          b.assetId,
        );
        derived++;
      }
      assert.ok(derived > 0 || localNow < 120, `${derived} boats on derived duty`);
    } finally {
      fleet.stop();
    }
  });
});
