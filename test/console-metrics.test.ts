// The metrics page (指标管理) in Chromium on the demo world: an admin adds a metric with its owner
// unit found by search and sets its target, the owner unit enters an actual that the progress page
// then shows, an .xlsx import with a bad row is refused row by row and then imported in part, and
// the page fits a phone.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/users.ts';
import { loginAs } from './helpers/app.ts';
import {
  browserProblem,
  ensureConsoleBuilt,
  launchBrowser,
  logIn,
  ROOT,
  SCREENS,
} from './helpers/browser.ts';
import { startDemoConsole } from './helpers/demo-console.ts';
import { describeProblems, layoutProblems } from './helpers/layout.ts';
import { postWorkbook, xlsxOf } from './helpers/metrics.ts';

const skip = browserProblem() ?? false;
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
/** The plan as of each month's end. */
const MONTHLY = [8, 16, 25, 33, 41, 50, 58, 66, 75, 83, 91, 100];
const HEADER = ['编码', '名称', '计量单位', '责任单位', '类型', '方向', '序时口径', '年度', '年度目标'];

describe('metrics page in Chromium [sqlite]', { skip }, () => {
  let demo: Awaited<ReturnType<typeof startDemoConsole>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const files = mkdtempSync(path.join(tmpdir(), 'zs-metrics-xlsx-'));
  const owner = DEMO_USERS.find((u) => u.username === 'community');
  assert.ok(owner);

  before(async () => {
    ensureConsoleBuilt();
    demo = await startDemoConsole();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await demo?.close();
    rmSync(files, { recursive: true, force: true });
  });

  const openMetrics = async (username: string) => {
    page = await logIn(browser.context, demo.base, username, DEMO_PASSWORD);
    await page.getByTestId('nav-metrics').click();
    await page.getByTestId('metrics-page').waitFor();
  };
  const row = (code: string) => page.locator(`[data-testid=metric-row][data-code="${code}"]`);
  const text = async (code: string, id: string) => (await row(code).getByTestId(id).textContent())?.trim();

  it('lets an admin add a metric, its owner unit found by search, and names the field of a refusal', async () => {
    await openMetrics('admin');
    assert.equal(await page.getByTestId('nav-metrics').textContent(), '指标管理');
    await page.getByTestId('metric-new').click();
    const form = page.getByTestId('metric-form');
    await form.locator('input[name=code]').fill('ECO TAX');
    await form.locator('input[name=name]').fill('一般公共预算收入');
    await form.locator('input[name=unitOfMeasure]').fill('亿元');
    await form.locator('input[name=ownerUnitIdSearch]').fill(owner.unitName.slice(0, 3));
    await form
      .getByTestId('unit-option')
      .filter({ hasText: new RegExp(`^${owner.unitName}$`) })
      .first()
      .click();
    assert.equal(await form.getByTestId('unit-picker-chosen').textContent(), owner.unitName);
    // A space in the code: the API refuses it, and the page says so in Chinese, naming the field.
    await form.getByTestId('metric-save').click();
    const notice = form.locator('.notice-error');
    await notice.waitFor();
    assert.equal(await notice.getAttribute('data-code'), 'VALIDATION_FAILED');
    assert.equal(await notice.locator('.notice-title').textContent(), '请求内容不合规');
    assert.equal(await form.getByTestId('error-fields').textContent(), '请检查：编码');
    assert.equal(await form.locator('input[name=code]').getAttribute('aria-invalid'), 'true');

    await form.locator('input[name=code]').fill('ECO-TAX');
    await form.getByTestId('metric-save').click();
    await row('ECO-TAX').waitFor();
    assert.equal(await text('ECO-TAX', 'metric-name'), '一般公共预算收入');
    assert.equal(await text('ECO-TAX', 'metric-owner'), owner.unitName);
    assert.equal(await text('ECO-TAX', 'metric-target-value'), '未设定');
  });

  it('sets a target of 100 for the current year', async () => {
    await row('ECO-TAX').getByTestId('metric-target').click();
    const form = page.getByTestId('target-form');
    assert.equal(await form.locator('input[name=year]').inputValue(), '2026');
    await form.locator('input[name=annual]').fill('100');
    // The monthly split wants all twelve months before anything is sent.
    await form.locator('input[name=split]').check();
    await form.getByTestId('target-save').click();
    await form.getByText('按月分解需要填满 12 个月').waitFor();
    for (const [i, plan] of MONTHLY.entries())
      await form.locator(`input[name="monthly.${i}"]`).fill(String(plan));
    await form.getByTestId('target-save').click();
    await page.getByRole('status').getByText('已保存 ECO-TAX 的 2026 年目标 100').waitFor();
    await row('ECO-TAX').getByTestId('metric-target-value').getByText('100').waitFor();
    // Opened again, the form shows what was stored.
    await row('ECO-TAX').getByTestId('metric-target').click();
    await form.locator('input[name="monthly.1"]').waitFor();
    assert.equal(await form.locator('input[name="monthly.1"]').inputValue(), '16');
    assert.equal(await form.locator('input[name=annual]').inputValue(), '100');
    await form.getByRole('button', { name: '取消' }).click();
    // The admin is not of the owner unit, but an administrator may correct an actual: the button is on.
    assert.equal(await row('ECO-TAX').getByTestId('metric-actual').isEnabled(), true);
  });

  it('has the owner unit enter 45.67 for February, and the progress page show 45.67 %', async () => {
    await openMetrics('community');
    // What the community may not do is disabled, with the reason on screen.
    assert.equal(await page.getByTestId('metric-new').isDisabled(), true);
    assert.match(
      (await page.getByTestId('metrics-why').textContent()) ?? '',
      /只有系统管理员和指挥中心值班员/,
    );
    assert.equal(await row('ECO-TAX').getByTestId('metric-edit').isDisabled(), true);
    await row('ECO-TAX').getByTestId('metric-actual').click();
    const form = page.getByTestId('actual-form');
    // 2 March 2026 on the server: February is the last month that has ended.
    assert.equal(await form.locator('input[name=period]').inputValue(), '2026-02');
    await form.locator('input[name=value]').fill('45.67');
    await form.locator('textarea[name=note]').fill('财政所月报');
    await form.getByTestId('actual-save').click();
    await page.getByRole('status').getByText('已保存 ECO-TAX 2026-02 的完成值 45.67').waitFor();
    await row('ECO-TAX').getByTestId('metric-actual-value').getByText('45.67 · 截至 2026-02').waitFor();

    await page.getByTestId('nav-progress').click();
    const card = page.locator('[data-testid=progress-item][data-code=ECO-TAX]');
    await card.waitFor();
    assert.equal((await card.getByTestId('progress-completion').textContent())?.trim(), '45.67%');
  });

  it('tells a leader why the buttons are off: the role reads only', async () => {
    await openMetrics('leader');
    await row('ECO-TAX').waitFor();
    for (const id of ['metric-edit', 'metric-target', 'metric-actual', 'metric-delete']) {
      assert.equal(await row('ECO-TAX').getByTestId(id).isDisabled(), true, id);
    }
    assert.match((await page.getByTestId('metrics-why').textContent()) ?? '', /您的角色只能查看指标/);
    assert.equal(await page.getByTestId('import-submit').isDisabled(), true);
  });

  it('refuses a workbook with a bad row, listing its line and reason as the API does; then imports the good rows', async () => {
    const rows = [
      HEADER,
      ['IMP-1', '城镇新增就业', '人', owner.unitCode, '累计', '正向', '按月', 2026, 1200],
      ['IMP-2', '空气优良天数比例', '%', owner.unitCode, '时点', '正向', '按日', 2026, 85],
      ['IMP-3', '坏行', '个', 'NO-SUCH-UNIT', '累计', '正向', '按月', 2026, 10],
    ];
    const bytes = await xlsxOf(rows);
    const file = path.join(files, '指标.xlsx');
    writeFileSync(file, bytes);
    // The API's own answer, which imports nothing.
    const api = await postWorkbook(demo.app, await loginAs(demo.app, 'admin', DEMO_PASSWORD), bytes);
    assert.equal(api.statusCode, 422, api.body);
    const expected = api.json().error.details.errors as { line: number; reasons: string[] }[];
    assert.deepEqual(
      expected.map((e) => e.line),
      [4],
    );

    await openMetrics('admin');
    await page.getByTestId('metric-import').locator('summary').click();
    // The template link downloads the API's workbook with the admin's session.
    const template = await page.getByTestId('import-template').getAttribute('href');
    assert.equal(template, '/api/metrics/template.xlsx');
    const download = await page.request.get(`${demo.base}${template}`);
    assert.deepEqual(
      [download.status(), download.headers()['content-type']],
      [200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    );
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-submit').click();
    const problem = page.getByTestId('import-problem');
    await problem.first().waitFor();
    assert.deepEqual(await problem.evaluateAll((els) => els.map((el) => el.getAttribute('data-line'))), [
      '4',
    ]);
    assert.equal(await problem.first().textContent(), `第 4 行 ${expected[0]?.reasons.join('；')}`);
    assert.equal(
      await page.getByTestId('metric-import').locator('.notice-title').textContent(),
      '导入文件中有不合规的行，未导入任何数据',
    );
    assert.equal(await row('IMP-1').count(), 0);

    await page.getByTestId('import-partial').check();
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-done').getByText('已导入 2 行：新增 2 项，更新 0 项').waitFor();
    await row('IMP-1').waitFor();
    await row('IMP-2').waitFor();
    assert.equal(await row('IMP-3').count(), 0);
    assert.equal(await text('IMP-1', 'metric-target-value'), '1200');
    assert.deepEqual(
      await page
        .getByTestId('import-problem')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-line'))),
      ['4'],
    );
    // The list with the import's answer under it.
    await page.screenshot({ path: path.join(SCREENSHOTS, 'metrics-desk.png') });
  });

  it('fits a desk and a wall without sideways scrolling', async () => {
    for (const screen of ['desk', 'wall'] as const) {
      await page.setViewportSize(SCREENS[screen]);
      await row('IMP-1').waitFor();
      const problems = describeProblems(screen, await layoutProblems(page, { touch: false }));
      assert.deepEqual(problems, []);
    }
  });

  it('works on a phone (390×844): cards, no sideways scrolling, the form edits a metric', async () => {
    await page.setViewportSize(SCREENS.phone);
    await page.goto(`${demo.base}/#/metrics`);
    await row('ECO-TAX').waitFor();
    const { overflow } = await layoutProblems(page, { touch: true });
    assert.deepEqual(overflow, []);
    // The page's own content is the phone's width and scrolls only up and down.
    const main = page.locator('main[data-page=metrics]');
    const width = await main.evaluate((el) => [
      el.clientWidth,
      el.scrollWidth,
      el.getBoundingClientRect().right,
    ]);
    assert.deepEqual(width.map(Math.round), [390, 390, 390]);
    // One card a metric: the rows stack, each the width of the page.
    const [a, b] = [await row('ECO-TAX').boundingBox(), await row('IMP-1').boundingBox()];
    assert.ok(a && b && a.width > 300 && Math.abs(a.x - b.x) < 1 && a.y !== b.y, 'cards stack');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'metrics-phone.png') });

    await row('IMP-1').getByTestId('metric-edit').click();
    const form = page.getByTestId('metric-form');
    assert.equal(await form.locator('input[name=code]').inputValue(), 'IMP-1');
    await form.locator('input[name=name]').fill('城镇新增就业人数');
    const formOverflow = (await layoutProblems(page, { touch: true })).overflow;
    assert.deepEqual(formOverflow, []);
    await form.getByTestId('metric-save').click();
    await page.getByRole('status').getByText('已保存指标 IMP-1').waitFor();
    assert.equal(await text('IMP-1', 'metric-name'), '城镇新增就业人数');
  });
});
