import { invalid, orderError } from './errors.ts';
import { checkPhotos, handlerCheck, levelRunBy, requireText, runnerCheck } from './guards.ts';
import type { ActionSpecs } from './spec.ts';
import { levelAbove, ORDER_LEVELS } from './states.ts';

/** Actions on a fresh report: accept, refuse, cancel, pass upwards, fix on the spot, merge. */
export const INTAKE_SPECS: ActionSpecs<'register' | 'reject' | 'void' | 'escalate' | 'selfHandle' | 'merge'> =
  {
    register: {
      check: runnerCheck,
      apply: (order, _action, actor) => ({
        ok: true,
        order: {
          ...order,
          level: levelRunBy(actor, order.level),
          dispatcherUnitId: actor.unitId,
          responsibleUnitId: actor.unitId,
          responsibleUserId: actor.userId,
        },
      }),
    },
    reject: {
      check: runnerCheck,
      apply: (order, action) =>
        requireText(action.reason, 'the reason for not registering (不予立案)') ?? { ok: true, order },
    },
    void: {
      check: runnerCheck,
      apply: (order, action) =>
        // A voided order leaves the long-term list too.
        requireText(action.reason, 'the reason for voiding (作废)') ?? {
          ok: true,
          order: { ...order, parked: null },
        },
    },
    escalate: {
      check: (order, actor) => {
        if (actor.role !== order.level) {
          return orderError(
            'FORBIDDEN',
            `This order is at ${order.level} level: only the ${order.level} escalates it`,
            {
              level: order.level,
            },
          );
        }
        return handlerCheck(order, actor);
      },
      apply: (order, action) => {
        const above = levelAbove(order.level);
        if (above === undefined) return invalid('The subdistrict is the top level');
        const toLevel = action.toLevel ?? above;
        if (ORDER_LEVELS.indexOf(toLevel) <= ORDER_LEVELS.indexOf(order.level)) {
          return invalid(`An escalation goes above ${order.level} level, not to ${toLevel}`);
        }
        if (typeof action.toUnitId !== 'string' || action.toUnitId === '') {
          return invalid(`Give toUnitId: the ${toLevel} unit to escalate to`);
        }
        return {
          ok: true,
          order: { ...order, level: toLevel, responsibleUnitId: action.toUnitId, responsibleUserId: null },
          data: { fromLevel: order.level, toLevel, toUnitId: action.toUnitId },
        };
      },
    },
    selfHandle: {
      check: (order, actor) =>
        actor.userId === order.reporterUserId
          ? undefined
          : orderError(
              'FORBIDDEN',
              'Only the grid worker who reported the problem may handle it on the spot',
            ),
      apply: (order, action, _actor, now) =>
        checkPhotos(action.photos, 'Attach at least one photo of the fixed problem') ?? {
          ok: true,
          order: { ...order, resolution: 'selfHandled', closedAt: now },
        },
    },
    merge: {
      apply: (order, action, _actor, now) => {
        if (typeof action.intoOrderId !== 'string' || action.intoOrderId === '') {
          return invalid('Give intoOrderId: the order this one duplicates');
        }
        if (action.intoOrderId === order.id) return invalid('An order cannot be merged into itself');
        return {
          ok: true,
          order: { ...order, mergedIntoId: action.intoOrderId, closedAt: now, parked: null },
          data: { intoOrderId: action.intoOrderId },
        };
      },
    },
  };
