import assert from 'node:assert/strict';
import { it } from 'node:test';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';

forEachDialect('users', (kind) => {
  const t = useTestApp(kind);

  it('shows a community user only the people of its own community', async () => {
    const a1 = await loginAs(t.app, 'commA1');
    const res = await t.app.inject({ url: '/api/users', headers: a1 });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(
      res.json().items.map((u: { username: string }) => u.username),
      ['commA1', 'gridA1', 'resident'],
    );
    const other = await t.app.inject({ url: `/api/users/${t.org.users.commA2?.id}`, headers: a1 });
    assert.equal(other.statusCode, 404);
    assert.equal(other.json().error.code, 'USER_NOT_FOUND');
    const change = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${t.org.users.commA2?.id}`,
      headers: a1,
      payload: { displayName: 'x' },
    });
    assert.equal(change.statusCode, 403);
  });

  it('refuses the user list to roles outside the command chain', async () => {
    for (const username of ['gridA1', 'resident', 'green']) {
      const headers = await loginAs(t.app, username);
      const res = await t.app.inject({ url: '/api/users', headers });
      assert.equal(res.statusCode, 403, username);
      assert.equal(res.json().error.code, 'FORBIDDEN');
    }
  });

  it('lets an admin create, change and delete a user; the new user can log in', async () => {
    const admin = await loginAs(t.app, 'admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: {
        username: 'li.si',
        password: 'Secret-2026',
        displayName: '李四',
        role: 'gridWorker',
        unitId: t.org.grids[2]?.id,
      },
    });
    assert.equal(created.statusCode, 201);
    const user = created.json();
    assert.equal(user.displayName, '李四');
    assert.equal('password' in user || 'passwordHash' in user, false);

    const taken = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: {
        username: 'li.si',
        password: 'Secret-2026',
        displayName: 'x',
        role: 'resident',
        unitId: t.org.a1.id,
      },
    });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().error.code, 'USERNAME_TAKEN');

    const headers = await loginAs(t.app, 'li.si', 'Secret-2026');
    assert.equal((await t.app.inject({ url: '/api/me', headers })).json().user.role, 'gridWorker');

    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin,
      payload: { password: 'Another-2026' },
    });
    assert.equal(reset.statusCode, 200);
    assert.equal(
      (await t.app.inject({ url: '/api/me', headers })).statusCode,
      401,
      'a new password ends old sessions',
    );

    const del = await t.app.inject({ method: 'DELETE', url: `/api/users/${user.id}`, headers: admin });
    assert.equal(del.statusCode, 204);
    const gone = await t.app.inject({ url: `/api/users/${user.id}`, headers: admin });
    assert.equal(gone.statusCode, 404);
  });

  it('refuses to create a user in a unit that does not exist', async () => {
    const admin = await loginAs(t.app, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: {
        username: 'ghost',
        password: 'Secret-2026',
        displayName: 'g',
        role: 'resident',
        unitId: 'no-such-unit',
      },
    });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'UNIT_NOT_FOUND');
  });

  it('keeps the last administrator', async () => {
    const admin = await loginAs(t.app, 'admin');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${t.org.users.admin?.id}`,
      headers: admin,
      payload: { role: 'operator' },
    });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().error.code, 'LAST_ADMIN');
  });
});
