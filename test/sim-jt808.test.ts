import assert from 'node:assert/strict';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { DEMO_SEGMENTS } from '../src/demo/segments.ts';
import { type Gateways, startGateways } from '../src/gateway/index.ts';
import {
  decodeFrame,
  encodeGeneralResponse,
  encodeHeartbeat,
  Jt808Framer,
} from '../src/protocols/jt808/index.ts';
import { Jt808Link } from '../src/sim/jt808-link.ts';
import { jt808Uplink } from '../src/sim/jt808-uplink.ts';
import { type BoatPlan, inBlindSpot, sampleBoat } from '../src/sim/model/boat.ts';
import { planFleet } from '../src/sim/model/fleet-plan.ts';
import { parseShift } from '../src/sim/model/shift.ts';
import { locationOf, SimTerminal } from '../src/sim/terminal.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';

const PHONE = '13900000001';
const quiet = { info() {}, warn() {} };

async function until(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const [boat] = planFleet(
  DEMO_SEGMENTS.map((s) => ({ ...s, coordinates: s.geometry.coordinates })),
  [{ identifier: PHONE, segmentCode: DEMO_SEGMENTS[0]?.code ?? '' }],
  { shiftOf: () => parseShift('00:00-23:59'), blindChance: 1, jitterM: 2.5 },
);
const plan = boat?.plan as BoatPlan;

forEachDialect('simulated boat over JT/T 808', (kind) => {
  const t = useTestApp(kind);
  let gateways: Gateways;
  let deviceId: string;
  before(async () => {
    gateways = await startGateways(t.app.platform, t.app.log, { jt808: 0, gt06: 0, osmand: 0 });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: await loginAs(t.app, 'operator'),
      payload: { name: '清波1号', protocol: 'jt808', identifier: PHONE, unitId: t.org.dept.id },
    });
    deviceId = res.json().id;
  });
  after(async () => gateways?.close());

  it('registers, reports live, holds fixes through a blind spot and re-uploads them as a 0x0704 type 1 batch', async () => {
    // Ticks every 20 s from two minutes before a blind spot to two minutes after it.
    let blindStart = Date.parse('2026-03-02T00:00:00Z');
    while (!inBlindSpot(plan, blindStart)) blindStart += 5000;
    let blindEnd = blindStart;
    while (inBlindSpot(plan, blindEnd)) blindEnd += 5000;
    const times: number[] = [];
    for (let at = blindStart - 120_000; at < blindEnd + 120_000; at += 20_000) times.push(at - (at % 1000));

    const uplink = jt808Uplink({
      host: '127.0.0.1',
      port: gateways.jt808.port,
      phone: PHONE,
      plate: '清波1号',
      ackTimeoutMs: 2000,
      retries: 2,
      retryAfterMs: 1000,
      log: quiet,
    });
    const terminal = new SimTerminal(PHONE, plan, uplink);
    terminal.prepare(times[0] ?? 0);
    await until(() => uplink.ready(), 'registration and authentication');
    for (const [i, at] of times.entries()) {
      t.clock.t = at + 1500;
      terminal.tick(at);
      const held = times.slice(0, i + 1).filter((x) => inBlindSpot(plan, x)).length;
      await until(() => terminal.stats().acked + terminal.stats().backlog === i + 1, `fix ${i} settled`);
      if (!inBlindSpot(plan, at))
        await until(() => terminal.stats().acked === i + 1, `fix ${i} acknowledged`);
      else assert.ok(terminal.stats().backlog > 0 && held > 0);
    }
    const stats = terminal.stats();
    const blindTimes = times.filter((x) => inBlindSpot(plan, x));
    assert.ok(blindTimes.length >= 5, `${blindTimes.length} fixes in the blind spot`);
    assert.deepEqual(
      [stats.fixes, stats.acked, stats.reuploaded, stats.backlog],
      [times.length, times.length, blindTimes.length, 0],
    );
    terminal.stop();

    const track = await t.app.inject({
      url: `/api/positions?deviceId=${deviceId}&from=${new Date(times[0] ?? 0).toISOString()}&to=${new Date(times.at(-1) ?? 0).toISOString()}`,
      headers: await loginAs(t.app, 'operator'),
    });
    const items = track.json().items as {
      time: string;
      lat: number;
      lon: number;
      speed: number;
      blind: boolean;
    }[];
    assert.deepEqual(
      items.map((p) => p.time),
      times.map((x) => new Date(x).toISOString()),
    );
    for (const [i, p] of items.entries()) {
      const at = times[i] ?? 0;
      const expected = locationOf(sampleBoat(plan, at) ?? assert.fail('on duty'), at);
      assert.deepEqual(
        [p.lat, p.lon, p.speed, p.blind],
        [expected.lat, expected.lon, expected.speedKmh, inBlindSpot(plan, at)],
      );
    }
  });
});

describe('JT/T 808 terminal link', () => {
  it('sends a message again when the platform does not answer in time, with the same serial', async () => {
    const seen: number[] = [];
    const server = net.createServer((socket) => {
      const framer = new Jt808Framer();
      socket.on('data', (chunk) => {
        for (const f of framer.push(chunk)) {
          const d = f.ok ? decodeFrame(f.frame) : undefined;
          if (!d?.ok) continue;
          seen.push(d.message.header.serial);
          // Answer only the second copy, as if the first reply had been lost.
          if (seen.length === 2) socket.write(encodeGeneralResponse(d.message.header, 1, 0));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const link = await Jt808Link.open({
      host: '127.0.0.1',
      port,
      phone: PHONE,
      ackTimeoutMs: 100,
      retries: 2,
    });
    const started = Date.now();
    const reply = await link.request((h) => encodeHeartbeat(h));
    assert.deepEqual(
      [reply.msgId, reply.replyMsgId, reply.replySerial, reply.result],
      [0x8001, 0x0002, 1, 0],
    );
    assert.deepEqual(seen, [1, 1]);
    assert.ok(Date.now() - started >= 100);
    // Nobody answers this one: it is sent 1 + 2 times, then given up.
    await assert.rejects(
      link.request((h) => encodeHeartbeat(h)),
      /no reply to serial 2 after 3 sends/,
    );
    assert.deepEqual(seen, [1, 1, 2, 2, 2]);
    link.close();
    await link.closed;
    await assert.rejects(
      link.request((h) => encodeHeartbeat(h)),
      /connection closed/,
    );
    server.close();
  });
});
