import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { forEachDialect } from './helpers/dialects.ts';
import { reportAndDispatch } from './helpers/order-flow.ts';
import { actAs, bj, IN_A1_GRID1, IN_A2_GRID1, storedPhoto, useOrderApp } from './helpers/orders.ts';

const MARCH = `from=${new Date(bj('2026-03-01 00:00')).toISOString()}&to=${new Date(bj('2026-04-01 00:00')).toISOString()}`;

/** Community A1's March: O1 on time, O2 late after one rework, O3 never signed. */
const A1 = {
  registered: 3,
  closed: 2,
  closureRate: 2 / 3,
  due: 3,
  closedOnTime: 1,
  onTimeClosureRate: 1 / 3,
  overdueCount: 2,
  verifications: 3,
  reworks: 1,
  reworkRate: 1 / 3,
  visited: 2,
  satisfied: 2,
  solved: 1,
  satisfactionRate: 1,
  solvedRate: 0.5,
  // O1 10:00 → 11:00 and O2 10:00 → 10:30.
  avgResponseHours: 0.75,
  // O1 Mon 11:00 → Tue 10:00 = 1 + 4 + 1.5 h; O2 Wed 10:30 → Thu 09:00 = 1.5 + 4 + 0.5 h.
  avgHandlingHours: 6.25,
};

/** Community A2's March: O4 on time but dissatisfied, O5 not due yet. */
const A2 = {
  registered: 2,
  closed: 1,
  closureRate: 0.5,
  due: 1,
  closedOnTime: 1,
  onTimeClosureRate: 1,
  overdueCount: 0,
  verifications: 1,
  reworks: 0,
  reworkRate: 0,
  visited: 1,
  satisfied: 0,
  solved: 1,
  satisfactionRate: 0,
  solvedRate: 1,
  // Mon 10:00 → 14:00 over the lunch break: 2 + 0.5 h.
  avgResponseHours: 2.5,
  // Mon 14:00 → Tue 14:00 = 3.5 + 3.5 + 0.5 h.
  avgHandlingHours: 7.5,
};

const NOTHING = {
  registered: 0,
  closed: 0,
  closureRate: null,
  due: 0,
  closedOnTime: 0,
  onTimeClosureRate: null,
  overdueCount: 0,
  verifications: 0,
  reworks: 0,
  reworkRate: null,
  visited: 0,
  satisfied: 0,
  solved: 0,
  satisfactionRate: null,
  solvedRate: null,
  avgResponseHours: null,
  avgHandlingHours: null,
};

forEachDialect('indicators and rankings', (kind) => {
  const { t, world, as } = useOrderApp(kind);

  before(async () => {
    const categoryId = world.categories.get('楼道堆物') ?? '';
    const orders = new Map<string, string>();
    const create = async (
      name: string,
      at: string,
      where: { lat: number; lon: number },
      dispatch: object,
    ) => {
      const { id } = await reportAndDispatch(t, as, { at: bj(at), categoryId, ...where, dispatch });
      orders.set(name, id);
    };
    const act = async (at: string, name: string, user: string, action: string, body: object = {}) => {
      t.clock.t = bj(at);
      const res = await actAs(t, await as(user), orders.get(name) ?? '', action, body);
      assert.equal(res.statusCode, 200, `${name} ${user} ${action}: ${res.body}`);
    };
    const photo = async (user: string) => ({ photos: [await storedPhoto(t, user)] });
    const a1 = t.org.a1.id;
    const a2 = t.org.a2.id;
    const due = (local: string) => new Date(bj(local)).toISOString();
    // Reports at 09:30, registered 09:35, dispatched 10:00 (reportAndDispatch).
    await create('O1', '2026-03-02 09:30', IN_A1_GRID1, { unitId: a1, deadline: due('2026-03-03 17:30') });
    await create('O4', '2026-03-02 09:30', IN_A2_GRID1, { unitId: a2, deadline: due('2026-03-04 17:30') });
    await act('2026-03-02 11:00', 'O1', 'commA1', 'sign');
    await act('2026-03-02 11:10', 'O1', 'commA1', 'startHandling');
    await act('2026-03-02 14:00', 'O4', 'commA2', 'sign');
    await act('2026-03-02 14:10', 'O4', 'commA2', 'startHandling');
    await act('2026-03-03 10:00', 'O1', 'commA1', 'feedback', await photo('commA1'));
    await act('2026-03-03 11:00', 'O1', 'operator', 'verify', { passed: true });
    await act('2026-03-03 14:00', 'O1', 'operator', 'close');
    await act('2026-03-03 14:00', 'O4', 'commA2', 'feedback', await photo('commA2'));
    await act('2026-03-03 15:00', 'O4', 'operator', 'verify', { passed: true });
    await act('2026-03-03 16:00', 'O4', 'operator', 'close');
    await act('2026-03-04 09:00', 'O4', 'operator', 'returnVisit', {
      satisfaction: 'dissatisfied',
      solved: true,
    });
    await create('O2', '2026-03-04 09:30', IN_A1_GRID1, { unitId: a1, deadline: due('2026-03-05 12:00') });
    await act('2026-03-04 10:00', 'O1', 'operator', 'returnVisit', {
      satisfaction: 'satisfied',
      solved: true,
    });
    await act('2026-03-04 10:30', 'O2', 'commA1', 'sign');
    await act('2026-03-04 10:40', 'O2', 'commA1', 'startHandling');
    await act('2026-03-05 09:00', 'O2', 'commA1', 'feedback', await photo('commA1'));
    await act('2026-03-05 10:00', 'O2', 'operator', 'verify', { passed: false, note: '仍有堆物' });
    await act('2026-03-06 09:00', 'O2', 'commA1', 'feedback', await photo('commA1'));
    await act('2026-03-06 10:00', 'O2', 'operator', 'verify', { passed: true });
    await act('2026-03-06 11:00', 'O2', 'operator', 'close');
    await act('2026-03-06 15:00', 'O2', 'operator', 'returnVisit', {
      satisfaction: 'basicallySatisfied',
      solved: false,
    });
    await create('O3', '2026-03-09 09:30', IN_A1_GRID1, { unitId: a1, deadline: due('2026-03-10 17:30') });
    await create('O5', '2026-03-10 09:30', IN_A2_GRID1, {
      unitId: a2,
      deadline: due('2026-03-25 17:30'),
      subTasks: [{ unitId: t.org.dept.id, task: '审批' }],
    });
    t.clock.t = bj('2026-03-20 12:00');
  });

  const get = async (user: string, url: string) => t.app.inject({ url, headers: await as(user) });

  it('gives each community its March indicators, computed by the documented formulas', async () => {
    for (const [unit, expected] of [
      [t.org.a1.id, A1],
      [t.org.a2.id, A2],
      [t.org.b1.id, NOTHING],
    ] as const) {
      const res = await get('operator', `/api/indicators?unitId=${unit}&${MARCH}`);
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json().indicators, expected);
      assert.equal(res.json().unit.id, unit);
    }
  });

  it('adds everything up for the subdistrict, and defaults to the caller’s unit and this month so far', async () => {
    const res = await get('operator', '/api/indicators');
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.unit.id, t.org.sub.id);
    assert.deepEqual(body.period, {
      from: '2026-02-28T16:00:00.000Z',
      to: '2026-03-20T04:00:00.000Z',
      asOf: '2026-03-20T04:00:00.000Z',
    });
    assert.deepEqual(body.indicators, {
      registered: 5,
      closed: 3,
      closureRate: 3 / 5,
      due: 4,
      closedOnTime: 2,
      onTimeClosureRate: 0.5,
      overdueCount: 2,
      verifications: 4,
      reworks: 1,
      reworkRate: 0.25,
      visited: 3,
      satisfied: 2,
      solved: 2,
      satisfactionRate: 2 / 3,
      solvedRate: 2 / 3,
      avgResponseHours: 4 / 3,
      avgHandlingHours: 20 / 3,
    });
  });

  it('counts a period by what happened in it: the first week of March', async () => {
    const week = `from=${new Date(bj('2026-03-02 00:00')).toISOString()}&to=${new Date(bj('2026-03-05 00:00')).toISOString()}`;
    const res = await get('operator', `/api/indicators?unitId=${t.org.a1.id}&${week}`);
    const i = res.json().indicators;
    // O1 and O2 registered (Mon, Wed); O1 closed; only O1's deadline (Tue 17:30) falls in the week.
    assert.deepEqual(
      [i.registered, i.closed, i.due, i.closedOnTime, i.verifications, i.visited],
      [2, 1, 1, 1, 1, 1],
    );
    assert.equal(i.avgResponseHours, 0.75);
    assert.equal(i.avgHandlingHours, 6.5, 'O2’s feedback falls outside the week');
  });

  it('ranks communities by on-time closure rate, then closure rate, then cases; idle units last, unranked', async () => {
    for (const user of ['operator', 'leader']) {
      const res = await get(user, `/api/indicators/rankings?kind=community&${MARCH}`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(body.rankedBy, ['onTimeClosureRate', 'closureRate', 'registered']);
      assert.deepEqual(
        body.items.map((r: { rank: number | null; unit: { name: string } }) => [r.rank, r.unit.name]),
        [
          [1, 'A2社区'],
          [2, 'A1社区'],
          [null, 'B1社区'],
        ],
      );
      assert.deepEqual(body.items[0].indicators, A2);
      assert.deepEqual(body.items[1].indicators, A1);
    }
  });

  it('ranks departments by their sub-tasks and the workstation by what it held', async () => {
    const departments = (await get('operator', `/api/indicators/rankings?kind=department&${MARCH}`)).json();
    assert.deepEqual(
      departments.items.map(
        (r: { rank: number | null; unit: { code: string }; indicators: { registered: number } }) => [
          r.rank,
          r.unit.code,
          r.indicators.registered,
        ],
      ),
      [
        [1, 'D-GREEN', 1],
        [null, 'D-POWER', 0],
      ],
    );
    const workstations = (await get('operator', `/api/indicators/rankings?kind=workstation&${MARCH}`)).json();
    assert.deepEqual(
      workstations.items.map((r: { rank: number | null; unit: { id: string } }) => [r.rank, r.unit.id]),
      [[null, t.org.wsA.id]],
    );
  });

  it('keeps indicators within scope: another community’s unit is not found, rankings are for leaders and operators', async () => {
    const own = await get('commA1', `/api/indicators?${MARCH}`);
    assert.equal(own.statusCode, 200);
    assert.deepEqual(own.json().indicators, A1);
    const other = await get('commA1', `/api/indicators?unitId=${t.org.a2.id}`);
    assert.equal(other.statusCode, 404);
    assert.equal(other.json().error.code, 'UNIT_NOT_FOUND');
    assert.equal((await get('wsA', `/api/indicators?unitId=${t.org.a1.id}`)).statusCode, 200);
    assert.equal((await get('wsA', `/api/indicators?unitId=${t.org.b1.id}`)).statusCode, 404);
    assert.equal((await get('resident', '/api/indicators')).statusCode, 403);
    const ranking = await get('commA1', '/api/indicators/rankings?kind=community');
    assert.equal(ranking.statusCode, 403);
    assert.equal(ranking.json().error.code, 'FORBIDDEN');
  });

  it('refuses a bad period or kind with a 400 naming it', async () => {
    const backwards = await get(
      'operator',
      `/api/indicators?from=2026-03-10T00:00:00Z&to=2026-03-01T00:00:00Z`,
    );
    assert.equal(backwards.statusCode, 400);
    assert.equal(backwards.json().error.code, 'TIME_RANGE_INVALID');
    const tooLong = await get(
      'operator',
      `/api/indicators?from=2024-01-01T00:00:00Z&to=2026-03-01T00:00:00Z`,
    );
    assert.equal(tooLong.json().error.code, 'TIME_RANGE_INVALID');
    const garbage = await get('operator', '/api/indicators?from=last-week');
    assert.equal(garbage.statusCode, 400);
    assert.match(garbage.json().error.message, /querystring\.from/);
    const planet = await get('operator', '/api/indicators/rankings?kind=planet');
    assert.equal(planet.statusCode, 400);
    assert.equal(planet.json().error.code, 'VALIDATION_FAILED');
  });
});
