import type { TrafficLight } from '../domain/calendar/time-limit.ts';
import type { OrderSource, Stage } from '../domain/workorder/dictionary.ts';
import {
  type JsonObject,
  type OrderFields,
  type OrderState,
  type Timestamps,
  upgradeState,
} from '../domain/workorder/model.ts';
import { executeCompiled } from './compiled.ts';
import type { Db } from './database.ts';
import { parseJson, toJson } from './dialect/json.ts';
import type { OrderTable } from './schema.ts';

/** A work order as the services see it: the domain's flow state plus what the service records around it. */
export interface OrderRecord extends OrderFields, Timestamps {
  state: OrderState;
}

/** The time-limit columns, computed by the service from the state and the clock at each write. */
export interface OrderTiming {
  yellowAt: number | null;
  redAt: number | null;
  light: TrafficLight | null;
  overdue: boolean;
  /** When a closed order still without a return visit is to be reminded to the centre (null: none owed). */
  visitDueAt: number | null;
}

/**
 * Each state read, with the row it was read from: an update then writes only the columns that
 * differ from that row, so SQLite rewrites only the indexes over them (an order has fourteen;
 * rewriting all of them at every action was most of an action's database time). The row is
 * still what is on disk when the update runs: the update is guarded by the version read, and
 * every other writer bumps the version, except the light repaint (light and overdue are
 * therefore always written).
 */
const rowsRead = new WeakMap<OrderState, OrderTable>();

/** Turns a row into a record; exported for the list queries. */
export function toOrder(r: OrderTable): OrderRecord {
  const stored = parseJson<OrderState>(r.state);
  if (!stored) throw new Error(`order ${r.id} has no state`);
  const state = upgradeState(stored);
  rowsRead.set(state, r);
  return {
    id: r.id,
    code: r.code,
    categoryId: r.category_id,
    stage: r.stage as Stage,
    source: r.source as OrderSource,
    description: r.description,
    address: r.address,
    lat: r.lat,
    lon: r.lon,
    gridId: r.grid_id,
    communityId: r.community_id,
    attributes: parseJson<JsonObject>(r.attributes),
    state,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The columns copied from the flow state and its timing, identical on insert and update. */
function stateColumns(state: OrderState, timing: OrderTiming) {
  return {
    status: state.status,
    level: state.level,
    reporter_user_id: state.reporterUserId,
    responsible_unit_id: state.responsibleUnitId,
    responsible_user_id: state.responsibleUserId,
    deadline: state.deadline,
    yellow_at: timing.yellowAt,
    red_at: timing.redAt,
    light: timing.light,
    overdue: timing.overdue ? 1 : 0,
    visit_due_at: timing.visitDueAt,
    auto_supervised_for: state.supervision?.autoForDeadline ?? null,
    parked: state.parked ? 1 : 0,
    park_until: state.parked?.until ?? null,
    merged_into_id: state.mergedIntoId,
    closed_at: state.closedAt,
    version: state.version,
    state: toJson(state) ?? '{}',
  };
}

/** The row of a new order. */
function orderRow(o: OrderRecord, timing: OrderTiming, searchText: string) {
  return {
    id: o.id,
    code: o.code,
    category_id: o.categoryId,
    stage: o.stage,
    source: o.source,
    description: o.description,
    address: o.address,
    lat: o.lat,
    lon: o.lon,
    grid_id: o.gridId,
    community_id: o.communityId,
    search_text: searchText,
    attributes: toJson(o.attributes),
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    ...stateColumns(o.state, timing),
  };
}

/** Stores a new order. */
export async function insertOrder(
  db: Db,
  o: OrderRecord,
  timing: OrderTiming,
  searchText: string,
): Promise<void> {
  const row = orderRow(o, timing, searchText);
  await executeCompiled(db, `orders.insert:${Object.keys(row).join(',')}`, Object.values(row), () =>
    db.insertInto('orders').values(row),
  );
}

/** Stores many new orders with multi-row inserts (imports, benchmarks): one statement per 500 rows. */
export async function insertOrders(
  db: Db,
  items: readonly { order: OrderRecord; timing: OrderTiming; searchText: string }[],
): Promise<void> {
  // 500 rows × 34 columns stays under SQLite's 32,766 bound parameters.
  for (let i = 0; i < items.length; i += 500) {
    const rows = items.slice(i, i + 500).map((x) => orderRow(x.order, x.timing, x.searchText));
    await db.insertInto('orders').values(rows).execute();
  }
}

/** Columns written at every update whatever the row read held (see rowsRead). */
const ALWAYS_WRITTEN = new Set(['light', 'overdue', 'version', 'state']);

/** The columns of `next` that differ from the row read (all of them when the row is unknown). */
function changedColumns(next: Record<string, unknown>, read: OrderTable | undefined) {
  if (!read) return next;
  const row = read as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(next).filter(([column, value]) => ALWAYS_WRITTEN.has(column) || row[column] !== value),
  );
}

/**
 * Writes the order's next state if it is still at the version of `read` (the state it was
 * derived from); false when another writer got there first. On PostgreSQL the loser waits for
 * the winner's row lock and then finds the version moved; on SQLite writers are serialised.
 * Either way exactly one wins.
 */
export async function updateOrderState(
  db: Db,
  read: OrderState,
  state: OrderState,
  timing: OrderTiming,
  now: number,
): Promise<boolean> {
  const columns = changedColumns({ ...stateColumns(state, timing), updated_at: now }, rowsRead.get(read));
  // One text per set of columns changed: a handful of shapes, each compiled once.
  const result = await executeCompiled(
    db,
    `orders.update:${Object.keys(columns).join(',')}`,
    [...Object.values(columns), state.id, read.version],
    () =>
      db.updateTable('orders').set(columns).where('id', '=', state.id).where('version', '=', read.version),
  );
  return Number(result.numAffectedRows) === 1;
}

/** One order by id, or undefined. */
export async function findOrder(db: Db, id: string): Promise<OrderRecord | undefined> {
  const { rows } = await executeCompiled(db, 'orders.byId', [id], () =>
    db.selectFrom('orders').selectAll().where('id', '=', id),
  );
  return rows[0] ? toOrder(rows[0]) : undefined;
}

/** Orders by id, in no particular order; unknown ids are left out. */
export async function findOrders(db: Db, ids: readonly string[]): Promise<OrderRecord[]> {
  const found: OrderRecord[] = [];
  // Bounded IN lists: both databases cap the number of bound parameters.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('orders')
      .selectAll()
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    found.push(...rows.map(toOrder));
  }
  return found;
}
