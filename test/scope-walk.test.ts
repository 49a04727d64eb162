import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { newId } from '../src/ids.ts';
import { insertAlert } from '../src/store/alerts.repository.ts';
import { listUnits, type Unit } from '../src/store/units.repository.ts';
import { listUsers } from '../src/store/users.repository.ts';
import { PASSWORD, useTestApp } from './helpers/app.ts';
import { forEachDialect } from './helpers/dialects.ts';
import { actAs, IN_A1_GRID1, IN_A2_GRID1, sessions, useOrderWorld } from './helpers/orders.ts';
import { makePhoto, postPhoto } from './helpers/photos.ts';

// Every GET route of the OpenAPI document whose path takes a parameter, walked for every role:
// an id outside the caller's scope must be answered exactly as a well-formed id that does not
// exist (same status, error code, message and headers, the id aside), or the answer tells a
// caller that the resource exists.

/** What a walked route's path parameter names: the scoped resources. */
type Kind =
  | 'unit'
  | 'user'
  | 'device'
  | 'asset'
  | 'dock'
  | 'alertRule'
  | 'alert'
  | 'segment'
  | 'unitShifts'
  | 'order'
  | 'orderFleet'
  | 'attachment'
  | 'open311Request'
  | 'metric'
  | 'task'
  | 'report'
  | 'notice';

/** The walked routes (as the OpenAPI document spells them) and the resource their parameter names. */
const WALKED: Record<string, Kind> = {
  '/api/units/{id}': 'unit',
  '/api/users/{id}': 'user',
  '/api/devices/{id}': 'device',
  '/api/assets/{id}': 'asset',
  '/api/assets/{id}/trips': 'asset',
  '/api/assets/{id}/stops': 'asset',
  '/api/assets/{id}/track': 'asset',
  '/api/assets/{id}/crew': 'asset',
  '/api/assets/{id}/shifts': 'asset',
  '/api/assets/{id}/days/{date}': 'asset',
  '/api/units/{id}/shifts': 'unitShifts',
  '/api/docks/{id}': 'dock',
  '/api/alert-rules/{id}': 'alertRule',
  '/api/alerts/{id}': 'alert',
  '/api/segments/{id}': 'segment',
  '/api/orders/{id}': 'order',
  '/api/orders/{id}/events': 'order',
  '/api/orders/{id}/duplicates': 'order',
  '/api/orders/{id}/assets': 'orderFleet',
  '/api/orders/{id}/field-check': 'orderFleet',
  '/api/attachments/{id}': 'attachment',
  '/api/attachments/{id}/thumbnail': 'attachment',
  '/api/metrics/{id}': 'metric',
  '/api/tasks/{id}': 'task',
  '/api/reports/{id}': 'report',
  '/api/notices/{id}': 'notice',
  // Open311 is public and ignores sessions; its scope is the order's source: only orders that
  // came from the public (PUBLIC_SOURCES) are published, an internal one is "unknown".
  '/open311/v2/requests/{file}': 'open311Request',
  '/open311/v2/tokens/{file}': 'open311Request',
};

/** The query a walked route cannot answer without (its required parameters), appended to every id asked. */
const DAY = '?from=2026-03-01T16:00:00Z&to=2026-03-02T16:00:00Z';
const QUERIES: Record<string, string> = {
  '/api/assets/{id}/trips': DAY,
  '/api/assets/{id}/stops': DAY,
  '/api/assets/{id}/track': DAY,
};

/**
 * Parameterised GET routes whose parameter names no scoped resource. They are not walked for
 * scope; the test checks that they answer every role alike.
 */
const NOT_SCOPED: Record<string, string> = {
  '/api/categories/{id}':
    'the category dictionary (清单制): one list the whole subdistrict shares, readable by every signed-in user',
  '/api/calendar/{year}': 'a calendar year (holidays, make-up days): a number, the same for everyone',
  '/api/fleet/days/{date}':
    'a date names no resource: the boats listed are those in the caller’s scope (day-summaries.test.ts checks who sees which)',
  '/api/fleet/months/{month}':
    'a month names no resource: the boats listed are those in the caller’s scope (day-summaries.test.ts checks who sees which)',
  '/open311/v2/services/{file}':
    'a GeoReport v2 service definition (a category code): public by the spec, no session involved',
};

/** Who may call each kind's routes at all (config.access): the others get 403 for every id. */
const STAFF = ['admin', 'operator', 'leader', 'workstation', 'community', 'gridWorker', 'department'];
const ACCESS: Record<Kind, readonly string[] | 'authenticated' | 'public'> = {
  unit: STAFF,
  user: ['admin', 'operator', 'leader', 'workstation', 'community'],
  device: ['admin', 'operator', 'leader', 'workstation', 'community', 'department'],
  asset: ['admin', 'operator', 'leader', 'workstation', 'community', 'department', 'crew'],
  dock: ['admin', 'operator', 'leader', 'workstation', 'community', 'department', 'crew'],
  alertRule: ['admin', 'operator', 'leader', 'workstation', 'community', 'department', 'crew'],
  alert: ['admin', 'operator', 'leader', 'workstation', 'community', 'department', 'crew'],
  segment: ['admin', 'operator', 'leader', 'workstation', 'community', 'department', 'crew'],
  // A unit's default shift plan is read by whoever reads the assets it is the default for.
  unitShifts: ['admin', 'operator', 'leader', 'workstation', 'community', 'department', 'crew'],
  order: 'authenticated',
  // The boats on an order and their field check: whoever sees the order, but not a resident.
  orderFleet: ['admin', 'operator', 'leader', 'workstation', 'community', 'gridWorker', 'department', 'crew'],
  attachment: 'authenticated',
  open311Request: 'public',
  metric: ['admin', 'operator', 'leader', 'workstation', 'community', 'department'],
  task: ['admin', 'operator', 'leader', 'workstation', 'community', 'department'],
  report: ['admin', 'operator', 'leader', 'workstation', 'community', 'department'],
  notice: 'authenticated',
};

/** A point inside the first grid of community B1 (the fixture's fifth 0.01° square). */
const IN_B1_GRID1 = { lat: 31.305, lon: 120.845 };

/** Sources whose orders Open311 publishes (GeoReport v2 is for reports from the public). */
const PUBLIC_SOURCES = ['open311', 'hotline', 'resident'];

/** Headers that change from one request to the next whatever is asked. */
const VOLATILE = new Set(['date', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'connection']);

/** A caller: a fixture user with the scope the rules give them, or nobody. */
interface Caller {
  name: string;
  userId: string | null;
  role: string | null;
  /** The unit path they see under; null = everything (admin). */
  scope: string | null;
  /** The ids on their unit's path and, for a resident who gave one, their grid's: what a notice covering them names. */
  covering: string[];
  headers: Record<string, string>;
}

/** A real resource: its URL segment, the text of it a message may repeat, and who may see it. */
interface Target {
  label: string;
  segment: string;
  raw: string;
  visibleTo(c: Caller): boolean;
}

/** An order as the rules see it: the units it involved, its followers, its source. */
interface OrderFacts {
  id: string;
  code: string;
  source: string;
  units: string[];
  followers: string[];
}

function inScope(scope: string | null, unitPath: string): boolean {
  return scope === null || unitPath.startsWith(scope);
}

/** A response with the id replaced by a placeholder and the volatile headers left out. */
function normalised(res: LightMyRequestResponse, raw: string) {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) {
    if (!VOLATILE.has(k)) headers[k] = String(v).replaceAll(raw, '<id>');
  }
  return { status: res.statusCode, headers, body: res.body.replaceAll(raw, '<id>') };
}

/** What differs between two normalised answers, briefly; '' when nothing does. */
function differences(a: ReturnType<typeof normalised>, b: ReturnType<typeof normalised>): string {
  const out: string[] = [];
  if (a.status !== b.status) out.push(`status ${a.status} ≠ ${b.status}`);
  for (const k of new Set([...Object.keys(a.headers), ...Object.keys(b.headers)])) {
    if (a.headers[k] !== b.headers[k])
      out.push(`${k}: ${a.headers[k] ?? '(none)'} ≠ ${b.headers[k] ?? '(none)'}`);
  }
  if (a.body !== b.body) out.push(`body ${a.body.slice(0, 200)} ≠ ${b.body.slice(0, 200)}`);
  return out.join('; ');
}

/** The `error` of an API error body, or undefined when the body is not one. */
function errorOf(body: string): { code?: string; message?: string } | undefined {
  try {
    return JSON.parse(body).error;
  } catch {
    return undefined;
  }
}

function urlOf(route: string, segment: string): string {
  // A second parameter that names no resource (a day summary's date) is the fixture's day.
  return route.replace(/\{[A-Za-z]+\}/, encodeURIComponent(segment)).replace('{date}', '2026-03-02');
}

forEachDialect('scope walk', (kind) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zs-scope-walk-'));
  // Well over a thousand requests from one address within the minute.
  const t = useTestApp(kind, { dataDir, rateLimitPerMinute: 1_000_000 });
  const world = useOrderWorld(t);
  const as = sessions(t);
  after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const units = new Map<string, Unit>();
  const callers: Caller[] = [];
  const targets = {} as Record<Kind, Target[]>;
  const missing = {} as Record<Kind, { segment: string; raw: string }>;
  let doc: { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };
  const orders = {} as Record<'a1' | 'a2' | 'b1', OrderFacts>;
  const notices: { id: string; places: string[]; from: number }[] = [];

  const unitPath = (id: string) => units.get(id)?.path ?? '(unknown unit)';
  const isRootScope = (c: Caller) => c.scope !== null && c.scope.split('/').filter(Boolean).length === 1;

  /** visibilityOf: admin all; residents what they follow; the rest what involved their scope, or they follow. */
  function seesOrder(c: Caller, o: OrderFacts): boolean {
    if (c.userId === null) return false;
    if (c.scope === null) return true;
    const follows = o.followers.includes(c.userId);
    if (c.role === 'resident') return follows;
    return follows || o.units.some((u) => inScope(c.scope, unitPath(u)));
  }

  /** Everyone whose order scope holds every order (admin; the single subdistrict's own staff). */
  const seesAllOrders = (c: Caller) => c.scope === null || (c.role !== 'resident' && isRootScope(c));

  async function uploadAs(user: string, colour: number): Promise<string> {
    const bytes = await makePhoto('jpeg', 64 + colour, 48);
    const res = await postPhoto(t.app, await as(user), bytes, `scope-${user}.jpg`);
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id;
  }

  async function report(user: string, payload: object): Promise<{ id: string; code: string }> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: await as(user),
      payload: { categoryId: world.categories.get('暴露垃圾'), ...payload },
    });
    assert.equal(res.statusCode, 201, res.body);
    return { id: res.json().order.id, code: res.json().order.code };
  }

  async function post(user: string, url: string, payload: object): Promise<string> {
    const res = await t.app.inject({ method: 'POST', url, headers: await as(user), payload });
    assert.equal(res.statusCode, 201, `${url}: ${res.body}`);
    return res.json().id;
  }

  before(async () => {
    const org = t.org;
    const [, , gridA2, , gridB1] = org.grids;
    assert.ok(gridA2 && gridB1);

    // A user made through the API: a grid worker of community B1's first grid.
    await post('admin', '/api/users', {
      username: 'gridB1',
      password: PASSWORD,
      displayName: 'gridB1',
      role: 'gridWorker',
      unitId: gridB1.id,
    });

    // Assets and devices in community A1, grid area B, 绿化所 and the contractor.
    const asset = (kind: string, code: string, unitId: string) =>
      post('operator', '/api/assets', { kind, code, name: `资产${code}`, unitId });
    await asset('boat', 'S-A1', org.a1.id);
    await asset('vehicle', 'S-B', org.areaB.id);
    const greenAsset = await asset('vehicle', 'S-GREEN', org.dept.id);
    const crewAsset = await asset('crew', 'S-CREW', world.contractor.id);
    const device = (name: string, extra: object) =>
      post('operator', '/api/devices', { name, protocol: 'osmand', identifier: `scope-${name}`, ...extra });
    await device('grid-a1', { unitId: org.grids[0]?.id });
    await device('b1', { unitId: org.b1.id });
    await device('green', { assetId: greenAsset });
    await device('crew', { assetId: crewAsset });
    // Docks held by community A1, grid area B, 绿化所 and the contractor.
    for (const [name, unitId] of [
      ['A1', org.a1.id],
      ['B', org.areaB.id],
      ['GREEN', org.dept.id],
      ['CONTRACTOR', world.contractor.id],
    ] as const) {
      await post('operator', '/api/docks', { name: `码头${name}`, lat: 31.3, lon: 120.8, unitId });
      await post('admin', '/api/alert-rules', {
        name: `告警${name}`,
        kind: 'idle',
        params: { minutes: 30 },
        unitId,
      });
    }
    // River segments held by the same units, and one held by no unit (the whole organisation's).
    for (const [code, unitId] of [
      ['R-A1', org.a1.id],
      ['R-B', org.areaB.id],
      ['R-GREEN', org.dept.id],
      ['R-CONTRACTOR', world.contractor.id],
      ['R-NONE', null],
    ] as const) {
      const geometry = {
        type: 'LineString',
        coordinates: [
          [120.8, 31.3],
          [120.81, 31.3],
        ],
      };
      await post('admin', '/api/segments', { code, name: `河段${code}`, geometry, halfWidthM: 20, unitId });
    }

    // Photos: one reported by a resident in A1, one by community B1 (then dispatched to 绿化所),
    // one uploaded by grid worker A1 and attached to nothing.
    const photoA1 = await uploadAs('resident', 1);
    const photoB1 = await uploadAs('commB1', 2);
    await uploadAs('gridA1', 3);

    const a1 = await report('resident', { ...IN_A1_GRID1, description: 'A1的垃圾', photos: [photoA1] });
    const a2 = await report('operator', { ...IN_A2_GRID1, description: 'A2的垃圾', source: 'hotline' });
    const b1 = await report('commB1', { ...IN_B1_GRID1, description: 'B1的垃圾', photos: [photoB1] });
    for (const [action, body] of [
      ['register', {}],
      ['dispatch', { unitId: org.dept.id }],
    ] as const) {
      const res = await actAs(t, await as('commB1'), b1.id, action, body);
      assert.equal(res.statusCode, 200, `${action}: ${res.body}`);
    }
    // A resident who gave the grid they live in (A1's first), and notices: A1 now, A1's first
    // grid now, A1 from tomorrow, B1 now (noticeVisibility: residents those covering them and
    // valid now; staff those for a unit under their scope or covering their own unit).
    await post('admin', '/api/users', {
      username: 'residentG',
      password: PASSWORD,
      displayName: 'residentG',
      role: 'resident',
      unitId: org.a1.id,
      gridId: org.grids[0]?.id,
    });
    const now = t.clock.now();
    const day = 86_400_000;
    const notice = async (user: string, places: object, from: number) => ({
      id: await post(user, '/api/notices', {
        title: `${user}的公告`,
        body: '停水通知',
        ...places,
        validFrom: new Date(from).toISOString(),
        validTo: new Date(from + 3 * day).toISOString(),
      }),
      places: Object.values(places).flat() as string[],
      from,
    });
    notices.push(
      await notice('commA1', { communityIds: [org.a1.id] }, now - day),
      await notice('commA1', { gridIds: [org.grids[0]?.id] }, now - day),
      await notice('commA1', { communityIds: [org.a1.id] }, now + day),
      await notice('commB1', { communityIds: [org.b1.id] }, now - day),
    );

    const users = await listUsers(t.store.db, { scopePath: null });
    const userId = (name: string) => users.find((u) => u.username === name)?.id ?? '(unknown user)';
    orders.a1 = {
      ...a1,
      source: 'resident',
      units: [org.grids[0]?.id ?? '', org.a1.id, org.sub.id],
      followers: [userId('resident')],
    };
    orders.a2 = {
      ...a2,
      source: 'hotline',
      units: [gridA2.id, org.a2.id, org.sub.id],
      followers: [userId('operator')],
    };
    orders.b1 = {
      ...b1,
      source: 'community',
      units: [gridB1.id, org.b1.id, org.dept.id],
      followers: [userId('commB1')],
    };

    // The facts the rules are applied to, checked against what was stored.
    for (const o of Object.values(orders)) {
      const stored = await t.store.db
        .selectFrom('order_units')
        .select('unit_id')
        .where('order_id', '=', o.id)
        .execute();
      assert.deepEqual(stored.map((r) => r.unit_id).sort(), [...o.units].sort(), `units of ${o.code}`);
      const followers = await t.store.db
        .selectFrom('order_followers')
        .select('user_id')
        .where('order_id', '=', o.id)
        .execute();
      assert.deepEqual(
        followers.map((r) => r.user_id).sort(),
        [...o.followers].sort(),
        `followers of ${o.code}`,
      );
    }

    for (const u of await listUnits(t.store.db, { scopePath: null })) units.set(u.id, u);

    // The callers: every user, with the scope the rules give them (scope.ts), and nobody.
    callers.push({ name: 'anonymous', userId: null, role: null, scope: null, covering: [], headers: {} });
    for (const u of users) {
      const unit = units.get(u.unitId);
      assert.ok(unit, u.username);
      const parent = unit.parentId ? units.get(unit.parentId) : undefined;
      const scope =
        u.role === 'admin' ? null : unit.kind === 'workstation' && parent ? parent.path : unit.path;
      const ids = (path: string | undefined) => (path ?? '').split('/').filter(Boolean);
      const covering = [...ids(unit.path), ...ids(u.gridId ? units.get(u.gridId)?.path : undefined)];
      callers.push({
        name: u.username,
        userId: u.id,
        role: u.role,
        scope,
        covering,
        headers: await as(u.username),
      });
    }

    // The real resources of each kind, and who may see each.
    const byUnit = (label: string, id: string, unitId: string): Target => ({
      label,
      segment: id,
      raw: id,
      visibleTo: (c) => c.userId !== null && inScope(c.scope, unitPath(unitId)),
    });
    targets.unit = [...units.values()].map((u) => byUnit(`unit ${u.name}`, u.id, u.id));
    targets.unitShifts = targets.unit;
    targets.user = users.map((u) => byUnit(`user ${u.username}`, u.id, u.unitId));
    const devices = await t.store.db.selectFrom('devices').select(['id', 'name', 'unit_id']).execute();
    assert.equal(devices.length, 4);
    targets.device = devices.map((d) => byUnit(`device ${d.name}`, d.id, d.unit_id));
    const assetRows = await t.store.db.selectFrom('assets').select(['id', 'code', 'unit_id']).execute();
    targets.asset = assetRows.map((a) => byUnit(`asset ${a.code}`, a.id, a.unit_id));
    const dockRows = await t.store.db.selectFrom('docks').select(['id', 'name', 'unit_id']).execute();
    assert.equal(dockRows.length, 4);
    targets.dock = dockRows.map((d) => byUnit(`dock ${d.name}`, d.id, d.unit_id));
    const ruleRows = await t.store.db.selectFrom('alert_rules').select(['id', 'name', 'unit_id']).execute();
    assert.equal(ruleRows.length, 4);
    targets.alertRule = ruleRows.map((r) => byUnit(`alert rule ${r.name}`, r.id, r.unit_id));
    // An alert on each asset, held by the asset's unit; a crew member sees its own boat's only (none here).
    for (const a of assetRows) {
      await insertAlert(t.store.db, {
        id: newId(),
        ruleId: ruleRows[0]?.id ?? '',
        kind: 'idle',
        assetId: a.id,
        deviceId: null,
        unitId: a.unit_id,
        startedAt: t.clock.now(),
        raisedAt: t.clock.now(),
        endedAt: null,
        lat: 31.3,
        lon: 120.8,
        status: 'open',
        acknowledgedBy: null,
        acknowledgedAt: null,
        resolvedBy: null,
        resolvedAt: null,
        note: null,
        orderId: null,
      });
    }
    const alertRows = await t.store.db.selectFrom('alerts').select(['id', 'asset_id', 'unit_id']).execute();
    targets.alert = alertRows.map((r) => {
      const target = byUnit(`alert on ${r.asset_id}`, r.id, r.unit_id);
      return { ...target, visibleTo: (c: Caller) => c.role !== 'crew' && target.visibleTo(c) };
    });
    const segmentRows = await t.store.db.selectFrom('segments').select(['id', 'code', 'unit_id']).execute();
    assert.equal(segmentRows.length, 5);
    targets.segment = segmentRows.map((r) =>
      r.unit_id === null
        ? {
            label: `segment ${r.code}`,
            segment: r.id,
            raw: r.id,
            // filterHeldInScope: a segment held by no unit belongs to the whole organisation.
            visibleTo: (c: Caller) => c.userId !== null && (c.scope === null || isRootScope(c)),
          }
        : byUnit(`segment ${r.code}`, r.id, r.unit_id),
    );
    targets.order = Object.entries(orders).map(([name, o]) => ({
      label: `order ${name}`,
      segment: o.id,
      raw: o.id,
      visibleTo: (c) => seesOrder(c, o),
    }));
    targets.orderFleet = targets.order;
    const photos = await t.store.db
      .selectFrom('attachments')
      .select(['id', 'uploaded_by', 'file_name'])
      .execute();
    assert.equal(photos.length, 3);
    const referring = new Map([
      [photoA1, [orders.a1]],
      [photoB1, [orders.b1]],
    ]);
    targets.attachment = photos.map((p) => ({
      label: `photo ${p.file_name}`,
      segment: p.id,
      raw: p.id,
      // mayReadAttachment: its uploader, whoever sees every order, whoever sees an order showing it.
      visibleTo: (c) =>
        c.userId !== null &&
        (p.uploaded_by === c.userId ||
          seesAllOrders(c) ||
          (referring.get(p.id) ?? []).some((o) => seesOrder(c, o))),
    }));
    targets.notice = notices.map((n, i) => ({
      label: `notice ${i + 1}`,
      segment: n.id,
      raw: n.id,
      visibleTo: (c) => {
        if (c.userId === null) return false;
        if (c.scope === null) return true;
        const covers = n.places.some((id) => c.covering.includes(id));
        if (c.role === 'resident') return covers && n.from <= t.clock.now();
        return covers || n.places.some((id) => inScope(c.scope, unitPath(id)));
      },
    }));
    targets.open311Request = Object.entries(orders).map(([name, o]) => ({
      label: `order ${name} (${o.source})`,
      segment: `${o.code}.json`,
      raw: o.code,
      visibleTo: () => PUBLIC_SOURCES.includes(o.source),
    }));

    // Ids of the same form that name nothing: a fresh UUIDv7; an order code of the same day and
    // category with a sequence no order has.
    for (const k of [
      'unit',
      'user',
      'device',
      'asset',
      'dock',
      'segment',
      'unitShifts',
      'order',
      'orderFleet',
      'attachment',
      'metric',
      'task',
      'report',
      'notice',
      'alertRule',
      'alert',
    ] as const) {
      const id = newId();
      missing[k] = { segment: id, raw: id };
    }
    const code = `${orders.a1.code.slice(0, -4)}9999`;
    assert.equal(code.length, orders.a1.code.length);
    missing.open311Request = { segment: `${code}.json`, raw: code };

    // Metrics: owned by community A1, grid area B and 绿化所; one of the subdistrict's computed
    // from the work orders with a target for community A2, which sees it through that target.
    const metricTargets: { id: string; units: string[] }[] = [];
    const metric = async (code: string, ownerUnitId: string, extra: object = {}) => {
      const id = await post('operator', '/api/metrics', {
        code,
        name: `指标${code}`,
        unitOfMeasure: '个',
        ownerUnitId,
        kind: 'level',
        direction: 'up',
        scheduleBasis: 'months',
        ...extra,
      });
      metricTargets.push({ id, units: [ownerUnitId] });
      return id;
    };
    await metric('M-A1', org.a1.id);
    await metric('M-B', org.areaB.id);
    await metric('M-GREEN', org.dept.id);
    const closure = await metric('M-CLOSE', org.sub.id, { source: 'orders:closureRate' });
    const target = await t.app.inject({
      method: 'PUT',
      url: `/api/metrics/${closure}/targets/2026`,
      headers: await as('operator'),
      payload: { annual: 90, unitId: org.a2.id },
    });
    assert.equal(target.statusCode, 200, target.body);
    metricTargets.at(-1)?.units.push(org.a2.id);
    targets.metric = metricTargets.map((m, i) => ({
      label: `metric ${i}`,
      segment: m.id,
      raw: m.id,
      visibleTo: (c) => c.userId !== null && m.units.some((u) => inScope(c.scope, unitPath(u))),
    }));

    // Key tasks: owned by community A1 and by grid area B's community B1; scoped by the owner unit.
    const keyTasks: { id: string; unit: string }[] = [];
    for (const [unit, owner] of [
      [org.a1.id, org.users.commA1?.id],
      [org.b1.id, org.users.commB1?.id],
    ] as const) {
      const id = await post('operator', '/api/tasks', {
        title: `任务${keyTasks.length}`,
        ownerUnitId: unit,
        ownerUserId: owner,
        deadline: '2026-12-31T09:30:00Z',
      });
      keyTasks.push({ id, unit });
    }
    targets.task = keyTasks.map((k, i) => ({
      label: `task ${i}`,
      segment: k.id,
      raw: k.id,
      visibleTo: (c) => c.userId !== null && inScope(c.scope, unitPath(k.unit)),
    }));

    // Issued weekly reports: community A1's and grid area B's community B1's; scoped by their unit.
    const reports: { id: string; unit: string }[] = [];
    for (const unit of [org.a1.id, org.b1.id]) {
      reports.push({
        id: await post('leader', '/api/reports/weekly/issue', { week: '2026-W10', unitId: unit }),
        unit,
      });
    }
    targets.report = reports.map((r, i) => ({
      label: `report ${i}`,
      segment: r.id,
      raw: r.id,
      visibleTo: (c) => c.userId !== null && inScope(c.scope, unitPath(r.unit)),
    }));

    const res = await t.app.inject({ url: '/api/docs/json' });
    assert.equal(res.statusCode, 200);
    doc = res.json();
  });

  /** The document's GET operations whose path takes a parameter. */
  function parameterisedGets(): string[] {
    return Object.entries(doc.paths)
      .filter(([p, ops]) => ops.get && (p.includes('{') || ops.get.parameters?.some((x) => x.in === 'path')))
      .map(([p]) => p)
      .sort();
  }

  it('walks every parameterised GET route of the OpenAPI document, each either scoped or listed as not', () => {
    const listed = parameterisedGets();
    assert.deepEqual(listed, [...Object.keys(WALKED), ...Object.keys(NOT_SCOPED)].sort());
    // …and the document hides no registered one.
    const registered = t.app.platform.routes
      .filter((r) => r.method === 'GET' && r.url.includes(':') && !r.url.startsWith('/api/docs'))
      .map((r) => r.url.replace(/:([A-Za-z]+)/g, '{$1}'))
      .sort();
    assert.deepEqual([...new Set(registered)], listed);
  });

  it('answers every id outside a caller’s scope exactly as an id that does not exist, for every role', async (tc) => {
    const failures: string[] = [];
    let requests = 0;
    const readsPerRoute = new Map<string, number>();
    let compared = 0;
    const roles = new Set<string>();
    for (const route of parameterisedGets()) {
      const kindOf = WALKED[route];
      if (!kindOf) continue;
      const access = ACCESS[kindOf];
      // Photos are also asked for with If-None-Match: * (a 304 would say the photo exists).
      const variants: Record<string, string>[] =
        kindOf === 'attachment' ? [{}, { 'if-none-match': '*' }] : [{}];
      for (const c of callers) {
        if (c.role) roles.add(c.role);
        const allowed =
          access === 'public' || (c.role !== null && (access === 'authenticated' || access.includes(c.role)));
        for (const extra of variants) {
          const ask = (segment: string) =>
            t.app.inject({
              url: urlOf(route, segment) + (QUERIES[route] ?? ''),
              headers: { ...c.headers, ...extra },
            });
          const where = (what: string) => `${c.name} GET ${route} ${JSON.stringify(extra)} ${what}`;
          const none = missing[kindOf];
          const unknownRes = await ask(none.segment);
          requests++;
          const unknown = normalised(unknownRes, none.raw);
          // The unknown id's own answer: 401 anonymous, 403 for a role the route refuses, else 404.
          const expected = c.role === null && access !== 'public' ? 401 : allowed ? 404 : 403;
          if (unknown.status !== expected)
            failures.push(`${where('unknown id')}: ${unknown.status}, not ${expected}`);
          if (unknownRes.headers.etag !== undefined || unknownRes.headers['last-modified'] !== undefined) {
            failures.push(`${where('unknown id')}: carries validators`);
          }
          for (const target of targets[kindOf]) {
            const res = await ask(target.segment);
            requests++;
            if (allowed && target.visibleTo(c)) {
              const ok = extra['if-none-match'] ? 304 : 200;
              if (res.statusCode === ok) readsPerRoute.set(route, (readsPerRoute.get(route) ?? 0) + 1);
              else
                failures.push(
                  `${where(target.label)}: in scope, answered ${res.statusCode} ${res.body.slice(0, 120)}`,
                );
              continue;
            }
            compared++;
            const got = normalised(res, target.raw);
            if (got.status !== unknown.status) {
              failures.push(
                `${where(target.label)}: ${got.status} where an unknown id gets ${unknown.status}`,
              );
              continue;
            }
            if (route.startsWith('/api/')) {
              const a = errorOf(got.body);
              const b = errorOf(unknown.body);
              if (a?.code !== b?.code) failures.push(`${where(target.label)}: code ${a?.code} ≠ ${b?.code}`);
              else if (a?.message !== b?.message) {
                failures.push(`${where(target.label)}: message "${a?.message}" ≠ "${b?.message}"`);
              }
            }
            const diff = differences(got, unknown);
            if (diff) failures.push(`${where(target.label)}: answered unlike an unknown id: ${diff}`);
          }
        }
      }
    }
    tc.diagnostic(
      `${Object.keys(WALKED).length} routes, ${roles.size} roles, ${callers.length} callers (anonymous too), ` +
        `${requests} requests: ${compared} hidden ids compared with unknown ones, ` +
        `in-scope reads: ${[...readsPerRoute].map(([r, n]) => `${r} ${n}`).join(', ')}`,
    );
    if (failures.length > 0) {
      const perRoute = new Map<string, number>();
      for (const f of failures) {
        const route = f.split(' ')[2] ?? '';
        perRoute.set(route, (perRoute.get(route) ?? 0) + 1);
      }
      const counts = [...perRoute].map(([r, n]) => `${r}: ${n}`).join(', ');
      assert.fail(
        `${failures.length} answers tell out-of-scope from unknown (${counts}):\n${failures.slice(0, 40).join('\n')}`,
      );
    }
    // Not vacuous: every walked route answered 200 to someone in scope.
    for (const route of Object.keys(WALKED))
      assert.ok((readsPerRoute.get(route) ?? 0) > 0, `no read of ${route}`);
  });

  it('answers the unscoped parameterised routes alike to every role', async () => {
    const services = await t.app.inject({ url: '/open311/v2/services.json' });
    const serviceCode: string = services.json()[0].service_code;
    const samples: Record<string, { real: string; unknown: string }> = {
      '/api/categories/{id}': { real: world.categories.get('暴露垃圾') ?? '', unknown: newId() },
      '/api/calendar/{year}': { real: '2026', unknown: '2031' },
      '/open311/v2/services/{file}': { real: `${serviceCode}.json`, unknown: 'E9999.json' },
    };
    for (const [route, sample] of Object.entries(samples)) {
      assert.ok(NOT_SCOPED[route], route);
      for (const segment of [sample.real, sample.unknown]) {
        const answers = new Map<string, string[]>();
        for (const c of callers) {
          if (c.role === null && route.startsWith('/api/')) continue;
          const res = await t.app.inject({ url: urlOf(route, segment), headers: c.headers });
          const key = JSON.stringify(normalised(res, segment));
          answers.set(key, [...(answers.get(key) ?? []), c.name]);
        }
        assert.equal(
          answers.size,
          1,
          `${route} ${segment}: ${[...answers.values()].map((n) => n.join(','))}`,
        );
      }
    }
  });
});
