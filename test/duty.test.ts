import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { findDevice } from '../src/store/devices.repository.ts';
import { useTestApp } from './helpers/app.ts';
import { useFleetWorld } from './helpers/crews.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { ingestTrack } from './helpers/fleet.ts';
import { bj, sessions, storedPhoto } from './helpers/orders.ts';

const iso = (ms: number) => new Date(ms).toISOString();

forEachDialect('duty: clock-ins and the day’s duty', (kind) => {
  const t = useTestApp(kind);
  const w = useFleetWorld(t);
  const as = sessions(t);

  const clockIn = async (user: string, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/duty/clock-in', headers: await as(user), payload });
  const clockOut = async (user: string, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/duty/clock-out', headers: await as(user), payload });
  const duty = async (user: string, query: string) => {
    const res = await t.app.inject({
      url: `/api/duty?${query}`,
      headers: await as(user),
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  before(async () => {
    // Monday 2 March 2026, 09:00 in Shanghai.
    t.clock.t = bj('2026-03-02 09:00');
    // The contractor's boats work Monday to Friday, 06:30–17:30.
    const plan = { weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '06:30', end: '17:30' })) };
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/units/${w.contractor}/shifts`,
      headers: await as('admin'),
      payload: plan,
    });
    assert.equal(res.statusCode, 200, res.body);
    for (const [boat, identifier] of [
      [w.boats.b1, 'duty-b1'],
      [w.boats.b2, 'duty-b2'],
    ] as const) {
      const dev = await t.app.inject({
        method: 'POST',
        url: '/api/devices',
        headers: await as('admin'),
        payload: { name: identifier, protocol: 'osmand', identifier, assetId: boat },
      });
      assert.equal(dev.statusCode, 201, dev.body);
      const device = await findDevice(t.store.db, dev.json().id);
      assert.ok(device);
      if (boat === w.boats.b1) {
        // 07:00 at the dock, then east along the river to 09:00, a fix every 10 min.
        const points = Array.from({ length: 13 }, (_, i) => [31.3, 120.9 + (0.01 * i) / 12] as const);
        await ingestTrack(t.app, device, bj('2026-03-02 09:00'), points);
      } else {
        // b2's terminal reports once at 08:50, during the shift; its crew never clocks in.
        await ingestTrack(t.app, device, bj('2026-03-02 08:50'), [[31.3, 120.915]]);
      }
    }
  });

  it('takes a clock-in queued on a phone two hours ago, at the dock: 11 m away, flagged queued', async () => {
    const res = await clockIn('crew1', { lat: 31.3001, lon: 120.9, at: '2026-03-02T07:00:00+08:00' });
    assert.equal(res.statusCode, 201, res.body);
    const e = res.json();
    assert.deepEqual(
      [e.kind, e.memberId, e.assetId, e.at, e.recordedAt, e.lat, e.lon, e.distanceM, e.flags],
      [
        'in',
        w.crew.c1,
        w.boats.b1,
        iso(bj('2026-03-02 07:00')),
        iso(bj('2026-03-02 09:00')),
        31.3001,
        120.9,
        11,
        ['queued'],
      ],
    );
  });

  it('accepts a clock-in 2.2 km from the boat’s position and the dock, flagged farFromBoat', async () => {
    const photoId = await storedPhoto(t, w.users.crew2 as string);
    const res = await clockIn('crew2', { lat: 31.32, lon: 120.91, photoId });
    assert.equal(res.statusCode, 201, res.body);
    const e = res.json();
    assert.deepEqual(
      [e.at, e.flags, e.photoId, e.assetId],
      [iso(bj('2026-03-02 09:00')), ['farFromBoat'], photoId, w.boats.b1],
    );
    // 0.02° of latitude north of the boat's 09:00 fix at (31.30, 120.91).
    assert.ok(Math.abs(e.distanceM - 2224) <= 2, `${e.distanceM} m`);
  });

  it('refuses a queued time in the future or more than 24 h old (400), and a photo that is not yours (404)', async () => {
    for (const at of ['2026-03-02T09:10:00+08:00', '2026-03-01T08:59:00+08:00']) {
      const res = await clockIn('crew3', { lat: 31.3, lon: 120.9, at });
      assert.equal(res.statusCode, 400, at);
      assert.equal(res.json().error.code, 'EVENT_TIME_INVALID');
      assert.match(res.json().error.message, /in the future|more than 24 hours ago/);
    }
    const bad = await clockIn('crew3', { lat: 31.3, lon: 120.9, at: 'this morning' });
    assert.equal(bad.statusCode, 400);
    const notTheirs = await storedPhoto(t, 'operator');
    const photo = await clockIn('crew3', { lat: 31.3, lon: 120.9, photoId: notTheirs });
    assert.equal(photo.statusCode, 404);
    assert.equal(photo.json().error.code, 'ATTACHMENT_NOT_FOUND');
    const lat = await clockIn('crew3', { lat: 95, lon: 120.9 });
    assert.equal(lat.statusCode, 400);
  });

  it('lets only a crew user linked to a crew member on a boat clock in', async () => {
    const unlinked = await clockIn('crewless', { lat: 31.3, lon: 120.9 });
    assert.equal(unlinked.statusCode, 409);
    assert.equal(unlinked.json().error.code, 'NOT_ON_A_BOAT');
    const operator = await clockIn('operator', { lat: 31.3, lon: 120.9 });
    assert.equal(operator.statusCode, 403);
  });

  it('flags a clock-out with no clock-in', async () => {
    const res = await clockOut('crew3', { lat: 31.3, lon: 120.9 });
    assert.equal(res.statusCode, 201);
    assert.deepEqual(res.json().flags, ['notClockedIn']);
  });

  it('answers the day: b1 from its crew’s first clock-in to last clock-out, b2 derived from its shift', async () => {
    t.clock.t = bj('2026-03-02 17:30');
    assert.equal((await clockOut('crew1', { lat: 31.3, lon: 120.9 })).statusCode, 201);
    t.clock.t = bj('2026-03-02 17:35');
    const out = await clockOut('crew2', { lat: 31.3, lon: 120.9 });
    assert.deepEqual(out.json().flags, []);
    const day = await duty('operator', 'date=2026-03-02');
    assert.equal(day.date, '2026-03-02');
    const b1 = day.boats.find((b: { assetId: string }) => b.assetId === w.boats.b1);
    assert.deepEqual(
      [b1.source, b1.onDutyFrom, b1.onDutyTo, b1.crewOnDuty],
      ['clock', iso(bj('2026-03-02 07:00')), iso(bj('2026-03-02 17:35')), 2],
    );
    const b2 = day.boats.find((b: { assetId: string }) => b.assetId === w.boats.b2);
    assert.deepEqual(
      [b2.source, b2.onDutyFrom, b2.onDutyTo, b2.crewOnDuty],
      ['derived', iso(bj('2026-03-02 06:30')), iso(bj('2026-03-02 17:30')), null],
    );
    const people = Object.fromEntries(day.people.map((p: { name: string }) => [p.name, p])) as Record<
      string,
      { assetId: string; clockIn: string | null; clockOut: string | null; flags: string[] }
    >;
    assert.deepEqual(Object.keys(people), ['张一', '李二', '王三']);
    assert.deepEqual(
      [people.张一?.assetId, people.张一?.clockIn, people.张一?.clockOut, people.张一?.flags],
      [w.boats.b1, iso(bj('2026-03-02 07:00')), iso(bj('2026-03-02 17:30')), ['queued']],
    );
    assert.deepEqual(
      [people.李二?.clockIn, people.李二?.clockOut, people.李二?.flags],
      [iso(bj('2026-03-02 09:00')), iso(bj('2026-03-02 17:35')), ['farFromBoat']],
    );
    assert.deepEqual(
      [people.王三?.assetId, people.王三?.clockIn, people.王三?.clockOut],
      [w.boats.b2, null, null],
    );
  });

  it('derives no duty for a boat that did not report during its shift, or on a day without one', async () => {
    for (const date of ['2026-03-03', '2026-03-07']) {
      const b2 = (await duty('operator', `date=${date}`)).boats.find(
        (b: { assetId: string }) => b.assetId === w.boats.b2,
      );
      assert.deepEqual([b2.source, b2.onDutyFrom, b2.onDutyTo], ['derived', null, null], date);
    }
  });

  it('counts a night shift’s clock-out the next morning to the day it began, not the next day’s clock-in', async () => {
    t.clock.t = bj('2026-03-03 22:00');
    assert.equal((await clockIn('crew3', { lat: 31.3, lon: 120.915 })).statusCode, 201);
    t.clock.t = bj('2026-03-04 06:00');
    assert.equal((await clockOut('crew3', { lat: 31.3, lon: 120.9 })).statusCode, 201);
    t.clock.t = bj('2026-03-04 21:00');
    assert.equal((await clockIn('crew3', { lat: 31.3, lon: 120.9 })).statusCode, 201);
    const b2 = (await duty('operator', 'date=2026-03-03')).boats.find(
      (b: { assetId: string }) => b.assetId === w.boats.b2,
    );
    assert.deepEqual(
      [b2.source, b2.onDutyFrom, b2.onDutyTo, b2.crewOnDuty],
      ['clock', iso(bj('2026-03-03 22:00')), iso(bj('2026-03-04 06:00')), 1],
    );
    // Today: still on duty since 21:00, until now.
    t.clock.t = bj('2026-03-04 23:00');
    const today = (await duty('operator', '')).boats.find(
      (b: { assetId: string }) => b.assetId === w.boats.b2,
    );
    assert.deepEqual(
      [today.onDutyFrom, today.onDutyTo],
      [iso(bj('2026-03-04 21:00')), iso(bj('2026-03-04 23:00'))],
    );
  });

  it('reads duty within scope: a crew user their own boat, others their scope, unitId under it', async () => {
    const own = await duty('crew1', 'date=2026-03-02');
    assert.deepEqual(
      own.boats.map((b: { assetId: string }) => b.assetId),
      [w.boats.b1],
    );
    assert.deepEqual(
      own.people.map((p: { name: string }) => p.name),
      ['张一', '李二'],
    );
    const leader = await duty('leader', `date=2026-03-02&unitId=${w.contractor}`);
    assert.equal(leader.boats.length, 2);
    const commA1 = await duty('commA1', 'date=2026-03-02');
    assert.deepEqual([commA1.boats, commA1.people], [[], []]);
    const hidden = await t.app.inject({
      url: `/api/duty?unitId=${w.contractor}`,
      headers: await as('commA1'),
    });
    assert.equal(hidden.statusCode, 404);
    assert.equal(hidden.json().error.code, 'UNIT_NOT_FOUND');
    assert.equal((await t.app.inject({ url: '/api/duty', headers: await as('resident') })).statusCode, 403);
    for (const date of ['2026-02-30', 'yesterday']) {
      const res = await t.app.inject({ url: `/api/duty?date=${date}`, headers: await as('operator') });
      assert.equal(res.statusCode, 400, `${date} ${res.body}`);
    }
  });
});
