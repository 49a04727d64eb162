import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { Fix } from '../src/domain/positions/fix.ts';
import { type Gateways, startGateways } from '../src/gateway/index.ts';
import {
  encodeAuth,
  encodeBatch,
  encodeFrame,
  encodeHeartbeat,
  encodeLocationBody,
  encodeLocationReport,
  encodeRegister,
} from '../src/protocols/jt808/index.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { connectTerminal } from './helpers/jt808-terminal.ts';

const PHONE = '013912345678';
const REGISTRATION = {
  province: 32,
  city: 508,
  makerId: 'ZS001',
  model: 'BOAT-GPS',
  terminalId: 'T0001',
  plateColor: 0,
  plate: '苏E·清波1',
};

function header(serial: number, phone = PHONE) {
  return { edition: '2013' as const, phone, serial };
}

forEachDialect('JT/T 808 gateway over TCP', (kind) => {
  const t = useTestApp(kind);
  let gateways: Gateways;
  let deviceId: string;

  before(async () => {
    gateways = await startGateways(t.app.platform, t.app.log, { jt808: 0, gt06: 0, osmand: 0 });
    const op = await loginAs(t.app, 'operator');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: op,
      payload: { name: '清波1号', protocol: 'jt808', identifier: PHONE, unitId: t.org.dept.id },
    });
    deviceId = res.json().id;
  });
  after(async () => gateways?.close());

  it('registers, authenticates, stores locations and acknowledges each after commit', async () => {
    const terminal = await connectTerminal(gateways.jt808.port);
    terminal.send(encodeRegister(header(1), REGISTRATION));
    const [registered] = await terminal.waitFor(1);
    assert.equal(registered?.msgId, 0x8100);
    assert.equal(registered?.replySerial, 1);
    assert.equal(registered?.result, 0);
    assert.ok(registered?.authCode && registered.authCode.length >= 8);

    terminal.send(encodeAuth(header(2), { code: registered.authCode }));
    const authed = (await terminal.waitFor(2))[1];
    assert.deepEqual(
      [authed?.msgId, authed?.replyMsgId, authed?.replySerial, authed?.result],
      [0x8001, 0x0102, 2, 0],
    );

    const t0 = Date.parse('2026-03-02T01:00:00Z');
    t.clock.t = t0 + 60_000;
    for (let i = 0; i < 3; i++) {
      terminal.send(
        encodeLocationReport(header(3 + i), {
          lat: 31.301234 + i * 0.0001,
          lon: 120.812345,
          time: t0 + i * 5000,
          speedKmh: 7.5,
          course: 90,
          altitude: 4,
          status: { fixed: true, acc: true },
          satellites: 9,
        }),
      );
    }
    terminal.send(encodeHeartbeat(header(6)));
    const acks = (await terminal.waitFor(6)).slice(2);
    assert.deepEqual(
      acks.map((a) => [a.replyMsgId, a.replySerial, a.result]),
      [
        [0x0200, 3, 0],
        [0x0200, 4, 0],
        [0x0200, 5, 0],
        [0x0002, 6, 0],
      ],
    );
    // Platform serial numbers count up per connection.
    assert.deepEqual(
      terminal.replies.map((r) => r.serial),
      [1, 2, 3, 4, 5, 6],
    );

    const op = await loginAs(t.app, 'operator');
    const track = await t.app.inject({
      url: `/api/positions?deviceId=${deviceId}&from=2026-03-02T00:00:00Z&to=2026-03-02T02:00:00Z`,
      headers: op,
    });
    const items = track.json().items;
    assert.equal(items.length, 3);
    assert.equal(items[0].time, '2026-03-02T01:00:00.000Z');
    assert.equal(items[0].lat, 31.301234);
    assert.equal(items[0].lon, 120.812345);
    assert.equal(items[0].speed, 7.5);
    assert.equal(items[0].attributes.satellites, 9);
    assert.equal(items[0].attributes.acc, true);
    terminal.close();
  });

  it('skips a frame with a bad checksum, counts it, and stores the next one', async () => {
    const terminal = await connectTerminal(gateways.jt808.port);
    const code = (
      await t.store.db.selectFrom('devices').select('auth_code').where('id', '=', deviceId).executeTakeFirst()
    )?.auth_code;
    terminal.send(encodeAuth(header(10), { code: code ?? '' }));
    await terminal.waitFor(1);
    const good = (time: number, serial: number) =>
      encodeLocationReport(header(serial), { lat: 31.31, lon: 120.82, time, status: { fixed: true } });
    const bad = Buffer.from(good(Date.parse('2026-03-02T01:10:00Z'), 11));
    bad[bad.length - 2] = (bad[bad.length - 2] ?? 0) ^ 0x55; // corrupt the check code
    terminal.send(Buffer.concat([bad, good(Date.parse('2026-03-02T01:10:05Z'), 12)]));
    const replies = await terminal.waitFor(2);
    assert.deepEqual([replies[1]?.replySerial, replies[1]?.result], [12, 0]);

    const metrics = (await t.app.inject({ url: '/metrics' })).body;
    assert.match(metrics, /zs_ingest_frames_rejected_total\{protocol="jt808",reason="checksum"\} 1/);
    const op = await loginAs(t.app, 'operator');
    const track = await t.app.inject({
      url: `/api/positions?deviceId=${deviceId}&from=2026-03-02T01:09:00Z&to=2026-03-02T01:11:00Z`,
      headers: op,
    });
    assert.deepEqual(
      track.json().items.map((p: { time: string }) => p.time),
      ['2026-03-02T01:10:05.000Z'],
    );
    terminal.close();
  });

  it('stores a blind-spot batch as history without moving the live position', async () => {
    const terminal = await connectTerminal(gateways.jt808.port);
    const code = (
      await t.store.db.selectFrom('devices').select('auth_code').where('id', '=', deviceId).executeTakeFirst()
    )?.auth_code;
    terminal.send(encodeAuth(header(20), { code: code ?? '' }));
    await terminal.waitFor(1);
    const early = Date.parse('2026-03-02T00:30:00Z');
    terminal.send(
      encodeBatch(header(21), {
        blindSpot: true,
        locations: [0, 1, 2].map((i) => ({
          lat: 31.29 + i * 0.001,
          lon: 120.8,
          time: early + i * 5000,
          status: { fixed: true },
        })),
      }),
    );
    const [, ack] = await terminal.waitFor(2);
    assert.deepEqual([ack?.replyMsgId, ack?.result], [0x0704, 0]);
    const op = await loginAs(t.app, 'operator');
    const track = await t.app.inject({
      url: `/api/positions?deviceId=${deviceId}&from=2026-03-02T00:29:00Z&to=2026-03-02T00:31:00Z`,
      headers: op,
    });
    assert.deepEqual(
      track.json().items.map((p: { blind: boolean; lat: number }) => [p.blind, p.lat]),
      [
        [true, 31.29],
        [true, 31.291],
        [true, 31.292],
      ],
    );
    const latest = await t.app.inject({ url: '/api/positions/latest', headers: op });
    assert.equal(latest.json().items[0].time, '2026-03-02T01:10:05.000Z');
    terminal.close();
  });

  it('refuses an unknown terminal at registration and its positions without authentication', async () => {
    const terminal = await connectTerminal(gateways.jt808.port);
    terminal.send(encodeRegister(header(1, '013900000000'), REGISTRATION));
    const [refused] = await terminal.waitFor(1);
    assert.deepEqual([refused?.msgId, refused?.result], [0x8100, 4]);
    terminal.send(
      encodeLocationReport(header(2, '013900000000'), {
        lat: 31.3,
        lon: 120.8,
        time: Date.parse('2026-03-02T01:00:00Z'),
      }),
    );
    const [, noAuth] = await terminal.waitFor(2);
    assert.deepEqual([noAuth?.replyMsgId, noAuth?.result], [0x0200, 1]);
    const metrics = (await t.app.inject({ url: '/metrics' })).body;
    assert.match(metrics, /zs_ingest_unknown_devices_total\{protocol="jt808"\} [1-9]/);
    terminal.close();
  });

  it('binds authentication to one terminal: reports and heartbeats for another are refused', async () => {
    const op = await loginAs(t.app, 'operator');
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: op,
      payload: { name: '清波9号', protocol: 'jt808', identifier: '013977777777', unitId: t.org.dept.id },
    });
    assert.equal(other.statusCode, 201);
    const terminal = await connectTerminal(gateways.jt808.port);
    const code = (
      await t.store.db.selectFrom('devices').select('auth_code').where('id', '=', deviceId).executeTakeFirst()
    )?.auth_code;
    terminal.send(encodeAuth(header(30), { code: code ?? '' }));
    assert.equal((await terminal.waitFor(1))[0]?.result, 0);
    const time = Date.parse('2026-03-02T03:00:00Z');
    terminal.send(
      encodeLocationReport(header(31, '013977777777'), {
        lat: 31.3,
        lon: 120.8,
        time,
        status: { fixed: true },
      }),
    );
    terminal.send(encodeHeartbeat(header(32, '013977777777')));
    const [, report, heartbeat] = await terminal.waitFor(3);
    assert.deepEqual([report?.replyMsgId, report?.result], [0x0200, 1]);
    assert.deepEqual([heartbeat?.replyMsgId, heartbeat?.result], [0x0002, 1]);
    const rows = await t.store.db
      .selectFrom('positions')
      .select('time')
      .where('device_id', '=', other.json().id)
      .execute();
    assert.deepEqual(rows, []);
    terminal.close();
  });

  it('reassembles a blind-spot batch split into packages and acknowledges every package after commit', async () => {
    const terminal = await connectTerminal(gateways.jt808.port);
    const code = (
      await t.store.db.selectFrom('devices').select('auth_code').where('id', '=', deviceId).executeTakeFirst()
    )?.auth_code;
    terminal.send(encodeAuth(header(40), { code: code ?? '' }));
    await terminal.waitFor(1);
    const t0 = Date.parse('2026-03-02T00:10:00Z');
    const items = [0, 1, 2].map((i) =>
      encodeLocationBody({
        lat: 31.28 + i * 0.001,
        lon: 120.81,
        time: t0 + i * 5000,
        status: { fixed: true },
      }),
    );
    const body = Buffer.alloc(3 + items.reduce((n, b) => n + 2 + b.length, 0));
    body.writeUInt16BE(items.length, 0);
    body.writeUInt8(1, 2); // type 1: blind-spot re-upload (§8.49)
    let at = 3;
    for (const item of items) {
      body.writeUInt16BE(item.length, at);
      body.set(item, at + 2);
      at += 2 + item.length;
    }
    const cut = 50;
    const part = (serial: number, index: number, bytes: Uint8Array) =>
      encodeFrame(0x0704, { ...header(serial), packet: { total: 2, index } }, bytes);
    terminal.send(part(41, 1, body.subarray(0, cut)));
    terminal.send(part(42, 2, body.subarray(cut)));
    const acks = (await terminal.waitFor(3)).slice(1);
    assert.deepEqual(
      acks.map((a) => [a.replyMsgId, a.replySerial, a.result]),
      [
        [0x0704, 41, 0],
        [0x0704, 42, 0],
      ],
    );
    const op = await loginAs(t.app, 'operator');
    const track = await t.app.inject({
      url: `/api/positions?deviceId=${deviceId}&from=2026-03-02T00:09:00Z&to=2026-03-02T00:11:00Z`,
      headers: op,
    });
    assert.deepEqual(
      track.json().items.map((p: { blind: boolean; lat: number }) => [p.blind, p.lat]),
      [
        [true, 31.28],
        [true, 31.281],
        [true, 31.282],
      ],
    );
    terminal.close();
  });

  it('registers, authenticates and stores a terminal whose header number is not BCD (4eb6fb4afd9e)', async () => {
    const op = await loginAs(t.app, 'operator');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: op,
      payload: { name: '清波10号', protocol: 'jt808', identifier: '4EB6FB4AFD9E', unitId: t.org.dept.id },
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().identifier, '4eb6fb4afd9e');

    const phone = '4eb6fb4afd9e';
    const terminal = await connectTerminal(gateways.jt808.port);
    terminal.send(encodeRegister(header(1, phone), { ...REGISTRATION, terminalId: 'T0010' }));
    const [registered] = await terminal.waitFor(1);
    assert.deepEqual([registered?.msgId, registered?.result], [0x8100, 0]);
    terminal.send(encodeAuth(header(2, phone), { code: registered?.authCode ?? '' }));
    assert.deepEqual(
      (await terminal.waitFor(2)).map((r) => r.result),
      [0, 0],
    );
    const time = Date.parse('2026-03-02T04:00:00Z');
    terminal.send(
      encodeLocationReport(header(3, phone), {
        lat: 31.305,
        lon: 120.815,
        time,
        speedKmh: 5,
        course: 180,
        status: { fixed: true },
      }),
    );
    const report = (await terminal.waitFor(3))[2];
    assert.deepEqual([report?.replyMsgId, report?.replySerial, report?.result], [0x0200, 3, 0]);

    const track = await t.app.inject({
      url: `/api/positions?deviceId=${created.json().id}&from=2026-03-02T03:59:00Z&to=2026-03-02T04:01:00Z`,
      headers: op,
    });
    assert.deepEqual(
      track.json().items.map((p: { time: string; lat: number; lon: number }) => [p.time, p.lat, p.lon]),
      [['2026-03-02T04:00:00.000Z', 31.305, 120.815]],
    );
    terminal.close();
  });

  /** A 0x0704 body (§8.49): count WORD, type BYTE, then each item with its length WORD. */
  const batchBody = (items: Uint8Array[], type = 1) => {
    const body = Buffer.alloc(3 + items.reduce((n, b) => n + 2 + b.length, 0));
    body.writeUInt16BE(items.length, 0);
    body.writeUInt8(type, 2);
    let at = 3;
    for (const item of items) {
      body.writeUInt16BE(item.length, at);
      body.set(item, at + 2);
      at += 2 + item.length;
    }
    return body;
  };
  const authenticated = async (serial: number) => {
    const terminal = await connectTerminal(gateways.jt808.port);
    const code = (
      await t.store.db.selectFrom('devices').select('auth_code').where('id', '=', deviceId).executeTakeFirst()
    )?.auth_code;
    terminal.send(encodeAuth(header(serial), { code: code ?? '' }));
    assert.equal((await terminal.waitFor(1))[0]?.result, 0);
    return terminal;
  };
  const positionTimes = async (from: string, to: string) =>
    (
      await t.store.db
        .selectFrom('positions')
        .select('time')
        .where('device_id', '=', deviceId)
        .where('time', '>=', Date.parse(from))
        .where('time', '<=', Date.parse(to))
        .orderBy('time')
        .execute()
    ).map((p) => new Date(p.time).toISOString());
  const split = (serial: number, index: number, total: number, bytes: Uint8Array, phone = PHONE) =>
    encodeFrame(0x0704, { ...header(serial, phone), packet: { total, index } }, bytes);

  it('answers every package of a split message with the whole message refusal, not success', async () => {
    const terminal = await authenticated(50);
    // Joined, the body is 2 bytes: a 0x0704 needs at least its count and type (§8.49).
    terminal.send(split(51, 1, 3, Uint8Array.of(0)));
    terminal.send(split(52, 2, 3, Uint8Array.of(1)));
    terminal.send(split(53, 3, 3, new Uint8Array(0)));
    const acks = (await terminal.waitFor(4)).slice(1);
    assert.deepEqual(
      acks.map((a) => [a.replyMsgId, a.replySerial, a.result]),
      [
        [0x0704, 51, 2],
        [0x0704, 52, 2],
        [0x0704, 53, 2],
      ],
    );
    terminal.close();

    // Whole and readable, but from a connection that has not authenticated: refused (result 1).
    const stranger = await connectTerminal(gateways.jt808.port);
    const t0 = Date.parse('2026-03-02T04:00:00Z');
    const body = batchBody(
      [0, 1].map((i) =>
        encodeLocationBody({ lat: 31.27, lon: 120.8, time: t0 + i * 5000, status: { fixed: true } }),
      ),
    );
    stranger.send(split(61, 1, 2, body.subarray(0, 20)));
    stranger.send(split(62, 2, 2, body.subarray(20)));
    const refused = await stranger.waitFor(2);
    assert.deepEqual(
      refused.map((a) => [a.replyMsgId, a.replySerial, a.result]),
      [
        [0x0704, 61, 1],
        [0x0704, 62, 1],
      ],
    );
    assert.deepEqual(await positionTimes('2026-03-02T04:00:00Z', '2026-03-02T04:01:00Z'), []);
    stranger.close();
  });

  it('answers a batch with an unreadable item "message error" and stores the readable ones', async () => {
    const terminal = await authenticated(70);
    const t0 = Date.parse('2026-03-02T05:00:00Z');
    const items = [0, 1, 2].map((i) =>
      encodeLocationBody({ lat: 31.26, lon: 120.8, time: t0 + i * 5000, status: { fixed: true } }),
    );
    // The second item's BCD month (§8.18: YY MM DD hh mm ss from byte 22) reads 13.
    const bad = Buffer.from(items[1] as Uint8Array);
    bad[23] = 0x13;
    terminal.send(
      encodeFrame(0x0704, header(71), batchBody([items[0] as Uint8Array, bad, items[2] as Uint8Array])),
    );
    const [, ack] = await terminal.waitFor(2);
    assert.deepEqual([ack?.replyMsgId, ack?.replySerial, ack?.result], [0x0704, 71, 2]);
    assert.deepEqual(await positionTimes('2026-03-02T05:00:00Z', '2026-03-02T05:01:00Z'), [
      '2026-03-02T05:00:00.000Z',
      '2026-03-02T05:00:10.000Z',
    ]);
    const metrics = (await t.app.inject({ url: '/metrics' })).body;
    assert.match(metrics, /zs_ingest_frames_rejected_total\{protocol="jt808",reason="batch_item"\} 1/);
    terminal.close();
  });

  it('answers fixes no column can hold "message error", on both paths, and counts them', async () => {
    // The codec cannot produce such a fix (BCD years 2000–2099): the pipeline is handed one.
    const pipeline = t.app.platform.ingest;
    const { stage, stageNow } = pipeline;
    const spoilt = (fixes: Fix[]) => fixes.map((f) => ({ ...f, time: 1e20 }));
    pipeline.stage = (d, fixes, opts) => stage.call(pipeline, d, spoilt(fixes), opts);
    pipeline.stageNow = (d, fixes, opts, done) => stageNow.call(pipeline, d, spoilt(fixes), opts, done);
    try {
      const terminal = await authenticated(80);
      const report = (serial: number) =>
        encodeLocationReport(header(serial), {
          lat: 31.25,
          lon: 120.8,
          time: Date.parse('2026-03-02T06:00:00Z'),
          status: { fixed: true },
        });
      // The first after authentication takes the general path, the next the hot one.
      terminal.send(report(81));
      terminal.send(report(82));
      const acks = (await terminal.waitFor(3)).slice(1);
      assert.deepEqual(
        acks.map((a) => [a.replySerial, a.result]),
        [
          [81, 2],
          [82, 2],
        ],
      );
      terminal.close();
    } finally {
      pipeline.stage = stage;
      pipeline.stageNow = stageNow;
    }
    const metrics = (await t.app.inject({ url: '/metrics' })).body;
    assert.match(metrics, /zs_ingest_fixes_unstorable_total\{protocol="jt808"\} 2/);
  });
});
