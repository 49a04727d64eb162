// Names in the order views: the order names its units and responsible person, the timeline its
// actors and where each event sent the order, so that a department reads who the command centre
// and its sub-task partners are without any directory it may not read. On both databases.
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { updateUser } from '../src/store/users.repository.ts';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { actAs, bj, IN_A1_GRID1, sessions, useOrderWorld } from './helpers/orders.ts';

interface Named {
  gridName: string | null;
  communityName: string | null;
  responsibleUnitName: string | null;
  responsibleUserName: string | null;
  subTasks: { unitId: string; unitName: string | null }[];
}
interface Event {
  action: string;
  actor: {
    userId: string;
    role: string;
    unitId: string | null;
    displayName: string | null;
    unitName: string | null;
  };
  targetUnit: { id: string; name: string | null } | null;
}

/** Who acted, as the timeline names them, and where the event sent the order. */
const line = (e: Event) => [e.action, e.actor.displayName, e.actor.unitName, e.targetUnit?.name ?? null];

forEachDialect('order names', (kind) => {
  const t = useTestApp(kind);
  const world = useOrderWorld(t);
  const as = sessions(t);
  const DISPLAY: Record<string, string> = {
    operator: '值班员王芳',
    green: '绿化所李明',
    power: '供电所张强',
    resident: '居民赵敏',
    commA1: 'A1社区陈静',
  };
  /** The resident's report: dispatched to the greening department with a sub-task for the power company. */
  let shared = '';
  /** A grid worker's report that A1 escalated to its workstation; no department ever held it. */
  let escalated = '';

  before(async () => {
    for (const [username, displayName] of Object.entries(DISPLAY)) {
      const user = t.org.users[username] ?? assert.fail(`no user ${username}`);
      await updateUser(t.store.db, user.id, { displayName, updatedAt: t.clock.now() });
    }
    t.clock.t = bj('2026-03-09 09:00');
    const category = world.categories.get('树木倒伏/树枝搭线');
    const report = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as('resident'),
      payload: { categoryId: category, description: '树枝搭在电线上', ...IN_A1_GRID1 },
    });
    assert.equal(report.statusCode, 201, report.body);
    shared = report.json().order.id;
    const op = await as('operator');
    t.clock.t = bj('2026-03-09 09:10');
    assert.equal((await actAs(t, op, shared, 'register')).statusCode, 200);
    t.clock.t = bj('2026-03-09 09:20');
    const dispatched = await actAs(t, op, shared, 'dispatch', {
      unitId: t.org.dept.id,
      subTasks: [{ unitId: world.power.id, task: '安排停电' }],
    });
    assert.equal(dispatched.statusCode, 200, dispatched.body);
    t.clock.t = bj('2026-03-09 10:00');
    assert.equal((await actAs(t, await as('green'), shared, 'sign')).statusCode, 200);

    const found = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as('gridA1'),
      payload: { categoryId: world.categories.get('暴露垃圾'), description: '垃圾堆积', ...IN_A1_GRID1 },
    });
    assert.equal(found.statusCode, 201, found.body);
    escalated = found.json().order.id;
    const up = await actAs(t, await as('commA1'), escalated, 'escalate', { toUnitId: t.org.wsA.id });
    assert.equal(up.statusCode, 200, up.body);
  });

  async function get<T>(user: string, url: string): Promise<T> {
    const res = await t.app.inject({ url, headers: await as(user) });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as T;
  }

  it('names the lead unit, its signer, the place and the other department’s sub-task for the lead department', async () => {
    const order = await get<Named>('green', `/api/orders/${shared}`);
    assert.equal(order.responsibleUnitName, '绿化所');
    assert.equal(order.responsibleUserName, '绿化所李明');
    assert.equal(order.communityName, 'A1社区');
    assert.equal(order.gridName, 'A1社区第1网格');
    assert.deepEqual(order.subTasks, [{ ...order.subTasks[0], unitId: world.power.id, unitName: '供电所' }]);
    const list = await get<{ items: (Named & { id: string })[] }>('green', '/api/orders');
    const item = list.items.find((o) => o.id === shared) ?? assert.fail('the order is in the list');
    assert.equal(item.responsibleUnitName, '绿化所');
    assert.equal(item.responsibleUserName, '绿化所李明');
    assert.equal(item.gridName, 'A1社区第1网格');
    assert.equal(item.subTasks[0]?.unitName, '供电所');
  });

  it('names the command centre, its operator and the units dispatched to in the department’s timeline', async () => {
    for (const department of ['green', 'power']) {
      const { items } = await get<{ items: Event[] }>(department, `/api/orders/${shared}/events`);
      assert.deepEqual(items.map(line), [
        // A resident's name is theirs: a department does not read residents.
        ['report', null, 'A1社区', '测试街道'],
        ['register', '值班员王芳', '测试街道', null],
        ['dispatch', '值班员王芳', '测试街道', '绿化所'],
        ['sign', '绿化所李明', '绿化所', null],
      ]);
      assert.deepEqual(items[2]?.targetUnit, { id: t.org.dept.id, name: '绿化所' });
      assert.equal(items[1]?.actor.userId, t.org.users.operator?.id);
    }
    // The sub-task's department is named on the order it sees, too.
    const order = await get<Named>('power', `/api/orders/${shared}`);
    assert.equal(order.responsibleUnitName, '绿化所');
    assert.equal(order.subTasks[0]?.unitName, '供电所');
  });

  it('names the actor and the order in an action’s answer', async () => {
    t.clock.t = bj('2026-03-09 10:10');
    const res = await actAs(t, await as('power'), shared, 'signSubTask');
    assert.equal(res.statusCode, 200, res.body);
    const { order, event } = res.json() as { order: Named; event: Event };
    assert.deepEqual(line(event), ['signSubTask', '供电所张强', '供电所', null]);
    assert.equal(order.subTasks[0]?.unitName, '供电所');
    assert.equal(order.responsibleUserName, '绿化所李明');
  });

  it('names where an escalation went', async () => {
    const { items } = await get<{ items: Event[] }>('commA1', `/api/orders/${escalated}/events`);
    assert.deepEqual(items.map(line), [
      ['report', 'gridA1', 'A1社区第1网格', 'A1社区'],
      ['escalate', 'A1社区陈静', 'A1社区', '第一联动工作站'],
    ]);
    const order = await get<Named>('wsA', `/api/orders/${escalated}`);
    assert.equal(order.responsibleUnitName, '第一联动工作站');
    assert.equal(order.responsibleUserName, null);
  });

  it('gives a resident’s name to the resident and to staff who may read them, and widens nothing', async () => {
    const report = async (user: string) =>
      (await get<{ items: Event[] }>(user, `/api/orders/${shared}/events`)).items[0]?.actor.displayName;
    assert.equal(await report('resident'), '居民赵敏');
    assert.equal(await report('operator'), '居民赵敏');
    assert.equal(await report('commA1'), '居民赵敏');
    // The resident reads who handled their report.
    const { items } = await get<{ items: Event[] }>('resident', `/api/orders/${shared}/events`);
    assert.equal(items[3]?.actor.displayName, '绿化所李明');
    // An order a unit does not see stays hidden, names and all.
    for (const [user, id] of [
      ['power', escalated],
      ['commB1', shared],
    ] as const) {
      for (const url of [`/api/orders/${id}`, `/api/orders/${id}/events`]) {
        const res = await t.app.inject({ url, headers: await as(user) });
        assert.equal(res.statusCode, 404, `${user} ${url}`);
        assert.equal(res.json().error.code, 'ORDER_NOT_FOUND');
      }
    }
    const list = await get<{ items: { id: string }[] }>('power', '/api/orders');
    assert.deepEqual(
      list.items.map((o) => o.id),
      [shared],
    );
  });
});
