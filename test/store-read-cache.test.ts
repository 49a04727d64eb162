// The per-process cache of sessions, users, units and categories (src/store/read-cache.ts): a
// change made through the platform is seen by the next request, never after the cache's TTL;
// rows read inside a transaction that rolls back never reach it.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DomainError } from '../src/errors/catalogue.ts';
import { authenticate } from '../src/services/auth/index.ts';
import { patchUnit } from '../src/services/units/index.ts';
import { patchUser } from '../src/services/users/index.ts';
import { findUnit, updateUnit } from '../src/store/units.repository.ts';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';

forEachDialect('read cache', (kind) => {
  const t = useTestApp(kind);
  const ctx = () => ({ db: t.store.db, now: t.clock.now });
  const login = async (username: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username, password: 'Test-pass-2026' },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().token as string;
  };
  const me = async (token: string) =>
    t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } });

  it('shows a renamed unit on the very next read', async () => {
    const unit = t.org.a1;
    assert.equal((await findUnit(t.store.db, unit.id))?.name, unit.name);
    await patchUnit(ctx(), unit.id, { name: '新名字社区' });
    assert.equal((await findUnit(t.store.db, unit.id))?.name, '新名字社区');
    await patchUnit(ctx(), unit.id, { name: unit.name });
    assert.equal((await findUnit(t.store.db, unit.id))?.name, unit.name);
  });

  it('never keeps what a rolled-back transaction read', async () => {
    const unit = t.org.a2;
    await findUnit(t.store.db, unit.id);
    await assert.rejects(
      t.store.db.transaction().execute(async (trx) => {
        await updateUnit(trx, unit.id, { name: '回滚的名字', updatedAt: t.clock.now() });
        assert.equal(
          (await findUnit(trx, unit.id))?.name,
          '回滚的名字',
          'the transaction sees its own write',
        );
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.equal((await findUnit(t.store.db, unit.id))?.name, unit.name);
  });

  it('refuses a token at once after logout, though the session was just served from the cache', async () => {
    const token = await login('commA1');
    assert.equal((await me(token)).statusCode, 200);
    assert.equal((await me(token)).statusCode, 200);
    const out = await t.app.inject({
      method: 'DELETE',
      url: '/api/session',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(out.statusCode, 204, out.body);
    const after = await me(token);
    assert.equal(after.statusCode, 401);
    assert.equal(after.json().error.code, 'UNAUTHENTICATED');
  });

  it('shows a renamed user on the next request and ends their sessions at once on deactivation', async () => {
    const token = await login('gridA1');
    assert.equal((await me(token)).json().user.displayName, t.org.users.gridA1?.displayName);
    const id = t.org.users.gridA1?.id ?? '';
    await patchUser(ctx(), id, { displayName: '王网格' });
    assert.equal((await me(token)).json().user.displayName, '王网格');
    await patchUser(ctx(), id, { active: false });
    await assert.rejects(authenticate(ctx(), token), (e) => e instanceof DomainError);
    assert.equal((await me(token)).statusCode, 401);
  });

  it('keeps ids and lists apart: a user id shaped like a list key is just unknown', async () => {
    const admin = { authorization: `Bearer ${await login('admin')}` };
    assert.equal((await t.app.inject({ url: '/api/users', headers: admin })).statusCode, 200);
    const odd = await t.app.inject({
      url: `/api/users/${encodeURIComponent('list:null||')}`,
      headers: admin,
    });
    assert.equal(odd.statusCode, 404, odd.body);
    assert.equal(odd.json().error.code, 'USER_NOT_FOUND');
  });

  it('hands out cached rows frozen, so no caller can change them for the next', async () => {
    const unit = await findUnit(t.store.db, t.org.sub.id);
    assert.ok(unit);
    assert.throws(() => {
      (unit as { name: string }).name = 'changed';
    }, TypeError);
    const withPolygon = await findUnit(t.store.db, t.org.grids[0]?.id ?? '');
    const polygon = withPolygon?.polygon as { coordinates: number[][][] };
    assert.ok(Object.isFrozen(polygon.coordinates[0]), 'deeply: the polygon is shared too');
  });
});
