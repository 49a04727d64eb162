import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { bj, IN_A1_GRID1, sessions, storedPhoto, useOrderWorld } from './helpers/orders.ts';

// A phone replays its outbox after a flaky reconnect: a report or a feedback sent twice with the
// Idempotency-Key made when it was queued creates one order, one event.
forEachDialect('Idempotency-Key on reports and order actions', (kind) => {
  const t = useTestApp(kind);
  const world = useOrderWorld(t);
  const as = sessions(t);

  const countOrders = async () =>
    Number(
      (
        await t.store.db
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const countEvents = async (orderId: string, action: string) =>
    Number(
      (
        await t.store.db
          .selectFrom('order_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('order_id', '=', orderId)
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );

  const report = async (user: string, key: string | undefined, description = '路边暴露垃圾') =>
    t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { ...(await as(user)), ...(key && { 'idempotency-key': key }) },
      payload: { categoryId: world.categories.get('暴露垃圾'), ...IN_A1_GRID1, description },
    });

  it('answers a replayed report with the first answer and its status, and creates one order', async () => {
    t.clock.t = bj('2026-03-02 09:00');
    const key = randomUUID();
    const before = await countOrders();
    const first = await report('gridA1', key);
    assert.equal(first.statusCode, 201, first.body);
    t.clock.t = bj('2026-03-02 09:20');
    const again = await report('gridA1', key);
    assert.equal(again.statusCode, 201);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(again.json().order.id, first.json().order.id);
    assert.equal(again.json().order.code, first.json().order.code);
    assert.equal(await countOrders(), before + 1);
  });

  it('refuses the same key with another body: 409 IDEMPOTENCY_KEY_REUSED', async () => {
    t.clock.t = bj('2026-03-02 10:00');
    const key = randomUUID();
    assert.equal((await report('gridA1', key)).statusCode, 201);
    const before = await countOrders();
    const other = await report('gridA1', key, '另一处垃圾');
    assert.equal(other.statusCode, 409);
    assert.equal(other.json().error.code, 'IDEMPOTENCY_KEY_REUSED');
    assert.equal(await countOrders(), before);
  });

  it('keeps keys apart per user, forgets them after 24 hours, and refuses a malformed key', async () => {
    t.clock.t = bj('2026-03-02 11:00');
    const key = randomUUID();
    const byGrid = await report('gridA1', key);
    const byResident = await report('resident', key);
    assert.equal(byResident.statusCode, 201);
    assert.notEqual(byResident.json().order.id, byGrid.json().order.id, 'another user, another request');
    t.clock.t = bj('2026-03-03 11:00');
    const dayLater = await report('gridA1', key, '第二天同一个键');
    assert.equal(dayLater.statusCode, 201, 'a day later the key is new again');
    assert.equal(dayLater.headers['idempotent-replayed'], undefined);
    const bad = await report('gridA1', 'not a key!');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
  });

  it('creates one order from two concurrent requests with one key, both answered alike', async () => {
    t.clock.t = bj('2026-03-04 09:00');
    const key = randomUUID();
    const before = await countOrders();
    const [a, b] = await Promise.all([report('gridA1', key), report('gridA1', key)]);
    assert.deepEqual([a.statusCode, b.statusCode], [201, 201], `${a.body} ${b.body}`);
    assert.equal(a.json().order.id, b.json().order.id);
    assert.equal(await countOrders(), before + 1);
  });

  it('replays a feedback once: one event, the replay answered 200 with the first answer', async () => {
    t.clock.t = bj('2026-03-05 09:00');
    const created = await report('operator', undefined);
    const id: string = created.json().order.id;
    const act = async (user: string, action: string, body: object, key?: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/orders/${id}/actions/${action}`,
        headers: { ...(await as(user)), ...(key && { 'idempotency-key': key }) },
        payload: body,
      });
    assert.equal((await act('operator', 'register', {})).statusCode, 200);
    assert.equal((await act('operator', 'dispatch', { unitId: world.contractor.id })).statusCode, 200);
    assert.equal((await act('crew', 'sign', {})).statusCode, 200);
    const started = await act('crew', 'startHandling', {});
    const version = started.json().order.version;
    const photo = await storedPhoto(t, 'crew');
    const key = randomUUID();
    const body = { version, note: '已清运', photos: [photo] };
    t.clock.t = bj('2026-03-05 10:00');
    const [first, second] = await Promise.all([
      act('crew', 'feedback', body, key),
      act('crew', 'feedback', body, key),
    ]);
    assert.deepEqual([first.statusCode, second.statusCode], [200, 200], `${first.body} ${second.body}`);
    assert.equal(first.json().event.seq, second.json().event.seq);
    t.clock.t = bj('2026-03-05 10:30');
    const third = await act('crew', 'feedback', body, key);
    assert.equal(third.statusCode, 200);
    assert.equal(third.headers['idempotent-replayed'], 'true');
    assert.equal(third.json().order.status, 'handled');
    assert.equal(await countEvents(id, 'feedback'), 1);
    // Without a key the same body is a second request, refused by the state machine.
    const keyless = await act('crew', 'feedback', body);
    assert.equal(keyless.statusCode, 409);
  });

  it('replays a refusal as it was: the same 409 and code', async () => {
    t.clock.t = bj('2026-03-06 09:00');
    const created = await report('operator', undefined);
    const id: string = created.json().order.id;
    const key = randomUUID();
    const sign = async () =>
      t.app.inject({
        method: 'POST',
        url: `/api/orders/${id}/actions/sign`,
        headers: { ...(await as('crew')), 'idempotency-key': key },
        payload: {},
      });
    const first = await sign();
    const again = await sign();
    assert.equal(first.statusCode, again.statusCode);
    assert.equal(again.json().error.code, first.json().error.code);
    assert.equal(again.headers['idempotent-replayed'], 'true');
  });
});
