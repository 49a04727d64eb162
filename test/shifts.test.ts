import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { newId } from '../src/ids.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { useFleetWorld } from './helpers/crews.ts';
import { forEachDialect } from './helpers/dialects.ts';

forEachDialect('shift plans', (kind) => {
  const t = useTestApp(kind);
  const w = useFleetWorld(t);
  let admin: Record<string, string>;

  before(async () => {
    admin = await loginAs(t.app, 'admin');
  });

  const put = (url: string, payload: object, headers = admin) =>
    t.app.inject({ method: 'PUT', url, headers, payload });
  const get = async (url: string, headers = admin) => t.app.inject({ url, headers });

  const WEEKDAYS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '06:30', end: '17:30' }));

  it('has no plan until one is set: source none', async () => {
    const res = await get(`/api/assets/${w.boats.b1}/shifts`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), {
      weekly: [],
      exceptions: [],
      followsCalendar: false,
      source: 'none',
      unitId: null,
      updatedAt: null,
    });
  });

  it('gives the contractor’s default plan to its boats without one of their own', async () => {
    const res = await put(`/api/units/${w.contractor}/shifts`, { weekly: WEEKDAYS, followsCalendar: true });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(
      [res.json().source, res.json().unitId, res.json().exceptions],
      ['unit', w.contractor, []],
    );
    const boat = (await get(`/api/assets/${w.boats.b2}/shifts`)).json();
    assert.deepEqual(
      [boat.source, boat.unitId, boat.weekly, boat.followsCalendar],
      ['unit', w.contractor, WEEKDAYS, true],
    );
    assert.equal(boat.updatedAt, new Date(t.clock.now()).toISOString());
  });

  it('stores a boat’s own plan, sorted, with exceptions and a night shift, in Asia/Shanghai times', async () => {
    const plan = {
      weekly: [
        { weekday: 7, start: '08:00', end: '12:00' },
        { weekday: 1, start: '13:00', end: '17:30' },
        { weekday: 1, start: '06:30', end: '11:00' },
        { weekday: 5, start: '22:00', end: '06:00' },
      ],
      exceptions: [
        { date: '2026-03-09', start: '09:00', end: '15:00' },
        { date: '2026-03-04', off: true },
      ],
      followsCalendar: false,
    };
    const res = await put(`/api/assets/${w.boats.b1}/shifts`, plan);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json().weekly, [
      { weekday: 1, start: '06:30', end: '11:00' },
      { weekday: 1, start: '13:00', end: '17:30' },
      { weekday: 5, start: '22:00', end: '06:00' },
      { weekday: 7, start: '08:00', end: '12:00' },
    ]);
    assert.deepEqual(res.json().exceptions, [
      { date: '2026-03-04', off: true },
      { date: '2026-03-09', start: '09:00', end: '15:00' },
    ]);
    assert.deepEqual([res.json().source, res.json().unitId], ['asset', null]);
    const read = (await get(`/api/assets/${w.boats.b1}/shifts`, await loginAs(t.app, 'crew1'))).json();
    assert.deepEqual(read.weekly, res.json().weekly);
  });

  it('answers 400 FLEET_SETTINGS_INVALID naming what is wrong', async () => {
    const cases: [object, RegExp][] = [
      [
        { weekly: [{ weekday: 1, start: '25:00', end: '17:30' }] },
        /weekly\[0\] start "25:00" is not a time of day/,
      ],
      [
        { weekly: [{ weekday: 1, start: '06:30', end: '6:30pm' }] },
        /weekly\[0\] end "6:30pm" is not a time of day/,
      ],
      [
        { weekly: [{ weekday: 8, start: '06:30', end: '17:30' }] },
        /weekday 8 must be 1 \(Monday\) to 7 \(Sunday\)/,
      ],
      [{ weekly: [{ weekday: 0, start: '06:30', end: '17:30' }] }, /weekday 0/],
      [{ weekly: [{ weekday: 2, start: '06:30', end: '06:30' }] }, /starts and ends at 06:30/],
      [
        { weekly: [], exceptions: [{ date: '2026-03-05' }] },
        /exceptions\[0\] \(2026-03-05\) needs off: true, or a start and an end/,
      ],
      [
        { weekly: [], exceptions: [{ date: '5 March', off: true }] },
        /exceptions\[0\].date must be YYYY-MM-DD/,
      ],
    ];
    for (const [body, message] of cases) {
      const res = await put(`/api/assets/${w.boats.b2}/shifts`, body);
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.equal(res.json().error.code, 'FLEET_SETTINGS_INVALID');
      assert.match(res.json().error.message, message);
    }
    const unit = await put(`/api/units/${w.contractor}/shifts`, {
      weekly: [{ weekday: 3, start: '07:00', end: '24:30' }],
    });
    assert.equal(unit.statusCode, 400);
    assert.equal(unit.json().error.code, 'FLEET_SETTINGS_INVALID');
    // Nothing was stored: the boat still follows the contractor.
    assert.equal((await get(`/api/assets/${w.boats.b2}/shifts`)).json().source, 'unit');
  });

  it('lets an asset follow its unit again after DELETE', async () => {
    const own = await put(`/api/assets/${w.boats.b2}/shifts`, {
      weekly: [{ weekday: 6, start: '07:00', end: '11:00' }],
    });
    assert.equal(own.json().source, 'asset');
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/assets/${w.boats.b2}/shifts`,
      headers: admin,
    });
    assert.equal(removed.statusCode, 204);
    assert.equal((await get(`/api/assets/${w.boats.b2}/shifts`)).json().source, 'unit');
  });

  it('is read within scope and set by admins and operators only', async () => {
    assert.equal(
      (await get(`/api/assets/${w.boats.b1}/shifts`, await loginAs(t.app, 'leader'))).statusCode,
      200,
    );
    const hidden = await get(`/api/assets/${w.boats.b1}/shifts`, await loginAs(t.app, 'commA1'));
    assert.equal(hidden.statusCode, 404);
    assert.equal(hidden.json().error.code, 'ASSET_NOT_FOUND');
    assert.equal((await get(`/api/assets/${newId()}/shifts`)).statusCode, 404);
    assert.equal(
      (await get(`/api/assets/${w.boats.b1}/shifts`, await loginAs(t.app, 'resident'))).statusCode,
      403,
    );
    const unitHidden = await get(`/api/units/${w.contractor}/shifts`, await loginAs(t.app, 'commA1'));
    assert.equal(unitHidden.statusCode, 404);
    assert.equal(unitHidden.json().error.code, 'UNIT_NOT_FOUND');
    assert.equal(
      (await get(`/api/units/${w.contractor}/shifts`, await loginAs(t.app, 'crew1'))).statusCode,
      200,
    );
    const operator = await put(
      `/api/assets/${w.boats.b2}/shifts`,
      { weekly: WEEKDAYS },
      await loginAs(t.app, 'operator'),
    );
    assert.equal(operator.statusCode, 200);
    for (const user of ['leader', 'crew1', 'riverStaff', 'commA1']) {
      const res = await put(
        `/api/assets/${w.boats.b2}/shifts`,
        { weekly: WEEKDAYS },
        await loginAs(t.app, user),
      );
      assert.equal(res.statusCode, 403, user);
    }
  });
});
