// The weekly report page (量化周报) in Chromium against a real API on SQLite: a leader finds last
// week's report open, generates a week's report, reads the API's figures, issues it, and opens it
// again from the archive.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { PASSWORD, useTestApp } from './helpers/app.ts';
import { browserProblem, ensureConsoleBuilt, launchBrowser, logIn, SCREENS } from './helpers/browser.ts';
import { describeProblems, layoutProblems } from './helpers/layout.ts';
import { reportAndDispatch } from './helpers/order-flow.ts';
import { bj, IN_A1_GRID1, IN_A2_GRID1, sessions, useOrderWorld } from './helpers/orders.ts';

const skip = browserProblem() ?? false;
const WEEK = '2026-W10';

describe('weekly report page in Chromium [sqlite]', { skip }, () => {
  before(() => ensureConsoleBuilt());
  // Sessions outlast the gap between the app's fixed clock and the browser's real one.
  const t = useTestApp('sqlite', { sessionTtlHours: 20 * 365 * 24 });
  const world = useOrderWorld(t);
  const as = sessions(t);
  let base = '';
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let page: Page;

  before(async () => {
    const categoryId = world.categories.get('楼道堆物') ?? '';
    const deadline = new Date(bj('2026-03-05 17:30')).toISOString();
    for (const [at, where, unitId] of [
      ['2026-03-03 09:30', IN_A1_GRID1, t.org.a1.id],
      ['2026-03-04 09:30', IN_A2_GRID1, t.org.a2.id],
    ] as const) {
      await reportAndDispatch(t, as, { at: bj(at), categoryId, ...where, dispatch: { unitId, deadline } });
    }
    t.clock.t = bj('2026-03-09 10:00'); // Monday of 2026-W11: the last complete week is WEEK.
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    // The page counts "last week" from the browser's clock: the app's day, not today's.
    await browser.context.clock.setFixedTime(t.clock.t);
    page = await logIn(browser.context, base, 'leader', PASSWORD);
  });
  after(() => browser?.close());

  /** Opens the reports page afresh at a size, by its address: nothing clicked. */
  const openReports = async (size: { width: number; height: number }) => {
    await page.setViewportSize(size);
    await page.goto(`${base}/#/tasks`);
    await page.goto(`${base}/#/reports`);
    const view = page.getByTestId('report-view');
    await view.waitFor();
    return view;
  };

  for (const [name, size] of [
    ['390×844', SCREENS.phone],
    ['1440×900', SCREENS.desk],
  ] as const) {
    it(`opens at ${name} on last week’s report, computed when none is issued, without a click`, async () => {
      const view = await openReports(size);
      assert.equal(await view.getAttribute('data-week'), WEEK);
      assert.equal(await page.getByTestId('reports-week').inputValue(), WEEK);
      assert.equal(
        (
          await view
            .locator('[data-testid=report-figure][data-key=registered]')
            .getByTestId('report-value')
            .textContent()
        )?.trim(),
        '2',
      );
      // Not issued yet: the leader may issue it.
      await page.getByTestId('reports-issue').waitFor();
      assert.equal(await page.getByTestId('reports-archived').count(), 0);
      const problems = await layoutProblems(page, { touch: size === SCREENS.phone });
      assert.deepEqual(describeProblems(`reports ${name}`, problems), []);
    });
  }

  it('generates the week’s report with the API’s figures: 2 registered, 2 overdue', async () => {
    await page.getByTestId('nav-reports').click();
    await page.getByTestId('reports-week').fill(WEEK);
    await page.getByTestId('reports-generate').click();
    const view = page.getByTestId('report-view');
    await view.waitFor();
    assert.equal(await view.getAttribute('data-week'), WEEK);
    const api = await t.app.inject({
      url: `/api/reports/weekly?week=${WEEK}&unitId=${t.org.sub.id}`,
      headers: await as('leader'),
    });
    assert.equal(api.statusCode, 200, api.body);
    const figures = api.json().orders as { key: string; value: number | null }[];
    const value = async (key: string) =>
      (
        await view
          .locator(`[data-testid=report-figure][data-key=${key}]`)
          .getByTestId('report-value')
          .textContent()
      )?.trim();
    assert.equal(await value('registered'), String(figures.find((f) => f.key === 'registered')?.value));
    assert.equal(await value('registered'), '2');
    assert.equal(await value('overdueCount'), '2');
    assert.equal(
      await view.getByTestId('report-xlsx').getAttribute('href'),
      `/api/reports/weekly.xlsx?week=${WEEK}&unitId=${t.org.sub.id}`,
    );
  });

  it('issues it, lists it in the archive, and opens the archived copy with its own links', async () => {
    await page.getByTestId('reports-issue').click();
    await page.getByTestId('reports-archived').waitFor();
    const entry = page.getByTestId('report-entry').first();
    await entry.waitFor();
    const id = await entry.getAttribute('data-report-id');
    assert.ok(id);
    const list = await t.app.inject({ url: '/api/reports?kind=weekly', headers: await as('leader') });
    assert.deepEqual(
      list.json().items.map((r: { id: string; week: string }) => [r.id, r.week]),
      [[id, WEEK]],
    );
    await entry.getByTestId('report-open').click();
    await page.locator(`[data-testid=report-xlsx][href="/api/reports/${id}.xlsx"]`).waitFor();
    assert.equal(await page.getByTestId('report-view').getAttribute('data-week'), WEEK);
  });

  it('prints the week to PDF from its print view: the figures on the page, one A4 page or more', async () => {
    const print = await browser?.context.newPage();
    assert.ok(print);
    const res = await print.goto(`${base}/api/reports/weekly.html?week=${WEEK}&unitId=${t.org.sub.id}`);
    assert.equal(res?.status(), 200);
    // No pdftotext here: the figure is checked in the page as printed, the page count in the PDF.
    const registered = await print.evaluate(`(() => {
      const row = [...document.querySelectorAll('tr')].find((r) => r.cells[0]?.textContent === '立案数');
      return row ? row.cells[1].textContent : null;
    })()`);
    assert.equal(registered, '2');
    const pdf = await print.pdf({ format: 'A4', printBackground: true });
    await print.close();
    const text = pdf.toString('latin1');
    assert.ok(text.startsWith('%PDF-'), 'a PDF');
    const count = Number(
      /\/Type\s*\/Pages[^>]*?\/Count\s+(\d+)/s.exec(text)?.[1] ?? /\/Count\s+(\d+)/.exec(text)?.[1],
    );
    assert.ok(count >= 1, `page count ${count}`);
  });

  for (const [name, size] of [
    ['390×844', SCREENS.phone],
    ['1440×900', SCREENS.desk],
  ] as const) {
    it(`opens at ${name} on last week’s issued copy once the archive holds it`, async () => {
      const [entry] = (
        await t.app.inject({ url: '/api/reports?kind=weekly', headers: await as('leader') })
      ).json().items as { id: string }[];
      assert.ok(entry);
      const view = await openReports(size);
      await page.getByTestId('reports-archived').waitFor();
      assert.equal(await view.getAttribute('data-week'), WEEK);
      assert.equal(
        await view.getByTestId('report-xlsx').getAttribute('href'),
        `/api/reports/${entry.id}.xlsx`,
      );
      assert.equal(await page.getByTestId('reports-issue').count(), 0);
    });
  }

  it('fits a phone without sideways scrolling', async () => {
    await page.setViewportSize(SCREENS.phone);
    await page.getByTestId('report-view').waitFor();
    assert.deepEqual(describeProblems('reports', await layoutProblems(page, { touch: true })), []);
  });
});
