import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { type Gateways, startGateways } from '../src/gateway/index.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';

const unix = (iso: string) => Date.parse(iso) / 1000;

/** The error body every refusal carries. */
interface Refusal {
  error: { code: string; message: string; details?: { field: string } };
}
const refusal = async (res: Response) => (await res.json()) as Refusal;

forEachDialect('OsmAnd gateway over HTTP', (kind) => {
  const t = useTestApp(kind);
  let gateways: Gateways;
  let deviceId: string;
  let base: string;

  const track = async (from: string, to: string) => {
    const op = await loginAs(t.app, 'operator');
    const res = await t.app.inject({
      url: `/api/positions?deviceId=${deviceId}&from=${from}&to=${to}`,
      headers: op,
    });
    return res.json().items as {
      time: string;
      lat: number;
      lon: number;
      speed: number;
      course: number;
      altitude: number;
      attributes: Record<string, unknown>;
    }[];
  };

  before(async () => {
    gateways = await startGateways(t.app.platform, t.app.log, { jt808: 0, gt06: 0, osmand: 0 });
    base = `http://127.0.0.1:${gateways.osmand.port}`;
    const op = await loginAs(t.app, 'operator');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: op,
      payload: { name: '巡河手机1', protocol: 'osmand', identifier: 'boat-1', unitId: t.org.dept.id },
    });
    assert.equal(res.statusCode, 201, res.body);
    deviceId = res.json().id;
  });
  after(async () => gateways?.close());

  it('stores a Traccar-style GET query, speed in knots converted to km/h', async () => {
    const query = `id=boat-1&lat=31.301234&lon=120.812345&timestamp=${unix('2026-03-02T00:50:00Z')}&speed=5&bearing=91.5&altitude=3.5&accuracy=8&batt=77`;
    const res = await fetch(`${base}/?${query}`);
    assert.equal(res.status, 200);
    const [p] = await track('2026-03-02T00:49:00Z', '2026-03-02T00:51:00Z');
    assert.deepEqual(
      [p?.time, p?.lat, p?.lon, p?.speed, p?.course, p?.altitude],
      ['2026-03-02T00:50:00.000Z', 31.301234, 120.812345, 5 * 1.852, 91.5, 3.5],
    );
    assert.deepEqual([p?.attributes.accuracy, p?.attributes.batteryLevel], [8, 77]);
  });

  it('stores a form POST and a Traccar Client JSON body', async () => {
    const form = await fetch(`${base}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `id=boat-1&lat=31.3021&lon=120.8131&timestamp=${unix('2026-03-02T00:50:05Z')}`,
    });
    assert.equal(form.status, 200);
    const json = await fetch(`${base}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        device_id: 'boat-1',
        location: {
          timestamp: '2026-03-02T08:50:10+08:00',
          coords: { latitude: 31.3031, longitude: 120.8141, speed: 2.5, heading: 180, altitude: 4 },
          battery: { level: 0.5, is_charging: false },
        },
      }),
    });
    assert.equal(json.status, 200, await json.text());
    const stored = await track('2026-03-02T00:50:01Z', '2026-03-02T00:51:00Z');
    assert.deepEqual(
      stored.map((p) => [p.time, p.lat, p.lon, p.speed, p.course]),
      [
        ['2026-03-02T00:50:05.000Z', 31.3021, 120.8131, 0, 0],
        ['2026-03-02T00:50:10.000Z', 31.3031, 120.8141, 2.5 * 3.6, 180],
      ],
    );
    assert.equal(stored[1]?.attributes.batteryLevel, 50);
  });

  it('shows the newest position through GET /api/positions/latest', async () => {
    const op = await loginAs(t.app, 'operator');
    const res = await t.app.inject({ url: '/api/positions/latest', headers: op });
    const latest = res.json().items.find((p: { deviceId: string }) => p.deviceId === deviceId);
    assert.deepEqual(
      [latest?.time, latest?.lat, latest?.lon],
      ['2026-03-02T00:50:10.000Z', 31.3031, 120.8141],
    );
  });

  it('answers 400 naming a missing lat, 404 for an unknown id, and stores neither', async () => {
    const missing = await fetch(`${base}/?id=boat-1&lon=120.8&timestamp=${unix('2026-03-02T00:40:00Z')}`);
    assert.equal(missing.status, 400);
    const body = await refusal(missing);
    assert.equal(body.error.code, 'MISSING_POSITION');
    assert.match(body.error.message, /\blat\b/);
    assert.equal(body.error.details?.field, 'lat');

    const unknown = await fetch(
      `${base}/?id=boat-404&lat=31.3&lon=120.8&timestamp=${unix('2026-03-02T00:40:00Z')}`,
    );
    assert.equal(unknown.status, 404);
    assert.equal((await refusal(unknown)).error.code, 'DEVICE_NOT_FOUND');

    assert.deepEqual(await track('2026-03-02T00:39:00Z', '2026-03-02T00:41:00Z'), []);
    const metrics = (await t.app.inject({ url: '/metrics' })).body;
    assert.match(metrics, /zs_ingest_unknown_devices_total\{protocol="osmand"\} 1/);
    assert.match(metrics, /zs_ingest_frames_rejected_total\{protocol="osmand",reason="missing_position"\} 1/);
  });

  it('answers 400, never 200, to a fix whose time no column can hold, and stores nothing', async () => {
    // Read as milliseconds (past 1e11), beyond JavaScript's dates (±8.64e15).
    const res = await fetch(`${base}/?id=boat-1&lat=31.3&lon=120.8&timestamp=100000000000000000000`);
    assert.equal(res.status, 400);
    assert.equal((await refusal(res)).error.code, 'OUT_OF_RANGE');
    const rows = await t.store.db.selectFrom('positions').select('time').where('lat', '=', 31.3).execute();
    assert.deepEqual(rows, []);
    const metrics = (await t.app.inject({ url: '/metrics' })).body;
    assert.match(metrics, /zs_ingest_fixes_unstorable_total\{protocol="osmand"\} 1/);
  });

  it('never answers 500 to malformed input', async () => {
    const at = `timestamp=${unix('2026-03-02T00:30:00Z')}`;
    const cases: [string, RequestInit, number][] = [
      [
        '/',
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"device_id": "boat-1",' },
        400,
      ],
      ['/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2]' }, 400],
      ['/', { method: 'POST', headers: { 'content-type': 'image/png' }, body: 'garbage' }, 400],
      ['/', { method: 'POST', body: 'x'.repeat(70_000) }, 413],
      [`/?id=boat-1&lat=abc&lon=120.8&${at}`, {}, 400],
      [`/?id=boat-1&lat=31.3&lon=120.8&timestamp=yesterday`, {}, 400],
      [`/?id=boat-1&lat=31.3&lon=120.8&note=%00&${at}`, {}, 400],
      [`/?id=%E0%A4%A&lat=31.3&lon=120.8&${at}`, {}, 404],
      [`/?id=bo%00at&lat=31.3&lon=120.8&${at}`, {}, 404],
      ['/%E0%A4%A', {}, 400],
      ['/other', {}, 404],
    ];
    for (const [path, init, status] of cases) {
      const res = await fetch(`${base}${path}`, init);
      assert.equal(res.status, status, `${path} ${String(init.body ?? '').slice(0, 40)}`);
      assert.ok((await refusal(res)).error.code, path);
    }
    assert.deepEqual(await track('2026-03-02T00:29:00Z', '2026-03-02T00:31:00Z'), []);
  });
});
