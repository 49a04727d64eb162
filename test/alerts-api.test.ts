// The alert rules' API (admins manage, scoped reads, params checked per kind) and the alerts'
// lifecycle (list with filters and cursor, acknowledge, resolve, 409 for a wrong state, crew see
// their own boat's), with episodes raised by the live engine from positions and its clock.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import type { Device } from '../src/store/devices.repository.ts';
import { findDevice } from '../src/store/devices.repository.ts';
import { useTestApp } from './helpers/app.ts';
import { useFleetWorld } from './helpers/crews.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { openLiveFeed } from './helpers/live-feed.ts';
import { bj, sessions, useOrderWorld } from './helpers/orders.ts';

const iso = (local: string) => new Date(bj(local)).toISOString();

forEachDialect('alert rules and alerts API', (kind) => {
  const t = useTestApp(kind);
  const w = useFleetWorld(t);
  const orders = useOrderWorld(t);
  const as = sessions(t);
  const devices = {} as Record<'b1' | 'b2', Device>;

  const req = async (
    user: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, headers: await as(user), ...(payload && { payload }) });
  const ok = async (
    user: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
  ) => {
    const res = await req(user, method, url, payload);
    assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? undefined : res.json();
  };

  /** Positions as the ingest stores them, one a minute, `north`° off the river (0.00072° ≈ 80 m). */
  async function drive(
    device: Device,
    from: string,
    n: number,
    north: number,
    extra: Record<string, unknown> = {},
  ) {
    const fixes = Array.from({ length: n }, (_, i) => ({
      time: bj(from) + i * 60_000,
      lat: 31.3 + north,
      lon: 120.905 + i * 0.0003,
      speedKmh: 3,
      course: 90,
      altitude: 0,
      valid: true,
      attributes: extra,
    }));
    await t.app.platform.ingest.ingest(device, fixes, { protocol: 'osmand' });
    await t.app.platform.alerts.idle();
  }

  before(async () => {
    t.clock.t = bj('2026-03-02 06:00');
    const weekly = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '06:30', end: '17:30' }));
    await ok('admin', 'PUT', `/api/units/${w.contractor}/shifts`, { weekly });
    for (const b of ['b1', 'b2'] as const) {
      const d = await ok('admin', 'POST', '/api/devices', {
        name: `终端${b}`,
        protocol: 'osmand',
        identifier: `alerts-${b}`,
        assetId: w.boats[b],
      });
      devices[b] = (await findDevice(t.store.db, d.id)) as Device;
    }
  });

  it('admins create rules; params are checked per kind with a 400 naming the field; others may not manage', async () => {
    const base = { name: '偏离', kind: 'outOfSegment', unitId: w.contractor, assetKinds: ['boat'] };
    for (const [params, field] of [
      [{ minutes: 0 }, 'body.params.minutes'],
      [{ minutes: 2.5 }, 'body.params.minutes'],
      [{}, 'body.params.minutes'],
      [{ minutes: 5, ratio: 0.5 }, 'body.params.ratio'],
      [{ minutes: 5, marginM: -1 }, 'body.params.marginM'],
    ] as const) {
      const res = await req('admin', 'POST', '/api/alert-rules', { ...base, params });
      assert.equal(res.statusCode, 400, JSON.stringify(params));
      assert.deepEqual(
        [res.json().error.code, res.json().error.details?.field],
        ['VALIDATION_FAILED', field],
      );
    }
    const badKind = await req('admin', 'POST', '/api/alert-rules', { ...base, kind: 'fire', params: {} });
    assert.equal(badKind.statusCode, 400);
    const coverage = await req('admin', 'POST', '/api/alert-rules', {
      ...base,
      kind: 'lowCoverage',
      params: { ratio: 1.2 },
    });
    assert.equal(coverage.json().error.details?.field, 'body.params.ratio');
    const noCategory = await req('admin', 'POST', '/api/alert-rules', {
      ...base,
      params: { minutes: 5 },
      openOrder: { categoryId: 'nope', stage: 'before' },
    });
    assert.deepEqual([noCategory.statusCode, noCategory.json().error.code], [404, 'CATEGORY_NOT_FOUND']);
    const forbidden = await req('operator', 'POST', '/api/alert-rules', { ...base, params: { minutes: 5 } });
    assert.equal(forbidden.statusCode, 403);

    const rule = await ok('admin', 'POST', '/api/alert-rules', {
      ...base,
      params: { minutes: 1 },
      openOrder: { categoryId: orders.categories.get('河道漂浮垃圾'), stage: 'before' },
    });
    assert.deepEqual(
      [rule.kind, rule.params, rule.enabled, rule.openOrder?.stage],
      ['outOfSegment', { minutes: 1, marginM: 0 }, true, 'before'],
    );
    const patched = await ok('admin', 'PATCH', `/api/alert-rules/${rule.id}`, {
      params: { minutes: 10, marginM: 10 },
    });
    assert.deepEqual(patched.params, { minutes: 10, marginM: 10 });
    const badPatch = await req('admin', 'PATCH', `/api/alert-rules/${rule.id}`, { params: { minutes: 0 } });
    assert.equal(badPatch.json().error.details?.field, 'body.params.minutes');
    await ok('admin', 'POST', '/api/alert-rules', {
      name: '离线',
      kind: 'offline',
      params: { minutes: 15 },
      unitId: w.contractor,
    });
    await ok('admin', 'POST', '/api/alert-rules', {
      name: 'SOS',
      kind: 'deviceAlarm',
      params: { bits: ['sos'] },
      unitId: w.contractor,
    });
  });

  it('reads rules in scope: the contractor’s staff see its rules, a community sees none, an unknown id is 404', async () => {
    const staff = await ok('riverStaff', 'GET', '/api/alert-rules');
    assert.deepEqual(staff.items.map((r: { name: string }) => r.name).sort(), ['SOS', '偏离', '离线']);
    assert.equal((await ok('commA1', 'GET', '/api/alert-rules')).total, 0);
    const id = staff.items[0].id;
    const hidden = await req('commA1', 'GET', `/api/alert-rules/${id}`);
    assert.deepEqual([hidden.statusCode, hidden.json().error.code], [404, 'ALERT_RULE_NOT_FOUND']);
  });

  it('raises episodes from positions and the clock: a drift (with its order), an SOS, a boat gone silent', async () => {
    t.clock.t = bj('2026-03-02 09:40');
    await drive(devices.b1, '2026-03-02 09:00', 5, 0);
    await drive(devices.b1, '2026-03-02 09:05', 12, 0.00072);
    await drive(devices.b1, '2026-03-02 09:17', 3, 0);
    await drive(devices.b2, '2026-03-02 09:00', 3, 0);
    await drive(devices.b2, '2026-03-02 09:03', 2, 0, { alarm: 1 });
    await drive(devices.b2, '2026-03-02 09:05', 1, 0);
    // b2 is silent from 09:05: the clock at 09:40 finds it offline since then; b1 since 09:19.
    await t.app.platform.alerts.tick();
    const all = await ok('operator', 'GET', '/api/alerts');
    const byKind = (k: string, asset: string) =>
      all.items.filter((a: { kind: string; assetId: string }) => a.kind === k && a.assetId === asset);
    const [drift] = byKind('outOfSegment', w.boats.b1);
    assert.deepEqual(
      [drift.startedAt, drift.endedAt, drift.status],
      [iso('2026-03-02 09:05'), iso('2026-03-02 09:17'), 'open'],
    );
    assert.ok(drift.orderId);
    const [sos] = byKind('deviceAlarm', w.boats.b2);
    assert.deepEqual([sos.startedAt, sos.endedAt], [iso('2026-03-02 09:03'), iso('2026-03-02 09:05')]);
    const [silent] = byKind('offline', w.boats.b2);
    assert.deepEqual([silent.startedAt, silent.endedAt], [iso('2026-03-02 09:05'), null]);
    const [silentB1] = byKind('offline', w.boats.b1);
    assert.equal(silentB1.startedAt, iso('2026-03-02 09:19'));
    assert.equal(all.items.length, 4);
    // A tick later raises nothing new: each episode opens once.
    t.clock.t = bj('2026-03-02 09:45');
    await t.app.platform.alerts.tick();
    assert.equal((await ok('operator', 'GET', '/api/alerts')).items.length, 4);
    // The next fix ends b2's offline episode.
    await drive(devices.b2, '2026-03-02 09:44', 1, 0);
    const [back] = (await ok('operator', 'GET', `/api/alerts?kind=offline&assetId=${w.boats.b2}`)).items;
    assert.equal(back.endedAt, iso('2026-03-02 09:44'));
  });

  it('lists by status, kind, asset, unit and time, a page at a time', async () => {
    const q = async (query: string) => (await ok('operator', 'GET', `/api/alerts?${query}`)).items.length;
    assert.equal(await q(`assetId=${w.boats.b2}`), 2);
    assert.equal(await q('kind=deviceAlarm'), 1);
    assert.equal(await q(`unitId=${w.contractor}`), 4);
    assert.equal(await q(`unitId=${t.org.a1.id}`), 0);
    assert.equal(await q(`from=${iso('2026-03-02 09:04')}&to=${iso('2026-03-02 09:10')}`), 2);
    const first = await ok('operator', 'GET', '/api/alerts?limit=3');
    assert.equal(first.items.length, 3);
    const second = await ok(
      'operator',
      'GET',
      `/api/alerts?limit=3&cursor=${encodeURIComponent(first.nextCursor)}`,
    );
    assert.equal(second.items.length, 1);
    assert.equal(second.nextCursor, undefined);
    const bad = await req('operator', 'GET', '/api/alerts?from=2026-03-03T00:00:00Z&to=2026-03-02T00:00:00Z');
    assert.deepEqual([bad.statusCode, bad.json().error.code], [400, 'TIME_RANGE_INVALID']);
  });

  it('acknowledge then resolve with a note; a wrong state is 409; resolving by hand leaves the order', async () => {
    const [drift] = (await ok('operator', 'GET', '/api/alerts?kind=outOfSegment')).items;
    t.clock.t = bj('2026-03-02 10:00');
    const acked = await ok('riverStaff', 'POST', `/api/alerts/${drift.id}/acknowledge`);
    assert.deepEqual(
      [acked.status, acked.acknowledgedBy, acked.acknowledgedAt],
      ['acknowledged', w.users.riverStaff, iso('2026-03-02 10:00')],
    );
    const again = await req('riverStaff', 'POST', `/api/alerts/${drift.id}/acknowledge`);
    assert.deepEqual([again.statusCode, again.json().error.code], [409, 'ALERT_STATE_WRONG']);
    const noNote = await req('operator', 'POST', `/api/alerts/${drift.id}/resolve`, {});
    assert.equal(noNote.statusCode, 400);
    const resolved = await ok('operator', 'POST', `/api/alerts/${drift.id}/resolve`, { note: '已返回河段' });
    assert.deepEqual([resolved.status, resolved.note], ['resolved', '已返回河段']);
    const twice = await req('operator', 'POST', `/api/alerts/${drift.id}/resolve`, { note: 'x' });
    assert.deepEqual([twice.statusCode, twice.json().error.code], [409, 'ALERT_STATE_WRONG']);
    const order = await ok('operator', 'GET', `/api/orders/${drift.orderId}`);
    assert.deepEqual([order.status, order.alertId, order.assetIds], ['dispatched', drift.id, [w.boats.b1]]);
  });

  it('crew see their own boat’s alerts only; out of scope is answered as unknown', async () => {
    const crew3 = await ok('crew3', 'GET', '/api/alerts');
    assert.deepEqual([...new Set(crew3.items.map((a: { assetId: string }) => a.assetId))], [w.boats.b2]);
    const [b1Alert] = (await ok('operator', 'GET', `/api/alerts?assetId=${w.boats.b1}&kind=offline`)).items;
    const crew = await req('crew3', 'POST', `/api/alerts/${b1Alert.id}/acknowledge`);
    assert.deepEqual([crew.statusCode, crew.json().error.code], [404, 'ALERT_NOT_FOUND']);
    const community = await req('commA1', 'POST', `/api/alerts/${b1Alert.id}/acknowledge`);
    assert.deepEqual([community.statusCode, community.json().error.code], [404, 'ALERT_NOT_FOUND']);
    assert.equal((await ok('commA1', 'GET', '/api/alerts')).items.length, 0);
  });

  it('on the live feed a crew member hears of its own boat’s alerts only', async () => {
    const crew1 = await openLiveFeed(t.app, await as('crew1'));
    const crew3 = await openLiveFeed(t.app, await as('crew3'));
    try {
      t.clock.t = bj('2026-03-02 10:30');
      await drive(devices.b2, '2026-03-02 10:20', 2, 0, { alarm: 1 });
      const heard = await crew3.next((m) => m.type === 'alert' && m.data.change === 'opened');
      assert.equal(heard.data.assetId, w.boats.b2);
      await drive(devices.b1, '2026-03-02 10:20', 2, 0, { alarm: 1 });
      const own = await crew1.next((m) => m.type === 'alert' && m.data.change === 'opened');
      assert.equal(own.data.assetId, w.boats.b1);
      // b2's alert came first: crew1 heard its own and nothing of b2's.
      assert.deepEqual(
        crew1.messages.filter((m) => m.type === 'alert').map((m) => m.data.assetId),
        [w.boats.b1],
      );
    } finally {
      crew1.close();
      crew3.close();
    }
  });

  it('a disabled rule raises nothing; a deleted one neither, and its alerts stay', async () => {
    const rules = (await ok('admin', 'GET', '/api/alert-rules')).items as { id: string; kind: string }[];
    const sos = rules.find((r) => r.kind === 'deviceAlarm');
    await ok('admin', 'PATCH', `/api/alert-rules/${sos?.id}`, { enabled: false });
    t.clock.t = bj('2026-03-02 11:00');
    await drive(devices.b2, '2026-03-02 10:50', 3, 0, { alarm: 1 });
    assert.equal((await ok('operator', 'GET', '/api/alerts?kind=deviceAlarm')).items.length, 3);
    await ok('admin', 'DELETE', `/api/alert-rules/${sos?.id}`);
    assert.equal((await ok('operator', 'GET', '/api/alerts?kind=deviceAlarm')).items.length, 3);
  });
});
