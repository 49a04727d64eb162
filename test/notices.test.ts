import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { LiveEvent } from '../src/live/bus.ts';
import { PASSWORD, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { notificationsIn, openLiveFeed } from './helpers/live-feed.ts';
import { bj, IN_A1_GRID1, sessions, useOrderWorld } from './helpers/orders.ts';
import { toldHelpers } from './helpers/told.ts';

// Telling residents (社区公告): a community or workstation posts a notice for grids or communities
// in its scope; the residents there get it in the inbox and on the live feed, nobody else does.
forEachDialect('notices to residents', (kind) => {
  const t = useTestApp(kind);
  const world = useOrderWorld(t);
  const as = sessions(t);
  const live: LiveEvent[] = [];
  const { told, pushedSince } = toldHelpers(t, live);
  let unsubscribe = () => {};
  const iso = (local: string) => new Date(bj(local)).toISOString();
  const ids: Record<string, string> = {};

  async function post(user: string, at: string, payload: object) {
    t.clock.t = bj(at);
    return t.app.inject({ method: 'POST', url: '/api/notices', headers: await as(user), payload });
  }
  const notice = (places: object, extra: object = {}) => ({
    title: '停水通知',
    body: '3月3日 9:00–12:00 停水，请提前储水',
    validFrom: iso('2026-03-02 08:00'),
    validTo: iso('2026-03-04 18:00'),
    ...places,
    ...extra,
  });
  const list = async (user: string) =>
    (await t.app.inject({ url: '/api/notices', headers: await as(user) }))
      .json()
      .items.map((n: { id: string }) => n.id);

  before(async () => {
    unsubscribe = t.app.platform.bus.subscribe((e) => live.push(e));
    const [g1, g2, g3] = t.org.grids;
    // Residents of A1 (one in its first grid, one in its second, the fixture's without a grid), A2 and B1.
    for (const [username, unitId, gridId] of [
      ['rA1g1', t.org.a1.id, g1?.id],
      ['rA1g2', t.org.a1.id, g2?.id],
      ['rA2', t.org.a2.id, g3?.id],
      ['rB1', t.org.b1.id, undefined],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/users',
        headers: await as('admin'),
        payload: { username, password: PASSWORD, displayName: username, role: 'resident', unitId, gridId },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().gridId, gridId ?? null);
      t.org.users[username] = res.json();
    }
  });
  after(() => unsubscribe());

  it('tells every resident of a community, in the inbox and live, and no one elsewhere', async () => {
    const inA1 = await openLiveFeed(t.app, await as('rA1g1'));
    const inB1 = await openLiveFeed(t.app, await as('rB1'));
    try {
      const mark = live.length;
      const res = await post('commA1', '2026-03-02 09:00', notice({ communityIds: [t.org.a1.id] }));
      assert.equal(res.statusCode, 201, res.body);
      const created = res.json();
      ids.a1 = created.id;
      assert.deepEqual(
        [created.communityIds, created.gridIds, created.unitId, created.unitName, created.orderId],
        [[t.org.a1.id], [], t.org.a1.id, 'A1社区', null],
      );
      const expected: [string, string][] = [
        ['rA1g1', 'notice'],
        ['rA1g2', 'notice'],
        ['resident', 'notice'],
      ];
      assert.deepEqual(await told(bj('2026-03-02 09:00')), expected, 'not A2’s or B1’s, not the staff');
      assert.deepEqual(pushedSince(mark), expected);
      const pushed = await inA1.next((m) => m.type === 'notification' && m.data.kind === 'notice');
      assert.deepEqual(
        [pushed.data.orderId, (pushed.data.data as { noticeId: string; title: string }).noticeId],
        [null, created.id],
      );
      assert.equal(pushed.data.message, 'Notice (公告): 停水通知');
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(notificationsIn(inB1), []);
    } finally {
      inA1.close();
      inB1.close();
    }
  });

  it('tells the residents of a grid only those known to live there', async () => {
    const [g1] = t.org.grids;
    const res = await post(
      'commA1',
      '2026-03-02 09:10',
      notice({ gridIds: [g1?.id] }, { title: '楼道清理' }),
    );
    assert.equal(res.statusCode, 201, res.body);
    ids.g1 = res.json().id;
    assert.deepEqual(await told(bj('2026-03-02 09:10')), [['rA1g1', 'notice']]);
  });

  it('lets a workstation tell several communities of its grid area, naming a work order it may see', async () => {
    t.clock.t = bj('2026-03-02 09:15');
    const order = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as('commA1'),
      payload: { categoryId: world.categories.get('暴露垃圾'), ...IN_A1_GRID1, description: '管道抢修' },
    });
    assert.equal(order.statusCode, 201, order.body);
    const res = await post(
      'wsA',
      '2026-03-02 09:20',
      notice(
        { communityIds: [t.org.a1.id, t.org.a2.id] },
        { title: '管道抢修', orderId: order.json().order.id },
      ),
    );
    assert.equal(res.statusCode, 201, res.body);
    ids.area = res.json().id;
    assert.deepEqual(await told(bj('2026-03-02 09:20')), [
      ['rA1g1', 'notice'],
      ['rA1g2', 'notice'],
      ['rA2', 'notice'],
      ['resident', 'notice'],
    ]);
    const [entry] = (
      await t.app.inject({ url: '/api/notifications?limit=1', headers: await as('rA2') })
    ).json().items;
    assert.deepEqual([entry.orderId, entry.orderCode], [order.json().order.id, order.json().order.code]);
  });

  it('refuses places outside the author’s scope (403) and malformed ones (400), telling no one', async () => {
    const [, , , , g5] = t.org.grids;
    const cases: [string, object, number, string][] = [
      ['commA1', notice({ communityIds: [t.org.a2.id] }), 403, 'OUT_OF_SCOPE'],
      ['wsA', notice({ communityIds: [t.org.b1.id] }), 403, 'OUT_OF_SCOPE'],
      ['commA1', notice({ gridIds: ['no-such-grid'] }), 403, 'OUT_OF_SCOPE'],
      ['commB1', notice({ gridIds: [g5?.id], communityIds: [t.org.a1.id] }), 403, 'OUT_OF_SCOPE'],
      ['commA1', notice({ gridIds: [t.org.a1.id] }), 400, 'VALIDATION_FAILED'],
      ['commA1', notice({}), 400, 'VALIDATION_FAILED'],
      [
        'commA1',
        notice({ communityIds: [t.org.a1.id] }, { validFrom: iso('2026-03-05 08:00') }),
        400,
        'TIME_RANGE_INVALID',
      ],
      [
        'commA1',
        notice(
          { communityIds: [t.org.a1.id] },
          { validFrom: iso('2026-02-01 08:00'), validTo: iso('2026-02-02 08:00') },
        ),
        400,
        'VALIDATION_FAILED',
      ],
      ['operator', notice({ communityIds: [t.org.a1.id] }), 403, 'FORBIDDEN'],
      ['resident', notice({ communityIds: [t.org.a1.id] }), 403, 'FORBIDDEN'],
      [
        'commB1',
        notice({ communityIds: [t.org.b1.id] }, { orderId: 'no-such-order' }),
        404,
        'ORDER_NOT_FOUND',
      ],
    ];
    for (const [user, payload, status, code] of cases) {
      const res = await post(user, '2026-03-02 10:00', payload);
      assert.deepEqual(
        [res.statusCode, res.json().error.code],
        [status, code],
        `${user} ${JSON.stringify(payload)}`,
      );
    }
    const unknown = await post('commA1', '2026-03-02 10:00', notice({ gridIds: ['no-such-grid'] }));
    const outside = await post('commA1', '2026-03-02 10:00', notice({ gridIds: [g5?.id] }));
    assert.equal(
      outside.json().error.message.replace(g5?.id ?? '', '<id>'),
      unknown.json().error.message.replace('no-such-grid', '<id>'),
      'a unit outside the scope is refused like one that does not exist',
    );
    assert.deepEqual(await told(bj('2026-03-02 10:00')), []);
  });

  it('lists to residents the notices for them valid now, to staff their scope’s', async () => {
    const later = await post(
      'commA1',
      '2026-03-02 10:30',
      notice(
        { communityIds: [t.org.a1.id] },
        { title: '下周停电', validFrom: iso('2026-03-09 08:00'), validTo: iso('2026-03-10 18:00') },
      ),
    );
    assert.equal(later.statusCode, 201, later.body);
    ids.later = later.json().id;
    t.clock.t = bj('2026-03-02 11:00');
    assert.deepEqual(await list('rA1g1'), [ids.area, ids.g1, ids.a1], 'newest first; next week’s not yet');
    assert.deepEqual(await list('rA1g2'), [ids.area, ids.a1]);
    assert.deepEqual(await list('rA2'), [ids.area]);
    assert.deepEqual(await list('rB1'), []);
    assert.deepEqual(await list('commA1'), [ids.later, ids.area, ids.g1, ids.a1]);
    assert.deepEqual(await list('commA2'), [ids.area]);
    assert.deepEqual(
      await list('gridA1'),
      [ids.later, ids.area, ids.g1, ids.a1],
      'its grid’s and its community’s',
    );
    assert.deepEqual(await list('commB1'), []);
    assert.deepEqual(await list('green'), []);
    assert.equal((await list('operator')).length, 4);

    const one = await t.app.inject({ url: `/api/notices/${ids.g1}`, headers: await as('rA1g1') });
    assert.equal(one.statusCode, 200, one.body);
    assert.deepEqual([one.json().title, one.json().gridIds], ['楼道清理', [t.org.grids[0]?.id]]);
    for (const user of ['rA1g2', 'rB1', 'commB1']) {
      const hidden = await t.app.inject({ url: `/api/notices/${ids.g1}`, headers: await as(user) });
      assert.deepEqual([hidden.statusCode, hidden.json().error.code], [404, 'NOTICE_NOT_FOUND'], user);
    }
    t.clock.t = bj('2026-03-05 09:00');
    assert.deepEqual(await list('rA1g1'), [], 'expired');
    assert.equal((await list('commA1')).length, 4, 'staff still see them');
  });

  it('keeps a resident’s grid within their community', async () => {
    const [, , g3] = t.org.grids;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${t.org.users.rA1g1?.id}`,
      headers: await as('admin'),
      payload: { gridId: g3?.id },
    });
    assert.deepEqual([res.statusCode, res.json().error.code], [400, 'VALIDATION_FAILED']);
    const moved = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${t.org.users.rA1g1?.id}`,
      headers: await as('admin'),
      payload: { unitId: t.org.a2.id, gridId: g3?.id },
    });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.deepEqual([moved.json().unitId, moved.json().gridId], [t.org.a2.id, g3?.id]);
  });
});
