import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { haversineMeters } from '../src/domain/positions/filters.ts';
import { type Gateways, startGateways } from '../src/gateway/index.ts';
import { encodeAck, GT06_PROTOCOL, Gt06Framer, type Gt06Message } from '../src/protocols/gt06/index.ts';
import { DEMO_SEGMENT_LINES } from '../src/sim/demo-boats.ts';
import { gt06Uplink } from '../src/sim/gt06-uplink.ts';
import { type BoatPlan, inBlindSpot, sampleBoat } from '../src/sim/model/boat.ts';
import { planFleet } from '../src/sim/model/fleet-plan.ts';
import { parseShift } from '../src/sim/model/shift.ts';
import { locationOf, SimTerminal } from '../src/sim/terminal.ts';
import { startFleet } from '../src/sim/terminal-roster.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';

const IMEIS = ['868120000000101', '868120000000102', '868120000000103'];
const BLIND_IMEI = '868120000000201';
const UNKNOWN_IMEI = '868120000000999';
const quiet = { info() {}, warn() {} };

/** A GT06 coordinate is degrees × 1,800,000 rounded: back to within this of the 6-decimal fix. */
const COORDINATE_STEP = 1 / 1_800_000;

interface StoredPosition {
  time: string;
  lat: number;
  lon: number;
  speed: number;
  course: number;
  blind: boolean;
  attributes: Record<string, unknown>;
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Metres from a point to a [lon, lat] line (flat-earth, fine over a few kilometres). */
function metresFromLine(lat: number, lon: number, line: readonly (readonly number[])[]): number {
  const kx = 111_320 * Math.cos((lat * Math.PI) / 180);
  const ky = 111_320;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++) {
    const [ax = 0, ay = 0] = (line[i - 1] ?? []).map((v, j) => (j === 0 ? (v - lon) * kx : (v - lat) * ky));
    const [bx = 0, by = 0] = (line[i] ?? []).map((v, j) => (j === 0 ? (v - lon) * kx : (v - lat) * ky));
    const dx = bx - ax;
    const dy = by - ay;
    const f = dx === 0 && dy === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(ax + f * dx, ay + f * dy));
  }
  return best;
}

forEachDialect('simulated boats over GT06', (kind) => {
  const t = useTestApp(kind);
  let gateways: Gateways;
  const deviceIds = new Map<string, string>();

  const track = async (imei: string, from: number, to: number): Promise<StoredPosition[]> => {
    const res = await t.app.inject({
      url: `/api/positions?deviceId=${deviceIds.get(imei)}&from=${new Date(from).toISOString()}&to=${new Date(to).toISOString()}`,
      headers: await loginAs(t.app, 'operator'),
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items;
  };

  before(async () => {
    gateways = await startGateways(t.app.platform, t.app.log, { jt808: 0, gt06: 0, osmand: 0 });
    const operator = await loginAs(t.app, 'operator');
    for (const [i, imei] of [...IMEIS, BLIND_IMEI].entries()) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/devices',
        headers: operator,
        payload: { name: `模拟船G${i + 1}`, protocol: 'gt06', identifier: imei, unitId: t.org.dept.id },
      });
      assert.equal(res.statusCode, 201, res.body);
      deviceIds.set(imei, res.json().id);
    }
  });
  after(async () => gateways?.close());

  it('logs a fleet in and the gateway stores its 0x12 fixes on the demo rivers, at their UTC times', async () => {
    // The boats' clock runs from the server's test instant (09:00 China time, inside the shift).
    const base = t.clock.t;
    const realStart = Date.now();
    const now = () => base + (Date.now() - realStart);
    const boats = planFleet(
      DEMO_SEGMENT_LINES,
      IMEIS.map((identifier, i) => ({
        identifier,
        name: `模拟船G${i + 1}`,
        segmentCode: DEMO_SEGMENT_LINES[i]?.code ?? '',
      })),
      { shiftOf: () => parseShift('00:00-23:59'), blindChance: 0, jitterM: 2.5 },
    );
    const warnings: string[] = [];
    const fleet = startFleet(boats, {
      protocol: 'gt06',
      host: '127.0.0.1',
      port: gateways.gt06.port,
      intervalMs: 2000,
      ackTimeoutMs: 5000,
      log: { info() {}, warn: (m) => warnings.push(m) },
      now,
    });
    try {
      await until(() => fleet.stats().every((s) => s.online), 'every boat logged in');
      assert.equal(gateways.gt06.connections(), IMEIS.length);
      await until(async () => {
        for (const imei of IMEIS) if ((await track(imei, base, now() + 60_000)).length < 3) return false;
        return true;
      }, 'three fixes stored per boat');
    } finally {
      fleet.stop();
    }
    assert.deepEqual(warnings, []);
    const end = now();
    for (const [i, boat] of boats.entries()) {
      const items = await track(boat.identifier, base - 3_600_000, end + 3_600_000);
      assert.ok(items.length >= 3, `${items.length} positions of ${boat.identifier}`);
      const segment = DEMO_SEGMENT_LINES[i] ?? assert.fail('a segment per boat');
      for (const p of items) {
        const time = Date.parse(p.time);
        // UTC: a time read in another zone would lie hours away from the run.
        assert.ok(time >= base && time <= end, `${p.time} within the run`);
        assert.equal(time % 1000, 0);
        assert.ok(
          metresFromLine(p.lat, p.lon, segment.coordinates) <= segment.halfWidthM + 20,
          `${p.lat},${p.lon} on ${segment.code}`,
        );
        // Where the model puts the boat at that second (sampled within the second: a few metres).
        const model = sampleBoat(boat.plan, time) ?? assert.fail('on duty');
        assert.ok(haversineMeters(p.lat, p.lon, model.lat, model.lon) < 10, `${p.time} where the model is`);
        assert.ok(p.speed >= 0 && p.speed <= 15 && Number.isInteger(p.speed), `speed ${p.speed}`);
        assert.equal(p.blind, false);
        assert.equal(p.attributes.mcc, 460);
      }
    }
  });

  it('holds fixes through a blind spot and re-uploads them late as 0x22 with the re-upload flag', async () => {
    const [boat] = planFleet(
      DEMO_SEGMENT_LINES,
      [{ identifier: BLIND_IMEI, segmentCode: DEMO_SEGMENT_LINES[0]?.code ?? '' }],
      { shiftOf: () => parseShift('00:00-23:59'), blindChance: 1, jitterM: 2.5 },
    );
    const plan = boat?.plan as BoatPlan;
    let blindStart = Date.parse('2026-03-02T00:00:00Z');
    while (!inBlindSpot(plan, blindStart)) blindStart += 5000;
    let blindEnd = blindStart;
    while (inBlindSpot(plan, blindEnd)) blindEnd += 5000;
    const times: number[] = [];
    for (let at = blindStart - 60_000; at < blindEnd + 60_000; at += 20_000) times.push(at - (at % 1000));

    const uplink = gt06Uplink({
      host: '127.0.0.1',
      port: gateways.gt06.port,
      imei: BLIND_IMEI,
      ackTimeoutMs: 2000,
      retryAfterMs: 1000,
      locationProtocol: GT06_PROTOCOL.locationUtc,
      log: quiet,
    });
    const terminal = new SimTerminal(BLIND_IMEI, plan, uplink);
    terminal.prepare(times[0] ?? 0);
    await until(() => uplink.ready(), 'login');
    for (const [i, at] of times.entries()) {
      t.clock.t = at + 1500;
      terminal.tick(at);
      await until(() => terminal.stats().acked + terminal.stats().backlog === i + 1, `fix ${i} settled`);
    }
    const blindTimes = times.filter((x) => inBlindSpot(plan, x));
    assert.ok(blindTimes.length >= 5, `${blindTimes.length} fixes in the blind spot`);
    const stats = terminal.stats();
    assert.deepEqual(
      [stats.fixes, stats.acked, stats.reuploaded, stats.backlog],
      [times.length, times.length, blindTimes.length, 0],
    );
    const from = times[0] ?? 0;
    const to = times.at(-1) ?? 0;
    // No ack to wait for: the fixes are stored a moment after they were written.
    await until(async () => (await track(BLIND_IMEI, from, to)).length === times.length, 'every fix stored');
    terminal.stop();
    const items = await track(BLIND_IMEI, from, to);
    assert.deepEqual(
      items.map((p) => p.time),
      times.map((x) => new Date(x).toISOString()),
    );
    for (const [i, p] of items.entries()) {
      const at = times[i] ?? 0;
      const expected = locationOf(sampleBoat(plan, at) ?? assert.fail('on duty'), at);
      assert.ok(Math.abs(p.lat - expected.lat) <= COORDINATE_STEP, `lat of ${p.time}`);
      assert.ok(Math.abs(p.lon - expected.lon) <= COORDINATE_STEP, `lon of ${p.time}`);
      assert.deepEqual(
        [p.speed, p.course, p.blind, p.attributes.reupload, p.attributes.ignition],
        [
          Math.round(expected.speedKmh ?? 0),
          expected.course,
          inBlindSpot(plan, at),
          inBlindSpot(plan, at),
          expected.status?.acc,
        ],
      );
    }
  });

  it('reports an unknown IMEI, which the gateway disconnects without a login ack', async () => {
    const warnings: string[] = [];
    const uplink = gt06Uplink({
      host: '127.0.0.1',
      port: gateways.gt06.port,
      imei: UNKNOWN_IMEI,
      ackTimeoutMs: 5000,
      retryAfterMs: 60_000,
      log: { info() {}, warn: (m) => warnings.push(m) },
    });
    uplink.connect();
    await until(() => warnings.length > 0, 'the refusal reported');
    assert.match(
      warnings[0] ?? '',
      /^terminal 868120000000999 refused at login: the gateway closed the connection without an ack/,
    );
    assert.equal(uplink.ready(), false);
    assert.equal(await uplink.send([{ lat: 31.3, lon: 120.8, time: t.clock.t }], false), false);
    // Refused: it waits `retryAfterMs` before trying again, so ticks do not hammer the gateway.
    uplink.connect();
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(warnings.length, 1);
    await until(() => gateways.gt06.connections() === 0, 'the refused connection gone');
    uplink.close();
  });
});

/** A GT06 server of the test's own: acks logins, acks heartbeats only while `ackHeartbeats`. */
async function fakeGateway() {
  const connections: { messages: Gt06Message[]; socket: net.Socket }[] = [];
  const state = { ackHeartbeats: true };
  const server = net.createServer((socket) => {
    const framer = new Gt06Framer();
    const connection = { messages: [] as Gt06Message[], socket };
    connections.push(connection);
    socket.on('error', () => {});
    socket.on('data', (chunk) => {
      for (const result of framer.push(chunk)) {
        if (!result.ok) continue;
        const m = result.message;
        connection.messages.push(m);
        if (m.kind === 'login' || (m.kind === 'heartbeat' && state.ackHeartbeats))
          socket.write(encodeAck(m.protocol, m.serial));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    connections,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('GT06 uplink', () => {
  it('sends locations without waiting for an ack, beats, and logs in again after the connection is lost', async () => {
    const server = await fakeGateway();
    const warnings: string[] = [];
    const uplink = gt06Uplink({
      host: '127.0.0.1',
      port: server.port,
      imei: IMEIS[0] ?? '',
      ackTimeoutMs: 1500,
      heartbeatMs: 100,
      retryAfterMs: 200,
      log: { info() {}, warn: (m) => warnings.push(m) },
    });
    // The terminal's ticks: each asks to connect, which the uplink does only after its back-off.
    const ticker = setInterval(() => uplink.connect(), 20);
    try {
      await until(() => uplink.ready(), 'first login');
      const time = Date.parse('2026-03-02T01:00:00Z');
      const fixes = [0, 1].map((i) => ({
        lat: 31.3 + i * 1e-4,
        lon: 120.8,
        time: time + i * 5000,
        speedKmh: 6,
      }));
      // Nobody acks a location: it counts as sent once written.
      assert.equal(await uplink.send(fixes, false), true);
      const first = server.connections[0] ?? assert.fail('connected');
      await until(
        () => first.messages.filter((m) => m.kind === 'heartbeat').length >= 2,
        'heartbeats at the interval',
      );
      const kinds = first.messages.map((m) => m.kind);
      assert.deepEqual(kinds.slice(0, 2), ['login', 'heartbeat']);
      assert.deepEqual(
        first.messages.filter((m) => m.kind === 'location').map((m) => [m.protocol, m.position.time]),
        [
          [0x12, time],
          [0x12, time + 5000],
        ],
      );
      // Serial numbers count up from 1 on the connection.
      assert.deepEqual(
        first.messages.map((m) => m.serial),
        first.messages.map((_, i) => i + 1),
      );

      // The gateway goes away: the uplink notices and logs in again on a new connection.
      first.socket.destroy();
      await until(() => server.connections.length === 2 && uplink.ready(), 'second login');
      assert.match(warnings[0] ?? '', /connection closed by the gateway; reconnecting/);
      assert.equal(server.connections[1]?.messages[0]?.kind, 'login');

      // Heartbeats go unanswered (a half-open connection): it gives the connection up and starts again.
      server.state.ackHeartbeats = false;
      await until(() => server.connections.length === 3, 'third connection', 15_000);
      server.state.ackHeartbeats = true;
      await until(() => uplink.ready(), 'third login');
    } finally {
      clearInterval(ticker);
      uplink.close();
      for (const c of server.connections) c.socket.destroy();
      await server.close();
    }
  });
});
