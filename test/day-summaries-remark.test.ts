import assert from 'node:assert/strict';
import { before, beforeEach, it } from 'node:test';
import { recomputeMarkedDays } from '../src/services/summaries/index.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { RIVER, useFleetWorld } from './helpers/crews.ts';
import { forEachDialect } from './helpers/dialects.ts';

/** Within the 31 days a change re-marks, and before them. */
const RECENT = '2026-03-10';
const OLD = '2026-02-10';

forEachDialect('day summaries re-marked when their records change', (kind) => {
  const t = useTestApp(kind);
  const w = useFleetWorld(t);

  const call = async (method: 'PUT' | 'PATCH' | 'POST' | 'DELETE', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: await loginAs(t.app, 'admin'), payload });
    return res;
  };
  const ok = async (method: 'PUT' | 'PATCH' | 'POST' | 'DELETE', url: string, payload?: object) => {
    const res = await call(method, url, payload);
    assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  /** The marked days, as "boat date" (b1/b2 named; others by id). */
  const marks = async () => {
    const rows = await t.store.db.selectFrom('day_summary_marks').select(['asset_id', 'date']).execute();
    const name = (id: string) => (id === w.boats.b1 ? 'b1' : id === w.boats.b2 ? 'b2' : id);
    return rows.map((r) => `${name(r.asset_id)} ${r.date}`).sort();
  };
  const summary = async (boat: string, date: string) => {
    const res = await t.app.inject({
      url: `/api/assets/${boat}/days/${date}`,
      headers: await loginAs(t.app, 'operator'),
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  before(async () => {
    t.clock.t = Date.parse('2026-03-20T04:00:00Z');
    // Both boats' days summarised and stored (settled: computed more than a day after their end).
    for (const boat of [w.boats.b1, w.boats.b2]) for (const date of [RECENT, OLD]) await summary(boat, date);
  });
  // Every case starts with nothing marked: the summaries job has taken the marks.
  beforeEach(async () => {
    await recomputeMarkedDays(t.app.platform.ctx);
    assert.deepEqual(await marks(), []);
  });

  it('a boat’s own shift plan marks its recent days, not older ones, not the other boat’s', async () => {
    const plan = {
      weekly: [{ weekday: 2, start: '06:30', end: '17:30' }],
      exceptions: [],
      followsCalendar: false,
    };
    await ok('PUT', `/api/assets/${w.boats.b1}/shifts`, plan);
    assert.deepEqual(await marks(), [`b1 ${RECENT}`]);
    await recomputeMarkedDays(t.app.platform.ctx);
    await ok('DELETE', `/api/assets/${w.boats.b1}/shifts`);
    assert.deepEqual(await marks(), [`b1 ${RECENT}`]);
  });

  it('a refused change marks nothing (the marks are written in the change’s transaction)', async () => {
    const res = await call('PUT', `/api/assets/${w.boats.b1}/shifts`, {
      weekly: [{ weekday: 8, start: '25:00', end: '17:30' }],
      exceptions: [],
      followsCalendar: false,
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.deepEqual(await marks(), []);
  });

  it('a unit’s shift plan marks the recent days of every boat under it', async () => {
    const plan = {
      weekly: [{ weekday: 1, start: '07:00', end: '16:00' }],
      exceptions: [],
      followsCalendar: false,
    };
    await ok('PUT', `/api/units/${w.contractor}/shifts`, plan);
    assert.deepEqual(await marks(), [`b1 ${RECENT}`, `b2 ${RECENT}`]);
  });

  it('a dock marks the boats that may stop at it: added, moved, deleted', async () => {
    const dock = (
      await ok('POST', '/api/docks', { name: '东码头', lat: 31.3, lon: 120.92, unitId: w.contractor })
    ).json().id;
    assert.deepEqual(await marks(), [`b1 ${RECENT}`, `b2 ${RECENT}`]);
    await recomputeMarkedDays(t.app.platform.ctx);
    // A dock of a community the contractor is not above serves neither boat.
    const elsewhere = (
      await ok('POST', '/api/docks', { name: '社区码头', lat: 31.3, lon: 120.95, unitId: t.org.a1.id })
    ).json().id;
    assert.deepEqual(await marks(), []);
    // Moved to the contractor, it serves them from now on.
    await ok('PATCH', `/api/docks/${elsewhere}`, { unitId: w.contractor });
    assert.deepEqual(await marks(), [`b1 ${RECENT}`, `b2 ${RECENT}`]);
    await recomputeMarkedDays(t.app.platform.ctx);
    await ok('DELETE', `/api/docks/${dock}`);
    assert.deepEqual(await marks(), [`b1 ${RECENT}`, `b2 ${RECENT}`]);
  });

  it('a segment’s new line marks its boats, and the job recomputes their coverage from it', async () => {
    const before = (await summary(w.boats.b1, RECENT)).coverage[0];
    const longer = { ...RIVER, coordinates: [...RIVER.coordinates, [120.93, 31.3]] };
    await ok('PATCH', `/api/segments/${w.segment}`, { geometry: longer });
    assert.deepEqual(await marks(), [`b1 ${RECENT}`, `b2 ${RECENT}`]);
    assert.equal(await recomputeMarkedDays(t.app.platform.ctx), 2);
    const after = await t.store.db
      .selectFrom('day_summaries')
      .select('body')
      .where('asset_id', '=', w.boats.b1)
      .where('date', '=', RECENT)
      .executeTakeFirstOrThrow();
    const coverage = JSON.parse(after.body).coverage[0];
    // About 950 m more river: 19 more 50-m sub-sections.
    assert.ok(coverage.sections - before.sections >= 18, `${before.sections} → ${coverage.sections}`);
  });

  it('a boat’s segments and its crew mark that boat only', async () => {
    await ok('PATCH', `/api/assets/${w.boats.b2}`, { segmentIds: [] });
    assert.deepEqual(await marks(), [`b2 ${RECENT}`]);
    await recomputeMarkedDays(t.app.platform.ctx);
    await ok('PUT', `/api/assets/${w.boats.b1}/crew`, { memberIds: [w.crew.c1, w.crew.c2, w.crew.c4] });
    assert.deepEqual(await marks(), [`b1 ${RECENT}`]);
  });

  it('new fleet thresholds mark every boat’s recent days', async () => {
    await ok('PATCH', '/api/settings/fleet', { kinds: { boat: { restMinS: 900 } } });
    assert.deepEqual(await marks(), [`b1 ${RECENT}`, `b2 ${RECENT}`]);
  });
});
