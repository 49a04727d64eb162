// An action writes only the order columns that differ from the row it read (orders.repository:
// fewer index rewrites), so these check that what is stored after an action is still exactly
// the new state: columns the action changed, columns it left alone, and the light that the
// time-limit job may repaint between the read and the write without bumping the version.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findOrder, updateOrderState } from '../src/store/orders.repository.ts';
import { updateOrderLight } from '../src/store/time-limits.repository.ts';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { reportRubbishInA1, sessions, useOrderWorld } from './helpers/orders.ts';

forEachDialect('order updates write what changed', (kind) => {
  const t = useTestApp(kind);
  const world = useOrderWorld(t);
  const as = sessions(t);

  const report = async () => reportRubbishInA1(t, world, await as('operator'));
  const row = (id: string) =>
    t.store.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('stores every column of the new state after register and dispatch', async () => {
    const id = await report();
    for (const [action, payload] of [
      ['register', {}],
      ['dispatch', { unitId: t.org.dept.id }],
    ] as const) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/orders/${id}/actions/${action}`,
        headers: await as('operator'),
        payload,
      });
      assert.equal(res.statusCode, 200, res.body);
    }
    const stored = await row(id);
    const state = (await findOrder(t.store.db, id))?.state;
    assert.ok(state);
    assert.equal(stored.status, 'dispatched');
    assert.equal(state.status, 'dispatched');
    assert.equal(stored.version, state.version);
    assert.equal(stored.responsible_unit_id, t.org.dept.id);
    assert.equal(state.responsibleUnitId, t.org.dept.id);
    assert.equal(stored.responsible_user_id, state.responsibleUserId);
    assert.equal(Number(stored.deadline), state.deadline);
    assert.equal(stored.level, state.level);
    assert.notEqual(stored.yellow_at, null, 'the time limit started at registration');
    assert.notEqual(stored.red_at, null);
    assert.equal(stored.category_id, world.categories.get('暴露垃圾'), 'untouched columns stay');
  });

  it('writes the light even when the job repainted it after the read', async () => {
    const id = await report();
    const read = await findOrder(t.store.db, id);
    assert.ok(read);
    const before = await row(id);
    // The job repaints the light at the same version (no event, no version bump)…
    const repainted = await updateOrderLight(t.store.db, id, read.state.version, before.light as never, {
      yellowAt: before.yellow_at,
      redAt: before.red_at,
      light: 'red',
      overdue: true,
      visitDueAt: null,
    });
    assert.equal(repainted, true);
    // …then an update derived from the row read before the repaint says green again.
    const next = { ...read.state, version: read.state.version + 1 };
    const written = await updateOrderState(
      t.store.db,
      read.state,
      next,
      { yellowAt: before.yellow_at, redAt: before.red_at, light: 'green', overdue: false, visitDueAt: null },
      t.clock.now(),
    );
    assert.equal(written, true);
    const after = await row(id);
    assert.equal(after.light, 'green');
    assert.equal(Number(after.overdue), 0);
    assert.equal(after.version, read.state.version + 1);
  });

  it('refuses an update from a stale read whatever columns it would write', async () => {
    const id = await report();
    const read = await findOrder(t.store.db, id);
    assert.ok(read);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${id}/actions/register`,
      headers: await as('operator'),
      payload: {},
    });
    assert.equal(res.statusCode, 200, res.body);
    const stale = await updateOrderState(
      t.store.db,
      read.state,
      { ...read.state, version: read.state.version + 1, status: 'voided' },
      { yellowAt: null, redAt: null, light: null, overdue: false, visitDueAt: null },
      t.clock.now(),
    );
    assert.equal(stale, false);
    assert.equal((await row(id)).status, 'registered');
  });
});
