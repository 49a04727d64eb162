import type { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import { localDayIndex } from '../../domain/calendar/local-day.ts';
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
import { listTouchedTimelines, sumRollups } from '../../store/order-rollups.repository.ts';

/**
 * The indicators of each unit path over a period, from the rollups: exactly what
 * computeIndicators gives on the period's timelines. The rollups hold the facts as they stood at
 * the last local midnight B at or before the period's end (min(to, now + 1 ms)); the orders
 * touched since B, or with a deadline between B and the end, are read and their change since B
 * added. Null when the period does not start at a local midnight (the caller scans the orders
 * instead).
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
