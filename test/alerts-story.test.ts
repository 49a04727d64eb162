// Issue 12's story over real JT/T 808 frames: a boat drifts out of its segment for longer than
// the rule allows → one outOfSegment alert, pushed live → an order (source alert, stage before)
// lands at the contractor with the boat as its asset → the contractor sends the boat, its track
// reaches the order's point, it feeds back with a photo → the field check says the boat was there
// and the verify records it → closed → the alert is resolved → the contractor's indicators count
// the order. A second drift is a second episode; one noisy fix raises nothing;
// a blind-spot batch replaying an old drift raises nothing.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { localProjection, unproject } from '../src/domain/fleet/planar.ts';
import { type Gateways, startGateways } from '../src/gateway/index.ts';
import {
  encodeAuth,
  encodeBatch,
  encodeLocationReport,
  encodeRegister,
} from '../src/protocols/jt808/index.ts';
import { useTestApp } from './helpers/app.ts';
import { useFleetWorld } from './helpers/crews.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { connectTerminal } from './helpers/jt808-terminal.ts';

type TestTerminal = Awaited<ReturnType<typeof connectTerminal>>;

import { type LiveFeed, type LiveMessage, openLiveFeed } from './helpers/live-feed.ts';
import { bj, sessions, storedPhoto, useOrderWorld } from './helpers/orders.ts';

const PHONE = '013900000812';
/** 0.00072° of latitude ≈ 80 m: north of the river, outside its 30 m half-width + 10 m margin. */
const OFF = 0.00072;
const iso = (local: string) => new Date(bj(local)).toISOString();

interface Fix {
  time: number;
  lat: number;
  lon: number;
}

/** One fix a minute from a Beijing time for `n` minutes, moving east 30 m a minute, `north`° off the river. */
function minutes(from: string, n: number, north: number, lon0 = 120.905): Fix[] {
  return Array.from({ length: n }, (_, i) => ({
    time: bj(from) + i * 60_000,
    lat: Math.round((31.3 + north) * 1e6) / 1e6,
    lon: Math.round((lon0 + i * 0.0003) * 1e6) / 1e6,
  }));
}

forEachDialect('alerts end to end: a drift raises an order that closes the alert', (kind) => {
  const t = useTestApp(kind);
  const w = useFleetWorld(t);
  const orders = useOrderWorld(t);
  const as = sessions(t);
  let gateways: Gateways;
  let terminal: TestTerminal;
  let serial = 1;
  let acks = 0;
  let staff: LiveFeed;
  let ruleId = '';

  const call = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: await as(user), payload });
    assert.ok(
      res.statusCode >= 200 && res.statusCode < 300,
      `${method} ${url}: ${res.statusCode} ${res.body}`,
    );
    return res.json();
  };
  const header = () => ({ edition: '2013' as const, phone: PHONE, serial: serial++ });

  /** Sends fixes one frame each and waits for their acks and for the rules to have seen them. */
  async function send(fixes: readonly Fix[]): Promise<void> {
    for (const p of fixes) {
      terminal.send(
        encodeLocationReport(header(), {
          ...p,
          speedKmh: 2,
          course: 90,
          altitude: 2,
          status: { fixed: true },
        }),
      );
    }
    acks += fixes.length;
    await terminal.waitFor(acks, 20_000);
    await t.app.platform.alerts.idle();
  }

  const alertsOfBoat = async () =>
    (await call('operator', 'GET', `/api/alerts?assetId=${w.boats.b1}`)).items as Record<string, unknown>[];
  const opened = (m: LiveMessage) => m.type === 'alert' && m.data.change === 'opened';

  before(async () => {
    gateways = await startGateways(t.app.platform, t.app.log, { jt808: 0, gt06: 0, osmand: 0 });
    t.clock.t = bj('2026-03-02 06:00');
    const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '06:30', end: '17:30' }));
    await call('admin', 'PUT', `/api/units/${w.contractor}/shifts`, { weekly });
    await call('admin', 'POST', '/api/devices', {
      name: '清波1号北斗',
      protocol: 'jt808',
      identifier: PHONE,
      assetId: w.boats.b1,
    });
    ruleId = (
      await call('admin', 'POST', '/api/alert-rules', {
        name: '偏离责任河段',
        kind: 'outOfSegment',
        params: { minutes: 10, marginM: 10 },
        unitId: w.contractor,
        assetKinds: ['boat'],
        openOrder: { categoryId: orders.categories.get('河道漂浮垃圾'), stage: 'before' },
      })
    ).id;
    staff = await openLiveFeed(t.app, await as('riverStaff'));
    terminal = await connectTerminal(gateways.jt808.port);
    terminal.send(
      encodeRegister(header(), {
        province: 32,
        city: 508,
        makerId: 'ZS001',
        model: 'BOAT-GPS',
        terminalId: 'T0812',
        plateColor: 0,
        plate: '苏E·清波1',
      }),
    );
    const [registered] = await terminal.waitFor(1);
    terminal.send(encodeAuth(header(), { code: registered?.authCode ?? '' }));
    await terminal.waitFor(2);
    acks = 2;
  });
  after(async () => {
    staff?.close();
    terminal?.close();
    await gateways?.close();
  });

  it('a drift of 15 minutes opens one alert at its first fix, pushed live to the contractor, and raises an order at the contractor', async () => {
    t.clock.t = bj('2026-03-02 09:30');
    const drift = minutes('2026-03-02 09:05', 15, OFF);
    await send([
      ...minutes('2026-03-02 09:00', 5, 0),
      ...drift,
      ...minutes('2026-03-02 09:20', 5, 0, 120.9095),
    ]);

    const live = await staff.next(opened);
    assert.equal(live.data.kind, 'outOfSegment');
    assert.equal(live.data.assetId, w.boats.b1);
    const items = await alertsOfBoat();
    assert.equal(items.length, 1);
    const alert = items[0] as Record<string, unknown>;
    assert.deepEqual(
      [alert.kind, alert.ruleId, alert.startedAt, alert.endedAt, alert.lat, alert.lon, alert.status],
      [
        'outOfSegment',
        ruleId,
        iso('2026-03-02 09:05'),
        iso('2026-03-02 09:20'),
        drift[0]?.lat,
        drift[0]?.lon,
        'open',
      ],
    );
    assert.equal(live.data.id, alert.id);
    assert.equal(live.data.orderId, alert.orderId);
    await staff.next((m) => m.type === 'alert' && m.data.change === 'ended' && m.data.id === alert.id);

    const order = await call('riverStaff', 'GET', `/api/orders/${alert.orderId}`);
    assert.deepEqual(
      [order.source, order.stage, order.status, order.responsibleUnitId, order.alertId],
      ['alert', 'before', 'dispatched', w.contractor, alert.id],
    );
    assert.deepEqual([order.lat, order.lon], [drift[0]?.lat, drift[0]?.lon]);
    assert.equal(order.categoryId, orders.categories.get('河道漂浮垃圾'));
    // Dispatched with the alerting boat as its asset.
    assert.deepEqual(order.assetIds, [w.boats.b1]);

    // The contractor's staff and the centre find it in their inbox too.
    const inbox = await call('riverStaff', 'GET', '/api/notifications');
    assert.ok(
      inbox.items.some(
        (n: { kind: string; data: { alertId?: string } }) =>
          n.kind === 'alert' && n.data.alertId === alert.id,
      ),
    );
  });

  it('the contractor sends the boat, its track reaches the point, the field check and the verify say so; closed, the order resolves its alert and the contractor’s indicators count it', async () => {
    const [alert] = await alertsOfBoat();
    const orderId = String(alert?.orderId);
    t.clock.t = bj('2026-03-02 10:00');
    await call('riverStaff', 'POST', `/api/orders/${orderId}/actions/sign`, {});
    const assigned = await call('riverStaff', 'POST', `/api/orders/${orderId}/actions/assignAssets`, {
      assetIds: [w.boats.b1],
    });
    assert.deepEqual(assigned.order.assetIds, [w.boats.b1]);
    await call('riverStaff', 'POST', `/api/orders/${orderId}/actions/startHandling`, {});

    // The boat heads north off the river to the order's point: 90 m short of it at 10:10,
    // 10 m short at 10:11 (the line between crosses 30 m at 10:10:45), back on the river at 10:13.
    const order = await call('riverStaff', 'GET', `/api/orders/${orderId}`);
    const plane = localProjection(order.lat, order.lon);
    const at = (local: string, y: number): Fix => {
      const p = unproject(plane, 0, y);
      return { time: bj(local), lat: Math.round(p.lat * 1e6) / 1e6, lon: Math.round(p.lon * 1e6) / 1e6 };
    };
    t.clock.t = bj('2026-03-02 10:30');
    await send([
      at('2026-03-02 10:05', -90),
      at('2026-03-02 10:10', -90),
      at('2026-03-02 10:11', -10),
      at('2026-03-02 10:13', -90),
      at('2026-03-02 10:20', -90),
    ]);

    const photo = await storedPhoto(t, w.users.riverStaff ?? '');
    t.clock.t = bj('2026-03-02 10:40');
    await call('riverStaff', 'POST', `/api/orders/${orderId}/actions/feedback`, {
      photos: [photo],
      note: '已捞除',
    });
    const check = await call('operator', 'GET', `/api/orders/${orderId}/field-check`);
    assert.deepEqual(
      [check.from, check.to, check.closed, check.reached, check.radiusM, check.assets.length],
      [iso('2026-03-02 10:00'), iso('2026-03-02 10:40'), true, true, 30, 1],
    );
    const boat = check.assets[0];
    assert.deepEqual(
      [boat.assetId, boat.reached, boat.closestAt],
      [w.boats.b1, true, iso('2026-03-02 10:11')],
    );
    assert.ok(Math.abs(boat.closestM - 10) <= 0.2 && boat.closestM <= check.radiusM, `${boat.closestM} m`);
    // Fixes are stored to 1e-6°: the crossing is 10:10:45 to well within a second.
    assert.ok(
      Math.abs(Date.parse(boat.firstWithinAt) - (bj('2026-03-02 10:10') + 45_000)) < 500,
      `first within ${boat.firstWithinAt}`,
    );
    assert.deepEqual([boat.trackFrom, boat.trackTo], [iso('2026-03-02 10:05'), iso('2026-03-02 10:20')]);

    t.clock.t = bj('2026-03-02 11:00');
    const verified = await call('operator', 'POST', `/api/orders/${orderId}/actions/verify`, {
      passed: true,
    });
    const recorded = verified.event.data.fieldCheck;
    assert.deepEqual([recorded.reached, recorded.radiusM, recorded.closestM], [true, 30, boat.closestM]);
    await call('operator', 'POST', `/api/orders/${orderId}/actions/close`, {});

    const resolved = await staff.next(
      (m) => m.type === 'alert' && m.data.change === 'resolved' && m.data.id === alert?.id,
    );
    assert.equal(resolved.data.status, 'resolved');
    const [after] = await alertsOfBoat();
    assert.deepEqual(
      [after?.status, after?.resolvedAt, after?.resolvedBy],
      ['resolved', iso('2026-03-02 11:00'), t.org.users.operator?.id],
    );
    const figures = await call(
      'operator',
      'GET',
      `/api/indicators?unitId=${w.contractor}&from=${iso('2026-03-01 00:00')}&to=${iso('2026-03-03 00:00')}`,
    );
    assert.deepEqual([figures.indicators.registered, figures.indicators.closed], [1, 1]);
  });

  it('a second drift the same day is a second episode; one noisy fix outside raises nothing', async () => {
    t.clock.t = bj('2026-03-02 12:00');
    await send([
      ...minutes('2026-03-02 11:30', 2, 0),
      ...minutes('2026-03-02 11:32', 12, OFF),
      ...minutes('2026-03-02 11:44', 2, 0),
    ]);
    const noisy = minutes('2026-03-02 11:46', 20, 0);
    noisy[5] = { ...(noisy[5] as Fix), lat: 31.3 + 5 * OFF };
    await send(noisy);
    const items = await alertsOfBoat();
    assert.deepEqual(
      items.map((a) => [a.startedAt, a.endedAt]),
      [
        [iso('2026-03-02 11:32'), iso('2026-03-02 11:44')],
        [iso('2026-03-02 09:05'), iso('2026-03-02 09:20')],
      ],
    );
  });

  it('a blind-spot batch replaying an old drift raises nothing', async () => {
    terminal.send(
      encodeBatch(header(), {
        blindSpot: true,
        locations: minutes('2026-03-02 07:00', 20, OFF).map((p) => ({ ...p, status: { fixed: true } })),
      }),
    );
    acks += 1;
    await terminal.waitFor(acks, 20_000);
    await t.app.platform.alerts.idle();
    assert.equal((await alertsOfBoat()).length, 2);
  });
});
