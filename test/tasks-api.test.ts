import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { sendPushDayReminders } from '../src/services/tasks/index.ts';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { bj, sessions } from './helpers/orders.ts';

const iso = (local: string) => new Date(bj(local)).toISOString();

forEachDialect('key tasks (重点工作清单)', (kind) => {
  const t = useTestApp(kind, { rateLimitPerMinute: 1_000_000 });
  const as = sessions(t);
  const ids = {} as Record<'a1' | 'b1', string>;

  const call = async (user: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: await as(user), ...(payload && { payload }) });
  const inbox = async (user: string) =>
    (await call(user, 'GET', '/api/notifications')).json().items as {
      kind: string;
      message: string;
      data: { taskId?: string; week?: string };
    }[];

  before(async () => {
    t.clock.t = bj('2026-03-02 09:00'); // Monday of 2026-W10; Saturday is 7 March.
    const a1 = await call('operator', 'POST', '/api/tasks', {
      title: '老旧小区加装电梯',
      ownerUnitId: t.org.a1.id,
      ownerUserId: t.org.users.commA1?.id,
      deadline: iso('2026-03-20 17:30'),
      milestones: [{ title: '完成意见征询', dueAt: iso('2026-03-04 17:30') }],
    });
    assert.equal(a1.statusCode, 201, a1.body);
    ids.a1 = a1.json().id;
    const b1 = await call('leader', 'POST', '/api/tasks', {
      title: '河道整治',
      ownerUnitId: t.org.b1.id,
      ownerUserId: t.org.users.commB1?.id,
      deadline: iso('2026-06-30 17:30'),
    });
    assert.equal(b1.statusCode, 201, b1.body);
    ids.b1 = b1.json().id;
  });

  it('lets managers set tasks and refuses others and owners outside the unit', async () => {
    const body = {
      title: 'x',
      ownerUnitId: t.org.a1.id,
      ownerUserId: t.org.users.commA1?.id,
      deadline: iso('2026-04-01 17:30'),
    };
    assert.equal((await call('commA1', 'POST', '/api/tasks', body)).statusCode, 403);
    const wrong = await call('operator', 'POST', '/api/tasks', {
      ...body,
      ownerUserId: t.org.users.commB1?.id,
    });
    assert.equal(wrong.statusCode, 400, wrong.body);
    assert.equal(wrong.json().error.code, 'VALIDATION_FAILED');
    const created = (await call('operator', 'GET', `/api/tasks/${ids.a1}`)).json();
    assert.equal(created.state, 'open');
    assert.equal(created.red, false);
    assert.deepEqual(created.milestones, [
      { title: '完成意见征询', dueAt: iso('2026-03-04 17:30'), doneAt: null },
    ]);
  });

  it('scopes tasks by owner unit: out of scope answers as unknown', async () => {
    const list = (await call('commA1', 'GET', '/api/tasks')).json();
    assert.deepEqual(
      list.items.map((i: { id: string }) => i.id),
      [ids.a1],
    );
    assert.equal((await call('leader', 'GET', '/api/tasks')).json().total, 2);
    assert.equal((await call('wsA', 'GET', '/api/tasks')).json().total, 1);
    const hidden = await call('commA1', 'GET', `/api/tasks/${ids.b1}`);
    assert.equal(hidden.statusCode, 404);
    assert.equal(hidden.json().error.code, 'TASK_NOT_FOUND');
    assert.equal((await call('gridA1', 'GET', '/api/tasks')).statusCode, 403);
  });

  it('takes progress notes from the owner unit and shows them with the task', async () => {
    t.clock.t = bj('2026-03-07 09:00'); // the push day
    const note = await call('commA1', 'POST', `/api/tasks/${ids.a1}/notes`, {
      text: '已完成80户征询',
      percent: 40,
    });
    assert.equal(note.statusCode, 201, note.body);
    assert.equal(note.json().percent, 40);
    const stranger = await call('commB1', 'POST', `/api/tasks/${ids.a1}/notes`, { text: '越权' });
    assert.equal(stranger.statusCode, 404);
    const detail = (await call('commA1', 'GET', `/api/tasks/${ids.a1}`)).json();
    assert.equal(detail.percent, 40);
    assert.deepEqual(
      detail.notes.map((n: { text: string; createdAt: string }) => [n.text, n.createdAt]),
      [['已完成80户征询', iso('2026-03-07 09:00')]],
    );
  });

  it('reminds the owners without a note on the push day evening, once', async () => {
    const ctx = t.app.platform.ctx;
    t.clock.t = bj('2026-03-07 17:59');
    assert.equal(await sendPushDayReminders(ctx), 0);
    t.clock.t = bj('2026-03-07 18:00');
    assert.equal(await sendPushDayReminders(ctx), 1);
    t.clock.t = bj('2026-03-07 21:00');
    assert.equal(await sendPushDayReminders(ctx), 0);
    const told = (await inbox('commB1')).filter((n) => n.kind === 'taskNoteDue');
    assert.equal(told.length, 1);
    assert.equal(told[0]?.data.taskId, ids.b1);
    assert.equal(told[0]?.data.week, '2026-W10');
    assert.equal((await inbox('commA1')).filter((n) => n.kind === 'taskNoteDue').length, 0);
  });

  it('follows the push day setting', async () => {
    assert.equal((await call('leader', 'GET', '/api/settings/tasks')).json().pushWeekday, 6);
    assert.equal(
      (await call('operator', 'PATCH', '/api/settings/tasks', { pushWeekday: 1 })).statusCode,
      403,
    );
    const set = await call('admin', 'PATCH', '/api/settings/tasks', { pushWeekday: 1 });
    assert.deepEqual(set.json(), { pushWeekday: 1 });
    t.clock.t = bj('2026-03-09 18:30'); // Monday of the next week: both lack a note today
    assert.equal(await sendPushDayReminders(t.app.platform.ctx), 2);
    await call('admin', 'PATCH', '/api/settings/tasks', { pushWeekday: 6 });
  });

  it('turns a task with a milestone overdue red, supervises it with a record and a notification', async () => {
    const a1 = (await call('leader', 'GET', `/api/tasks/${ids.a1}`)).json();
    assert.equal(a1.state, 'open');
    assert.equal(a1.red, true);
    assert.deepEqual(
      (await call('leader', 'GET', '/api/tasks?red=true')).json().items.map((i: { id: string }) => i.id),
      [ids.a1],
    );
    const refused = await call('leader', 'POST', `/api/tasks/${ids.b1}/supervise`, { text: '请加快' });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().error.code, 'TASK_NOT_RED');
    assert.equal(
      (await call('commA1', 'POST', `/api/tasks/${ids.a1}/supervise`, { text: 'x' })).statusCode,
      403,
    );
    const letter = await call('leader', 'POST', `/api/tasks/${ids.a1}/supervise`, {
      text: '请于本周内完成征询',
    });
    assert.equal(letter.statusCode, 201, letter.body);
    const detail = (await call('commA1', 'GET', `/api/tasks/${ids.a1}`)).json();
    assert.deepEqual(
      detail.supervisions.map((s: { text: string; byUserId: string }) => [s.text, s.byUserId]),
      [['请于本周内完成征询', t.org.users.leader?.id]],
    );
    const told = (await inbox('commA1')).filter((n) => n.kind === 'taskSupervised');
    assert.equal(told.length, 1);
    assert.match(told[0]?.message ?? '', /请于本周内完成征询/);
  });

  it('is overdue past its deadline and done once marked done', async () => {
    t.clock.t = bj('2026-03-21 09:00');
    assert.deepEqual(
      (await call('leader', 'GET', '/api/tasks?state=overdue')).json().items.map((i: { id: string }) => i.id),
      [ids.a1],
    );
    const done = await call('operator', 'PATCH', `/api/tasks/${ids.a1}`, { done: true });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().state, 'done');
    assert.equal(done.json().red, false);
    assert.equal(done.json().doneAt, iso('2026-03-21 09:00'));
    const renamed = await call('operator', 'PATCH', `/api/tasks/${ids.b1}`, { title: '河道整治提升' });
    assert.equal(renamed.json().title, '河道整治提升');
    assert.equal((await call('commB1', 'PATCH', `/api/tasks/${ids.b1}`, { title: 'x' })).statusCode, 403);
  });
});
