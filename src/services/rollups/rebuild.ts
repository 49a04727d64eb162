import type { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import type { OrderHistory } from '../../domain/workorder/indicators.ts';
import {
  orderRollupRows,
  ROLLUP_COUNTERS,
  rollupKeysOf,
  zeroCounters,
} from '../../domain/workorder/rollup.ts';
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

/**
 * Rollup rows summed in memory by the set of unit paths an order involves (orders share a few
 * thousand such sets at most), then by (day, as-of day), as plain arrays of counters: a rebuild
 * adds each order's rows once, not once per unit path it counts for.
 */
class RollupSums {
  private readonly bySet = new Map<string, { keys: Set<string>; rows: Map<number, number[]> }>();
  size = 0;

  /** Adds an order's whole timeline. */
  addOrder(o: { events: OrderHistory['events']; paths: readonly string[] }, calendar: WorkingCalendar): void {
    const rows = orderRollupRows(o.events, calendar);
    if (rows.length === 0) return;
    const setKey = [...o.paths].sort().join(' ');
    let set = this.bySet.get(setKey);
    if (!set) {
      set = { keys: rollupKeysOf(o.paths), rows: new Map() };
      this.bySet.set(setKey, set);
    }
    for (const r of rows) {
      // Day numbers stay far below 100,000 (year 2243).
      const key = r.day * 100_000 + r.asOfDay;
      let sums = set.rows.get(key);
      if (!sums) {
        sums = new Array<number>(ROLLUP_COUNTERS.length).fill(0);
        set.rows.set(key, sums);
        this.size += set.keys.size;
      }
      const into = sums;
      ROLLUP_COUNTERS.forEach((k, i) => {
        into[i] = (into[i] ?? 0) + r.counts[k];
      });
    }
  }

  /** The rows, one per (unit path, day, as-of day). */
  rows(): KeyedRollupRow[] {
    const byPath = new Map<string, Map<number, number[]>>();
    for (const { keys, rows } of this.bySet.values()) {
      for (const unitPath of keys) {
        let sums = byPath.get(unitPath);
        if (!sums) {
          sums = new Map();
          byPath.set(unitPath, sums);
        }
        for (const [key, counts] of rows) {
          const known = sums.get(key);
          if (!known) sums.set(key, [...counts]);
          else for (let i = 0; i < counts.length; i++) known[i] = (known[i] ?? 0) + (counts[i] ?? 0);
        }
      }
    }
    const out: KeyedRollupRow[] = [];
    for (const [unitPath, sums] of byPath) {
      for (const [key, values] of sums) {
        const day = Math.floor(key / 100_000);
        const counts = zeroCounters();
        ROLLUP_COUNTERS.forEach((k, i) => {
          counts[k] = values[i] ?? 0;
        });
        out.push({ unitPath, day, asOfDay: key - day * 100_000, counts });
      }
    }
    return out;
  }

  clear(): void {
    this.bySet.clear();
    this.size = 0;
  }
}

/** The rollup rows of some orders' whole timelines, for every unit path each counts for. */
export function rollupRowsOfOrders(
  orders: readonly { events: OrderHistory['events']; paths: readonly string[] }[],
  calendar: WorkingCalendar,
): KeyedRollupRow[] {
  const sums = new RollupSums();
  for (const o of orders) sums.addOrder(o, calendar);
  return sums.rows();
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
    const pending = new RollupSums();
    let afterId: string | null = null;
    let done = 0;
    for (;;) {
      const page = await pageOrderTimelines(trx, afterId, PAGE);
      if (page.length === 0) break;
      for (const o of page) pending.addOrder(o, calendar);
      if (pending.size >= FLUSH_AT) {
        await addRollups(trx, pending.rows());
        pending.clear();
      }
      done += page.length;
      afterId = page.at(-1)?.orderId ?? null;
      onPage?.(done);
    }
    await addRollups(trx, pending.rows());
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
