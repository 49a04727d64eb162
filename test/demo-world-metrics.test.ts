import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { buildApp } from '../src/app.ts';
import { DEMO_METRICS, seedDemoMetrics } from '../src/demo/metrics.ts';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { seedDemoWorld } from '../src/demo/world.ts';
import type { App } from '../src/http/app-types.ts';
import { seedWorkOrderDefaults } from '../src/services/categories/index.ts';
import type { ServiceContext } from '../src/services/context.ts';
import { loginAs, TestClock, testConfig } from './helpers/app.ts';
import { forEachDialect, openTestStore } from './helpers/dialects.ts';

interface Item {
  metric: { code: string; ownerUserId: string | null };
  target: number;
  actual: number | null;
  actualPeriod: string | null;
  completion: number | null;
  schedule: number;
  gapPoints: number | null;
  light: string | null;
}

forEachDialect('demo metrics', (kind) => {
  // 10:00 on 15 June 2026 in Beijing: January to May have ended.
  const clock = new TestClock(Date.parse('2026-06-15T02:00:00Z'));
  const t = {} as { app: App; ctx: ServiceContext; seeded: Awaited<ReturnType<typeof seedDemoMetrics>> };
  let dispose: (() => Promise<void>) | undefined;
  before(async () => {
    const opened = await openTestStore(kind);
    dispose = opened.dispose;
    t.ctx = { db: opened.store.db, now: clock.now };
    await seedDemoWorld(t.ctx, {});
    await seedWorkOrderDefaults(t.ctx);
    t.seeded = await seedDemoMetrics(t.ctx);
    t.app = await buildApp(testConfig(), { store: opened.store, now: clock.now, logger: false });
  });
  after(async () => {
    await t.app?.close();
    await dispose?.();
  });

  const progress = async (user: string, query = ''): Promise<Item[]> => {
    const res = await t.app.inject({
      url: `/api/progress${query}`,
      headers: await loginAs(t.app, user, DEMO_PASSWORD),
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items;
  };

  it('seeds eight metrics with targets for this year and the actuals of the months ended, once', async () => {
    // Seven entered metrics with January to May each; the closure rate is computed.
    assert.deepEqual(t.seeded, { metrics: 8, actuals: 35 });
    assert.equal(await seedDemoMetrics(t.ctx), undefined);
  });

  it("shows the leader the seed's example at the end of May: 45.67 of 100, 4.00 points ahead, green", async () => {
    const items = await progress('leader', '?date=2026-05-31');
    const eco = items.find((i) => i.metric.code === 'ECO-01');
    assert.ok(eco);
    assert.deepEqual([eco.target, eco.actual, eco.actualPeriod, eco.light], [100, 45.67, '2026-05', 'green']);
    assert.equal(((eco.completion ?? 0) * 100).toFixed(2), '45.67');
    assert.equal((eco.schedule * 100).toFixed(2), '41.67');
    assert.equal(eco.gapPoints?.toFixed(2), '4.00');
    assert.ok(eco.metric.ownerUserId, 'the operator owns it');
    // Every light shows: the demo has metrics ahead, a little behind and far behind.
    assert.deepEqual(
      items.map((i) => [i.metric.code, i.light]),
      [
        ['COM-01', 'green'],
        ['ECO-01', 'green'],
        ['ECO-02', 'yellow'],
        ['ECO-03', 'red'],
        ['ENV-01', 'green'],
        ['GRN-01', 'yellow'],
        ['ORD-01', null],
        ['ORD-01', null],
        ['SAFE-01', 'green'],
      ],
    );
    assert.equal(
      items.length,
      DEMO_METRICS.length + 1,
      'the closure rate has a second target, the community’s',
    );
  });

  it('defaults to today and shows the community its own metrics', async () => {
    const today = await progress('leader');
    assert.equal(today.find((i) => i.metric.code === 'ECO-01')?.actualPeriod, '2026-05');
    const own = await progress('community');
    assert.deepEqual(
      own.map((i) => [i.metric.code, i.target]),
      [
        ['COM-01', 120],
        ['ORD-01', 90],
      ],
    );
  });
});
