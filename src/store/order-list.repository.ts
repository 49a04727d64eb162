import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import type { OrderVisibility } from '../domain/auth/scope.ts';
import type { TrafficLight } from '../domain/calendar/time-limit.ts';
import type { Db } from './database.ts';
import { type OrderRecord, toOrder } from './orders.repository.ts';
import { cachedRead } from './read-cache.ts';
import type { Database } from './schema.ts';
import { listUnits } from './units.repository.ts';

/** The list filters, already validated and resolved (unit ids to paths, times to ms). */
export interface OrderListFilter {
  visibility: OrderVisibility;
  now: number;
  ids?: readonly string[];
  statuses?: readonly string[];
  categoryIds?: readonly string[];
  levels?: readonly string[];
  sources?: readonly string[];
  stages?: readonly string[];
  /** Orders that involve a unit under this path (responsible, sub-task or located there). */
  involvingPath?: string;
  responsibleUnitId?: string;
  responsibleUserId?: string;
  light?: TrafficLight;
  overdue?: boolean;
  createdFrom?: number;
  createdTo?: number;
  closedFrom?: number;
  closedTo?: number;
  bbox?: { minLon: number; minLat: number; maxLon: number; maxLat: number };
  /** Lower-cased text without LIKE wildcards. */
  text?: string;
}

/** Sort keys; a deadline-less order sorts after every deadline. */
export type OrderSortKey = 'createdAt' | 'updatedAt' | 'deadline';

/** A page request: keyset paging on (sort value, id). */
export interface OrderPageRequest {
  sort: OrderSortKey;
  descending: boolean;
  limit: number;
  after?: { value: number; id: string };
}

type Eb = ExpressionBuilder<Database, 'orders'>;

/** Later than any real deadline (the largest JavaScript date). */
const NO_DEADLINE = 8_640_000_000_000_000;

/**
 * How a scope condition is evaluated. 'set' collects the order ids of the scope once and tests
 * each row against them: right for counting, which visits every matching row. 'probe' looks
 * each candidate row up in order_units: right for a page, which stops after limit + 1 rows, and
 * for one order. At 100k orders, a workstation's filtered page takes 2 ms with probes and 15 ms
 * with a set; its unfiltered count 15 ms with a set and 450 ms with probes (SQLite).
 */
type ScopeForm = 'set' | 'probe';

/**
 * The ids of the units under a path, from the cached unit list. Bound as a list of values, the
 * planners see exactly which units they are: as a `path LIKE` subquery PostgreSQL re-scanned
 * the units table for every candidate order (17 ms for a workstation's page at 100k orders).
 */
export async function unitIdsUnder(db: Db, path: string): Promise<readonly string[]> {
  return (await listUnits(db, { scopePath: path })).map((u) => u.id);
}

/** What a filter's scope needs, resolved before its query is built. */
interface ScopeUnits {
  /** Unit ids under each path the filter names. */
  units: ReadonlyMap<string, readonly string[]>;
  /**
   * Whether the caller follows any order at all. Most staff follow none: then the follower
   * probe, one more index lookup per candidate order, is left out of the query.
   */
  followsAny: boolean;
}

async function scopeUnitsOf(db: Db, f: OrderListFilter): Promise<ScopeUnits> {
  const paths = [f.visibility.kind === 'units' ? f.visibility.unitPath : undefined, f.involvingPath];
  const units = new Map<string, readonly string[]>();
  for (const path of paths) if (path !== undefined) units.set(path, await unitIdsUnder(db, path));
  const followsAny = f.visibility.kind !== 'all' && (await followsAnyOrder(db, f.visibility.userId));
  return { units, followsAny };
}

async function followsAnyOrder(db: Db, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('order_followers')
    .select('order_followers.order_id')
    .where('order_followers.user_id', '=', userId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

function unitIn(eb: ExpressionBuilder<Database, 'order_units'>, unitIds: readonly string[]) {
  return unitIds.length > 0 ? eb('order_units.unit_id', 'in', [...unitIds]) : eb.lit(false);
}

/**
 * Orders that involved a unit under the path (located there, held by it, or with a sub-task for
 * it), as a set. The units are picked first and their orders found through order_units' unit
 * index: as a join, SQLite cannot tell how selective a bound LIKE is and scanned every
 * order_units row (150 ms at 100k orders for a community's list page, against 3 ms this way).
 */
export function involving(eb: Eb, unitIds: readonly string[]): Expression<SqlBool> {
  return eb(
    'orders.id',
    'in',
    eb
      .selectFrom('order_units')
      .select('order_units.order_id')
      .where((u) => unitIn(u, unitIds)),
  );
}

// Probes are scalar subqueries with LIMIT 1 rather than EXISTS: PostgreSQL turns a correlated
// EXISTS into a hashed set of every matching id (27,000 for a workstation at 100k orders), the
// set form again, while a scalar subquery it evaluates per row, as SQLite does either way.
function involvingProbe(eb: Eb, unitIds: readonly string[]): Expression<SqlBool> {
  return eb(
    eb
      .selectFrom('order_units')
      .select(eb.lit(1).as('one'))
      .whereRef('order_units.order_id', '=', 'orders.id')
      .where((u) => unitIn(u, unitIds))
      .limit(1),
    'is not',
    null,
  );
}

function followedBy(eb: Eb, userId: string, form: ScopeForm): Expression<SqlBool> {
  if (form === 'set') {
    const followers = eb
      .selectFrom('order_followers')
      .select('order_followers.order_id')
      .where('order_followers.user_id', '=', userId);
    return eb('orders.id', 'in', followers);
  }
  return eb(
    eb
      .selectFrom('order_followers')
      .select(eb.lit(1).as('one'))
      .whereRef('order_followers.order_id', '=', 'orders.id')
      .where('order_followers.user_id', '=', userId)
      .limit(1),
    'is not',
    null,
  );
}

function involvingIn(eb: Eb, unitIds: readonly string[], form: ScopeForm): Expression<SqlBool> {
  return form === 'set' ? involving(eb, unitIds) : involvingProbe(eb, unitIds);
}

function visible(eb: Eb, v: OrderVisibility, form: ScopeForm, scope: ScopeUnits): Expression<SqlBool> {
  if (v.kind === 'all') return eb.and([]);
  if (v.kind === 'followed') return scope.followsAny ? followedBy(eb, v.userId, form) : eb.lit(false);
  const involved = involvingIn(eb, scope.units.get(v.unitPath) ?? [], form);
  return scope.followsAny ? eb.or([involved, followedBy(eb, v.userId, form)]) : involved;
}

/** The light at `now` from the stored yellow/red instants: exact whether or not a job repainted the row. */
function lightIs(eb: Eb, light: TrafficLight, now: number): Expression<SqlBool> {
  if (light === 'red') return eb('orders.red_at', '<', now);
  if (light === 'yellow') return eb.and([eb('orders.red_at', '>=', now), eb('orders.yellow_at', '<=', now)]);
  return eb('orders.yellow_at', '>', now);
}

function conditions(eb: Eb, f: OrderListFilter, form: ScopeForm, scope: ScopeUnits): Expression<SqlBool>[] {
  const c: Expression<SqlBool>[] = [visible(eb, f.visibility, form, scope)];
  if (f.ids?.length) c.push(eb('orders.id', 'in', [...f.ids]));
  if (f.statuses?.length) c.push(eb('orders.status', 'in', [...f.statuses]));
  if (f.categoryIds?.length) c.push(eb('orders.category_id', 'in', [...f.categoryIds]));
  if (f.levels?.length) c.push(eb('orders.level', 'in', [...f.levels]));
  if (f.sources?.length) c.push(eb('orders.source', 'in', [...f.sources]));
  if (f.stages?.length) c.push(eb('orders.stage', 'in', [...f.stages]));
  if (f.involvingPath !== undefined) c.push(involvingIn(eb, scope.units.get(f.involvingPath) ?? [], form));
  if (f.responsibleUnitId) c.push(eb('orders.responsible_unit_id', '=', f.responsibleUnitId));
  if (f.responsibleUserId) c.push(eb('orders.responsible_user_id', '=', f.responsibleUserId));
  if (f.light) c.push(lightIs(eb, f.light, f.now));
  if (f.overdue === true) c.push(lightIs(eb, 'red', f.now));
  if (f.overdue === false) {
    c.push(eb.or([eb('orders.red_at', 'is', null), eb('orders.red_at', '>=', f.now)]));
  }
  if (f.createdFrom !== undefined) c.push(eb('orders.created_at', '>=', f.createdFrom));
  if (f.createdTo !== undefined) c.push(eb('orders.created_at', '<', f.createdTo));
  if (f.closedFrom !== undefined) c.push(eb('orders.closed_at', '>=', f.closedFrom));
  if (f.closedTo !== undefined) c.push(eb('orders.closed_at', '<', f.closedTo));
  if (f.bbox) {
    c.push(eb('orders.lat', '>=', f.bbox.minLat), eb('orders.lat', '<=', f.bbox.maxLat));
    c.push(eb('orders.lon', '>=', f.bbox.minLon), eb('orders.lon', '<=', f.bbox.maxLon));
  }
  if (f.text) c.push(eb('orders.search_text', 'like', `%${f.text}%`));
  return c;
}

function sortExpression(eb: Eb, key: OrderSortKey) {
  if (key === 'createdAt') return eb.ref('orders.created_at');
  if (key === 'updatedAt') return eb.ref('orders.updated_at');
  return eb.fn.coalesce('orders.deadline', eb.lit(NO_DEADLINE));
}

/** The sort value of a record, for the next page's cursor. */
export function sortValueOf(o: OrderRecord, key: OrderSortKey): number {
  if (key === 'createdAt') return o.createdAt;
  if (key === 'updatedAt') return o.updatedAt;
  return o.state.deadline ?? NO_DEADLINE;
}

/** One page of orders matching the filter, in the requested order; one extra row tells whether more follow. */
export async function listOrders(
  db: Db,
  filter: OrderListFilter,
  page: OrderPageRequest,
): Promise<{ items: OrderRecord[]; more: boolean }> {
  const direction = page.descending ? 'desc' : 'asc';
  const scope = await scopeUnitsOf(db, filter);
  const rows = await db
    .selectFrom('orders')
    .selectAll('orders')
    .where((eb) => eb.and(conditions(eb, filter, 'probe', scope)))
    .where((eb) => {
      if (!page.after) return eb.and([]);
      const { value, id } = page.after;
      const key = sortExpression(eb, page.sort);
      const op = page.descending ? '<' : '>';
      return eb.or([eb(key, op, value), eb.and([eb(key, '=', value), eb('orders.id', op, id)])]);
    })
    .orderBy((eb) => sortExpression(eb, page.sort), direction)
    .orderBy('orders.id', direction)
    .limit(page.limit + 1)
    .execute();
  const more = rows.length > page.limit;
  return { items: rows.slice(0, page.limit).map(toOrder), more };
}

/**
 * Whether an indexed, selective filter (ids, category, responsible unit or person, a map box)
 * leaves few candidate rows, so that probing each for scope beats collecting the scope's set.
 */
function narrowed(f: OrderListFilter): boolean {
  return Boolean(
    f.ids?.length || f.categoryIds?.length || f.responsibleUnitId || f.responsibleUserId || f.bbox,
  );
}

/** How many orders match the filter. */
export async function countOrders(db: Db, filter: OrderListFilter): Promise<number> {
  const form: ScopeForm = narrowed(filter) ? 'probe' : 'set';
  const scope = await scopeUnitsOf(db, filter);
  const row = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => eb.and(conditions(eb, filter, form, scope)))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the order exists and the visibility lets its holder see it. */
export async function isOrderVisible(db: Db, id: string, visibility: OrderVisibility): Promise<boolean> {
  return (await countOrders(db, { visibility, now: 0, ids: [id] })) === 1;
}

/** Whether the database holds exactly one root unit (one subdistrict), so its staff see every order. */
export function hasSingleRoot(db: Db): Promise<boolean> {
  return cachedRead(db, 'units', 'single-root', async () => {
    const row = await db
      .selectFrom('units')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n) === 1;
  });
}

/** The ids of every order involving a unit under the path (for indicators), oldest first. */
export async function listOrderIdsInvolving(db: Db, path: string): Promise<string[]> {
  const unitIds = await unitIdsUnder(db, path);
  const rows = await db
    .selectFrom('orders')
    .select('orders.id')
    .where((eb) => involving(eb, unitIds))
    .orderBy('orders.created_at')
    .execute();
  return rows.map((r) => r.id);
}
