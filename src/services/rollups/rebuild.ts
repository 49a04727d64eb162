import type { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import type { OrderHistory } from '../../domain/workorder/indicators.ts';
import { orderRollupRows, type RollupCounters, rollupKeysOf } from '../../domain/workorder/rollup.ts';
import type { Db } from '../../store/database.ts';
import {
  addRollups,
  clearRollups,
  type KeyedRollupRow,
  pageOrderTimelines,
  rollupsMissing,
} from '../../store/order-rollups.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { workingCalendar } from '../calendar/index.ts';
import type { ServiceContext } from '../context.ts';

/** Rows summed in memory before they are written: bounds the rebuild's memory. */
const FLUSH_AT = 100_000;
const PAGE = 5_000;

/** Sums rows by key into `into`. */
function accumulate(into: Map<string, KeyedRollupRow>, rows: readonly KeyedRollupRow[]) {
  for (const r of rows) {
    const key = `${r.unitPath}|${r.day}|${r.asOfDay}`;
    const known = into.get(key);
    if (!known) into.set(key, { ...r, counts: { ...r.counts } });
    else for (const k of Object.keys(r.counts) as (keyof RollupCounters)[]) known.counts[k] += r.counts[k];
  }
}

/** The rollup rows of some orders' whole timelines, for every unit path each counts for. */
export function rollupRowsOfOrders(
  orders: readonly { events: OrderHistory['events']; paths: readonly string[] }[],
  calendar: WorkingCalendar,
): KeyedRollupRow[] {
  const sums = new Map<string, KeyedRollupRow>();
  for (const o of orders) {
    const rows = orderRollupRows(o.events, calendar);
    if (rows.length === 0) continue;
    for (const unitPath of rollupKeysOf(o.paths))
      accumulate(
        sums,
        rows.map((r) => ({ ...r, unitPath })),
      );
  }
  return [...sums.values()];
}

/**
 * Recomputes every rollup from the order events, in one transaction (`npm run rollups:rebuild`):
 * after the working calendar or the unit tree changed, or to check the maintained ones.
 */
export async function rebuildOrderRollups(
  ctx: ServiceContext,
  onPage?: (ordersDone: number) => void,
): Promise<{ orders: number }> {
  const calendar = await workingCalendar(ctx);
  return writeTransaction(ctx.db, [], async (trx) => {
    await clearRollups(trx);
    const pending = new Map<string, KeyedRollupRow>();
    let afterId: string | null = null;
    let done = 0;
    for (;;) {
      const page = await pageOrderTimelines(trx, afterId, PAGE);
      if (page.length === 0) break;
      accumulate(pending, rollupRowsOfOrders(page, calendar));
      if (pending.size >= FLUSH_AT) {
        await addRollups(trx, [...pending.values()]);
        pending.clear();
      }
      done += page.length;
      afterId = page.at(-1)?.orderId ?? null;
      onPage?.(done);
    }
    await addRollups(trx, [...pending.values()]);
    return { orders: done };
  });
}

/** Adds orders written in bulk with their whole timelines (the demo's seed) to the rollups. */
export async function addBulkOrderRollups(
  db: Db,
  orders: readonly { events: OrderHistory['events']; unitIds: readonly string[] }[],
  units: readonly { id: string; path: string }[],
  calendar: WorkingCalendar,
): Promise<void> {
  const pathOf = new Map(units.map((u) => [u.id, u.path]));
  const withPaths = orders.map((o) => ({
    events: o.events,
    paths: o.unitIds.flatMap((id) => pathOf.get(id) ?? []),
  }));
  await addRollups(db, rollupRowsOfOrders(withPaths, calendar));
}

/** Builds the rollups of a database whose orders predate them (at start-up); null when there was nothing to do. */
export async function ensureOrderRollups(ctx: ServiceContext): Promise<{ orders: number } | null> {
  if (!(await rollupsMissing(ctx.db))) return null;
  return rebuildOrderRollups(ctx);
}
