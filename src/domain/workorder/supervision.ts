import { addWorkingMs, workingMsBetween } from '../calendar/working-time.ts';
import { type Failure, orderError } from './errors.ts';
import { futureInstant, handlerCheck, requireText } from './guards.ts';
import type { JsonObject, OrderState, ParkRequest } from './model.ts';
import type { ActionSpecs } from './spec.ts';

function pendingParkRequest(order: OrderState): ParkRequest | Failure {
  return order.parkRequest ?? orderError('NO_PARK_REQUEST', 'There is no pending request to park this order');
}

/**
 * Supervision (督办) and the long-term list (挂账): the centre parks an order by itself, or the
 * holding unit asks to park it while it waits on someone outside and the centre decides.
 */
export const SUPERVISION_SPECS: ActionSpecs<
  'supervise' | 'park' | 'resume' | 'requestPark' | 'approvePark' | 'denyPark'
> = {
  supervise: {
    apply: (order, _action, actor, now) => {
      const auto = actor.role === 'system';
      const count = (order.supervision?.count ?? 0) + 1;
      const autoForDeadline = auto ? order.deadline : (order.supervision?.autoForDeadline ?? null);
      return {
        ok: true,
        order: { ...order, supervision: { count, lastAt: now, autoForDeadline } },
        data: { auto, count },
      };
    },
  },
  park: {
    apply: (order, action, _actor, now) =>
      requireText(action.reason, 'the reason for parking the order on the long-term list (挂账)') ?? {
        ok: true,
        order: {
          ...order,
          parked: { at: now, reason: action.reason.trim(), until: null },
          parkRequest: null,
        },
      },
  },
  requestPark: {
    check: (order, actor) =>
      handlerCheck(order, actor) ??
      (order.parkRequest === null
        ? undefined
        : orderError(
            'PARK_REQUEST_PENDING',
            'A request to park this order is already waiting for the centre',
          )),
    apply: (order, action, actor, now) => {
      const bad =
        requireText(action.reason, 'the reason: who or what the order waits for') ??
        futureInstant(action.until, now, 'until (when the wait should be over)');
      if (bad) return bad;
      const request: ParkRequest = {
        reason: action.reason.trim(),
        until: action.until,
        requestedBy: actor.userId,
        requestedAt: now,
      };
      return { ok: true, order: { ...order, parkRequest: request }, data: { until: action.until } };
    },
  },
  approvePark: {
    check: (order) => {
      const pending = pendingParkRequest(order);
      return 'ok' in pending ? pending : undefined;
    },
    apply: (order, _action, _actor, now) => {
      const request = pendingParkRequest(order);
      if ('ok' in request) return request;
      // From now on the clock stops, as with park: resume gives the deadline back the time it had left.
      return {
        ok: true,
        order: {
          ...order,
          parked: { at: now, reason: request.reason, until: request.until },
          parkRequest: null,
        },
        data: { requestedBy: request.requestedBy, until: request.until },
      };
    },
  },
  denyPark: {
    check: (order) => {
      const pending = pendingParkRequest(order);
      return 'ok' in pending ? pending : undefined;
    },
    apply: (order, action) => {
      const request = pendingParkRequest(order);
      if ('ok' in request) return request;
      return (
        requireText(action.reason, 'the reason for denying the request to park') ?? {
          ok: true,
          order: { ...order, parkRequest: null },
          data: { requestedBy: request.requestedBy },
        }
      );
    },
  },
  resume: {
    apply: (order, _action, _actor, now, ctx) => {
      const since = order.parked?.at ?? now;
      // The clock stops while parked: each deadline gets back the working time it had left
      // when parked. A deadline already past when parked stays where it was.
      const shift = (deadline: number) =>
        deadline > since
          ? addWorkingMs(ctx.calendar, now, workingMsBetween(ctx.calendar, since, deadline))
          : deadline;
      const data: JsonObject = { parkedSince: since };
      let next: OrderState = { ...order, parked: null };
      if (order.deadline !== null) {
        next = { ...next, deadline: shift(order.deadline) };
        data.deadline = next.deadline;
      }
      next = {
        ...next,
        subTasks: order.subTasks.map((s) =>
          s.status === 'dispatched' || s.status === 'signed' ? { ...s, deadline: shift(s.deadline) } : s,
        ),
      };
      return { ok: true, order: next, data };
    },
  },
};
