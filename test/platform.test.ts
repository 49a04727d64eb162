import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'kysely';
import { ConfigError, loadConfig } from '../src/config.ts';
import { migrate } from '../src/store/database.ts';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';

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
      ['0001-foundation', '0002-devices', '0003-orders', '0004-attachments', '0005-jobs', '0006-open311'],
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
    assert.ok(res.headers['content-security-policy']);
  });
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
