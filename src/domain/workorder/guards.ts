import { type Failure, invalid, orderError } from './errors.ts';
import type { Actor, OrderState } from './model.ts';
import type { OrderLevel } from './states.ts';

/** Whether the actor speaks for the command centre. */
export function isCentre(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'operator';
}

/** The unit that runs the order: its holder before registration, the dispatcher after. */
export function runningUnitId(order: OrderState): string | null {
  return order.dispatcherUnitId ?? order.responsibleUnitId;
}

/**
 * Registering, dispatching, deciding extensions and closing belong to whoever runs the order:
 * the centre always, a community or workstation only while the order sits at its level and
 * in its own unit.
 */
export function runnerCheck(order: OrderState, actor: Actor): Failure | undefined {
  if (isCentre(actor)) return undefined;
  if (actor.role !== order.level) {
    return orderError(
      'FORBIDDEN',
      `This order is run at ${order.level} level: a ${actor.role} may not decide on it; ask the unit running it`,
      { level: order.level },
    );
  }
  if (actor.unitId !== runningUnitId(order)) {
    return orderError('OUT_OF_SCOPE', 'This order is run by another unit', { unitId: runningUnitId(order) });
  }
  return undefined;
}

/** The level an order is run at once this actor registers or dispatches it: the centre takes it over. */
export function levelRunBy(actor: Actor, current: OrderLevel): OrderLevel {
  return isCentre(actor) ? 'subdistrict' : current;
}

/** Handling actions belong to the responsible unit only. */
export function handlerCheck(order: OrderState, actor: Actor): Failure | undefined {
  if (actor.unitId !== null && actor.unitId === order.responsibleUnitId) return undefined;
  return orderError(
    'OUT_OF_SCOPE',
    'This order is with another unit: only the responsible unit may do this',
    {
      responsibleUnitId: order.responsibleUnitId,
    },
  );
}

/** A mandatory free-text field (reason for rejecting, returning, reopening...). */
export function requireText(value: unknown, what: string): Failure | undefined {
  return typeof value === 'string' && value.trim() !== '' ? undefined : invalid(`Give ${what}`);
}

/** Attachment ids must be non-empty strings; some actions need at least one photo. */
export function checkPhotos(photos: unknown, required: string | undefined): Failure | undefined {
  if (
    photos !== undefined &&
    (!Array.isArray(photos) || !photos.every((p) => typeof p === 'string' && p !== ''))
  ) {
    return invalid('photos must be a list of attachment ids');
  }
  if (required !== undefined && (photos === undefined || photos.length === 0)) return invalid(required);
  return undefined;
}

/** A time in ms after `now`, for deadlines. */
export function futureInstant(value: unknown, now: number, what: string): Failure | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > now
    ? undefined
    : invalid(`${what} must be a time after now`);
}
