import assert from 'node:assert/strict';
import { it } from 'node:test';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { form, parseXml, useOpen311, V2 } from './helpers/open311.ts';
import { IN_A1_GRID1, useOrderWorld } from './helpers/orders.ts';

/** Checks an answer is well-formed in the format its URL asked for; errors in the spec's error shape. */
function checkShape(url: string, res: { statusCode: number; body: string }): void {
  const where = `${url.slice(0, 120)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
  assert.ok(res.statusCode < 500, where);
  const path = url.split('?')[0] ?? '';
  if (path.endsWith('.json')) {
    const body = JSON.parse(res.body) as unknown;
    if (res.statusCode >= 400) {
      assert.ok(Array.isArray(body) && body.length > 0, where);
      for (const e of body as { code: unknown; description: unknown }[]) {
        assert.equal(e.code, res.statusCode, where);
        assert.equal(typeof e.description, 'string', where);
      }
    }
  } else {
    const doc = parseXml(res.body);
    if (res.statusCode >= 400) assert.ok('errors' in doc, where);
  }
}

const JUNK = [
  '',
  '%zz',
  '%00',
  '\u0000',
  'a\u0001b',
  "'; drop table orders; --",
  'x'.repeat(5000),
  '<a>&amp;</a>',
  '-1',
  '1e999',
  '名字',
  '[]',
];

forEachDialect('Open311 route walk', (kind) => {
  const t = useTestApp(kind, { rateLimitPerMinute: 1_000_000 });
  useOrderWorld(t);
  const o311 = useOpen311(t);
  // A second app whose global rate limit a test can reach in a few calls.
  const limited = useTestApp(kind, { rateLimitPerMinute: 3 });

  it('declares every /open311 route public and the key routes admin-only', () => {
    const routes = t.app.platform.routes.filter((r) => r.url.includes('open311') && r.method !== 'HEAD');
    const open = routes.filter((r) => r.url.startsWith(V2));
    assert.ok(open.length >= 13, `only ${open.length} routes`);
    for (const r of open) assert.equal(r.access, 'public', `${r.method} ${r.url}`);
    for (const r of routes.filter((r) => r.url.startsWith('/api/')))
      assert.deepEqual(r.access, ['admin'], r.url);
  });

  it('never answers 500 to malformed queries, paths or bodies, and always in the asked format', async () => {
    const routes = t.app.platform.routes.filter((r) => r.url.startsWith(V2) && r.method !== 'HEAD');
    let calls = 0;
    for (const route of routes) {
      const urls = route.url.includes(':file')
        ? [
            'x.json',
            'x.xml',
            '%00.json',
            'E2001',
            '..%2F..%2Fetc.json',
            `${'9'.repeat(500)}.xml`,
            '.json',
          ].map((f) => route.url.replace(':file', f))
        : [route.url];
      for (const url of urls) {
        if (route.method === 'GET') {
          const queries = [
            '',
            ...[
              'status',
              'service_code',
              'service_request_id',
              'start_date',
              'end_date',
              'page',
              'page_size',
              'extensions',
            ].flatMap((name) => JUNK.map((v) => `${name}=${encodeURIComponent(v)}`)),
            'status=open&status=closed&status=open',
            'a[b][c]=1&status[x]=open',
            'start_date=%zz&end_date=%',
            `service_request_id=${'E2001,'.repeat(3000)}`,
          ];
          for (const q of queries) {
            const full = q ? `${url}?${q}` : url;
            checkShape(full, await t.app.inject({ url: full }));
            calls++;
          }
        } else {
          const bodies: { type?: string; body?: string | Buffer }[] = [
            {},
            { type: 'application/x-www-form-urlencoded', body: '' },
            { type: 'application/x-www-form-urlencoded', body: '%%%&&&===' },
            { type: 'application/x-www-form-urlencoded', body: Buffer.from([0xff, 0xfe, 0x00, 0x41]) },
            { type: 'application/x-www-form-urlencoded', body: `api_key=${o311.key}&lat=${'9'.repeat(400)}` },
            {
              type: 'application/x-www-form-urlencoded',
              body: `api_key=${o311.key}&service_code=E2001&lat=31.305&long=120.805&description=a%00b&attribute[pole_number]=%00`,
            },
            { type: 'application/x-www-form-urlencoded', body: `description=${'x'.repeat(200 * 1024)}` },
            { type: 'application/json', body: '{"api_key":1}' },
            { type: 'text/plain', body: 'hello' },
            { type: 'multipart/form-data; boundary=x', body: '--x--' },
          ];
          for (const value of JUNK) {
            const fields = {
              api_key: o311.key,
              service_code: value,
              lat: value,
              long: value,
              email: value,
              media_url: value,
              'attribute[fault]': value,
              'attribute[': value,
            };
            bodies.push({ type: 'application/x-www-form-urlencoded', body: form(fields) });
            const good = {
              api_key: o311.key,
              service_code: 'E2001',
              lat: IN_A1_GRID1.lat,
              long: IN_A1_GRID1.lon,
            };
            bodies.push({
              type: 'application/x-www-form-urlencoded',
              body: form({ ...good, 'attribute[fault]': [value, value] }),
            });
          }
          for (const { type, body } of bodies) {
            const res = await t.app.inject({
              method: 'POST',
              url,
              headers: type ? { 'content-type': type } : {},
              payload: body,
            });
            checkShape(url, res);
            if (typeof body === 'string' && body.length > 128 * 1024) assert.equal(res.statusCode, 413);
            calls++;
          }
        }
      }
    }
    for (const url of [
      `${V2}/`,
      `${V2}/requests`,
      `${V2}/requests/`,
      `${V2}/nothing.json`,
      `${V2}/services/a/b.json`,
    ]) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      checkShape(url, res);
    }
    assert.ok(calls > 500, `only ${calls} calls`);
  });

  it('answers 429 in the spec’s error format once a client passes the limit', async () => {
    for (let i = 0; i < 3; i++)
      assert.equal((await limited.app.inject({ url: `${V2}/services.json` })).statusCode, 200);
    const json = await limited.app.inject({ url: `${V2}/services.json` });
    assert.equal(json.statusCode, 429);
    assert.ok(json.headers['retry-after'], 'says when to retry');
    const [error] = json.json() as { code: number; description: string }[];
    assert.equal(error?.code, 429);
    assert.match(String(error?.description), /at most 3 a minute/);
    const xml = await limited.app.inject({ url: `${V2}/services.xml` });
    assert.equal(xml.statusCode, 429);
    assert.equal(
      (parseXml(xml.body) as { errors: { error: { code: string }[] } }).errors.error[0]?.code,
      '429',
    );
  });
});
