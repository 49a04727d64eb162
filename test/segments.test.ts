import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { newId } from '../src/ids.ts';
import { insertSegment } from '../src/store/segments.repository.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';

forEachDialect('river segments', (kind) => {
  const t = useTestApp(kind);

  before(async () => {
    const line = (lon: number) => ({
      type: 'LineString' as const,
      coordinates: [
        [lon, 31.3],
        [lon + 0.01, 31.3],
      ] as [number, number][],
    });
    const held: [string, string | null, number][] = [
      ['SEG-A1', t.org.a1.id, 120.8],
      ['SEG-B', t.org.areaB.id, 120.84],
      ['SEG-GREEN', t.org.dept.id, 120.86],
      ['SEG-NONE', null, 120.88],
    ];
    for (const [code, unitId, lon] of held) {
      await insertSegment(t.store.db, {
        id: newId(),
        code,
        name: code,
        geometry: line(lon),
        halfWidthM: 20,
        unitId,
        createdAt: t.clock.now(),
      });
    }
  });

  async function codesFor(username: string): Promise<number | string[]> {
    const res = await t.app.inject({ url: '/api/segments', headers: await loginAs(t.app, username) });
    if (res.statusCode !== 200) return res.statusCode;
    return (res.json().items as { code: string }[]).map((s) => s.code).sort();
  }

  it('lists the segments held by units in the caller’s scope, like assets', async () => {
    assert.deepEqual(await codesFor('admin'), ['SEG-A1', 'SEG-B', 'SEG-GREEN', 'SEG-NONE']);
    assert.deepEqual(await codesFor('operator'), ['SEG-A1', 'SEG-B', 'SEG-GREEN', 'SEG-NONE']);
    assert.deepEqual(await codesFor('wsA'), ['SEG-A1']);
    assert.deepEqual(await codesFor('commA1'), ['SEG-A1']);
    assert.deepEqual(await codesFor('commA2'), []);
    assert.deepEqual(await codesFor('commB1'), []);
    assert.deepEqual(await codesFor('green'), ['SEG-GREEN']);
  });

  it('refuses the roles that may not read assets', async () => {
    assert.equal(await codesFor('resident'), 403);
    assert.equal(await codesFor('gridA1'), 403);
  });

  it('answers the geometry in WGS-84 as stored', async () => {
    const res = await t.app.inject({ url: '/api/segments', headers: await loginAs(t.app, 'commA1') });
    const [segment] = res.json().items;
    assert.deepEqual(segment.geometry.coordinates, [
      [120.8, 31.3],
      [120.81, 31.3],
    ]);
    assert.equal(segment.unitId, t.org.a1.id);
    assert.equal(segment.halfWidthM, 20);
  });
});
