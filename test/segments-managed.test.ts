import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { newId } from '../src/ids.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';

// River segments managed through the API (one suite per file: forEachDialect's suites are async).
forEachDialect('river segments managed', (kind) => {
  const t = useTestApp(kind);
  let admin: Record<string, string>;
  const line = (lon: number, lat = 31.3) => ({
    type: 'LineString',
    coordinates: [
      [lon, lat],
      [lon + 0.005, lat + 0.001],
      [lon + 0.01, lat],
    ],
  });

  async function post(payload: object, headers = admin) {
    return t.app.inject({ method: 'POST', url: '/api/segments', headers, payload });
  }

  before(async () => {
    admin = await loginAs(t.app, 'admin');
  });

  it('creates a LineString segment and reads it back by id, WGS-84 as given', async () => {
    const res = await post({
      code: 'R-A1',
      name: '内河A1段',
      geometry: line(120.8),
      halfWidthM: 25,
      unitId: t.org.a1.id,
    });
    assert.equal(res.statusCode, 201, res.body);
    const got = await t.app.inject({
      url: `/api/segments/${res.json().id}`,
      headers: await loginAs(t.app, 'commA1'),
    });
    assert.equal(got.statusCode, 200);
    assert.deepEqual(got.json(), {
      id: res.json().id,
      code: 'R-A1',
      name: '内河A1段',
      geometry: line(120.8),
      halfWidthM: 25,
      unitId: t.org.a1.id,
    });
  });

  it('takes a MultiLineString of several reaches', async () => {
    const geometry = {
      type: 'MultiLineString',
      coordinates: [
        [
          [120.84, 31.3],
          [120.845, 31.3],
        ],
        [
          [120.845, 31.3],
          [120.845, 31.305],
        ],
      ],
    };
    const res = await post({
      code: 'R-B',
      name: '二网格片河段',
      geometry,
      halfWidthM: 15,
      unitId: t.org.areaB.id,
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(res.json().geometry, geometry);
  });

  it('answers 400 INVALID_GEOMETRY naming what is wrong with the line', async () => {
    const cases: [unknown, RegExp][] = [
      [
        { type: 'LineString', coordinates: [[120.8, 31.3]] },
        /geometry.coordinates has 1 position\(s\); a line needs at least 2/,
      ],
      [
        {
          type: 'LineString',
          coordinates: [
            [120.8, 31.3],
            [120.81, 95],
          ],
        },
        /geometry.coordinates\[1\] latitude 95 is outside -90..90/,
      ],
      [
        {
          type: 'LineString',
          coordinates: [
            [200, 31.3],
            [120.81, 31.3],
          ],
        },
        /longitude 200 is outside -180..180/,
      ],
      [
        {
          type: 'Polygon',
          coordinates: [
            [
              [0, 0],
              [1, 0],
              [1, 1],
              [0, 0],
            ],
          ],
        },
        /type must be "LineString" or "MultiLineString", not "Polygon"/,
      ],
      [
        {
          type: 'LineString',
          coordinates: [
            [120.8, 31.3],
            [120.81, 31.3],
            [120.81, 31.31],
            [120.805, 31.29],
          ],
        },
        /crosses itself/,
      ],
      ['LINESTRING(120.8 31.3, 120.81 31.3)', /must be a GeoJSON LineString or MultiLineString/],
    ];
    for (const [geometry, message] of cases) {
      const res = await post({ code: 'R-BAD', name: 'bad', geometry, halfWidthM: 10 });
      assert.equal(res.statusCode, 400, JSON.stringify(geometry));
      assert.equal(res.json().error.code, 'INVALID_GEOMETRY');
      assert.match(res.json().error.message, message);
    }
    const noGeometry = await post({ code: 'R-BAD', name: 'bad', halfWidthM: 10 });
    assert.equal(noGeometry.statusCode, 400);
    assert.equal(noGeometry.json().error.code, 'VALIDATION_FAILED');
    const noWidth = await post({ code: 'R-BAD', name: 'bad', geometry: line(120.8), halfWidthM: 0 });
    assert.equal(noWidth.statusCode, 400);
  });

  it('refuses a taken code (409), an unknown unit (404) and roles that do not manage segments (403)', async () => {
    const taken = await post({ code: 'R-A1', name: 'again', geometry: line(120.8), halfWidthM: 10 });
    assert.equal(taken.statusCode, 409);
    assert.equal(taken.json().error.code, 'SEGMENT_CODE_TAKEN');
    const unit = await post({
      code: 'R-X',
      name: 'x',
      geometry: line(120.8),
      halfWidthM: 10,
      unitId: newId(),
    });
    assert.equal(unit.statusCode, 404);
    assert.equal(unit.json().error.code, 'UNIT_NOT_FOUND');
    const byOperator = await post(
      { code: 'R-OP', name: '值班员建的', geometry: line(120.82), halfWidthM: 10, unitId: t.org.a2.id },
      await loginAs(t.app, 'operator'),
    );
    assert.equal(byOperator.statusCode, 201);
    for (const user of ['commA1', 'leader', 'green']) {
      const res = await post(
        { code: 'R-NO', name: 'x', geometry: line(120.8), halfWidthM: 10 },
        await loginAs(t.app, user),
      );
      assert.equal(res.statusCode, 403, user);
    }
  });

  it('answers a segment outside the scope like an unknown one; one held by nobody only to the whole organisation', async () => {
    const none = await post({ code: 'R-NONE', name: '无主河段', geometry: line(120.88), halfWidthM: 10 });
    assert.equal(none.statusCode, 201);
    const b = (await t.app.inject({ url: '/api/segments', headers: admin }))
      .json()
      .items.find((s: { code: string }) => s.code === 'R-B');
    for (const [user, id, status] of [
      ['commA1', b.id, 404],
      ['commA1', none.json().id, 404],
      ['commA1', newId(), 404],
      ['commB1', b.id, 404],
      ['leader', b.id, 200],
      ['operator', none.json().id, 200],
      ['resident', b.id, 403],
    ] as const) {
      const res = await t.app.inject({ url: `/api/segments/${id}`, headers: await loginAs(t.app, user) });
      assert.equal(res.statusCode, status, `${user} ${id}`);
      if (status === 404) assert.equal(res.json().error.code, 'SEGMENT_NOT_FOUND');
    }
  });

  it('changes a segment’s line, width and unit', async () => {
    const list = (await t.app.inject({ url: '/api/segments', headers: admin })).json().items;
    const seg = list.find((s: { code: string }) => s.code === 'R-OP');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/segments/${seg.id}`,
      headers: admin,
      payload: { geometry: line(120.83, 31.31), halfWidthM: 30, unitId: t.org.b1.id, name: '改过的河段' },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      [res.json().geometry, res.json().halfWidthM, res.json().unitId, res.json().name],
      [line(120.83, 31.31), 30, t.org.b1.id, '改过的河段'],
    );
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/segments/${seg.id}`,
      headers: admin,
      payload: { geometry: { type: 'LineString', coordinates: [] } },
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'INVALID_GEOMETRY');
  });

  it('gives a boat several segments (segmentIds), keeps segmentId as the first, and keeps a patrolled segment', async () => {
    const list = (await t.app.inject({ url: '/api/segments', headers: admin })).json().items;
    const [a1, b] = ['R-A1', 'R-B'].map((c) => list.find((s: { code: string }) => s.code === c).id);
    const boat = await t.app.inject({
      method: 'POST',
      url: '/api/assets',
      headers: admin,
      payload: { kind: 'boat', code: 'B-MULTI', name: '多段船', unitId: t.org.sub.id, segmentIds: [b, a1] },
    });
    assert.equal(boat.statusCode, 201, boat.body);
    assert.deepEqual([boat.json().segmentId, boat.json().segmentIds], [b, [b, a1]]);
    const read = await t.app.inject({ url: `/api/assets/${boat.json().id}`, headers: admin });
    assert.deepEqual(read.json().segmentIds, [b, a1]);
    const row = await t.store.db
      .selectFrom('assets')
      .select('segment_id')
      .where('id', '=', boat.json().id)
      .executeTakeFirst();
    assert.equal(row?.segment_id, b);

    const inUse = await t.app.inject({ method: 'DELETE', url: `/api/segments/${a1}`, headers: admin });
    assert.equal(inUse.statusCode, 409);
    assert.equal(inUse.json().error.code, 'SEGMENT_IN_USE');
    assert.match(inUse.json().error.message, /多段船/);

    const both = await t.app.inject({
      method: 'PATCH',
      url: `/api/assets/${boat.json().id}`,
      headers: admin,
      payload: { segmentId: b, segmentIds: [a1] },
    });
    assert.equal(both.statusCode, 400);
    const unknown = await t.app.inject({
      method: 'PATCH',
      url: `/api/assets/${boat.json().id}`,
      headers: admin,
      payload: { segmentIds: [a1, newId()] },
    });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.code, 'SEGMENT_NOT_FOUND');
    // An older client's single segmentId replaces the list.
    const one = await t.app.inject({
      method: 'PATCH',
      url: `/api/assets/${boat.json().id}`,
      headers: admin,
      payload: { segmentId: b },
    });
    assert.deepEqual([one.json().segmentId, one.json().segmentIds], [b, [b]]);
    const removed = await t.app.inject({ method: 'DELETE', url: `/api/segments/${a1}`, headers: admin });
    assert.equal(removed.statusCode, 204);
    const gone = await t.app.inject({ url: `/api/segments/${a1}`, headers: admin });
    assert.equal(gone.statusCode, 404);
    // Deleting the boat takes its segment links with it.
    const boatGone = await t.app.inject({
      method: 'DELETE',
      url: `/api/assets/${boat.json().id}`,
      headers: admin,
    });
    assert.equal(boatGone.statusCode, 204);
    assert.equal(
      (await t.app.inject({ method: 'DELETE', url: `/api/segments/${b}`, headers: admin })).statusCode,
      204,
    );
  });
});
