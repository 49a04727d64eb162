// The fleet day board (船队日报) in Debian's Chromium against the demo world: an operator reads the
// day's boats, one boat's figures must be the API's own, problems are red, the .xlsx link is the
// day's; on a desk a table, on a phone one card a boat. Screenshot: docs/screenshots/fleet-board.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { DaySummaryView, DutyDayView, FleetDayView } from '../src/api/index.ts';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { findAsset } from '../src/store/assets.repository.ts';
import { listDevices } from '../src/store/devices.repository.ts';
import { findSegment } from '../src/store/segments.repository.ts';
import { loginAs } from './helpers/app.ts';
import { browserProblem, logIn, ROOT, SCREENS } from './helpers/browser.ts';
import { useDemoBrowser } from './helpers/demo-console.ts';
import { alongLine, ingestTrack } from './helpers/fleet.ts';
import { describeProblems, layoutProblems } from './helpers/layout.ts';

const skip = browserProblem() ?? false;
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
/** The demo console's clock day (02:30 UTC on 2 March is 10:30 in Beijing). */
const DAY = '2026-03-02';
const MINUTE = 60_000;

describe('console: the fleet day board [sqlite]', { skip }, () => {
  const suite = useDemoBrowser({ viewport: SCREENS.desk });
  let page: Page;
  let boatId = '';
  let day: FleetDayView;
  let duty: DutyDayView;

  before(async () => {
    // A boat with a terminal works its river this morning, 08:00–09:00 (Beijing), and unloads.
    const { db } = suite.demo.app.platform.ctx;
    const device = (await listDevices(db, { scopePath: null })).find(
      (d) => d.assetId && d.id !== suite.demo.trackedDeviceId,
    );
    assert.ok(device?.assetId, 'the demo has a boat with a terminal');
    boatId = device.assetId;
    const boat = await findAsset(db, boatId);
    const segment = boat?.segmentId ? await findSegment(db, boat.segmentId) : undefined;
    assert.ok(segment && segment.geometry.type === 'LineString', 'the boat patrols a river segment');
    const line = segment.geometry.coordinates;
    const points = [
      ...Array.from({ length: 5 }, () => alongLine(line, 0)),
      ...Array.from({ length: 21 }, (_, k) => alongLine(line, k / 20)),
      ...Array.from({ length: 5 }, () => alongLine(line, 1)),
    ];
    await ingestTrack(suite.demo.app, device, Date.parse('2026-03-02T01:00:00Z'), points, 2 * MINUTE);
    const headers = await loginAs(suite.demo.app, 'operator', DEMO_PASSWORD);
    const get = async (url: string) => {
      const res = await suite.demo.app.inject({ url, headers });
      assert.equal(res?.statusCode, 200, `${url}: ${res?.body}`);
      return res?.json();
    };
    const unload = await suite.demo.app.inject({
      method: 'POST',
      url: '/api/unloads',
      headers,
      payload: {
        assetId: boatId,
        at: '2026-03-02T01:10:00.000Z',
        tonnes: 2.5,
        lat: points[0]?.[0],
        lon: points[0]?.[1],
      },
    });
    assert.equal(unload.statusCode, 201, unload.body);
    day = await get(`/api/fleet/days/${DAY}`);
    duty = await get(`/api/duty?date=${DAY}`);
    page = await logIn(suite.context, suite.demo.base, 'operator', DEMO_PASSWORD);
    await page.getByTestId('nav-fleet').click();
    await page.locator('[data-testid=fleet-board][aria-busy=false]').waitFor();
  });

  /** The boat that worked its river this morning. */
  const worked = (): DaySummaryView => {
    const item = day.items.find((i) => i.assetId === boatId);
    assert.ok(item, 'the boat is on the board');
    return item;
  };

  it("opens on the server's day with one row per boat and the day's .xlsx link", async () => {
    assert.equal(await page.getByTestId('nav-fleet').textContent(), '船队日报');
    assert.equal(await page.getByTestId('fleet-board-date').inputValue(), DAY);
    assert.equal(await page.getByTestId('fleet-row').count(), day.items.length);
    assert.ok(day.items.length >= 10, `${day.items.length} boats`);
    assert.equal(
      await page.getByTestId('fleet-board-xlsx').getAttribute('href'),
      `/api/fleet/days/${DAY}.xlsx`,
    );
    const xlsx = await page.request.get(`${suite.demo.base}/api/fleet/days/${DAY}.xlsx`);
    assert.equal(xlsx.status(), 200);
    assert.match(xlsx.headers()['content-type'] ?? '', /spreadsheetml/);
  });

  it("shows one boat's figures exactly as the API gives them", async () => {
    const s = worked();
    const boat = duty.boats.find((b) => b.assetId === s.assetId);
    assert.ok(boat);
    const row = page.locator(`[data-testid=fleet-row][data-asset-id="${s.assetId}"]`);
    const text = async (id: string) => (await row.getByTestId(id).textContent())?.trim();
    const time = (instant: string | null) =>
      instant ? new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(11, 16) : '—';
    const coverage = s.coverage.length ? Math.min(...s.coverage.map((c) => c.ratio)) : null;
    assert.deepEqual(
      {
        name: await text('fleet-name'),
        duty: await text('fleet-duty'),
        crew: await text('fleet-crew'),
        distance: await text('fleet-distance'),
        work: await text('fleet-work'),
        rest: await text('fleet-rest'),
        coverage: await text('fleet-coverage'),
        unloads: await text('fleet-unloads'),
      },
      {
        name: boat.name,
        duty: s.duty.onDutyFrom ? `${time(s.duty.onDutyFrom)}–${time(s.duty.onDutyTo)}` : '—',
        crew: String(boat.crewOnDuty ?? '—'),
        distance: `${(s.distanceM / 1000).toFixed(2)} km`,
        work: `${(s.workS / 3600).toFixed(2)} h`,
        rest: `${(s.restS / 3600).toFixed(2)} h`,
        coverage: coverage === null ? '—' : `${(coverage * 100).toFixed(1)}%`,
        unloads: `${s.unloads.count} 次 · ${s.unloads.tonnes} 吨`,
      },
    );
    // The whole river, once, and one unload.
    assert.ok(s.distanceM > 500, `${s.distanceM} m`);
    assert.deepEqual(s.unloads, { count: 1, tonnes: 2.5 });
  });

  it('marks coverage under 0.9 in red, and only there', async () => {
    const low = day.items.filter((s) => s.duty.onDutyFrom !== null && s.coverage.some((c) => c.ratio < 0.9));
    assert.ok(low.length > 0, 'some boat covered under 90 % of its river');
    for (const s of day.items) {
      const cell = page.locator(
        `[data-testid=fleet-row][data-asset-id="${s.assetId}"] [data-testid=fleet-coverage]`,
      );
      // .bad is var(--danger), red.
      const red = ((await cell.getAttribute('class')) ?? '').split(' ').includes('bad');
      assert.equal(red, low.includes(s), `coverage cell of ${s.assetId}`);
    }
  });

  it('is a table on the desk and one card a boat on a phone, without sideways scrolling', async () => {
    assert.equal(await page.locator('.fleet-board thead').isVisible(), true, 'column headers on the desk');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'fleet-board.png') });
    await page.setViewportSize(SCREENS.phone);
    await page.reload();
    await page.locator('[data-testid=fleet-board][aria-busy=false]').waitFor();
    await page.getByTestId('fleet-row').first().waitFor();
    assert.equal(await page.locator('.fleet-board thead').isVisible(), false, 'no column headers on a phone');
    const first = await page.getByTestId('fleet-row').nth(0).boundingBox();
    const second = await page.getByTestId('fleet-row').nth(1).boundingBox();
    const rows = [first, second];
    assert.ok(first && second, 'two cards');
    // Cards stack: the second below the first, each within the phone's width.
    assert.ok(second.y >= first.y + first.height, `${JSON.stringify(rows)}`);
    assert.ok(first.x >= 0 && first.x + first.width <= SCREENS.phone.width);
    assert.deepEqual(
      describeProblems('fleet board on a phone', await layoutProblems(page, { touch: true })),
      [],
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'fleet-board-phone.png') });
  });
});
