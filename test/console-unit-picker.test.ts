// The dispatch form's unit picker in Debian's Chromium through playwright-core, against a real API
// on a free port (SQLite only: a UI test). The command centre searches a department by part of its
// name, sees the matches grouped by kind, dispatches to it, and finds it first under "recent" on
// the next order; on a phone and on a desk, in Chinese and in English.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { PASSWORD, useTestApp } from './helpers/app.ts';
import { browserProblem, ensureConsoleBuilt, launchBrowser, logIn, SCREENS } from './helpers/browser.ts';
import { describeProblems, layoutProblems } from './helpers/layout.ts';
import { actAs, bj, IN_A1_GRID1, sessions, useOrderWorld } from './helpers/orders.ts';

const skip = browserProblem() ?? false;

describe('console unit picker in Chromium [sqlite]', { skip }, () => {
  before(() => ensureConsoleBuilt());
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-console-picker-'));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const t = useTestApp('sqlite', { sessionTtlHours: 20 * 365 * 24, dataDir });
  const world = useOrderWorld(t);
  const as = sessions(t);
  let base = '';
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let context: BrowserContext;
  /** Two registered orders waiting for dispatch. */
  const orders: string[] = [];

  before(async () => {
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    t.clock.t = bj('2026-03-02 08:30');
    for (const description of ['绿地里有枯树', '人行道树枝挡路']) {
      const created = await t.app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: await as('operator'),
        payload: {
          categoryId: world.categories.get('树木倒伏/树枝搭线'),
          ...IN_A1_GRID1,
          description,
          source: 'hotline',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const id: string = created.json().order.id;
      const registered = await actAs(t, await as('operator'), id, 'register', {});
      assert.equal(registered.statusCode, 200, registered.body);
      orders.push(id);
    }
    browser = await launchBrowser({ viewport: SCREENS.phone });
    context = browser.context;
  });
  after(() => browser?.close());

  const row = (p: Page, id: string) => p.locator(`[data-testid=order-row][data-order-id="${id}"]`);
  const detail = (p: Page) => p.getByTestId('order-detail');
  const groupsOf = async (form: Locator) =>
    form.getByTestId('unit-group').evaluateAll((els) => els.map((e) => e.getAttribute('data-group')));
  const optionsOf = (group: Locator) => group.getByTestId('unit-option').allTextContents();

  /** Opens an order's dispatch form from the list; the form. */
  async function openDispatch(p: Page, id: string): Promise<Locator> {
    await p.goto(`${base}/#/orders`);
    await row(p, id).click();
    await p.locator(`[data-testid=order-detail][data-order-id="${id}"][data-status=registered]`).waitFor();
    await detail(p).getByTestId('action-dispatch').click();
    const form = p.locator('[data-testid=action-form][data-action=dispatch]');
    await form.getByTestId('unit-picker').waitFor();
    // The list of units arrives after the form opens.
    await form.getByTestId('unit-group').first().waitFor();
    return form;
  }

  it('finds a department by part of its name, grouped by kind, and dispatches to it', async () => {
    t.clock.t = bj('2026-03-02 09:00');
    const p = await logIn(context, base, 'operator', PASSWORD);
    const form = await openDispatch(p, orders[0] as string);
    // Nothing chosen yet: the category's default unit, no recent choices on this browser.
    assert.equal(await form.getByTestId('unit-picker-chosen').textContent(), '按类别默认单位');
    assert.equal((await groupsOf(form)).includes('recent'), false);

    const search = form.getByTestId('unit-picker').locator('input[type=search]');
    await search.fill('绿化');
    // A department and a contractor share the words: each under its kind, departments first.
    assert.deepEqual(await groupsOf(form), ['department', 'contractor']);
    const department = form.locator('[data-testid=unit-group][data-group=department]');
    assert.equal(await department.locator('h4').textContent(), '职能部门');
    assert.deepEqual(await optionsOf(department), ['绿化所']);
    assert.deepEqual(await optionsOf(form.locator('[data-testid=unit-group][data-group=contractor]')), [
      '绿化养护公司',
    ]);
    // The code finds a unit too.
    await search.fill('d-power');
    assert.deepEqual(await optionsOf(form), ['供电所']);
    await search.fill('没有这个单位');
    assert.equal(await form.getByTestId('unit-option').count(), 0);
    await form.getByText('没有匹配的单位').waitFor();

    await search.fill('绿化');
    await department.getByTestId('unit-option').click();
    assert.equal(await form.getByTestId('unit-picker-chosen').textContent(), '绿化所');
    assert.equal(await department.getByTestId('unit-option').getAttribute('aria-pressed'), 'true');
    // Thumb-sized choices and nothing wider than the phone.
    assert.deepEqual(describeProblems('picker on a phone', await layoutProblems(p, { touch: true })), []);
    for (const box of await form
      .getByTestId('unit-option')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height)))
      assert.ok(box >= 44, `a choice is ${box} px high`);

    await form.getByTestId('action-submit').click();
    await p
      .locator(`[data-testid=order-detail][data-order-id="${orders[0]}"][data-status=dispatched]`)
      .waitFor();
    assert.equal(await detail(p).getByTestId('field-responsible-unit').textContent(), '绿化所');
  });

  it('shows the units dispatched to first under “recent” on the next order, on a desk and in English', async () => {
    t.clock.t = bj('2026-03-02 09:10');
    const p = context.pages()[0] as Page;
    let form = await openDispatch(p, orders[1] as string);
    assert.equal((await groupsOf(form))[0], 'recent');
    const recent = form.locator('[data-testid=unit-group][data-group=recent]');
    assert.equal(await recent.locator('h4').textContent(), '最近选择');
    assert.deepEqual(await optionsOf(recent), ['绿化所']);
    // Searching keeps the recent group while it matches.
    await form.getByTestId('unit-picker').locator('input[type=search]').fill('供电');
    assert.deepEqual(await groupsOf(form), ['department']);
    await form.getByTestId('unit-picker').locator('input[type=search]').fill('');

    await p.setViewportSize(SCREENS.desk);
    assert.deepEqual(describeProblems('picker on a desk', await layoutProblems(p, { touch: false })), []);

    // The same picker in English.
    await p.evaluate("localStorage.setItem('zs.lang', 'en')");
    await p.reload();
    form = await openDispatch(p, orders[1] as string);
    assert.equal(await recent.locator('h4').textContent(), 'Recent');
    assert.equal(
      await form.locator('[data-testid=unit-group][data-group=department] h4').textContent(),
      'Department',
    );
    assert.equal(
      await form.getByTestId('unit-picker').locator('input[type=search]').getAttribute('placeholder'),
      'Search unit name or code',
    );
    await recent.getByTestId('unit-option').click();
    await form.getByTestId('action-submit').click();
    await p
      .locator(`[data-testid=order-detail][data-order-id="${orders[1]}"][data-status=dispatched]`)
      .waitFor();
    assert.equal(await detail(p).getByTestId('field-responsible-unit').textContent(), '绿化所');
    await p.evaluate("localStorage.removeItem('zs.lang')");
  });
});
