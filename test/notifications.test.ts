import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { LiveEvent } from '../src/live/bus.ts';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { postRequest, useOpen311 } from './helpers/open311.ts';
import { actAs, bj, IN_A1_GRID1, sessions, storedPhoto, useOrderWorld } from './helpers/orders.ts';

// Who hears about which action: the unit an order (or a sub-task) lands on, never the actor.
forEachDialect('notifications of order actions', (kind) => {
  const t = useTestApp(kind);
  const world = useOrderWorld(t);
  const as = sessions(t);
  let orderId = '';
  let version = 0;

  async function step(at: string, user: string, action: string, body: object = {}) {
    t.clock.t = bj(at);
    const res = await actAs(t, await as(user), orderId, action, { version, ...body });
    assert.equal(res.statusCode, 200, `${user} ${action}: ${res.body}`);
    version = res.json().order.version;
  }

  const kinds = async (user: string) =>
    (await t.app.inject({ url: '/api/notifications', headers: await as(user) }))
      .json()
      .items.map((n: { kind: string }) => n.kind);

  before(async () => {
    t.clock.t = bj('2026-03-02 09:00');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as('gridA1'),
      payload: {
        categoryId: world.categories.get('楼道堆物'),
        ...IN_A1_GRID1,
        description: '楼道堆放杂物',
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    orderId = res.json().order.id;
    version = res.json().order.version;
    await step('2026-03-02 09:10', 'commA1', 'escalate');
    await step('2026-03-02 09:20', 'wsA', 'escalate');
    await step('2026-03-02 09:30', 'operator', 'register');
    await step('2026-03-02 10:00', 'operator', 'dispatch', {
      unitId: t.org.a1.id,
      subTasks: [{ unitId: t.org.dept.id, task: '清运大件' }],
    });
    await step('2026-03-02 10:30', 'commA1', 'return', { reason: '应由物业处理' });
    await step('2026-03-02 11:00', 'operator', 'dispatch', { unitId: t.org.a1.id });
    await step('2026-03-02 11:30', 'leader', 'supervise', { note: '尽快处理' });
    await step('2026-03-02 13:40', 'green', 'signSubTask');
    await step('2026-03-02 13:50', 'green', 'feedbackSubTask');
    await step('2026-03-02 14:00', 'commA1', 'sign');
    await step('2026-03-02 14:10', 'commA1', 'startHandling');
    await step('2026-03-02 15:00', 'commA1', 'feedback', { photos: [await storedPhoto(t, 'commA1')] });
    await step('2026-03-02 16:00', 'gridA1', 'verify', { passed: false, note: '仍有杂物' });
  });

  it('tells each unit the order lands on, newest first', async () => {
    assert.deepEqual(await kinds('commA1'), [
      'reworked',
      'subTaskFedBack',
      'supervised',
      'dispatched',
      'dispatched',
      'reported',
    ]);
    assert.deepEqual(await kinds('wsA'), ['escalated']);
    assert.deepEqual(await kinds('green'), ['subTaskAssigned'], 'once: a second dispatch keeps the sub-task');
    for (const user of ['operator', 'admin']) {
      assert.deepEqual(
        await kinds(user),
        ['awaitingVerification', 'returned', 'escalated'],
        `${user}: a community-level report is not theirs; the feedback is, as the centre runs it`,
      );
    }
    assert.deepEqual(await kinds('gridA1'), ['awaitingVerification'], 'the grid worker of its grid verifies');
  });

  it('leaves out leaders, residents, units not concerned and the acting user', async () => {
    for (const user of ['leader', 'resident', 'commA2', 'power']) {
      assert.deepEqual(await kinds(user), [], user);
    }
  });

  it('writes messages that name the order, the Chinese term and the deadline', async () => {
    const items = (await t.app.inject({ url: '/api/notifications', headers: await as('commA1') })).json()
      .items;
    const [reworked, fedBack, supervised, dispatched] = items;
    assert.match(fedBack.message, /A sub-task \(协办\) of order [CE]\d{16} was fed back/);
    assert.equal(fedBack.data.unitId, t.org.dept.id);
    assert.match(reworked.message, /^Order [CE]\d{16} failed verification and is back in handling \(返工\)/);
    assert.match(supervised.message, /under supervision \(督办\)/);
    assert.equal(supervised.data.auto, false);
    // 3 working days (楼道堆物) from Monday: close of business on Thursday.
    assert.match(dispatched.message, /dispatched to your unit \(派遣\), due 2026-03-05 17:30 Beijing time/);
    assert.equal(dispatched.data.deadline, new Date(bj('2026-03-05 17:30')).toISOString());
    assert.equal(dispatched.orderCode, items[0].orderCode);
  });
});

// New reports, reopening (重办) and merges (合并): who is told, about which order, and that each
// entry is pushed live to its user.
forEachDialect('notifications of reports, reopening and merges', (kind) => {
  const t = useTestApp(kind);
  const world = useOrderWorld(t);
  const open311 = useOpen311(t);
  const as = sessions(t);
  const live: LiveEvent[] = [];
  let unsubscribe = () => {};
  before(() => {
    unsubscribe = t.app.platform.bus.subscribe((e) => live.push(e));
  });
  after(() => unsubscribe());

  const USERS = [
    'admin',
    'operator',
    'leader',
    'wsA',
    'commA1',
    'commA2',
    'commB1',
    'gridA1',
    'green',
    'resident',
  ];
  const id = (user: string) => t.org.users[user]?.id ?? '';

  /** Every user's inbox entries since `since` (ms), oldest first, as [user, kind, orderId]. */
  async function told(since: number): Promise<[string, string, string][]> {
    const rows = await t.store.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'order_id', 'created_at', 'id'])
      .where('created_at', '>=', since)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const names = new Map(Object.entries(t.org.users).map(([name, u]) => [u.id, name]));
    return rows
      .map((r): [string, string, string] => [names.get(r.user_id) ?? r.user_id, r.kind, r.order_id ?? ''])
      .sort((a, b) => USERS.indexOf(a[0]) - USERS.indexOf(b[0]));
  }

  /** The live notification events pushed since the index `from`, as [userId, kind, orderId]. */
  const pushedSince = (from: number) =>
    live
      .slice(from)
      .filter((e) => e.type === 'notification')
      .map((e) => {
        const d = e.data as { userId: string; kind: string; orderId: string };
        return [d.userId, d.kind, d.orderId];
      });

  async function report(user: string, at: string, extra: object = {}) {
    t.clock.t = bj(at);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as(user),
      payload: {
        categoryId: world.categories.get('楼道堆物'),
        ...IN_A1_GRID1,
        description: '楼道堆物',
        ...extra,
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().order as { id: string; code: string; version: number };
  }

  async function act(user: string, at: string, orderId: string, action: string, body: object = {}) {
    t.clock.t = bj(at);
    const res = await actAs(t, await as(user), orderId, action, body);
    assert.equal(res.statusCode, 200, `${user} ${action}: ${res.body}`);
    return res.json();
  }

  it('tells the community of a report on its problem list, and only it', async () => {
    const mark = live.length;
    const order = await report('gridA1', '2026-03-02 09:00');
    assert.deepEqual(await told(bj('2026-03-02 09:00')), [['commA1', 'reported', order.id]]);
    assert.deepEqual(pushedSince(mark), [[id('commA1'), 'reported', order.id]]);
    const [entry] = (await t.app.inject({ url: '/api/notifications', headers: await as('commA1') })).json()
      .items;
    assert.equal(entry.orderCode, order.code);
    assert.match(entry.message, /^New report [CE]\d{16} for your unit \(上报\)/);
  });

  it('tells the command centre (not its leader, not the reporter) of a report that lands at the subdistrict', async () => {
    const mark = live.length;
    const byResident = await report('resident', '2026-03-02 09:10');
    assert.deepEqual(await told(bj('2026-03-02 09:10')), [
      ['admin', 'reported', byResident.id],
      ['operator', 'reported', byResident.id],
    ]);
    const byOperator = await report('operator', '2026-03-02 09:20', { source: 'hotline' });
    assert.deepEqual(await told(bj('2026-03-02 09:20')), [['admin', 'reported', byOperator.id]]);
    assert.deepEqual(
      pushedSince(mark).map(([userId, k]) => [userId, k]),
      [
        [id('admin'), 'reported'],
        [id('operator'), 'reported'],
        [id('admin'), 'reported'],
      ],
    );
  });

  it('tells the command centre of an Open311 request, and pushes it live', async () => {
    const mark = live.length;
    t.clock.t = bj('2026-03-02 09:30');
    const res = await postRequest(t.app, 'json', {
      api_key: open311.key,
      service_code: 'E2001',
      lat: IN_A1_GRID1.lat,
      long: IN_A1_GRID1.lon,
      'attribute[fault]': 'dark',
      'attribute[pole_number]': 'LD-0001',
    });
    assert.equal(res.statusCode, 200, res.body);
    const told930 = await told(bj('2026-03-02 09:30'));
    assert.deepEqual(
      told930.map(([user, k]) => [user, k]),
      [
        ['admin', 'reported'],
        ['operator', 'reported'],
      ],
    );
    assert.equal(new Set(told930.map(([, , orderId]) => orderId)).size, 1);
    assert.deepEqual(
      pushedSince(mark).map(([userId, k]) => [userId, k]),
      [
        [id('admin'), 'reported'],
        [id('operator'), 'reported'],
      ],
    );
  });

  it('tells the unit that ran a reopened order (重办) and the command centre, not the reporter', async () => {
    const order = await report('gridA1', '2026-03-03 09:00');
    await act('commA1', '2026-03-03 09:10', order.id, 'register');
    await act('commA1', '2026-03-03 09:20', order.id, 'dispatch', { unitId: t.org.dept.id });
    await act('green', '2026-03-03 09:30', order.id, 'sign');
    await act('green', '2026-03-03 09:40', order.id, 'startHandling');
    await act('green', '2026-03-03 10:00', order.id, 'feedback', {
      photos: [await storedPhoto(t, id('green'))],
    });
    await act('gridA1', '2026-03-03 10:30', order.id, 'verify', { passed: true });
    await act('commA1', '2026-03-03 11:00', order.id, 'close');
    const mark = live.length;
    const reopened = await act('gridA1', '2026-03-04 09:00', order.id, 'reopen', {
      reason: '杂物又堆回来了',
    });
    assert.equal(reopened.order.responsibleUnitId, t.org.a1.id);
    assert.deepEqual(
      reopened.event.targetUnit,
      { id: t.org.a1.id, name: 'A1社区' },
      'the reopen names its unit',
    );
    const expected: [string, string, string][] = [
      ['admin', 'reopened', order.id],
      ['operator', 'reopened', order.id],
      ['commA1', 'reopened', order.id],
    ];
    assert.deepEqual(await told(bj('2026-03-04 09:00')), expected);
    assert.deepEqual(pushedSince(mark).sort(), expected.map(([user, k, o]) => [id(user), k, o]).sort());

    // Reopened by the centre itself: the operator who did it is not told, the rest are.
    await act('commA1', '2026-03-04 09:10', order.id, 'dispatch', { unitId: t.org.dept.id });
    await act('green', '2026-03-04 09:20', order.id, 'sign');
    await act('green', '2026-03-04 09:30', order.id, 'startHandling');
    await act('green', '2026-03-04 10:00', order.id, 'feedback', {
      photos: [await storedPhoto(t, id('green'))],
    });
    await act('gridA1', '2026-03-04 10:30', order.id, 'verify', { passed: true });
    await act('commA1', '2026-03-04 11:00', order.id, 'close');
    await act('operator', '2026-03-05 09:00', order.id, 'reopen', { reason: '市民再次投诉' });
    assert.deepEqual(await told(bj('2026-03-05 09:00')), [
      ['admin', 'reopened', order.id],
      ['commA1', 'reopened', order.id],
    ]);
  });

  it('tells the reporter and the unit holding a merged duplicate that it now follows the survivor', async () => {
    const survivor = await report('gridA1', '2026-03-06 09:00');
    const duplicate = await report('resident', '2026-03-06 09:10');
    const mark = live.length;
    t.clock.t = bj('2026-03-06 09:20');
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${duplicate.id}/merge`,
      headers: await as('operator'),
      payload: { intoOrderId: survivor.id },
    });
    assert.equal(res.statusCode, 200, res.body);
    const expected: [string, string, string][] = [
      ['admin', 'merged', duplicate.id],
      ['resident', 'merged', duplicate.id],
    ];
    assert.deepEqual(
      await told(bj('2026-03-06 09:20')),
      expected,
      'the centre held it; the operator merged it',
    );
    assert.deepEqual(pushedSince(mark).sort(), expected.map(([user, k, o]) => [id(user), k, o]).sort());
    const [entry] = (await t.app.inject({ url: '/api/notifications', headers: await as('resident') })).json()
      .items;
    assert.equal(entry.orderId, duplicate.id);
    assert.deepEqual([entry.data.intoOrderId, entry.data.intoOrderCode], [survivor.id, survivor.code]);
    assert.match(entry.message, new RegExp(`merged into order ${survivor.code} \\(合并\\)`));

    // Through the actions route: a community-level duplicate tells its reporter and its community.
    const second = await report('gridA1', '2026-03-06 10:00');
    await act('operator', '2026-03-06 10:10', second.id, 'merge', { intoOrderId: survivor.id });
    assert.deepEqual(await told(bj('2026-03-06 10:10')), [
      ['commA1', 'merged', second.id],
      ['gridA1', 'merged', second.id],
    ]);
  });

  it('writes nothing when the change is refused', async () => {
    const order = await report('gridA1', '2026-03-07 09:00');
    t.clock.t = bj('2026-03-07 09:10');
    const stale = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/merge`,
      headers: await as('operator'),
      payload: { intoOrderId: order.id },
    });
    assert.equal(stale.statusCode, 400);
    assert.deepEqual(await told(bj('2026-03-07 09:10')), []);
  });
});
