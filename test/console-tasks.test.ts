// The key-task page (重点工作) in Chromium against a real API on SQLite: the owner community
// reads its tasks with their lights, writes the week's progress note with a percent and a
// photo, and sees it, on a desk and on a phone.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { PASSWORD, useTestApp } from './helpers/app.ts';
import { browserProblem, ensureConsoleBuilt, launchBrowser, logIn, SCREENS } from './helpers/browser.ts';
import { describeProblems, layoutProblems } from './helpers/layout.ts';
import { bj, sessions } from './helpers/orders.ts';
import { makePhoto } from './helpers/photos.ts';

const skip = browserProblem() ?? false;
const iso = (local: string) => new Date(bj(local)).toISOString();

describe('key-task page in Chromium [sqlite]', { skip }, () => {
  before(() => ensureConsoleBuilt());
  // Sessions outlast the gap between the app's fixed clock and the browser's real one.
  const t = useTestApp('sqlite', { sessionTtlHours: 20 * 365 * 24 });
  const as = sessions(t);
  const ids = { late: '', onTrack: '', other: '' };
  let base = '';
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let page: Page;
  let photoFile = '';

  before(async () => {
    t.clock.t = bj('2026-03-06 10:00');
    const op = await as('operator');
    const post = async (payload: object) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/tasks', headers: op, payload });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    // A milestone past its due time and not done: red.
    ids.late = await post({
      title: '老旧小区加装电梯',
      ownerUnitId: t.org.a1.id,
      ownerUserId: t.org.users.commA1?.id,
      deadline: iso('2026-03-20 17:30'),
      milestones: [{ title: '完成意见征询', dueAt: iso('2026-03-04 17:30') }],
    });
    ids.onTrack = await post({
      title: '背街小巷环境整治',
      ownerUnitId: t.org.a1.id,
      ownerUserId: t.org.users.commA1?.id,
      deadline: iso('2026-06-30 17:30'),
    });
    ids.other = await post({
      title: '河道整治',
      ownerUnitId: t.org.b1.id,
      ownerUserId: t.org.users.commB1?.id,
      deadline: iso('2026-06-30 17:30'),
    });
    photoFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zs-task-photo-')), 'progress.jpg');
    fs.writeFileSync(photoFile, await makePhoto('jpeg', 640, 480));
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchBrowser();
    page = await logIn(browser.context, base, 'commA1', PASSWORD);
  });
  after(async () => {
    await browser?.close();
    if (photoFile) fs.rmSync(path.dirname(photoFile), { recursive: true, force: true });
  });

  const card = (id: string) => page.locator(`[data-testid=task-item][data-task-id="${id}"]`);

  it('lists the community’s own tasks with their lights: the late milestone red, the other green', async () => {
    await page.getByTestId('nav-tasks').click();
    await card(ids.late).waitFor();
    assert.equal(await page.getByTestId('nav-tasks').textContent(), '重点工作');
    assert.equal(await card(ids.late).getAttribute('data-light'), 'red');
    assert.equal(await card(ids.onTrack).getAttribute('data-light'), 'green');
    assert.equal(await card(ids.other).count(), 0, 'B1’s task is outside A1’s scope');
    assert.equal(
      (await page.getByTestId('tasks-summary').textContent())?.trim(),
      '共 2 项 · 红灯 1 · 已完成 0',
    );
    assert.equal((await card(ids.late).getByTestId('task-percent').textContent())?.trim(), '尚无进度');
  });

  it('writes the week’s note with a percent and a photo, and shows it with the task’s new percent', async () => {
    await card(ids.late).getByTestId('task-toggle').click();
    const form = card(ids.late).getByTestId('task-note-form');
    await form.waitFor();
    await form.getByTestId('task-note-text').fill('意见征询已完成八成，下周召开业主大会');
    await form.getByTestId('task-note-percent').fill('40');
    await form.getByTestId('task-note-photo').setInputFiles(photoFile);
    await form.getByTestId('task-note-submit').click();
    await card(ids.late).getByTestId('task-percent').getByText('进度 40%').waitFor();
    const note = card(ids.late).getByTestId('task-note').first();
    await note.getByText('意见征询已完成八成，下周召开业主大会').waitFor();
    assert.match((await note.textContent()) ?? '', /40%/);
    assert.equal(await note.locator('img').count(), 1);
    const detail = await t.app.inject({ url: `/api/tasks/${ids.late}`, headers: await as('commA1') });
    const saved = detail.json().notes as {
      text: string;
      percent: number;
      photos: string[];
      authorUserId: string;
    }[];
    assert.equal(saved.length, 1);
    assert.deepEqual(
      [saved[0]?.text, saved[0]?.percent, saved[0]?.photos.length, saved[0]?.authorUserId],
      ['意见征询已完成八成，下周召开业主大会', 40, 1, t.org.users.commA1?.id],
    );
  });

  it('lets the operator see every unit’s tasks, and fits a phone without sideways scrolling', async () => {
    page = await logIn(browser?.context ?? assert.fail('no browser'), base, 'operator', PASSWORD);
    await page.getByTestId('nav-tasks').click();
    await card(ids.other).waitFor();
    assert.equal(await page.getByTestId('task-item').count(), 3);
    await page.setViewportSize(SCREENS.phone);
    await card(ids.late).getByTestId('task-toggle').click();
    await card(ids.late).getByTestId('task-note').first().waitFor();
    const problems = describeProblems('tasks', await layoutProblems(page, { touch: true }));
    assert.deepEqual(problems, []);
  });
});
