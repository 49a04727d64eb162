// The audit record of a change is written in the transaction of the change: when the 2xx is
// being sent (onSend), the record is already stored. A probe counts the records of the route's
// action before the request and again at onSend; a walk makes one successful call to every
// mutating /api route, so a route whose change bypasses writeTransaction is noticed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { FastifyRequest } from 'fastify';
import { newId } from '../src/ids.ts';
import { insertAlert } from '../src/store/alerts.repository.ts';
import type { AuditEntry } from './helpers/app.ts';
import { findAudit, loginAs, PASSWORD, useTestApp } from './helpers/app.ts';
import { RIVER, useFleetWorld } from './helpers/crews.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { postWorkbook, xlsxOf } from './helpers/metrics.ts';
import { postRequest, useOpen311 } from './helpers/open311.ts';
import { IN_A1_GRID1, sessions, useOrderWorld } from './helpers/orders.ts';
import { makePhoto, postPhoto } from './helpers/photos.ts';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** One mutating request as the probe saw it. */
interface Probe {
  route: string;
  status: number;
  /** Records of the route's action before the request, and when its answer was being sent. */
  before: number;
  atSend: number;
  /** The newest record of the action at onSend. */
  newest?: AuditEntry & { id: string };
}

forEachDialect('audit records in the transaction of the change', (kind) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-audit-'));
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const t = useTestApp(kind, { dataDir, rateLimitPerMinute: 1_000_000 });
  const world = useOrderWorld(t);
  const as = sessions(t);
  const probes: Probe[] = [];

  before(() => {
    const counts = new WeakMap<FastifyRequest, number>();
    const actionOf = (request: FastifyRequest) => `${request.method} ${request.routeOptions.url}`;
    const records = (action: string) =>
      t.store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', action)
        .orderBy('id', 'desc')
        .execute();
    const probed = (request: FastifyRequest) =>
      MUTATING.has(request.method) &&
      (request.routeOptions.url?.startsWith('/api/') === true ||
        request.routeOptions.url?.startsWith('/open311/') === true);
    t.app.addHook('onRequest', async (request) => {
      if (probed(request)) counts.set(request, (await records(actionOf(request))).length);
    });
    t.app.addHook('onSend', async (request, reply) => {
      if (!probed(request)) return;
      const rows = await records(actionOf(request));
      const [row] = rows;
      probes.push({
        route: actionOf(request),
        status: reply.statusCode,
        before: counts.get(request) ?? -1,
        atSend: rows.length,
        newest: row && {
          id: row.id,
          action: row.action,
          target: row.target,
          status: row.status,
          ip: row.ip,
          userId: row.user_id,
          details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
        },
      });
    });
  });

  // After the probe's hooks: its setup's requests make the app ready.
  const o311 = useOpen311(t);
  const fleet = useFleetWorld(t);

  it('writes the record of every change before its 2xx is sent, on every mutating route', async () => {
    const admin = await as('admin');
    const op = await as('operator');
    const call = async (
      headers: Record<string, string>,
      method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: string,
      payload?: object,
    ) => {
      const res = await t.app.inject({ method, url, headers, ...(payload && { payload }) });
      assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.statusCode === 204 ? undefined : res.json();
    };

    const unit = await call(admin, 'POST', '/api/units', {
      kind: 'department',
      parentId: t.org.sub.id,
      code: 'D-AUDIT',
      name: '审计所',
    });
    await call(admin, 'PATCH', `/api/units/${unit.id}`, { name: '审计科' });
    const user = await call(admin, 'POST', '/api/users', {
      username: 'auditee',
      password: PASSWORD,
      displayName: '审计对象',
      role: 'department',
      unitId: unit.id,
    });
    await call(admin, 'PATCH', `/api/users/${user.id}`, { displayName: '审计对象2' });
    await call(admin, 'DELETE', `/api/users/${user.id}`);
    await call(admin, 'DELETE', `/api/units/${unit.id}`);

    const asset = await call(op, 'POST', '/api/assets', {
      kind: 'boat',
      code: 'AUDIT-01',
      name: '审计船',
      unitId: t.org.dept.id,
    });
    await call(op, 'PATCH', `/api/assets/${asset.id}`, { name: '审计船2' });
    const device = await call(op, 'POST', '/api/devices', {
      name: '审计终端',
      protocol: 'jt808',
      identifier: '013900007777',
      unitId: t.org.dept.id,
    });
    await call(op, 'PATCH', `/api/devices/${device.id}`, { name: '审计终端2' });
    await call(op, 'DELETE', `/api/devices/${device.id}`);
    const dock = await call(op, 'POST', '/api/docks', {
      name: '审计码头',
      lat: 31.3,
      lon: 120.8,
      unitId: t.org.sub.id,
    });
    await call(op, 'PATCH', `/api/docks/${dock.id}`, { radiusM: 80 });
    await call(op, 'DELETE', `/api/docks/${dock.id}`);
    // The fleet's records (the fixture made segments, boats and crews through the API).
    const segment = await call(admin, 'POST', '/api/segments', {
      code: 'R-AUDIT',
      name: '审计河',
      geometry: RIVER,
      halfWidthM: 20,
      unitId: fleet.contractor,
    });
    await call(admin, 'PATCH', `/api/segments/${segment.id}`, { name: '审计河2' });
    await call(admin, 'DELETE', `/api/segments/${segment.id}`);
    const plan = { weekly: [{ weekday: 1, start: '06:30', end: '17:30' }] };
    await call(admin, 'PUT', `/api/units/${fleet.contractor}/shifts`, plan);
    await call(admin, 'PUT', `/api/assets/${fleet.boats.b2}/shifts`, plan);
    await call(admin, 'DELETE', `/api/assets/${fleet.boats.b2}/shifts`);
    await call(admin, 'PUT', `/api/assets/${fleet.boats.b2}/crew`, { memberIds: [fleet.crew.c3] });
    const crew1 = await loginAs(t.app, 'crew1');
    await call(crew1, 'POST', '/api/duty/clock-in', { lat: 31.3, lon: 120.9 });
    await call(crew1, 'POST', '/api/duty/clock-out', { lat: 31.3, lon: 120.9 });
    await call(crew1, 'POST', '/api/unloads', {
      assetId: fleet.boats.b1,
      at: new Date(t.clock.now()).toISOString(),
      tonnes: 0.5,
      dockId: fleet.dock,
    });
    await call(op, 'DELETE', `/api/assets/${asset.id}`);
    const rule = await call(admin, 'POST', '/api/alert-rules', {
      name: '审计告警',
      kind: 'idle',
      params: { minutes: 30 },
      unitId: fleet.contractor,
    });
    await call(admin, 'PATCH', `/api/alert-rules/${rule.id}`, { params: { minutes: 20 } });
    // An episode as the live rules would have stored it, to acknowledge and resolve.
    for (const id of [newId(), newId()]) {
      await insertAlert(t.store.db, {
        id,
        ruleId: rule.id,
        kind: 'idle',
        assetId: fleet.boats.b1,
        deviceId: null,
        unitId: fleet.contractor,
        startedAt: t.clock.now() - 3_600_000,
        raisedAt: t.clock.now() - 1_800_000,
        endedAt: null,
        lat: 31.3,
        lon: 120.91,
        status: 'open',
        acknowledgedBy: null,
        acknowledgedAt: null,
        resolvedBy: null,
        resolvedAt: null,
        note: null,
        orderId: null,
      });
    }
    const alerts = (await t.app.inject({ url: '/api/alerts?status=open', headers: op })).json().items as {
      id: string;
    }[];
    await call(op, 'POST', `/api/alerts/${alerts[0]?.id}/acknowledge`);
    await call(op, 'POST', `/api/alerts/${alerts[1]?.id}/resolve`, { note: '已到场' });
    await call(admin, 'DELETE', `/api/alert-rules/${rule.id}`);
    await call(admin, 'PATCH', '/api/settings/devices', { autoRegister: false, jt808RequireAuth: true });
    await call(admin, 'PATCH', '/api/settings/fleet', { kinds: { boat: { gapS: 600 } } });

    const category = await call(admin, 'POST', '/api/categories', {
      type: 'event',
      majorCode: '06',
      majorName: '社区治理',
      minorCode: '91',
      minorName: '审计类别',
      timeLimit: { amount: 8, unit: 'hours' },
      defaultUnitKind: 'community',
      duplicateRadiusM: 40,
    });
    await call(admin, 'PATCH', `/api/categories/${category.id}`, { minorName: '审计类别2' });
    await call(admin, 'DELETE', `/api/categories/${category.id}`);
    await call(admin, 'PUT', '/api/calendar/2027', {
      year: 2027,
      source: 'test',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
      makeUpWorkdays: ['2027-01-09'],
    });

    const metric = await call(op, 'POST', '/api/metrics', {
      code: 'AUDIT-M1',
      name: '审计指标',
      unitOfMeasure: '户',
      ownerUnitId: t.org.a1.id,
      kind: 'cumulative',
      direction: 'up',
      scheduleBasis: 'months',
    });
    await call(op, 'PATCH', `/api/metrics/${metric.id}`, { name: '审计指标2' });
    await call(op, 'PUT', `/api/metrics/${metric.id}/targets/2026`, { annual: 100 });
    await call(await as('commA1'), 'PUT', `/api/metrics/${metric.id}/actuals/2026-02`, { value: 12 });
    const workbook = await xlsxOf([
      [
        'code',
        'name',
        'unitOfMeasure',
        'ownerUnitId',
        'kind',
        'direction',
        'scheduleBasis',
        'year',
        'annual',
      ],
      ['AUDIT-M2', '审计导入', '亿元', t.org.sub.code, 'cumulative', 'up', 'months', 2026, 50],
    ]);
    const imported = await postWorkbook(t.app, op, workbook);
    assert.equal(imported.statusCode, 200, imported.body);
    await call(admin, 'PATCH', '/api/settings/progress', { yellowPoints: 8 });
    await call(op, 'DELETE', `/api/metrics/${metric.id}`);

    // A key task with a milestone already overdue (red), so that it may be supervised.
    const task = await call(op, 'POST', '/api/tasks', {
      title: '审计任务',
      ownerUnitId: t.org.a1.id,
      ownerUserId: t.org.users.commA1?.id,
      deadline: new Date(t.clock.now() + 30 * 86_400_000).toISOString(),
      milestones: [{ title: '节点', dueAt: new Date(t.clock.now() - 3_600_000).toISOString() }],
    });
    await call(op, 'PATCH', `/api/tasks/${task.id}`, { title: '审计任务2' });
    await call(await as('commA1'), 'POST', `/api/tasks/${task.id}/notes`, { text: '进展', percent: 10 });
    await call(await as('leader'), 'POST', `/api/tasks/${task.id}/supervise`, { text: '督办' });
    await call(admin, 'PATCH', '/api/settings/tasks', { pushWeekday: 6 });
    await call(await as('leader'), 'POST', '/api/reports/weekly/issue', {
      week: '2026-W10',
      unitId: t.org.a1.id,
    });

    const photo = await postPhoto(t.app, op, await makePhoto('jpeg', 64, 48));
    assert.equal(photo.statusCode, 201, photo.body);
    const report = (description: string) =>
      call(op, 'POST', '/api/orders', {
        categoryId: world.categories.get('暴露垃圾'),
        ...IN_A1_GRID1,
        description,
      });
    const survivor = (await report('审计工单')).order;
    const duplicate = (await report('审计工单重复')).order;
    await call(op, 'POST', `/api/orders/${duplicate.id}/merge`, { intoOrderId: survivor.id });
    await call(op, 'POST', `/api/orders/${survivor.id}/actions/register`, {});
    // The boats sent (事中): named with the dispatch, then changed by the centre (assignAssets).
    await call(op, 'POST', `/api/orders/${survivor.id}/actions/dispatch`, {
      unitId: fleet.contractor,
      assetIds: [fleet.boats.b1],
    });
    await call(op, 'POST', `/api/orders/${survivor.id}/actions/assignAssets`, { assetIds: [fleet.boats.b2] });
    const inbox = await t.app.inject({ url: '/api/notifications', headers: admin });
    const notification = inbox.json().items[0];
    assert.ok(notification, 'the merge told the admin');
    await call(admin, 'POST', `/api/notifications/${notification.id}/read`);
    await call(admin, 'POST', '/api/notifications/read-all');
    await call(await as('commA1'), 'POST', '/api/notices', {
      title: '停水通知',
      body: '明日 9:00–12:00 停水',
      communityIds: [t.org.a1.id],
      validFrom: new Date(t.clock.now()).toISOString(),
      validTo: new Date(t.clock.now() + 86_400_000).toISOString(),
    });

    // An Open311 client's report: its record names the order it created and the key it used.
    const posted = await postRequest(t.app, 'json', {
      api_key: o311.key,
      service_code: 'E2001',
      lat: IN_A1_GRID1.lat,
      long: IN_A1_GRID1.lon,
      description: '路灯整晚不亮',
      'attribute[pole_number]': 'LD-0123',
      'attribute[fault]': 'dark',
    });
    assert.equal(posted.statusCode, 200, posted.body);
    const open311 = probes.find((p) => p.route === 'POST /open311/v2/requests.json');
    assert.deepEqual(
      [open311?.atSend, open311?.newest?.details],
      [(open311?.before ?? -1) + 1, { channel: 'open311', keyId: o311.keyId }],
      'the Open311 record is written with the order, before the answer',
    );
    assert.match(String(open311?.newest?.target), /^[0-9a-f-]{36}$/);

    const key = await call(admin, 'POST', '/api/open311/keys', { name: '审计密钥' });
    await call(admin, 'DELETE', `/api/open311/keys/${key.id}`);
    const leaving = await loginAs(t.app, 'leader');
    await call(leaving, 'DELETE', '/api/session');

    const succeeded = probes.filter((p) => p.status < 300);
    const late = succeeded.filter((p) => p.atSend !== p.before + 1).map((p) => `${p.route} ${p.status}`);
    assert.deepEqual(late, [], 'records not yet written when the 2xx was sent');
    const mutating = t.app.platform.routes
      .filter((r) => MUTATING.has(r.method) && r.url.startsWith('/api/'))
      .map((r) => `${r.method} ${r.url}`);
    const covered = new Set(succeeded.map((p) => p.route));
    assert.deepEqual(
      mutating.filter((route) => !covered.has(route)),
      [],
      'every mutating route is walked',
    );

    // Written before the answer, with the status the route answers; corrected where it differs.
    const ids = succeeded.map((p) => p.newest?.id ?? '');
    for (let tries = 0; ; tries++) {
      const rows = await t.store.db
        .selectFrom('audit_log')
        .select(['id', 'status'])
        .where('id', 'in', ids)
        .execute();
      const status = new Map(rows.map((r) => [r.id, r.status]));
      const wrong = succeeded.filter((p) => status.get(p.newest?.id ?? '') !== p.status);
      if (wrong.length === 0) break;
      if (tries > 100)
        assert.deepEqual(
          wrong.map((p) => `${p.route} ${p.status}`),
          [],
        );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const created = succeeded.find((p) => p.route === 'POST /api/users');
    assert.deepEqual(
      [created?.newest?.userId, created?.newest?.target, created?.newest?.ip],
      [t.org.users.admin?.id, null, '127.0.0.1'],
    );
    const patched = succeeded.find((p) => p.route === 'PATCH /api/users/:id');
    assert.equal(patched?.newest?.target, user.id);
    const login = succeeded.find((p) => p.route === 'POST /api/session');
    assert.deepEqual([login?.newest?.userId, login?.newest?.details], [null, { username: 'admin' }]);
  });

  it('records refusals after the answer, once, with their status; a rolled-back change leaves none early', async () => {
    const admin = await as('admin');
    probes.length = 0;
    const missing = await t.app.inject({ method: 'DELETE', url: '/api/users/no-such-user', headers: admin });
    assert.equal(missing.statusCode, 404);
    // Marks in a transaction, then finds no such notification of the caller's: rolled back.
    const stranger = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/no-such-notification/read',
      headers: admin,
    });
    assert.equal(stranger.statusCode, 404);
    assert.deepEqual(
      probes.map((p) => [p.route, p.status, p.atSend - p.before]),
      [
        ['DELETE /api/users/:id', 404, 0],
        ['POST /api/notifications/:id/read', 404, 0],
      ],
    );
    const refused = await findAudit(
      t.app,
      admin,
      (a) => a.action === 'POST /api/notifications/:id/read' && a.target === 'no-such-notification',
    );
    assert.equal(refused?.status, 404);
    const rows = await t.store.db
      .selectFrom('audit_log')
      .select('status')
      .where('target', '=', 'no-such-notification')
      .execute();
    assert.deepEqual(rows, [{ status: 404 }]);
  });

  it('audits an attempt whatever its bytes: a NUL in a path id or a username is stored escaped', async () => {
    const admin = await as('admin');
    const badId = await t.app.inject({ method: 'DELETE', url: '/api/users/a%00b', headers: admin });
    assert.equal(badId.statusCode, 400);
    const badName = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'ad\u0000min', password: PASSWORD },
    });
    assert.equal(badName.statusCode, 400);
    const byId = await findAudit(
      t.app,
      admin,
      (a) => a.action === 'DELETE /api/users/:id' && a.status === 400,
    );
    assert.equal(byId?.target, 'a\\u0000b');
    const byName = await findAudit(t.app, admin, (a) => a.action === 'POST /api/session' && a.status === 400);
    assert.deepEqual(byName?.details, { username: 'ad\\u0000min' });
  });
});
