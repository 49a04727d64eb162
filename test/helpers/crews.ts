import assert from 'node:assert/strict';
import { before } from 'node:test';
import { loginAs, PASSWORD, type useTestApp } from './app.ts';

type TestApp = ReturnType<typeof useTestApp>;

/** Where the fleet fixture's river runs: east along 31.30° N from 120.90° E, outside the fixture's grids. */
export const RIVER = {
  type: 'LineString' as const,
  coordinates: [
    [120.9, 31.3],
    [120.91, 31.3],
    [120.92, 31.3],
  ],
};

/** The fleet fixture's ids. */
export interface FleetWorld {
  contractor: string;
  segment: string;
  dock: string;
  boats: Record<'b1' | 'b2', string>;
  crew: Record<'c1' | 'c2' | 'c3' | 'c4', string>;
  /** Users: crew1 (linked to c1, on b1), crew2 (c2, on b1), crew3 (c3, on b2), crewless (linked to no one), riverStaff (department role at the contractor). */
  users: Record<string, string>;
}

/**
 * A river-cleaning contractor under the fixture's subdistrict with a segment (RIVER), a dock at
 * its western end, boats b1 and b2 on it, crew members c1–c4 (c1, c2 on b1; c3 on b2; c4 on
 * none), crew logins linked to c1–c3, and a contractor staff user. Made through the API as an
 * admin would. Call after useTestApp.
 */
export function useFleetWorld(t: TestApp): FleetWorld {
  const world = { boats: {}, crew: {}, users: {} } as FleetWorld;
  before(async () => {
    const admin = await loginAs(t.app, 'admin');
    const post = async (url: string, payload: object, method: 'POST' | 'PUT' | 'PATCH' = 'POST') => {
      const res = await t.app.inject({ method, url, headers: admin, payload });
      assert.ok(res.statusCode === 201 || res.statusCode === 200, `${url}: ${res.statusCode} ${res.body}`);
      return res.json();
    };
    world.contractor = (
      await post('/api/units', {
        kind: 'contractor',
        parentId: t.org.sub.id,
        code: 'C-RIVER',
        name: '河道保洁公司',
      })
    ).id;
    world.segment = (
      await post('/api/segments', {
        code: 'R-FLEET',
        name: '测试河',
        geometry: RIVER,
        halfWidthM: 30,
        unitId: world.contractor,
      })
    ).id;
    world.dock = (
      await post('/api/docks', { name: '西码头', lat: 31.3, lon: 120.9, unitId: world.contractor })
    ).id;
    for (const [key, code] of [
      ['b1', 'BOAT-1'],
      ['b2', 'BOAT-2'],
    ] as const) {
      world.boats[key] = (
        await post('/api/assets', {
          kind: 'boat',
          code,
          name: `清波${code.slice(-1)}号`,
          unitId: world.contractor,
          segmentIds: [world.segment],
        })
      ).id;
    }
    for (const [username, role] of [
      ['crew1', 'crew'],
      ['crew2', 'crew'],
      ['crew3', 'crew'],
      ['crewless', 'crew'],
      ['riverStaff', 'department'],
    ] as const) {
      world.users[username] = (
        await post('/api/users', {
          username,
          password: PASSWORD,
          displayName: username,
          role,
          unitId: world.contractor,
        })
      ).id;
    }
    const names = { c1: '张一', c2: '李二', c3: '王三', c4: '赵四' };
    for (const [i, key] of (['c1', 'c2', 'c3', 'c4'] as const).entries()) {
      const userId = i < 3 ? world.users[`crew${i + 1}`] : undefined;
      world.crew[key] = (
        await post('/api/assets', {
          kind: 'crew',
          code: `CREW-${i + 1}`,
          name: names[key],
          unitId: world.contractor,
          userId,
        })
      ).id;
    }
    await post(`/api/assets/${world.boats.b1}/crew`, { memberIds: [world.crew.c1, world.crew.c2] }, 'PUT');
    await post(`/api/assets/${world.boats.b2}/crew`, { memberIds: [world.crew.c3] }, 'PUT');
  });
  return world;
}
