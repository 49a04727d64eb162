import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
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
    await step('2026-03-02 15:00', 'commA1', 'feedback', { photos: [await storedPhoto(t, 'x')] });
    await step('2026-03-02 16:00', 'gridA1', 'verify', { passed: false, note: '仍有杂物' });
  });

  it('tells each unit the order lands on, newest first', async () => {
    assert.deepEqual(await kinds('commA1'), ['reworked', 'supervised', 'dispatched', 'dispatched']);
    assert.deepEqual(await kinds('wsA'), ['escalated']);
    assert.deepEqual(await kinds('green'), ['subTaskAssigned'], 'once: a second dispatch keeps the sub-task');
    for (const user of ['operator', 'admin']) {
      assert.deepEqual(await kinds(user), ['returned', 'escalated'], user);
    }
  });

  it('leaves out leaders, residents, units not concerned and the acting user', async () => {
    for (const user of ['leader', 'resident', 'commA2', 'power', 'gridA1']) {
      assert.deepEqual(await kinds(user), [], user);
    }
  });

  it('writes messages that name the order, the Chinese term and the deadline', async () => {
    const items = (await t.app.inject({ url: '/api/notifications', headers: await as('commA1') })).json()
      .items;
    const [reworked, supervised, dispatched] = items;
    assert.match(reworked.message, /^Order [CE]\d{16} failed verification and is back in handling \(返工\)/);
    assert.match(supervised.message, /under supervision \(督办\)/);
    assert.equal(supervised.data.auto, false);
    // 3 working days (楼道堆物) from Monday: close of business on Thursday.
    assert.match(dispatched.message, /dispatched to your unit \(派遣\), due 2026-03-05 17:30 Beijing time/);
    assert.equal(dispatched.data.deadline, new Date(bj('2026-03-05 17:30')).toISOString());
    assert.equal(dispatched.orderCode, items[0].orderCode);
  });
});
