// Boats on a work order in the console (issue 12, parts 4 and 5), in Debian's Chromium against a
// real API on a free port (SQLite only: a UI test; the API suite runs on both databases). The
// contractor's office names the boat sent and sees its distance and arrival; after the feedback
// the grid worker who verifies sees the field check — reached or not, the closest distance and
// when, on a map with the track, the point and the circle — on a phone, and the verify records it.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { localProjection, unproject } from '../src/domain/fleet/planar.ts';
import { createUser } from '../src/services/users/index.ts';
import { insertPositions, type StoredPosition, upsertLatest } from '../src/store/positions.repository.ts';
import { PASSWORD, useTestApp } from './helpers/app.ts';
import {
  browserProblem,
  ensureConsoleBuilt,
  launchBrowser,
  logIn,
  ROOT,
  SCREENS,
} from './helpers/browser.ts';
import { describeProblems, layoutProblems } from './helpers/layout.ts';
import { reportAndDispatch } from './helpers/order-flow.ts';
import { actAs, bj, IN_A1_GRID1, sessions, storedPhoto, useOrderWorld } from './helpers/orders.ts';

const skip = browserProblem() ?? false;

describe('console: boats on an order and the field check in Chromium [sqlite]', { skip }, () => {
  before(() => ensureConsoleBuilt());
  // The app's clock is set by the test while the browser lives in real time: sessions must outlast the gap.
  const t = useTestApp('sqlite', { sessionTtlHours: 20 * 365 * 24 });
  const world = useOrderWorld(t);
  const as = sessions(t);
  const plane = localProjection(IN_A1_GRID1.lat, IN_A1_GRID1.lon);
  let base = '';
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let context: BrowserContext;
  let orderId = '';
  let boatId = '';
  let deviceId = '';

  async function post(user: string, url: string, payload: object) {
    const res = await t.app.inject({ method: 'POST', url, headers: await as(user), payload });
    assert.ok(res.statusCode < 300, `${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  }

  /** Fixes x metres east and y north of the order's point, at Beijing times, 12 km/h. */
  async function track(fixes: [string, number, number][]) {
    const rows: StoredPosition[] = fixes.map(([local, x, y]) => ({
      deviceId,
      time: Date.parse(`${local.replace(' ', 'T')}+08:00`),
      serverTime: Date.parse(`${local.replace(' ', 'T')}+08:00`) + 500,
      ...unproject(plane, x, y),
      speed: 12,
      course: 270,
      altitude: 0,
      valid: true,
      flags: 0,
      attributes: {},
    }));
    await insertPositions(t.store.db, rows);
    await upsertLatest(t.store.db, rows.slice(-1));
  }

  before(async () => {
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    t.org.users.office = await createUser(
      { db: t.store.db, now: t.clock.now },
      {
        username: 'office',
        password: PASSWORD,
        displayName: '郑调度',
        role: 'department',
        unitId: world.contractor.id,
      },
    );
    boatId = (
      await post('operator', '/api/assets', {
        kind: 'boat',
        code: 'QB-01',
        name: '清波1号',
        unitId: world.contractor.id,
      })
    ).id;
    deviceId = (
      await post('operator', '/api/devices', {
        name: '清波1号终端',
        protocol: 'osmand',
        identifier: 'qb-01',
        unitId: world.contractor.id,
        assetId: boatId,
      })
    ).id;
    // Dispatched to the company at 10:00 without naming a boat.
    orderId = (
      await reportAndDispatch(t, as, {
        at: bj('2026-03-02 09:30'),
        categoryId: world.categories.get('暴露垃圾') ?? '',
        ...IN_A1_GRID1,
        dispatch: { unitId: world.contractor.id },
      })
    ).id;
    browser = await launchBrowser();
    context = browser.context;
  });
  after(() => browser?.close());

  const detail = (p: Page) => p.locator(`[data-testid=order-detail][data-order-id="${orderId}"]`);

  it('lets the contractor’s office name the boat sent and shows its distance and arrival', async () => {
    t.clock.t = bj('2026-03-02 10:10');
    const p = await logIn(context, base, 'office', PASSWORD);
    await p.locator('header.app-header').waitFor();
    await p.goto(`${base}/#/orders/${orderId}`);
    // None named yet: the company's boats are considered.
    await detail(p).locator('[data-testid=order-boats][data-assigned=false]').waitFor();
    await detail(p).getByTestId('action-assignAssets').click();
    const form = p.locator('[data-testid=action-form][data-action=assignAssets]');
    await form.getByRole('checkbox', { name: /清波1号/ }).check();
    await form.getByTestId('action-submit').click();
    await detail(p).locator('[data-testid=order-boats][data-assigned=true]').waitFor();
    assert.equal(await detail(p).getAttribute('data-status'), 'dispatched');
    // Heading for the point from 1,050 m east at 12 km/h: there in 315 s.
    await track([
      ['2026-03-02 10:19:00', 1250, 25],
      ['2026-03-02 10:19:30', 1150, 25],
      ['2026-03-02 10:20:00', 1050, 25],
    ]);
    t.clock.t = bj('2026-03-02 10:20');
    await p.reload();
    const boat = detail(p).locator(`[data-testid=order-boat][data-asset-id="${boatId}"]`);
    await boat.getByTestId('boat-distance').waitFor();
    assert.equal(await boat.getByTestId('boat-distance').textContent(), '1050 米');
    assert.equal(await boat.getByTestId('boat-eta').textContent(), '预计 10:25:15 到达');
    await detail(p).locator('[data-testid=order-boats-map] canvas.maplibregl-canvas').waitFor();
    await detail(p).getByTestId('order-boats').scrollIntoViewIfNeeded();
    await p.screenshot({ path: path.join(ROOT, 'docs/screenshots/order-boats-desk.png') });
    const timeline = await detail(p)
      .locator('[data-testid=timeline-event][data-action=assignAssets]')
      .textContent();
    assert.match(timeline ?? '', /指派船只.*船只 1 艘/s);
    // The live map opened from the order rings the boat sent to it.
    await detail(p).getByTestId('boats-live-map').click();
    await p.locator('[data-testid=map-area][data-highlighted="1"]').waitFor();
    assert.equal(new URL(p.url()).hash, `#/map/order/${orderId}`);
  });

  it('shows the verifier the field check on a phone, and records it with the verify', async () => {
    // The boat passes 25 m from the point at 10:25, between fixes 100 m apart; fed back at 10:40.
    await track([
      ['2026-03-02 10:24:30', 150, 25],
      ['2026-03-02 10:25:00', 50, 25],
      ['2026-03-02 10:25:30', -50, 25],
      ['2026-03-02 10:26:00', -150, 25],
    ]);
    for (const [at, action, body] of [
      ['2026-03-02 10:21', 'sign', {}],
      ['2026-03-02 10:22', 'startHandling', {}],
      ['2026-03-02 10:40', 'feedback', { photos: [await storedPhoto(t, 'office')] }],
    ] as const) {
      t.clock.t = bj(at);
      const res = await actAs(t, await as('office'), orderId, action, body);
      assert.equal(res.statusCode, 200, res.body);
    }
    t.clock.t = bj('2026-03-02 11:00');
    await browser?.close();
    browser = await launchBrowser({ viewport: SCREENS.phone });
    context = browser.context;
    const p = await logIn(context, base, 'gridA1', PASSWORD);
    await p.locator('header.app-header').waitFor();
    await p.goto(`${base}/#/orders/${orderId}`);
    const check = detail(p).locator('[data-testid=field-check][data-reached=true][data-closed=true]');
    await check.waitFor();
    assert.equal(await check.getByTestId('field-check-result').textContent(), '已到达现场');
    assert.equal(await check.getByTestId('field-check-closest').textContent(), '最近 25 米（10:25:15）');
    assert.match((await check.textContent()) ?? '', /2026-03-02 10:10:\d\d 至 2026-03-02 10:40:00/);
    await check.locator('[data-testid=field-check-map] canvas.maplibregl-canvas').waitFor();
    await check.scrollIntoViewIfNeeded();
    await p.screenshot({ path: path.join(ROOT, 'docs/screenshots/order-field-check-phone.png') });
    const problems = describeProblems(
      'order detail with field check',
      await layoutProblems(p, { touch: false }),
    );
    assert.deepEqual(problems, []);

    await detail(p).getByTestId('action-verify').click();
    const form = p.locator('[data-testid=action-form][data-action=verify]');
    await form.getByTestId('action-submit').click();
    await p.locator(`[data-testid=order-detail][data-status=verified]`).waitFor();
    const verified = detail(p).locator('[data-testid=timeline-event][data-action=verify]');
    await verified.waitFor();
    assert.match((await verified.textContent()) ?? '', /轨迹核查：已到达现场，最近 25 米/);
  });
});
