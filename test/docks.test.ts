import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { newId } from '../src/ids.ts';
import { listDocks } from '../src/store/docks.repository.ts';
import { findAudit, loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';

forEachDialect('docks', (kind) => {
  const t = useTestApp(kind);
  const ids = {} as Record<'a1' | 'b' | 'green' | 'sub', string>;
  let admin: Record<string, string>;

  async function create(headers: Record<string, string>, payload: object) {
    return t.app.inject({ method: 'POST', url: '/api/docks', headers, payload });
  }

  before(async () => {
    admin = await loginAs(t.app, 'admin');
    const place: [keyof typeof ids, string, string, number][] = [
      ['a1', 'A1社区码头', t.org.a1.id, 120.805],
      ['b', '第二网格片码头', t.org.areaB.id, 120.845],
      ['green', '绿化所码头', t.org.dept.id, 120.86],
      ['sub', '街道码头', t.org.sub.id, 120.87],
    ];
    for (const [key, name, unitId, lon] of place) {
      const res = await create(admin, { name, lat: 31.305, lon, unitId });
      assert.equal(res.statusCode, 201, res.body);
      ids[key] = res.json().id;
    }
  });

  it('creates a dock with its WGS-84 point and a default radius of 50 m, audited', async () => {
    const res = await t.app.inject({ url: `/api/docks/${ids.a1}`, headers: admin });
    assert.equal(res.statusCode, 200);
    const dock = res.json();
    assert.deepEqual(
      [dock.name, dock.lat, dock.lon, dock.radiusM, dock.unitId],
      ['A1社区码头', 31.305, 120.805, 50, t.org.a1.id],
    );
    assert.equal(dock.createdAt, new Date(t.clock.now()).toISOString());
    const audit = await findAudit(t.app, admin, (e) => e.action === 'POST /api/docks' && e.status === 201);
    assert.ok(audit, 'the creation is audited');
  });

  it('refuses an impossible point, radius or unit, and roles that do not manage docks', async () => {
    const unitId = t.org.a1.id;
    for (const payload of [
      { name: 'x', lat: 91, lon: 120.8, unitId },
      { name: 'x', lat: 31.3, lon: -181, unitId },
      { name: 'x', lat: 31.3, lon: 120.8, radiusM: 0, unitId },
      { name: '', lat: 31.3, lon: 120.8, unitId },
      { name: 'x', lat: 31.3, lon: 120.8 },
    ]) {
      const res = await create(admin, payload);
      assert.equal(res.statusCode, 400, JSON.stringify(payload));
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    }
    const unknownUnit = await create(admin, { name: 'x', lat: 31.3, lon: 120.8, unitId: newId() });
    assert.equal(unknownUnit.statusCode, 404);
    assert.equal(unknownUnit.json().error.code, 'UNIT_NOT_FOUND');
    for (const user of ['commA1', 'leader', 'green']) {
      const res = await create(await loginAs(t.app, user), { name: 'x', lat: 31.3, lon: 120.8, unitId });
      assert.equal(res.statusCode, 403, user);
    }
  });

  async function namesFor(user: string, query = ''): Promise<number | string[]> {
    const res = await t.app.inject({ url: `/api/docks${query}`, headers: await loginAs(t.app, user) });
    if (res.statusCode !== 200) return res.statusCode;
    assert.equal(res.json().total, res.json().items.length);
    return (res.json().items as { name: string }[]).map((d) => d.name);
  }

  it('lists the docks held in the caller’s scope, like assets', async () => {
    assert.deepEqual(await namesFor('admin'), ['A1社区码头', '第二网格片码头', '绿化所码头', '街道码头']);
    assert.deepEqual(await namesFor('operator'), ['A1社区码头', '第二网格片码头', '绿化所码头', '街道码头']);
    assert.deepEqual(await namesFor('wsA'), ['A1社区码头']);
    assert.deepEqual(await namesFor('commA1'), ['A1社区码头']);
    assert.deepEqual(await namesFor('commA2'), []);
    assert.deepEqual(await namesFor('commB1'), []);
    assert.deepEqual(await namesFor('green'), ['绿化所码头']);
    assert.equal(await namesFor('resident'), 403);
    assert.equal(await namesFor('gridA1'), 403);
  });

  it('narrows the list to one unit’s subtree, and hides a unit outside the scope', async () => {
    assert.deepEqual(await namesFor('operator', `?unitId=${t.org.areaA.id}`), ['A1社区码头']);
    assert.deepEqual(await namesFor('operator', `?unitId=${t.org.areaB.id}`), ['第二网格片码头']);
    const res = await t.app.inject({
      url: `/api/docks?unitId=${t.org.areaB.id}`,
      headers: await loginAs(t.app, 'commA1'),
    });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'UNIT_NOT_FOUND');
  });

  it('answers a dock outside the scope like an unknown one', async () => {
    const commA1 = await loginAs(t.app, 'commA1');
    const hidden = await t.app.inject({ url: `/api/docks/${ids.b}`, headers: commA1 });
    const unknown = await t.app.inject({ url: `/api/docks/${newId()}`, headers: commA1 });
    assert.equal(hidden.statusCode, 404);
    assert.equal(unknown.statusCode, 404);
    assert.equal(hidden.json().error.code, 'DOCK_NOT_FOUND');
    assert.equal(unknown.json().error.code, 'DOCK_NOT_FOUND');
  });

  it('moves, resizes and deletes a dock', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/docks/${ids.green}`,
      headers: admin,
      payload: { lat: 31.31, lon: 120.861, radiusM: 80, unitId: t.org.b1.id },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      [res.json().lat, res.json().lon, res.json().radiusM, res.json().unitId],
      [31.31, 120.861, 80, t.org.b1.id],
    );
    assert.deepEqual(await namesFor('commB1'), ['绿化所码头']);
    const empty = await t.app.inject({
      method: 'PATCH',
      url: `/api/docks/${ids.green}`,
      headers: admin,
      payload: {},
    });
    assert.equal(empty.statusCode, 400);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/docks/${ids.green}`, headers: admin });
    assert.equal(removed.statusCode, 204);
    const gone = await t.app.inject({ url: `/api/docks/${ids.green}`, headers: admin });
    assert.equal(gone.statusCode, 404);
    assert.equal((await listDocks(t.store.db)).length, 3);
  });

  it('keeps a unit that holds a dock from being deleted', async () => {
    const unit = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: admin,
      payload: { kind: 'contractor', parentId: t.org.sub.id, code: 'C-DOCK', name: '码头公司' },
    });
    assert.equal(unit.statusCode, 201, unit.body);
    const dock = await create(admin, { name: '公司码头', lat: 31.3, lon: 120.8, unitId: unit.json().id });
    assert.equal(dock.statusCode, 201);
    const res = await t.app.inject({ method: 'DELETE', url: `/api/units/${unit.json().id}`, headers: admin });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, 'UNIT_IN_USE');
    assert.match(res.json().error.message, /1 docks/);
  });
});
