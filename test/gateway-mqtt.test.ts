import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, it } from 'node:test';
import { connectAsync, type MqttClient } from 'mqtt';
import { type GatewayPorts, type Gateways, startGateways } from '../src/gateway/index.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { describeWithBroker, eventually, MQTT_TEST_URL } from './helpers/mqtt.ts';

describeWithBroker('MQTT ingest through Mosquitto', () => {
  forEachDialect('MQTT gateway', (kind) => {
    const t = useTestApp(kind);
    // A prefix and a client id of this run's own: parallel runs on the same broker do not meet.
    const run = `zs-test-${randomBytes(4).toString('hex')}-${kind}`;
    const ports: GatewayPorts = {
      jt808: 0,
      gt06: 0,
      osmand: 0,
      mqtt: { url: MQTT_TEST_URL, clientId: run, topicPrefix: run, sessionExpirySeconds: 60 },
    };
    const topic = (id: string) => `${run}/devices/${id}/positions`;
    let gateways: Gateways | undefined;
    let publisher: MqttClient;
    let deviceId: string;

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
        valid: boolean;
        attributes: Record<string, unknown>;
      }[];
    };
    /** The positions in the range once there are `count` of them. */
    const stored = (from: string, to: string, count: number) =>
      eventually(`${count} positions ${from}..${to}`, async () => {
        const items = await track(from, to);
        return items.length >= count ? items : undefined;
      });
    const counted = (pattern: RegExp) =>
      eventually(String(pattern), async () => {
        const body = (await t.app.inject({ url: '/metrics' })).body;
        return pattern.test(body) ? true : undefined;
      });
    const publish = (id: string, payload: unknown) =>
      publisher.publishAsync(topic(id), typeof payload === 'string' ? payload : JSON.stringify(payload), {
        qos: 1,
      });

    before(async () => {
      gateways = await startGateways(t.app.platform, t.app.log, ports);
      await gateways.mqtt?.ready;
      publisher = await connectAsync(MQTT_TEST_URL, { clientId: `${run}-publisher`, protocolVersion: 5 });
      const op = await loginAs(t.app, 'operator');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/devices',
        headers: op,
        payload: { name: '清波3号', protocol: 'mqtt', identifier: 'boat-mq1', unitId: t.org.dept.id },
      });
      assert.equal(res.statusCode, 201, res.body);
      deviceId = res.json().id;
    });
    after(async () => {
      await publisher?.endAsync();
      await gateways?.close();
    });

    it('stores one position and a batch with their exact values', async () => {
      await publish('boat-mq1', {
        time: '2026-03-02T08:50:00+08:00',
        lat: 31.301234,
        lon: 120.812345,
        speed: 7.5,
        course: 90,
        altitude: 4,
        attributes: { battery: 88 },
      });
      await publish('boat-mq1', [
        { time: Date.parse('2026-03-02T00:50:05Z'), lat: 31.3013, lon: 120.8124, speed: 8 },
        { time: '2026-03-02T00:50:10Z', lat: 31.3014, lon: 120.8125, speed: 8.5, valid: false },
      ]);
      const items = await stored('2026-03-02T00:49:00Z', '2026-03-02T00:51:00Z', 3);
      assert.deepEqual(
        items.map((p) => [p.time, p.lat, p.lon, p.speed, p.valid]),
        [
          ['2026-03-02T00:50:00.000Z', 31.301234, 120.812345, 7.5, true],
          ['2026-03-02T00:50:05.000Z', 31.3013, 120.8124, 8, true],
          ['2026-03-02T00:50:10.000Z', 31.3014, 120.8125, 8.5, false],
        ],
      );
      assert.deepEqual([items[0]?.course, items[0]?.altitude, items[0]?.attributes.battery], [90, 4, 88]);
    });

    it('counts malformed JSON and a missing lat without storing them', async () => {
      await publish('boat-mq1', '{"time": "2026-03-02T00:45:00Z", "lat": 31.3,');
      await publish('boat-mq1', { time: '2026-03-02T00:45:05Z', lon: 120.8 });
      await publish('boat-unknown', { time: '2026-03-02T00:45:10Z', lat: 31.3, lon: 120.8 });
      // Handled in order: once this one is stored, the three before it have been refused.
      await publish('boat-mq1', { time: '2026-03-02T00:45:15Z', lat: 31.305, lon: 120.805 });
      const items = await stored('2026-03-02T00:44:00Z', '2026-03-02T00:46:00Z', 1);
      assert.deepEqual(
        items.map((p) => [p.time, p.lat]),
        [['2026-03-02T00:45:15.000Z', 31.305]],
      );
      await counted(/zs_ingest_frames_rejected_total\{protocol="mqtt",reason="json"\} 1\n/);
      await counted(/zs_ingest_frames_rejected_total\{protocol="mqtt",reason="invalid"\} 1\n/);
      await counted(/zs_ingest_unknown_devices_total\{protocol="mqtt"\} 1\n/);
    });

    it('does not count a fix whose time no column can hold as stored', async () => {
      await publish('boat-mq1', [
        { time: 1e20, lat: 31.306, lon: 120.806 },
        { time: '2026-03-02T00:46:00Z', lat: 31.307, lon: 120.807 },
      ]);
      const items = await stored('2026-03-02T00:45:30Z', '2026-03-02T00:46:30Z', 1);
      assert.deepEqual(
        items.map((p) => [p.time, p.lat]),
        [['2026-03-02T00:46:00.000Z', 31.307]],
      );
      await counted(/zs_ingest_fixes_unstorable_total\{protocol="mqtt"\} 1\n/);
    });

    it('receives what was published while the server was away (persistent session)', async () => {
      await gateways?.close();
      gateways = undefined;
      await publish('boat-mq1', { time: '2026-03-02T00:55:00Z', lat: 31.31, lon: 120.82, speed: 3 });
      gateways = await startGateways(t.app.platform, t.app.log, ports);
      const [p] = await stored('2026-03-02T00:54:00Z', '2026-03-02T00:56:00Z', 1);
      assert.deepEqual([p?.time, p?.lat, p?.lon, p?.speed], ['2026-03-02T00:55:00.000Z', 31.31, 120.82, 3]);
    });

    it('does not acknowledge a message it could not store: the broker sends it again', async () => {
      const pipeline = t.app.platform.ingest;
      const working = pipeline.ingest;
      let attempts = 0;
      pipeline.ingest = async () => {
        attempts++;
        throw new Error('database unavailable (test)');
      };
      try {
        await publish('boat-mq1', { time: '2026-03-02T00:56:00Z', lat: 31.311, lon: 120.821 });
        await eventually('a failed commit', async () => (attempts > 0 ? true : undefined));
        // Shut down while the message is still unacknowledged.
        await gateways?.close();
        gateways = undefined;
      } finally {
        pipeline.ingest = working;
      }
      gateways = await startGateways(t.app.platform, t.app.log, ports);
      const [p] = await stored('2026-03-02T00:55:30Z', '2026-03-02T00:56:30Z', 1);
      assert.deepEqual([p?.time, p?.lat, p?.lon], ['2026-03-02T00:56:00.000Z', 31.311, 120.821]);
    });
  });
});
