// The console's work-order pages in Debian's Chromium through playwright-core, against a real API
// on a free port (SQLite only: a UI test; the API's work-order suites run on both databases).
// The story: a grid worker reports through the form, the command centre registers and
// dispatches from the detail view, the greening department signs and feeds back; everyone reads
// the same timeline in Shanghai time.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { PASSWORD, useTestApp } from './helpers/app.ts';
import { browserProblem, ensureConsoleBuilt, launchBrowser, logIn, ROOT } from './helpers/browser.ts';
import { actAs, bj, IN_A1_GRID1, IN_A2_GRID1, sessions, useOrderWorld } from './helpers/orders.ts';
import { makePhoto } from './helpers/photos.ts';

const skip = browserProblem() ?? false;
const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

describe('console work orders in Chromium [sqlite]', { skip }, () => {
  // Registered before useTestApp's hooks so that web/dist exists when the app is built.
  before(() => ensureConsoleBuilt());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-console-orders-'));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  // The app's clock is set by the test while the browser lives in real time: sessions must outlast the gap.
  const t = useTestApp('sqlite', { sessionTtlHours: 20 * 365 * 24, dataDir });
  const world = useOrderWorld(t);
  const as = sessions(t);
  let base = '';
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let context: BrowserContext;
  let photo: Buffer;
  /** A hotline call about the same problem, raised before the story starts; it stays reported. */
  let hotline = { id: '', code: '' };
  /** The grid worker's report, followed through the story. */
  let story = { id: '', code: '' };

  before(async () => {
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    photo = await makePhoto('png', 64, 48);
    t.clock.t = bj('2026-03-02 08:30');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as('operator'),
      payload: {
        categoryId: world.categories.get('树木倒伏/树枝搭线'),
        // About 15 m from where the grid worker will report: within the category's 30 m.
        lat: IN_A1_GRID1.lat + 0.0001,
        lon: IN_A1_GRID1.lon + 0.0001,
        description: '电线上挂着树枝',
        address: '娄门路 20 号',
        source: 'hotline',
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    hotline = { id: created.json().order.id, code: created.json().order.code };
    browser = await launchBrowser();
    context = browser.context;
  });
  after(() => browser?.close());

  const page = () => context.pages()[0] as Page;
  const row = (p: Page, id: string) => p.locator(`[data-testid=order-row][data-order-id="${id}"]`);
  const detail = (p: Page) => p.getByTestId('order-detail');
  /** Opens an action's form, lets `fill` complete it, submits, and waits for the order's new status. */
  async function act(
    p: Page,
    action: string,
    status: string,
    fill?: (form: ReturnType<Page['locator']>) => Promise<void>,
  ) {
    await detail(p).getByTestId(`action-${action}`).click();
    const form = p.locator(`[data-testid=action-form][data-action=${action}]`);
    await fill?.(form);
    await form.getByTestId('action-submit').click();
    await p.locator(`[data-testid=order-detail][data-status=${status}]`).waitFor();
  }
  const photoFile = () => ({ name: 'photo.png', mimeType: 'image/png', buffer: photo });

  it('lets a grid worker report a problem with the form: category, position on the map, photo', async () => {
    t.clock.t = bj('2026-03-02 09:00');
    const p = await logIn(context, base, 'gridA1', PASSWORD);
    // A grid worker's first page is the work orders.
    await p.getByTestId('order-list').waitFor();
    assert.equal(await p.getByTestId('nav-orders').getAttribute('aria-current'), 'page');
    await p.getByTestId('report-open').click();
    const form = p.getByTestId('report-form');
    await form.locator('select[name=categoryId]').selectOption({ label: '树木倒伏/树枝搭线' });
    await form.locator('textarea[name=description]').fill('树枝搭在电线上，有安全隐患');
    await form.locator('input[name=address]').fill('娄门路 18 号');
    // A click on the map sets the position; the fields then take the exact one.
    const map = form.locator('[data-testid=map] canvas.maplibregl-canvas');
    await map.waitFor();
    await map.click({ position: { x: 120, y: 110 } });
    assert.match(await form.locator('input[name=lat]').inputValue(), /^\d+\.\d{6}$/);
    await form.locator('input[name=lat]').fill(String(IN_A1_GRID1.lat));
    await form.locator('input[name=lon]').fill(String(IN_A1_GRID1.lon));
    await form.locator('input[name=photos]').setInputFiles(photoFile());
    await form.getByTestId('uploaded-photo').waitFor();
    await form.getByTestId('report-submit').click();

    const result = p.getByTestId('report-result');
    await result.waitFor();
    story = {
      id: (await detail(p).getAttribute('data-order-id')) ?? '',
      code: (await p.getByTestId('detail-code').textContent()) ?? '',
    };
    // 部件 04 (园林绿化) 01, reported on 2 March (Beijing), the day's second order.
    assert.equal(story.code, 'C0401202603020002');
    assert.match((await result.textContent()) ?? '', /已上报，工单编号 C0401202603020002/);
    // The hotline call nearby is offered as a possible duplicate.
    const duplicate = result.getByTestId('duplicate');
    assert.match((await result.textContent()) ?? '', /附近有 1 件同类未结工单，可能是同一问题/);
    assert.equal(await duplicate.getAttribute('data-order-id'), hotline.id);
    assert.match(
      (await duplicate.textContent()) ?? '',
      new RegExp(`^${hotline.code} · 上报 · 相距 1\\d 米 · 娄门路 20 号`),
    );
    assert.equal(await detail(p).getAttribute('data-status'), 'reported');
    assert.equal(await detail(p).getByTestId('order-status').textContent(), '上报');
    assert.equal(await detail(p).getByTestId('field-created-at').textContent(), '2026-03-02 09:00:00');
    assert.equal(await detail(p).getByTestId('field-source').textContent(), '网格员上报');
    // The report's photo comes back as a thumbnail from the attachments API.
    const thumb = detail(p).getByTestId('photo').first();
    await thumb.waitFor();
    await p.waitForFunction(
      (img) => (img as unknown as { naturalWidth: number }).naturalWidth > 0,
      await thumb.elementHandle(),
    );
    // The new order is in the list too, on the community's problem list.
    await row(p, story.id).waitFor();
    assert.equal(await row(p, story.id).getByTestId('order-unit').textContent(), 'A1社区');
  });

  it('lets the command centre register the report and dispatch it to a department with a sub-task', async () => {
    const p = await logIn(context, base, 'operator', PASSWORD);
    await p.getByTestId('nav-orders').click();
    await row(p, story.id).waitFor();
    assert.equal(await row(p, story.id).getAttribute('data-status'), 'reported');
    assert.equal(await row(p, story.id).getByTestId('order-status').textContent(), '上报');
    await row(p, story.id).click();
    await p.locator(`[data-testid=order-detail][data-order-id="${story.id}"]`).waitFor();
    // Only what the API allows the centre on a fresh report.
    const buttons = await detail(p).locator('.action-buttons button').allTextContents();
    assert.deepEqual(buttons, ['立案', '不予立案', '作废', '合并', '征询意见', '备注']);

    t.clock.t = bj('2026-03-02 09:10');
    await act(p, 'register', 'registered', (form) => form.locator('textarea[name=note]').fill('属实，立案'));
    await p.getByRole('status').getByText('已完成“立案”').waitFor();

    t.clock.t = bj('2026-03-02 09:20');
    await act(p, 'dispatch', 'dispatched', async (form) => {
      await form.getByTestId('unit-picker').locator('input[type=search]').fill('绿化');
      await form
        .getByTestId('unit-option')
        .filter({ hasText: /^绿化所$/ })
        .first()
        .click();
      await form.getByTestId('add-subtask').click();
      // The sub-task's unit is picked like the order's: searched, then tapped.
      const subTask = form.getByTestId('subtask-row').first();
      await subTask.locator('input[name="subTasks.0.unitIdSearch"]').fill('供电');
      await subTask
        .getByTestId('unit-option')
        .filter({ hasText: /^供电所$/ })
        .first()
        .click();
      await form.locator('input[name="subTasks.0.task"]').fill('安排停电');
    });
    assert.equal(await detail(p).getByTestId('order-status').textContent(), '派遣');
    assert.equal(await detail(p).getByTestId('field-responsible-unit').textContent(), '绿化所');
    // 3 working days from Monday 09:20 (Beijing): the end of Thursday’s working day.
    assert.equal(await detail(p).getByTestId('field-deadline').textContent(), '2026-03-05 17:30:00');
    assert.equal(await detail(p).getByTestId('order-light').getAttribute('data-light'), 'green');
    const subTask = detail(p).getByTestId('subtask');
    assert.match((await subTask.textContent()) ?? '', /供电所安排停电待签收/);
    // The list follows: the row now shows the department and the deadline.
    await row(p, story.id).and(p.locator('[data-status=dispatched]')).waitFor();
    assert.equal(await row(p, story.id).getByTestId('order-unit').textContent(), '绿化所');
    assert.equal(await row(p, story.id).getByTestId('order-deadline').textContent(), '2026-03-05 17:30:00');
    assert.equal(await row(p, story.id).getByTestId('order-light').textContent(), '绿灯');
  });

  it('lets the department find it in its notifications, sign, handle and feed back with a photo', async () => {
    t.clock.t = bj('2026-03-02 10:00');
    const p = await logIn(context, base, 'green', PASSWORD);
    const bell = p.getByTestId('notifications');
    await p.locator('[data-testid=unread-count][data-count="1"]').waitFor();
    await bell.click();
    const note = p.getByTestId('notification').first();
    assert.equal(
      await note.locator('span').textContent(),
      `工单 ${story.code} 已派遣至本单位，请签收，期限 2026-03-05 17:30:00`,
    );
    await note.click();
    await p.locator(`[data-testid=order-detail][data-order-id="${story.id}"]`).waitFor();
    await p.locator('[data-testid=unread-count][data-count="0"]').waitFor();

    await act(p, 'sign', 'signed');
    // The power company does its part meanwhile (through the API: it is not this test's user).
    const power = await as('power');
    t.clock.t = bj('2026-03-02 10:10');
    assert.equal((await actAs(t, power, story.id, 'signSubTask')).statusCode, 200);
    t.clock.t = bj('2026-03-02 10:20');
    assert.equal((await actAs(t, power, story.id, 'feedbackSubTask', { note: '已停电' })).statusCode, 200);
    // Back at the order later: the page shows the order as it is now, sub-task fed back.
    await p.reload();
    await p.locator(`[data-testid=order-detail][data-order-id="${story.id}"][data-version="6"]`).waitFor();
    t.clock.t = bj('2026-03-02 10:30');
    await act(p, 'startHandling', 'handling');
    // The other department's sub-task and the signer are named, though neither is in its scope.
    assert.match((await detail(p).getByTestId('subtask').textContent()) ?? '', /^供电所安排停电已反馈/);
    assert.equal(await detail(p).getByTestId('field-responsible-person').textContent(), 'green');
    assert.equal(await detail(p).getByTestId('field-area').textContent(), 'A1社区 · A1社区第1网格');

    t.clock.t = bj('2026-03-02 11:00');
    await act(p, 'feedback', 'handled', async (form) => {
      // The form cannot be sent before a photo of the result is attached.
      assert.equal(await form.getByTestId('action-submit').isDisabled(), true);
      await form.locator('input[name=photos]').setInputFiles(photoFile());
      await form.getByTestId('uploaded-photo').waitFor();
      await form.locator('textarea[name=note]').fill('已修剪树枝');
    });
    assert.equal(await detail(p).getByTestId('order-status').textContent(), '已反馈');
    // Handled: the department may still add a note (备注), nothing else.
    assert.deepEqual(await detail(p).locator('.action-buttons button').allTextContents(), ['备注']);
  });

  it('shows everyone the timeline: who, when in Shanghai time, from → to, notes and photos', async () => {
    const p = page();
    const events = detail(p).getByTestId('timeline-event');
    await events.nth(7).waitFor();
    const lines = await events.evaluateAll((items) =>
      items.map((li) =>
        ['event-time', 'event-action', 'event-states'].map(
          (id) => li.querySelector(`[data-testid=${id}]`)?.textContent ?? '',
        ),
      ),
    );
    assert.deepEqual(lines, [
      ['2026-03-02 09:00:00', '上报', '上报'],
      ['2026-03-02 09:10:00', '立案', '上报 → 立案'],
      ['2026-03-02 09:20:00', '派遣', '立案 → 派遣'],
      ['2026-03-02 10:00:00', '签收', '派遣 → 签收'],
      ['2026-03-02 10:10:00', '协办签收', '签收 → 签收'],
      ['2026-03-02 10:20:00', '协办反馈', '签收 → 签收'],
      ['2026-03-02 10:30:00', '开始处置', '签收 → 处置中'],
      ['2026-03-02 11:00:00', '反馈', '处置中 → 已反馈'],
    ]);
    // The API names the centre's operator and unit, which the department may not read itself.
    assert.equal(
      await events.nth(1).getByTestId('event-actor').textContent(),
      'operator · 指挥中心值班员 · 测试街道',
    );
    assert.equal(await events.nth(4).getByTestId('event-actor').textContent(), 'power · 职能部门 · 供电所');
    assert.equal(await events.nth(1).getByTestId('event-note').textContent(), '属实，立案');
    assert.match((await events.nth(2).textContent()) ?? '', /至 绿化所.*协办 1 项.*期限 2026-03-05 17:30:00/);
    assert.equal(await events.nth(7).getByTestId('event-note').textContent(), '已修剪树枝');
    assert.equal(await events.nth(7).getByTestId('photo').count(), 1);
  });

  it('filters the centre’s list by status', async () => {
    const p = await logIn(context, base, 'operator', PASSWORD);
    await p.getByTestId('nav-orders').click();
    await row(p, story.id).waitFor();
    assert.equal(await p.getByTestId('order-row').count(), 2);
    const table = p.getByTestId('order-table');
    const status = p.getByTestId('order-filters').locator('select[name=status]');

    await status.selectOption({ label: '已反馈' });
    await p.locator('[data-testid=order-table][data-query="status=handled"]').waitFor();
    assert.deepEqual(await ids(p), [story.id]);

    await status.selectOption({ label: '上报' });
    await p.locator('[data-testid=order-table][data-query="status=reported"]').waitFor();
    assert.deepEqual(await ids(p), [hotline.id]);
    assert.equal(await row(p, hotline.id).getByTestId('order-code').textContent(), hotline.code);
    assert.equal(await row(p, hotline.id).getByTestId('order-light').getAttribute('data-light'), 'none');

    await status.selectOption({ label: '结案' });
    await p.locator('[data-testid=order-table][data-query="status=closed"]').waitFor();
    assert.equal(await p.getByTestId('order-row').count(), 0);
    await p.getByText('没有符合条件的工单').waitFor();
    assert.ok(await table.isVisible());
  });

  it('shows a conflict clearly when someone else acted first, and reloads the order', async () => {
    const p = page();
    await p.getByTestId('order-filters').locator('select[name=status]').selectOption({ label: '全部' });
    await row(p, hotline.id).click();
    await p
      .locator(`[data-testid=order-detail][data-order-id="${hotline.id}"][data-status=reported]`)
      .waitFor();
    await detail(p).getByTestId('action-register').click();
    // Another operator registers the same order meanwhile.
    t.clock.t = bj('2026-03-02 11:30');
    assert.equal((await actAs(t, await as('admin'), hotline.id, 'register')).statusCode, 200);
    await p.getByTestId('action-form').getByTestId('action-submit').click();
    const alert = p.getByRole('alert');
    await alert.waitFor();
    assert.equal(await alert.getAttribute('data-code'), 'VERSION_CONFLICT');
    assert.match((await alert.textContent()) ?? '', /工单已被他人更新，已重新加载/);
    // Reloaded: now registered, and the buttons are those of a registered order.
    await p
      .locator(`[data-testid=order-detail][data-order-id="${hotline.id}"][data-status=registered]`)
      .waitFor();
    await detail(p).getByTestId('action-dispatch').waitFor();
    assert.equal(await detail(p).getByTestId('action-register').count(), 0);
  });

  it('saves the list beside an order’s detail to docs/screenshots/orders.png', async () => {
    // A few more orders, so that the picture shows a working list: overdue, nearly due, fresh.
    const green = t.org.dept.id;
    const power = world.power.id;
    await seedOrder('2026-02-27 14:00', '暴露垃圾', '东环路 12 号', '桥下垃圾堆积', green);
    await seedOrder('2026-02-27 10:00', '路灯不亮', '娄门路 3 号', '路灯整夜不亮', power);
    await seedOrder('2026-03-02 09:30', '管道破裂冒水', '百花巷 7 号', '水管破裂，路面冒水', power);
    await seedOrder('2026-03-02 10:40', '道路破损', '城东路 21 号', '人行道砖块松动');
    t.clock.t = bj('2026-03-02 14:30');
    const p = page();
    await p.reload();
    await row(p, story.id).click();
    await p
      .locator(`[data-testid=order-detail][data-order-id="${story.id}"] [data-testid=timeline-event]`)
      .nth(7)
      .waitFor();
    await p.locator('[data-testid=order-row][data-light=red]').waitFor();
    await p.locator('[data-testid=order-row][data-light=yellow]').first().waitFor();
    // Every thumbnail loaded (a string: the test's own TypeScript has no DOM types).
    await p.waitForFunction('[...document.images].every((img) => img.complete && img.naturalWidth > 0)');
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await p.screenshot({ path: path.join(SCREENSHOTS, 'orders.png') });
  });

  /** A hotline order reported at a Beijing time, registered and dispatched to `unitId` if given. */
  async function seedOrder(
    at: string,
    category: string,
    address: string,
    description: string,
    unitId?: string,
  ) {
    t.clock.t = bj(at);
    const operator = await as('operator');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: operator,
      payload: {
        categoryId: world.categories.get(category),
        ...IN_A2_GRID1,
        address,
        description,
        source: 'hotline',
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    if (!unitId) return;
    const id: string = created.json().order.id;
    t.clock.t += 5 * 60_000;
    assert.equal((await actAs(t, operator, id, 'register')).statusCode, 200);
    t.clock.t += 5 * 60_000;
    assert.equal((await actAs(t, operator, id, 'dispatch', { unitId })).statusCode, 200);
  }

  it('switches the pages to English: statuses, actions, columns and the timeline', async () => {
    const p = page();
    await p.getByTestId('switch-language').click();
    await p.getByTestId('nav-orders').getByText('Work orders').waitFor();
    assert.equal(await row(p, story.id).getByTestId('order-status').textContent(), 'Handled');
    assert.equal(await row(p, hotline.id).getByTestId('order-status').textContent(), 'Registered');
    const headers = await p.getByTestId('order-table').locator('th').allTextContents();
    assert.deepEqual(headers, [
      'Code',
      'Category',
      'Address',
      'Status',
      'Responsible unit',
      'Deadline',
      'Time',
    ]);
    const events = detail(p).getByTestId('timeline-event');
    assert.equal(await events.nth(2).getByTestId('event-action').textContent(), 'Dispatch');
    assert.equal(await events.nth(2).getByTestId('event-states').textContent(), 'Registered → Dispatched');
    // Times stay in Shanghai time whatever the language (the browser itself runs in New York time).
    assert.equal(await events.nth(2).getByTestId('event-time').textContent(), '2026-03-02 09:20:00');
    assert.match(
      (await events.nth(2).textContent()) ?? '',
      /to 绿化所.*sub-tasks: 1.*due 2026-03-05 17:30:00/,
    );
    await p.getByTestId('switch-language').click();
    await p.getByTestId('nav-orders').getByText('工单').waitFor();
  });

  it('takes a duplicate’s reporter from the merge notification to the order it was merged into', async () => {
    t.clock.t = bj('2026-03-02 15:00');
    const reported = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as('gridA1'),
      payload: {
        categoryId: world.categories.get('树木倒伏/树枝搭线'),
        ...IN_A1_GRID1,
        description: '树枝又搭在电线上',
      },
    });
    assert.equal(reported.statusCode, 201, reported.body);
    const duplicate: { id: string; code: string } = reported.json().order;
    t.clock.t = bj('2026-03-02 15:05');
    const merged = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${duplicate.id}/merge`,
      headers: await as('operator'),
      payload: { intoOrderId: story.id },
    });
    assert.equal(merged.statusCode, 200, merged.body);

    const p = await logIn(context, base, 'gridA1', PASSWORD);
    await p.getByTestId('order-list').waitFor();
    await p.getByTestId('notifications').click();
    const note = p.locator('[data-testid=notification][data-kind=merged]');
    assert.equal(
      await note.locator('span').textContent(),
      `工单 ${duplicate.code} 已合并到工单 ${story.code}，请关注该工单`,
    );
    assert.equal(await note.getAttribute('data-order-id'), story.id);
    await note.click();
    await p.locator(`[data-testid=order-detail][data-order-id="${story.id}"]`).waitFor();
  });
});

async function ids(p: Page): Promise<string[]> {
  return p
    .getByTestId('order-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-order-id') ?? ''));
}
