import type { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import { CalendarError } from '../../domain/calendar/errors.ts';
import type { OrderError } from '../../domain/workorder/errors.ts';
import type { OrderEvent, OrderState } from '../../domain/workorder/model.ts';
import { lightTimes, orderLight, returnVisitDueAt } from '../../domain/workorder/overdue.ts';
import { DomainError, fail } from '../../errors/catalogue.ts';
import type { Db } from '../../store/database.ts';
import { insertOrderEvent } from '../../store/order-events.repository.ts';
import { addOrderUnits } from '../../store/order-links.repository.ts';
import { type OrderTiming, updateOrderState } from '../../store/orders.repository.ts';
import { recordOrderRollups } from '../rollups/index.ts';

/** A refusal of the state machine as the catalogue error it names (every code is in the catalogue). */
export function domainFailure(error: OrderError): DomainError {
  return new DomainError(error.code, error.message, error.details);
}

/** The time-limit columns of a state at `now`. */
export function timingOf(state: OrderState, now: number, calendar: WorkingCalendar): OrderTiming {
  try {
    const times = lightTimes(state, { calendar });
    const light = orderLight(state, now, { calendar });
    return {
      yellowAt: times?.yellowAt ?? null,
      redAt: times?.redAt ?? null,
      light,
      overdue: light === 'red',
      visitDueAt: returnVisitDueAt(state, { calendar }),
    };
  } catch (error) {
    // A calendar that cannot count the span is a configuration problem to report, not a crash.
    if (error instanceof CalendarError) fail(error.code, error.message);
    throw error;
  }
}

/**
 * The units a state involves by itself: the one responsible, each sub-task's, and each unit
 * consulted (征询), which must read the order to answer.
 */
function unitsOf(state: OrderState): (string | null)[] {
  return [
    state.responsibleUnitId,
    ...state.subTasks.map((s) => s.unitId),
    ...state.consultations.map((c) => c.unitId),
  ];
}

/**
 * Writes one transition inside the caller's transaction: the new state, only if the order is
 * still at the version `read` (the state the transition started from) has, then its event and
 * the units it now involves. A lost race is a VERSION_CONFLICT and, the transaction rolling
 * back, leaves no trace. `linked`: units the caller knows order_units already holds (the order's
 * grid and community, linked when it was reported), so that giving it to its community writes
 * no link again.
 */
export async function commitTransition(
  trx: Db,
  read: OrderState,
  next: { order: OrderState; event: OrderEvent },
  now: number,
  calendar: WorkingCalendar,
  linked: readonly (string | null)[] = [],
): Promise<void> {
  const { order, event } = next;
  const written = await updateOrderState(trx, read, order, timingOf(order, now, calendar), now);
  if (!written) {
    fail(
      'VERSION_CONFLICT',
      `Order ${order.id} was changed by someone else meanwhile: reload it and try again`,
      { readVersion: read.version },
    );
  }
  await insertOrderEvent(trx, event);
  // order_units already holds every unit of the state read (each write of a state added its
  // units): only units new to the order need a row, which most transitions do not bring.
  const involvedBefore = new Set([...unitsOf(read), ...linked]);
  const added = unitsOf(order).filter((id) => !involvedBefore.has(id));
  // The indicators' daily rollups change with the event, in its transaction (before the new units are linked).
  await recordOrderRollups(trx, order.id, event, added, calendar);
  await addOrderUnits(trx, order.id, added);
}
