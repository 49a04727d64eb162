import assert from 'node:assert/strict';
import { it } from 'node:test';
import { useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { IN_A1_GRID1, sessions, useOrderWorld } from './helpers/orders.ts';

const NEW_CATEGORY = {
  type: 'event',
  majorCode: '06',
  majorName: '社区治理',
  minorCode: '90',
  minorName: '共享单车堆积',
  timeLimit: { amount: 8, unit: 'hours' },
  defaultUnitKind: 'community',
  duplicateRadiusM: 40,
};

forEachDialect('work-order dictionary and calendar', (kind) => {
  const t = useTestApp(kind);
  const world = useOrderWorld(t);
  const as = sessions(t);

  it('seeds 30+ categories routed to the fixture’s departments by name, as a tree for anyone signed in', async () => {
    const res = await t.app.inject({ url: '/api/categories?view=tree', headers: await as('resident') });
    assert.equal(res.statusCode, 200);
    const { items, total } = res.json();
    assert.ok(total >= 30, `${total} categories`);
    assert.deepEqual(
      items.map((i: { type: string; label: string }) => [i.type, i.label]),
      [
        ['component', '部件'],
        ['event', '事件'],
      ],
    );
    const flat = (await t.app.inject({ url: '/api/categories', headers: await as('resident') })).json().items;
    const byName = new Map(flat.map((c: { minorName: string }) => [c.minorName, c]));
    assert.deepEqual(byName.get('树木倒伏/树枝搭线'), {
      ...(byName.get('树木倒伏/树枝搭线') as object),
      code: 'C0401',
      timeLimit: { amount: 3, unit: 'days' },
      defaultUnitKind: 'department',
      defaultUnitId: t.org.dept.id,
      defaultStage: 'before',
    });
    assert.equal((byName.get('电力设施损坏') as { defaultUnitId: string }).defaultUnitId, world.power.id);
    assert.equal((byName.get('楼道堆物') as { defaultUnitKind: string }).defaultUnitKind, 'community');
    // No water department in the fixture: the category waits for an admin to name one.
    assert.equal((byName.get('河道漂浮垃圾') as { defaultUnitId: string | null }).defaultUnitId, null);
  });

  it('lets an admin add, edit and delete categories, with codes unique and majors named once', async () => {
    const admin = await as('admin');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/categories',
      headers: admin,
      payload: NEW_CATEGORY,
    });
    assert.equal(created.statusCode, 201, created.body);
    const category = created.json();
    assert.equal(category.code, 'E0690');
    assert.equal(category.defaultStage, 'during');

    const again = await t.app.inject({
      method: 'POST',
      url: '/api/categories',
      headers: admin,
      payload: NEW_CATEGORY,
    });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().error.code, 'CATEGORY_CODE_TAKEN');
    const misnamed = await t.app.inject({
      method: 'POST',
      url: '/api/categories',
      headers: admin,
      payload: { ...NEW_CATEGORY, minorCode: '91', majorName: '别的名字' },
    });
    assert.equal(misnamed.statusCode, 400);
    assert.match(misnamed.json().error.message, /major class 06 is named "社区治理"/);
    const badCode = await t.app.inject({
      method: 'POST',
      url: '/api/categories',
      headers: admin,
      payload: { ...NEW_CATEGORY, minorCode: '9' },
    });
    assert.equal(badCode.statusCode, 400);
    assert.match(badCode.json().error.message, /body\.minorCode/);

    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/categories/${category.id}`,
      headers: admin,
      payload: { timeLimit: { amount: 1, unit: 'days' }, defaultUnitId: t.org.dept.id },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.deepEqual(patched.json().timeLimit, { amount: 1, unit: 'days' });
    assert.equal(patched.json().defaultUnitKind, 'department');

    const order = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as('operator'),
      payload: { categoryId: category.id, description: '单车堆积', ...IN_A1_GRID1 },
    });
    assert.equal(order.statusCode, 201);
    const inUse = await t.app.inject({
      method: 'DELETE',
      url: `/api/categories/${category.id}`,
      headers: admin,
    });
    assert.equal(inUse.statusCode, 409);
    assert.equal(inUse.json().error.code, 'CATEGORY_IN_USE');
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/categories/${category.id}`,
      headers: admin,
      payload: { active: false },
    });
    assert.equal(off.json().active, false);
    const unused = await t.app.inject({
      method: 'POST',
      url: '/api/categories',
      headers: admin,
      payload: { ...NEW_CATEGORY, minorCode: '92', minorName: '临时类别' },
    });
    const gone = await t.app.inject({
      method: 'DELETE',
      url: `/api/categories/${unused.json().id}`,
      headers: admin,
    });
    assert.equal(gone.statusCode, 204);
    const missing = await t.app.inject({ url: `/api/categories/${unused.json().id}`, headers: admin });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().error.code, 'CATEGORY_NOT_FOUND');
  });

  it('refuses category changes to everyone but admins', async () => {
    for (const user of ['operator', 'commA1', 'resident']) {
      const headers = await as(user);
      const post = await t.app.inject({
        method: 'POST',
        url: '/api/categories',
        headers,
        payload: NEW_CATEGORY,
      });
      assert.equal(post.statusCode, 403, user);
      const del = await t.app.inject({ method: 'DELETE', url: '/api/categories/x', headers });
      assert.equal(del.statusCode, 403, user);
    }
  });

  it('serves the seeded 2026 calendar and a weekends-only year with a warning', async () => {
    const headers = await as('gridA1');
    const y2026 = (await t.app.inject({ url: '/api/calendar/2026', headers })).json();
    assert.equal(y2026.loaded, true);
    assert.deepEqual(y2026.makeUpWorkdays, [
      '2026-01-04',
      '2026-02-14',
      '2026-02-28',
      '2026-05-09',
      '2026-09-20',
      '2026-10-10',
    ]);
    assert.deepEqual(y2026.workingPeriods, [
      { from: '08:30', to: '12:00' },
      { from: '13:30', to: '17:30' },
    ]);
    const y2030 = (await t.app.inject({ url: '/api/calendar/2030', headers })).json();
    assert.equal(y2030.loaded, false);
    assert.equal(y2030.warning, 'no holiday calendar for 2030: counting weekends only');
    // Wednesday 30 September + 1 working day skips the National Day week: Thursday 8 October.
    const deadline = await t.app.inject({
      url: '/api/calendar/deadline?start=2026-09-30T01:00:00Z&amount=1&unit=days',
      headers,
    });
    assert.equal(deadline.json().deadline, '2026-10-08T09:30:00.000Z');
  });

  it('loads a year through PUT, and answers a bad file with 400 naming the problem', async () => {
    const admin = await as('admin');
    const year = {
      year: 2027,
      source: 'test',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
      makeUpWorkdays: ['2027-01-09'],
    };
    const bad: [object, RegExp][] = [
      [{ ...year, makeUpWorkdays: ['2027-02-30'] }, /"2027-02-30" is not a date/],
      [{ ...year, makeUpWorkdays: ['2027-01-02'] }, /both a holiday and a make-up working day/],
      [{ ...year, holidays: [{ from: '2027-01-05', to: '2027-01-01' }] }, /must run forwards/],
      [{ ...year, year: 2028 }, /body\.year 2028 differs/],
      [{ ...year, holidays: 'none' }, /body\.holidays/],
    ];
    for (const [body, message] of bad) {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/calendar/2027',
        headers: admin,
        payload: body,
      });
      assert.equal(res.statusCode, 400, JSON.stringify(body));
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      assert.match(res.json().error.message, message);
    }
    const asOperator = await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/2027',
      headers: await as('operator'),
      payload: year,
    });
    assert.equal(asOperator.statusCode, 403);
    const ok = await t.app.inject({
      method: 'PUT',
      url: '/api/calendar/2027',
      headers: admin,
      payload: year,
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().loaded, true);
    // Friday 8 January 2027 + 1 working day: Saturday 9 is a make-up working day now.
    const deadline = await t.app.inject({
      url: '/api/calendar/deadline?start=2027-01-08T01:00:00Z&amount=1&unit=days',
      headers: admin,
    });
    assert.equal(deadline.json().deadline, '2027-01-09T09:30:00.000Z');
    assert.deepEqual(deadline.json().warnings, []);
  });
});
