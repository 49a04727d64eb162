import type { WorkingCalendar } from '../calendar/calendar.ts';
import { workingMsBetween } from '../calendar/working-time.ts';
import type { OrderEvent, OrderState } from './model.ts';
import type { OrderStatus } from './states.ts';

/**
 * One order with its timeline, the input of the indicators: only the parts they read, so that
 * a month of a subdistrict's orders can be loaded without their states, actors, notes and photos.
 */
export interface OrderHistory {
  order: Pick<OrderState, 'id'>;
  events: readonly Pick<OrderEvent, 'seq' | 'action' | 'fromState' | 'toState' | 'at' | 'data'>[];
}

/** A reporting period [from, to) in UTC ms. */
export interface Period {
  from: number;
  to: number;
}

/** The measures of DESIGN.md for one set of orders (the caller picks a unit's orders) and one period. */
export interface Indicators {
  registered: number;
  closed: number;
  /** 办结率 = closed ÷ registered. */
  closureRate: number | null;
  due: number;
  closedOnTime: number;
  /** 按期办结率 = closedOnTime ÷ due. */
  onTimeClosureRate: number | null;
  /** Due orders not closed by their deadline = due − closedOnTime. */
  overdueCount: number;
  verifications: number;
  reworks: number;
  /** 返工率 = reworks ÷ verifications. */
  reworkRate: number | null;
  /** Mean working time from dispatch to sign (响应时间), in ms. */
  avgResponseMs: number | null;
  /** Mean working time from sign to feedback (处置时间), in ms. */
  avgHandlingMs: number | null;
  visited: number;
  satisfied: number;
  solved: number;
  /** 满意率 = (satisfied + basicallySatisfied) ÷ visited. */
  satisfactionRate: number | null;
  /** Solved rate = solved ÷ visited: closed is not solved. */
  solvedRate: number | null;
}

const NOT_A_CASE: readonly OrderStatus[] = ['voided', 'merged'];

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Computes the indicators from timelines alone, as things stood at min(period.to, now), so a
 * past period gives the same numbers however often it is asked for. Three kinds of measure:
 *
 * - Cohort (registered, closed, closureRate): `registered` counts orders first registered in
 *   the period (立案, or closed on the spot by 自处理, which is a case raised and solved);
 *   `closed` counts those of them that are closed at the period's end. Orders voided or merged
 *   by then are not cases and count nowhere.
 * - Deadline (due, closedOnTime, onTimeClosureRate, overdueCount): `due` counts orders whose
 *   deadline (as last set by dispatch, approved extension or resume before the period's end)
 *   falls in the period and has passed; `closedOnTime` those closed at or before it.
 * - Flow, counted where the events happen in the period: `reworks` are failed verifications
 *   out of all `verifications`; response times pair each sign with the dispatch before it,
 *   handling times each sign with the first feedback after it, both in working time on the
 *   calendar; return visits give satisfaction and solved rates. Sub-tasks are not timed here.
 */
export function computeIndicators(
  histories: readonly OrderHistory[],
  period: Period,
  now: number,
  calendar: WorkingCalendar,
): Indicators {
  const inPeriod = (t: number) => t >= period.from && t < period.to && t <= now;
  const c = { registered: 0, closed: 0, due: 0, closedOnTime: 0, verifications: 0, reworks: 0 };
  const v = { visited: 0, satisfied: 0, solved: 0 };
  const response: number[] = [];
  const handling: number[] = [];
  for (const { events } of histories) {
    const seen = [...events].sort((a, b) => a.seq - b.seq).filter((e) => e.at < period.to && e.at <= now);
    const last = seen.at(-1);
    if (!last || NOT_A_CASE.includes(last.toState)) continue;
    const closedNow = last.toState === 'closed';
    const opened = seen.find((e) => e.action === 'register' || e.action === 'selfHandle');
    if (opened && inPeriod(opened.at)) {
      c.registered++;
      if (closedNow) c.closed++;
    }
    const deadlineEvent = seen.findLast((e) => 'deadline' in e.data);
    const deadline = deadlineEvent?.data.deadline;
    if (typeof deadline === 'number' && inPeriod(deadline)) {
      c.due++;
      const closing = seen.findLast((e) => e.toState === 'closed' && e.fromState !== 'closed');
      if (closedNow && closing && closing.at <= deadline) c.closedOnTime++;
    }
    let dispatchedAt: number | null = null;
    let signedAt: number | null = null;
    for (const e of seen) {
      if (e.action === 'dispatch') dispatchedAt = e.at;
      if (e.action === 'sign') {
        if (dispatchedAt !== null && inPeriod(e.at))
          response.push(workingMsBetween(calendar, dispatchedAt, e.at));
        dispatchedAt = null;
        signedAt = e.at;
      }
      if (e.action === 'feedback' && signedAt !== null) {
        if (inPeriod(e.at)) handling.push(workingMsBetween(calendar, signedAt, e.at));
        signedAt = null;
      }
      if (!inPeriod(e.at)) continue;
      if (e.action === 'verify') {
        c.verifications++;
        if (e.data.passed === false) c.reworks++;
      }
      if (e.action === 'returnVisit') {
        v.visited++;
        if (e.data.satisfaction === 'satisfied' || e.data.satisfaction === 'basicallySatisfied')
          v.satisfied++;
        if (e.data.solved === true) v.solved++;
      }
    }
  }
  return {
    ...c,
    closureRate: ratio(c.closed, c.registered),
    onTimeClosureRate: ratio(c.closedOnTime, c.due),
    overdueCount: c.due - c.closedOnTime,
    reworkRate: ratio(c.reworks, c.verifications),
    avgResponseMs: mean(response),
    avgHandlingMs: mean(handling),
    ...v,
    satisfactionRate: ratio(v.satisfied, v.visited),
    solvedRate: ratio(v.solved, v.visited),
  };
}
