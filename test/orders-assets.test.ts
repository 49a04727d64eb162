import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { localProjection, unproject } from '../src/domain/fleet/planar.ts';
import { createUser } from '../src/services/users/index.ts';
import { insertPositions, type StoredPosition, upsertLatest } from '../src/store/positions.repository.ts';
import { PASSWORD, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { reportAndDispatch } from './helpers/order-flow.ts';
import { actAs, bj, IN_A1_GRID1, sessions, storedPhoto, useOrderWorld } from './helpers/orders.ts';

// Boats on a work order (issue 12, parts 4 and 5): the boats sent with a dispatch or changed by
// the holding unit (事中), where they are and when they may arrive, and the field check of their
// tracks before verifying (事后), recorded with the verify.
forEachDialect('boats on work orders and the field check', (kind) => {
  const t = useTestApp(kind);
  const world = useOrderWorld(t);
  const as = sessions(t);
  const iso = (local: string) => new Date(bj(local)).toISOString();
  const plane = localProjection(IN_A1_GRID1.lat, IN_A1_GRID1.lon);
  const boats = {} as { b1: string; b2: string; power: string };
  const devices = {} as { b1: string; b2: string };

  async function post(user: string, url: string, payload: object) {
    const res = await t.app.inject({ method: 'POST', url, headers: await as(user), payload });
    assert.ok(res.statusCode < 300, `${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  before(async () => {
    t.org.users.office = await createUser(
      { db: t.store.db, now: t.clock.now },
      {
        username: 'office',
        password: PASSWORD,
        displayName: '调度',
        role: 'department',
        unitId: world.contractor.id,
      },
    );
    const boat = async (code: string, unitId: string) =>
      (await post('operator', '/api/assets', { kind: 'boat', code, name: `船${code}`, unitId })).id as string;
    boats.b1 = await boat('B1', world.contractor.id);
    boats.b2 = await boat('B2', world.contractor.id);
    boats.power = await boat('P1', world.power.id);
    const device = async (identifier: string, assetId: string) =>
      (
        await post('operator', '/api/devices', {
          name: `终端${identifier}`,
          protocol: 'osmand',
          identifier,
          unitId: world.contractor.id,
          assetId,
        })
      ).id as string;
    devices.b1 = await device('boat-b1', boats.b1);
    devices.b2 = await device('boat-b2', boats.b2);
  });

  /** Fixes x metres east and y north of the order's point, at Beijing times, 12 km/h. */
  async function track(deviceId: string, fixes: [string, number, number][]) {
    const rows: StoredPosition[] = fixes.map(([local, x, y]) => ({
      deviceId,
      time: Date.parse(`${local.replace(' ', 'T')}+08:00`),
      serverTime: Date.parse(`${local.replace(' ', 'T')}+08:00`) + 500,
      ...unproject(plane, x, y),
      speed: 12,
      course: 90,
      altitude: 0,
      valid: true,
      flags: 0,
      attributes: {},
    }));
    await insertPositions(t.store.db, rows);
    await upsertLatest(t.store.db, rows.slice(-1));
  }

  const dispatch = (at: string, body: object) =>
    reportAndDispatch(t, as, {
      at: bj(at),
      categoryId: world.categories.get('暴露垃圾') ?? '',
      ...IN_A1_GRID1,
      dispatch: { unitId: world.contractor.id, ...body },
    });

  async function attempt(user: string, at: string, id: string, action: string, body: object = {}) {
    t.clock.t = bj(at);
    return actAs(t, await as(user), id, action, body);
  }
  async function act(user: string, at: string, id: string, action: string, body: object = {}) {
    const res = await attempt(user, at, id, action, body);
    assert.equal(res.statusCode, 200, `${user} ${action}: ${res.body}`);
    return res.json();
  }
  const get = async (user: string, url: string) => t.app.inject({ url, headers: await as(user) });

  describe('naming the boats (事中)', () => {
    it('takes the boats with the dispatch, on the order and in the event', async () => {
      const { id } = await dispatch('2026-03-02 09:00', { assetIds: [boats.b1] });
      const order = (await get('operator', `/api/orders/${id}`)).json();
      assert.deepEqual(order.assetIds, [boats.b1]);
      const events = (await get('operator', `/api/orders/${id}/events`)).json().items;
      assert.deepEqual(events.at(-1).data.assetIds, [boats.b1]);
    });

    it('refuses unknown boats (404) and boats of another unit (400), naming the field', async () => {
      t.clock.t = bj('2026-03-02 09:00');
      const created = await post('operator', '/api/orders', {
        categoryId: world.categories.get('暴露垃圾'),
        ...IN_A1_GRID1,
        description: '暴露垃圾',
      });
      const id = created.order.id;
      await act('operator', '2026-03-02 09:05', id, 'register');
      const unknown = await attempt('operator', '2026-03-02 09:10', id, 'dispatch', {
        unitId: world.contractor.id,
        assetIds: ['01900000-0000-7000-8000-000000000000'],
      });
      assert.equal(unknown.statusCode, 404, unknown.body);
      assert.deepEqual(
        [unknown.json().error.code, unknown.json().error.details.field],
        ['ASSET_NOT_FOUND', 'body.assetIds.0'],
      );
      const foreign = await attempt('operator', '2026-03-02 09:10', id, 'dispatch', {
        unitId: world.contractor.id,
        assetIds: [boats.b1, boats.power],
      });
      assert.equal(foreign.statusCode, 400, foreign.body);
      assert.deepEqual(
        [foreign.json().error.code, foreign.json().error.details.field],
        ['ASSET_NOT_IN_UNIT', 'body.assetIds.1'],
      );
      const twice = await attempt('operator', '2026-03-02 09:10', id, 'dispatch', {
        unitId: world.contractor.id,
        assetIds: [boats.b1, boats.b1],
      });
      assert.equal(twice.statusCode, 400, twice.body);
      assert.equal(twice.json().error.code, 'VALIDATION_FAILED');
      const subTask = await attempt('operator', '2026-03-02 09:10', id, 'dispatch', {
        unitId: world.power.id,
        subTasks: [{ unitId: world.contractor.id, task: '清理', assetIds: [boats.power] }],
      });
      assert.equal(subTask.statusCode, 400, subTask.body);
      assert.deepEqual(
        [subTask.json().error.code, subTask.json().error.details.field],
        ['ASSET_NOT_IN_UNIT', 'body.subTasks.0.assetIds.0'],
      );
      const ok = await act('operator', '2026-03-02 09:10', id, 'dispatch', {
        unitId: world.power.id,
        assetIds: [boats.power],
        subTasks: [{ unitId: world.contractor.id, task: '清理', assetIds: [boats.b2] }],
      });
      assert.deepEqual(ok.order.assetIds, [boats.power]);
      assert.deepEqual(ok.order.subTasks[0].assetIds, [boats.b2]);
    });

    it('lets the holding unit (its office or crew) and the centre change the boats, nobody else', async () => {
      const { id } = await dispatch('2026-03-03 09:00', { assetIds: [boats.b1] });
      const byOffice = await act('office', '2026-03-03 09:40', id, 'assignAssets', { assetIds: [boats.b2] });
      assert.deepEqual(byOffice.order.assetIds, [boats.b2]);
      assert.deepEqual(
        [byOffice.event.action, byOffice.event.fromState, byOffice.event.toState, byOffice.event.data],
        ['assignAssets', 'dispatched', 'dispatched', { assetIds: [boats.b2], previousAssetIds: [boats.b1] }],
      );
      const byCrew = await act('crew', '2026-03-03 09:45', id, 'assignAssets', {
        assetIds: [boats.b1, boats.b2],
      });
      assert.deepEqual(byCrew.order.assetIds, [boats.b1, boats.b2]);
      const byCentre = await act('operator', '2026-03-03 09:50', id, 'assignAssets', { assetIds: [] });
      assert.deepEqual(byCentre.order.assetIds, []);
      // The office may not send boats it cannot see (another unit's): unknown to it.
      const foreign = await attempt('office', '2026-03-03 09:55', id, 'assignAssets', {
        assetIds: [boats.power],
      });
      assert.deepEqual([foreign.statusCode, foreign.json().error.code], [404, 'ASSET_NOT_FOUND']);
      const byCentreForeign = await attempt('operator', '2026-03-03 09:55', id, 'assignAssets', {
        assetIds: [boats.power],
      });
      assert.deepEqual(
        [byCentreForeign.statusCode, byCentreForeign.json().error.code],
        [400, 'ASSET_NOT_IN_UNIT'],
      );
      const missing = await attempt('office', '2026-03-03 09:55', id, 'assignAssets', {});
      assert.deepEqual([missing.statusCode, missing.json().error.code], [400, 'VALIDATION_FAILED']);
      // A unit not holding the order: the power department does not see it; a leader may not act.
      const power = await attempt('power', '2026-03-03 09:55', id, 'assignAssets', { assetIds: [] });
      assert.deepEqual([power.statusCode, power.json().error.code], [404, 'ORDER_NOT_FOUND']);
      const leader = await attempt('leader', '2026-03-03 09:55', id, 'assignAssets', { assetIds: [] });
      assert.deepEqual([leader.statusCode, leader.json().error.code], [403, 'FORBIDDEN']);
      const view = (await get('office', `/api/orders/${id}`)).json();
      assert.ok(view.allowedActions.includes('assignAssets'));
      // After feedback the boats are history: no more changes.
      await act('office', '2026-03-03 10:00', id, 'sign');
      await act('office', '2026-03-03 10:05', id, 'startHandling');
      await act('office', '2026-03-03 10:10', id, 'feedback', { photos: [await storedPhoto(t, 'office')] });
      const late = await attempt('office', '2026-03-03 10:15', id, 'assignAssets', { assetIds: [boats.b1] });
      assert.deepEqual([late.statusCode, late.json().error.code], [409, 'TRANSITION_NOT_ALLOWED']);
    });
  });

  describe('where the boats are (事中) and the field check (事后)', () => {
    let id = '';
    it('shows the sent boats with distance and arrival while the order is handled', async () => {
      // Dispatched at 10:00 with b1; at 10:30 the office sends b2 instead.
      id = (await dispatch('2026-03-04 09:30', { assetIds: [boats.b1] })).id;
      await act('office', '2026-03-04 10:10', id, 'sign');
      await act('office', '2026-03-04 10:15', id, 'startHandling');
      // b2 passes right over the point at 10:20, before it is sent: that does not count.
      await track(devices.b2, [
        ['2026-03-04 10:19:30', -100, 0],
        ['2026-03-04 10:20:00', 0, 5],
        ['2026-03-04 10:20:30', 100, 0],
      ]);
      await act('office', '2026-03-04 10:30', id, 'assignAssets', { assetIds: [boats.b2] });
      // Heading back west, 25 m north of the point, a fix every 30 s 100 m apart (12 km/h).
      await track(devices.b2, [
        ['2026-03-04 10:40:00', 1250, 25],
        ['2026-03-04 10:40:30', 1150, 25],
        ['2026-03-04 10:41:00', 1050, 25],
      ]);
      t.clock.t = bj('2026-03-04 10:41');
      const res = await get('office', `/api/orders/${id}/assets`);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual([body.handling, body.assigned, body.radiusM, body.items.length], [true, true, 30, 1]);
      const b2 = body.items[0];
      assert.deepEqual(
        [b2.assetId, b2.code, b2.assigned, b2.position.at],
        [boats.b2, 'B2', true, iso('2026-03-04 10:41')],
      );
      assert.ok(Math.abs(b2.distanceM - 1050) <= 1, `${b2.distanceM} m`);
      assert.equal(b2.speedKmh, 12);
      // 1,050 m at 12 km/h: 315 s.
      assert.equal(b2.etaSeconds, 315);
      assert.equal(b2.etaAt, new Date(bj('2026-03-04 10:41') + 315_000).toISOString());
    });

    it('checks the track from the latest assignAssets to now while not fed back', async () => {
      await track(devices.b2, [
        ['2026-03-04 10:41:30', 950, 25],
        ['2026-03-04 10:45:00', 50, 25],
        ['2026-03-04 10:45:30', -50, 25],
        ['2026-03-04 10:46:00', -150, 25],
      ]);
      t.clock.t = bj('2026-03-04 10:50');
      const res = await get('operator', `/api/orders/${id}/field-check`);
      assert.equal(res.statusCode, 200, res.body);
      const check = res.json();
      assert.deepEqual(
        [check.from, check.to, check.closed, check.reached, check.radiusM],
        [iso('2026-03-04 10:30'), iso('2026-03-04 10:50'), false, true, 30],
      );
      const b2 = check.assets[0];
      assert.equal(check.assets.length, 1);
      assert.deepEqual(
        [b2.assetId, b2.reached, b2.trackFrom, b2.trackTo],
        [boats.b2, true, iso('2026-03-04 10:40'), iso('2026-03-04 10:46')],
      );
      assert.ok(Math.abs(b2.closestM - 25) <= 0.2, `${b2.closestM} m`);
      // Closest half-way between the fixes at x=50 (10:45:00) and x=-50 (10:45:30).
      assert.equal(b2.closestAt, '2026-03-04T02:45:15.000Z');
      assert.ok(b2.firstWithinAt > '2026-03-04T02:45:00.000Z' && b2.firstWithinAt < b2.closestAt);
      assert.equal(b2.track.length, 7);
      const narrow = (await get('operator', `/api/orders/${id}/field-check?radiusM=20`)).json();
      assert.deepEqual([narrow.reached, narrow.radiusM, narrow.assets[0].firstWithinAt], [false, 20, null]);
    });

    it('ends the window at the feedback, stores the answer once and records it with the verify', async () => {
      await act('office', '2026-03-04 11:00', id, 'feedback', { photos: [await storedPhoto(t, 'office')] });
      // After the feedback the boat sits on the point: that does not count either.
      await track(devices.b2, [['2026-03-04 11:10:00', 0, 0]]);
      t.clock.t = bj('2026-03-04 11:20');
      const first = (await get('gridA1', `/api/orders/${id}/field-check`)).json();
      assert.deepEqual([first.to, first.closed, first.reached], [iso('2026-03-04 11:00'), true, true]);
      assert.ok(Math.abs(first.assets[0].closestM - 25) <= 0.2);
      // Read once: the stored answer serves even once the positions are gone.
      await t.store.db.deleteFrom('positions').where('device_id', '=', devices.b2).execute();
      const again = (await get('operator', `/api/orders/${id}/field-check`)).json();
      assert.deepEqual(again, first);
      const verified = await act('gridA1', '2026-03-04 11:30', id, 'verify', { passed: true });
      assert.equal(verified.order.status, 'verified');
      const data = verified.event.data;
      assert.equal(data.passed, true);
      assert.deepEqual([data.fieldCheck.reached, data.fieldCheck.radiusM], [true, 30]);
      assert.ok(Math.abs(data.fieldCheck.closestM - 25) <= 0.2);
    });

    it('is scoped like the order: hidden orders answer as unknown ones, residents may not ask', async () => {
      for (const url of [`/api/orders/${id}/field-check`, `/api/orders/${id}/assets`]) {
        const hidden = await get('power', url);
        assert.deepEqual([hidden.statusCode, hidden.json().error.code], [404, 'ORDER_NOT_FOUND']);
        const resident = await get('resident', url);
        assert.deepEqual([resident.statusCode, resident.json().error.code], [403, 'FORBIDDEN']);
      }
      const bad = await get('operator', `/api/orders/${id}/field-check?radiusM=0`);
      assert.deepEqual([bad.statusCode, bad.json().error.code], [400, 'VALIDATION_FAILED']);
    });

    it('considers the handling unit’s boats when none were named, and records nothing without boats', async () => {
      const { id: plain } = await dispatch('2026-03-05 09:00', {});
      const check = (await get('operator', `/api/orders/${plain}/field-check`)).json();
      assert.deepEqual(
        check.assets.map((a: { code: string; assigned: boolean }) => [a.code, a.assigned]).sort(),
        [
          ['B1', false],
          ['B2', false],
        ],
      );
      const assets = (await get('office', `/api/orders/${plain}/assets`)).json();
      assert.deepEqual([assets.assigned, assets.items.length], [false, 2]);
      // Dispatched to a unit with no boats: the verify records no field check.
      t.clock.t = bj('2026-03-05 10:00');
      const created = await post('operator', '/api/orders', {
        categoryId: world.categories.get('暴露垃圾'),
        ...IN_A1_GRID1,
        description: '无船',
      });
      const other = created.order.id;
      await act('operator', '2026-03-05 10:05', other, 'register');
      await act('operator', '2026-03-05 10:10', other, 'dispatch', { unitId: t.org.dept.id });
      await act('green', '2026-03-05 10:20', other, 'sign');
      await act('green', '2026-03-05 10:25', other, 'startHandling');
      await act('green', '2026-03-05 10:30', other, 'feedback', { photos: [await storedPhoto(t, 'green')] });
      const verified = await act('operator', '2026-03-05 10:40', other, 'verify', { passed: true });
      assert.deepEqual(verified.event.data, { passed: true });
    });
  });
});
