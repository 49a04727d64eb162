// Staff see the orders of their scope and, besides, the orders they follow (reported, or merged
// into). The list leaves the follower probe out for a caller who follows nothing, so both
// branches are checked: without a follow the order is out of scope, with one it is listed and
// counted, on both databases.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { reportRubbishInA1, sessions, useOrderWorld } from './helpers/orders.ts';

forEachDialect('orders followed outside the scope', (kind) => {
  const t = useTestApp(kind);
  const world = useOrderWorld(t);
  const as = sessions(t);

  it('lists an order of another community to a community user only while they follow it', async () => {
    const orderId = await reportRubbishInA1(t, world, await as('operator'));
    const list = async () => {
      const res = await t.app.inject({ url: '/api/orders', headers: await as('commB1') });
      assert.equal(res.statusCode, 200, res.body);
      return { ids: res.json().items.map((o: { id: string }) => o.id), total: res.json().total };
    };
    assert.deepEqual(await list(), { ids: [], total: 0 }, 'B1 sees nothing of A1');
    const userId = t.org.users.commB1?.id ?? '';
    await t.store.db
      .insertInto('order_followers')
      .values({ order_id: orderId, user_id: userId, since: t.clock.now() })
      .execute();
    assert.deepEqual(await list(), { ids: [orderId], total: 1 }, 'a followed order is listed and counted');
    const one = await t.app.inject({ url: `/api/orders/${orderId}`, headers: await as('commB1') });
    assert.equal(one.statusCode, 200, 'and readable');
    await t.store.db.deleteFrom('order_followers').where('user_id', '=', userId).execute();
    assert.deepEqual(await list(), { ids: [], total: 0 });
  });
});
