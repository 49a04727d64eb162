import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import { distanceToSegmentSq, localProjection, projectX, projectY } from '../src/domain/fleet/planar.ts';
import { newId } from '../src/ids.ts';
import { insertPositions } from '../src/store/positions.repository.ts';
import { loginAs, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { DAY, DAY_QUERY, type DayFix, fullDayAt5s, onDay, useBoatDay } from './helpers/tracks.ts';

const iso = (ms: number) => new Date(ms).toISOString();

/** What an export must hold, point for point. */
type Expected = { time: string; lat: number; lon: number };
const expected = (fixes: readonly DayFix[]): Expected[] =>
  fixes.map((f) => ({ time: iso(f.time), lat: f.lat, lon: f.lon }));

/** Elements that repeat, as arrays even when there is one. */
const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  isArray: (name) => ['trkseg', 'trkpt', 'gx:Track', 'when', 'gx:coord'].includes(name),
});

forEachDialect('asset tracks and exports', (kind) => {
  const t = useTestApp(kind);
  const world = useBoatDay(t);
  let op: Record<string, string>;
  /** The constructed day's fixes with a satellite fix, split at the 20-minute gap (08:39 → 08:59). */
  let spans: DayFix[][];

  before(async () => {
    op = await loginAs(t.app, 'operator');
    const usable = world.day.filter((f) => f.valid);
    spans = [
      usable.filter((f) => f.time <= onDay('08:39:00')),
      usable.filter((f) => f.time >= onDay('08:59:00')),
    ];
  });

  const track = (query: string, headers = op, id = world.boatId) =>
    t.app.inject({ url: `/api/assets/${id}/track?${query}`, headers });

  it('answers JSON with every stored fix, invalid ones marked', async () => {
    const res = await track(DAY_QUERY);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.equal(res.headers['content-disposition'], undefined);
    const items = res.json().items;
    assert.equal(items.length, world.day.length);
    assert.deepEqual(
      items,
      world.day.map((f) => ({
        time: iso(f.time),
        lat: f.lat,
        lon: f.lon,
        speedKmh: f.speed,
        course: 90,
        valid: f.valid,
      })),
    );
    assert.deepEqual(
      items.filter((p: { valid: boolean }) => !p.valid).map((p: { time: string }) => p.time),
      [iso(onDay('07:30:00'))],
    );
  });

  it('thins the track with simplifyM, keeping the first and last fix of each span', async () => {
    const all = (await track(DAY_QUERY)).json().items;
    const res = await track(`${DAY_QUERY}&simplifyM=20`);
    assert.equal(res.statusCode, 200, res.body);
    const items: { time: string; valid: boolean }[] = res.json().items;
    assert.ok(items.length < all.length / 5, `${items.length} of ${all.length} points kept`);
    assert.ok(
      items.every((p) => p.valid),
      'an invalid fix has no position to keep',
    );
    const times = new Set(items.map((p) => p.time));
    for (const span of spans) {
      assert.ok(times.has(iso((span[0] as DayFix).time)), 'first fix of a span kept');
      assert.ok(times.has(iso((span.at(-1) as DayFix).time)), 'last fix of a span kept');
    }
    // Douglas–Peucker's promise: every fix of a span lies within 20 m of the thinned line.
    const plane = localProjection(31.3, 120.6);
    const xy = (p: { lat: number; lon: number }) => [projectX(plane, p.lon), projectY(plane, p.lat)] as const;
    const byTime = new Map(world.day.map((f) => [iso(f.time), f]));
    for (const span of spans) {
      const kept = span.filter((f) => times.has(iso(f.time)));
      for (const f of span) {
        const next = kept.findIndex((k) => k.time >= f.time);
        const a = xy(kept[Math.max(0, next - 1)] as DayFix);
        const b = xy(kept[next] as DayFix);
        const [px, py] = xy(f);
        const off = Math.sqrt(distanceToSegmentSq(px, py, a[0], a[1], b[0], b[1]));
        assert.ok(off <= 20, `${iso(f.time)} lies ${off.toFixed(1)} m off the thinned line`);
      }
    }
    assert.ok(
      items.every((p) => byTime.has(p.time)),
      'only stored fixes are kept',
    );
    const gpx = xml.parse((await track(`${DAY_QUERY}&format=gpx&simplifyM=20`)).body);
    const points = gpx.gpx.trk.trkseg.flatMap((s: { trkpt: unknown[] }) => s.trkpt);
    assert.equal(points.length, items.length);
  });

  it('exports GeoJSON: one Feature with the LineString of the usable fixes and their times', async () => {
    const res = await track(`${DAY_QUERY}&format=geojson`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/geo+json; charset=utf-8');
    const feature = JSON.parse(res.body);
    assert.equal(feature.type, 'Feature');
    assert.equal(feature.geometry.type, 'LineString');
    const usable = spans.flat();
    assert.deepEqual(
      feature.geometry.coordinates,
      usable.map((f) => [f.lon, f.lat]),
    );
    for (const position of feature.geometry.coordinates) {
      assert.equal(position.length, 2);
      assert.ok(position.every((n: unknown) => typeof n === 'number' && Number.isFinite(n)));
    }
    assert.deepEqual(
      feature.properties.coordinateProperties.times,
      usable.map((f) => iso(f.time)),
    );
    assert.deepEqual(
      {
        assetId: feature.properties.assetId,
        code: feature.properties.code,
        name: feature.properties.name,
        pointCount: feature.properties.pointCount,
      },
      { assetId: world.boatId, code: 'BOAT-01', name: '清波1号', pointCount: usable.length },
    );
  });

  it('exports GPX 1.1: a trkseg per continuous span, every trkpt with its lat, lon and time', async () => {
    const res = await track(`${DAY_QUERY}&format=gpx`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/gpx+xml; charset=utf-8');
    assert.equal(
      res.headers['content-disposition'],
      `attachment; filename="BOAT-01_${DAY}.gpx"; filename*=UTF-8''%E6%B8%85%E6%B3%A21%E5%8F%B7_${DAY}.gpx`,
    );
    const doc = xml.parse(res.body);
    assert.equal(doc.gpx['@_version'], '1.1');
    assert.equal(doc.gpx['@_xmlns'], 'http://www.topografix.com/GPX/1/1');
    assert.equal(doc.gpx.trk.name, '清波1号 BOAT-01');
    const segments = doc.gpx.trk.trkseg.map((s: { trkpt: Record<string, unknown>[] }) =>
      s.trkpt.map((p) => ({ time: p.time, lat: Number(p['@_lat']), lon: Number(p['@_lon']) })),
    );
    assert.deepEqual(segments, spans.map(expected));
    const first = doc.gpx.trk.trkseg[0].trkpt[0];
    assert.equal(first.ele, undefined);
    // 0.4 km/h in m/s, rounded to the centimetre per second.
    assert.equal(first.extensions['gpxtpx:TrackPointExtension']['gpxtpx:speed'], '0.11');
  });

  it('exports KML 2.2 with gx:Track: a track per span, its times and coordinates in step', async () => {
    const res = await track(`${DAY_QUERY}&format=kml`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/vnd.google-earth.kml+xml; charset=utf-8');
    assert.equal(
      res.headers['content-disposition'],
      `attachment; filename="BOAT-01_${DAY}.kml"; filename*=UTF-8''%E6%B8%85%E6%B3%A21%E5%8F%B7_${DAY}.kml`,
    );
    const doc = xml.parse(res.body);
    assert.equal(doc.kml['@_xmlns'], 'http://www.opengis.net/kml/2.2');
    const placemark = doc.kml.Document.Placemark;
    assert.equal(placemark.name, '清波1号 BOAT-01');
    const tracks = placemark['gx:MultiTrack']['gx:Track'].map(
      (tr: { when: string[]; 'gx:coord': string[] }) => {
        assert.equal(tr.when.length, tr['gx:coord'].length);
        return tr.when.map((time, i) => {
          const [lon, lat, alt] = (tr['gx:coord'][i] ?? '').split(' ').map(Number);
          assert.equal(alt, 0);
          return { time, lat, lon };
        });
      },
    );
    assert.deepEqual(tracks, spans.map(expected));
  });

  it('exports CSV with a BOM and a header row, every fix, parsed back', async () => {
    const res = await track(`${DAY_QUERY}&format=csv`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(
      res.headers['content-disposition'],
      `attachment; filename="BOAT-01_${DAY}.csv"; filename*=UTF-8''%E6%B8%85%E6%B3%A21%E5%8F%B7_${DAY}.csv`,
    );
    assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark');
    const lines = res.body.replace(/^\uFEFF/, '').split('\r\n');
    assert.equal(lines.pop(), '', 'every line ends in CRLF');
    assert.equal(lines.shift(), 'time,lat,lon,speedKmh,course,valid');
    assert.deepEqual(
      lines.map((line) => {
        const [time, lat, lon, speedKmh, course, valid] = line.split(',');
        return {
          time,
          lat: Number(lat),
          lon: Number(lon),
          speedKmh: Number(speedKmh),
          course: Number(course),
          valid,
        };
      }),
      world.day.map((f) => ({
        time: iso(f.time),
        lat: f.lat,
        lon: f.lon,
        speedKmh: f.speed,
        course: 90,
        valid: String(f.valid),
      })),
    );
  });

  it('names a download spanning two local days after both', async () => {
    const res = await track('from=2026-12-06T16:00:00Z&to=2026-12-08T16:00:00Z&format=geojson');
    assert.equal(
      res.headers['content-disposition'],
      `attachment; filename="BOAT-01_2026-12-07_2026-12-08.geojson"; filename*=UTF-8''%E6%B8%85%E6%B3%A21%E5%8F%B7_2026-12-07_2026-12-08.geojson`,
    );
  });

  it('answers an asset outside the caller’s scope exactly as an unknown one, for every route and format', async () => {
    const commB1 = await loginAs(t.app, 'commB1');
    const unknown = newId();
    for (const [path, q] of [
      ['track', DAY_QUERY],
      ['track', `${DAY_QUERY}&format=gpx`],
      ['trips', DAY_QUERY],
      ['stops', DAY_QUERY],
    ]) {
      const hidden = await t.app.inject({ url: `/api/assets/${world.boatId}/${path}?${q}`, headers: commB1 });
      const none = await t.app.inject({ url: `/api/assets/${unknown}/${path}?${q}`, headers: commB1 });
      assert.equal(hidden.statusCode, 404);
      assert.equal(hidden.json().error.code, 'ASSET_NOT_FOUND');
      assert.equal(hidden.body.replaceAll(world.boatId, '<id>'), none.body.replaceAll(unknown, '<id>'));
      assert.equal(hidden.headers['content-disposition'], undefined);
    }
    // The subdistrict's leader sees both boats, and only grid area B's fix for BOAT-B.
    const own = await track(DAY_QUERY, await loginAs(t.app, 'leader'), world.boatBId);
    assert.equal(own.statusCode, 200);
    assert.equal(own.json().items.length, 1);
  });

  it('refuses roles that read no positions: a resident and a grid worker get 403', async () => {
    for (const who of ['resident', 'gridA1']) {
      const res = await track(DAY_QUERY, await loginAs(t.app, who));
      assert.equal(res.statusCode, 403, who);
      assert.equal(res.json().error.code, 'FORBIDDEN');
    }
    const anonymous = await t.app.inject({ url: `/api/assets/${world.boatId}/trips?${DAY_QUERY}` });
    assert.equal(anonymous.statusCode, 401);
  });

  it('refuses a bad format, a bad range and a missing bound with 400 in the catalogue’s shape', async () => {
    const cases: [query: string, code: string, path?: string][] = [
      [`${DAY_QUERY}&format=shp`, 'VALIDATION_FAILED'],
      [`${DAY_QUERY}&simplifyM=0`, 'VALIDATION_FAILED'],
      ['from=2026-12-07T10:00:00Z&to=2026-12-07T09:00:00Z', 'TIME_RANGE_INVALID'],
      ['from=2026-11-01T00:00:00Z&to=2026-12-07T00:00:00Z', 'TIME_RANGE_INVALID', 'stops'],
      ['from=2026-12-07T10:00:00Z', 'VALIDATION_FAILED', 'trips'],
      ['from=yesterday&to=2026-12-07T09:00:00Z', 'VALIDATION_FAILED', 'trips'],
    ];
    for (const [query, code, path = 'track'] of cases) {
      const res = await t.app.inject({ url: `/api/assets/${world.boatId}/${path}?${query}`, headers: op });
      assert.equal(res.statusCode, 400, `${path}?${query}: ${res.body}`);
      const body = res.json();
      assert.deepEqual(Object.keys(body), ['error']);
      assert.equal(body.error.code, code, query);
      assert.equal(typeof body.error.message, 'string');
      assert.ok(body.error.message.length > 0);
    }
  });

  it('serves a 17,280-fix boat-day as JSON and as GPX (timed once, not asserted)', async (tc) => {
    const boat = await t.app.inject({
      method: 'POST',
      url: '/api/assets',
      headers: op,
      payload: { kind: 'boat', code: 'BOAT-DAY', name: '清波满日号', unitId: t.org.a1.id },
    });
    const device = await t.app.inject({
      method: 'POST',
      url: '/api/devices',
      headers: op,
      payload: { name: 'boat-day', protocol: 'osmand', identifier: 'boat-day', assetId: boat.json().id },
    });
    await insertPositions(t.store.db, fullDayAt5s(device.json().id, '2026-12-10'));
    const q = 'from=2026-12-09T16:00:00Z&to=2026-12-10T16:00:00Z';
    const timings: string[] = [];
    for (const format of ['json', 'gpx', 'json', 'gpx']) {
      const started = performance.now();
      const res = await track(`${q}&format=${format}`, op, boat.json().id);
      const ms = performance.now() - started;
      assert.equal(res.statusCode, 200);
      const count = format === 'json' ? res.json().items.length : res.body.split('<trkpt ').length - 1;
      assert.equal(count, 17_280);
      timings.push(`${format} ${ms.toFixed(1)} ms (${(res.rawPayload.length / 1e6).toFixed(2)} MB)`);
    }
    tc.diagnostic(`[${kind}] 17,280-fix boat-day over app.inject: ${timings.join(', ')}`);
  });
});
