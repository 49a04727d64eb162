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

forEachDialect('route walk', (kind) => {
  const t = useTestApp(kind, { maxBodyBytes: 64 * 1024 });

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
      }
    }
    assert.ok(calls > 100, `only ${calls} calls made`);
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
