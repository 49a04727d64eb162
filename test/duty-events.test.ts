import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { useTestApp } from './helpers/app.ts';
import { useFleetWorld } from './helpers/crews.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { bj, sessions } from './helpers/orders.ts';
import { makePhoto, postPhoto } from './helpers/photos.ts';

const iso = (ms: number) => new Date(ms).toISOString();

forEachDialect('duty: a day’s clock events', (kind) => {
  const t = useTestApp(kind);
  const w = useFleetWorld(t);
  const as = sessions(t);
  let photoId = '';

  const events = async (user: string, query: string) => {
    const res = await t.app.inject({ url: `/api/duty/events?${query}`, headers: await as(user) });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const summary = (e: { kind: string; at: string; memberId: string; assetId: string }) => [
    e.kind,
    e.at,
    e.memberId === w.crew.c1 ? 'c1' : e.memberId === w.crew.c3 ? 'c3' : e.memberId,
    e.assetId === w.boats.b1 ? 'b1' : e.assetId === w.boats.b2 ? 'b2' : e.assetId,
  ];

  before(async () => {
    t.clock.t = bj('2026-03-02 09:00');
    const post = async (user: string, url: string, payload: object) => {
      const res = await t.app.inject({ method: 'POST', url, headers: await as(user), payload });
      assert.equal(res.statusCode, 201, res.body);
    };
    // A real upload, so that downloading it answers 200 to whoever may read it.
    const upload = await postPhoto(t.app, await as('crew1'), await makePhoto('jpeg', 64, 48));
    assert.equal(upload.statusCode, 201, upload.body);
    photoId = upload.json().id;
    // crew1 clocked in at 07:00 at the dock (queued on the phone) with a photo; crew3 at 08:30, 2 km out.
    await post('crew1', '/api/duty/clock-in', {
      lat: 31.3001,
      lon: 120.9,
      at: '2026-03-02T07:00:00+08:00',
      photoId,
    });
    await post('crew3', '/api/duty/clock-in', { lat: 31.3, lon: 120.921, at: '2026-03-02T08:30:00+08:00' });
    t.clock.advance(8 * 3_600_000);
    await post('crew1', '/api/duty/clock-out', { lat: 31.3, lon: 120.9 });
  });

  it('lists the day’s clock-ins and outs of the boats in scope, oldest first, with position, distance, flags and photo', async () => {
    const day = await events('operator', 'date=2026-03-02');
    assert.equal(day.date, '2026-03-02');
    assert.deepEqual(day.items.map(summary), [
      ['in', iso(bj('2026-03-02 07:00')), 'c1', 'b1'],
      ['in', iso(bj('2026-03-02 08:30')), 'c3', 'b2'],
      ['out', iso(bj('2026-03-02 17:00')), 'c1', 'b1'],
    ]);
    const [first, second] = day.items;
    assert.deepEqual(
      [first.lat, first.lon, first.photoId, first.recordedAt],
      [31.3001, 120.9, photoId, iso(bj('2026-03-02 09:00'))],
    );
    assert.ok(first.flags.includes('queued'), first.flags);
    // 11 m from the dock; crew3 about 2 km from the dock and with no boat fix to compare with.
    assert.ok(first.distanceM > 5 && first.distanceM < 20, String(first.distanceM));
    assert.ok(second.distanceM > 1900, String(second.distanceM));
    assert.equal(second.photoId, null);
  });

  it('filters by boat and by crew login', async () => {
    assert.deepEqual((await events('operator', `date=2026-03-02&assetId=${w.boats.b2}`)).items.map(summary), [
      ['in', iso(bj('2026-03-02 08:30')), 'c3', 'b2'],
    ]);
    assert.deepEqual(
      (await events('operator', `date=2026-03-02&userId=${w.users.crew1}`)).items.map(
        (e: { kind: string }) => e.kind,
      ),
      ['in', 'out'],
    );
    assert.deepEqual((await events('operator', 'date=2026-03-01')).items, []);
  });

  it('shows a crew user their own boat’s events only, and a unit outside the boats’ scope none, even asked by id', async () => {
    assert.deepEqual(
      (await events('crew1', 'date=2026-03-02')).items.map(summary).map((s: string[]) => s[3]),
      ['b1', 'b1'],
    );
    assert.deepEqual((await events('crew3', `date=2026-03-02&assetId=${w.boats.b1}`)).items, []);
    assert.deepEqual((await events('commA1', 'date=2026-03-02')).items, []);
    assert.deepEqual((await events('commA1', `date=2026-03-02&assetId=${w.boats.b1}`)).items, []);
  });

  it('lets whoever reads the boat’s duty open the clock-in photo, and nobody else', async () => {
    const status = async (user: string) =>
      (await t.app.inject({ url: `/api/attachments/${photoId}`, headers: await as(user) })).statusCode;
    // The uploader, the centre, the contractor's office; the crew of another boat and a community do not.
    assert.deepEqual(
      [await status('crew1'), await status('operator'), await status('riverStaff')],
      [200, 200, 200],
    );
    assert.deepEqual(
      [await status('crew3'), await status('commA1'), await status('resident')],
      [404, 404, 404],
    );
  });

  it('refuses a date that is not a day with 400, and a resident with 403', async () => {
    const bad = await t.app.inject({
      url: '/api/duty/events?date=2026-02-30',
      headers: await as('operator'),
    });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
    const resident = await t.app.inject({ url: '/api/duty/events', headers: await as('resident') });
    assert.equal(resident.statusCode, 403, resident.body);
  });
});
