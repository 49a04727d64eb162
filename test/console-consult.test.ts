// Consultations (征询意见) and park requests (申请挂账) in the console, in Debian's Chromium against
// the demo world: who was asked, the question, by when and each answer beside the dispatch form and
// on the timeline; a request to park waiting for the centre, approved from its own buttons; on a
// phone (390×844) and on a desk.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import { browserProblem, logIn, SCREENS } from './helpers/browser.ts';
import { type ApiLogin, apiCall, apiLogin, useDemoBrowser } from './helpers/demo-console.ts';
import { describeProblems, layoutProblems } from './helpers/layout.ts';

const skip = browserProblem() ?? false;

interface UnitRow {
  id: string;
  kind: string;
  name: string;
  polygon: { type: string; coordinates: number[][][] | number[][][][] } | null;
}

describe('consultations and park requests in the console [sqlite]', { skip }, () => {
  const suite = useDemoBrowser({ orders: true, viewport: SCREENS.phone });
  const base = () => suite.demo.base;

  const login = (username: string) => apiLogin(suite.demo.app, username);
  const api = (who: ApiLogin, method: 'GET' | 'POST', url: string, payload?: object) =>
    apiCall(suite.demo.app, who, method, url, payload);

  /** A new order in the middle of the first grid with a polygon, reported by the operator. */
  const newOrder = async (operator: ApiLogin, description: string): Promise<string> => {
    const units: UnitRow[] = (await api(operator, 'GET', '/api/units')).items;
    const grid = units.find((u) => u.kind === 'grid' && u.polygon);
    assert.ok(grid?.polygon);
    const ring = (
      grid.polygon.type === 'MultiPolygon'
        ? (grid.polygon.coordinates as number[][][][])[0]?.[0]
        : (grid.polygon.coordinates as number[][][])[0]
    ) as number[][];
    const lons = ring.map((p) => p[0] ?? 0);
    const lats = ring.map((p) => p[1] ?? 0);
    const categories = (await api(operator, 'GET', '/api/categories?active=true')).items as {
      id: string;
      minorName: string;
    }[];
    const category = categories.find((c) => c.minorName === '绿地杂草枯枝') ?? categories[0];
    assert.ok(category);
    const created = await api(operator, 'POST', '/api/orders', {
      categoryId: category.id,
      lat: (Math.min(...lats) + Math.max(...lats)) / 2,
      lon: (Math.min(...lons) + Math.max(...lons)) / 2,
      description,
    });
    return created.order.id;
  };

  const openOrder = async (username: string, id: string): Promise<Page> => {
    const p = await logIn(suite.context, base(), username, DEMO_PASSWORD);
    await p.getByTestId('tab-bar').waitFor();
    await p.goto(`${base()}/#/orders/${id}`);
    await p.locator(`[data-testid=order-detail][data-order-id="${id}"]`).getByTestId('timeline').waitFor();
    return p;
  };

  it('shows who was asked, the question, by when and each answer beside the dispatch form and on the timeline', async () => {
    const operator = await login('operator');
    const department = await login('department');
    const units: UnitRow[] = (await api(operator, 'GET', '/api/units')).items;
    const power = units.find((u) => u.kind === 'department' && u.name === '供电所');
    assert.ok(power);
    const id = await newOrder(operator, '行道树枝条压线');
    await api(operator, 'POST', `/api/orders/${id}/actions/register`, {});
    await api(operator, 'POST', `/api/orders/${id}/actions/consult`, {
      unitIds: [department.user.unitId, power.id],
      question: '行道树可否修剪？',
      dueAt: '2026-03-03T09:30:00.000Z',
    });
    await api(department, 'POST', `/api/orders/${id}/actions/consultReply`, {
      agree: false,
      note: '需先报批',
    });

    const p = await openOrder('operator', id);
    const detail = p.locator(`[data-testid=order-detail][data-order-id="${id}"]`);
    const list = detail.getByTestId('consultation-list');
    await list.waitFor();
    const greening = list.locator(`[data-testid=consultation][data-unit-id="${department.user.unitId}"]`);
    assert.equal(await greening.getAttribute('data-answer'), 'disagree');
    assert.equal(await greening.getByTestId('consultation-unit').textContent(), '园林绿化所');
    assert.equal(await greening.getByTestId('consultation-question').textContent(), '行道树可否修剪？');
    assert.equal(await greening.getByTestId('consultation-answer').textContent(), '不同意');
    assert.equal(await greening.getByTestId('consultation-note').textContent(), '需先报批');
    // 09:30 UTC is 17:30 in Shanghai.
    assert.match((await greening.textContent()) ?? '', /答复期限 2026-03-03 17:30/);
    const waiting = list.locator(`[data-testid=consultation][data-unit-id="${power.id}"]`);
    assert.equal(await waiting.getAttribute('data-answer'), 'waiting');
    assert.equal(await waiting.getByTestId('consultation-answer').textContent(), '待答复');

    const consulted = detail.locator('[data-testid=timeline-event][data-action=consult]');
    assert.match((await consulted.textContent()) ?? '', /征询 园林绿化所、供电所：行道树可否修剪？/);
    const reply = detail.locator('[data-testid=timeline-event][data-action=consultReply]');
    assert.match((await reply.textContent()) ?? '', /不同意/);
    assert.equal(await reply.getByTestId('event-note').textContent(), '需先报批');

    // The dispatch form opens with the answers beside it: below on the phone, to its right on a desk.
    await detail.getByTestId('action-dispatch').click();
    const form = p.locator('[data-testid=action-form][data-action=dispatch]');
    await form.waitFor();
    const aside = detail.locator('.action-with-aside');
    assert.equal(await aside.getByTestId('consultation-list').count(), 1);
    assert.equal(await aside.getByTestId('action-form').count(), 1);
    assert.deepEqual(
      describeProblems('consultations on a phone', await layoutProblems(p, { touch: true })),
      [],
    );
    await p.setViewportSize(SCREENS.desk);
    const [formBox, listBox] = [await form.boundingBox(), await list.boundingBox()];
    assert.ok(formBox && listBox);
    assert.ok(
      listBox.x >= formBox.x + formBox.width - 1,
      'on a desk the answers sit to the right of the form',
    );
    await p.setViewportSize(SCREENS.phone);
  });

  it('shows a request to park waiting for the centre, and lets the operator approve it from there', async () => {
    const operator = await login('operator');
    const department = await login('department');
    const id = await newOrder(operator, '枯枝等待停电窗口');
    await api(operator, 'POST', `/api/orders/${id}/actions/register`, {});
    await api(operator, 'POST', `/api/orders/${id}/actions/dispatch`, { unitId: department.user.unitId });
    await api(department, 'POST', `/api/orders/${id}/actions/sign`, {});
    await api(department, 'POST', `/api/orders/${id}/actions/requestPark`, {
      reason: '等待供电所停电窗口',
      until: '2026-03-05T01:00:00.000Z',
    });

    // The requester sees it waiting, without the centre's buttons.
    const d = await openOrder('department', id);
    const asked = d.getByTestId('park-request');
    await asked.waitFor();
    assert.equal(await asked.getByTestId('park-approve').count(), 0);

    const p = await openOrder('operator', id);
    const request = p.getByTestId('park-request');
    await request.waitFor();
    assert.equal(await request.getByTestId('park-request-reason').textContent(), '等待供电所停电窗口');
    assert.equal(
      await request.getByTestId('park-request-until').textContent(),
      '预计等待至 2026-03-05 09:00:00',
    );
    assert.equal(await request.getByTestId('park-deny').isVisible(), true);
    assert.deepEqual(
      describeProblems('park request on a phone', await layoutProblems(p, { touch: true })),
      [],
    );
    await request.getByTestId('park-approve').click();
    const form = p.locator('[data-testid=action-form][data-action=approvePark]');
    await form.waitFor();
    await form.getByTestId('action-submit').click();
    await form.waitFor({ state: 'detached' });
    await request.waitFor({ state: 'detached' });
    const order = await api(operator, 'GET', `/api/orders/${id}`);
    assert.equal(order.parkRequest, null);
    assert.equal(order.parked?.until, '2026-03-05T01:00:00.000Z');
  });
});
