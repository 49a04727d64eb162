// The leaders' dashboard (指挥大屏) and the order map in Chromium against the demo world with its
// work orders: a leader lands on the dashboard, whose headline numbers must be the API's own, at
// 1920×1080; an order reported meanwhile reaches it over the live feed.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { seedDemoMetrics } from '../src/demo/metrics.ts';
import { seedDemoTasks } from '../src/demo/tasks.ts';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { browserProblem, logIn, ROOT, SCREENS } from './helpers/browser.ts';
import { useDemoBrowser } from './helpers/demo-console.ts';

const skip = browserProblem() ?? false;
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const DAY_MS = 86_400_000;
const BEIJING_MS = 8 * 3_600_000;
const OPEN = ['reported', 'registered', 'dispatched', 'signed', 'handling', 'handled', 'verified'];

interface Json {
  [key: string]: unknown;
}

describe('dashboard and order map in Chromium [sqlite]', { skip }, () => {
  const suite = useDemoBrowser({ orders: true, viewport: SCREENS.wall });
  let page: Page;
  const tokens = new Map<string, string>();

  before(async () => {
    // The demo's metrics, as a first `npm start` seeds them, for the bars against schedule.
    await seedDemoMetrics(suite.demo.app.platform.ctx);
    // And its key tasks, for the red ones beside the ranking.
    await seedDemoTasks(suite.demo.app.platform.ctx);
    page = await logIn(suite.context, suite.demo.base, 'leader', DEMO_PASSWORD);
  });

  async function api(username: string, url: string, init: { method?: 'POST'; payload?: object } = {}) {
    let token = tokens.get(username);
    if (!token) {
      const login = await suite.demo.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username, password: DEMO_PASSWORD },
      });
      token = login.json().token as string;
      tokens.set(username, token);
    }
    const res = await suite.demo.app.inject({ url, headers: { authorization: `Bearer ${token}` }, ...init });
    assert.ok(res.statusCode < 300, `${url}: ${res.statusCode} ${res.body}`);
    return res.json() as Json;
  }

  const total = async (query: string) =>
    (await api('leader', `/api/orders?limit=1&${query}`)).total as number;
  const percent = (rate: unknown) => (rate === null ? '—' : `${((rate as number) * 100).toFixed(1)}%`);

  /** The headline numbers as the API gives them to the leader, worked out here independently. */
  async function expected(): Promise<Record<string, string>> {
    const month = await api('leader', '/api/indicators');
    const indicators = month.indicators as Json;
    const now = Date.parse((month.period as Json).asOf as string);
    const today = Math.floor((now + BEIJING_MS) / DAY_MS) * DAY_MS - BEIJING_MS;
    const boats = (await api('leader', '/api/assets?kind=boat')).items as { id: string }[];
    const boatIds = new Set(boats.map((b) => b.id));
    const devices = (await api('leader', '/api/devices')).items as {
      assetId: string | null;
      status: string;
    }[];
    const out = new Set(devices.filter((d) => d.status === 'online' && d.assetId && boatIds.has(d.assetId)));
    const outBoats = new Set([...out].map((d) => d.assetId));
    const duty = (await api('leader', '/api/duty')).boats as { intervals: { from: string; to: string }[] }[];
    const onDuty = duty.filter((b) =>
      b.intervals.some((i) => Date.parse(i.from) <= now && now <= Date.parse(i.to)),
    ).length;
    return {
      open: String(await total(`status=${OPEN.join(',')}`)),
      overdue: String(await total('overdue=true')),
      closedToday: String(await total(`status=closed&closedFrom=${new Date(today).toISOString()}`)),
      closureRate: percent(indicators.closureRate),
      onTimeRate: percent(indicators.onTimeClosureRate),
      boatsOut: String(outBoats.size),
      onDuty: String(onDuty),
      alerts: String(
        ((await api('leader', '/api/alerts?status=open&limit=500')).items as unknown[]).length +
          ((await api('leader', '/api/alerts?status=acknowledged&limit=500')).items as unknown[]).length,
      ),
    };
  }

  async function shown(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const id of [
      'open',
      'overdue',
      'closedToday',
      'closureRate',
      'onTimeRate',
      'boatsOut',
      'onDuty',
      'alerts',
    ]) {
      out[id] = (
        (await page.getByTestId(`figure-${id}`).getByTestId('figure-value').textContent()) ?? ''
      ).trim();
    }
    return out;
  }

  it('lands a leader on the dashboard at 1920×1080 with the headline numbers the API gives', async () => {
    await page.locator('main.app-main[data-page=dashboard]').waitFor();
    assert.equal(await page.locator('.app-nav a').first().getAttribute('data-testid'), 'nav-dashboard');
    await page.locator('[data-testid=dashboard][aria-busy=false]').waitFor({ timeout: 30_000 });
    const want = await expected();
    assert.deepEqual(await shown(), want);
    // The demo's figures are not all zero: the comparison means something.
    assert.ok(Number(want.open) > 0 && Number(want.boatsOut) > 0, JSON.stringify(want));
    // Every chart drew on its canvas, the ranking lists communities, the page fits the wall.
    for (const id of ['chart-rates', 'chart-category', 'chart-source', 'chart-progress']) {
      await page.getByTestId(id).locator('canvas').waitFor();
    }
    assert.ok((await page.getByTestId('dash-rank-row').count()) > 0);
    // The red key tasks are the API's, soonest deadline first (the demo has two).
    const red = (await api('leader', '/api/tasks?red=true')).items as { id: string; title: string }[];
    assert.ok(red.length >= 2, `red tasks: ${red.length}`);
    assert.equal((await page.getByTestId('dash-red-count').textContent())?.trim(), String(red.length));
    assert.deepEqual(
      await page
        .getByTestId('dash-red-task')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-task-id'))),
      red.slice(0, 6).map((t) => t.id),
    );
    const width = await page.evaluate('document.documentElement.scrollWidth');
    assert.equal(width, SCREENS.wall.width);
    // Let the charts' entry animation finish before the picture.
    await page.waitForTimeout(1500);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'dashboard.png') });
  });

  it('counts an order reported meanwhile once the live feed tells of it', async () => {
    const before = Number(await page.getByTestId('figure-open').getByTestId('figure-value').textContent());
    const categories = (await api('operator', '/api/categories?active=true')).items as { id: string }[];
    await api('gridworker', '/api/orders', {
      method: 'POST',
      payload: { categoryId: categories[0]?.id, lat: 31.305, lon: 120.805, description: '大屏实时刷新测试' },
    });
    await page
      .getByTestId('figure-open')
      .getByTestId('figure-value')
      .getByText(String(before + 1), { exact: true })
      .waitFor({ timeout: 15_000 });
    assert.deepEqual(await shown(), await expected());
  });

  it('shows the orders on the order map as points and clusters; a grid tells its counts; a click opens the order', async () => {
    await page.getByTestId('nav-orderMap').click();
    const map = page.locator(
      '[data-testid=order-map-area] [data-testid=map][data-rendered-orders][data-first-point]',
    );
    await map.waitFor({ timeout: 30_000 });
    const all = (await api('leader', '/api/orders?limit=200')).items as {
      id: string;
      gridId: string | null;
      overdue: boolean;
    }[];
    assert.equal(await page.getByTestId('order-map-area').getAttribute('data-orders'), String(all.length));
    const rendered = Number(await map.getAttribute('data-rendered-orders'));
    assert.ok(rendered > 0 && rendered <= all.length, `${rendered} of ${all.length} drawn`);
    assert.ok(Number(await map.getAttribute('data-rendered-clusters')) > 0, 'zoomed out, orders cluster');
    await page.waitForTimeout(1000);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'order-map.png') });

    const [x, y, id] = ((await map.getAttribute('data-first-point')) ?? '').split(',');
    const box = await map.boundingBox();
    assert.ok(box && id);
    // Over the point, the grid under it tells its orders and overdue orders, as the list has them.
    await page.mouse.move(box.x + Number(x), box.y + Number(y));
    const hover = page.getByTestId('unit-hover');
    await hover.waitFor();
    const gridId = await hover.locator('[data-unit-id]').first().getAttribute('data-unit-id');
    const inGrid = all.filter((o) => o.gridId === gridId);
    assert.equal(
      await hover.locator('[data-unit-id]').first().getAttribute('data-count'),
      String(inGrid.length),
    );
    assert.equal(
      await hover.locator('[data-unit-id]').first().getAttribute('data-overdue'),
      String(inGrid.filter((o) => o.overdue).length),
    );
    await page.mouse.click(box.x + Number(x), box.y + Number(y));
    await page.locator(`[data-testid=order-detail][data-order-id="${id}"]`).waitFor();
    assert.equal(new URL(page.url()).hash, `#/orders/${id}`);
  });
});
