import assert from 'node:assert/strict';
import { it } from 'node:test';
import { computeIndicators } from '../src/domain/workorder/indicators.ts';
import { workingCalendar } from '../src/services/calendar/index.ts';
import { loadOrderHistories } from '../src/services/orders/index.ts';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { actAs, bj, IN_A1_GRID1, sessions, storedPhoto, useOrderWorld } from './helpers/orders.ts';

const iso = (local: string) => new Date(bj(local)).toISOString();
const HOUR = 3_600_000;

// Issue 3's story over HTTP: camphor branches on a high-voltage line in community A1.
forEachDialect('the overhanging-branches story', (kind) => {
  const t = useTestApp(kind);
  const world = useOrderWorld(t);
  const as = sessions(t);
  let orderId = '';
  let version = 0;

  /** Moves the clock to a Beijing time and takes an action as a user; returns the order. */
  async function step(at: string, user: string, action: string, body: object = {}) {
    t.clock.t = bj(at);
    const res = await actAs(t, await as(user), orderId, action, { version, ...body });
    assert.equal(res.statusCode, 200, `${user} ${action}: ${res.body}`);
    const { order, event } = res.json();
    assert.equal(event.action, action);
    assert.equal(order.version, version + 1, `${action} adds one event`);
    version = order.version;
    return order;
  }

  const subTaskOf = (order: { subTasks: { id: string; unitId: string }[] }, unitId: string) =>
    order.subTasks.find((s) => s.unitId === unitId)?.id;

  const marchIndicators = async (unitId: string) => {
    const ctx = { db: t.store.db, now: t.clock.now };
    const histories = await loadOrderHistories(ctx, unitId);
    const march = { from: bj('2026-03-01 00:00'), to: bj('2026-04-01 00:00') };
    return computeIndicators(histories, march, t.clock.now(), await workingCalendar(ctx));
  };

  it('starts with no orders counted for community A1 or the workstation', async () => {
    assert.equal((await marchIndicators(t.org.a1.id)).registered, 0);
    assert.equal((await marchIndicators(t.org.wsA.id)).closureRate, null);
  });

  it('lets grid worker 王 report with two photos: located, categorised, on A1’s problem list', async () => {
    t.clock.t = bj('2026-03-02 09:00');
    const photos = [await storedPhoto(t, 'gridA1'), await storedPhoto(t, 'gridA1')];
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as('gridA1'),
      payload: {
        categoryId: world.categories.get('树木倒伏/树枝搭线'),
        ...IN_A1_GRID1,
        address: '娄门小区12幢旁',
        description: '小区内樟树枝搭在高压线上',
        photos,
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    const { order, duplicates } = res.json();
    orderId = order.id;
    version = order.version;
    assert.deepEqual(duplicates, []);
    assert.equal(order.code, 'C0401202603020001');
    assert.equal(order.status, 'reported');
    assert.equal(order.level, 'community');
    assert.equal(order.source, 'gridWorker');
    assert.equal(order.stage, 'before');
    assert.equal(order.gridId, t.org.grids[0]?.id);
    assert.equal(order.communityId, t.org.a1.id);
    assert.equal(order.responsibleUnitId, t.org.a1.id);
    assert.deepEqual(order.timeLimit, { amount: 3, unit: 'days' });
    assert.deepEqual(order.category, {
      code: 'C0401',
      type: 'component',
      majorName: '园林绿化设施',
      minorName: '树木倒伏/树枝搭线',
    });
    assert.equal(order.createdAt, iso('2026-03-02 09:00'));

    const list = await t.app.inject({
      url: `/api/orders?level=community&responsibleUnitId=${t.org.a1.id}`,
      headers: await as('commA1'),
    });
    assert.deepEqual(
      list.json().items.map((o: { code: string }) => o.code),
      ['C0401202603020001'],
      'on A1’s problem list',
    );
  });

  it('is escalated by A1 to the workstation and by the workstation to the centre', async () => {
    const atWorkstation = await step('2026-03-02 09:10', 'commA1', 'escalate', { note: '社区无法处理' });
    assert.equal(atWorkstation.level, 'workstation');
    assert.equal(atWorkstation.responsibleUnitId, t.org.wsA.id);
    const atCentre = await step('2026-03-02 09:20', 'wsA', 'escalate');
    assert.equal(atCentre.level, 'subdistrict');
    assert.equal(atCentre.responsibleUnitId, t.org.sub.id);
    assert.equal(atCentre.status, 'reported');
  });

  it('is registered and dispatched with sub-tasks for greening, power supply and community A1', async () => {
    const registered = await step('2026-03-02 09:30', 'operator', 'register');
    assert.equal(registered.status, 'registered');
    const dispatched = await step('2026-03-02 10:00', 'operator', 'dispatch', {
      unitId: world.contractor.id,
      subTasks: [
        { unitId: t.org.dept.id, task: '审批修剪' },
        { unitId: world.power.id, task: '安排停电' },
        { unitId: t.org.a1.id, task: '通知居民挪车' },
      ],
    });
    assert.equal(dispatched.status, 'dispatched');
    assert.equal(dispatched.responsibleUnitId, world.contractor.id);
    // 3 working days from Monday: close of business on Thursday.
    assert.equal(dispatched.deadline, iso('2026-03-05 17:30'));
    assert.equal(dispatched.light, 'green');
    assert.deepEqual(
      dispatched.subTasks.map((s: { unitId: string; status: string; deadline: string }) => [
        s.unitId,
        s.status,
        s.deadline,
      ]),
      [
        [t.org.dept.id, 'dispatched', iso('2026-03-05 17:30')],
        [world.power.id, 'dispatched', iso('2026-03-05 17:30')],
        [t.org.a1.id, 'dispatched', iso('2026-03-05 17:30')],
      ],
    );
  });

  it('is signed by each unit, and power supply gets its 2-working-day extension', async () => {
    await step('2026-03-02 10:30', 'green', 'signSubTask');
    await step('2026-03-02 10:40', 'power', 'signSubTask');
    await step('2026-03-02 10:50', 'commA1', 'signSubTask');
    const signed = await step('2026-03-02 11:00', 'crew', 'sign');
    assert.equal(signed.status, 'signed');
    assert.equal(signed.responsibleUserId, t.org.users.crew?.id);
    const powerTask = subTaskOf(signed, world.power.id);
    await step('2026-03-02 14:00', 'power', 'requestExtension', {
      subTaskId: powerTask,
      extension: { amount: 2, unit: 'days' },
      reason: '停电需提前报批',
    });
    const approved = await step('2026-03-02 14:30', 'operator', 'approveExtension', { subTaskId: powerTask });
    // Thursday 17:30 + 2 working days = Monday 9 March 17:30, and the order's deadline follows.
    assert.equal(approved.deadline, iso('2026-03-09 17:30'));
    assert.equal(
      approved.subTasks.find((s: { id: string }) => s.id === powerTask).deadline,
      iso('2026-03-09 17:30'),
    );
    assert.equal(approved.extensionCount, 1);
  });

  it('is trimmed and reported handled with after-photos once every sub-task reported back', async () => {
    await step('2026-03-03 08:40', 'crew', 'startHandling');
    const after = [await storedPhoto(t, 'crew'), await storedPhoto(t, 'crew')];
    t.clock.t = bj('2026-03-03 08:50');
    const early = await actAs(t, await as('crew'), orderId, 'feedback', { photos: after });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json().error.code, 'SUBTASKS_OPEN');
    await step('2026-03-03 09:00', 'green', 'feedbackSubTask', { note: '同意修剪' });
    await step('2026-03-03 09:30', 'commA1', 'feedbackSubTask', { note: '已通知居民挪车' });
    await step('2026-03-06 10:00', 'power', 'feedbackSubTask', { note: '周五上午停电' });
    const handled = await step('2026-03-06 16:00', 'crew', 'feedback', { photos: after, note: '已修剪' });
    assert.equal(handled.status, 'handled');
    assert.equal(handled.light, null, 'the clock stops once handled');
  });

  it('is verified on site by grid worker 王, closed by the centre and visited', async () => {
    const verified = await step('2026-03-09 09:00', 'gridA1', 'verify', { passed: true });
    assert.equal(verified.status, 'verified');
    const closed = await step('2026-03-09 10:00', 'operator', 'close');
    assert.equal(closed.status, 'closed');
    assert.equal(closed.closedAt, iso('2026-03-09 10:00'));
    const visited = await step('2026-03-10 10:00', 'operator', 'returnVisit', {
      satisfaction: 'satisfied',
      solved: true,
    });
    assert.deepEqual(visited.returnVisit, {
      satisfaction: 'satisfied',
      solved: true,
      at: iso('2026-03-10 10:00'),
      byUserId: t.org.users.operator?.id,
    });
    assert.deepEqual(visited.allowedActions, ['reopen']);
  });

  it('has every step in its timeline with who, when, from-state, to-state, notes and photos', async () => {
    const res = await t.app.inject({ url: `/api/orders/${orderId}/events`, headers: await as('operator') });
    assert.equal(res.statusCode, 200);
    const events = res.json().items;
    const names = new Map(Object.entries(t.org.users).map(([name, u]) => [u.id, name]));
    assert.deepEqual(
      events.map(
        (e: {
          seq: number;
          action: string;
          fromState: string;
          toState: string;
          actor: { userId: string };
          at: string;
        }) => [e.seq, e.action, e.fromState, e.toState, names.get(e.actor.userId), e.at],
      ),
      [
        [1, 'report', null, 'reported', 'gridA1', iso('2026-03-02 09:00')],
        [2, 'escalate', 'reported', 'reported', 'commA1', iso('2026-03-02 09:10')],
        [3, 'escalate', 'reported', 'reported', 'wsA', iso('2026-03-02 09:20')],
        [4, 'register', 'reported', 'registered', 'operator', iso('2026-03-02 09:30')],
        [5, 'dispatch', 'registered', 'dispatched', 'operator', iso('2026-03-02 10:00')],
        [6, 'signSubTask', 'dispatched', 'dispatched', 'green', iso('2026-03-02 10:30')],
        [7, 'signSubTask', 'dispatched', 'dispatched', 'power', iso('2026-03-02 10:40')],
        [8, 'signSubTask', 'dispatched', 'dispatched', 'commA1', iso('2026-03-02 10:50')],
        [9, 'sign', 'dispatched', 'signed', 'crew', iso('2026-03-02 11:00')],
        [10, 'requestExtension', 'signed', 'signed', 'power', iso('2026-03-02 14:00')],
        [11, 'approveExtension', 'signed', 'signed', 'operator', iso('2026-03-02 14:30')],
        [12, 'startHandling', 'signed', 'handling', 'crew', iso('2026-03-03 08:40')],
        [13, 'feedbackSubTask', 'handling', 'handling', 'green', iso('2026-03-03 09:00')],
        [14, 'feedbackSubTask', 'handling', 'handling', 'commA1', iso('2026-03-03 09:30')],
        [15, 'feedbackSubTask', 'handling', 'handling', 'power', iso('2026-03-06 10:00')],
        [16, 'feedback', 'handling', 'handled', 'crew', iso('2026-03-06 16:00')],
        [17, 'verify', 'handled', 'verified', 'gridA1', iso('2026-03-09 09:00')],
        [18, 'close', 'verified', 'closed', 'operator', iso('2026-03-09 10:00')],
        [19, 'returnVisit', 'closed', 'closed', 'operator', iso('2026-03-10 10:00')],
      ],
    );
    const [report, escalated, , , dispatched, , , , , requested, approved, , , , , fed] = events;
    assert.equal(report.note, '小区内樟树枝搭在高压线上');
    assert.equal(report.photos.length, 2);
    assert.equal(report.actor.role, 'gridWorker');
    assert.equal(escalated.note, '社区无法处理');
    assert.deepEqual(escalated.data, {
      fromLevel: 'community',
      toLevel: 'workstation',
      toUnitId: t.org.wsA.id,
    });
    assert.equal(dispatched.data.deadline, iso('2026-03-05 17:30'));
    assert.equal(requested.note, '停电需提前报批');
    assert.deepEqual(approved.data.extension, { amount: 2, unit: 'days' });
    assert.equal(approved.data.deadline, iso('2026-03-09 17:30'));
    assert.equal(fed.note, '已修剪');
    assert.equal(fed.photos.length, 2);
  });

  it('changes the indicators of community A1 and of the workstation accordingly', async () => {
    const expected = {
      registered: 1,
      closed: 1,
      closureRate: 1,
      due: 1,
      closedOnTime: 1,
      onTimeClosureRate: 1,
      overdueCount: 0,
      verifications: 1,
      reworks: 0,
      reworkRate: 0,
      // Dispatch Monday 10:00 → crew signs 11:00.
      avgResponseMs: 1 * HOUR,
      // Sign Monday 11:00 → feedback Friday 16:00: 5 h + 3 × 7.5 h + 6 h of working time.
      avgHandlingMs: 33.5 * HOUR,
      visited: 1,
      satisfied: 1,
      solved: 1,
      satisfactionRate: 1,
      solvedRate: 1,
    };
    assert.deepEqual(await marchIndicators(t.org.a1.id), expected);
    assert.deepEqual(await marchIndicators(t.org.wsA.id), expected);
    assert.equal(
      (await marchIndicators(t.org.a2.id)).registered,
      0,
      'community A2 had nothing to do with it',
    );
  });
});
