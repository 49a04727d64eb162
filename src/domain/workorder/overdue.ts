import type { TrafficLight } from '../calendar/time-limit.ts';
import { trafficLight, workingMsPerDay } from '../calendar/time-limit.ts';
import { addWorkingMs, workingMsBetween } from '../calendar/working-time.ts';
import { type ActionResult, applyAction } from './apply.ts';
import { type OrderContext, orderContext } from './context.ts';
import type { Actor, OrderState } from './model.ts';
import { IN_HAND_STATUSES } from './states.ts';

/** The actor the time-limit scheduler acts as. */
export const SYSTEM_ACTOR: Actor = { userId: 'system', role: 'system', unitId: null };

/** Whether the order's time limit is running: in a unit's hands, not parked, with a deadline. */
function clockRuns(order: OrderState): order is OrderState & { deadline: number; dispatchedAt: number } {
  return (
    IN_HAND_STATUSES.includes(order.status) &&
    order.parked === null &&
    order.deadline !== null &&
    order.dispatchedAt !== null
  );
}

/** The order's traffic light now, or null when no time limit is running (not dispatched yet, handled, parked...). */
export function orderLight(
  order: OrderState,
  now: number,
  ctx: Partial<OrderContext> = {},
): TrafficLight | null {
  if (!clockRuns(order)) return null;
  return trafficLight(orderContext(ctx).calendar, order.dispatchedAt, order.deadline, now);
}

/**
 * The instants at which the order's light turns yellow (from yellowAt on) and red (strictly
 * after redAt), or null when no time limit runs. Stored beside the order, they let a list
 * filter by light at any moment without a job having repainted it, with the same answer as
 * orderLight: yellow starts when 80 % of the allowed working time is used.
 */
export function lightTimes(
  order: OrderState,
  ctx: Partial<OrderContext> = {},
): { yellowAt: number; redAt: number } | null {
  if (!clockRuns(order)) return null;
  const { calendar } = orderContext(ctx);
  const allowed = workingMsBetween(calendar, order.dispatchedAt, order.deadline);
  // used × 5 ≥ allowed × 4 on whole milliseconds is used ≥ ceil(allowed × 4 / 5).
  const threshold = Math.ceil((allowed * 4) / 5);
  // No working time allowed at all: trafficLight shows yellow from the start, so from any instant.
  const yellowAt = threshold <= 0 ? 0 : addWorkingMs(calendar, order.dispatchedAt, threshold);
  return { yellowAt, redAt: order.deadline };
}

/**
 * Whether the scheduler should raise automatic supervision (督办) now: the order is overdue in
 * a unit's hands and was not yet auto-supervised for its current deadline, so an extended
 * deadline that passes again raises it again, but a job running every minute raises it once.
 */
export function needsAutoSupervision(order: OrderState, now: number): boolean {
  return clockRuns(order) && now > order.deadline && order.supervision?.autoForDeadline !== order.deadline;
}

/** The automatic supervision as an action result, or null when none is due. */
export function autoSupervise(
  order: OrderState,
  now: number,
  ctx: Partial<OrderContext> = {},
): ActionResult | null {
  if (!needsAutoSupervision(order, now)) return null;
  return applyAction(
    order,
    { type: 'supervise', note: 'overdue: automatic supervision' },
    SYSTEM_ACTOR,
    now,
    ctx,
  );
}

/**
 * Whether the scheduler should resume a parked order now: the centre approved a wait until a
 * date (申请挂账 with `until`) and that date has come. A centre's own park has no date and waits
 * for someone to resume it.
 */
export function parkWaitOver(order: OrderState, now: number): boolean {
  return order.parked !== null && order.parked.until !== null && now >= order.parked.until;
}

/**
 * The automatic resumption of an order parked until a date, as an action result: the deadline
 * gets back the working time it had left when parked, as with a resume by hand. Null when not due.
 */
export function autoResume(
  order: OrderState,
  now: number,
  ctx: Partial<OrderContext> = {},
): ActionResult | null {
  if (!parkWaitOver(order, now)) return null;
  return applyAction(order, { type: 'resume', note: 'the approved wait is over' }, SYSTEM_ACTOR, now, ctx);
}

/**
 * When a closed order without a return visit (回访) is due to be reminded to the centre: one
 * working day of working time after it was closed (closed on Friday at 15:00, due on Monday at
 * 15:00). Null when no visit is owed: not closed, visited already, or fixed on the spot by the
 * grid worker who reported it (自处理), whom nobody needs to call back.
 */
export function returnVisitDueAt(order: OrderState, ctx: Partial<OrderContext> = {}): number | null {
  if (order.status !== 'closed' || order.returnVisit !== null || order.closedAt === null) return null;
  if (order.resolution !== 'handled') return null;
  const { calendar } = orderContext(ctx);
  return addWorkingMs(calendar, order.closedAt, workingMsPerDay(calendar));
}
