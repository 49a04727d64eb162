import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { TimeLimitJob } from '../src/jobs/time-limits.ts';
import type { LiveEvent } from '../src/live/bus.ts';
import { findLease, takeLease } from '../src/store/job-leases.repository.ts';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { reportAndDispatch } from './helpers/order-flow.ts';
import { bj, IN_A1_GRID1, sessions, useOrderWorld } from './helpers/orders.ts';

const MINUTE = 60_000;

forEachDialect('time-limit job', (kind) => {
  const t = useTestApp(kind);
  const world = useOrderWorld(t);
  const as = sessions(t);
  const live: LiveEvent[] = [];
  let orderId = '';
  let job: TimeLimitJob;
  let unsubscribe = () => {};

  before(async () => {
    unsubscribe = t.app.platform.bus.subscribe((e) => live.push(e));
    job = new TimeLimitJob(t.app.platform.ctx, t.app.platform.bus, { holder: 'test-process' });
    // Dispatched Mon 2 March 10:00 to community A1, due Tue 12:00: 2 + 4 + 3.5 = 9.5 working
    // hours, of which 80 % (7.6 h) are used by Tue 08:30 + 1.6 h = 10:06.
    const order = await reportAndDispatch(t, as, {
      at: bj('2026-03-02 09:30'),
      categoryId: world.categories.get('楼道堆物') ?? '',
      ...IN_A1_GRID1,
      dispatch: { unitId: t.org.a1.id, deadline: new Date(bj('2026-03-03 12:00')).toISOString() },
    });
    orderId = order.id;
  });
  after(() => unsubscribe());

  const stored = () =>
    t.store.db
      .selectFrom('orders')
      .select(['light', 'overdue', 'version'])
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow();
  const events = async () =>
    (await t.app.inject({ url: `/api/orders/${orderId}/events`, headers: await as('operator') })).json()
      .items;
  const inbox = async (user: string, query = '') =>
    (await t.app.inject({ url: `/api/notifications${query}`, headers: await as(user) })).json();
  const tickAt = async (local: string) => {
    t.clock.t = bj(local);
    return job.tick();
  };

  it('leaves a green order alone until 80 % of its working time is used', async () => {
    const tick = await tickAt('2026-03-03 10:05');
    assert.deepEqual(tick, {
      ran: true,
      checked: 0,
      lightsChanged: 0,
      supervised: 0,
      notified: 0,
      skipped: 0,
    });
    assert.deepEqual(await stored(), { light: 'green', overdue: 0, version: 3 });
  });

  it('turns it yellow at 80 % and tells the responsible unit’s staff', async () => {
    const tick = await tickAt('2026-03-03 10:06');
    assert.equal(tick.lightsChanged, 1);
    assert.equal(tick.notified, 1, 'commA1 only: the resident of A1 gets no unit notifications');
    assert.deepEqual(await stored(), { light: 'yellow', overdue: 0, version: 3 }, 'no event, same version');
    assert.equal((await tickAt('2026-03-03 12:00')).checked, 0, 'still yellow at the deadline instant');
  });

  it('turns it red after the deadline and raises automatic supervision once', async () => {
    const tick = await tickAt('2026-03-03 12:01');
    assert.deepEqual(tick, {
      ran: true,
      checked: 1,
      lightsChanged: 1,
      supervised: 1,
      notified: 1,
      skipped: 0,
    });
    assert.deepEqual(await stored(), { light: 'red', overdue: 1, version: 4 });
    const last = (await events()).at(-1);
    assert.equal(last.seq, 4);
    assert.equal(last.action, 'supervise');
    assert.deepEqual([last.fromState, last.toState], ['dispatched', 'dispatched']);
    // The scheduler is no person and belongs to no unit: nothing to name.
    assert.deepEqual(last.actor, {
      userId: 'system',
      role: 'system',
      unitId: null,
      displayName: null,
      unitName: null,
    });
    assert.equal(last.at, new Date(bj('2026-03-03 12:01')).toISOString());
    assert.deepEqual(last.data, { auto: true, count: 1 });

    const again = await tickAt('2026-03-03 12:02');
    assert.deepEqual(again, {
      ran: true,
      checked: 0,
      lightsChanged: 0,
      supervised: 0,
      notified: 0,
      skipped: 0,
    });
    assert.equal((await events()).length, 4, 'not supervised twice for one deadline');
    const order = (
      await t.app.inject({ url: `/api/orders/${orderId}`, headers: await as('operator') })
    ).json();
    assert.deepEqual([order.light, order.overdue, order.supervision.count], ['red', true, 1]);
  });

  it('fills the responsible unit’s inbox, newest first, and pushes each entry live', async () => {
    const box = await inbox('commA1');
    assert.equal(box.unreadCount, 3);
    assert.deepEqual(
      box.items.map((n: { kind: string; orderId: string; readAt: null }) => [n.kind, n.orderId, n.readAt]),
      [
        ['supervised', orderId, null],
        ['yellow', orderId, null],
        ['dispatched', orderId, null],
      ],
    );
    const [supervised, yellow] = box.items;
    assert.match(
      supervised.message,
      /overdue and under automatic supervision \(超时督办\), due 2026-03-03 12:00/,
    );
    assert.deepEqual(supervised.data, {
      status: 'dispatched',
      deadline: '2026-03-03T04:00:00.000Z',
      auto: true,
    });
    assert.equal(yellow.createdAt, new Date(bj('2026-03-03 10:06')).toISOString());
    assert.deepEqual((await inbox('commA2')).items, [], 'another community hears nothing');
    assert.deepEqual((await inbox('operator')).items, [], 'the dispatcher is not told about its own action');

    const notices = live.filter((e) => e.type === 'notification');
    const toAdmin = notices.filter((e) => (e.data as { userId: string }).userId === t.org.users.admin?.id);
    assert.deepEqual(
      toAdmin.map((e) => (e.data as { kind: string }).kind),
      ['reported'],
      'the centre heard of the report',
    );
    const pushed = notices.filter((e) => !toAdmin.includes(e));
    assert.deepEqual(
      pushed.map((e) => [e.unitPath, (e.data as { userId: string; kind: string }).kind]),
      [
        [t.org.a1.path, 'dispatched'],
        [t.org.a1.path, 'yellow'],
        [t.org.a1.path, 'supervised'],
      ],
    );
    assert.ok(pushed.every((e) => (e.data as { userId: string }).userId === t.org.users.commA1?.id));
  });

  it('pages the inbox, marks entries read one by one or all at once, and keeps others’ entries private', async () => {
    const first = await inbox('commA1', '?unread=true&limit=2');
    assert.equal(first.items.length, 2);
    const rest = await inbox('commA1', `?unread=true&limit=2&cursor=${first.nextCursor}`);
    assert.deepEqual(
      rest.items.map((n: { kind: string }) => n.kind),
      ['dispatched'],
    );
    assert.equal(rest.nextCursor, undefined);

    const id = first.items[0].id;
    const stranger = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${id}/read`,
      headers: await as('commA2'),
    });
    assert.equal(stranger.statusCode, 404);
    assert.equal(stranger.json().error.code, 'NOTIFICATION_NOT_FOUND');
    const read = await t.app.inject({
      method: 'POST',
      url: `/api/notifications/${id}/read`,
      headers: await as('commA1'),
    });
    assert.equal(read.statusCode, 200);
    assert.equal(read.json().readAt, new Date(t.clock.now()).toISOString());
    assert.equal((await inbox('commA1')).unreadCount, 2);

    const all = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read-all',
      headers: await as('commA1'),
    });
    assert.deepEqual(all.json(), { updated: 2 });
    assert.equal((await inbox('commA1')).unreadCount, 0);
    assert.deepEqual((await inbox('commA1', '?unread=true')).items, []);
    assert.equal((await inbox('commA1')).items.length, 3, 'read entries stay in the inbox');
  });
});

forEachDialect('time-limit job lease', (kind) => {
  const t = useTestApp(kind);
  const world = useOrderWorld(t);
  const as = sessions(t);

  it('lets exactly one of many concurrent takers have a lease', async () => {
    const now = t.clock.now();
    const takers = Array.from({ length: 8 }, (_, i) => `holder-${i}`);
    const won = await Promise.all(takers.map((h) => takeLease(t.store.db, 'race', h, now, now + MINUTE)));
    assert.equal(won.filter(Boolean).length, 1);
    const holder = takers[won.indexOf(true)];
    assert.equal((await findLease(t.store.db, 'race'))?.holder, holder);
    assert.equal(await takeLease(t.store.db, 'race', 'late', now + MINUTE - 1, now + 2 * MINUTE), false);
    assert.equal(
      await takeLease(t.store.db, 'race', 'late', now + MINUTE, now + 2 * MINUTE),
      true,
      'expired',
    );
  });

  it('has one of two racing job runners do the tick’s work, and the other take over when it stops', async () => {
    await reportAndDispatch(t, as, {
      at: bj('2026-03-02 09:30'),
      categoryId: world.categories.get('楼道堆物') ?? '',
      ...IN_A1_GRID1,
      dispatch: { unitId: t.org.a1.id, deadline: new Date(bj('2026-03-03 12:00')).toISOString() },
    });
    const { ctx, bus } = t.app.platform;
    const a = new TimeLimitJob(ctx, bus, { holder: 'process-a' });
    const b = new TimeLimitJob(ctx, bus, { holder: 'process-b' });
    t.clock.t = bj('2026-03-03 10:06');
    const ticks = await Promise.all([a.tick(), b.tick()]);
    assert.deepEqual(ticks.map((x) => x.ran).sort(), [false, true]);
    const winner = ticks[0]?.ran ? a : b;
    const loser = winner === a ? b : a;
    assert.equal(ticks.find((x) => x.ran)?.lightsChanged, 1);
    const yellow = await t.store.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'yellow')
      .executeTakeFirstOrThrow();
    assert.equal(Number(yellow.n), 1, 'the yellow light is announced once');

    t.clock.advance(MINUTE);
    assert.equal((await loser.tick()).ran, false, 'the winner’s lease is still live');
    assert.equal((await winner.tick()).ran, true);
    await winner.release();
    t.clock.advance(MINUTE);
    assert.equal((await loser.tick()).ran, true, 'a released lease is taken at the next tick');
    t.clock.advance(MINUTE);
    assert.equal((await winner.tick()).ran, false);
    // The new holder stops ticking (crashed): its lease runs out 2.5 minutes after its last renewal.
    t.clock.advance(90_000);
    assert.equal((await winner.tick()).ran, true, 'an expired lease is taken over');
  });
});
