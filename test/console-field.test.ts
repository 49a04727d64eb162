// The field on a phone (390×844), in Debian's Chromium against the demo world with its orders:
// each field role's home, a resident's report with two photos and the phone's position that
// waits offline and goes with its original time once back online, a grid worker's on-site
// verification (核查) with a photo, notices to one community's residents only, and the
// installable console (manifest and service worker with their types, never an API answer cached).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Page, Response } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/users.ts';
import { browserProblem, logIn, SCREENS } from './helpers/browser.ts';
import { type ApiLogin, apiCall, apiLogin, useDemoBrowser } from './helpers/demo-console.ts';
import { describeProblems, layoutProblems } from './helpers/layout.ts';
import { makePhoto, postPhoto } from './helpers/photos.ts';

const skip = browserProblem() ?? false;

interface UnitRow {
  id: string;
  kind: string;
  name: string;
  parentId: string | null;
  polygon: { type: string; coordinates: number[][][] | number[][][][] } | null;
}

interface ReportedOrder {
  id: string;
  description: string;
  lat: number;
  lon: number;
  attributes: { reportedAt?: string } | null;
}

/** What each field role's home must show (its sections' test ids). */
const HOME_SECTIONS: Record<string, string[]> = {
  resident: ['home-report', 'home-my-reports', 'home-notices'],
  gridWorker: ['home-report', 'home-to-verify', 'home-grid-orders'],
  community: ['home-problem-list', 'notice-form', 'home-notices'],
  workstation: ['home-problem-list', 'notice-form', 'home-notices'],
  department: ['home-report', 'home-my-tasks'],
  crew: ['home-crew', 'home-my-tasks'],
  operator: ['home-map', 'home-today'],
  leader: ['home-map', 'home-today'],
};

describe('the field on a phone [sqlite]', { skip }, () => {
  const suite = useDemoBrowser({ orders: true, viewport: SCREENS.phone, serviceWorkers: 'allow' });
  let photo: Buffer;
  const base = () => suite.demo.base;

  const login = (username: string, password?: string) => apiLogin(suite.demo.app, username, password);
  const api = (who: ApiLogin, method: 'GET' | 'POST', url: string, payload?: object) =>
    apiCall(suite.demo.app, who, method, url, payload);
  /** A point inside a unit's polygon: the middle of its bounding box, checked with /api/units/locate. */
  const pointIn = async (who: ApiLogin, unitId: string, kind: 'grid' | 'community') => {
    const units: UnitRow[] = (await api(who, 'GET', '/api/units')).items;
    const grid = units.find(
      (u) => u.kind === 'grid' && (kind === 'grid' ? u.id : u.parentId) === unitId && u.polygon,
    );
    assert.ok(grid?.polygon, `no grid with a polygon in ${unitId}`);
    const ring = (
      grid.polygon.type === 'MultiPolygon'
        ? (grid.polygon.coordinates as number[][][][])[0]?.[0]
        : (grid.polygon.coordinates as number[][][])[0]
    ) as number[][];
    const lons = ring.map((p) => p[0] ?? 0);
    const lats = ring.map((p) => p[1] ?? 0);
    const point = {
      lat: Number(((Math.min(...lats) + Math.max(...lats)) / 2).toFixed(6)),
      lon: Number(((Math.min(...lons) + Math.max(...lons)) / 2).toFixed(6)),
    };
    const chain = await api(who, 'GET', `/api/units/locate?lat=${point.lat}&lon=${point.lon}`);
    assert.equal(chain.grid.id, grid.id, 'the middle of the grid’s box lies in the grid');
    return point;
  };
  const signIn = async (username: string, password = DEMO_PASSWORD): Promise<Page> => {
    const p = await logIn(suite.context, base(), username, password);
    await p.getByTestId('tab-bar').waitFor();
    return p;
  };
  const sectionLoaded = (p: Page, id: string) => p.locator(`[data-testid=${id}][aria-busy=false]`).waitFor();

  before(async () => {
    photo = await makePhoto('png', 64, 48);
  });

  for (const user of DEMO_USERS.filter((u) => u.role in HOME_SECTIONS)) {
    it(`opens the ${user.role}'s home first on the phone, fitting 390 px`, async () => {
      const p = await signIn(user.username);
      const home = p.locator(`[data-testid=home][data-role=${user.role}]`);
      await home.waitFor();
      assert.equal(await p.getByTestId('tab-home').getAttribute('aria-current'), 'page');
      for (const id of HOME_SECTIONS[user.role] ?? []) {
        assert.equal(await home.getByTestId(id).isVisible(), true, `${user.role}'s home shows ${id}`);
      }
      await p.waitForLoadState('networkidle');
      assert.deepEqual(
        describeProblems(`${user.username} home`, await layoutProblems(p, { touch: true })),
        [],
      );
    });
  }

  it('opens the resident’s home without the desk’s map code', async () => {
    const loaded: string[] = [];
    const record = (response: Response) => {
      if (response.request().serviceWorker() === null) loaded.push(new URL(response.url()).pathname);
    };
    suite.context.on('response', record);
    try {
      const p = await signIn('resident');
      await sectionLoaded(p, 'home-my-reports');
      await p.waitForLoadState('networkidle');
    } finally {
      suite.context.off('response', record);
    }
    assert.ok(
      loaded.some((u) => /\/assets\/HomePage-[\w-]+\.js$/.test(u)),
      'the home came as its own chunk',
    );
    assert.deepEqual(
      loaded.filter((u) => /maplibre|basemap|MapView|MapPage|PlaybackPage|DashboardPage/.test(u)),
      [],
      'no map library, basemap or map page on a resident’s home',
    );
  });

  it('keeps the desk on its usual first page and the admin without a home', async () => {
    const p = await signIn('admin');
    await p.locator('main.app-main[data-page]').waitFor();
    assert.notEqual(await p.locator('main.app-main').getAttribute('data-page'), 'home');
    const r = await signIn('resident');
    await r.setViewportSize(SCREENS.desk);
    await r.reload();
    await r.locator('main.app-main[data-page=orders]').waitFor();
    await r.setViewportSize(SCREENS.phone);
  });

  it('lets a resident report with photos and the phone’s position; made offline, it is sent back online with its time and photos', async () => {
    const resident = await login('resident');
    // A resident reads no units: their community's staff finds a point in it.
    const here = await pointIn(await login('community'), resident.user.unitId, 'community');
    await suite.context.grantPermissions(['geolocation'], { origin: base() });
    await suite.context.setGeolocation({ latitude: here.lat, longitude: here.lon, accuracy: 10 });
    const p = await signIn('resident');
    await p.getByTestId('home-report').click();
    const form = p.getByTestId('report-form');
    await form.waitFor();
    // The search picks the category and its template starts the description.
    await form.locator('input[name=categorySearch]').fill('暴露垃圾');
    assert.match(await form.locator('textarea[name=description]').inputValue(), /暴露垃圾约/);
    await form.locator('textarea[name=description]').fill('小区门口暴露垃圾三袋');
    await form.getByTestId('use-my-location').click();
    const lat = form.locator('input[name=lat]');
    for (let i = 0; i < 100 && (await lat.inputValue()) !== here.lat.toFixed(6); i++)
      await p.waitForTimeout(100);
    assert.equal(await lat.inputValue(), here.lat.toFixed(6));
    assert.equal(await form.locator('input[name=lon]').inputValue(), here.lon.toFixed(6));
    await form.locator('input[name=photos]').setInputFiles([
      { name: 'a.png', mimeType: 'image/png', buffer: photo },
      { name: 'b.png', mimeType: 'image/png', buffer: photo },
    ]);
    await form.getByTestId('uploaded-photo').nth(1).waitFor();
    assert.equal(
      await form.getByTestId('outside-warning').count(),
      0,
      'the point is in the resident’s community',
    );
    // The signal drops before the report goes.
    await suite.context.setOffline(true);
    // A third photo taken with no signal is kept on the phone, to go up with the report.
    await form
      .locator('input[name=photos]')
      .setInputFiles({ name: 'c.png', mimeType: 'image/png', buffer: photo });
    await form.getByTestId('held-photos').waitFor();
    assert.equal(await form.getByTestId('photo-count').textContent(), '3/6');
    const before = Date.now();
    await form.getByTestId('report-submit').click();
    await form.getByTestId('report-queued').waitFor();
    const madeBy = Date.now();
    const waiting = form.getByTestId('outbox-item');
    await waiting.waitFor();
    assert.equal(await waiting.getByTestId('outbox-state').textContent(), '等待发送');
    const mine = async () =>
      ((await api(resident, 'GET', '/api/orders?limit=50')).items as ReportedOrder[]).filter(
        (o) => o.description === '小区门口暴露垃圾三袋',
      );
    assert.equal((await mine()).length, 0, 'nothing reached the server offline');
    // A flaky reconnect: the first try reaches the server but its answer is lost on the way back.
    const keys: string[] = [];
    let lost = false;
    let answerLost = false;
    await p.route('**/api/orders', async (route) => {
      const request = route.request();
      if (request.method() !== 'POST') return route.continue();
      keys.push(request.headers()['idempotency-key'] ?? '');
      if (lost) return route.continue();
      lost = true;
      await route.fetch();
      await route.abort('connectionreset');
      answerLost = true;
    });
    await suite.context.setOffline(false);
    for (let i = 0; i < 200 && !answerLost; i++) await p.waitForTimeout(100);
    assert.equal((await mine()).length, 1, 'the first try arrived');
    assert.equal(await waiting.isVisible(), true, 'its answer lost, the report still waits on the phone');
    // The phone comes back again: the report goes once more with the same key, and is not doubled.
    await suite.context.setOffline(true);
    await suite.context.setOffline(false);
    await waiting.waitFor({ state: 'detached', timeout: 20_000 });
    await p.unroute('**/api/orders');
    assert.equal(keys.length, 2);
    assert.match(keys[0] ?? '', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(keys[1], keys[0], 'the replay carries the key made when it was queued');
    assert.equal((await mine()).length, 1, 'one order');
    const [order] = await mine();
    assert.ok(order, 'the report arrived once back online');
    assert.equal(order.lat, here.lat);
    assert.equal(order.lon, here.lon);
    const madeAt = Date.parse(order.attributes?.reportedAt ?? '');
    assert.ok(
      madeAt >= before - 1000 && madeAt <= madeBy + 1000,
      `reportedAt ${order.attributes?.reportedAt}`,
    );
    const events = (await api(resident, 'GET', `/api/orders/${order.id}/events`)).items as {
      photos?: string[];
    }[];
    assert.equal(
      events[0]?.photos?.length,
      3,
      'the two photos uploaded and the one kept offline went with it',
    );
  });

  it('lets a grid worker verify a fed-back order on site with a photo', async () => {
    const operator = await login('operator');
    const department = await login('department');
    const worker = await login('gridworker');
    const at = await pointIn(worker, worker.user.unitId, 'grid');
    const categories = (await api(operator, 'GET', '/api/categories?active=true')).items as {
      id: string;
      minorName: string;
    }[];
    const tree = categories.find((c) => c.minorName === '绿地杂草枯枝') ?? categories[0];
    assert.ok(tree);
    const created = await api(operator, 'POST', '/api/orders', {
      categoryId: tree.id,
      ...at,
      description: '绿地里枯枝成堆',
    });
    const id: string = created.order.id;
    await api(operator, 'POST', `/api/orders/${id}/actions/register`, {});
    await api(operator, 'POST', `/api/orders/${id}/actions/dispatch`, { toUnitId: department.user.unitId });
    await api(department, 'POST', `/api/orders/${id}/actions/sign`, {});
    await api(department, 'POST', `/api/orders/${id}/actions/startHandling`, {});
    const uploaded = await postPhoto(suite.demo.app, department.headers, photo, 'after.png', 'image/png');
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    await api(department, 'POST', `/api/orders/${id}/actions/feedback`, {
      note: '枯枝已清运',
      photos: [uploaded.json().id],
    });

    const p = await signIn('gridworker');
    await sectionLoaded(p, 'home-to-verify');
    await p.getByTestId('home-to-verify').locator(`[data-order-id="${id}"]`).click();
    const detail = p.locator(`[data-testid=order-detail][data-order-id="${id}"]`);
    await detail.getByTestId('timeline').waitFor();
    await detail.getByTestId('action-verify').click();
    const form = p.locator('[data-testid=action-form][data-action=verify]');
    await form.waitFor();
    await form
      .locator('input[name=photos]')
      .setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: photo });
    await form.getByTestId('uploaded-photo').waitFor();
    await form.getByTestId('action-submit').click();
    await form.waitFor({ state: 'detached' });
    const order = await api(worker, 'GET', `/api/orders/${id}`);
    assert.equal(order.status, 'verified');
    const events = (await api(worker, 'GET', `/api/orders/${id}/events`)).items as {
      action: string;
      photos: string[];
    }[];
    const verified = events.find((e) => e.action === 'verify');
    assert.equal(verified?.photos?.length, 1, 'the site photo went with the verification');
  });

  it('shows a community’s notice to its residents and not to another community’s', async () => {
    const community = await login('community');
    const admin = await login('admin');
    const units: UnitRow[] = (await api(admin, 'GET', '/api/units')).items;
    const elsewhere = units.find((u) => u.kind === 'community' && u.id !== community.user.unitId);
    assert.ok(elsewhere);
    await api(admin, 'POST', '/api/users', {
      username: 'resident2',
      password: DEMO_PASSWORD,
      displayName: '郑居民',
      role: 'resident',
      unitId: elsewhere.id,
    });
    // The server's clock is the demo's, not the browser's: the notice runs around it.
    const now = Date.parse('2026-03-02T02:30:00Z');
    await api(community, 'POST', '/api/notices', {
      title: '周六停水通知',
      body: '本周六 8:00–12:00 检修水管，请提前储水。',
      communityIds: [community.user.unitId],
      validFrom: new Date(now - 3_600_000).toISOString(),
      validTo: new Date(now + 7 * 86_400_000).toISOString(),
    });
    const p = await signIn('resident');
    await sectionLoaded(p, 'home-notices');
    await p.getByTestId('home-notices').getByText('周六停水通知').waitFor();
    const other = await signIn('resident2');
    await other.locator('[data-testid=home][data-role=resident]').waitFor();
    await sectionLoaded(other, 'home-notices');
    assert.equal(await other.getByTestId('home-notices').getByText('周六停水通知').count(), 0);
  });

  it('lets a workstation choose the communities its notice is for: a resident there sees it, one elsewhere does not', async () => {
    const workstation = await login('workstation');
    const resident = await login('resident');
    const admin = await login('admin');
    const inArea: UnitRow[] = (await api(workstation, 'GET', '/api/units?geometry=false')).items;
    const other = inArea.find((u) => u.kind === 'community' && u.id !== resident.user.unitId);
    assert.ok(other, 'the workstation serves another community too');
    assert.ok(
      inArea.some((u) => u.id === resident.user.unitId),
      'the resident lives in the workstation’s area',
    );
    await api(admin, 'POST', '/api/users', {
      username: 'resident3',
      password: DEMO_PASSWORD,
      displayName: '冯居民',
      role: 'resident',
      unitId: other.id,
    });
    const p = await signIn('workstation');
    // The notice runs from the phone's clock: here the demo server's, so that it is valid there now.
    await p.clock.setFixedTime(new Date('2026-03-02T02:30:00Z'));
    const form = p.getByTestId('notice-form');
    await form.waitFor();
    await form.locator('[data-testid=notice-targets][aria-busy=false]').waitFor();
    assert.equal(await form.getByTestId('notice-submit').isDisabled(), true, 'nobody chosen yet');
    await form.locator('input[name=title]').fill('周日绿化修剪');
    await form.locator('textarea[name=body]').fill('周日上午修剪行道树，请勿在树下停车。');
    await form
      .locator(
        `[data-testid=notice-community][data-unit-id="${resident.user.unitId}"] input[name=communityIds]`,
      )
      .check();
    assert.deepEqual(
      describeProblems('workstation notice form', await layoutProblems(p, { touch: true })),
      [],
    );
    await form.getByTestId('notice-submit').click();
    await form.getByTestId('notice-posted').waitFor();

    const there = await signIn('resident');
    await sectionLoaded(there, 'home-notices');
    await there.getByTestId('home-notices').getByText('周日绿化修剪').waitFor();
    const elsewhere = await signIn('resident3');
    await elsewhere.locator('[data-testid=home][data-role=resident]').waitFor();
    await sectionLoaded(elsewhere, 'home-notices');
    assert.equal(await elsewhere.getByTestId('home-notices').getByText('周日绿化修剪').count(), 0);
  });

  it('is an installable console: manifest and service worker served with their types, API answers never cached', async () => {
    const manifest = await fetch(`${base()}/manifest.webmanifest`);
    assert.equal(manifest.status, 200);
    assert.match(manifest.headers.get('content-type') ?? '', /^application\/manifest\+json/);
    const body = (await manifest.json()) as { name: string; icons: { sizes: string }[]; display: string };
    assert.equal(body.display, 'standalone');
    assert.ok(body.icons.some((i) => i.sizes === '512x512'));
    const sw = await fetch(`${base()}/sw.js`);
    assert.equal(sw.status, 200);
    assert.match(sw.headers.get('content-type') ?? '', /javascript/);
    assert.equal(sw.headers.get('cache-control'), 'no-cache');
    const code = await sw.text();
    assert.match(code, /precacheAndRoute/);
    for (const strategy of ['NetworkFirst', 'CacheFirst', 'StaleWhileRevalidate', 'NetworkOnly']) {
      assert.equal(code.includes(strategy), false, `the service worker routes nothing with ${strategy}`);
    }
    const p = await signIn('resident');
    // Run in the page, where `navigator` is the browser's.
    const scope = await p.evaluate('navigator.serviceWorker.ready.then((r) => r.scope)');
    assert.equal(scope, `${base()}/`);
  });
});
