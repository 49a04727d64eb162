import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { type Gateways, startGateways } from '../src/gateway/index.ts';
import {
  encodeAck,
  encodeAlarm,
  encodeHeartbeat,
  encodeLocation,
  encodeLogin,
  type Gt06Cell,
  type Gt06TerminalInfo,
} from '../src/protocols/gt06/index.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { connectGt06 } from './helpers/gt06-terminal.ts';

const IMEI = '868120145233604';
const cell: Gt06Cell = { mcc: 460, mnc: 0, lac: 0x287d, cellId: 0x1f71 };
const terminal: Gt06TerminalInfo = {
  armed: false,
  acc: true,
  charging: true,
  alarm: null,
  gpsTracking: true,
  oilCut: false,
};
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const bin = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));

/** A fix at `iso`; coordinates chosen so that degrees × 1,800,000 is whole and they come back exactly. */
function fix(iso: string, lat: number, speedKmh = 12) {
  return { time: Date.parse(iso), lat, lon: 120.812, speedKmh, course: 90, fixed: true, satellites: 9 };
}

forEachDialect('GT06 gateway over TCP', (kind) => {
  const t = useTestApp(kind);
  let gateways: Gateways;
  let deviceId: string;

  const track = async (from: string, to: string) => {
    const op = await loginAs(t.app, 'operator');
    const res = await t.app.inject({
      url: `/api/positions?deviceId=${deviceId}&from=${from}&to=${to}`,
      headers: op,
    });
    assert.equal(res.statusCode, 200);
    return res.json().items as {
      time: string;
      lat: number;
      lon: number;
      speed: number;
      course: number;
      blind: boolean;
      attributes: Record<string, unknown>;
    }[];
  };
  const metrics = async () => (await t.app.inject({ url: '/metrics' })).body;

  before(async () => {
    gateways = await startGateways(t.app.platform, t.app.log, { jt808: 0, gt06: 0, osmand: 0 });
    const op = await loginAs(t.app, 'operator');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: op,
      payload: { name: '清波2号', protocol: 'gt06', identifier: IMEI, unitId: t.org.dept.id },
    });
    assert.equal(res.statusCode, 201, res.body);
    deviceId = res.json().id;
  });
  after(async () => gateways?.close());

  it('acks the login, stores locations, acks a heartbeat and an SOS alarm after its commit', async () => {
    const device = await connectGt06(gateways.gt06.port);
    device.send(encodeLogin({ imei: IMEI, serial: 1 }));
    // GT06 v1.8.1 §5.1.2, the manual's own example.
    assert.deepEqual(await device.waitForAcks(1), ['787805010001d9dc0d0a']);

    device.send(encodeLocation({ serial: 2, fix: fix('2026-03-02T00:50:00Z', 31.301), cell }));
    device.send(encodeLocation({ serial: 3, fix: fix('2026-03-02T00:50:05Z', 31.302, 15), cell }));
    t.clock.advance(30_000);
    device.send(encodeHeartbeat({ serial: 4, terminal, voltageLevel: 4, gsmSignal: 3 }));
    const acks = await device.waitForAcks(2);
    // Locations get no reply (§5.2); the heartbeat's ack comes after them.
    assert.deepEqual(acks, ['787805010001d9dc0d0a', hex(encodeAck(0x13, 4))]);

    const stored = await track('2026-03-02T00:49:00Z', '2026-03-02T00:51:00Z');
    assert.deepEqual(
      stored.map((p) => [p.time, p.lat, p.lon, p.speed, p.course, p.blind, p.attributes.satellites]),
      [
        ['2026-03-02T00:50:00.000Z', 31.301, 120.812, 12, 90, false, 9],
        ['2026-03-02T00:50:05.000Z', 31.302, 120.812, 15, 90, false, 9],
      ],
    );
    const op = await loginAs(t.app, 'operator');
    const seen = await t.app.inject({ url: `/api/devices/${deviceId}`, headers: op });
    assert.equal(seen.json().lastSeenAt, new Date(t.clock.t).toISOString());

    device.send(
      encodeAlarm({
        serial: 5,
        fix: fix('2026-03-02T00:50:10Z', 31.303, 0),
        cell,
        terminal: { ...terminal, alarm: 'sos' },
        voltageLevel: 4,
        gsmSignal: 3,
        alarmCode: 0x01,
      }),
    );
    assert.equal((await device.waitForAcks(3))[2], hex(encodeAck(0x16, 5)));
    // Asked right after the ack: the alarm's position is already committed.
    const [alarm] = await track('2026-03-02T00:50:10Z', '2026-03-02T00:50:10Z');
    assert.deepEqual([alarm?.lat, alarm?.attributes.alarm], [31.303, 'sos']);
    device.close();
  });

  it('stores a 0x22 re-upload as blind-spot history', async () => {
    const device = await connectGt06(gateways.gt06.port);
    device.send(encodeLogin({ imei: IMEI, serial: 1 }));
    device.send(
      encodeLocation({
        serial: 2,
        protocol: 0x22,
        reupload: true,
        fix: fix('2026-03-02T00:40:00Z', 31.3),
        cell,
      }),
    );
    device.send(encodeHeartbeat({ serial: 3, terminal, voltageLevel: 4, gsmSignal: 3 }));
    await device.waitForAcks(2);
    const [p] = await track('2026-03-02T00:39:00Z', '2026-03-02T00:41:00Z');
    assert.deepEqual(
      [p?.time, p?.lat, p?.blind, p?.attributes.reupload],
      ['2026-03-02T00:40:00.000Z', 31.3, true, true],
    );
    device.close();
  });

  it("stores traccar's 0x10 frame and a 0xA0 device frame, acks the AZ735 0x32 in the long form", async () => {
    const device = await connectGt06(gateways.gt06.port);
    device.send(encodeLogin({ imei: IMEI, serial: 1 }));
    // Real frames verbatim (src/protocols/gt06/locations.test.ts): no reply to either (§5.2). Older
    // than the fixes before them, they are stored as history.
    device.send(bin('787819100B031A0B1B31CC027AC7FD0C4657BF0115210001001CC6070D0A'));
    device.send(
      bin(
        '78782DA019060311270BC702F84FB00927D44007140001AD01000028AC000000000005030300080100001EDE00068C370D0A',
      ),
    );
    // Traccar's AZ735 frame: acked 79 79 … after its commit, then one without a fix, acked too.
    device.send(
      bin(
        '7979004a321106170c1b180cc900a875580b7ab4f00010350901fe0a007c0009112424007c000912240081004efe2100c500100f1200000000000000000000000000000000000000000000bc7c900d0a',
      ),
    );
    device.send(
      bin(
        '79790045321106170c1b13000901fe0a007c0009112424007c000912230081004efe1e00c500100f120000000000000000000000000000000000000710bef565574e37000000b26f140d0a',
      ),
    );
    assert.deepEqual((await device.waitForAcks(3)).slice(1), [
      hex(encodeAck(0x32, 0xbc, true)),
      hex(encodeAck(0x32, 0xb2, true)),
    ]);

    const [gps] = await track('2011-03-26T11:27:49Z', '2011-03-26T11:27:49Z');
    assert.deepEqual(
      [gps?.time, gps?.lat, gps?.lon, gps?.speed, gps?.course],
      ['2011-03-26T11:27:49.000Z', 0x027ac7fd / 1_800_000, 0x0c4657bf / 1_800_000, 1, 289],
    );
    const [lte] = await track('2025-06-03T17:39:11Z', '2025-06-03T17:39:11Z');
    assert.deepEqual(
      [lte?.time, lte?.lat, lte?.lon, lte?.speed, lte?.attributes.reupload, lte?.attributes.cellId],
      ['2025-06-03T17:39:11.000Z', 0x02f84fb0 / 1_800_000, 0x0927d440 / 1_800_000, 7, true, 0x050303],
    );
    const [az735] = await track('2017-06-23T12:27:00Z', '2017-06-23T12:28:00Z');
    assert.deepEqual([az735?.time, az735?.lat], ['2017-06-23T12:27:24.000Z', -0x00a87558 / 1_800_000]);
    device.close();
  });

  it('refuses an unknown IMEI: no ack, the socket is closed', async () => {
    const device = await connectGt06(gateways.gt06.port);
    device.send(encodeLogin({ imei: '359710049000001', serial: 1 }));
    await device.closedByServer();
    assert.deepEqual(device.acks(), []);
    assert.match(await metrics(), /zs_ingest_unknown_devices_total\{protocol="gt06"\} 1/);
  });

  it('refuses messages before login without storing them', async () => {
    const device = await connectGt06(gateways.gt06.port);
    device.send(encodeLocation({ serial: 1, fix: fix('2026-03-02T00:30:00Z', 31.3), cell }));
    device.send(encodeLogin({ imei: IMEI, serial: 2 }));
    device.send(encodeHeartbeat({ serial: 3, terminal, voltageLevel: 4, gsmSignal: 3 }));
    assert.deepEqual(await device.waitForAcks(2), [hex(encodeAck(0x01, 2)), hex(encodeAck(0x13, 3))]);
    assert.deepEqual(await track('2026-03-02T00:29:00Z', '2026-03-02T00:31:00Z'), []);
    assert.match(
      await metrics(),
      /zs_ingest_frames_rejected_total\{protocol="gt06",reason="not_logged_in"\} 1/,
    );
    device.close();
  });

  it('skips a frame with a bad CRC, counts it, and stores the next one', async () => {
    const device = await connectGt06(gateways.gt06.port);
    device.send(encodeLogin({ imei: IMEI, serial: 1 }));
    const bad = Buffer.from(encodeLocation({ serial: 2, fix: fix('2026-03-02T00:55:00Z', 31.304), cell }));
    bad[bad.length - 3] = (bad[bad.length - 3] ?? 0) ^ 0x55; // corrupt the CRC
    const good = encodeLocation({ serial: 3, fix: fix('2026-03-02T00:55:05Z', 31.305), cell });
    device.send(Buffer.concat([bad, good]));
    device.send(encodeHeartbeat({ serial: 4, terminal, voltageLevel: 4, gsmSignal: 3 }));
    await device.waitForAcks(2);
    const stored = await track('2026-03-02T00:54:00Z', '2026-03-02T00:56:00Z');
    assert.deepEqual(
      stored.map((p) => [p.time, p.lat]),
      [['2026-03-02T00:55:05.000Z', 31.305]],
    );
    assert.match(await metrics(), /zs_ingest_frames_rejected_total\{protocol="gt06",reason="crc"\} 1/);
    device.close();
  });
  it('does not acknowledge an alarm whose fix cannot be stored (GT06 has no negative reply)', async () => {
    // The codec cannot produce such a fix (years 2000–2099): the pipeline is handed one.
    const pipeline = t.app.platform.ingest;
    const { stage } = pipeline;
    pipeline.stage = (d, fixes, opts) =>
      stage.call(
        pipeline,
        d,
        fixes.map((f) => ({ ...f, time: 1e20 })),
        opts,
      );
    const device = await connectGt06(gateways.gt06.port);
    try {
      device.send(encodeLogin({ imei: IMEI, serial: 1 }));
      const sos = { ...terminal, alarm: 'sos' as const };
      const alarm = { cell, terminal: sos, voltageLevel: 4, gsmSignal: 3, alarmCode: 0x01 };
      device.send(encodeAlarm({ serial: 2, fix: fix('2026-03-02T00:58:00Z', 31.306, 0), ...alarm }));
      device.send(encodeHeartbeat({ serial: 3, terminal, voltageLevel: 4, gsmSignal: 3 }));
      // The heartbeat's ack follows the login's at once: the alarm in between got none.
      assert.deepEqual(await device.waitForAcks(2), [hex(encodeAck(0x01, 1)), hex(encodeAck(0x13, 3))]);
    } finally {
      pipeline.stage = stage;
      device.close();
    }
    assert.deepEqual(await track('2026-03-02T00:57:00Z', '2026-03-02T00:59:00Z'), []);
    assert.match(await metrics(), /zs_ingest_fixes_unstorable_total\{protocol="gt06"\} 1/);
  });
});
