import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { ReturnVisitJob } from '../src/jobs/return-visits.ts';
import type { LiveEvent } from '../src/live/bus.ts';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { reportAndDispatch } from './helpers/order-flow.ts';
import { actAs, bj, IN_A1_GRID1, sessions, storedPhoto, useOrderWorld } from './helpers/orders.ts';
import { toldHelpers } from './helpers/told.ts';

// A closed order that has waited a working day (on the working calendar) without a return visit
// (回访) is reminded to the command centre, once.
forEachDialect('return visits due', (kind) => {
  const t = useTestApp(kind);
  const world = useOrderWorld(t);
  const as = sessions(t);
  const live: LiveEvent[] = [];
  const { told, pushedSince } = toldHelpers(t, live);
  let job: ReturnVisitJob;
  let unsubscribe = () => {};

  async function act(user: string, at: number, id: string, action: string, body: object = {}) {
    t.clock.t = at;
    const res = await actAs(t, await as(user), id, action, body);
    assert.equal(res.statusCode, 200, `${user} ${action}: ${res.body}`);
    return res.json();
  }

  /** An order handled by the crew and closed by the centre at `closedAt`. */
  async function closedAt(closed: number): Promise<string> {
    const start = closed - 3 * 3_600_000;
    const { id } = await reportAndDispatch(t, as, {
      at: start,
      categoryId: world.categories.get('暴露垃圾') ?? '',
      ...IN_A1_GRID1,
      dispatch: { unitId: world.contractor.id },
    });
    await act('crew', start + 40 * 60_000, id, 'sign');
    await act('crew', start + 50 * 60_000, id, 'startHandling');
    await act('crew', start + 60 * 60_000, id, 'feedback', { photos: [await storedPhoto(t, 'crew')] });
    await act('gridA1', start + 90 * 60_000, id, 'verify', { passed: true });
    await act('operator', closed, id, 'close');
    return id;
  }

  const tickAt = async (local: string) => {
    t.clock.t = bj(local);
    return job.tick();
  };

  before(() => {
    unsubscribe = t.app.platform.bus.subscribe((e) => live.push(e));
    job = new ReturnVisitJob(t.app.platform.ctx, t.app.platform.bus, { holder: 'test-process' });
  });
  after(() => unsubscribe());

  it('reminds the centre one working day after a Friday closing, on Monday, not over the weekend, once', async () => {
    // Friday 6 March 15:00: 2.5 h left that day, then Monday 08:30–12:00 and 13:30–15:00 make 7.5 h.
    const id = await closedAt(bj('2026-03-06 15:00'));
    for (const at of ['2026-03-06 17:30', '2026-03-07 15:00', '2026-03-08 23:00', '2026-03-09 14:59']) {
      assert.deepEqual(await tickAt(at), { ran: true, due: 0, notified: 0 }, at);
    }
    const mark = live.length;
    assert.deepEqual(await tickAt('2026-03-09 15:00'), { ran: true, due: 1, notified: 2 });
    const expected: [string, string][] = [
      ['admin', 'returnVisitDue'],
      ['operator', 'returnVisitDue'],
    ];
    assert.deepEqual(
      await told(bj('2026-03-09 15:00')),
      expected,
      'the centre only: not the leader, not the crew',
    );
    assert.deepEqual(pushedSince(mark), expected);
    const inbox = await t.app.inject({ url: '/api/notifications?limit=1', headers: await as('operator') });
    const [entry] = inbox.json().items;
    assert.equal(entry.orderId, id);
    assert.match(entry.message, /closed a working day ago and has had no return visit \(回访\) yet/);

    assert.deepEqual(await tickAt('2026-03-09 15:01'), { ran: true, due: 0, notified: 0 }, 'once');
    assert.deepEqual(await tickAt('2026-03-12 09:00'), { ran: true, due: 0, notified: 0 });
  });

  it('reminds nobody of an order visited, or reopened, within the working day', async () => {
    const visited = await closedAt(bj('2026-03-10 10:00'));
    const reopened = await closedAt(bj('2026-03-10 11:00'));
    await act('operator', bj('2026-03-10 16:00'), visited, 'returnVisit', {
      satisfaction: 'satisfied',
      solved: true,
    });
    await act('operator', bj('2026-03-10 16:10'), reopened, 'reopen', { reason: '问题复发' });
    assert.deepEqual(await tickAt('2026-03-11 12:00'), { ran: true, due: 0, notified: 0 });
    assert.deepEqual(await told(bj('2026-03-11 12:00')), []);
  });

  it('reminds again after a reopened order is closed anew', async () => {
    const id = await closedAt(bj('2026-03-16 09:00'));
    assert.equal((await tickAt('2026-03-17 09:00')).notified, 2);
    await act('operator', bj('2026-03-17 10:00'), id, 'reopen', { reason: '居民反映未解决' });
    await act('operator', bj('2026-03-17 10:10'), id, 'dispatch', { unitId: world.contractor.id });
    await act('crew', bj('2026-03-17 10:20'), id, 'sign');
    await act('crew', bj('2026-03-17 10:30'), id, 'startHandling');
    await act('crew', bj('2026-03-17 10:40'), id, 'feedback', { photos: [await storedPhoto(t, 'crew')] });
    await act('gridA1', bj('2026-03-17 10:50'), id, 'verify', { passed: true });
    await act('operator', bj('2026-03-17 11:00'), id, 'close');
    assert.deepEqual(await tickAt('2026-03-18 10:59'), { ran: true, due: 0, notified: 0 });
    assert.deepEqual(
      await tickAt('2026-03-18 11:00'),
      { ran: true, due: 1, notified: 2 },
      'a new closure, a new visit owed',
    );
  });
});
