import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { computeIndicators, type Period } from '../src/domain/workorder/indicators.ts';
import { seededRandom } from '../src/seeded-random.ts';
import { workingCalendar } from '../src/services/calendar/index.ts';
import { rebuildOrderRollups, rolledIndicators } from '../src/services/rollups/index.ts';
import { listPeriodHistories } from '../src/store/indicator-orders.repository.ts';
import type { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { actAs, bj, IN_A1_GRID1, IN_A2_GRID1, storedPhoto, useOrderApp } from './helpers/orders.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SEED = 1414;

/** The rollup rows with a non-zero counter, keyed and sorted: what two sets of rollups are compared by. */
async function rollupRows(db: ReturnType<typeof useTestApp>['store']['db']) {
  const rows = await db.selectFrom('order_rollups').selectAll().execute();
  return rows
    .map((r) => {
      const { unit_path, day, as_of_day, ...counts } = r;
      const numbers = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]));
      return { key: `${unit_path}|${day}|${as_of_day}`, numbers };
    })
    .filter((r) => Object.values(r.numbers).some((v) => v !== 0))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

forEachDialect('daily order rollups', (kind) => {
  const { t, world, as } = useOrderApp(kind);
  let actions = 0;
  const start = bj('2026-03-02 08:00');

  // Random histories: orders reported over three weeks in two communities, each stepped
  // through the flow by random choices (dispatch to a community or a department, sign or
  // return, rework or pass, close, visit, reopen, void, reject), the clock moving on by minutes
  // to a day and a half between steps, so facts and their changes fall on many days.
  before(async () => {
    const random = seededRandom(SEED + (kind === 'sqlite' ? 0 : 1));
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const categoryId = world.categories.get('楼道堆物') ?? '';
    const handlers = [
      { unitId: t.org.a1.id, user: 'commA1' },
      { unitId: t.org.a2.id, user: 'commA2' },
      { unitId: t.org.dept.id, user: 'green' },
    ];
    const orders: { id: string; status: string; handler: string }[] = [];
    t.clock.t = start;
    const step = async (o: (typeof orders)[number]) => {
      const act = async (user: string, action: string, body: object = {}) => {
        const res = await actAs(t, await as(user), o.id, action, body);
        if (res.statusCode !== 200) return false;
        o.status = res.json().order.status;
        actions++;
        return true;
      };
      const r = random();
      switch (o.status) {
        case 'reported':
          if (r < 0.8) await act('operator', 'register');
          else await act('operator', r < 0.9 ? 'void' : 'reject', { reason: '重复上报' });
          break;
        case 'registered': {
          if (r < 0.92) {
            const h = pick(handlers);
            const deadline = new Date(t.clock.t + (4 + Math.floor(random() * 60)) * HOUR).toISOString();
            if (await act('operator', 'dispatch', { unitId: h.unitId, deadline })) o.handler = h.user;
          } else await act('operator', 'void', { reason: '不属实' });
          break;
        }
        case 'dispatched':
          if (r < 0.85) await act(o.handler, 'sign');
          else await act(o.handler, 'return', { reason: '不属本单位' });
          break;
        case 'signed':
          if (r < 0.9) await act(o.handler, 'startHandling');
          else await act(o.handler, 'return', { reason: '不属本单位' });
          break;
        case 'handling':
          await act(o.handler, 'feedback', { photos: [await storedPhoto(t, o.handler)] });
          break;
        case 'handled':
          await act('operator', 'verify', r < 0.75 ? { passed: true } : { passed: false, note: '未整改' });
          break;
        case 'verified':
          await act('operator', 'close');
          break;
        case 'closed':
          if (r < 0.6) {
            const satisfaction = pick(['satisfied', 'basicallySatisfied', 'dissatisfied']);
            await act('operator', 'returnVisit', { satisfaction, solved: random() < 0.7 });
          } else if (r < 0.75) await act('operator', 'reopen', { reason: '群众再次反映' });
          break;
      }
    };
    for (let i = 0; i < 90; i++) {
      t.clock.t += Math.floor(random() * 36 * HOUR * (i % 3 === 0 ? 1 : 0.2)) + 60_000;
      if (orders.length < 14 && (orders.length === 0 || random() < 0.3)) {
        const where = random() < 0.5 ? IN_A1_GRID1 : IN_A2_GRID1;
        const created = await t.app.inject({
          method: 'POST',
          url: '/api/orders',
          headers: await as('operator'),
          payload: { categoryId, ...where, description: '楼道堆物' },
        });
        assert.equal(created.statusCode, 201, created.body);
        orders.push({ id: created.json().order.id, status: 'reported', handler: 'operator' });
      } else {
        await step(pick(orders));
      }
    }
  });

  it('keeps, with each order event, exactly the rollups a rebuild from the events computes', async () => {
    assert.ok(actions > 40, `only ${actions} actions were taken`);
    const maintained = await rollupRows(t.store.db);
    assert.ok(maintained.length > 20, `only ${maintained.length} rollup rows`);
    const rebuilt = await rebuildOrderRollups({ db: t.store.db, now: t.clock.now });
    assert.equal(rebuilt.orders, 14);
    assert.deepEqual(await rollupRows(t.store.db), maintained);
  });

  it('answers every unit and period from the rollups exactly as a scan of the orders does', async () => {
    const ctx = { db: t.store.db, now: t.clock.now };
    const calendar = await workingCalendar(ctx);
    const grid = t.org.grids[0];
    assert.ok(grid);
    const units = [t.org.sub, t.org.areaA, t.org.a1, t.org.a2, t.org.b1, t.org.dept, grid];
    const midnight = (d: number) => bj('2026-03-01 00:00') + d * DAY;
    const end = t.clock.t;
    // Day-aligned starts, ends at midnights, inside a day, after now; as of now and of times before.
    const cases: { period: Period; now: number }[] = [];
    for (const [fromDay, toDay] of [
      [0, 31],
      [1, 8],
      [8, 15],
      [14, 15],
      [20, 40],
    ] as const) {
      for (const now of [end, midnight(10) + 13 * HOUR + 17 * 60_000, midnight(17), midnight(21) - 1]) {
        cases.push({ period: { from: midnight(fromDay), to: midnight(toDay) }, now });
        cases.push({ period: { from: midnight(fromDay), to: midnight(toDay) - 5 * HOUR }, now });
      }
    }
    let compared = 0;
    for (const { period, now } of cases) {
      const rolled = await rolledIndicators(t.store.db, {
        unitPaths: units.map((u) => u.path),
        period,
        now,
        calendar,
      });
      assert.ok(rolled);
      for (const unit of units) {
        const histories = await listPeriodHistories(t.store.db, { ...period, involvingPath: unit.path });
        const expected = computeIndicators(histories, period, now, calendar);
        const label = `${unit.name} ${new Date(period.from).toISOString()}–${new Date(period.to).toISOString()} as of ${new Date(now).toISOString()}`;
        assert.deepEqual(rolled.get(unit.path), expected, label);
        if (expected.registered + expected.due + expected.visited > 0) compared++;
      }
    }
    assert.ok(compared > 40, `only ${compared} comparisons had orders`);
  });

  it('serves /api/indicators and the rankings from them with the figures of a scan', async () => {
    const ctx = { db: t.store.db, now: t.clock.now };
    const calendar = await workingCalendar(ctx);
    const headers = await as('leader');
    const period = { from: bj('2026-03-01 00:00'), to: bj('2026-04-01 00:00') };
    const query = `from=${new Date(period.from).toISOString()}&to=${new Date(period.to).toISOString()}`;
    const hours = (ms: number | null) => (ms === null ? null : ms / HOUR);
    for (const unit of [t.org.sub, t.org.a1, t.org.dept]) {
      const res = await t.app.inject({ url: `/api/indicators?unitId=${unit.id}&${query}`, headers });
      assert.equal(res.statusCode, 200, res.body);
      const histories = await listPeriodHistories(t.store.db, { ...period, involvingPath: unit.path });
      const { avgResponseMs, avgHandlingMs, ...counts } = computeIndicators(
        histories,
        period,
        t.clock.t,
        calendar,
      );
      assert.deepEqual(res.json().indicators, {
        ...counts,
        avgResponseHours: hours(avgResponseMs),
        avgHandlingHours: hours(avgHandlingMs),
      });
    }
    const ranking = await t.app.inject({ url: `/api/indicators/rankings?kind=community&${query}`, headers });
    assert.equal(ranking.statusCode, 200, ranking.body);
    for (const item of ranking.json().items) {
      const unit = [t.org.a1, t.org.a2, t.org.b1].find((u) => u.id === item.unit.id);
      assert.ok(unit);
      const histories = await listPeriodHistories(t.store.db, { ...period, involvingPath: unit.path });
      assert.equal(
        item.indicators.registered,
        computeIndicators(histories, period, t.clock.t, calendar).registered,
      );
    }
  });
  it("reads the month to date from today's rows, deadlines later today taken back out", async () => {
    const ctx = { db: t.store.db, now: t.clock.now };
    const calendar = await workingCalendar(ctx);
    const categoryId = world.categories.get('楼道堆物') ?? '';
    // A day after the histories: two orders dispatched at 09:00 with deadlines at 11:00 and
    // 20:00 that day; the first closed at 10:30, on time.
    const day = bj('2026-03-01 00:00') + (Math.floor((t.clock.t - bj('2026-03-01 00:00')) / DAY) + 2) * DAY;
    t.clock.t = day + 9 * HOUR;
    const headers = await as('operator');
    const ids: string[] = [];
    for (const deadlineHour of [11, 20]) {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/orders',
        headers,
        payload: { categoryId, ...IN_A1_GRID1, description: '楼道堆物' },
      });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().order.id;
      ids.push(id);
      assert.equal((await actAs(t, headers, id, 'register')).statusCode, 200);
      const deadline = new Date(day + deadlineHour * HOUR).toISOString();
      const dispatched = await actAs(t, headers, id, 'dispatch', { unitId: t.org.a1.id, deadline });
      assert.equal(dispatched.statusCode, 200, dispatched.body);
    }
    const comm = await as('commA1');
    t.clock.t = day + 10 * HOUR;
    for (const action of ['sign', 'startHandling']) {
      assert.equal((await actAs(t, comm, ids[0] ?? '', action)).statusCode, 200);
    }
    const photo = { photos: [await storedPhoto(t, 'commA1')] };
    assert.equal((await actAs(t, comm, ids[0] ?? '', 'feedback', photo)).statusCode, 200);
    t.clock.t = day + 10 * HOUR + 30 * 60_000;
    assert.equal((await actAs(t, headers, ids[0] ?? '', 'verify', { passed: true })).statusCode, 200);
    assert.equal((await actAs(t, headers, ids[0] ?? '', 'close')).statusCode, 200);
    const units = [t.org.sub, t.org.areaA, t.org.a1, t.org.a2, t.org.dept];
    const month = day - 10 * DAY;
    const dueA1: number[] = [];
    const onTimeA1: number[] = [];
    // Before, between and after the two deadlines; the month asked up to now and up to its end.
    for (const hour of [10.75, 12, 21]) {
      t.clock.t = day + hour * HOUR;
      for (const to of [t.clock.t, day + 20 * DAY]) {
        const period = { from: month, to };
        const now = t.clock.t;
        const rolled = await rolledIndicators(t.store.db, {
          unitPaths: units.map((u) => u.path),
          period,
          now,
          calendar,
        });
        for (const unit of units) {
          const histories = await listPeriodHistories(t.store.db, { ...period, involvingPath: unit.path });
          assert.deepEqual(
            rolled?.get(unit.path),
            computeIndicators(histories, period, now, calendar),
            `${unit.name} at ${hour}h`,
          );
        }
      }
      const a1 = await rolledIndicators(t.store.db, {
        unitPaths: [t.org.a1.path],
        period: { from: month, to: t.clock.t },
        now: t.clock.t,
        calendar,
      });
      dueA1.push(a1?.get(t.org.a1.path)?.due ?? Number.NaN);
      onTimeA1.push(a1?.get(t.org.a1.path)?.closedOnTime ?? Number.NaN);
    }
    // The day's deadlines count once passed: 11:00 (closed on time at 10:30), then 20:00.
    const [first = 0] = dueA1;
    assert.deepEqual(dueA1, [first, first + 1, first + 2]);
    const [onTime = 0] = onTimeA1;
    assert.deepEqual(onTimeA1, [onTime, onTime + 1, onTime + 1]);
  });
});
