// What a leader finds on a first demo start: the key-task list (重点工作清单) open, done and
// overdue with two red tasks, one supervised (督办), an owner the push day will remind, and last
// week's report issued in the archive. Seeded by bootstrap as `npm start` does, on both databases.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, it } from 'node:test';
import type { FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { buildApp } from '../src/app.ts';
import { bootstrap } from '../src/bootstrap.ts';
import { seedDemoReports } from '../src/demo/reports.ts';
import { seedDemoTasks } from '../src/demo/tasks.ts';
import { DEMO_PASSWORD } from '../src/demo/users.ts';
import type { App } from '../src/http/app-types.ts';
import { sendPushDayReminders } from '../src/services/tasks/index.ts';
import { loginAs, TestClock, testConfig } from './helpers/app.ts';
import { forEachDialect, openTestStore } from './helpers/dialects.ts';

const bj = (local: string) => Date.parse(`${local}+08:00`);

interface TaskItem {
  id: string;
  title: string;
  ownerUserId: string;
  state: string;
  red: boolean;
  percent: number | null;
}

forEachDialect('demo key tasks and reports', (kind) => {
  // Sunday 14 June 2026, 10:00 in Beijing: the push day was yesterday, in this week (2026-W24);
  // the last complete week is 2026-W23.
  const clock = new TestClock(bj('2026-06-14T10:00:00'));
  const t = {} as { app: App; logged: string[] };
  let dispose: (() => Promise<void>) | undefined;
  let dataDir = '';
  before(async () => {
    const opened = await openTestStore(kind);
    dispose = opened.dispose;
    dataDir = mkdtempSync(path.join(tmpdir(), 'zs-demo-tasks-'));
    const config = testConfig({ demo: true, dataDir });
    t.app = await buildApp(config, { store: opened.store, now: clock.now, logger: false });
    t.logged = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        t.logged.push(JSON.parse(String(chunk)).msg);
        done();
      },
    });
    await bootstrap(t.app.platform.ctx, config, pino(sink) as unknown as FastifyBaseLogger);
  });
  after(async () => {
    await t.app?.close();
    await dispose?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = async (user: string, url: string) => {
    const res = await t.app.inject({ url, headers: await loginAs(t.app, user, DEMO_PASSWORD) });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };
  const tasks = async (user = 'leader'): Promise<TaskItem[]> => (await get(user, '/api/tasks')).items;
  const userId = async (username: string): Promise<string> => (await get(username, '/api/me')).user.id;

  it('logs the key tasks and the reports it seeded on a first demo start', () => {
    assert.ok(
      t.logged.includes('demo key tasks seeded: 8 tasks with 25 progress notes and 1 supervision letter(s)'),
      t.logged.join('\n'),
    );
    assert.ok(t.logged.includes('demo weekly reports issued: 8 reports of 2026-W23'), t.logged.join('\n'));
  });

  it('shows the leader eight tasks: open, done and overdue, two of them red', async () => {
    const items = await tasks();
    const count = (state: string) => items.filter((i) => i.state === state).length;
    assert.deepEqual([items.length, count('open'), count('done'), count('overdue')], [8, 5, 2, 1]);
    assert.deepEqual(
      items.filter((i) => i.red).map((i) => [i.title, i.state]),
      [
        ['垃圾分类示范小区创建', 'overdue'],
        ['河道综合整治', 'open'],
      ],
    );
    // The share done is the latest note's.
    const percent = (title: string) => items.find((i) => i.title === title)?.percent;
    assert.deepEqual([percent('河道综合整治'), percent('背街小巷环境提升')], [45, 100]);
  });

  it('keeps the leader’s supervision letter on the red river task and tells its owner', async () => {
    const river = (await tasks()).find((i) => i.title === '河道综合整治');
    assert.ok(river);
    const detail = await get('leader', `/api/tasks/${river.id}`);
    assert.deepEqual(
      detail.supervisions.map((s: { byUserId: string; text: string }) => [s.byUserId, s.text]),
      [[await userId('leader'), '驳岸修复节点已逾期，请于本周内报送整改计划并加派力量']],
    );
    assert.equal(river.ownerUserId, await userId('contractor'));
    const inbox = (await get('contractor', '/api/notifications')).items as {
      kind: string;
      message: string;
    }[];
    assert.ok(inbox.some((n) => n.kind === 'taskSupervised' && n.message.includes('河道综合整治')));
  });

  it('has notes on past Saturdays, and one open task with none this week that Saturday’s reminder reaches', async () => {
    const monday = bj('2026-06-08T00:00:00');
    const noNoteThisWeek: string[] = [];
    for (const task of (await tasks()).filter((i) => i.state !== 'done')) {
      const notes = (await get('leader', `/api/tasks/${task.id}`)).notes as { createdAt: string }[];
      for (const n of notes) assert.equal(new Date(Date.parse(n.createdAt) + 8 * 3_600_000).getUTCDay(), 6);
      if (!notes.some((n) => Date.parse(n.createdAt) >= monday)) noNoteThisWeek.push(task.title);
    }
    assert.deepEqual(noNoteThisWeek, ['老旧小区改造']);
    // Next Saturday evening every task not done is reminded, 刘书记 of the community's among them.
    clock.t = bj('2026-06-20T18:30:00');
    try {
      assert.equal(await sendPushDayReminders(t.app.platform.ctx), 6);
    } finally {
      clock.t = bj('2026-06-14T10:00:00');
    }
    const inbox = (await get('community', '/api/notifications')).items as { kind: string; message: string }[];
    assert.ok(inbox.some((n) => n.kind === 'taskNoteDue' && n.message.includes('老旧小区改造')));
  });

  it('holds last week’s report in the archive, issued by the leader, the subdistrict’s first', async () => {
    const archive = (await get('leader', '/api/reports?kind=weekly')).items as {
      id: string;
      week: string;
      unitId: string;
      issuedBy: string;
    }[];
    const leader = await userId('leader');
    const session = await get('leader', '/api/me');
    assert.equal(archive.length, 8);
    assert.ok(archive.every((r) => r.week === '2026-W23' && r.issuedBy === leader));
    assert.equal(archive[0]?.unitId, session.user.unitId);
    const report = await get('leader', `/api/reports/${archive[0]?.id}`);
    assert.equal(report.tasks.length, 8);
    const sorting = report.tasks.find((x: { title: string }) => x.title === '垃圾分类示范小区创建');
    assert.deepEqual([sorting.state, sorting.red, sorting.percent], ['overdue', true, 78]);
    // A workstation's head sees its own workstation's copy only.
    const own = (await get('workstation', '/api/reports?kind=weekly')).items as { unitId: string }[];
    assert.deepEqual(
      own.map((r) => r.unitId),
      [(await get('workstation', '/api/me')).user.unitId],
    );
  });

  it('seeds neither again into a world that has them', async () => {
    assert.equal(await seedDemoTasks(t.app.platform.ctx), undefined);
    assert.equal(await seedDemoReports(t.app.platform.ctx), undefined);
    assert.equal((await tasks()).length, 8);
  });
});
