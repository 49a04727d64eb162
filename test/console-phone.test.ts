// The console on a phone (390×844), in Debian's Chromium against the demo world with its work
// orders (娄江街道, one account per role): every role opens every page it is offered and none
// scrolls sideways, has a tap target under 44 px or text under 14 px. On a phone the pages are
// in a bottom tab bar, an order opens as its own screen with a back button, the report form's map
// takes at least 40 % of the height, and the live map keeps its device list in a bottom sheet.
// The desk (1440×900) and the wall (1920×1080) are checked for sideways overflow as the admin.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/users.ts';
import { ROLES } from '../src/domain/auth/roles.ts';
import { browserProblem, logIn, ROOT, SCREENS } from './helpers/browser.ts';
import { useDemoBrowser } from './helpers/demo-console.ts';
import { describeProblems, layoutProblems } from './helpers/layout.ts';

const skip = browserProblem() ?? false;
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

/** Waits until a page shows its main content, not only its loading line. */
async function waitForPage(p: Page, id: string): Promise<void> {
  await p.locator(`main.app-main[data-page="${id}"]`).waitFor();
  switch (id) {
    case 'map':
      // Written once the WebGL map went idle with its boats drawn.
      await p.locator('[data-testid=map][data-rendered-boats]').waitFor({ timeout: 30_000 });
      break;
    case 'orders':
      await p.locator('[data-testid=order-table][aria-busy=false]').waitFor();
      break;
    case 'dashboard':
      await p.locator('[data-testid=dashboard][aria-busy=false] [data-testid=dash-charts]').waitFor();
      break;
    case 'orderMap':
      await p.locator('[data-testid=order-map-count][aria-busy=false]').waitFor();
      break;
    case 'org':
      await p.getByTestId('unit-row').first().waitFor();
      break;
    case 'users':
      await p.getByTestId('user-row').first().waitFor();
      break;
    default:
      // A page added later: its requests done.
      await p.waitForLoadState('networkidle');
  }
}

/** Opens a page from the tab bar: straight from the bar, or from under "more" when the role has more pages than fit. */
async function openTab(p: Page, id: string): Promise<void> {
  const tab = p.getByTestId(`tab-${id}`);
  if (!(await tab.isVisible())) await p.getByTestId('tab-account').click();
  await tab.click();
}

/** The page ids of the tab bar and its "more" sheet (the bar's in thumb order, then the sheet's). */
async function tabs(p: Page): Promise<string[]> {
  return p
    .getByTestId('tab-bar')
    .locator('a[data-page]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('data-page') ?? ''));
}

/** The page ids of the header's nav, which a desk shows instead. */
async function navPages(p: Page): Promise<string[]> {
  return p
    .locator('.app-nav a')
    .evaluateAll((links) => links.map((a) => (a.getAttribute('data-testid') ?? '').replace(/^nav-/, '')));
}

describe('console on a phone, a desk and a wall [sqlite]', { skip }, () => {
  const suite = useDemoBrowser({ orders: true, viewport: SCREENS.phone });

  const base = () => suite.demo.base;
  const signIn = async (username: string) => {
    const p = await logIn(suite.context, base(), username, DEMO_PASSWORD);
    await p.getByTestId('tab-bar').waitFor();
    return p;
  };
  const fits = async (p: Page, where: string) =>
    describeProblems(where, await layoutProblems(p, { touch: true }));

  it('has a demo account for every role', () => {
    assert.deepEqual([...new Set(DEMO_USERS.map((u) => u.role))].sort(), [...ROLES].sort());
  });

  it('fits the login screen on the phone', async () => {
    await suite.context.clearCookies();
    const p = await suite.context.newPage();
    for (const old of suite.context.pages()) if (old !== p) await old.close();
    await p.goto(`${base()}/#/`);
    await p.getByTestId('login-form').waitFor();
    assert.deepEqual(await fits(p, 'login'), []);
  });

  for (const user of DEMO_USERS) {
    it(`fits every page of a ${user.role} (${user.username}) on a 390×844 phone, with a bottom tab bar`, async () => {
      const p = await signIn(user.username);
      // The header keeps the title, the inbox and the language; the pages are in the tab bar.
      assert.equal(await p.locator('.app-nav').isVisible(), false);
      assert.equal(await p.getByTestId('logout').isVisible(), false);
      assert.equal(await p.getByTestId('notifications').isVisible(), true);
      assert.equal(await p.getByTestId('switch-language').isVisible(), true);
      const pages = await tabs(p);
      assert.ok(pages.length > 0, 'the tab bar offers no page');
      assert.deepEqual(
        [...pages].sort(),
        [...(await navPages(p))].sort(),
        'the tab bar and its "more" offer the pages the header would',
      );
      // One row of tabs: the bar takes no more of the phone's height than a single row of tabs.
      const bar = await p.getByTestId('tab-bar').boundingBox();
      assert.ok((bar?.height ?? 0) <= 64, `the tab bar is ${bar?.height} px high`);
      const problems: string[] = [];
      for (const id of pages) {
        await openTab(p, id);
        await waitForPage(p, id);
        assert.equal(await p.getByTestId(`tab-${id}`).getAttribute('aria-current'), 'page');
        problems.push(...(await fits(p, `${user.username} ${id}`)));
      }
      assert.deepEqual(problems, []);
    });
  }

  it('fits the admin’s in-place forms on the phone: rename a unit, confirm a delete, reset a password', async () => {
    const p = await signIn('admin');
    await openTab(p, 'org');
    await waitForPage(p, 'org');
    const units = p.getByTestId('unit-row');
    await units.nth(1).getByRole('button', { name: '重命名' }).click();
    await units.nth(1).locator('form input').waitFor();
    await units.nth(2).getByRole('button', { name: '删除' }).click();
    await units.nth(2).locator('.row-actions.confirm').waitFor();
    const problems = await fits(p, 'org forms');
    await openTab(p, 'users');
    await waitForPage(p, 'users');
    await p.getByTestId('user-row').first().getByRole('button', { name: '重置密码' }).click();
    await p.getByTestId('user-row').first().locator('input[type=password]').waitFor();
    problems.push(...(await fits(p, 'users forms')));
    assert.deepEqual(problems, []);
  });

  it('opens an order as its own screen on the phone and comes back with the back button', async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const p = await signIn('operator');
    await openTab(p, 'orders');
    await waitForPage(p, 'orders');
    const list = p.getByTestId('order-list');
    const rows = p.getByTestId('order-row');
    await rows.first().waitFor();
    // Each order is a card as wide as the list.
    const card = await rows.first().boundingBox();
    const listBox = await list.boundingBox();
    assert.ok(card && listBox && card.width >= listBox.width - 2, 'an order card fills the list’s width');
    await p.screenshot({ path: path.join(SCREENSHOTS, 'phone-orders.png') });

    // An order fed back by its unit: fields, photos, sub-tasks and a long timeline.
    const handled = rows.and(p.locator('[data-status=handled]'));
    const row = (await handled.count()) > 0 ? handled.first() : rows.first();
    const id = (await row.getAttribute('data-order-id')) ?? '';
    await row.click();
    const detail = p.locator(`[data-testid=order-detail][data-order-id="${id}"]`);
    await detail.getByTestId('timeline').waitFor();
    assert.equal(new URL(p.url()).hash, `#/orders/${id}`);
    assert.equal(await list.isVisible(), false, 'the list gives the screen to the order');
    assert.equal(await p.getByTestId('report-open').isVisible(), false);
    const back = p.getByTestId('back-to-list');
    assert.equal(await back.isVisible(), true);
    assert.deepEqual(await fits(p, `order ${id}`), []);
    await p.screenshot({ path: path.join(SCREENSHOTS, 'phone-order-detail.png') });

    await back.click();
    await list.waitFor();
    assert.equal(new URL(p.url()).hash, '#/orders');
    assert.equal(await detail.isVisible(), false);
    assert.equal(await row.isVisible(), true, 'the list comes back as it was');
  });

  it('fits every action form the command centre opens on the phone, from registering to closing', async () => {
    const p = await signIn('operator');
    await openTab(p, 'orders');
    await waitForPage(p, 'orders');
    const opened: string[] = [];
    const problems: string[] = [];
    // The newest order in each state that gives the centre something to do.
    for (const status of ['reported', 'registered', 'handled', 'verified']) {
      const row = p.locator(`[data-testid=order-row][data-status=${status}]`).first();
      if ((await row.count()) === 0) continue;
      await row.click();
      const detail = p.locator('[data-testid=order-detail]:not([data-loading])');
      await detail.getByTestId('timeline').waitFor();
      const actions = detail.locator('.action-buttons button');
      for (let i = 0; i < (await actions.count()); i++) {
        const type = ((await actions.nth(i).getAttribute('data-testid')) ?? '').replace(/^action-/, '');
        await actions.nth(i).click();
        await p.locator(`[data-testid=action-form][data-action="${type}"]`).waitFor();
        opened.push(type);
        problems.push(...(await fits(p, `${status} order, action ${type}`)));
      }
      await p.getByTestId('back-to-list').click();
      await p.getByTestId('order-list').waitFor();
    }
    assert.ok(opened.includes('dispatch') && opened.includes('verify'), `opened ${opened.join(', ')}`);
    assert.deepEqual(problems, []);
  });

  it('fits every page of the admin at 360 px in English, the longest labels on the narrowest phone', async () => {
    const p = await signIn('admin');
    await p.setViewportSize({ width: 360, height: 740 });
    await p.getByTestId('switch-language').click();
    await p.getByTestId('tab-orders').getByText('Work orders').waitFor();
    const problems: string[] = [];
    try {
      for (const id of await tabs(p)) {
        await openTab(p, id);
        await waitForPage(p, id);
        problems.push(...(await fits(p, `360 en ${id}`)));
      }
      await p.getByTestId('notifications').click();
      await p.getByTestId('notification-panel').waitFor();
      problems.push(...(await fits(p, '360 en inbox')));
    } finally {
      // The language is remembered in this browser: back to Chinese for the tests after this one.
      await p.getByTestId('switch-language').click();
    }
    assert.deepEqual(problems, []);
  });

  it('lets a grid worker report from the phone: the form is full width and its map at least 40 % high', async () => {
    const p = await signIn('gridworker');
    await openTab(p, 'orders');
    await waitForPage(p, 'orders');
    await p.getByTestId('report-open').click();
    const form = p.getByTestId('report-form');
    await form.waitFor();
    assert.equal(new URL(p.url()).hash, '#/orders/new');
    assert.equal(await p.getByTestId('order-list').isVisible(), false);
    const canvas = form.locator('[data-testid=map] canvas.maplibregl-canvas');
    await canvas.waitFor();
    const formBox = await form.boundingBox();
    const mapBox = await canvas.boundingBox();
    assert.ok(formBox && formBox.x >= 0 && formBox.x + formBox.width <= SCREENS.phone.width);
    assert.ok(formBox.width >= SCREENS.phone.width - 40, `the form is ${formBox.width} px wide`);
    assert.ok(mapBox && mapBox.height >= 0.4 * SCREENS.phone.height, `the map is ${mapBox?.height} px high`);
    assert.ok(mapBox.width >= formBox.width - 40, `the map is ${mapBox.width} px wide`);
    // A live map, not an empty box: a tap on it sets the position.
    await canvas.click({ position: { x: mapBox.width / 2, y: mapBox.height / 2 } });
    assert.match(await form.locator('input[name=lat]').inputValue(), /^\d+\.\d{6}$/);
    assert.deepEqual(await fits(p, 'report form'), []);
    await p.getByTestId('back-to-list').click();
    await p.getByTestId('order-list').waitFor();
    assert.equal(await form.count(), 0);
  });

  it('shows the live map across the phone with the device list as a bottom sheet', async () => {
    const p = await signIn('operator');
    await openTab(p, 'map');
    await p.locator('[data-testid=map][data-rendered-boats="14"]').waitFor({ timeout: 30_000 });
    const mapArea = p.getByTestId('map-area');
    const folded = await mapArea.boundingBox();
    assert.ok(folded && folded.height >= 0.6 * SCREENS.phone.height, `the map is ${folded?.height} px high`);
    assert.equal(folded.width, SCREENS.phone.width);
    // The sheet opens over the bottom of the screen, the map staying above it.
    const rows = p.getByTestId('device-row');
    assert.equal(await rows.first().isVisible(), false);
    await p.getByTestId('sheet-toggle').click();
    await rows.first().waitFor();
    const opened = await mapArea.boundingBox();
    assert.ok(opened && opened.height >= 0.35 * SCREENS.phone.height, `the map is ${opened?.height} px high`);
    assert.deepEqual(await fits(p, 'map with its sheet open'), []);
    await rows.and(p.locator(`[data-device-id="${suite.demo.trackedDeviceId}"]`)).click();
    await p.getByTestId('track-panel').getByText('24 个定位点').waitFor();
    assert.deepEqual(await fits(p, 'map with a track'), []);
    // Folded again, the map has the screen back with the boat's track.
    await p.getByTestId('sheet-toggle').click();
    await rows.first().waitFor({ state: 'hidden' });
    assert.ok(((await mapArea.boundingBox())?.height ?? 0) >= 0.6 * SCREENS.phone.height);
    // Let the track draw and the labels settle before the picture.
    await p.waitForTimeout(1500);
    await p.screenshot({ path: path.join(SCREENSHOTS, 'phone-map.png') });
  });

  it('shows who is signed in under “me” in the tab bar, and logs out from there', async () => {
    const p = await signIn('resident');
    await p.getByTestId('tab-account').click();
    const sheet = p.getByTestId('account-sheet');
    await sheet.waitFor();
    assert.match((await sheet.getByTestId('account-user').textContent()) ?? '', /^居民 · /);
    assert.deepEqual(await fits(p, 'account sheet'), []);
    await sheet.getByTestId('account-logout').click();
    await p.getByTestId('login-form').waitFor();
  });

  for (const screen of ['desk', 'wall'] as const) {
    const { width, height } = SCREENS[screen];
    it(`keeps every page of the admin within a ${width}×${height} ${screen}, with the header's nav`, async () => {
      const p = await logIn(suite.context, base(), 'admin', DEMO_PASSWORD);
      await p.setViewportSize(SCREENS[screen]);
      await p.locator('.app-nav').waitFor();
      assert.equal(await p.getByTestId('tab-bar').isVisible(), false);
      const problems: string[] = [];
      for (const id of await navPages(p)) {
        await p.getByTestId(`nav-${id}`).click();
        await waitForPage(p, id);
        problems.push(...describeProblems(`${screen} ${id}`, await layoutProblems(p, { touch: false })));
      }
      // An order open beside the list.
      await p.getByTestId('nav-orders').click();
      await p.getByTestId('order-row').first().click();
      await p.getByTestId('order-detail').getByTestId('timeline').waitFor();
      assert.equal(await p.getByTestId('order-list').isVisible(), true);
      problems.push(...describeProblems(`${screen} order`, await layoutProblems(p, { touch: false })));
      assert.deepEqual(problems, []);
    });
  }
});
