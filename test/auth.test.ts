import assert from 'node:assert/strict';
import { it } from 'node:test';
import { findUserByUsername, recordFailedLogin } from '../src/store/users.repository.ts';
import { findAudit, loginAs, PASSWORD, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';

forEachDialect('sessions', (kind) => {
  const t = useTestApp(kind, {
    sessionTtlHours: 12,
    loginBackoffAfter: 3,
    loginLockAfter: 5,
    loginLockMinutes: 15,
  });

  const noBackoff = useTestApp(kind, { loginBackoffAfter: 100, loginLockAfter: 5, loginLockMinutes: 15 });

  function login(username: string, password: string) {
    return { method: 'POST' as const, url: '/api/session', payload: { username, password } };
  }

  async function attempt(username: string, password: string) {
    return t.app.inject(login(username, password));
  }

  it('logs in with a bearer token and an HttpOnly SameSite cookie, and /api/me answers', async () => {
    const res = await attempt('commA1', PASSWORD);
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.user.username, 'commA1');
    assert.equal(body.user.role, 'community');
    assert.equal(body.expiresAt, new Date(t.clock.t + 12 * 3_600_000).toISOString());
    assert.equal('passwordHash' in body.user, false);
    const cookie = String(res.headers['set-cookie']);
    assert.match(cookie, /zs_session=/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Strict/);

    const me = await t.app.inject({ url: '/api/me', headers: { authorization: `Bearer ${body.token}` } });
    assert.equal(me.statusCode, 200);
    assert.equal(me.json().unit.name, 'A1社区');

    const viaCookie = await t.app.inject({ url: '/api/me', cookies: { zs_session: body.token } });
    assert.equal(viaCookie.statusCode, 200);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    const wrong = await attempt('leader', 'not-the-password');
    const unknown = await attempt('nobody', 'not-the-password');
    assert.equal(wrong.statusCode, 401);
    assert.equal(unknown.statusCode, 401);
    assert.equal(wrong.json().error.code, 'INVALID_CREDENTIALS');
    assert.equal(unknown.json().error.code, 'INVALID_CREDENTIALS');
  });

  it('logs out: the token stops working', async () => {
    const headers = await loginAs(t.app, 'operator');
    const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers });
    assert.equal(out.statusCode, 204);
    const me = await t.app.inject({ url: '/api/me', headers });
    assert.equal(me.statusCode, 401);
    assert.equal(me.json().error.code, 'UNAUTHENTICATED');
  });

  it('expires a session after its time to live', async () => {
    const headers = await loginAs(t.app, 'gridA1');
    t.clock.advance(12 * 3_600_000 - 1000);
    assert.equal((await t.app.inject({ url: '/api/me', headers })).statusCode, 200);
    t.clock.advance(2000);
    const late = await t.app.inject({ url: '/api/me', headers });
    assert.equal(late.statusCode, 401);
    assert.equal(late.json().error.code, 'SESSION_EXPIRED');
  });

  it('slows repeated failures, then locks the account, and an admin can unlock it', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await attempt('commB1', 'bad-password')).statusCode, 401);
    // Third failure reached the back-off threshold: an immediate retry must wait, even with the right password.
    const throttled = await attempt('commB1', PASSWORD);
    assert.equal(throttled.statusCode, 429);
    assert.equal(throttled.json().error.code, 'LOGIN_THROTTLED');
    assert.equal(throttled.headers['retry-after'], '1');
    t.clock.advance(1000);
    assert.equal((await attempt('commB1', 'bad-password')).statusCode, 401); // 4th
    t.clock.advance(2000);
    assert.equal((await attempt('commB1', 'bad-password')).statusCode, 401); // 5th: locks
    t.clock.advance(60_000);
    const locked = await attempt('commB1', PASSWORD);
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().error.code, 'ACCOUNT_LOCKED');
    assert.equal(locked.headers['retry-after'], String(14 * 60));

    const admin = await loginAs(t.app, 'admin');
    const unlock = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${t.org.users.commB1?.id}`,
      headers: admin,
      payload: { unlock: true },
    });
    assert.equal(unlock.statusCode, 200);
    assert.equal(unlock.json().lockedUntil, null);
    assert.equal((await attempt('commB1', PASSWORD)).statusCode, 200);
  });

  it('lets a lock run out by itself', async () => {
    for (let i = 0; i < 5; i++) {
      await attempt('green', 'bad-password');
      t.clock.advance(60_000);
    }
    assert.equal((await attempt('green', PASSWORD)).json().error.code, 'ACCOUNT_LOCKED');
    t.clock.advance(15 * 60_000);
    assert.equal((await attempt('green', PASSWORD)).statusCode, 200);
  });

  it('counts parallel failed logins each, so a burst of them locks the account', async () => {
    // Twenty attempts read the same not-yet-failed count; each must still add one. Straight at the
    // store, so that no interleaving of the requests can hide a lost update.
    const user = t.org.users.commA2;
    assert.ok(user);
    const now = t.clock.now();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        recordFailedLogin(t.store.db, user.id, now, { lockAfter: 5, lockMs: 15 * 60_000 }),
      ),
    );
    const after = await findUserByUsername(t.store.db, 'commA2');
    assert.equal(after?.failedLogins, 20);
    assert.equal(after?.lockedUntil, now + 15 * 60_000);
    const locked = await attempt('commA2', PASSWORD);
    assert.equal(locked.statusCode, 429, locked.body);
    assert.equal(locked.json().error.code, 'ACCOUNT_LOCKED');
  });

  it('locks the account after a burst of parallel wrong passwords over HTTP', async () => {
    // No back-off in this app, so every attempt of the burst is checked whatever order they run in.
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => noBackoff.app.inject(login('commA2', 'bad'))),
    );
    for (const res of burst) assert.equal(res.statusCode, 401, res.body);
    const locked = await noBackoff.app.inject(login('commA2', PASSWORD));
    assert.equal(locked.statusCode, 429, locked.body);
    assert.equal(locked.json().error.code, 'ACCOUNT_LOCKED');
  });

  it('requires the CSRF header on cookie-authenticated changes, not on bearer ones', async () => {
    const login = await attempt('admin', PASSWORD);
    const token = login.json().token;
    const payload = { kind: 'department', parentId: t.org.sub.id, code: 'D-WATER', name: '水务站' };
    const noHeader = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      cookies: { zs_session: token },
      payload,
    });
    assert.equal(noHeader.statusCode, 403);
    assert.equal(noHeader.json().error.code, 'CSRF_HEADER_MISSING');
    const withHeader = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      cookies: { zs_session: token },
      headers: { 'x-requested-with': 'zhongshu' },
      payload,
    });
    assert.equal(withHeader.statusCode, 201);
  });

  it('leaves an audit record for changes and logins', async () => {
    const admin = await loginAs(t.app, 'admin');
    const created = await findAudit(t.app, admin, (a) => a.action === 'POST /api/units' && a.status === 201);
    assert.equal(created?.userId, t.org.users.admin?.id);
    const login = await findAudit(t.app, admin, (a) => a.action === 'POST /api/session' && a.status === 200);
    assert.equal(login?.details?.username, 'admin');
  });
});
