import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import ExcelJS from 'exceljs';
import { issueDueWeeklyReports } from '../src/services/reports/index.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { handleAndCloseInA1, reportAndDispatch } from './helpers/order-flow.ts';
import { bj, IN_A1_GRID1, useOrderApp } from './helpers/orders.ts';

const iso = (local: string) => new Date(bj(local)).toISOString();

interface Figure {
  key: string;
  value: number | null;
  previous: number | null;
  change: number | null;
}

forEachDialect('the weekly quantified report (量化式报告)', (kind) => {
  const { t, world, as } = useOrderApp(kind, { rateLimitPerMinute: 1_000_000 });
  let taskId = '';

  const get = async (user: string, url: string) => t.app.inject({ url, headers: await as(user) });
  const json = async (user: string, url: string) => {
    const res = await get(user, url);
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json();
  };
  const figure = (figures: Figure[], key: string) => figures.find((f) => f.key === key);

  before(async () => {
    // 2026-W10 (2–8 March): two orders in community A1, one closed within its limit; W09 had one, not closed.
    const categoryId = world.categories.get('楼道堆物') ?? '';
    const dispatch = (deadline: string) => ({ unitId: t.org.a1.id, deadline: iso(deadline) });
    await reportAndDispatch(t, as, {
      at: bj('2026-02-24 09:30'),
      categoryId,
      ...IN_A1_GRID1,
      dispatch: dispatch('2026-03-31 17:30'),
    });
    const closed = await reportAndDispatch(t, as, {
      at: bj('2026-03-02 09:30'),
      categoryId,
      ...IN_A1_GRID1,
      dispatch: dispatch('2026-03-10 17:30'),
    });
    await handleAndCloseInA1(t, as, closed.id);
    await reportAndDispatch(t, as, {
      at: bj('2026-03-03 09:30'),
      categoryId,
      ...IN_A1_GRID1,
      dispatch: dispatch('2026-03-31 17:30'),
    });
    const task = await t.app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: await as('operator'),
      payload: {
        title: '背街小巷整治',
        ownerUnitId: t.org.a1.id,
        ownerUserId: t.org.users.commA1?.id,
        deadline: iso('2026-03-06 17:30'),
      },
    });
    assert.equal(task.statusCode, 201, task.body);
    taskId = task.json().id;
    t.clock.t = bj('2026-03-04 10:00');
    const note = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/notes`,
      headers: await as('commA1'),
      payload: { text: '完成三条巷道', percent: 60 },
    });
    assert.equal(note.statusCode, 201, note.body);
    t.clock.t = bj('2026-03-09 09:00');
  });

  it('counts the week’s work orders against the week before', async () => {
    const report = await json('leader', `/api/reports/weekly?week=2026-W10&unitId=${t.org.sub.id}`);
    assert.equal(report.from, iso('2026-03-02 00:00'));
    assert.equal(report.to, iso('2026-03-09 00:00'));
    assert.deepEqual(figure(report.orders, 'registered'), {
      key: 'registered',
      label: '立案数',
      value: 2,
      previous: 1,
      change: 1,
    });
    assert.equal(figure(report.orders, 'closed')?.value, 1);
    assert.equal(figure(report.orders, 'closureRate')?.value, 0.5);
    assert.equal(figure(report.orders, 'closureRate')?.previous, 0);
    assert.equal(figure(report.orders, 'closureRate')?.change, 50);
    const communities = report.rankings.find((r: { kind: string }) => r.kind === 'community');
    assert.equal(communities.items[0].unit.id, t.org.a1.id);
    assert.equal(communities.items[0].registered, 2);
    assert.deepEqual(report.tasks, [
      {
        id: taskId,
        title: '背街小巷整治',
        ownerUnitId: t.org.a1.id,
        deadline: iso('2026-03-06 17:30'),
        state: 'overdue',
        red: true,
        percent: 60,
        notes: [{ text: '完成三条巷道', percent: 60, createdAt: iso('2026-03-04 10:00') }],
      },
    ]);
    assert.deepEqual(report.fleet, {
      boats: 0,
      days: 0,
      distanceKm: 0,
      workHours: 0,
      meanCoverage: null,
      tonnes: 0,
    });
    // The unit defaults to the caller's own; one outside the scope is unknown.
    assert.equal((await json('commA1', '/api/reports/weekly?week=2026-W10')).unit.id, t.org.a1.id);
    const hidden = await get('commB1', `/api/reports/weekly?week=2026-W10&unitId=${t.org.a1.id}`);
    assert.equal(hidden.statusCode, 404);
    assert.equal((await get('leader', '/api/reports/weekly?week=2026-W54')).statusCode, 400);
  });

  it('writes the figures into a workbook, cell by cell, with number formats and colours', async () => {
    const res = await get('leader', `/api/reports/weekly.xlsx?week=2026-W10&unitId=${t.org.sub.id}`);
    assert.equal(res.statusCode, 200, res.body);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(
      workbook.worksheets.map((s) => s.name),
      ['工单', '序时进度', '排名', '重点工作', '船队'],
    );
    const orders = workbook.getWorksheet('工单');
    assert.ok(orders);
    const cells = (row: number) => [1, 2, 3, 4].map((c) => orders.getRow(row).getCell(c).value);
    assert.deepEqual(cells(1), ['指标', '本周', '上周', '环比变化']);
    assert.deepEqual(cells(2), ['立案数', 2, 1, 1]);
    const closure = orders.getRow(4);
    assert.equal(closure.getCell(1).value, '办结率');
    assert.equal(closure.getCell(2).value, 0.5);
    assert.equal(closure.getCell(2).numFmt, '0.0%');
    assert.equal(closure.getCell(4).value, 50);
    assert.equal((closure.getCell(4).fill as { fgColor?: { argb?: string } }).fgColor?.argb, 'FFC6EFCE');
    const tasks = workbook.getWorksheet('重点工作');
    assert.equal(tasks?.getRow(2).getCell(1).value, '背街小巷整治');
    assert.equal(tasks?.getRow(2).getCell(3).value, '已逾期');
    assert.equal(tasks?.getRow(2).getCell(4).value, 0.6);
  });

  it('prints as an A4 page with the figures', async () => {
    const res = await get('leader', `/api/reports/weekly.html?week=2026-W10&unitId=${t.org.sub.id}`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /text\/html/);
    assert.match(res.body, /@page \{ size: A4/);
    assert.match(res.body, /测试街道工作量化式周报（2026-W10）/);
    assert.match(
      res.body,
      /<td>办结率<\/td><td class="n">50\.0%<\/td><td class="n">0\.0%<\/td><td class="n">\+50\.00 个百分点<\/td>/,
    );
    assert.match(res.body, /完成三条巷道/);
  });

  it('issues a report and keeps it unchanged when the data change', async () => {
    const url = '/api/reports/weekly/issue';
    const refused = await t.app.inject({
      method: 'POST',
      url,
      headers: await as('commA1'),
      payload: { week: '2026-W10', unitId: t.org.a1.id },
    });
    assert.equal(refused.statusCode, 403);
    const issued = await t.app.inject({
      method: 'POST',
      url,
      headers: await as('leader'),
      payload: { week: '2026-W10', unitId: t.org.a1.id },
    });
    assert.equal(issued.statusCode, 201, issued.body);
    const entry = issued.json();
    assert.deepEqual(entry, {
      id: entry.id,
      kind: 'weekly',
      week: '2026-W10',
      unitId: t.org.a1.id,
      issuedAt: iso('2026-03-09 09:00'),
      issuedBy: t.org.users.leader?.id,
    });
    const archived = await json('commA1', `/api/reports/${entry.id}`);

    // The data change: the task is renamed and another note lands in the week (back-dated clock).
    t.clock.t = bj('2026-03-08 20:00');
    await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${taskId}/notes`,
      headers: await as('commA1'),
      payload: { text: '周日补记', percent: 80 },
    });
    t.clock.t = bj('2026-03-10 09:00');
    await t.app.inject({
      method: 'PATCH',
      url: `/api/tasks/${taskId}`,
      headers: await as('operator'),
      payload: { title: '背街小巷整治（改）' },
    });
    const now = await json('commA1', '/api/reports/weekly?week=2026-W10');
    assert.equal(now.tasks[0].title, '背街小巷整治（改）');
    assert.equal(now.tasks[0].notes.length, 2);
    const again = await json('commA1', `/api/reports/${entry.id}`);
    assert.deepEqual(again, archived);
    assert.equal(again.tasks[0].title, '背街小巷整治');
    assert.equal(again.tasks[0].notes.length, 1);
    const xlsx = await get('commA1', `/api/reports/${entry.id}.xlsx`);
    assert.equal(xlsx.statusCode, 200);
    const html = await get('commA1', `/api/reports/${entry.id}.html`);
    assert.match(html.body, /背街小巷整治</);

    const list = await json('leader', `/api/reports?kind=weekly&unitId=${t.org.a1.id}`);
    assert.deepEqual(list.items, [entry]);
    assert.deepEqual((await json('commB1', '/api/reports?kind=weekly')).items, []);
    const hidden = await get('commB1', `/api/reports/${entry.id}`);
    assert.equal(hidden.statusCode, 404);
    assert.equal(hidden.json().error.code, 'REPORT_NOT_FOUND');
  });

  it('issues the subdistrict’s and each workstation’s report on the push day evening, once', async () => {
    const ctx = t.app.platform.ctx;
    t.clock.t = bj('2026-03-14 17:00');
    assert.equal(await issueDueWeeklyReports(ctx), 0);
    t.clock.t = bj('2026-03-14 18:05');
    assert.equal(await issueDueWeeklyReports(ctx), 2);
    assert.equal(await issueDueWeeklyReports(ctx), 0);
    const items = (await json('admin', '/api/reports?kind=weekly&week=2026-W11')).items;
    assert.deepEqual(
      items.map((i: { unitId: string; issuedBy: string | null }) => [i.unitId, i.issuedBy]).sort(),
      [
        [t.org.sub.id, null],
        [t.org.wsA.id, null],
      ].sort(),
    );
  });
});
