import type { OrderHistory } from '../domain/workorder/indicators.ts';
import type { JsonObject, OrderEvent } from '../domain/workorder/model.ts';
import {
  ROLLUP_COUNTERS,
  type RollupCounters,
  type RollupRow,
  zeroCounters,
} from '../domain/workorder/rollup.ts';
import type { OrderStatus } from '../domain/workorder/states.ts';
import { executeCompiled } from './compiled.ts';
import type { Db } from './database.ts';
import { parseJson } from './dialect/json.ts';
import { rollupSumsReaderOf } from './dialect/rollup-sums.ts';
import type { OrderRollupTable } from './schema.ts';

/** Batches of up to this many rows (or ids) use SQL text compiled once per count. */
const COMPILED_ROWS = 16;

type CounterColumn = Exclude<keyof OrderRollupTable, 'unit_path' | 'day' | 'as_of_day'>;

/** The column of each counter. */
const COLUMN: Record<keyof RollupCounters, CounterColumn> = {
  registered: 'registered',
  closed: 'closed',
  due: 'due',
  closedOnTime: 'closed_on_time',
  verifications: 'verifications',
  reworks: 'reworks',
  responseCount: 'response_count',
  responseMs: 'response_ms',
  handlingCount: 'handling_count',
  handlingMs: 'handling_ms',
  visited: 'visited',
  satisfied: 'satisfied',
  solved: 'solved',
};

/** A rollup row of one unit path. */
export interface KeyedRollupRow extends RollupRow {
  unitPath: string;
}

/**
 * Adds rows to the rollups (each counter added to the stored one). Rows with the same key are
 * summed first (one statement may not touch a row twice) and written in key order, so that
 * concurrent transactions lock shared rows in the same order.
 */
export async function addRollups(db: Db, rows: readonly KeyedRollupRow[]): Promise<void> {
  const byKey = new Map<string, KeyedRollupRow>();
  for (const r of rows) {
    const key = `${r.unitPath}|${r.day}|${r.asOfDay}`;
    const known = byKey.get(key);
    if (!known) byKey.set(key, r);
    else {
      const counts = { ...known.counts };
      for (const k of ROLLUP_COUNTERS) counts[k] += r.counts[k];
      byKey.set(key, { ...known, counts });
    }
  }
  const sorted = [...byKey.values()].sort(
    (a, b) =>
      (a.unitPath < b.unitPath ? -1 : a.unitPath > b.unitPath ? 1 : 0) ||
      a.day - b.day ||
      a.asOfDay - b.asOfDay,
  );
  // 16 columns a row: 2,000 rows stay under SQLite's 32,766 bound parameters.
  for (let i = 0; i < sorted.length; i += 2000) {
    const values = sorted.slice(i, i + 2000).map((r) => {
      const row: Record<string, string | number> = {
        unit_path: r.unitPath,
        day: r.day,
        as_of_day: r.asOfDay,
      };
      for (const k of ROLLUP_COUNTERS) row[COLUMN[k]] = r.counts[k];
      return row as unknown as OrderRollupTable;
    });
    const build = () =>
      db
        .insertInto('order_rollups')
        .values(values)
        .onConflict((oc) =>
          oc
            .columns(['unit_path', 'day', 'as_of_day'])
            .doUpdateSet((eb) =>
              Object.fromEntries(
                ROLLUP_COUNTERS.map((k) => [
                  COLUMN[k],
                  eb(`order_rollups.${COLUMN[k]}`, '+', eb.ref(`excluded.${COLUMN[k]}`)),
                ]),
              ),
            ),
        );
    // An action adds a few rows (one per unit path and day): those texts are compiled once per
    // row count; a rebuild's large batches are built each time.
    if (values.length <= COMPILED_ROWS) {
      const parameters = values.flatMap((v) => Object.values(v) as unknown[]);
      await executeCompiled(db, `order_rollups.add:${values.length}`, parameters, build);
    } else await build().execute();
  }
}

/** Empties the rollups (before a rebuild). */
export async function clearRollups(db: Db): Promise<void> {
  await db.deleteFrom('order_rollups').execute();
}

/**
 * The counters of each unit path over facts dated in days [fromDay, toDay) as they stood at the
 * start of day `toDay` (changes made on earlier days only).
 */
export async function sumRollups(
  db: Db,
  q: { unitPaths: readonly string[]; fromDay: number; toDay: number },
): Promise<Map<string, RollupCounters>> {
  const sums = new Map<string, RollupCounters>(q.unitPaths.map((p) => [p, zeroCounters()]));
  if (q.unitPaths.length === 0 || q.fromDay >= q.toDay) return sums;
  const fast = rollupSumsReaderOf(db);
  const columns = ROLLUP_COUNTERS.map((k) => COLUMN[k]);
  for (let i = 0; i < q.unitPaths.length; i += 500) {
    const unitPaths = q.unitPaths.slice(i, i + 500);
    const rows = fast
      ? ((await fast(db, { ...q, unitPaths }, columns)) as { unit_path: string }[])
      : await db
          .selectFrom('order_rollups')
          .select((eb) => ['unit_path', ...columns.map((c) => eb.fn.sum<number>(c).as(c))])
          .where('unit_path', 'in', unitPaths)
          .where('day', '>=', q.fromDay)
          .where('day', '<', q.toDay)
          .where('as_of_day', '<', q.toDay)
          .groupBy('unit_path')
          .execute();
    for (const r of rows) {
      const c = sums.get(r.unit_path);
      if (!c) continue;
      const row = r as unknown as Record<CounterColumn, number | string | null>;
      for (const k of ROLLUP_COUNTERS) c[k] = Number(row[COLUMN[k]] ?? 0);
    }
  }
  return sums;
}

type TimelineEvent = OrderHistory['events'][number];

function timelineEvent(r: {
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  at: number;
  data: unknown;
}): TimelineEvent {
  return {
    seq: r.seq,
    // Rows are written only from domain events, hence the narrowing casts.
    action: r.action as OrderEvent['action'],
    fromState: r.from_state as OrderStatus | null,
    toState: r.to_state as OrderStatus,
    at: r.at,
    data: parseJson<JsonObject>(r.data) ?? {},
  };
}

/** An order's timeline before event `beforeSeq` and the paths of the units it involves (as recorded so far). */
export async function orderRollupInput(
  db: Db,
  orderId: string,
  beforeSeq: number,
): Promise<{ events: TimelineEvent[]; paths: string[] }> {
  const { rows } = await executeCompiled(db, 'order_events.timelineBefore', [orderId, beforeSeq], () =>
    db
      .selectFrom('order_events')
      .select(['seq', 'action', 'from_state', 'to_state', 'at', 'data'])
      .where('order_id', '=', orderId)
      .where('seq', '<', beforeSeq)
      .orderBy('seq'),
  );
  const { rows: paths } = await executeCompiled(db, 'order_units.pathsOfOrder', [orderId], () =>
    db
      .selectFrom('order_units')
      .innerJoin('units', 'units.id', 'order_units.unit_id')
      .select('units.path')
      .where('order_units.order_id', '=', orderId),
  );
  return { events: rows.map(timelineEvent), paths: paths.map((p) => p.path) };
}

/** The paths of units by id (unknown ids are skipped). */
export async function unitPathsOf(db: Db, unitIds: readonly string[]): Promise<string[]> {
  if (unitIds.length === 0) return [];
  const build = () => db.selectFrom('units').select('path').where('id', 'in', unitIds);
  // One text per count of ids, for the few an action brings.
  const { rows } =
    unitIds.length <= COMPILED_ROWS
      ? await executeCompiled(db, `units.paths:${unitIds.length}`, unitIds, build)
      : { rows: await build().execute() };
  return rows.map((r) => r.path);
}

/**
 * A page of orders (by id, after `afterId`) with their timelines and involved unit paths: what a
 * rebuild reads, through the (order_id, seq) and (order_id, unit_id) keys.
 */
export async function pageOrderTimelines(
  db: Db,
  afterId: string | null,
  limit: number,
): Promise<{ orderId: string; events: TimelineEvent[]; paths: string[] }[]> {
  let ids = db.selectFrom('orders').select('id').orderBy('id').limit(limit);
  if (afterId !== null) ids = ids.where('id', '>', afterId);
  const idRows = await ids.execute();
  if (idRows.length === 0) return [];
  const first = idRows[0]?.id ?? '';
  const last = idRows.at(-1)?.id ?? '';
  const pages = new Map(
    idRows.map((r) => [r.id, { orderId: r.id, events: [] as TimelineEvent[], paths: [] as string[] }]),
  );
  const events = await db
    .selectFrom('order_events')
    .select(['order_id', 'seq', 'action', 'from_state', 'to_state', 'at', 'data'])
    .where('order_id', '>=', first)
    .where('order_id', '<=', last)
    .execute();
  for (const e of events) pages.get(e.order_id)?.events.push(timelineEvent(e));
  const paths = await db
    .selectFrom('order_units')
    .innerJoin('units', 'units.id', 'order_units.unit_id')
    .select(['order_units.order_id', 'units.path'])
    .where('order_units.order_id', '>=', first)
    .where('order_units.order_id', '<=', last)
    .execute();
  for (const p of paths) pages.get(p.order_id)?.paths.push(p.path);
  return [...pages.values()];
}

/** Whether the rollups are empty while some order has moved past its report: a database from before them. */
export async function rollupsMissing(db: Db): Promise<boolean> {
  const rollup = await db.selectFrom('order_rollups').select('day').limit(1).executeTakeFirst();
  if (rollup) return false;
  const moved = await db
    .selectFrom('order_events')
    .select('seq')
    .where('seq', '>', 1)
    .limit(1)
    .executeTakeFirst();
  return moved !== undefined;
}

/**
 * The orders changed since `since` (updated_at) or with a deadline in [since, deadlineBefore),
 * with their timelines and involved unit paths: what the rollups' last, partial day needs. Two
 * index range reads (orders_updated, orders_deadline), then the timelines by key.
 */
export async function listTouchedTimelines(
  db: Db,
  since: number,
  deadlineBefore: number,
): Promise<{ orderId: string; events: TimelineEvent[]; paths: string[] }[]> {
  const [updated, due] = await Promise.all([
    db.selectFrom('orders').select('id').where('updated_at', '>=', since).execute(),
    db
      .selectFrom('orders')
      .select('id')
      .where('deadline', '>=', since)
      .where('deadline', '<', deadlineBefore)
      .execute(),
  ]);
  const ids = [...new Set([...updated, ...due].map((r) => r.id))];
  const byOrder = new Map(
    ids.map((id) => [id, { orderId: id, events: [] as TimelineEvent[], paths: [] as string[] }]),
  );
  // Bounded IN lists: PostgreSQL and SQLite both cap the number of bound parameters.
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const events = await db
      .selectFrom('order_events')
      .select(['order_id', 'seq', 'action', 'from_state', 'to_state', 'at', 'data'])
      .where('order_id', 'in', chunk)
      .execute();
    for (const e of events) byOrder.get(e.order_id)?.events.push(timelineEvent(e));
    const paths = await db
      .selectFrom('order_units')
      .innerJoin('units', 'units.id', 'order_units.unit_id')
      .select(['order_units.order_id', 'units.path'])
      .where('order_units.order_id', 'in', chunk)
      .execute();
    for (const p of paths) byOrder.get(p.order_id)?.paths.push(p.path);
  }
  return [...byOrder.values()];
}

/** Whether some order was changed at or after `at` (orders_updated): an event later than a read's instant. */
export async function ordersChangedSince(db: Db, at: number): Promise<boolean> {
  const row = await db
    .selectFrom('orders')
    .select('id')
    .where('updated_at', '>=', at)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The orders with a deadline in [from, to) that are not voided or merged, with their status and
 * involved unit paths: one range read of orders_deadline joined to their units, no timelines.
 */
export async function listDueBetween(
  db: Db,
  from: number,
  to: number,
): Promise<{ orderId: string; status: string; paths: string[] }[]> {
  const rows = await db
    .selectFrom('orders')
    .innerJoin('order_units', 'order_units.order_id', 'orders.id')
    .innerJoin('units', 'units.id', 'order_units.unit_id')
    .select(['orders.id', 'orders.status', 'units.path'])
    .where('orders.deadline', '>=', from)
    .where('orders.deadline', '<', to)
    .where('orders.status', 'not in', ['voided', 'merged'])
    .execute();
  const byOrder = new Map<string, { orderId: string; status: string; paths: string[] }>();
  for (const r of rows) {
    const o = byOrder.get(r.id);
    if (o) o.paths.push(r.path);
    else byOrder.set(r.id, { orderId: r.id, status: r.status, paths: [r.path] });
  }
  return [...byOrder.values()];
}
