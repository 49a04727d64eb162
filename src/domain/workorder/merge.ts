import { type Failure, invalid, orderError } from './errors.ts';
import { isCentre } from './guards.ts';
import type { Actor, OrderEvent, OrderState } from './model.ts';
import type { OrderStatus } from './states.ts';

/** States an order can no longer absorb duplicates in: it was never a case, or is one itself. */
const CANNOT_ABSORB: readonly OrderStatus[] = ['rejected', 'voided', 'merged'];

/**
 * The surviving side of a merge (合并). The duplicate closes through the `merge` action; the
 * survivor's flow state is untouched, but its followers change (the duplicate's reporter now
 * follows it), and nothing about an order changes without an event: hence version + 1.
 */
export function absorbDuplicate(
  order: OrderState,
  duplicateId: string,
  actor: Actor,
  now: number,
): { ok: true; order: OrderState; event: OrderEvent } | Failure {
  if (!isCentre(actor)) {
    return orderError('FORBIDDEN', `A ${actor.role} may not merge orders: that is for admin, operator`);
  }
  if (duplicateId === order.id) return invalid('An order cannot be merged into itself');
  if (order.status === 'closed') {
    // Swallowed by a closed order, the report would get no handling and no visit of its own.
    return orderError(
      'MERGE_TARGET_CLOSED',
      'Cannot merge into a closed order: reopen it (重办) first if the problem is back, or register this report as a case of its own',
      { state: order.status },
    );
  }
  if (CANNOT_ABSORB.includes(order.status)) {
    return orderError(
      'TRANSITION_NOT_ALLOWED',
      `Cannot merge into an order that is ${order.status}: pick an order that is still a case`,
      { state: order.status },
    );
  }
  const next: OrderState = { ...order, version: order.version + 1 };
  const event: OrderEvent = {
    orderId: order.id,
    seq: next.version,
    action: 'absorb',
    fromState: order.status,
    toState: order.status,
    actor: { ...actor },
    at: now,
    note: null,
    photos: [],
    data: { fromOrderId: duplicateId },
  };
  return { ok: true, order: next, event };
}
