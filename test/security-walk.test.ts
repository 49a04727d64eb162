import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { RouteEntry } from '../src/http/app-types.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A concrete URL for a route pattern, with every :param replaced. */
function fill(url: string, value: string): string {
  return url.replace(/:[A-Za-z]+/g, encodeURIComponent(value));
}

function apiRoutes(routes: RouteEntry[]): RouteEntry[] {
  return routes.filter(
    (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.method !== 'HEAD',
  );
}

/** Wrong-typed values for every property the route's body schema names. */
function wrongTypedBodies(schema: unknown): unknown[] {
  const props = Object.keys(
    (schema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {},
  );
  const bodies: unknown[] = [[], 'text', 42, null, {}];
  for (const wrong of [{ nested: true }, 12345, 'x'.repeat(5000), [1, 2], -1e308, true]) {
    bodies.push(Object.fromEntries(props.map((p) => [p, wrong])));
  }
  return bodies;
}

const NUL = 'a\u0000b';

/** A cursor as the services encode one (base64url JSON), holding what the caller chose. */
function cursorOf(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Cursors of the right encoding but the wrong shape: fractions and NULs reach SQL if let through. */
const BAD_CURSORS = [
  cursorOf(['-createdAt', 1.5, 'x']),
  cursorOf(['-createdAt', 1, NUL]),
  cursorOf(['-createdAt', 1e300, 'x']),
  cursorOf([1.5, 'x']),
  cursorOf([1, NUL]),
  cursorOf([1, '']),
  encodeURIComponent('\u0000'),
];

forEachDialect('route walk', (kind) => {
  // The walk makes well over a thousand requests within a minute from one address.
  const t = useTestApp(kind, { maxBodyBytes: 64 * 1024, rateLimitPerMinute: 1_000_000 });

  it('declares access on every route and refuses anonymous calls to every non-public one with 401', async () => {
    const routes = apiRoutes(t.app.platform.routes);
    assert.ok(routes.length >= 12, `only ${routes.length} routes found`);
    const publicOnes = routes.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    assert.deepEqual(publicOnes.sort(), ['GET /api/health', 'POST /api/session']);
    for (const route of routes) {
      if (route.access === 'public') continue;
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: fill(route.url, 'x'),
        payload: MUTATING.has(route.method) ? {} : undefined,
      });
      assert.equal(res.statusCode, 401, `${route.method} ${route.url} answered ${res.statusCode}`);
      assert.equal(res.json().error.code, 'UNAUTHENTICATED');
    }
  });

  it('answers malformed JSON, wrong types, missing fields, huge bodies, unknown ids and bad queries with 4xx, never 500', async () => {
    const admin = await loginAs(t.app, 'admin');
    const routes = apiRoutes(t.app.platform.routes).filter((r) => !r.websocket && r.url !== '/api/session');
    const huge = JSON.stringify({ name: 'x'.repeat(100 * 1024) });
    let calls = 0;
    for (const route of routes) {
      const method = route.method as 'GET';
      const requests: { url: string; body?: string; contentType?: string }[] = [
        { url: fill(route.url, 'no-such-id') },
        { url: fill(route.url, '../../etc/passwd') },
        { url: fill(route.url, 'x'.repeat(300)) },
        {
          url: `${fill(route.url, 'no-such-id')}?limit=abc&lat=north&lon=[]&view=sideways&kind=planet&cursor=`,
        },
      ];
      for (const cursor of BAD_CURSORS)
        requests.push({ url: `${fill(route.url, 'no-such-id')}?cursor=${cursor}` });
      // NULs must be refused by name (400), never reach PostgreSQL, which cannot store them (500).
      const nulRequests: typeof requests = [
        { url: `${fill(route.url, 'no-such-id')}?q=${encodeURIComponent(NUL)}` },
      ];
      if (route.url.includes(':')) nulRequests.push({ url: fill(route.url, NUL) });
      if (MUTATING.has(route.method)) {
        const url = fill(route.url, t.org.a1.id);
        const props = Object.keys(
          (route.bodySchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {},
        );
        const bodies: object[] = [{ [NUL]: 'x' }];
        if (props.length > 0) {
          bodies.push(Object.fromEntries(props.map((p) => [p, NUL])));
          bodies.push(Object.fromEntries(props.map((p) => [p, { nested: [NUL] }])));
        }
        for (const body of bodies) {
          nulRequests.push({ url, body: JSON.stringify(body), contentType: 'application/json' });
        }
      }
      requests.push(...nulRequests);
      if (MUTATING.has(route.method)) {
        const url = fill(route.url, t.org.a1.id);
        requests.push({ url, body: '{"name": ', contentType: 'application/json' });
        requests.push({ url, body: huge, contentType: 'application/json' });
        requests.push({ url, body: 'name=x', contentType: 'application/x-www-form-urlencoded' });
        for (const body of wrongTypedBodies(route.bodySchema)) {
          requests.push({ url, body: JSON.stringify(body), contentType: 'application/json' });
        }
      }
      for (const r of requests) {
        const res = await t.app.inject({
          method,
          url: r.url,
          headers: { ...admin, ...(r.contentType && { 'content-type': r.contentType }) },
          payload: r.body,
        });
        calls++;
        const where = `${route.method} ${r.url.slice(0, 80)} body=${(r.body ?? '').slice(0, 60)}`;
        assert.ok(res.statusCode < 500, `${where} answered ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (res.statusCode >= 400) {
          const error = res.json().error;
          assert.equal(typeof error.code, 'string', where);
          assert.ok(error.message.length > 0, where);
        }
        if (nulRequests.includes(r)) {
          // Multipart-only routes refuse a JSON body before it is parsed; every other route names the NUL.
          if (res.statusCode === 415) continue;
          // A route for other roles only (a crew's clock-in) refuses the admin before reading anything.
          if (Array.isArray(route.access) && !route.access.includes('admin')) {
            assert.equal(res.json().error.code, 'FORBIDDEN', where);
            continue;
          }
          assert.equal(res.statusCode, 400, `${where} answered ${res.statusCode} ${res.body.slice(0, 200)}`);
          assert.equal(res.json().error.code, 'VALIDATION_FAILED', where);
          assert.match(res.json().error.message, /^(params|querystring|body)\b.*U\+0000/, where);
        }
      }
    }
    assert.ok(calls > 100, `only ${calls} calls made`);
  });

  it('refuses NUL characters in login, path, query and body, and malformed cursors, with 400 VALIDATION_FAILED', async () => {
    const admin = await loginAs(t.app, 'admin');
    const cases: {
      method: 'GET' | 'POST';
      url: string;
      payload?: object;
      headers?: object;
      field: RegExp;
    }[] = [
      {
        method: 'POST',
        url: '/api/session',
        payload: { username: 'adm\u0000in', password: 'x' },
        field: /body\.username/,
      },
      { method: 'GET', url: '/api/units/a%00b', headers: admin, field: /params\.id/ },
      { method: 'GET', url: '/api/orders?q=a%00b', headers: admin, field: /querystring\.q/ },
      {
        method: 'POST',
        url: '/api/orders',
        headers: admin,
        payload: { description: `broken${NUL}`, location: { lat: 31.305, lon: 120.805 } },
        field: /body\.description/,
      },
      {
        method: 'GET',
        url: `/api/orders?cursor=${cursorOf(['-createdAt', 1.5, 'x'])}`,
        headers: admin,
        field: /querystring\.cursor/,
      },
      {
        method: 'GET',
        url: `/api/orders?cursor=${cursorOf(['-createdAt', 1, NUL])}`,
        headers: admin,
        field: /querystring\.cursor/,
      },
      {
        method: 'GET',
        url: `/api/notifications?cursor=${cursorOf([1.5, 'x'])}`,
        headers: admin,
        field: /querystring\.cursor/,
      },
      {
        method: 'GET',
        url: `/api/notifications?cursor=${cursorOf([1, NUL])}`,
        headers: admin,
        field: /querystring\.cursor/,
      },
      { method: 'GET', url: '/api/audit?cursor=%00', headers: admin, field: /querystring\.cursor/ },
    ];
    for (const c of cases) {
      const res = await t.app.inject({
        method: c.method,
        url: c.url,
        headers: { ...c.headers },
        payload: c.payload,
      });
      const where = `${c.method} ${c.url}`;
      assert.equal(res.statusCode, 400, `${where} answered ${res.statusCode} ${res.body.slice(0, 200)}`);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED', where);
      assert.match(res.json().error.message, c.field, where);
    }
    // The refused login counts as no attempt: the real account still logs in.
    await loginAs(t.app, 'admin');
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const admin = await loginAs(t.app, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { ...admin, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(100 * 1024) }),
    });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().error.code, 'PAYLOAD_TOO_LARGE');
  });

  it('names the field in a validation error', async () => {
    const admin = await loginAs(t.app, 'admin');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: {
        username: 'ok.name',
        password: 'short',
        displayName: 'x',
        role: 'king',
        unitId: t.org.a1.id,
      },
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    assert.match(res.json().error.message, /body\.(password|role)/);
  });

  it('applies the role matrix: who may read and change units and users', async () => {
    const matrix: [string, string, string, number][] = [
      // user, method, url, expected status
      ['operator', 'GET', '/api/units', 200],
      ['leader', 'GET', '/api/units', 200],
      ['green', 'GET', '/api/units', 200],
      ['resident', 'GET', '/api/units', 403],
      ['operator', 'POST', '/api/units', 403],
      ['leader', 'GET', '/api/users', 200],
      ['wsA', 'GET', '/api/users', 200],
      ['operator', 'POST', '/api/users', 403],
      ['commA1', 'GET', '/api/audit', 403],
      ['leader', 'GET', '/api/audit', 200],
    ];
    for (const [user, method, url, expected] of matrix) {
      const headers = await loginAs(t.app, user);
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        headers,
        payload: method === 'POST' ? { kind: 'grid', code: 'Z', name: 'z' } : undefined,
      });
      assert.equal(res.statusCode, expected, `${user} ${method} ${url}`);
    }
  });
});
