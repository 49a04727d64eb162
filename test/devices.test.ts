import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Fix } from '../src/domain/positions/fix.ts';
import { findDevice } from '../src/store/devices.repository.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';

function fix(time: string, lat: number, lon: number, extra: Partial<Fix> = {}): Fix {
  return {
    time: Date.parse(time),
    lat,
    lon,
    speedKmh: 6,
    course: 90,
    altitude: 3,
    valid: true,
    attributes: {},
    ...extra,
  };
}

forEachDialect('devices and positions', (kind) => {
  const t = useTestApp(kind);

  it('registers a boat and its JT/T 808 terminal, normalising the phone number', async () => {
    const op = await loginAs(t.app, 'operator');
    const boat = await t.app.inject({
      method: 'POST',
      url: '/api/assets',
      headers: op,
      payload: { kind: 'boat', code: 'BOAT-01', name: '清波1号', unitId: t.org.dept.id },
    });
    assert.equal(boat.statusCode, 201);
    const device = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: op,
      payload: {
        name: '清波1号终端',
        protocol: 'jt808',
        identifier: '013912345678',
        assetId: boat.json().id,
      },
    });
    assert.equal(device.statusCode, 201);
    const body = device.json();
    assert.equal(body.identifier, '13912345678');
    assert.equal(body.unitId, t.org.dept.id, 'the device inherits the asset unit');
    assert.equal(body.status, 'offline');
    assert.equal(body.lastPosition, null);

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: op,
      payload: { name: 'dup', protocol: 'jt808', identifier: '13912345678', unitId: t.org.dept.id },
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'DEVICE_IDENTIFIER_TAKEN');

    const badImei = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: op,
      payload: { name: 'x', protocol: 'gt06', identifier: '123', unitId: t.org.dept.id },
    });
    assert.equal(badImei.statusCode, 400);
    assert.match(badImei.json().error.message, /15-digit IMEI/);
  });

  it('stores fixes, de-duplicates by fix time, keeps blind-spot fixes out of the live position', async () => {
    const op = await loginAs(t.app, 'operator');
    const list = await t.app.inject({ url: '/api/devices', headers: op });
    const deviceId = list.json().items[0].id as string;
    const device = await findDevice(t.store.db, deviceId);
    assert.ok(device);
    const ingest = t.app.platform.ingest;
    t.clock.t = Date.parse('2026-03-02T02:00:10Z');
    await ingest.ingest(device, [fix('2026-03-02T02:00:00Z', 31.301234, 120.812345)], { protocol: 'jt808' });
    await ingest.ingest(device, [fix('2026-03-02T02:00:05Z', 31.3013, 120.8124)], { protocol: 'jt808' });
    // The same fix again (a device that did not get its ack resends): stored once.
    await ingest.ingest(device, [fix('2026-03-02T02:00:05Z', 31.3013, 120.8124)], { protocol: 'jt808' });
    // A blind-spot batch from earlier that morning arrives late.
    await ingest.ingest(
      device,
      [fix('2026-03-02T01:00:00Z', 31.29, 120.8), fix('2026-03-02T01:00:05Z', 31.2901, 120.8001)],
      {
        protocol: 'jt808',
        blind: true,
      },
    );

    const track = await t.app.inject({
      url: `/api/positions?deviceId=${deviceId}&from=2026-03-02T00:00:00Z&to=2026-03-02T03:00:00Z`,
      headers: op,
    });
    assert.equal(track.statusCode, 200);
    const items = track.json().items;
    assert.deepEqual(
      items.map((p: { time: string; blind: boolean }) => [p.time, p.blind]),
      [
        ['2026-03-02T01:00:00.000Z', true],
        ['2026-03-02T01:00:05.000Z', true],
        ['2026-03-02T02:00:00.000Z', false],
        ['2026-03-02T02:00:05.000Z', false],
      ],
    );
    assert.equal(items[2].lat, 31.301234);
    assert.equal(items[2].lon, 120.812345);
    assert.equal(items[2].speed, 6);

    const latest = await t.app.inject({ url: '/api/positions/latest', headers: op });
    assert.equal(latest.json().items[0].time, '2026-03-02T02:00:05.000Z');

    const shown = await t.app.inject({ url: `/api/devices/${deviceId}`, headers: op });
    assert.equal(shown.json().status, 'online');
    assert.equal(shown.json().lastPosition.lat, 31.3013);
    t.clock.advance(10 * 60_000);
    const later = await t.app.inject({ url: `/api/devices/${deviceId}`, headers: op });
    assert.equal(later.json().status, 'offline', 'no message for longer than offlineAfterS');
  });

  it('flags impossible jumps, far-future times and no-fix positions without dropping them', async () => {
    const op = await loginAs(t.app, 'operator');
    const deviceId = (await t.app.inject({ url: '/api/devices', headers: op })).json().items[0].id as string;
    const device = await findDevice(t.store.db, deviceId);
    assert.ok(device);
    t.clock.t = Date.parse('2026-03-02T03:00:00Z');
    await t.app.platform.ingest.ingest(
      device,
      [
        fix('2026-03-02T02:10:00Z', 39.9, 116.4), // Beijing, 10 minutes after Suzhou: a jump
        fix('2026-03-02T02:20:00Z', 31.3014, 120.8125, { valid: false }),
        fix('2026-03-03T02:00:00Z', 31.3015, 120.8126), // a day ahead of the server clock
      ],
      { protocol: 'jt808' },
    );
    const track = await t.app.inject({
      url: `/api/positions?deviceId=${deviceId}&from=2026-03-02T02:05:00Z&to=2026-03-04T00:00:00Z`,
      headers: op,
    });
    const flags = track.json().items.map((p: { flags: number; valid: boolean }) => [p.flags, p.valid]);
    assert.deepEqual(flags, [
      [4, true],
      [2, false],
      [8, true],
    ]);
    const latest = await t.app.inject({ url: '/api/positions/latest', headers: op });
    assert.equal(
      latest.json().items[0].time,
      '2026-03-02T02:00:05.000Z',
      'flagged fixes do not move the live position',
    );
  });

  it('drops NUL characters from attributes instead of failing the whole commit', async () => {
    const op = await loginAs(t.app, 'operator');
    const deviceId = (await t.app.inject({ url: '/api/devices', headers: op })).json().items[0].id as string;
    const device = await findDevice(t.store.db, deviceId);
    assert.ok(device);
    await t.app.platform.ingest.ingest(
      device,
      [
        fix('2026-03-02T02:30:00Z', 31.3016, 120.8127, {
          attributes: { driver: 'Wang\u0000Wei', raw: '\\u0000' },
        }),
      ],
      { protocol: 'jt808' },
    );
    const track = await t.app.inject({
      url: `/api/positions?deviceId=${deviceId}&from=2026-03-02T02:29:00Z&to=2026-03-02T02:31:00Z`,
      headers: op,
    });
    assert.deepEqual(track.json().items[0].attributes, { driver: 'WangWei', raw: '\\u0000' });
  });

  it('stores what PostgreSQL would refuse (lone surrogates) and skips fixes no column can hold', async () => {
    const op = await loginAs(t.app, 'operator');
    const deviceId = (await t.app.inject({ url: '/api/devices', headers: op })).json().items[0].id as string;
    const device = await findDevice(t.store.db, deviceId);
    assert.ok(device);
    const ingest = t.app.platform.ingest;
    const [bad, good] = await Promise.all([
      ingest.stage(device, [fix('2026-03-02T02:40:00Z', 31.3, 120.8, { time: 1e20 })], {
        protocol: 'osmand',
      }),
      ingest.stage(
        device,
        [fix('2026-03-02T02:41:00Z', 31.3017, 120.8128, { attributes: { note: 'x\ud800y' } })],
        {
          protocol: 'osmand',
        },
      ),
    ]);
    assert.deepEqual(await bad?.committed, { stored: [], unstorable: 1 });
    assert.deepEqual([(await good?.committed)?.stored.length, (await good?.committed)?.unstorable], [1, 0]);
    const track = await t.app.inject({
      url: `/api/positions?deviceId=${deviceId}&from=2026-03-02T02:39:00Z&to=2026-03-02T02:42:00Z`,
      headers: op,
    });
    assert.deepEqual(
      track.json().items.map((p: { time: string; attributes: unknown }) => [p.time, p.attributes]),
      [['2026-03-02T02:41:00.000Z', { note: 'x\ufffdy' }]],
    );
    const metrics = (await t.app.inject({ url: '/metrics' })).body;
    assert.match(metrics, /zs_ingest_fixes_unstorable_total\{protocol="osmand"\} 1/);
  });

  it('validates the track query and hides devices outside the caller scope', async () => {
    const op = await loginAs(t.app, 'operator');
    const deviceId = (await t.app.inject({ url: '/api/devices', headers: op })).json().items[0].id as string;
    const reversed = await t.app.inject({
      url: `/api/positions?deviceId=${deviceId}&from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z`,
      headers: op,
    });
    assert.equal(reversed.statusCode, 400);
    assert.equal(reversed.json().error.code, 'TIME_RANGE_INVALID');
    const badTime = await t.app.inject({
      url: `/api/positions?deviceId=${deviceId}&from=yesterday&to=today`,
      headers: op,
    });
    assert.equal(badTime.statusCode, 400);
    assert.equal(badTime.json().error.code, 'VALIDATION_FAILED');
    const community = await loginAs(t.app, 'commA1');
    const hidden = await t.app.inject({
      url: `/api/positions?deviceId=${deviceId}&from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z`,
      headers: community,
    });
    assert.equal(hidden.statusCode, 404);
    assert.equal(hidden.json().error.code, 'DEVICE_NOT_FOUND');
    const latest = await t.app.inject({ url: '/api/positions/latest', headers: community });
    assert.deepEqual(latest.json().items, []);
  });
});
