import assert from 'node:assert/strict';
import { it } from 'node:test';
import { useTestApp } from './helpers/app.ts';
import { useFleetWorld } from './helpers/crews.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { bj, sessions } from './helpers/orders.ts';

const iso = (ms: number) => new Date(ms).toISOString();

forEachDialect('rubbish unloads', (kind) => {
  const t = useTestApp(kind);
  const w = useFleetWorld(t);
  const as = sessions(t);

  const log = async (user: string, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/unloads', headers: await as(user), payload });
  const list = async (user: string, query = '') => {
    const res = await t.app.inject({ url: `/api/unloads?${query}`, headers: await as(user) });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  it('takes a crew member’s unload for their own boat, at the dock whose radius holds the point', async () => {
    t.clock.t = bj('2026-03-02 12:00');
    const res = await log('crew1', {
      assetId: w.boats.b1,
      at: '2026-03-02T11:00:00+08:00',
      tonnes: 0.8,
      lat: 31.3002,
      lon: 120.9,
    });
    assert.equal(res.statusCode, 201, res.body);
    const u = res.json();
    assert.deepEqual(
      [u.assetId, u.at, u.tonnes, u.dockId, u.lat, u.lon, u.recordedBy, u.createdAt],
      [
        w.boats.b1,
        iso(bj('2026-03-02 11:00')),
        0.8,
        w.dock,
        31.3002,
        120.9,
        w.users.crew1,
        iso(bj('2026-03-02 12:00')),
      ],
    );
    // 2 km from any dock: no dock recorded, the point kept.
    const away = await log('crew1', {
      assetId: w.boats.b1,
      at: '2026-03-02T11:30:00+08:00',
      tonnes: 0.5,
      lat: 31.32,
      lon: 120.9,
    });
    assert.deepEqual([away.json().dockId, away.json().lat], [null, 31.32]);
  });

  it('keeps tonnes within 0 < t ≤ 20 and the time within the last 7 days (400)', async () => {
    for (const tonnes of [0, -1, 20.01, 100]) {
      const res = await log('operator', { assetId: w.boats.b2, at: '2026-03-02T10:00:00+08:00', tonnes });
      assert.equal(res.statusCode, 400, String(tonnes));
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    }
    const full = await log('operator', {
      assetId: w.boats.b2,
      at: '2026-03-02T10:00:00+08:00',
      tonnes: 20,
      dockId: w.dock,
    });
    assert.equal(full.statusCode, 201);
    assert.deepEqual([full.json().tonnes, full.json().dockId, full.json().lat], [20, w.dock, null]);
    for (const at of ['2026-03-02T12:10:00+08:00', '2026-02-23T11:00:00+08:00']) {
      const res = await log('operator', { assetId: w.boats.b2, at, tonnes: 1 });
      assert.equal(res.statusCode, 400, at);
      assert.equal(res.json().error.code, 'EVENT_TIME_INVALID');
    }
    const halfPoint = await log('operator', {
      assetId: w.boats.b2,
      at: '2026-03-02T10:00:00+08:00',
      tonnes: 1,
      lat: 31.3,
    });
    assert.equal(halfPoint.statusCode, 400);
    const noAt = await log('operator', { assetId: w.boats.b2, tonnes: 1 });
    assert.equal(noAt.statusCode, 400);
  });

  it('lets crew log their own boat only, contractor staff their scope’s boats, and refuses other roles', async () => {
    const at = '2026-03-02T09:00:00+08:00';
    const other = await log('crew1', { assetId: w.boats.b2, at, tonnes: 1 });
    assert.equal(other.statusCode, 403);
    assert.match(other.json().error.message, /own boat only \("清波1号"\)/);
    const unlinked = await log('crewless', { assetId: w.boats.b1, at, tonnes: 1 });
    assert.equal(unlinked.statusCode, 409);
    assert.equal(unlinked.json().error.code, 'NOT_ON_A_BOAT');
    const staff = await log('riverStaff', { assetId: w.boats.b2, at, tonnes: 1.2, dockId: w.dock });
    assert.equal(staff.statusCode, 201, staff.body);
    assert.equal(staff.json().recordedBy, w.users.riverStaff);
    const green = await log('green', { assetId: w.boats.b1, at, tonnes: 1 });
    assert.equal(green.statusCode, 404, 'another department does not see the contractor’s boats');
    assert.equal(green.json().error.code, 'ASSET_NOT_FOUND');
    for (const user of ['leader', 'commA1', 'resident', 'gridA1']) {
      assert.equal((await log(user, { assetId: w.boats.b1, at, tonnes: 1 })).statusCode, 403, user);
    }
    const crewAsset = await log('operator', { assetId: w.crew.c1, at, tonnes: 1 });
    assert.equal(crewAsset.statusCode, 422);
    assert.equal(crewAsset.json().error.code, 'ASSET_KIND_WRONG');
  });

  it('lists unloads newest first with their count and tonnes, by boat, unit and time, within scope', async () => {
    const all = await list('operator');
    assert.equal(all.total, 4);
    assert.equal(all.totalTonnes, 22.5);
    assert.deepEqual(
      all.items.map((u: { at: string; tonnes: number }) => [u.at, u.tonnes]),
      [
        [iso(bj('2026-03-02 11:30')), 0.5],
        [iso(bj('2026-03-02 11:00')), 0.8],
        [iso(bj('2026-03-02 10:00')), 20],
        [iso(bj('2026-03-02 09:00')), 1.2],
      ],
    );
    const b1 = await list('leader', `assetId=${w.boats.b1}&unitId=${w.contractor}`);
    assert.deepEqual([b1.total, b1.totalTonnes], [2, 1.3]);
    const morning = await list('operator', 'from=2026-03-02T09:30:00%2B08:00&to=2026-03-02T11:00:00%2B08:00');
    assert.deepEqual(
      morning.items.map((u: { tonnes: number }) => u.tonnes),
      [20],
    );
    const own = await list('crew3');
    assert.deepEqual([own.total, own.totalTonnes], [2, 21.2]);
    assert.equal(
      (await t.app.inject({ url: `/api/unloads?assetId=${w.boats.b1}`, headers: await as('crew3') }))
        .statusCode,
      403,
    );
    assert.equal((await list('commA1')).total, 0);
    const hidden = await t.app.inject({
      url: `/api/unloads?unitId=${w.contractor}`,
      headers: await as('commA1'),
    });
    assert.equal(hidden.statusCode, 404);
    const hiddenBoat = await t.app.inject({
      url: `/api/unloads?assetId=${w.boats.b1}`,
      headers: await as('commA1'),
    });
    assert.equal(hiddenBoat.statusCode, 404);
    assert.equal(
      (await t.app.inject({ url: '/api/unloads', headers: await as('resident') })).statusCode,
      403,
    );
    const backwards = await t.app.inject({
      url: '/api/unloads?from=2026-03-02T12:00:00Z&to=2026-03-01T00:00:00Z',
      headers: await as('operator'),
    });
    assert.equal(backwards.statusCode, 400);
    assert.equal(backwards.json().error.code, 'TIME_RANGE_INVALID');
  });

  it('pages with limit and nextCursor', async () => {
    const seen: number[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const res = await list('operator', `limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...res.items.map((u: { tonnes: number }) => u.tonnes));
      assert.equal(res.total, 4);
      if (!res.nextCursor) break;
      cursor = res.nextCursor;
    }
    assert.deepEqual(seen, [0.5, 0.8, 20, 1.2]);
    const bad = await t.app.inject({ url: '/api/unloads?cursor=nonsense', headers: await as('operator') });
    assert.equal(bad.statusCode, 400);
  });
});
