import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { LiveEvent } from '../src/live/bus.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { notificationsIn, openLiveFeed } from './helpers/live-feed.ts';
import { actAs, bj, IN_A1_GRID1, IN_A2_GRID1, storedPhoto, useOrderApp } from './helpers/orders.ts';
import { toldHelpers } from './helpers/told.ts';

// Told when it is your turn (issue 13): feedback waiting for verification, extension requests and
// their decisions, sub-tasks fed back, closures, park requests and consultations each reach the
// people whose turn it now is — and nobody else.
forEachDialect('told when it is your turn', (kind) => {
  const { t, world, as } = useOrderApp(kind);
  const live: LiveEvent[] = [];
  const { told, pushedSince } = toldHelpers(t, live);
  let unsubscribe = () => {};
  let orderId = '';

  async function report(user: string, at: string, extra: object = {}) {
    t.clock.t = bj(at);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as(user),
      payload: {
        categoryId: world.categories.get('暴露垃圾'),
        ...IN_A1_GRID1,
        description: '暴露垃圾',
        ...extra,
      },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().order.id as string;
  }

  async function act(user: string, at: string, id: string, action: string, body: object = {}) {
    t.clock.t = bj(at);
    const res = await actAs(t, await as(user), id, action, body);
    assert.equal(res.statusCode, 200, `${user} ${action}: ${res.body}`);
    return res.json();
  }

  const newest = async (user: string) =>
    (await t.app.inject({ url: '/api/notifications?limit=1', headers: await as(user) })).json().items[0];

  before(async () => {
    unsubscribe = t.app.platform.bus.subscribe((e) => live.push(e));
    // A resident's report in A1's first grid, run by the centre, handled by the trimming crew with
    // the power company on a sub-task.
    orderId = await report('resident', '2026-03-02 09:00');
    await act('operator', '2026-03-02 09:05', orderId, 'register');
    await act('operator', '2026-03-02 09:10', orderId, 'dispatch', {
      unitId: world.contractor.id,
      subTasks: [{ unitId: world.power.id, task: '停电配合' }],
    });
  });
  after(() => unsubscribe());

  it('tells the unit running the order of an extension request, and the requester of the decision', async () => {
    const mark = live.length;
    await act('crew', '2026-03-02 09:30', orderId, 'requestExtension', {
      extension: { amount: 4, unit: 'hours' },
      reason: '材料未到',
    });
    const asked: [string, string][] = [
      ['admin', 'extensionRequested'],
      ['operator', 'extensionRequested'],
    ];
    assert.deepEqual(await told(bj('2026-03-02 09:30')), asked);
    assert.deepEqual(pushedSince(mark), asked);

    await act('operator', '2026-03-02 09:40', orderId, 'approveExtension');
    assert.deepEqual(await told(bj('2026-03-02 09:40')), [['crew', 'extensionDecided']]);
    const approved = await newest('crew');
    assert.equal(approved.data.approved, true);
    assert.match(
      approved.message,
      /^Your extension request on order [CE]\d{16} was approved \(批准延期\), due /,
    );

    await act('crew', '2026-03-02 09:50', orderId, 'requestExtension', {
      extension: { amount: 1, unit: 'days' },
      reason: '还需一天',
    });
    await act('admin', '2026-03-02 10:00', orderId, 'denyExtension', { reason: '时限充足' });
    assert.deepEqual(await told(bj('2026-03-02 10:00')), [['crew', 'extensionDecided']]);
    const denied = await newest('crew');
    assert.equal(denied.data.approved, false);
    assert.match(denied.message, /was denied \(驳回延期\)/);
  });

  it('tells the lead unit that a sub-task was fed back, not the sub-task unit', async () => {
    await act('power', '2026-03-02 10:10', orderId, 'signSubTask');
    await act('power', '2026-03-02 10:20', orderId, 'feedbackSubTask');
    assert.deepEqual(await told(bj('2026-03-02 10:10')), [['crew', 'subTaskFedBack']]);
    assert.equal((await newest('crew')).data.unitId, world.power.id);
  });

  it('tells the grid workers of the order’s grid and the unit running it that feedback waits for verification', async () => {
    await act('crew', '2026-03-02 10:30', orderId, 'sign');
    await act('crew', '2026-03-02 10:40', orderId, 'startHandling');
    const mark = live.length;
    await act('crew', '2026-03-02 11:00', orderId, 'feedback', { photos: [await storedPhoto(t, 'crew')] });
    const expected: [string, string][] = [
      ['admin', 'awaitingVerification'],
      ['gridA1', 'awaitingVerification'],
      ['operator', 'awaitingVerification'],
    ];
    assert.deepEqual(
      await told(bj('2026-03-02 11:00')),
      expected,
      'not the community, the resident or the crew',
    );
    assert.deepEqual(pushedSince(mark), expected);
    assert.match((await newest('gridA1')).message, /waits for verification \(核查\)/);
  });

  it('tells the reporting resident of the closure, in the inbox and on the live feed, and nobody else', async () => {
    const resident = await openLiveFeed(t.app, await as('resident'));
    const crew = await openLiveFeed(t.app, await as('crew'));
    try {
      await act('gridA1', '2026-03-02 11:30', orderId, 'verify', { passed: true });
      await act('operator', '2026-03-02 12:00', orderId, 'close');
      assert.deepEqual(await told(bj('2026-03-02 11:30')), [['resident', 'closed']]);
      const pushed = await resident.next((m) => m.type === 'notification' && m.data.kind === 'closed');
      assert.equal(pushed.data.orderId, orderId);
      assert.match(
        String(pushed.data.message),
        /^Your report [CE]\d{16} was closed \(结案\): please rate the result/,
      );
      const entry = await newest('resident');
      assert.deepEqual([entry.kind, entry.orderId, entry.id], ['closed', orderId, pushed.data.id]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(notificationsIn(crew), [], 'the crew’s feed carries nobody else’s notice');
    } finally {
      resident.close();
      crew.close();
    }
  });

  it('tells each unit asked in a consultation, and the asker of each answer', async () => {
    const asked = await report('operator', '2026-03-02 13:30', { ...IN_A2_GRID1, source: 'hotline' });
    const mark = live.length;
    await act('operator', '2026-03-02 13:40', asked, 'consult', {
      unitIds: [t.org.dept.id, world.power.id],
      question: '行道树可否修剪？',
      dueAt: new Date(bj('2026-03-03 17:30')).toISOString(),
    });
    const expected: [string, string][] = [
      ['green', 'consultRequested'],
      ['power', 'consultRequested'],
    ];
    assert.deepEqual(await told(bj('2026-03-02 13:40')), expected);
    assert.deepEqual(pushedSince(mark), expected);

    await act('green', '2026-03-02 13:50', asked, 'consultReply', { agree: false, note: '需先报批' });
    assert.deepEqual(
      await told(bj('2026-03-02 13:50')),
      [['operator', 'consultAnswered']],
      'the asker, not the admin',
    );
    const answer = await newest('operator');
    assert.deepEqual([answer.data.agree, answer.data.unitId], [false, t.org.dept.id]);
    assert.match(answer.message, /answered on order [CE]\d{16} \(征询答复\): it does not agree/);
  });

  it('tells the command centre of a request to park, and the requester of the decision', async () => {
    const parked = await report('operator', '2026-03-02 14:00');
    await act('operator', '2026-03-02 14:05', parked, 'register');
    await act('operator', '2026-03-02 14:10', parked, 'dispatch', { unitId: world.contractor.id });
    await act('crew', '2026-03-02 14:30', parked, 'requestPark', {
      reason: '等待业主签字',
      until: new Date(bj('2026-03-09 17:30')).toISOString(),
    });
    assert.deepEqual(await told(bj('2026-03-02 14:30')), [
      ['admin', 'parkRequested'],
      ['operator', 'parkRequested'],
    ]);
    await act('admin', '2026-03-02 14:40', parked, 'approvePark');
    assert.deepEqual(await told(bj('2026-03-02 14:40')), [['crew', 'parkDecided']]);
    const decided = await newest('crew');
    assert.equal(decided.data.approved, true);
    assert.match(decided.message, /approved \(批准挂账\): its time limit is paused/);
  });
});
