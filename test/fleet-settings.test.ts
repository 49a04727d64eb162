import assert from 'node:assert/strict';
import { it } from 'node:test';
import { TRACK_DEFAULTS } from '../src/domain/fleet/index.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { DAY_QUERY, onDay, useBoatDay } from './helpers/tracks.ts';

const iso = (ms: number) => new Date(ms).toISOString();

forEachDialect('fleet settings per asset kind', (kind) => {
  const t = useTestApp(kind);
  const world = useBoatDay(t);

  const patch = async (payload: object, role: Parameters<typeof loginAs>[1] = 'admin') =>
    t.app.inject({
      method: 'PATCH',
      url: '/api/settings/fleet',
      headers: await loginAs(t.app, role),
      payload,
    });
  const stopTimes = async () => {
    const res = await t.app.inject({
      url: `/api/assets/${world.boatId}/stops?${DAY_QUERY}`,
      headers: await loginAs(t.app, 'operator'),
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json().items.map((s: { start: string; durationS: number }) => [s.start, s.durationS]);
  };

  it('reads the defaults of each kind and a 90 % coverage threshold', async () => {
    const res = await t.app.inject({ url: '/api/settings/fleet', headers: await loginAs(t.app, 'operator') });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { kinds: TRACK_DEFAULTS, coverageThreshold: 0.9 });
  });

  it('cuts the boat’s stops with its kind’s overridden stopMinS, and again with the default once reset', async () => {
    assert.deepEqual(await stopTimes(), [
      [iso(onDay('07:00:00')), 3600],
      [iso(onDay('08:06:00')), 1800],
      [iso(onDay('09:00:30')), 1800],
    ]);
    // A vehicle's threshold leaves boats alone.
    assert.equal((await patch({ kinds: { vehicle: { stopMinS: 2400 } } })).statusCode, 200);
    assert.equal((await stopTimes()).length, 3);

    const res = await patch({ kinds: { boat: { stopMinS: 2400 } }, coverageThreshold: 0.8 });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().kinds.boat, { ...TRACK_DEFAULTS.boat, stopMinS: 2400 });
    assert.equal(res.json().kinds.vehicle.stopMinS, 2400);
    assert.equal(res.json().coverageThreshold, 0.8);
    // Only the hour moored from 07:00 lasts 40 minutes.
    assert.deepEqual(await stopTimes(), [[iso(onDay('07:00:00')), 3600]]);
    const month = await t.app.inject({
      url: '/api/fleet/months/2026-12',
      headers: await loginAs(t.app, 'operator'),
    });
    assert.equal(month.statusCode, 200, month.body);
    assert.equal(month.json().coverageThreshold, 0.8);

    const reset = await patch({
      kinds: { boat: { stopMinS: null }, vehicle: { stopMinS: null } },
      coverageThreshold: null,
    });
    assert.equal(reset.statusCode, 200, reset.body);
    assert.deepEqual(reset.json(), { kinds: TRACK_DEFAULTS, coverageThreshold: 0.9 });
    assert.equal((await stopTimes()).length, 3);
  });

  it('refuses a value that cannot be right with 400 FLEET_SETTINGS_INVALID naming it, and changes nothing', async () => {
    for (const [payload, field] of [
      [{ kinds: { boat: { stopRadiusM: 0 } } }, 'kinds.boat.stopRadiusM'],
      [{ kinds: { crew: { gapS: 100_000 } } }, 'kinds.crew.gapS'],
      [{ kinds: { boat: { tripMinM: 150 }, vehicle: { restMinS: -1 } } }, 'kinds.vehicle.restMinS'],
      [{ coverageThreshold: 90 }, 'coverageThreshold'],
    ] as const) {
      const res = await patch(payload);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'FLEET_SETTINGS_INVALID');
      assert.match(res.json().error.message, new RegExp(field.replace(/\./g, '\\.')));
    }
    const after = await t.app.inject({ url: '/api/settings/fleet', headers: await loginAs(t.app, 'admin') });
    assert.deepEqual(after.json(), { kinds: TRACK_DEFAULTS, coverageThreshold: 0.9 });
    const empty = await patch({});
    assert.equal(empty.statusCode, 400, empty.body);
  });

  it('lets only an admin change them', async () => {
    const res = await patch({ kinds: { boat: { gapS: 900 } } }, 'operator');
    assert.equal(res.statusCode, 403, res.body);
  });
});
