import type { WorkingCalendar } from '../calendar/calendar.ts';
import { DAY_MS, localDayIndex } from '../calendar/local-day.ts';
import { workingMsBetween } from '../calendar/working-time.ts';
import type { Indicators, OrderHistory } from './indicators.ts';
import type { OrderStatus } from './states.ts';

/**
 * Daily order rollups: the sums behind computeIndicators kept per day, so a month of indicators
 * reads a few hundred rows instead of a month of timelines.
 *
 * An order's contribution to the indicators of a period [from, cut) is a set of facts, each
 * counted when its instant `at` lies in the period: its registration (registered, and closed if
 * closed at `cut`), its deadline (due, closedOnTime), each verification, each timed sign and
 * feedback, each return visit; and nothing at all if it is voided or merged at `cut`. The facts
 * are a function of the timeline up to `cut`, so they change only at events. A rollup row holds,
 * for one unit path, the sum of the changes of the facts dated `day` made by events of `asOfDay`:
 * the facts as they stood at a midnight B are the rows with asOfDay < day(B).
 */
export interface RollupCounters {
  registered: number;
  closed: number;
  due: number;
  closedOnTime: number;
  verifications: number;
  reworks: number;
  responseCount: number;
  responseMs: number;
  handlingCount: number;
  handlingMs: number;
  visited: number;
  satisfied: number;
  solved: number;
}

export const ROLLUP_COUNTERS = [
  'registered',
  'closed',
  'due',
  'closedOnTime',
  'verifications',
  'reworks',
  'responseCount',
  'responseMs',
  'handlingCount',
  'handlingMs',
  'visited',
  'satisfied',
  'solved',
] as const satisfies readonly (keyof RollupCounters)[];

/** All counters at zero. */
export function zeroCounters(): RollupCounters {
  return {
    registered: 0,
    closed: 0,
    due: 0,
    closedOnTime: 0,
    verifications: 0,
    reworks: 0,
    responseCount: 0,
    responseMs: 0,
    handlingCount: 0,
    handlingMs: 0,
    visited: 0,
    satisfied: 0,
    solved: 0,
  };
}

/** Adds `b` × sign into `a` (in place) and returns `a`. */
export function addCounters(a: RollupCounters, b: Partial<RollupCounters>, sign = 1): RollupCounters {
  for (const k of ROLLUP_COUNTERS) a[k] += sign * (b[k] ?? 0);
  return a;
}

/** Whether every counter is zero. */
export function isZero(c: RollupCounters): boolean {
  return ROLLUP_COUNTERS.every((k) => c[k] === 0);
}

/** One fact of an order: what it adds to the counters of a period holding `at`. */
export interface OrderFact {
  at: number;
  counts: Partial<RollupCounters>;
}

type Timeline = OrderHistory['events'];
const NOT_A_CASE: readonly OrderStatus[] = ['voided', 'merged'];

/**
 * The facts of one order given its timeline up to some instant (events in any order; they are
 * taken by seq): the same rules as computeIndicators, one fact per thing it counts.
 */
export function orderFacts(
  events: Timeline,
  calendar: WorkingCalendar,
  workingMs: (from: number, to: number) => number = (a, b) => workingMsBetween(calendar, a, b),
): OrderFact[] {
  const seen = [...events].sort((a, b) => a.seq - b.seq);
  const last = seen.at(-1);
  if (!last || NOT_A_CASE.includes(last.toState)) return [];
  const facts: OrderFact[] = [];
  const closedNow = last.toState === 'closed';
  const opened = seen.find((e) => e.action === 'register' || e.action === 'selfHandle');
  if (opened) facts.push({ at: opened.at, counts: { registered: 1, closed: closedNow ? 1 : 0 } });
  const deadline = seen.findLast((e) => 'deadline' in e.data)?.data.deadline;
  if (typeof deadline === 'number') {
    const closing = seen.findLast((e) => e.toState === 'closed' && e.fromState !== 'closed');
    const onTime = closedNow && closing !== undefined && closing.at <= deadline;
    facts.push({ at: deadline, counts: { due: 1, closedOnTime: onTime ? 1 : 0 } });
  }
  let dispatchedAt: number | null = null;
  let signedAt: number | null = null;
  for (const e of seen) {
    if (e.action === 'dispatch') dispatchedAt = e.at;
    if (e.action === 'sign') {
      if (dispatchedAt !== null) {
        const ms = workingMs(dispatchedAt, e.at);
        facts.push({ at: e.at, counts: { responseCount: 1, responseMs: ms } });
      }
      dispatchedAt = null;
      signedAt = e.at;
    }
    if (e.action === 'feedback' && signedAt !== null) {
      const ms = workingMs(signedAt, e.at);
      facts.push({ at: e.at, counts: { handlingCount: 1, handlingMs: ms } });
      signedAt = null;
    }
    if (e.action === 'verify') {
      facts.push({ at: e.at, counts: { verifications: 1, reworks: e.data.passed === false ? 1 : 0 } });
    }
    if (e.action === 'returnVisit') {
      const s = e.data.satisfaction;
      const satisfied = s === 'satisfied' || s === 'basicallySatisfied' ? 1 : 0;
      facts.push({ at: e.at, counts: { visited: 1, satisfied, solved: e.data.solved === true ? 1 : 0 } });
    }
  }
  return facts;
}

/** Sums the facts dated in [from, to). */
export function countFacts(facts: readonly OrderFact[], from: number, to: number): RollupCounters {
  const sum = zeroCounters();
  for (const f of facts) if (f.at >= from && f.at < to) addCounters(sum, f.counts);
  return sum;
}

/** One rollup row of a unit path: the change to the facts dated `day` made by events of `asOfDay`. */
export interface RollupRow {
  day: number;
  asOfDay: number;
  counts: RollupCounters;
}

/**
 * The rollup change one event makes: the facts after it less the facts before it, by the local
 * day of each fact, all as of the event's day. Facts unchanged cancel out; an empty list when
 * the event changes nothing that counts.
 */
export function rollupDelta(
  before: readonly OrderFact[],
  after: readonly OrderFact[],
  event: { at: number },
  utcOffsetMs: number,
): RollupRow[] {
  const asOfDay = localDayIndex(utcOffsetMs, event.at);
  const byDay = new Map<number, RollupCounters>();
  const add = (facts: readonly OrderFact[], sign: number) => {
    for (const f of facts) {
      const day = localDayIndex(utcOffsetMs, f.at);
      let c = byDay.get(day);
      if (!c) {
        c = zeroCounters();
        byDay.set(day, c);
      }
      addCounters(c, f.counts, sign);
    }
  };
  add(after, 1);
  add(before, -1);
  return [...byDay]
    .filter(([, counts]) => !isZero(counts))
    .map(([day, counts]) => ({ day, asOfDay, counts }));
}

/** Every rollup row an order's whole timeline made, event by event (a rebuild; a unit newly involved). */
export function orderRollupRows(events: Timeline, calendar: WorkingCalendar): RollupRow[] {
  const seen = [...events].sort((a, b) => a.seq - b.seq);
  const rows: RollupRow[] = [];
  let before: OrderFact[] = [];
  // Each prefix counts the same spans again: each is computed once.
  const spans = new Map<string, number>();
  const workingMs = (a: number, b: number) => {
    const key = `${a}:${b}`;
    let ms = spans.get(key);
    if (ms === undefined) {
      ms = workingMsBetween(calendar, a, b);
      spans.set(key, ms);
    }
    return ms;
  };
  seen.forEach((event, i) => {
    const after = orderFacts(seen.slice(0, i + 1), calendar, workingMs);
    rows.push(...rollupDelta(before, after, event, calendar.utcOffsetMs));
    before = after;
  });
  return rows;
}

/**
 * The rollup keys of an order: every path prefix ("/a/", "/a/b/", …) of each unit it involved,
 * once, so an order counts once for each unit it involved or whose subtree holds one it involved.
 */
export function rollupKeysOf(paths: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const path of paths) {
    for (let end = path.indexOf('/', 1); end > 0; end = path.indexOf('/', end + 1)) {
      keys.add(path.slice(0, end + 1));
    }
  }
  return keys;
}

/** The local midnight at or before `t`. */
export function localMidnight(utcOffsetMs: number, t: number): number {
  return Math.floor((t + utcOffsetMs) / DAY_MS) * DAY_MS - utcOffsetMs;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** The indicators from summed counters (the formulas of computeIndicators). */
export function indicatorsOf(c: RollupCounters): Indicators {
  return {
    registered: c.registered,
    closed: c.closed,
    closureRate: ratio(c.closed, c.registered),
    due: c.due,
    closedOnTime: c.closedOnTime,
    onTimeClosureRate: ratio(c.closedOnTime, c.due),
    overdueCount: c.due - c.closedOnTime,
    verifications: c.verifications,
    reworks: c.reworks,
    reworkRate: ratio(c.reworks, c.verifications),
    avgResponseMs: c.responseCount === 0 ? null : c.responseMs / c.responseCount,
    avgHandlingMs: c.handlingCount === 0 ? null : c.handlingMs / c.handlingCount,
    visited: c.visited,
    satisfied: c.satisfied,
    solved: c.solved,
    satisfactionRate: ratio(c.satisfied, c.visited),
    solvedRate: ratio(c.solved, c.visited),
  };
}
