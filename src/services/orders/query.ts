import type { OrderPageView } from '../../api/index.ts';
import type { TrafficLight } from '../../domain/calendar/time-limit.ts';
import { allowedActions, blockedActions } from '../../domain/workorder/apply.ts';
import { ORDER_SOURCES, STAGES } from '../../domain/workorder/dictionary.ts';
import type { OrderHistory } from '../../domain/workorder/indicators.ts';
import { ORDER_LEVELS, ORDER_STATUSES } from '../../domain/workorder/states.ts';
import { fail } from '../../errors/catalogue.ts';
import { listCategories } from '../../store/categories.repository.ts';
import { listEventsOfOrders, listOrderEvents } from '../../store/order-events.repository.ts';
import {
  countOrders,
  listOrderIdsInvolving,
  listOrders,
  type OrderListFilter,
  type OrderSortKey,
  sortValueOf,
} from '../../store/order-list.repository.ts';
import { findOrders, type OrderRecord } from '../../store/orders.repository.ts';
import { workingCalendar } from '../calendar/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { getVisibleOrderOrThrow, visibilityOf } from '../scope/index.ts';
import { actorOf } from './actor.ts';
import { loadOrderNames, type OrderNames } from './names.ts';
import { instantOf } from './payload.ts';
import { requireUnit } from './units.ts';
import { eventView, orderView } from './view.ts';

/** The list's query parameters, as the route validated their types. */
export interface OrderListQuery {
  status?: string[];
  categoryId?: string[];
  level?: string[];
  source?: string[];
  stage?: string[];
  unitId?: string;
  responsibleUnitId?: string;
  responsibleUserId?: string;
  light?: TrafficLight;
  overdue?: boolean;
  createdFrom?: string;
  createdTo?: string;
  closedFrom?: string;
  closedTo?: string;
  bbox?: string;
  q?: string;
  sort?: string;
  limit?: number;
  cursor?: string;
}

/** The largest page a caller may ask for. */
export const MAX_ORDER_PAGE = 200;
const SORTS: readonly OrderSortKey[] = ['createdAt', 'updatedAt', 'deadline'];

/** Repeated or comma-separated values (status=a,b or status=a&status=b), each checked against the allowed ones. */
function listOf(
  values: string[] | undefined,
  allowed: readonly string[] | null,
  field: string,
): string[] | undefined {
  const list = values
    ?.flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const v of list ?? []) {
    if (allowed && !allowed.includes(v)) {
      fail('VALIDATION_FAILED', `${field} "${v}" must be one of ${allowed.join(', ')}`, { field });
    }
  }
  return list?.length ? list : undefined;
}

function range(from: string | undefined, to: string | undefined, name: string) {
  const f = from === undefined ? undefined : instantOf(from, `querystring.${name}From`);
  const t = to === undefined ? undefined : instantOf(to, `querystring.${name}To`);
  if (f !== undefined && t !== undefined && f >= t) {
    fail('TIME_RANGE_INVALID', `${name}From must be before ${name}To`, { field: `querystring.${name}From` });
  }
  return { f, t };
}

function bboxOf(raw: string | undefined): OrderListFilter['bbox'] {
  if (raw === undefined) return undefined;
  const n = raw.split(',').map(Number);
  const [minLon = Number.NaN, minLat = Number.NaN, maxLon = Number.NaN, maxLat = Number.NaN] = n;
  const valid =
    n.length === 4 &&
    n.every(Number.isFinite) &&
    minLon <= maxLon &&
    minLat <= maxLat &&
    minLat >= -90 &&
    maxLat <= 90 &&
    minLon >= -180 &&
    maxLon <= 180;
  if (!valid) {
    fail('VALIDATION_FAILED', `querystring.bbox must be minLon,minLat,maxLon,maxLat in WGS-84 degrees`, {
      field: 'querystring.bbox',
    });
  }
  return { minLon, minLat, maxLon, maxLat };
}

/** The cursor is opaque to clients: the sort it belongs to, the last row's sort value and id. */
function encodeCursor(sort: string, value: number, id: string): string {
  return Buffer.from(JSON.stringify([sort, value, id])).toString('base64url');
}

function decodeCursor(cursor: string, sort: string): { value: number; id: string } {
  try {
    const [s, value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    // The values go straight into SQL: a fraction or a NUL makes PostgreSQL fail where SQLite would not.
    if (
      s === sort &&
      Number.isSafeInteger(value) &&
      typeof id === 'string' &&
      id.length > 0 &&
      id.length <= 100 &&
      !id.includes('\u0000')
    )
      return { value: value as number, id };
  } catch {
    // Falls through to the error below.
  }
  fail(
    'VALIDATION_FAILED',
    'querystring.cursor is not a cursor of this list and sort: start from the first page',
    {
      field: 'querystring.cursor',
    },
  );
}

async function filterOf(ctx: ServiceContext, who: Principal, q: OrderListQuery): Promise<OrderListFilter> {
  const created = range(q.createdFrom, q.createdTo, 'created');
  const closed = range(q.closedFrom, q.closedTo, 'closed');
  const text = q.q
    ?.replace(/[%_\\]/g, '')
    .trim()
    .toLowerCase();
  return {
    visibility: await visibilityOf(ctx, who),
    now: ctx.now(),
    statuses: listOf(q.status, ORDER_STATUSES, 'querystring.status'),
    categoryIds: listOf(q.categoryId, null, 'querystring.categoryId'),
    levels: listOf(q.level, ORDER_LEVELS, 'querystring.level'),
    sources: listOf(q.source, ORDER_SOURCES, 'querystring.source'),
    stages: listOf(q.stage, STAGES, 'querystring.stage'),
    involvingPath: q.unitId ? (await requireUnit(ctx, q.unitId, 'querystring.unitId')).path : undefined,
    responsibleUnitId: q.responsibleUnitId,
    responsibleUserId: q.responsibleUserId,
    light: q.light,
    overdue: q.overdue,
    createdFrom: created.f,
    createdTo: created.t,
    closedFrom: closed.f,
    closedTo: closed.t,
    bbox: bboxOf(q.bbox),
    text: text || undefined,
  };
}

/** One page of the orders the caller may see, filtered and sorted; `total` on the first page. */
export async function listVisibleOrders(
  ctx: ServiceContext,
  who: Principal,
  q: OrderListQuery,
): Promise<OrderPageView> {
  const sortParam = q.sort ?? '-createdAt';
  const sort = SORTS.find((s) => s === sortParam.replace(/^-/, ''));
  if (!sort) {
    fail(
      'VALIDATION_FAILED',
      `querystring.sort must be one of ${SORTS.join(', ')}, optionally with a leading -`,
      {
        field: 'querystring.sort',
      },
    );
  }
  const filter = await filterOf(ctx, who, q);
  const limit = Math.min(q.limit ?? 50, MAX_ORDER_PAGE);
  const after = q.cursor ? decodeCursor(q.cursor, sortParam) : undefined;
  // The page and its total side by side: on PostgreSQL they run on two pooled connections, so a
  // scoped list (each candidate order probed against the scope) waits for the slower, not both.
  const [page, total] = await Promise.all([
    listOrders(ctx.db, filter, { sort, descending: sortParam.startsWith('-'), limit, after }),
    after === undefined ? countOrders(ctx.db, filter) : undefined,
  ]);
  const [categories, calendar, names] = await Promise.all([
    listCategories(ctx.db),
    workingCalendar(ctx),
    loadOrderNames(ctx.db, who, page.items),
  ]);
  const byId = new Map(categories.map((c) => [c.id, c]));
  const last = page.items.at(-1);
  return {
    items: page.items.map((o) => orderView(o, byId.get(o.categoryId), filter.now, calendar, names)),
    ...(total !== undefined && { total }),
    ...(page.more && last && { nextCursor: encodeCursor(sortParam, sortValueOf(last, sort), last.id) }),
  };
}

/** One order with the actions the caller may take on it now (the console's buttons). */
export async function getOrderForCaller(ctx: ServiceContext, who: Principal, id: string) {
  const order = await getVisibleOrderOrThrow(ctx, who, id);
  return orderViewFor(ctx, who, order, await loadOrderNames(ctx.db, who, [order]));
}

/** An order as the caller now sees it, with the actions it may take (the console's buttons); `names` loaded for it. */
export async function orderViewFor(
  ctx: ServiceContext,
  who: Principal,
  order: OrderRecord,
  names: OrderNames,
) {
  const [categories, calendar] = await Promise.all([listCategories(ctx.db), workingCalendar(ctx)]);
  const now = ctx.now();
  const actor = actorOf(who);
  return orderView(
    order,
    categories.find((c) => c.id === order.categoryId),
    now,
    calendar,
    names,
    {
      allowed: allowedActions(order.state, actor, now, { calendar }),
      blocked: blockedActions(order.state, actor, now, { calendar }),
    },
  );
}

/** An order's timeline, oldest first, naming each actor and the unit each event sent the order to. */
export async function listTimeline(ctx: ServiceContext, who: Principal, id: string) {
  await getVisibleOrderOrThrow(ctx, who, id);
  const events = await listOrderEvents(ctx.db, id);
  const names = await loadOrderNames(ctx.db, who, [], events);
  return events.map((e) => eventView(e, names));
}

/**
 * Every order that involved a unit under the given unit (located in it, held by it, or with a
 * sub-task for it) with its timeline: the input computeIndicators takes.
 */
export async function loadOrderHistories(ctx: ServiceContext, unitId: string): Promise<OrderHistory[]> {
  const unit = await requireUnit(ctx, unitId, 'unitId');
  const ids = await listOrderIdsInvolving(ctx.db, unit.path);
  const events = await listEventsOfOrders(ctx.db, ids);
  return (await findOrders(ctx.db, ids)).map((o) => ({ order: o.state, events: events.get(o.id) ?? [] }));
}
