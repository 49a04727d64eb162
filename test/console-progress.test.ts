// The schedule-progress page (序时进度) in Chromium against a real API on SQLite: a leader reads
// a metric's figures, which must be the API's own, on a desk and on a phone.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { PASSWORD, useTestApp } from './helpers/app.ts';
import { browserProblem, ensureConsoleBuilt, launchBrowser, logIn, ROOT } from './helpers/browser.ts';
import { bj, sessions } from './helpers/orders.ts';

const skip = browserProblem() ?? false;
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

interface Item {
  metric: { code: string };
  completion: number | null;
  schedule: number;
  gapPoints: number | null;
  light: string | null;
  halfway: boolean;
}

describe('progress page in Chromium [sqlite]', { skip }, () => {
  before(() => ensureConsoleBuilt());
  // Sessions outlast the gap between the app's fixed clock and the browser's real one.
  const t = useTestApp('sqlite', { sessionTtlHours: 20 * 365 * 24 });
  const as = sessions(t);
  let base = '';
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let page: Page;

  before(async () => {
    // 1 July 2026, 10:00 in Beijing: June has ended, the schedule is at half the year.
    t.clock.t = bj('2026-07-01 10:00');
    const op = await as('operator');
    const put = async (method: 'POST' | 'PUT', url: string, payload: object) => {
      const res = await t.app.inject({ method, url, headers: op, payload });
      assert.ok(res.statusCode < 300, `${url}: ${res.body}`);
      return res.json();
    };
    const metric = await put('POST', '/api/metrics', {
      code: 'ECO-GDP',
      name: '地区生产总值',
      unitOfMeasure: '亿元',
      ownerUnitId: t.org.sub.id,
      kind: 'cumulative',
      direction: 'up',
      scheduleBasis: 'months',
    });
    await put('PUT', `/api/metrics/${metric.id}/targets/2026`, { annual: 100 });
    for (const [period, value] of [
      ['2026-04', 34.2],
      ['2026-05', 45.67],
      ['2026-06', 50.5],
    ] as const) {
      await put('PUT', `/api/metrics/${metric.id}/actuals/${period}`, { value });
    }
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    page = await logIn(browser.context, base, 'leader', PASSWORD);
  });
  after(() => browser?.close());

  /** The API's item for a date, as the leader reads it. */
  async function apiItem(date?: string): Promise<Item> {
    const res = await t.app.inject({
      url: `/api/progress${date ? `?date=${date}` : ''}`,
      headers: await as('leader'),
    });
    assert.equal(res.statusCode, 200, res.body);
    const item = (res.json().items as Item[]).find((i) => i.metric.code === 'ECO-GDP');
    assert.ok(item);
    return item;
  }

  /** What the page shows for the metric. */
  async function shown() {
    const card = page.locator('[data-testid=progress-item][data-code=ECO-GDP]');
    const text = async (id: string) => (await card.getByTestId(id).textContent())?.trim();
    return {
      completion: await text('progress-completion'),
      schedule: await text('progress-schedule'),
      gap: await text('progress-gap'),
      light: await card.getAttribute('data-light'),
      halfway: (await card.getByTestId('progress-halfway').count()) === 1,
    };
  }

  const asShown = (i: Item) => ({
    completion: `${((i.completion ?? 0) * 100).toFixed(2)}%`,
    schedule: `${(i.schedule * 100).toFixed(2)}%`,
    gap: `${(i.gapPoints ?? 0) >= 0 ? '+' : '−'}${Math.abs(i.gapPoints ?? 0).toFixed(2)}`,
    light: i.light,
    halfway: i.halfway,
  });

  it('opens 序时进度 from the nav at today’s date: 50.5 of 100 at half the year, 双过半, as the API says', async () => {
    await page.getByTestId('nav-progress').click();
    await page.locator('[data-testid=progress-item][data-code=ECO-GDP]').waitFor();
    assert.equal(await page.getByTestId('nav-progress').textContent(), '序时进度');
    assert.equal(await page.getByTestId('progress-date').inputValue(), '2026-07-01');
    const api = await apiItem();
    assert.deepEqual(await shown(), asShown(api));
    assert.deepEqual(await shown(), {
      completion: '50.50%',
      schedule: '50.00%',
      gap: '+0.50',
      light: 'green',
      halfway: true,
    });
  });

  it("shows the seed's example for the end of May once the date is picked: 45.67%, 41.67%, +4.00", async () => {
    await page.getByTestId('progress-date').fill('2026-05-31');
    const card = page.locator('[data-testid=progress-item][data-code=ECO-GDP]');
    await card.getByTestId('progress-completion').getByText('45.67%').waitFor();
    const api = await apiItem('2026-05-31');
    assert.deepEqual(await shown(), asShown(api));
    assert.deepEqual(await shown(), {
      completion: '45.67%',
      schedule: '41.67%',
      gap: '+4.00',
      light: 'green',
      halfway: false,
    });
    // The schedule marker stands at 5/12 of the bar.
    const bar = await card.locator('.progress-bar').boundingBox();
    const marker = await card.getByTestId('progress-marker').boundingBox();
    assert.ok(bar && marker);
    const at = (marker.x + marker.width / 2 - bar.x - 1) / (bar.width - 2);
    assert.ok(Math.abs(at - 5 / 12) < 0.02, `marker at ${at}`);
  });

  it('fits a phone (390 px) without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const card = page.locator('[data-testid=progress-item][data-code=ECO-GDP]');
    await card.waitFor();
    // The page itself: its own content never overflows its width, which is the phone's.
    const main = page.locator('main[data-page=progress]');
    const width = await main.evaluate((el) => [
      el.clientWidth,
      el.scrollWidth,
      el.getBoundingClientRect().right,
    ]);
    assert.deepEqual(width.map(Math.round), [390, 390, 390], 'main: client width, scroll width, right edge');
    const box = await card.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `card at ${JSON.stringify(box)}`);
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'progress-phone.png') });
  });
});
