import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { ParkResumeJob } from '../src/jobs/park-resume.ts';
import type { LiveEvent } from '../src/live/bus.ts';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { reportAndDispatch } from './helpers/order-flow.ts';
import { actAs, bj, IN_A1_GRID1, sessions, useOrderWorld } from './helpers/orders.ts';
import { toldHelpers } from './helpers/told.ts';

const iso = (local: string) => new Date(bj(local)).toISOString();

// An order the centre let wait until a date (申请挂账 with `until`) resumes by itself at that date:
// a resume event on the timeline, the deadline given back the working time it had left, the
// holding unit told.
forEachDialect('parked orders resume at their date', (kind) => {
  const t = useTestApp(kind);
  const world = useOrderWorld(t);
  const as = sessions(t);
  const live: LiveEvent[] = [];
  const { told, pushedSince } = toldHelpers(t, live);
  let job: ParkResumeJob;
  let unsubscribe = () => {};

  async function act(user: string, local: string, id: string, action: string, body: object = {}) {
    t.clock.t = bj(local);
    const res = await actAs(t, await as(user), id, action, body);
    assert.equal(res.statusCode, 200, `${user} ${action}: ${res.body}`);
    return res.json();
  }

  /**
   * Exposed rubbish (4 working hours) dispatched to the crew on Monday 2 March at 09:30 (due 15:00),
   * signed at 10:00; the crew asks at 10:30 to wait until `until`, the operator approves at 11:00
   * (2.5 working hours left: 11:00–12:00 and 13:30–15:00).
   */
  async function parkedUntil(day: string, until: string): Promise<string> {
    const { id } = await reportAndDispatch(t, as, {
      at: bj(`${day} 09:00`),
      categoryId: world.categories.get('暴露垃圾') ?? '',
      ...IN_A1_GRID1,
      dispatch: { unitId: world.contractor.id },
    });
    await act('crew', `${day} 10:00`, id, 'sign');
    await act('crew', `${day} 10:30`, id, 'requestPark', { reason: '等待业主清运', until: iso(until) });
    const approved = await act('operator', `${day} 11:00`, id, 'approvePark');
    assert.equal(approved.order.parked.until, iso(until));
    return id;
  }

  const tickAt = async (local: string) => {
    t.clock.t = bj(local);
    return job.tick();
  };

  const read = async (id: string) =>
    (await t.app.inject({ url: `/api/orders/${id}`, headers: await as('operator') })).json();

  before(() => {
    unsubscribe = t.app.platform.bus.subscribe((e) => live.push(e));
    job = new ParkResumeJob(t.app.platform.ctx, t.app.platform.bus, { holder: 'test-process' });
  });
  after(() => unsubscribe());

  it('resumes at `until` with a system event, the deadline shifted by the parked time, the crew told', async () => {
    const id = await parkedUntil('2026-03-02', '2026-03-04 09:00');
    assert.equal((await read(id)).deadline, iso('2026-03-02 15:00'));
    for (const at of ['2026-03-02 15:01', '2026-03-03 12:00', '2026-03-04 08:59']) {
      assert.deepEqual(await tickAt(at), { ran: true, resumed: 0, notified: 0, skipped: 0 }, at);
    }
    assert.notEqual((await read(id)).parked, null, 'still parked before its date');

    const mark = live.length;
    assert.deepEqual(await tickAt('2026-03-04 09:00'), { ran: true, resumed: 1, notified: 1, skipped: 0 });
    const order = await read(id);
    assert.equal(order.parked, null);
    assert.equal(order.status, 'signed');
    // The 2.5 working hours left when parked, from Wednesday 09:00: 11:30.
    assert.equal(order.deadline, iso('2026-03-04 11:30'));
    assert.equal(order.overdue, false);

    const events = (await t.app.inject({ url: `/api/orders/${id}/events`, headers: await as('crew') })).json()
      .items;
    const last = events.at(-1);
    assert.deepEqual(
      [last.action, last.actor.role, last.at, last.fromState, last.toState],
      ['resume', 'system', iso('2026-03-04 09:00'), 'signed', 'signed'],
    );
    assert.equal(last.data.deadline, iso('2026-03-04 11:30'));

    assert.deepEqual(await told(bj('2026-03-04 09:00')), [['crew', 'resumed']]);
    assert.deepEqual(pushedSince(mark), [['crew', 'resumed']]);
    const updated = live.slice(mark).find((e) => e.type === 'order.updated');
    assert.ok(updated, 'an order.updated on the live feed');
    assert.equal((updated.data as { id: string }).id, id);
    const inbox = await t.app.inject({ url: '/api/notifications?limit=1', headers: await as('crew') });
    const [entry] = inbox.json().items;
    assert.equal(entry.kind, 'resumed');
    assert.equal(entry.orderId, id);
    assert.match(entry.message, /is resumed \(恢复\): its time limit runs again, due 2026-03-04 11:30/);

    assert.deepEqual(
      await tickAt('2026-03-04 09:01'),
      { ran: true, resumed: 0, notified: 0, skipped: 0 },
      'once',
    );
  });

  it('leaves alone an order resumed by hand first, and one the centre parked without a date', async () => {
    const byHand = await parkedUntil('2026-03-09', '2026-03-11 09:00');
    await act('operator', '2026-03-10 09:00', byHand, 'resume');
    const { id: parkedByCentre } = await reportAndDispatch(t, as, {
      at: bj('2026-03-09 13:30'),
      categoryId: world.categories.get('暴露垃圾') ?? '',
      ...IN_A1_GRID1,
      dispatch: { unitId: world.contractor.id },
    });
    await act('operator', '2026-03-09 14:30', parkedByCentre, 'park', { reason: '等待区里协调' });
    const before = await read(byHand);
    assert.deepEqual(await tickAt('2026-03-12 09:00'), { ran: true, resumed: 0, notified: 0, skipped: 0 });
    assert.equal((await read(byHand)).version, before.version);
    assert.notEqual((await read(parkedByCentre)).parked, null);
  });

  it('runs in one process at a time: another holder waits for the lease', async () => {
    const other = new ParkResumeJob(t.app.platform.ctx, t.app.platform.bus, { holder: 'other-process' });
    assert.equal((await tickAt('2026-03-12 09:01')).ran, true);
    assert.equal((await other.tick()).ran, false);
  });
});
