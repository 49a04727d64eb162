// The fleet's pages in Debian's Chromium against the demo world: the playback (轨迹回放) of a boat's
// day with a stop, the live map's boat list and its card, and the crew's shift page (我的班次) on a
// phone with a faked geolocation. Screenshots: docs/screenshots/playback.png and phone-crew.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { findAsset, findAssetByUser } from '../src/store/assets.repository.ts';
import { listDevices } from '../src/store/devices.repository.ts';
import { findLatest } from '../src/store/positions.repository.ts';
import { findSegment } from '../src/store/segments.repository.ts';
import { findUserByUsername } from '../src/store/users.repository.ts';
import { browserProblem, logIn, ROOT, SCREENS } from './helpers/browser.ts';
import { useDemoBrowser } from './helpers/demo-console.ts';
import { alongLine, ingestTrack } from './helpers/fleet.ts';
import { describeProblems, layoutProblems } from './helpers/layout.ts';

const skip = browserProblem() ?? false;
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const MINUTE = 60_000;
/** The replayed day: 10:10–11:06 in Shanghai on 1 March, the day before the demo's clock. */
const DAY = '2026-03-01';
const DAY_RANGE = { from: '2026-02-28T16:00:00.000Z', to: '2026-03-01T15:59:59.999Z' };

describe('console: playback, boats and the crew’s shift [sqlite]', { skip }, () => {
  const suite = useDemoBrowser();
  let boatId = '';
  let boatName = '';
  let crewBoatFix: { lat: number; lon: number } = { lat: 0, lon: 0 };
  let points: [number, number][] = [];

  before(async () => {
    const { db } = suite.demo.app.platform.ctx;
    const devices = await listDevices(db, { scopePath: null });
    const device = devices.find((d) => d.assetId && d.id !== suite.demo.trackedDeviceId);
    assert.ok(device?.assetId, 'the demo has a boat with a terminal');
    boatId = device.assetId;
    const boat = await findAsset(db, boatId);
    boatName = boat?.name ?? '';
    const segment = boat?.segmentId ? await findSegment(db, boat.segmentId) : undefined;
    assert.ok(segment && segment.geometry.type === 'LineString', 'the boat patrols a river segment');
    const line = segment.geometry.coordinates;
    // Twenty minutes up its river, a quarter of an hour moored, twenty minutes on.
    const leg = (from: number, n: number) =>
      Array.from({ length: n }, (_, k) => alongLine(line, 0.2 + (from + k) * 0.02));
    points = [...leg(0, 11), ...Array.from({ length: 8 }, () => alongLine(line, 0.4)), ...leg(11, 10)];
    await ingestTrack(suite.demo.app, device, Date.parse('2026-03-01T03:06:00Z'), points, 2 * MINUTE);

    const crewUser = await findUserByUsername(db, 'crew');
    const member = crewUser && (await findAssetByUser(db, crewUser.id));
    assert.ok(member?.boatId, 'the demo crew login is on a boat');
    const [crewDevice] = await listDevices(db, { scopePath: null, assetId: member.boatId });
    const fix = crewDevice && (await findLatest(db, crewDevice.id));
    assert.ok(fix, 'the crew’s boat has a position');
    crewBoatFix = { lat: fix.lat, lon: fix.lon };
  });
  const base = () => suite.demo.base;

  const marker = async (p: Page) => {
    const m = p.getByTestId('playback-marker');
    return {
      time: (await m.getAttribute('data-time')) ?? '',
      lat: Number(await m.getAttribute('data-lat')),
      lon: Number(await m.getAttribute('data-lon')),
    };
  };

  it('replays a boat’s day: stops with the API’s durations, totals, the slider and play move the boat', async () => {
    const p = await logIn(suite.context, base(), 'admin', DEMO_PASSWORD);
    await p.getByTestId('nav-playback').waitFor();
    await p.goto(`${base()}/#/playback/${boatId}/${DAY}`);
    await p.getByTestId('stop-row').first().waitFor();

    const query = new URLSearchParams(DAY_RANGE);
    const stops = (await (await p.request.get(`${base()}/api/assets/${boatId}/stops?${query}`)).json()) as {
      items: { durationS: number }[];
    };
    const trips = (await (await p.request.get(`${base()}/api/assets/${boatId}/trips?${query}`)).json()) as {
      items: { distanceM: number }[];
    };
    assert.ok(stops.items.length >= 1, 'the moored quarter of an hour is a stop');
    const shown = await p
      .getByTestId('stop-row')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-duration-s'))));
    assert.deepEqual(
      shown,
      stops.items.map((s) => s.durationS),
    );
    const minutes = Math.floor((stops.items[0]?.durationS ?? 0) / 60);
    assert.match((await p.getByTestId('stop-row').first().textContent()) ?? '', new RegExp(`${minutes}分钟`));
    assert.equal(await p.getByTestId('total-stops').textContent(), String(stops.items.length));
    const distance = trips.items.reduce((s, t) => s + t.distanceM, 0);
    assert.equal(Number(await p.getByTestId('total-distance').getAttribute('data-m')), Math.round(distance));

    // The slider at its start puts the boat on the first fix (10:10 Shanghai); at its end on the last.
    const start = await marker(p);
    assert.equal(start.time, '2026-03-01T02:10:00.000Z');
    const near = (a: number, b: number | undefined) => Math.abs(a - (b ?? Number.NaN)) < 1e-6;
    assert.ok(
      near(start.lat, points[0]?.[0]) && near(start.lon, points[0]?.[1]),
      'the boat is at the first fix',
    );
    const slider = p.getByTestId('playback-slider');
    const max = (await slider.getAttribute('max')) ?? '';
    await slider.fill(max);
    await p.locator('[data-testid=playback-marker][data-time="2026-03-01T03:06:00.000Z"]').waitFor();
    const end = await marker(p);
    assert.ok(
      near(end.lat, points.at(-1)?.[0]) && near(end.lon, points.at(-1)?.[1]),
      'the boat is at the last fix',
    );
    // Halfway through the first leg (10:21), the boat is between the fixes either side.
    await slider.fill(String(Date.parse('2026-03-01T02:21:00Z')));
    const mid = await marker(p);
    const [a = 0, b = 0] = points[5] ?? [];
    const [c = 0, d = 0] = points[6] ?? [];
    assert.ok(
      near(mid.lat, (a + c) / 2) && near(mid.lon, (b + d) / 2),
      'the boat is halfway between two fixes',
    );

    // Played at 300×, a second of the page is five minutes of the day.
    await slider.fill(String(Date.parse('2026-03-01T02:10:00Z')));
    await p.getByTestId('playback-rate').selectOption('300');
    await p.getByTestId('playback-play').click();
    const fiveMinutesIn = Date.parse('2026-03-01T02:15:00Z');
    for (let tries = 0; Date.parse((await marker(p)).time) < fiveMinutesIn; tries++) {
      assert.ok(tries < 50, 'playing moves the boat');
      await p.waitForTimeout(100);
    }
    await p.getByTestId('playback-play').click();

    // The downloads are the API's track in each format.
    const gpx = await p.request.get(`${base()}${await p.getByTestId('export-gpx').getAttribute('href')}`);
    assert.equal(gpx.status(), 200);
    assert.match(await gpx.text(), /<gpx /);
    assert.match((await p.getByTestId('export-csv').getAttribute('href')) ?? '', /format=csv/);

    await p.locator('[data-testid=map] canvas.maplibregl-canvas').waitFor();
    await slider.fill(String(Date.parse('2026-03-01T02:40:00Z')));
    await p.waitForTimeout(1500);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await p.screenshot({ path: path.join(SCREENSHOTS, 'playback.png') });
  });

  it('lists boats by name on the live map; a click opens the card with a link to its playback', async () => {
    const p = suite.context.pages()[0] as Page;
    await p.goto(`${base()}/#/map`);
    await p.getByTestId('device-row').first().waitFor();
    const names = await p.getByTestId('boat-name').allTextContents();
    assert.ok(names.includes(boatName), `${boatName} is listed: ${names.join(', ')}`);
    assert.ok(
      names.every((n) => !n.endsWith('北斗终端')),
      'boats, not terminals',
    );
    // Search narrows the list to the boat.
    await p.getByTestId('boat-search').fill(boatName);
    assert.deepEqual(await p.getByTestId('boat-name').allTextContents(), [boatName]);
    const row = p.locator(`[data-testid=device-row][data-asset-id="${boatId}"]`);
    // Its latest fix (the demo's, now) is under way at 4.2 km/h.
    assert.equal(await row.getAttribute('data-state'), 'moving');
    await row.getByTestId('boat-crew').waitFor();
    await row.click();
    const card = p.getByTestId('track-panel');
    await card.getByText(boatName).first().waitFor();
    await card.getByTestId('boat-age').waitFor();
    const link = card.getByTestId('playback-link');
    assert.match(
      (await link.getAttribute('href')) ?? '',
      new RegExp(`^#/playback/${boatId}/\\d{4}-\\d{2}-\\d{2}$`),
    );
    // Filtering on the offline boats hides it.
    await p.getByTestId('boat-filter').selectOption('offline');
    assert.equal(await row.count(), 0);
    await p.getByTestId('boat-filter').selectOption('all');
    await link.click();
    await p.getByTestId('playback-page').waitFor();
    assert.equal(await p.getByTestId('playback-boat').inputValue(), boatId);
  });

  it('lays the playback out for a phone: the map on top, the controls below, nothing sideways', async () => {
    const p = suite.context.pages()[0] as Page;
    await p.setViewportSize(SCREENS.phone);
    await p.goto(`${base()}/#/playback/${boatId}/${DAY}`);
    await p.getByTestId('stop-row').first().waitFor();
    const map = await p.getByTestId('playback-map').boundingBox();
    const player = await p.getByTestId('player').boundingBox();
    assert.ok(map && player && map.y + map.height <= player.y, 'the controls are under the map');
    assert.equal(Math.round(map.width), SCREENS.phone.width - 24);
    assert.deepEqual(describeProblems('playback', await layoutProblems(p, { touch: true })), []);
    await p.setViewportSize(SCREENS.desk);
  });

  it('clocks the crew in on a phone where it stands and shows the distance to the boat', async () => {
    await suite.context.grantPermissions(['geolocation'], { origin: base() });
    // About 40 m north of the boat's last fix.
    await suite.context.setGeolocation({ latitude: crewBoatFix.lat + 0.00036, longitude: crewBoatFix.lon });
    const p = await logIn(suite.context, base(), 'crew', DEMO_PASSWORD);
    await p.setViewportSize(SCREENS.phone);
    await p.getByTestId('tab-crew').click();
    await p.getByTestId('crew-boat').waitFor();
    const answered = p.waitForResponse((r) => r.url().endsWith('/api/duty/clock-in'));
    await p.getByTestId('clock-in').click();
    const response = await answered;
    assert.equal(response.status(), 201);
    const sent = response.request().postDataJSON() as { lat: number; lon: number };
    assert.ok(Math.abs(sent.lat - (crewBoatFix.lat + 0.00036)) < 1e-9);
    const body = (await response.json()) as { distanceM: number; flags: string[] };
    assert.ok(body.distanceM > 30 && body.distanceM < 50, `${body.distanceM} m from the boat`);
    const answer = p.getByTestId('clock-answer');
    await answer.waitFor();
    assert.equal(await answer.getAttribute('data-distance-m'), String(body.distanceM));
    assert.match(
      (await p.getByTestId('clock-distance').textContent()) ?? '',
      new RegExp(`${Math.round(body.distanceM)} 米`),
    );
    // The duty of the day now holds the clock-in.
    await p
      .getByTestId('clock-today')
      .getByText(/上班 \d\d:\d\d:\d\d/)
      .first()
      .waitFor();
    await p.getByTestId('unload-dock').locator('option').nth(1).waitFor({ state: 'attached' });
    assert.deepEqual(describeProblems('crew', await layoutProblems(p, { touch: true })), []);
    await p.screenshot({ path: path.join(SCREENSHOTS, 'phone-crew.png'), fullPage: true });
  });
});
