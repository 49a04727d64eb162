import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { forEachDialect } from './helpers/dialects.ts';
import { reportAndDispatch } from './helpers/order-flow.ts';
import { actAs, bj, IN_A1_GRID1, IN_A2_GRID1, storedPhoto, useOrderApp } from './helpers/orders.ts';

// The flow pieces field use showed missing (issue 13): a note without a transition, parking on
// request, consulting departments before dispatch, no merge into a closed order, a reopen that
// names its unit, a warning for a sub-task nobody can sign, and why a button is missing.
forEachDialect('work-order flow pieces', (kind) => {
  const { t, world, as } = useOrderApp(kind);
  const iso = (local: string) => new Date(bj(local)).toISOString();

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

  async function attempt(user: string, at: string, id: string, action: string, body: object = {}) {
    t.clock.t = bj(at);
    return actAs(t, await as(user), id, action, body);
  }

  async function act(user: string, at: string, id: string, action: string, body: object = {}) {
    const res = await attempt(user, at, id, action, body);
    assert.equal(res.statusCode, 200, `${user} ${action}: ${res.body}`);
    return res.json();
  }

  const read = async (user: string, id: string) =>
    t.app.inject({ url: `/api/orders/${id}`, headers: await as(user) });
  const timeline = async (id: string) =>
    (await t.app.inject({ url: `/api/orders/${id}/events`, headers: await as('operator') })).json().items;

  /** An order of the crew's, dispatched on Monday 2 March at 10:00, due Wednesday 17:30. */
  const dispatchedToCrew = (at = '2026-03-02 09:30', deadline = '2026-03-04 17:30') =>
    reportAndDispatch(t, as, {
      at: bj(at),
      categoryId: world.categories.get('暴露垃圾') ?? '',
      ...IN_A1_GRID1,
      dispatch: { unitId: world.contractor.id, deadline: iso(deadline) },
    }).then((o) => o.id);

  describe('a note without a transition (备注)', () => {
    it('is added by the reporter and by units involved, on the timeline with its photo, in any live state', async () => {
      const id = await report('resident', '2026-03-02 09:00');
      const photo = await storedPhoto(t, 'resident');
      const first = await act('resident', '2026-03-02 09:05', id, 'comment', {
        note: '晚上更严重',
        photos: [photo],
      });
      assert.equal(first.order.status, 'reported');
      assert.deepEqual(
        [
          first.event.action,
          first.event.fromState,
          first.event.toState,
          first.event.note,
          first.event.photos,
        ],
        ['comment', 'reported', 'reported', '晚上更严重', [photo]],
      );
      assert.deepEqual([first.event.actor.userId, first.event.targetUnit], [t.org.users.resident?.id, null]);
      await act('operator', '2026-03-02 09:10', id, 'register');
      const byCentre = await act('operator', '2026-03-02 09:15', id, 'comment', { note: '已电话联系' });
      assert.deepEqual([byCentre.event.actor.unitName, byCentre.order.status], ['测试街道', 'registered']);
      const actions = (await timeline(id)).map((e: { action: string }) => e.action);
      assert.deepEqual(actions, ['report', 'comment', 'register', 'comment']);
    });

    it('needs the note, and is refused to those who cannot see the order and on a closed or voided order', async () => {
      const id = await report('resident', '2026-03-02 10:00');
      const empty = await attempt('resident', '2026-03-02 10:01', id, 'comment', {});
      assert.deepEqual([empty.statusCode, empty.json().error.code], [400, 'VALIDATION_FAILED']);
      const outsider = await attempt('commB1', '2026-03-02 10:02', id, 'comment', { note: '路过看到' });
      assert.deepEqual([outsider.statusCode, outsider.json().error.code], [404, 'ORDER_NOT_FOUND']);
      await act('operator', '2026-03-02 10:03', id, 'void', { reason: '重复上报' });
      const voided = await attempt('resident', '2026-03-02 10:04', id, 'comment', { note: '还在' });
      assert.deepEqual([voided.statusCode, voided.json().error.code], [409, 'TRANSITION_NOT_ALLOWED']);
      assert.match(voided.json().error.message, /Cannot comment \(备注\) an order that is voided/);
    });
  });

  describe('parking on request (申请挂账)', () => {
    it('stops the clock once the centre approves: resumed a working day later, the deadline moves a working day', async () => {
      const id = await dispatchedToCrew();
      const asked = await act('crew', '2026-03-02 10:30', id, 'requestPark', {
        reason: '等待业主签字',
        until: iso('2026-03-06 17:30'),
      });
      assert.deepEqual(asked.order.parkRequest, {
        reason: '等待业主签字',
        until: iso('2026-03-06 17:30'),
        requestedBy: t.org.users.crew?.id,
        requestedAt: iso('2026-03-02 10:30'),
      });
      assert.equal(asked.order.parked, null, 'asking does not stop the clock');
      assert.equal(asked.event.data.until, iso('2026-03-06 17:30'));
      const again = await attempt('crew', '2026-03-02 10:35', id, 'requestPark', {
        reason: 'x',
        until: iso('2026-03-06 17:30'),
      });
      assert.deepEqual([again.statusCode, again.json().error.code], [409, 'PARK_REQUEST_PENDING']);
      const byCommunity = await attempt('commA1', '2026-03-02 10:40', id, 'approvePark');
      assert.deepEqual([byCommunity.statusCode, byCommunity.json().error.code], [403, 'FORBIDDEN']);

      const approved = await act('operator', '2026-03-02 11:00', id, 'approvePark');
      assert.deepEqual(approved.order.parked, {
        at: iso('2026-03-02 11:00'),
        reason: '等待业主签字',
        until: iso('2026-03-06 17:30'),
      });
      assert.deepEqual([approved.order.parkRequest, approved.order.light], [null, null]);
      assert.deepEqual(
        [approved.event.actor.userId, approved.event.data.requestedBy],
        [t.org.users.operator?.id, t.org.users.crew?.id],
      );
      // Mon 11:00 → Tue 11:00 is 7.5 working hours; the 20 h left go from Tue 11:00 to Thu 17:30.
      const resumed = await act('operator', '2026-03-03 11:00', id, 'resume');
      assert.equal(resumed.order.deadline, iso('2026-03-05 17:30'));
      assert.equal(resumed.event.data.deadline, iso('2026-03-05 17:30'));
    });

    it('leaves the order and its deadline as they were when the centre denies', async () => {
      const id = await dispatchedToCrew('2026-03-09 09:30', '2026-03-11 17:30');
      const none = await attempt('operator', '2026-03-09 10:20', id, 'approvePark');
      assert.deepEqual([none.statusCode, none.json().error.code], [409, 'NO_PARK_REQUEST']);
      const notHolder = await attempt('power', '2026-03-09 10:25', id, 'requestPark', {
        reason: 'x',
        until: iso('2026-03-12 17:30'),
      });
      assert.equal(notHolder.statusCode, 404, 'the power company does not see this order');
      await act('crew', '2026-03-09 10:30', id, 'requestPark', {
        reason: '等待物业',
        until: iso('2026-03-13 17:30'),
      });
      const denied = await act('admin', '2026-03-09 11:00', id, 'denyPark', { reason: '请先自行联系物业' });
      assert.deepEqual(
        [denied.order.parked, denied.order.parkRequest, denied.order.deadline, denied.order.light],
        [null, null, iso('2026-03-11 17:30'), 'green'],
      );
      assert.deepEqual([denied.event.note, denied.event.actor.role], ['请先自行联系物业', 'admin']);
    });
  });

  describe('consulting units before dispatch (征询意见)', () => {
    let id = '';
    before(async () => {
      id = await report('operator', '2026-03-10 09:00', { ...IN_A2_GRID1, source: 'hotline' });
    });

    it('lets the asked unit read the order and answer, and no other department', async () => {
      const before = await read('green', id);
      assert.equal(before.statusCode, 404, 'not asked yet: not theirs');
      const consulted = await act('operator', '2026-03-10 09:10', id, 'consult', {
        unitIds: [t.org.dept.id],
        question: '行道树可否修剪？',
        dueAt: iso('2026-03-11 17:30'),
      });
      assert.equal(consulted.event.data.question, '行道树可否修剪？');
      assert.equal(consulted.event.data.dueAt, iso('2026-03-11 17:30'));
      const seen = await read('green', id);
      assert.equal(seen.statusCode, 200, seen.body);
      assert.deepEqual(seen.json().allowedActions, ['consultReply', 'comment']);
      const [question] = seen.json().consultations;
      assert.deepEqual(
        [
          question.unitId,
          question.unitName,
          question.question,
          question.dueAt,
          question.askedBy,
          question.answer,
        ],
        [
          t.org.dept.id,
          '绿化所',
          '行道树可否修剪？',
          iso('2026-03-11 17:30'),
          t.org.users.operator?.id,
          null,
        ],
      );
      assert.equal((await read('power', id)).statusCode, 404, 'another department does not see it');
      const list = await t.app.inject({ url: '/api/orders', headers: await as('green') });
      assert.ok(
        list.json().items.some((o: { id: string }) => o.id === id),
        'in the asked unit’s list',
      );
      const byPower = await attempt('power', '2026-03-10 09:15', id, 'consultReply', { agree: true });
      assert.equal(byPower.statusCode, 404);
    });

    it('does not make dispatch wait, records the answer on the order and the timeline, once', async () => {
      await act('operator', '2026-03-10 09:20', id, 'register');
      await act('operator', '2026-03-10 09:30', id, 'dispatch', { unitId: t.org.a2.id });
      const noReason = await attempt('green', '2026-03-10 10:00', id, 'consultReply', { agree: false });
      assert.deepEqual([noReason.statusCode, noReason.json().error.code], [400, 'VALIDATION_FAILED']);
      const answered = await act('green', '2026-03-10 10:05', id, 'consultReply', {
        agree: true,
        note: '可以修剪',
      });
      assert.deepEqual(answered.order.consultations[0].answer, {
        agree: true,
        note: '可以修剪',
        at: iso('2026-03-10 10:05'),
        by: t.org.users.green?.id,
      });
      assert.deepEqual(
        [
          answered.event.action,
          answered.event.actor.unitName,
          answered.event.data.agree,
          answered.event.note,
        ],
        ['consultReply', '绿化所', true, '可以修剪'],
      );
      const twice = await attempt('green', '2026-03-10 10:10', id, 'consultReply', {
        agree: false,
        note: 'x',
      });
      assert.deepEqual([twice.statusCode, twice.json().error.code], [409, 'NO_CONSULTATION']);
      const events = (await timeline(id)).map((e: { action: string }) => e.action);
      assert.deepEqual(events, ['report', 'consult', 'register', 'dispatch', 'consultReply']);
      assert.equal((await read('green', id)).statusCode, 200, 'still readable once answered');
    });

    it('is asked by the centre or a workstation, not a community, and names existing units', async () => {
      const other = await report('commA1', '2026-03-10 11:00');
      const byCommunity = await attempt('commA1', '2026-03-10 11:05', other, 'consult', {
        unitIds: [t.org.dept.id],
        question: 'x',
        dueAt: iso('2026-03-11 17:30'),
      });
      assert.deepEqual([byCommunity.statusCode, byCommunity.json().error.code], [403, 'FORBIDDEN']);
      const late = await attempt('operator', '2026-03-10 11:10', id, 'consult', {
        unitIds: [world.power.id],
        question: 'x',
        dueAt: iso('2026-03-11 17:30'),
      });
      assert.deepEqual(
        [late.statusCode, late.json().error.code],
        [409, 'TRANSITION_NOT_ALLOWED'],
        'dispatched by now',
      );
      const fresh = await report('operator', '2026-03-10 11:20');
      const missing = await attempt('operator', '2026-03-10 11:25', fresh, 'consult', {
        unitIds: ['no-such-unit'],
        question: 'x',
        dueAt: iso('2026-03-11 17:30'),
      });
      assert.deepEqual([missing.statusCode, missing.json().error.code], [404, 'UNIT_NOT_FOUND']);
      assert.match(missing.json().error.message, /^body\.unitIds\.0 no-such-unit/);
    });
  });

  it('refuses to merge a report into a closed order with 409 MERGE_TARGET_CLOSED, and says to reopen it', async () => {
    const closed = await dispatchedToCrew('2026-03-12 09:00', '2026-03-13 17:30');
    await act('crew', '2026-03-12 10:00', closed, 'sign');
    await act('crew', '2026-03-12 10:10', closed, 'startHandling');
    await act('crew', '2026-03-12 10:20', closed, 'feedback', { photos: [await storedPhoto(t, 'crew')] });
    await act('gridA1', '2026-03-12 10:30', closed, 'verify', { passed: true });
    await act('operator', '2026-03-12 10:40', closed, 'close');
    const duplicate = await report('resident', '2026-03-12 11:00');
    for (const res of [
      await t.app.inject({
        method: 'POST',
        url: `/api/orders/${duplicate}/merge`,
        headers: await as('operator'),
        payload: { intoOrderId: closed },
      }),
      await attempt('operator', '2026-03-12 11:05', duplicate, 'merge', { intoOrderId: closed }),
    ]) {
      assert.deepEqual([res.statusCode, res.json().error.code], [409, 'MERGE_TARGET_CLOSED']);
      assert.match(res.json().error.message, /reopen it \(重办\)/);
    }
    assert.equal((await read('operator', duplicate)).json().status, 'reported', 'the report is kept');

    // The reopen sends it back to the unit that ran it, and the timeline says so.
    const again = await act('operator', '2026-03-12 11:20', closed, 'reopen', { reason: '问题复发' });
    assert.deepEqual(again.event.targetUnit, { id: t.org.sub.id, name: '测试街道' });
    const [reopen] = (await timeline(closed)).filter((e: { action: string }) => e.action === 'reopen');
    assert.deepEqual(reopen.targetUnit, { id: t.org.sub.id, name: '测试街道' });
  });

  it('warns, naming the unit, of a sub-task for a unit with no active user, and keeps it', async () => {
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: await as('admin'),
      payload: { kind: 'department', parentId: t.org.sub.id, code: 'D-EMPTY', name: '水务所' },
    });
    assert.equal(empty.statusCode, 201, empty.body);
    const id = await report('operator', '2026-03-16 09:00');
    await act('operator', '2026-03-16 09:05', id, 'register');
    const dispatched = await act('operator', '2026-03-16 09:10', id, 'dispatch', {
      unitId: world.contractor.id,
      subTasks: [
        { unitId: world.power.id, plannedAt: iso('2026-03-17 09:00') },
        { unitId: empty.json().id, task: '关阀' },
      ],
    });
    assert.equal(dispatched.warnings.length, 1, dispatched.warnings.join('; '));
    assert.match(
      dispatched.warnings[0],
      /^Unit 水务所 \([^)]+\) has no active users: nobody can sign for its sub-task/,
    );
    assert.equal(dispatched.order.subTasks.length, 2);
    assert.equal(dispatched.order.subTasks[0].plannedAt, iso('2026-03-17 09:00'));
    const signed = await act('power', '2026-03-16 09:20', id, 'signSubTask', {
      plannedAt: iso('2026-03-18 14:00'),
    });
    assert.equal(signed.order.subTasks[0].plannedAt, iso('2026-03-18 14:00'));
    assert.deepEqual(signed.warnings, []);
    const added = await act('operator', '2026-03-16 09:30', id, 'addSubTask', {
      subTask: { unitId: t.org.dept.id },
    });
    assert.deepEqual(added.warnings, [], 'a staffed unit: nothing to say');
  });

  it('says why the lead has no feedback button while sub-tasks are open, from the guard that refuses it', async () => {
    const id = await reportAndDispatch(t, as, {
      at: bj('2026-03-18 09:00'),
      categoryId: world.categories.get('暴露垃圾') ?? '',
      ...IN_A1_GRID1,
      dispatch: { unitId: world.contractor.id, subTasks: [{ unitId: world.power.id }] },
    }).then((o) => o.id);
    await act('crew', '2026-03-18 10:00', id, 'sign');
    await act('crew', '2026-03-18 10:10', id, 'startHandling');
    const view = (await read('crew', id)).json();
    assert.equal(view.allowedActions.includes('feedback'), false);
    assert.equal(view.blockedActions.length, 1);
    const [blocked] = view.blockedActions;
    assert.deepEqual([blocked.action, blocked.code], ['feedback', 'SUBTASKS_OPEN']);
    const refused = await attempt('crew', '2026-03-18 10:20', id, 'feedback', {
      photos: [await storedPhoto(t, 'crew')],
    });
    assert.deepEqual([refused.statusCode, refused.json().error.code], [409, 'SUBTASKS_OPEN']);
    assert.equal(refused.json().error.message, blocked.message);
    assert.deepEqual((await read('power', id)).json().blockedActions, [], 'the sub-task unit is not blocked');
    const subTaskId = view.subTasks[0].id;
    const closed = await act('crew', '2026-03-18 10:30', id, 'closeSubTask', {
      subTaskId,
      reason: '无需停电',
    });
    assert.deepEqual(closed.order.blockedActions, []);
    assert.ok(closed.order.allowedActions.includes('feedback'));
  });
});
