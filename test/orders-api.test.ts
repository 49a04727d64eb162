import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDialect } from './helpers/dialects.ts';
import { actAs, bj, IN_A1_GRID1, IN_A2_GRID1, storedPhoto, useOrderApp } from './helpers/orders.ts';

type Item = { id: string; code: string; status: string };
const codes = (items: Item[]) => items.map((o) => o.code);

forEachDialect('orders API', (kind) => {
  const { t, world, as } = useOrderApp(kind);
  const category = (name: string) => world.categories.get(name) ?? assert.fail(`no category ${name}`);

  async function report(user: string, payload: Record<string, unknown>) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as(user),
      payload: { description: '问题描述', ...IN_A1_GRID1, ...payload },
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as {
      order: Item & Record<string, unknown>;
      duplicates: (Item & { distanceM: number })[];
    };
  }

  it('routes reports by source: a grid worker’s to the community list, a hotline call to the centre', async () => {
    t.clock.t = bj('2026-03-04 09:00');
    const found = await report('gridA1', { categoryId: category('暴露垃圾') });
    assert.equal(found.order.level, 'community');
    assert.equal(found.order.responsibleUnitId, t.org.a1.id);
    const call = await report('operator', {
      categoryId: category('噪声扰民'),
      source: 'hotline',
      ...IN_A2_GRID1,
    });
    assert.equal(call.order.level, 'subdistrict');
    assert.equal(call.order.responsibleUnitId, t.org.sub.id);
    assert.equal(call.order.communityId, t.org.a2.id);
    assert.equal(call.order.stage, 'during');
    assert.match(call.order.code, /^E0504202603040\d{3}$/);
    const asResident = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as('resident'),
      payload: { categoryId: category('暴露垃圾'), description: 'x', ...IN_A1_GRID1, source: 'hotline' },
    });
    assert.equal(asResident.statusCode, 403);
    assert.match(asResident.json().error.message, /resident reports with source resident/);
    const asLeader = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as('leader'),
      payload: { categoryId: category('暴露垃圾'), description: 'x', ...IN_A1_GRID1 },
    });
    assert.equal(asLeader.statusCode, 403);
  });

  it('names the field in validation errors, and refuses unknown photos and categories', async () => {
    const op = await as('operator');
    const cases: [Record<string, unknown>, number, RegExp][] = [
      [{ categoryId: category('暴露垃圾'), lat: 'north', lon: 120.8, description: 'x' }, 400, /body\.lat/],
      [{ categoryId: category('暴露垃圾'), lat: 31.3, lon: 120.8 }, 400, /body\.description is required/],
      [{ categoryId: category('暴露垃圾'), lat: 91, lon: 120.8, description: 'x' }, 400, /body\.lat/],
      [{ categoryId: 'nope', lat: 31.3, lon: 120.8, description: 'x' }, 404, /body\.categoryId/],
      [
        { categoryId: category('暴露垃圾'), ...IN_A1_GRID1, description: 'x', photos: ['p-none'] },
        404,
        /p-none/,
      ],
    ];
    for (const [payload, status, message] of cases) {
      const res = await t.app.inject({ method: 'POST', url: '/api/orders', headers: op, payload });
      assert.equal(res.statusCode, status, res.body);
      assert.match(res.json().error.message, message);
    }
    const { order } = await report('operator', { categoryId: category('暴露垃圾') });
    const noReason = await actAs(t, op, order.id, 'reject');
    assert.equal(noReason.statusCode, 400);
    assert.equal(noReason.json().error.message, 'body.reason is required to reject');
    const badVisit = await actAs(t, op, order.id, 'returnVisit', { satisfaction: 'thrilled', solved: true });
    assert.equal(badVisit.statusCode, 400);
    assert.match(badVisit.json().error.message, /body\.satisfaction/);
    const farAway = await actAs(t, op, order.id, 'dispatch', {
      unitId: t.org.dept.id,
      deadline: '2999-01-01T00:00:00Z',
    });
    assert.equal(farAway.statusCode, 400);
    assert.match(
      farAway.json().error.message,
      /body\.deadline 2999-01-01T00:00:00Z is more than a year ahead/,
    );
    const badAction = await actAs(t, op, order.id, 'teleport');
    assert.equal(badAction.statusCode, 400);
    assert.match(badAction.json().error.message, /params\.action/);
  });

  it('refuses a forbidden transition with 409 naming the state and the allowed actions, a wrong role with 403', async () => {
    const { order } = await report('operator', { categoryId: category('暴露垃圾') });
    const close = await actAs(t, await as('operator'), order.id, 'close');
    assert.equal(close.statusCode, 409);
    assert.equal(close.json().error.code, 'TRANSITION_NOT_ALLOWED');
    assert.match(close.json().error.message, /reported \(上报\).*allowed now: register, reject, void, merge/);
    assert.deepEqual(close.json().error.details.allowedActions, [
      'register',
      'reject',
      'void',
      'merge',
      'consult',
      'comment',
    ]);
    const byLeader = await actAs(t, await as('leader'), order.id, 'register');
    assert.equal(byLeader.statusCode, 403);
    assert.equal(byLeader.json().error.code, 'FORBIDDEN');
  });

  it('lets one of two concurrent actions on the same version win; the other gets 409 and leaves no event', async () => {
    const { order } = await report('operator', { categoryId: category('暴露垃圾') });
    const op = await as('operator');
    const admin = await as('admin');
    const results = await Promise.all([
      actAs(t, op, order.id, 'register', { version: 1 }),
      actAs(t, admin, order.id, 'void', { version: 1, reason: '重复' }),
    ]);
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409]);
    const loser = results.find((r) => r.statusCode === 409);
    assert.equal(loser?.json().error.code, 'VERSION_CONFLICT');
    const events = await t.app.inject({ url: `/api/orders/${order.id}/events`, headers: op });
    assert.equal(events.json().items.length, 2, 'the report and the winner’s event');
    const stale = await actAs(t, op, order.id, 'supervise', { version: 1 });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'VERSION_CONFLICT');
  });

  it('suggests open orders of the same category within its radius as duplicates', async () => {
    t.clock.t = bj('2026-03-05 09:00');
    const first = await report('operator', { categoryId: category('油烟扰民'), lat: 31.3051, lon: 120.8051 });
    // 50 m radius: ~11 m away is a duplicate, ~300 m away is not, another category never.
    const near = await report('operator', { categoryId: category('油烟扰民'), lat: 31.3052, lon: 120.8052 });
    assert.deepEqual(codes(near.duplicates), [first.order.code]);
    assert.ok((near.duplicates[0]?.distanceM ?? 99) < 20);
    const far = await report('operator', { categoryId: category('油烟扰民'), lat: 31.3081, lon: 120.8051 });
    assert.deepEqual(far.duplicates, []);
    const other = await report('operator', { categoryId: category('噪声扰民'), lat: 31.3051, lon: 120.8051 });
    assert.ok(!codes(other.duplicates).includes(first.order.code));
    const again = await t.app.inject({
      url: `/api/orders/${first.order.id}/duplicates`,
      headers: await as('operator'),
    });
    assert.deepEqual(codes(again.json().items), [near.order.code]);
  });

  it('merges a duplicate: it ends merged, the survivor records it, the reporter follows the survivor', async () => {
    const survivor = await report('operator', { categoryId: category('楼道堆物') });
    const photo = await storedPhoto(t, t.org.users.resident?.id ?? '');
    const duplicate = await report('resident', { categoryId: category('楼道堆物'), photos: [photo] });
    assert.deepEqual(codes(duplicate.duplicates), [], 'a resident is not shown other people’s reports');
    const resident = await as('resident');
    const before = await t.app.inject({ url: `/api/orders/${survivor.order.id}`, headers: resident });
    assert.equal(before.statusCode, 404);

    const byCommunity = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${duplicate.order.id}/merge`,
      headers: await as('commA1'),
      payload: { intoOrderId: survivor.order.id },
    });
    assert.equal(byCommunity.statusCode, 403);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${duplicate.order.id}/merge`,
      headers: await as('operator'),
      payload: { intoOrderId: survivor.order.id, version: 1, note: '同一处堆物' },
    });
    assert.equal(res.statusCode, 200, res.body);
    const merged = res.json();
    assert.equal(merged.order.status, 'merged');
    assert.equal(merged.order.mergedIntoId, survivor.order.id);
    assert.equal(merged.into.status, 'reported');
    assert.equal(merged.into.version, 2);

    const after = await t.app.inject({ url: `/api/orders/${survivor.order.id}`, headers: resident });
    assert.equal(after.statusCode, 200, 'the duplicate’s reporter now follows the survivor');
    const timeline = await t.app.inject({
      url: `/api/orders/${survivor.order.id}/events`,
      headers: resident,
    });
    assert.deepEqual(timeline.json().items.at(-1).data, { fromOrderId: duplicate.order.id });
    const intoItself = await actAs(t, await as('operator'), survivor.order.id, 'merge', {
      intoOrderId: survivor.order.id,
    });
    assert.equal(intoItself.statusCode, 400);
  });

  it('scopes orders: another community gets 404, a department sees what was dispatched to it', async () => {
    const { order } = await report('gridA1', { categoryId: category('绿化损毁') });
    const a2 = await as('commA2');
    const hidden = await t.app.inject({ url: `/api/orders/${order.id}`, headers: a2 });
    assert.equal(hidden.statusCode, 404);
    assert.equal(hidden.json().error.code, 'ORDER_NOT_FOUND');
    const a2act = await actAs(t, a2, order.id, 'escalate');
    assert.equal(a2act.statusCode, 404);
    const a2list = await t.app.inject({ url: '/api/orders?limit=200', headers: a2 });
    assert.ok(!codes(a2list.json().items).includes(order.code));
    const ws = await t.app.inject({ url: `/api/orders/${order.id}`, headers: await as('wsA') });
    assert.equal(ws.statusCode, 200, 'the workstation sees its grid area');

    const green = await as('green');
    const before = await t.app.inject({ url: '/api/orders?limit=200', headers: green });
    assert.deepEqual(before.json().items, []);
    const op = await as('operator');
    assert.equal((await actAs(t, op, order.id, 'register')).statusCode, 200);
    // Greening is the category's default department: no unitId needed.
    const dispatched = await actAs(t, op, order.id, 'dispatch');
    assert.equal(dispatched.statusCode, 200, dispatched.body);
    assert.equal(dispatched.json().order.responsibleUnitId, t.org.dept.id);
    const after = await t.app.inject({ url: '/api/orders?limit=200', headers: green });
    assert.deepEqual(codes(after.json().items), [order.code]);
    const detail = await t.app.inject({ url: `/api/orders/${order.id}`, headers: green });
    assert.deepEqual(detail.json().allowedActions, [
      'sign',
      'return',
      'assignAssets',
      'requestExtension',
      'requestPark',
      'comment',
    ]);
    // A resident sees what they reported, and the orders their reports were merged into.
    const mine = (await t.app.inject({ url: '/api/orders?limit=200', headers: await as('resident') })).json()
      .items;
    type Mine = { id: string; reporterUserId: string; mergedIntoId: string | null };
    const followed = mine.filter((o: Mine) => o.reporterUserId !== t.org.users.resident?.id);
    assert.deepEqual(
      followed.map((o: Mine) => o.id),
      mine.flatMap((o: Mine) => o.mergedIntoId ?? []),
    );
  });

  it('filters by status, category, source, level, stage, text, area, time and box, and pages with a cursor', async () => {
    t.clock.t = bj('2026-03-11 09:00');
    const made: string[] = [];
    for (const [i, name] of ['占道经营', '占道经营', '路面积水', '违章搭建', '占道经营'].entries()) {
      t.clock.t = bj(`2026-03-11 09:0${i}`);
      const { order } = await report('operator', {
        categoryId: category(name),
        source: i === 2 ? 'patrol' : 'hotline',
        description: i === 3 ? '阳台违章搭建彩钢棚' : `第${i}号`,
        ...(i === 4 ? IN_A2_GRID1 : IN_A1_GRID1),
      });
      made.push(order.code);
    }
    const op = await as('operator');
    const get = async (query: string) => {
      const res = await t.app.inject({
        url: `/api/orders?createdFrom=2026-03-11T00:00:00Z&${query}`,
        headers: op,
      });
      assert.equal(res.statusCode, 200, `${query}: ${res.body}`);
      return res.json();
    };
    assert.deepEqual(codes((await get('')).items), [...made].reverse(), 'newest first');
    assert.deepEqual(codes((await get(`categoryId=${category('占道经营')}&sort=createdAt`)).items), [
      made[0],
      made[1],
      made[4],
    ]);
    assert.deepEqual(codes((await get('source=patrol')).items), [made[2]]);
    assert.deepEqual(codes((await get('source=patrol,hotline&q=彩钢棚')).items), [made[3]]);
    assert.deepEqual(codes((await get(`q=${made[1]?.toLowerCase()}`)).items), [made[1]]);
    assert.deepEqual(codes((await get(`unitId=${t.org.a2.id}`)).items), [made[4]]);
    assert.deepEqual(codes((await get('bbox=120.82,31.30,120.83,31.31')).items), [made[4]]);
    assert.deepEqual(codes((await get('createdTo=2026-03-11T01:02:00Z&sort=createdAt')).items), [
      made[0],
      made[1],
    ]);
    assert.equal((await get('status=closed')).total, 0);
    assert.equal((await get('status=reported&level=subdistrict&stage=during')).total, 5);

    const pages = async (sort: string) => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let first: { total?: number } | undefined;
      do {
        const page = await get(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        first ??= page;
        seen.push(...codes(page.items));
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(first?.total, 5);
      return seen;
    };
    assert.deepEqual(await pages('-createdAt'), [...made].reverse());
    assert.deepEqual(await pages('createdAt'), made);
    // None has a deadline yet: ties are broken by id, which is time-ordered.
    assert.deepEqual(await pages('deadline'), made);
    assert.deepEqual(await pages('-updatedAt'), [...made].reverse());
    const bad = await t.app.inject({ url: '/api/orders?status=lost&limit=500', headers: op });
    assert.equal(bad.statusCode, 400);
    const badStatus = await t.app.inject({ url: '/api/orders?status=lost', headers: op });
    assert.match(badStatus.json().error.message, /querystring\.status "lost"/);
    const badCursor = await t.app.inject({ url: '/api/orders?cursor=abc', headers: op });
    assert.equal(badCursor.json().error.code, 'VALIDATION_FAILED');
  });

  it('shows the traffic light as time passes and filters overdue orders', async () => {
    t.clock.t = bj('2026-03-12 09:00');
    const op = await as('operator');
    const { order } = await report('operator', { categoryId: category('路面积水') });
    await actAs(t, op, order.id, 'register');
    const dispatched = await actAs(t, op, order.id, 'dispatch', { unitId: t.org.dept.id });
    // 4 working hours from 09:00: 3 h to noon, 1 h from 13:30 → 14:30; yellow from 80 % = 3.2 h: 13:42.
    assert.equal(dispatched.json().order.deadline, new Date(bj('2026-03-12 14:30')).toISOString());
    const lights = async () => {
      const codesOf = async (q: string) =>
        codes((await t.app.inject({ url: `/api/orders?${q}`, headers: op })).json().items);
      return {
        green: (await codesOf('light=green')).includes(order.code),
        yellow: (await codesOf('light=yellow')).includes(order.code),
        red: (await codesOf('light=red')).includes(order.code),
        overdue: (await codesOf('overdue=true')).includes(order.code),
      };
    };
    assert.deepEqual(await lights(), { green: true, yellow: false, red: false, overdue: false });
    t.clock.t = bj('2026-03-12 13:42');
    assert.deepEqual(await lights(), { green: false, yellow: true, red: false, overdue: false });
    t.clock.t = bj('2026-03-12 14:31');
    assert.deepEqual(await lights(), { green: false, yellow: false, red: true, overdue: true });
    const view = await t.app.inject({ url: `/api/orders/${order.id}`, headers: await as('operator') });
    assert.equal(view.json().light, 'red');
    assert.equal(view.json().overdue, true);
    assert.equal(view.json().remainingWorkingMs, -60_000);
  });

  it('lets only the unit running an order add a sub-task: a community on a centre-run order gets 403', async () => {
    t.clock.t = bj('2026-03-13 09:00');
    const op = await as('operator');
    const { order } = await report('operator', { categoryId: category('噪声扰民'), source: 'hotline' });
    await actAs(t, op, order.id, 'register');
    assert.equal((await actAs(t, op, order.id, 'dispatch', { unitId: t.org.dept.id })).statusCode, 200);
    const subTask = { unitId: world.power.id, task: '协助' };
    const byCommunity = await actAs(t, await as('commA1'), order.id, 'addSubTask', { subTask });
    assert.equal(byCommunity.statusCode, 403, byCommunity.body);
    assert.equal(byCommunity.json().error.code, 'FORBIDDEN');
    const byCentre = await actAs(t, op, order.id, 'addSubTask', { subTask });
    assert.equal(byCentre.statusCode, 200, byCentre.body);
  });

  it('escalates only up the order’s own line, at the level of the unit it reaches', async () => {
    t.clock.t = bj('2026-03-13 10:00');
    // Community B1 sits in grid area B, which has no linkage workstation.
    const IN_B1_GRID1 = { lat: 31.305, lon: 120.845 };
    const inB = await report('gridA1', { categoryId: category('暴露垃圾'), ...IN_B1_GRID1 });
    assert.equal(inB.order.responsibleUnitId, t.org.b1.id);
    const b1 = await as('commB1');
    const elsewhere = await actAs(t, b1, inB.order.id, 'escalate', { toUnitId: t.org.wsA.id });
    assert.equal(elsewhere.statusCode, 422, elsewhere.body);
    assert.equal(elsewhere.json().error.code, 'ESCALATION_TARGET_INVALID');
    assert.match(elsewhere.json().error.message, /escalate to 测试街道/);
    const up = await actAs(t, b1, inB.order.id, 'escalate');
    assert.equal(up.statusCode, 200, up.body);
    assert.equal(up.json().order.level, 'subdistrict');
    assert.equal(up.json().order.responsibleUnitId, t.org.sub.id);
    assert.equal((await actAs(t, await as('operator'), inB.order.id, 'register')).statusCode, 200);

    const inA = await report('gridA1', { categoryId: category('暴露垃圾') });
    const a1 = await as('commA1');
    const skipping = await actAs(t, a1, inA.order.id, 'escalate', { toUnitId: t.org.sub.id });
    assert.equal(skipping.statusCode, 422, 'grid area A has a workstation: it comes first');
    assert.equal(skipping.json().error.code, 'ESCALATION_TARGET_INVALID');
    const toWs = await actAs(t, a1, inA.order.id, 'escalate', { toUnitId: t.org.wsA.id });
    assert.equal(toWs.statusCode, 200, toWs.body);
    assert.equal(toWs.json().order.level, 'workstation');
    const toSub = await actAs(t, await as('wsA'), inA.order.id, 'escalate', { toUnitId: t.org.sub.id });
    assert.equal(toSub.statusCode, 200, toSub.body);
    assert.equal(toSub.json().order.level, 'subdistrict');
  });

  it('refuses to delete a unit an order was dispatched to (409 UNIT_IN_USE naming the orders)', async () => {
    t.clock.t = bj('2026-03-13 11:00');
    const admin = await as('admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: admin,
      payload: { kind: 'department', parentId: t.org.sub.id, code: 'D-ROADS', name: '道路所' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const roads = created.json().id as string;
    const op = await as('operator');
    const { order } = await report('operator', { categoryId: category('噪声扰民'), source: 'hotline' });
    await actAs(t, op, order.id, 'register');
    assert.equal((await actAs(t, op, order.id, 'dispatch', { unitId: roads })).statusCode, 200);
    const refused = await t.app.inject({ method: 'DELETE', url: `/api/units/${roads}`, headers: admin });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().error.code, 'UNIT_IN_USE');
    assert.deepEqual(refused.json().error.details, { orders: 1, order_units: 1 });
  });
});
