import assert from 'node:assert/strict';
import { it } from 'node:test';
import { DeviceStatusWatcher } from '../src/jobs/device-status.ts';
import { findDevice } from '../src/store/devices.repository.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';

forEachDialect('device status watcher', (kind) => {
  const t = useTestApp(kind);

  it('publishes online when a device reports and offline after its timeout', async () => {
    const op = await loginAs(t.app, 'operator');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: op,
      payload: {
        name: '巡查车',
        protocol: 'osmand',
        identifier: 'car-7',
        unitId: t.org.dept.id,
        offlineAfterS: 60,
      },
    });
    const device = await findDevice(t.store.db, created.json().id);
    assert.ok(device);
    const events: unknown[] = [];
    t.app.platform.bus.subscribe((e) => {
      if (e.type === 'device.status') events.push(e.data);
    });
    const watcher = new DeviceStatusWatcher(t.app.platform.ctx, t.app.platform.bus);
    assert.deepEqual(await watcher.tick(), [], 'the first pass only learns the current status');

    await t.app.platform.ingest.ingest(
      device,
      [
        {
          time: t.clock.t,
          lat: 31.3,
          lon: 120.8,
          speedKmh: 20,
          course: 0,
          altitude: 0,
          valid: true,
          attributes: {},
        },
      ],
      { protocol: 'osmand' },
    );
    assert.deepEqual(await watcher.tick(), [{ deviceId: device.id, status: 'online' }]);
    t.clock.advance(59_000);
    assert.deepEqual(await watcher.tick(), []);
    t.clock.advance(2_000);
    assert.deepEqual(await watcher.tick(), [{ deviceId: device.id, status: 'offline' }]);
    assert.deepEqual(
      events.map((e) => (e as { status: string }).status),
      ['online', 'offline'],
    );
  });
});
