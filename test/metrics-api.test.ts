import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { forEachDialect } from './helpers/dialects.ts';
import { postWorkbook, xlsxOf } from './helpers/metrics.ts';
import { handleAndCloseInA1, reportAndDispatch } from './helpers/order-flow.ts';
import { bj, IN_A1_GRID1, useOrderApp } from './helpers/orders.ts';

/** The 2026 working days (State Council calendar): 248 in the year, 99 to the end of May, 120 to June's. */
const WORKING_DAYS = { year: 248, toMay: 99, toJune: 120 };

interface Item {
  metric: { code: string };
  unit: { id: string };
  target: number;
  actual: number | null;
  actualPeriod: string | null;
  completion: number | null;
  schedule: number;
  gapPoints: number | null;
  light: string | null;
  halfway: boolean;
}

const near = (a: number | null, b: number, what: string) =>
  assert.ok(a !== null && Math.abs(a - b) < 1e-9, `${what}: ${a} ≠ ${b}`);

forEachDialect('metrics and schedule progress', (kind) => {
  const { t, world, as } = useOrderApp(kind, { rateLimitPerMinute: 1_000_000 });
  const ids = {} as Record<'eco' | 'clean' | 'safe' | 'close', string>;

  const call = async (
    user: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: await as(user), ...(payload && { payload }) });
  const ok = async (user: string, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: object) => {
    const res = await call(user, method, url, payload);
    assert.ok(res.statusCode < 300, `${user} ${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const progress = async (user: string, query: string): Promise<Item[]> => {
    const res = await call(user, 'GET', `/api/progress?${query}`);
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items;
  };
  const itemOf = (items: Item[], code: string, unitId?: string) => {
    const item = items.find((i) => i.metric.code === code && (unitId === undefined || i.unit.id === unitId));
    assert.ok(item, `no progress item for ${code}`);
    return item;
  };

  before(async () => {
    // March: two orders in community A1, one closed: A1's closure rate is 50 %.
    const categoryId = world.categories.get('楼道堆物') ?? '';
    const a1 = t.org.a1.id;
    const deadline = new Date(bj('2026-03-10 17:30')).toISOString();
    const closed = await reportAndDispatch(t, as, {
      at: bj('2026-03-02 09:30'),
      categoryId,
      ...IN_A1_GRID1,
      dispatch: { unitId: a1, deadline },
    });
    await handleAndCloseInA1(t, as, closed.id);
    await reportAndDispatch(t, as, {
      at: bj('2026-03-03 09:30'),
      categoryId,
      ...IN_A1_GRID1,
      dispatch: { unitId: a1 },
    });
    // Mid-year: actuals up to June can be entered.
    t.clock.t = bj('2026-07-01 10:00');
  });

  describe('metrics: CRUD, roles and scope', () => {
    it('lets admins and operators add metrics and refuses what does not fit', async () => {
      const sub = t.org.sub.id;
      const add = (user: string, body: object) => call(user, 'POST', '/api/metrics', body);
      const base = { unitOfMeasure: '亿元', kind: 'cumulative', direction: 'up', scheduleBasis: 'months' };
      const eco = await add('operator', { ...base, code: 'ECO-GDP', name: '地区生产总值', ownerUnitId: sub });
      assert.equal(eco.statusCode, 201, eco.body);
      ids.eco = eco.json().id;
      assert.deepEqual(
        { ...(eco.json() as object), id: undefined, createdAt: undefined, updatedAt: undefined },
        {
          id: undefined,
          code: 'ECO-GDP',
          name: '地区生产总值',
          unitOfMeasure: '亿元',
          ownerUnitId: sub,
          ownerUserId: null,
          kind: 'cumulative',
          direction: 'up',
          scheduleBasis: 'months',
          source: null,
          createdAt: undefined,
          updatedAt: undefined,
        },
      );
      const clean = await add('admin', {
        code: 'A1-CLEAN',
        name: 'A1 垃圾分类覆盖户数',
        unitOfMeasure: '户',
        ownerUnitId: t.org.a1.id,
        ownerUserId: t.org.users.commA1?.id,
        kind: 'level',
        direction: 'up',
        scheduleBasis: 'workingDays',
      });
      assert.equal(clean.statusCode, 201, clean.body);
      ids.clean = clean.json().id;
      ids.safe = (
        await ok('operator', 'POST', '/api/metrics', {
          code: 'SAFE-ACC',
          name: '安全生产事故',
          unitOfMeasure: '起',
          ownerUnitId: sub,
          kind: 'cumulative',
          direction: 'down',
          scheduleBasis: 'days',
        })
      ).id;
      ids.close = (
        await ok('operator', 'POST', '/api/metrics', {
          code: 'ORD-CLOSE',
          name: '工单办结率',
          unitOfMeasure: '%',
          ownerUnitId: sub,
          kind: 'level',
          direction: 'up',
          scheduleBasis: 'months',
          source: 'orders:closureRate',
        })
      ).id;

      const refusals: [string, object, number, string][] = [
        ['leader', { ...base, code: 'X1', name: 'x', ownerUnitId: sub }, 403, 'FORBIDDEN'],
        ['commA1', { ...base, code: 'X1', name: 'x', ownerUnitId: t.org.a1.id }, 403, 'FORBIDDEN'],
        ['operator', { ...base, code: 'ECO-GDP', name: 'again', ownerUnitId: sub }, 409, 'METRIC_CODE_TAKEN'],
        ['operator', { ...base, code: 'X1', name: 'x', ownerUnitId: 'no-such-unit' }, 404, 'UNIT_NOT_FOUND'],
        [
          'operator',
          { ...base, code: 'X1', name: 'x', ownerUnitId: t.org.a1.id, ownerUserId: t.org.users.commB1?.id },
          400,
          'VALIDATION_FAILED',
        ],
        [
          'operator',
          { ...base, code: 'X1', name: 'x', ownerUnitId: sub, source: 'orders:solvedRate' },
          400,
          'VALIDATION_FAILED',
        ],
        ['operator', { ...base, code: 'bad code', name: 'x', ownerUnitId: sub }, 400, 'VALIDATION_FAILED'],
        [
          'operator',
          { ...base, code: 'X1', name: 'x', ownerUnitId: sub, kind: 'total' },
          400,
          'VALIDATION_FAILED',
        ],
      ];
      for (const [user, body, status, code] of refusals) {
        const res = await add(user, body);
        assert.deepEqual(
          [res.statusCode, res.json().error?.code],
          [status, code],
          `${user} ${JSON.stringify(body)}`,
        );
      }
    });

    it('lists to each role the metrics of its scope, and hides the others like unknown ids', async () => {
      // ORD-CLOSE gets targets for A1 and A2: each community sees it through its own target.
      await ok('operator', 'PUT', `/api/metrics/${ids.close}/targets/2026`, {
        annual: 95,
        unitId: t.org.a1.id,
      });
      await ok('operator', 'PUT', `/api/metrics/${ids.close}/targets/2026`, {
        annual: 90,
        unitId: t.org.a2.id,
      });
      const codes = async (user: string) => {
        const res = await call(user, 'GET', '/api/metrics');
        assert.equal(res.statusCode, 200, res.body);
        return res.json().items.map((m: { code: string }) => m.code);
      };
      const all = ['A1-CLEAN', 'ECO-GDP', 'ORD-CLOSE', 'SAFE-ACC'];
      assert.deepEqual(await codes('admin'), all);
      assert.deepEqual(await codes('leader'), all);
      assert.deepEqual(await codes('operator'), all);
      assert.deepEqual(await codes('wsA'), ['A1-CLEAN', 'ORD-CLOSE']);
      assert.deepEqual(await codes('commA1'), ['A1-CLEAN', 'ORD-CLOSE']);
      assert.deepEqual(await codes('commA2'), ['ORD-CLOSE']);
      assert.deepEqual(await codes('commB1'), []);
      assert.deepEqual(await codes('green'), []);
      assert.equal((await call('gridA1', 'GET', '/api/metrics')).statusCode, 403);

      const unknown = await call('commB1', 'GET', '/api/metrics/no-such-metric');
      const hidden = await call('commB1', 'GET', `/api/metrics/${ids.clean}`);
      assert.equal(unknown.statusCode, 404);
      assert.equal(hidden.statusCode, 404);
      assert.equal(hidden.json().error.code, 'METRIC_NOT_FOUND');
      assert.equal(hidden.body.replace(ids.clean, '<id>'), unknown.body.replace('no-such-metric', '<id>'));

      // A community reads the closure-rate metric with its own target only.
      const seen = await call('commA2', 'GET', `/api/metrics/${ids.close}`);
      assert.equal(seen.statusCode, 200, seen.body);
      assert.deepEqual(
        seen.json().targets.map((x: { unitId: string; annual: number }) => [x.unitId, x.annual]),
        [[t.org.a2.id, 90]],
      );
      const full = await call('leader', 'GET', `/api/metrics/${ids.close}`);
      assert.equal(full.json().targets.length, 2);
    });

    it('edits and deletes a metric, with its targets and actuals', async () => {
      const temp = await ok('operator', 'POST', '/api/metrics', {
        code: 'TMP-1',
        name: '临时',
        unitOfMeasure: '个',
        ownerUnitId: t.org.a1.id,
        ownerUserId: t.org.users.commA1?.id,
        kind: 'level',
        direction: 'up',
        scheduleBasis: 'days',
      });
      const patched = await ok('operator', 'PATCH', `/api/metrics/${temp.id}`, {
        name: '临时指标',
        ownerUserId: null,
      });
      assert.deepEqual([patched.name, patched.ownerUserId, patched.code], ['临时指标', null, 'TMP-1']);
      assert.equal((await call('leader', 'PATCH', `/api/metrics/${temp.id}`, { name: 'x' })).statusCode, 403);
      await ok('operator', 'PUT', `/api/metrics/${temp.id}/targets/2026`, { annual: 10 });
      // An entered metric's target is its owner's: it follows a new owner.
      await ok('operator', 'PATCH', `/api/metrics/${temp.id}`, { ownerUnitId: t.org.a2.id });
      const moved = (await call('operator', 'GET', `/api/metrics/${temp.id}`)).json();
      assert.deepEqual(
        moved.targets.map((x: { unitId: string; annual: number }) => [x.unitId, x.annual]),
        [[t.org.a2.id, 10]],
      );
      await ok('operator', 'PATCH', `/api/metrics/${temp.id}`, { ownerUnitId: t.org.a1.id });
      // A computed metric with targets for several units cannot become an entered one.
      const cleared = await call('operator', 'PATCH', `/api/metrics/${ids.close}`, { source: null });
      assert.deepEqual([cleared.statusCode, cleared.json().error.code], [400, 'VALIDATION_FAILED']);
      await ok('commA1', 'PUT', `/api/metrics/${temp.id}/actuals/2026-01`, { value: 3 });
      assert.equal((await call('commA1', 'DELETE', `/api/metrics/${temp.id}`)).statusCode, 403);
      assert.equal((await call('operator', 'DELETE', `/api/metrics/${temp.id}`)).statusCode, 204);
      assert.equal((await call('operator', 'GET', `/api/metrics/${temp.id}`)).statusCode, 404);
      const rows = await t.store.db
        .selectFrom('metric_actuals')
        .select('period')
        .where('metric_id', '=', temp.id)
        .execute();
      assert.deepEqual(rows, []);
    });
  });

  describe('targets and actuals', () => {
    it('sets annual targets with a monthly plan, by admins and operators only', async () => {
      const monthly = [8, 16, 25, 35, 45, 52, 60, 68, 76, 84, 92, 100];
      const target = await ok('operator', 'PUT', `/api/metrics/${ids.eco}/targets/2026`, {
        annual: 100,
        monthly,
      });
      assert.deepEqual(
        [target.year, target.unitId, target.annual, target.monthly],
        [2026, t.org.sub.id, 100, monthly],
      );
      // The seed's example below counts the even share of the year: a PUT without `monthly`
      // takes the plan away again (a plan's schedule has its own test under progress).
      const even = await ok('operator', 'PUT', `/api/metrics/${ids.eco}/targets/2026`, { annual: 100 });
      assert.equal(even.monthly, null);
      await ok('admin', 'PUT', `/api/metrics/${ids.clean}/targets/2026`, { annual: 200 });
      await ok('operator', 'PUT', `/api/metrics/${ids.safe}/targets/2026`, { annual: 20 });
      const refusals: [string, string, object, number, string][] = [
        ['leader', ids.eco, { annual: 1 }, 403, 'FORBIDDEN'],
        ['commA1', ids.clean, { annual: 1 }, 403, 'FORBIDDEN'],
        ['operator', ids.eco, { annual: 0 }, 400, 'VALIDATION_FAILED'],
        ['operator', ids.eco, { annual: 1, monthly: [1, 2] }, 400, 'VALIDATION_FAILED'],
        // An entered metric has its owner's actual only, so its owner's target only.
        ['operator', ids.eco, { annual: 1, unitId: t.org.a1.id }, 400, 'VALIDATION_FAILED'],
        ['operator', ids.close, { annual: 1, unitId: 'no-such-unit' }, 404, 'UNIT_NOT_FOUND'],
      ];
      for (const [user, id, body, status, code] of refusals) {
        const res = await call(user, 'PUT', `/api/metrics/${id}/targets/2026`, body);
        assert.deepEqual(
          [res.statusCode, res.json().error?.code],
          [status, code],
          `${user} ${JSON.stringify(body)}`,
        );
      }
    });

    it('takes actuals from the owner unit only, never for a computed metric or a month to come', async () => {
      const eco: [string, number][] = [
        ['2026-01', 8.1],
        ['2026-02', 15.9],
        ['2026-03', 24.6],
        ['2026-04', 34.2],
        ['2026-05', 45.67],
        ['2026-06', 50.5],
      ];
      // The subdistrict owns ECO-GDP: its operator enters it.
      for (const [period, value] of eco) {
        const a = await ok('operator', 'PUT', `/api/metrics/${ids.eco}/actuals/${period}`, {
          value,
          note: '统计局月报',
        });
        assert.deepEqual(
          [a.period, a.value, a.note, a.enteredBy],
          [period, value, '统计局月报', t.org.users.operator?.id],
        );
      }
      await ok('operator', 'PUT', `/api/metrics/${ids.safe}/actuals/2026-05`, { value: 6 });
      await ok('commA1', 'PUT', `/api/metrics/${ids.clean}/actuals/2026-05`, { value: 80 });
      // Entered again: replaced. An administrator may correct it.
      await ok('admin', 'PUT', `/api/metrics/${ids.clean}/actuals/2026-05`, { value: 90 });
      const refusals: [string, string, string, number, string][] = [
        ['operator', ids.clean, '2026-05', 403, 'METRIC_OWNER_ONLY'],
        ['wsA', ids.clean, '2026-05', 403, 'METRIC_OWNER_ONLY'],
        ['leader', ids.eco, '2026-05', 403, 'FORBIDDEN'],
        ['commA1', ids.eco, '2026-05', 404, 'METRIC_NOT_FOUND'],
        ['commB1', ids.clean, '2026-05', 404, 'METRIC_NOT_FOUND'],
        ['operator', ids.close, '2026-05', 409, 'METRIC_ACTUALS_COMPUTED'],
        ['operator', ids.eco, '2026-08', 400, 'VALIDATION_FAILED'],
        ['operator', ids.eco, '2026-13', 400, 'VALIDATION_FAILED'],
      ];
      for (const [user, id, period, status, code] of refusals) {
        const res = await call(user, 'PUT', `/api/metrics/${id}/actuals/${period}`, { value: 1 });
        assert.deepEqual([res.statusCode, res.json().error?.code], [status, code], `${user} ${id} ${period}`);
      }
      const detail = await call('leader', 'GET', `/api/metrics/${ids.clean}`);
      assert.deepEqual(
        detail
          .json()
          .actuals.map((a: { period: string; value: number; enteredBy: string }) => [
            a.period,
            a.value,
            a.enteredBy,
          ]),
        [['2026-05', 90, t.org.users.admin?.id]],
      );
    });
  });

  describe('progress', () => {
    it("gives the seed's example at the end of May: 45.67 of 100 is 4.00 points ahead of 5/12, green", async () => {
      const items = await progress('leader', 'date=2026-05-31');
      const eco = itemOf(items, 'ECO-GDP');
      assert.deepEqual(
        [eco.target, eco.actual, eco.actualPeriod, eco.light, eco.halfway],
        [100, 45.67, '2026-05', 'green', false],
      );
      near(eco.completion, 0.4567, 'completion');
      near(eco.schedule, 5 / 12, 'schedule');
      near(eco.gapPoints, (0.4567 - 5 / 12) * 100, 'gapPoints');
      assert.equal(eco.gapPoints?.toFixed(2), '4.00');
      // The day before, May is not over: April's actual against 4/12.
      const before = itemOf(await progress('leader', 'date=2026-05-30'), 'ECO-GDP');
      assert.deepEqual([before.actual, before.actualPeriod], [34.2, '2026-04']);
      near(before.schedule, 4 / 12, 'schedule on May 30');
    });

    it('computes every item by the documented formulas on the three bases, up and down', async () => {
      const items = await progress('leader', 'date=2026-05-31');
      assert.deepEqual(
        items.map((i) => `${i.metric.code}@${i.unit.id}`),
        [
          `A1-CLEAN@${t.org.a1.id}`,
          `ECO-GDP@${t.org.sub.id}`,
          `ORD-CLOSE@${t.org.a1.id}`,
          `ORD-CLOSE@${t.org.a2.id}`,
          `SAFE-ACC@${t.org.sub.id}`,
        ],
      );
      const expected: Record<string, { schedule: number; up: boolean }> = {
        'A1-CLEAN': { schedule: WORKING_DAYS.toMay / WORKING_DAYS.year, up: true },
        'ECO-GDP': { schedule: 5 / 12, up: true },
        'ORD-CLOSE': { schedule: 5 / 12, up: true },
        'SAFE-ACC': { schedule: 151 / 365, up: false },
      };
      for (const item of items) {
        const e = expected[item.metric.code];
        assert.ok(e);
        near(item.schedule, e.schedule, `${item.metric.code} schedule`);
        if (item.actual === null) {
          assert.deepEqual([item.completion, item.gapPoints, item.light], [null, null, null]);
          continue;
        }
        const completion = item.actual / item.target;
        const gap = (e.up ? completion - e.schedule : e.schedule - completion) * 100;
        near(item.completion, completion, `${item.metric.code} completion`);
        near(item.gapPoints, gap, `${item.metric.code} gapPoints`);
        assert.equal(item.light, gap >= 0 ? 'green' : gap > -10 ? 'yellow' : 'red', item.metric.code);
      }
      const safe = itemOf(items, 'SAFE-ACC');
      assert.deepEqual([safe.actual, safe.light], [6, 'green']);
      near(safe.gapPoints, (151 / 365 - 0.3) * 100, 'down-metric gap');
      const clean = itemOf(items, 'A1-CLEAN');
      assert.deepEqual([clean.actual, clean.light], [90, 'green']);
    });

    it('computes closure rates from the work orders for each unit with a target', async () => {
      const items = await progress('leader', 'date=2026-05-31');
      const a1 = itemOf(items, 'ORD-CLOSE', t.org.a1.id);
      const a2 = itemOf(items, 'ORD-CLOSE', t.org.a2.id);
      // One of A1's two March orders is closed; A2 had none.
      assert.deepEqual([a1.target, a1.actual, a1.actualPeriod], [95, 50, null]);
      assert.deepEqual([a2.target, a2.actual, a2.light], [90, null, null]);
      const from = new Date(bj('2026-01-01 00:00')).toISOString();
      const to = new Date(bj('2026-06-01 00:00')).toISOString();
      const indicators = await call(
        'leader',
        'GET',
        `/api/indicators?unitId=${t.org.a1.id}&from=${from}&to=${to}`,
      );
      assert.equal(a1.actual, indicators.json().indicators.closureRate * 100);
      near(a1.completion, 50 / 95, 'closure completion');
    });

    it('marks 双过半 at the end of June with 50.5 done, and the lights at the threshold from settings', async () => {
      const june = await progress('leader', 'date=2026-06-30');
      const eco = itemOf(june, 'ECO-GDP');
      assert.deepEqual([eco.actual, eco.schedule, eco.halfway, eco.light], [50.5, 0.5, true, 'green']);
      near(eco.completion, 0.505, 'completion');
      // A1-CLEAN: 90 of 200 against 120/248 working days is 3.39 points behind: yellow at 10, red at 3.
      const clean = itemOf(june, 'A1-CLEAN');
      near(clean.gapPoints, (0.45 - WORKING_DAYS.toJune / WORKING_DAYS.year) * 100, 'gap');
      assert.deepEqual([clean.light, clean.halfway], ['yellow', false]);
      assert.equal(
        (await call('operator', 'PATCH', '/api/settings/progress', { yellowPoints: 3 })).statusCode,
        403,
      );
      assert.deepEqual(await ok('admin', 'PATCH', '/api/settings/progress', { yellowPoints: 3 }), {
        yellowPoints: 3,
      });
      const strict = await call('leader', 'GET', '/api/progress?date=2026-06-30');
      assert.equal(strict.json().yellowPoints, 3);
      assert.equal(itemOf(strict.json().items, 'A1-CLEAN').light, 'red');
      await ok('admin', 'PATCH', '/api/settings/progress', { yellowPoints: 10 });
      const settings = await call('commA1', 'GET', '/api/settings/progress');
      assert.deepEqual(settings.json(), { yellowPoints: 10 });
    });

    it('follows the target’s monthly plan, when it has one, instead of the even share of the year', async () => {
      const url = `/api/metrics/${ids.eco}/targets/2026`;
      await ok('operator', 'PUT', url, {
        annual: 100,
        monthly: [8, 16, 25, 35, 45, 52, 60, 68, 76, 84, 92, 100],
      });
      // 45.67 done by the end of May against May's plan of 45: 0.67 points ahead (5/12 would be 4.00).
      const may = itemOf(await progress('leader', 'date=2026-05-31'), 'ECO-GDP');
      near(may.schedule, 0.45, 'schedule at the end of May');
      near(may.gapPoints, (0.4567 - 0.45) * 100, 'gapPoints at the end of May');
      assert.equal(may.light, 'green');
      // 50.5 done by the end of June against June's plan of 52: 1.5 points behind, yellow, yet 双过半.
      const june = itemOf(await progress('leader', 'date=2026-06-30'), 'ECO-GDP');
      near(june.schedule, 0.52, 'schedule at the end of June');
      near(june.gapPoints, (0.505 - 0.52) * 100, 'gapPoints at the end of June');
      assert.deepEqual([june.light, june.halfway], ['yellow', true]);
      await ok('operator', 'PUT', url, { annual: 100 });
      near(itemOf(await progress('leader', 'date=2026-05-31'), 'ECO-GDP').schedule, 5 / 12, 'even again');
    });

    it('lists each caller the targets of its scope, filters by unit, and defaults to today', async () => {
      const of = async (user: string, query = 'date=2026-05-31') =>
        (await progress(user, query)).map((i) => `${i.metric.code}@${i.unit.id}`);
      assert.deepEqual(await of('commA1'), [`A1-CLEAN@${t.org.a1.id}`, `ORD-CLOSE@${t.org.a1.id}`]);
      assert.deepEqual(await of('commA2'), [`ORD-CLOSE@${t.org.a2.id}`]);
      assert.deepEqual(await of('wsA'), [
        `A1-CLEAN@${t.org.a1.id}`,
        `ORD-CLOSE@${t.org.a1.id}`,
        `ORD-CLOSE@${t.org.a2.id}`,
      ]);
      assert.deepEqual(await of('commB1'), []);
      assert.deepEqual(await of('leader', `date=2026-05-31&unitId=${t.org.a1.id}`), [
        `A1-CLEAN@${t.org.a1.id}`,
        `ORD-CLOSE@${t.org.a1.id}`,
      ]);
      const outside = await call('commB1', 'GET', `/api/progress?unitId=${t.org.a1.id}`);
      assert.deepEqual([outside.statusCode, outside.json().error.code], [404, 'UNIT_NOT_FOUND']);
      assert.equal((await call('gridA1', 'GET', '/api/progress')).statusCode, 403);
      const today = await call('leader', 'GET', '/api/progress');
      assert.equal(today.json().date, '2026-07-01');
      const impossible = await call('leader', 'GET', '/api/progress?date=2026-02-30');
      assert.deepEqual([impossible.statusCode, impossible.json().error.code], [400, 'VALIDATION_FAILED']);
      // Another year: no targets, no items.
      assert.deepEqual(await of('leader', 'date=2025-12-31'), []);
    });
  });

  describe('import from .xlsx', () => {
    const header = ['编码', '名称', '计量单位', '责任单位', '类型', '方向', '序时口径', '年度', '年度目标'];

    it('refuses a workbook with bad rows whole, naming each line and reason', async () => {
      const bytes = await xlsxOf([
        header,
        ['IMP-1', '招商引资', '亿元', t.org.sub.code, '累计', '正向', '按月', 2026, 30],
        ['IMP-2', '', '亿元', t.org.sub.code, 'cumulative', 'up', 'months', 2026, 30],
        ['IMP-3', '社区活动', '场', 'NO-SUCH-UNIT', 'level', 'up', 'days', 2026, 'many'],
      ]);
      const res = await postWorkbook(t.app, await as('operator'), bytes);
      assert.equal(res.statusCode, 422, res.body);
      const { error } = res.json();
      assert.equal(error.code, 'METRIC_IMPORT_INVALID');
      assert.match(error.message, /Nothing imported: 2 of 3 rows are not valid \(line 3, 4\)/);
      assert.deepEqual(error.details.errors, [
        { line: 3, reasons: ['名称 is empty'] },
        {
          line: 4,
          reasons: [
            '责任单位 "NO-SUCH-UNIT" is no unit you manage (id or code)',
            '年度目标 "many" is not a number above 0',
          ],
        },
      ]);
      const listed = await call('operator', 'GET', '/api/metrics');
      assert.ok(!listed.json().items.some((m: { code: string }) => m.code === 'IMP-1'), 'nothing imported');

      const partial = await postWorkbook(t.app, await as('operator'), bytes, '?partial=1');
      assert.equal(partial.statusCode, 200, partial.body);
      assert.deepEqual(partial.json(), {
        imported: 1,
        created: 1,
        updated: 0,
        skipped: error.details.errors,
      });
    });

    it('imports every row of a good workbook, updating a metric whose code exists, unit codes resolved', async () => {
      const bytes = await xlsxOf([
        [
          'code',
          'name',
          'unitOfMeasure',
          'ownerUnitId',
          'kind',
          'direction',
          'scheduleBasis',
          'year',
          'annual',
        ],
        ['IMP-1', '招商引资（到位资金）', '亿元', t.org.sub.id, 'cumulative', 'up', 'months', 2027, 35],
        ['IMP-4', 'A2 志愿服务时长', '小时', t.org.a2.code, 'cumulative', 'up', 'workingDays', 2026, 5000],
      ]);
      const res = await postWorkbook(t.app, await as('admin'), bytes);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { imported: 2, created: 1, updated: 1, skipped: [] });
      const list = (await call('admin', 'GET', '/api/metrics')).json().items as {
        id: string;
        code: string;
      }[];
      const imp1 = list.find((m) => m.code === 'IMP-1');
      const detail = (await call('admin', 'GET', `/api/metrics/${imp1?.id}`)).json();
      assert.equal(detail.name, '招商引资（到位资金）');
      assert.deepEqual(
        detail.targets.map((x: { year: number; annual: number }) => [x.year, x.annual]),
        [
          [2027, 35],
          [2026, 30],
        ],
      );
      const imp4 = list.find((m) => m.code === 'IMP-4');
      const a2 = (await call('commA2', 'GET', `/api/metrics/${imp4?.id}`)).json();
      assert.deepEqual([a2.ownerUnitId, a2.scheduleBasis], [t.org.a2.id, 'workingDays']);
    });

    it('takes workbooks from admins and operators only, as multipart in the field "file"', async () => {
      const bytes = await xlsxOf([header]);
      assert.equal((await postWorkbook(t.app, await as('leader'), bytes)).statusCode, 403);
      const empty = await postWorkbook(t.app, await as('operator'), bytes);
      assert.deepEqual(
        [empty.statusCode, empty.json().error.message],
        [422, 'Nothing imported: there are no rows under the header'],
      );
      const notXlsx = await postWorkbook(t.app, await as('operator'), Buffer.from('code,name\nA,b\n'));
      assert.equal(notXlsx.json().error.code, 'METRIC_IMPORT_INVALID');
      const json = await call('operator', 'POST', '/api/metrics/import', { rows: [] });
      assert.deepEqual([json.statusCode, json.json().error.code], [415, 'UNSUPPORTED_MEDIA_TYPE']);
    });
  });
});
