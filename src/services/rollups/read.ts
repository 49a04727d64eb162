import type { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import { DAY_MS, localDayIndex } from '../../domain/calendar/local-day.ts';
import type { Indicators, Period } from '../../domain/workorder/indicators.ts';
import {
  addCounters,
  countFacts,
  indicatorsOf,
  localMidnight,
  orderFacts,
  rollupKeysOf,
} from '../../domain/workorder/rollup.ts';
import type { Db } from '../../store/database.ts';
import {
  listDueBetween,
  listTouchedTimelines,
  ordersChangedSince,
  sumRollups,
} from '../../store/order-rollups.repository.ts';

/**
 * The indicators of each unit path over a period, from the rollups: exactly what
 * computeIndicators gives on the period's timelines. Null when the period does not start at a
 * local midnight (the caller scans the orders instead).
 *
 * A period that ends after the last change to any order (to omitted: now) reads the rows of its
 * last day too (todayRolled). Otherwise the rollups hold the facts as they stood at the last local midnight B at or before
 * the period's end; the orders touched since B, or with a deadline between B and the end, are
 * read and their change since B added.
 */
export async function rolledIndicators(
  db: Db,
  q: {
    unitPaths: readonly string[];
    period: Period;
    now: number;
    calendar: WorkingCalendar;
  },
): Promise<Map<string, Indicators> | null> {
  const offset = q.calendar.utcOffsetMs;
  const { from, to } = q.period;
  if (localMidnight(offset, from) !== from) return null;
  const cut = Math.max(from, Math.min(to, q.now + 1));
  const midnight = Math.max(from, localMidnight(offset, cut));
  const today = cut > midnight ? await todayRolled(db, q, cut, midnight) : null;
  if (today) return today;
  const sums = await sumRollups(db, {
    unitPaths: q.unitPaths,
    fromDay: localDayIndex(offset, from),
    toDay: localDayIndex(offset, midnight),
  });
  if (cut > midnight) {
    for (const o of await listTouchedTimelines(db, midnight, cut)) {
      const keys = [...rollupKeysOf(o.paths)].filter((k) => sums.has(k));
      if (keys.length === 0) continue;
      const factsBefore = (end: number) =>
        orderFacts(
          o.events.filter((e) => e.at < end),
          q.calendar,
        );
      const change = addCounters(
        countFacts(factsBefore(cut), from, cut),
        countFacts(factsBefore(midnight), from, midnight),
        -1,
      );
      for (const k of keys) {
        const sum = sums.get(k);
        if (sum) addCounters(sum, change);
      }
    }
  }
  return new Map([...sums].map(([path, c]) => [path, indicatorsOf(c)]));
}

/**
 * The period [from, cut) from the rollups including the rows of cut's day, when no order changed
 * at or after cut (the usual case: cut is now). Those rows are complete: each event is written
 * at its own instant in the same transaction as its rollup change (commitTransition), so the rows
 * of all days as of every day are the facts as they stand after the last change, before cut. The
 * one kind of fact dated later than its event is a deadline (an order's due fact is dated at its
 * deadline): those dated in the rest of cut's day sit in that day's rows and are taken back out,
 * from the orders due before the next midnight (orders_deadline, no timelines; as their closing
 * was before cut, such an order is closed on time exactly when it is closed now). Null when some
 * order changed at or after cut (a period ending earlier today, a clock behind the writers'):
 * that change is in the rows and cannot be told apart, so the caller reads the touched orders.
 */
async function todayRolled(
  db: Db,
  q: { unitPaths: readonly string[]; period: Period; calendar: WorkingCalendar },
  cut: number,
  midnight: number,
): Promise<Map<string, Indicators> | null> {
  if (await ordersChangedSince(db, cut)) return null;
  const offset = q.calendar.utcOffsetMs;
  const [sums, due] = await Promise.all([
    sumRollups(db, {
      unitPaths: q.unitPaths,
      fromDay: localDayIndex(offset, q.period.from),
      toDay: localDayIndex(offset, midnight) + 1,
    }),
    listDueBetween(db, cut, midnight + DAY_MS),
  ]);
  for (const o of due) {
    const later = { due: 1, closedOnTime: o.status === 'closed' ? 1 : 0 };
    for (const k of rollupKeysOf(o.paths)) {
      const sum = sums.get(k);
      if (sum) addCounters(sum, later, -1);
    }
  }
  return new Map([...sums].map(([path, c]) => [path, indicatorsOf(c)]));
}
