import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { type Gateways, startGateways } from '../src/gateway/index.ts';
import { osmandUplink } from '../src/sim/osmand-uplink.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';

const quiet = { info() {}, warn() {} };

forEachDialect('simulated phone over OsmAnd HTTP', (kind) => {
  const t = useTestApp(kind);
  let gateways: Gateways;
  before(async () => {
    gateways = await startGateways(t.app.platform, t.app.log, { jt808: 0, gt06: 0, osmand: 0 });
  });
  after(async () => gateways?.close());

  it('reports fixes as GETs that the gateway stores, and says when the device is unknown', async () => {
    const operator = await loginAs(t.app, 'operator');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: operator,
      payload: { name: '模拟船1号', protocol: 'osmand', identifier: 'sim-boat-1', unitId: t.org.dept.id },
    });
    const target = { host: '127.0.0.1', port: gateways.osmand.port, timeoutMs: 2000, log: quiet };
    const time = Date.parse('2026-03-02T00:59:00Z');
    const fixes = [0, 1].map((i) => ({
      lat: 31.301234 + i * 1e-4,
      lon: 120.812345,
      time: time + i * 5000,
      speedKmh: 6.5,
      course: 95,
      altitude: 3,
      satellites: 9,
    }));
    assert.equal(await osmandUplink({ ...target, identifier: 'sim-boat-1' }).send(fixes, false), true);
    assert.equal(await osmandUplink({ ...target, identifier: 'sim-boat-2' }).send(fixes, false), false);

    const track = await t.app.inject({
      url: `/api/positions?deviceId=${created.json().id}&from=2026-03-02T00:58:00Z&to=2026-03-02T01:00:00Z`,
      headers: operator,
    });
    assert.deepEqual(
      track
        .json()
        .items.map((p: { time: string; lat: number; lon: number; speed: number; course: number }) => [
          p.time,
          p.lat,
          p.lon,
          Math.round(p.speed * 10) / 10,
          p.course,
        ]),
      [
        ['2026-03-02T00:59:00.000Z', 31.301234, 120.812345, 6.5, 95],
        ['2026-03-02T00:59:05.000Z', 31.301334, 120.812345, 6.5, 95],
      ],
    );
  });
});
