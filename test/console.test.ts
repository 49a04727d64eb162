// The console (web/) in Debian's Chromium through playwright-core, against a real API on a free
// port. It runs on SQLite only: this is a UI test, and every API it calls is tested on both
// databases by the API suites.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { createDevice } from '../src/services/devices/index.ts';
import { PASSWORD, useTestApp } from './helpers/app.ts';
import { browserProblem, ensureConsoleBuilt, launchBrowser, logIn, ROOT } from './helpers/browser.ts';
import { startDemoConsole } from './helpers/demo-console.ts';
import { ingestTrack } from './helpers/fleet.ts';

const skip = browserProblem() ?? false;
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

describe('console in Chromium [sqlite]', { skip }, () => {
  // Registered before useTestApp's hooks so that web/dist exists when the app is built.
  before(() => ensureConsoleBuilt());
  // The app's clock is fixed at 2026-03-02T01:00:00Z but the browser lives in real time: sessions
  // must outlast the gap, or Chromium drops the session cookie as already expired.
  const t = useTestApp('sqlite', { sessionTtlHours: 20 * 365 * 24 });
  let base = '';
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let context: BrowserContext;
  let deviceId = '';

  before(async () => {
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const ctx = t.app.platform.ctx;
    const device = await createDevice(ctx, {
      name: '清波1号',
      protocol: 'osmand',
      identifier: 'boat-1',
      unitId: t.org.sub.id,
    });
    deviceId = device.id;
    // Six fixes over the last 50 minutes, the latest at the clock's now: 2026-03-02T01:00:00Z.
    await ingestTrack(t.app, device, t.clock.t, [
      [31.301, 120.802],
      [31.302, 120.806],
      [31.303, 120.81],
      [31.304, 120.815],
      [31.305, 120.82],
      [31.306, 120.825],
    ]);
    browser = await launchBrowser();
    context = browser.context;
  });
  after(() => browser?.close());

  const deviceRow = (page: Page) => page.locator(`[data-testid=device-row][data-device-id="${deviceId}"]`);

  it('logs the operator in through the form; the map lists the boat online with its fix time in Shanghai', async () => {
    const page = await logIn(context, base, 'operator', PASSWORD);
    await page.getByTestId('device-list').waitFor();
    assert.equal(await page.getByTestId('nav-map').getAttribute('aria-current'), 'page');
    await deviceRow(page).getByText('在线').waitFor();
    assert.equal(await deviceRow(page).getAttribute('data-status'), 'online');
    // 01:00:00Z is 09:00:00 in Asia/Shanghai (the browser itself runs in New York time).
    assert.equal(await deviceRow(page).getByTestId('device-fix-time').textContent(), '2026-03-02 09:00:00');
    assert.match((await page.getByTestId('current-user').textContent()) ?? '', /指挥中心值班员 · 测试街道/);
  });

  it('renders the map with WebGL and draws the boat; clicking it shows its track of the day', async () => {
    const page = context.pages()[0] as Page;
    assert.equal(await page.locator('[data-testid=map] canvas.maplibregl-canvas').count(), 1);
    // Written by the boats layer from map.queryRenderedFeatures after the map went idle.
    await page.locator('[data-testid=map][data-rendered-boats="1"]').waitFor({ timeout: 20_000 });
    await page.getByTestId('live-state').and(page.locator('[data-state=open]')).waitFor();
    await deviceRow(page).click();
    const panel = page.getByTestId('track-panel');
    await panel.getByText('6 个定位点').waitFor();
    assert.match((await panel.textContent()) ?? '', /清波1号 · 2026-03-02 轨迹/);
    assert.match((await panel.textContent()) ?? '', /08:10:00 – 09:00:00/);
  });

  it('switches to English and back, remembering the choice across a reload', async () => {
    const page = context.pages()[0] as Page;
    await page.getByTestId('switch-language').click();
    await page.getByTestId('nav-map').getByText('Live map').waitFor();
    assert.equal(await page.getByTestId('nav-org').textContent(), 'Organisation');
    await deviceRow(page).getByText('Online').waitFor();
    await page.reload();
    await page.getByTestId('nav-users').getByText('People').waitFor();
    await page.getByTestId('switch-language').click();
    await page.getByTestId('nav-users').getByText('人员管理').waitFor();
  });

  it('shows the organisation: 测试街道 and its grid areas', async () => {
    const page = context.pages()[0] as Page;
    await page.getByTestId('nav-org').click();
    const tree = page.getByTestId('unit-tree');
    await tree.getByText('测试街道').waitFor();
    for (const name of ['第一网格片', '第二网格片', 'A1社区', 'B1社区', '绿化所']) {
      await tree.getByText(name, { exact: true }).waitFor();
    }
    assert.equal(await page.getByTestId('unit-create-form').count(), 0, 'only an admin gets the form');
  });

  it('shows a community user only its own community’s people', async () => {
    const page = await logIn(context, base, 'commA1', PASSWORD);
    await page.getByTestId('nav-users').click();
    await page.getByTestId('user-row').first().waitFor();
    const rows = await page.getByTestId('user-row').all();
    const usernames = await Promise.all(rows.map((row) => row.getAttribute('data-username')));
    assert.deepEqual(usernames.sort(), ['commA1', 'gridA1', 'resident']);
    assert.match((await page.getByTestId('user-count').textContent()) ?? '', /共 3 人/);
  });

  it('lets an admin create a unit, and shows the server’s message when a delete is refused', async () => {
    const page = await logIn(context, base, 'admin', PASSWORD);
    await page.getByTestId('nav-org').click();
    const form = page.getByTestId('unit-create-form');
    await form.locator('select[name=kind]').selectOption('community');
    await form.locator('select[name=parentId]').selectOption({ label: '第二网格片' });
    await form.locator('input[name=code]').fill('320506001009');
    await form.locator('input[name=name]').fill('新建社区');
    await form.locator('button[type=submit]').click();
    await page.getByTestId('unit-tree').getByText('新建社区', { exact: true }).waitFor();
    await page.getByRole('status').getByText('已创建“新建社区”').waitFor();

    const area = page.getByTestId('unit-row').filter({ hasText: '第一网格片' }).first();
    await area.getByRole('button', { name: '删除' }).click();
    await area.getByRole('button', { name: '删除' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('data-code'), 'UNIT_HAS_CHILDREN');
    assert.match((await alert.textContent()) ?? '', /该单位下还有下级单位/);
  });

  it('shows the server’s message for a wrong password, and a grid worker only the pages it may use', async () => {
    const page = await logIn(context, base, 'operator', 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('data-code'), 'INVALID_CREDENTIALS');
    assert.equal(await alert.getByTestId('server-message').textContent(), 'Wrong username or password');
    assert.match((await alert.textContent()) ?? '', /用户名或密码错误/);

    // A grid worker starts, on a desk, on the work orders it reports and re-checks; its phone home
    // (首页) is offered too; no map, no people.
    const worker = await logIn(context, base, 'gridA1', PASSWORD);
    await worker.getByTestId('order-list').waitFor();
    assert.deepEqual(await worker.locator('.app-nav a').allTextContents(), ['首页', '工单', '组织架构']);
  });
});

describe('console screenshots of the demo world [sqlite]', { skip }, () => {
  before(() => ensureConsoleBuilt());
  let demo: Awaited<ReturnType<typeof startDemoConsole>> | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;

  before(async () => {
    demo = await startDemoConsole();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
  });

  it('saves the map page and the organisation page to docs/screenshots/', async () => {
    assert.ok(demo && browser);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const map = await logIn(browser.context, demo.base, 'operator', DEMO_PASSWORD);
    const rows = map.getByTestId('device-row');
    await map.locator('[data-testid=map-area][data-boats="14"]').waitFor();
    await map.locator('[data-testid=map][data-rendered-boats="14"]').waitFor({ timeout: 30_000 });
    await rows.and(map.locator(`[data-device-id="${demo.trackedDeviceId}"]`)).click();
    await map.getByTestId('track-panel').getByText('24 个定位点').waitFor();
    // Let the track draw and the labels settle before the picture.
    await map.waitForTimeout(1500);
    await map.screenshot({ path: path.join(SCREENSHOTS, 'map.png') });

    const org = await logIn(browser.context, demo.base, 'admin', DEMO_PASSWORD);
    await org.getByTestId('nav-org').click();
    await org.getByTestId('unit-tree').getByText('娄江街道').waitFor();
    await org.screenshot({ path: path.join(SCREENSHOTS, 'org.png') });
  });
});
