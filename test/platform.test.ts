import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { it } from 'node:test';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { ConfigError, loadConfig } from '../src/config.ts';
import { migrate } from '../src/store/database.ts';
import { findAudit, loginAs, PASSWORD, testConfig, useTestApp } from './helpers/app.ts';
import { forEachDialect, openTestStore } from './helpers/dialects.ts';

forEachDialect('platform', (kind) => {
  const t = useTestApp(kind);

  it('reports health with the database kind, without auth', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.status, 'ok');
    assert.equal(body.db, kind);
    assert.equal(body.dbReachable, true);
    assert.match(body.version, /^\d+\.\d+\.\d+/);
    assert.equal(typeof body.uptimeSeconds, 'number');
  });

  it('has applied every migration exactly once, and a second run applies nothing', async () => {
    assert.deepEqual(await migrate(t.store), []);
    const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
      t.store.db,
    );
    assert.deepEqual(
      rows.rows.map((r) => r.name),
      [
        '0001-foundation',
        '0002-devices',
        '0003-orders',
        '0004-attachments',
        '0005-jobs',
        '0006-open311',
        '0007-attachment-orders',
        '0008-docks',
        '0009-boat-segments',
        '0010-crews-and-shifts',
        '0011-clock-events',
        '0012-unloads',
        '0013-metrics',
        '0014-day-summaries',
        '0015-turns',
        '0016-tasks',
        '0017-alerts',
        '0018-field-checks',
        '0019-park-until',
        '0020-idempotency',
        '0021-order-rollups',
      ],
    );
  });

  it('serves Prometheus metrics that count requests by route and status', async () => {
    await t.app.inject({ url: '/api/health' });
    const res = await t.app.inject({ url: '/metrics' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /zs_http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/);
    assert.match(res.body, /zs_http_request_duration_seconds_bucket/);
  });

  it('serves an OpenAPI document listing the routes', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' });
    assert.equal(res.statusCode, 200);
    const doc = res.json();
    assert.ok(doc.paths['/api/units/locate'], 'locate documented');
    assert.ok(doc.paths['/api/session'].post, 'login documented');
  });

  it('sets security headers and answers unknown routes with ROUTE_NOT_FOUND', async () => {
    const res = await t.app.inject({ url: '/api/nothing-here' });
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'ROUTE_NOT_FOUND');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers['content-security-policy']), /default-src 'self'/);
    assert.match(String(res.headers['content-security-policy']), /connect-src 'self' ws: wss: https:/);
    assert.equal(res.headers['x-frame-options'], 'SAMEORIGIN');
    // A refusal before any route runs carries them too.
    const refused = await t.app.inject({ url: '/api/me' });
    assert.equal(refused.statusCode, 401);
    assert.equal(refused.headers['x-content-type-options'], 'nosniff');
    assert.equal(refused.headers['content-security-policy'], res.headers['content-security-policy']);
  });
});

/** Logs `username` in with a forged X-Forwarded-For; the client address its audit record holds. */
async function loginIpWithForgedHeader(app: Awaited<ReturnType<typeof useTestApp>>['app'], username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/session',
    headers: { 'x-forwarded-for': '203.0.113.9' },
    payload: { username, password: PASSWORD },
  });
  assert.equal(res.statusCode, 200, res.body);
  const record = await findAudit(
    app,
    await loginAs(app, 'admin'),
    (a) => a.action === 'POST /api/session' && a.details?.username === username,
  );
  return record?.ip;
}

forEachDialect('client address and rate limits', (kind) => {
  const plain = useTestApp(kind);
  const trusting = useTestApp(kind, { trustProxy: ['127.0.0.1'] });
  const limited = useTestApp(kind, { rateLimitPerMinute: 10 });

  it('ignores X-Forwarded-For by default, and honours it from a trusted proxy', async () => {
    assert.equal(await loginIpWithForgedHeader(plain.app, 'operator'), '127.0.0.1');
    assert.equal(await loginIpWithForgedHeader(trusting.app, 'operator'), '203.0.113.9');
  });

  it('rate-limits unauthenticated requests too, whatever X-Forwarded-For says', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await limited.app.inject({
        url: '/api/units',
        headers: { 'x-forwarded-for': `198.51.100.${i}` },
      });
      answers.push(res.statusCode);
      if (res.statusCode === 429) assert.equal(res.json().error.code, 'RATE_LIMITED');
    }
    assert.ok(answers.includes(401), answers.join(','));
    assert.equal(answers.at(-1), 429, answers.join(','));
  });
});

/** A pino destination that keeps what it is given. */
function captureLog(): { stream: Writable; logged(): string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, logged: () => text };
}

it('keeps session tokens and API keys out of the request log', async () => {
  const { stream, logged } = captureLog();
  const { store, dispose } = await openTestStore('sqlite');
  const app = await buildApp(testConfig(), { store, logger: { level: 'debug', stream } });
  try {
    // The console's WebSocket sends its token in the query; Open311 clients their api_key.
    await app.inject({
      url: '/api/live?access_token=secret-one&since=5',
      headers: { connection: 'upgrade', upgrade: 'websocket' },
    });
    await app.inject({ url: '/api/health?token=secret-two&API_KEY=secret-three&access%5Ftoken=secret-four' });
  } finally {
    await app.close();
    await dispose();
  }
  assert.match(logged(), /request completed/);
  assert.match(logged(), /access_token=\[REDACTED\]&since=5/);
  for (const secret of ['secret-one', 'secret-two', 'secret-three', 'secret-four']) {
    assert.ok(!logged().includes(secret), `${secret} was logged:\n${logged()}`);
  }
});

it('logs a successful request at debug and a refused one at info', async () => {
  const { stream, logged } = captureLog();
  const { store, dispose } = await openTestStore('sqlite');
  const app = await buildApp(testConfig(), { store, logger: { level: 'info', stream } });
  try {
    assert.equal((await app.inject({ url: '/api/health' })).statusCode, 200);
    assert.equal((await app.inject({ url: '/api/units' })).statusCode, 401);
  } finally {
    await app.close();
    await dispose();
  }
  const lines = logged()
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as { msg: string; level: number; req?: { url: string }; res?: { statusCode: number } },
    )
    .filter((l) => l.msg === 'request completed');
  assert.deepEqual(
    lines.map((l) => [l.req?.url, l.res?.statusCode, l.level]),
    [['/api/units', 401, 30]],
  );
});

it('reads ZS_TRUST_PROXY: off by default, 1, or a list of proxies; anything else is refused', () => {
  assert.equal(loadConfig({}).trustProxy, false);
  assert.equal(loadConfig({ ZS_TRUST_PROXY: '0' }).trustProxy, false);
  assert.equal(loadConfig({ ZS_TRUST_PROXY: '1' }).trustProxy, true);
  assert.deepEqual(loadConfig({ ZS_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,loopback' }).trustProxy, [
    '127.0.0.1',
    '10.0.0.0/8',
    '::1',
    'loopback',
  ]);
  for (const bad of ['yes', '10.0.0.0/33', '10.0.0.1,', 'proxy.example.com', '1.2.3.4/8/8']) {
    assert.throws(() => loadConfig({ ZS_TRUST_PROXY: bad }), /ZS_TRUST_PROXY/, bad);
  }
});

it('rejects a bad configuration value naming the variable', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty' }),
    (e: unknown) => e instanceof ConfigError && /PORT/.test(e.message),
  );
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL must start with postgres/);
  assert.throws(() => loadConfig({ ZS_DEMO: 'maybe' }), /ZS_DEMO/);
  assert.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), /LOG_LEVEL/);
  const defaults = loadConfig({});
  assert.equal(defaults.port, 8080);
  assert.equal(defaults.host, '0.0.0.0');
  assert.equal(defaults.databaseUrl, undefined);
  assert.equal(defaults.jt808Port, 5015);
  assert.equal(defaults.gt06Port, 5023);
  assert.equal(defaults.osmandPort, 5055);
});
