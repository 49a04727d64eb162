import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import { type Gateways, startGateways } from '../src/gateway/index.ts';
import { mqttUplink } from '../src/sim/mqtt-uplink.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { describeWithBroker, eventually, MQTT_TEST_URL } from './helpers/mqtt.ts';

const quiet = { info() {}, warn() {} };

describeWithBroker('simulated terminal over MQTT', () => {
  forEachDialect('simulator MQTT uplink', (kind) => {
    const t = useTestApp(kind);
    // A topic prefix of this run's own: parallel runs on the same broker do not meet.
    const run = `zs-sim-${randomBytes(4).toString('hex')}-${kind}`;
    let gateways: Gateways | undefined;
    before(async () => {
      gateways = await startGateways(t.app.platform, t.app.log, {
        jt808: 0,
        gt06: 0,
        osmand: 0,
        mqtt: { url: MQTT_TEST_URL, clientId: run, topicPrefix: run, sessionExpirySeconds: 60 },
      });
    });
    after(async () => gateways?.close());

    it('publishes fixes through the broker, and the server stores them', async () => {
      const op = await loginAs(t.app, 'operator');
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/devices',
        headers: op,
        payload: { name: '模拟船M1', protocol: 'mqtt', identifier: `${run}-boat`, unitId: t.org.dept.id },
      });
      assert.equal(created.statusCode, 201);
      const uplink = mqttUplink({
        url: MQTT_TEST_URL,
        identifier: `${run}-boat`,
        topicPrefix: run,
        timeoutMs: 5000,
        log: quiet,
      });
      uplink.connect();
      after(() => uplink.close());
      await eventually('the simulator connected', async () => (uplink.ready() ? true : undefined), 5000);
      const time = Date.parse('2026-03-02T00:59:00Z');
      const fixes = [0, 1].map((i) => ({
        lat: 31.3 + i * 1e-4,
        lon: 120.8,
        time: time + i * 5000,
        speedKmh: 6,
        course: 90,
      }));
      assert.equal(await uplink.send(fixes, false), true);
      // The broker acknowledged; the server's own subscription stores them shortly after.
      const items = await eventually('both fixes stored', async () => {
        const track = await t.app.inject({
          url: `/api/positions?deviceId=${created.json().id}&from=2026-03-02T00:58:00Z&to=2026-03-02T01:00:00Z`,
          headers: op,
        });
        const stored = track.json().items;
        return stored.length === 2 ? stored : undefined;
      });
      assert.deepEqual(
        items.map((p: { time: string; lat: number; speed: number }) => [p.time, p.lat, p.speed]),
        [
          ['2026-03-02T00:59:00.000Z', 31.3, 6],
          ['2026-03-02T00:59:05.000Z', 31.3001, 6],
        ],
      );
    });
  });
});
