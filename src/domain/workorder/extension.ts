import { extendDeadline } from '../calendar/time-limit.ts';
import { type Failure, invalid, orderError } from './errors.ts';
import { handlerCheck, requireText, runnerCheck } from './guards.ts';
import type { Actor, ExtensionRequest, JsonObject, OrderState } from './model.ts';
import type { ActionSpecs } from './spec.ts';

/**
 * Extensions (延期): the responsible unit, or a collaborating unit for its sub-task, asks for
 * more working hours or days; whoever runs the order approves or denies. One request per
 * target (the order, or one sub-task) waits at a time.
 */

function targetOf(subTaskId: string | undefined): string | null {
  return subTaskId === undefined || subTaskId === '' ? null : subTaskId;
}

function pendingFor(order: OrderState, subTaskId: string | null): ExtensionRequest | undefined {
  return order.extensionRequests.find((r) => r.subTaskId === subTaskId);
}

function requesterCheck(order: OrderState, actor: Actor): Failure | undefined {
  const collaborates = order.subTasks.some(
    (s) => s.unitId === actor.unitId && (s.status === 'dispatched' || s.status === 'signed'),
  );
  return collaborates ? undefined : handlerCheck(order, actor);
}

function decidable(order: OrderState, actor: Actor): Failure | undefined {
  return (
    runnerCheck(order, actor) ??
    (order.extensionRequests.length > 0
      ? undefined
      : orderError('NO_EXTENSION_REQUEST', 'There is no pending extension request'))
  );
}

function requestOrFail(order: OrderState, subTaskId: string | undefined): ExtensionRequest | Failure {
  const target = targetOf(subTaskId);
  const found = pendingFor(order, target);
  if (found) return found;
  const what = target === null ? 'the order itself' : `sub-task ${target}`;
  return orderError('NO_EXTENSION_REQUEST', `There is no pending extension request for ${what}`);
}

function withoutRequest(order: OrderState, request: ExtensionRequest): ExtensionRequest[] {
  return order.extensionRequests.filter((r) => r !== request);
}

/** Request, approve and deny extensions. */
export const EXTENSION_SPECS: ActionSpecs<'requestExtension' | 'approveExtension' | 'denyExtension'> = {
  requestExtension: {
    check: requesterCheck,
    apply: (order, action, actor, now) => {
      const subTaskId = targetOf(action.subTaskId);
      const ext = action.extension;
      if (
        typeof ext?.amount !== 'number' ||
        !(ext.amount > 0) ||
        (ext.unit !== 'hours' && ext.unit !== 'days')
      ) {
        return invalid("extension must be { amount > 0, unit: 'hours' | 'days' } in working time");
      }
      const noReason = requireText(action.reason, 'the reason for the extension');
      if (noReason) return noReason;
      if (subTaskId === null) {
        const notMine = handlerCheck(order, actor);
        if (notMine) return notMine;
      } else {
        const s = order.subTasks.find((t) => t.id === subTaskId);
        if (!s) return orderError('SUBTASK_NOT_FOUND', `The order has no sub-task "${subTaskId}"`);
        if (s.unitId !== actor.unitId)
          return orderError('OUT_OF_SCOPE', `Sub-task ${s.id} belongs to another unit`);
        if (s.status !== 'dispatched' && s.status !== 'signed') {
          return orderError(
            'TRANSITION_NOT_ALLOWED',
            `Sub-task ${s.id} is ${s.status}: it needs no more time`,
          );
        }
      }
      if (pendingFor(order, subTaskId)) {
        return orderError(
          'EXTENSION_PENDING',
          'An extension request for this is already waiting for a decision',
        );
      }
      const extension = { amount: ext.amount, unit: ext.unit };
      const request: ExtensionRequest = {
        subTaskId,
        extension,
        reason: action.reason.trim(),
        requestedBy: actor.userId,
        requestedAt: now,
      };
      return {
        ok: true,
        order: { ...order, extensionRequests: [...order.extensionRequests, request] },
        data: { subTaskId, extension: { ...extension } },
      };
    },
  },
  approveExtension: {
    check: decidable,
    apply: (order, action, _actor, now, ctx) => {
      const request = requestOrFail(order, action.subTaskId);
      if ('ok' in request) return request;
      const subTask = order.subTasks.find((s) => s.id === request.subTaskId);
      const current = subTask ? subTask.deadline : order.deadline;
      if (current === null) return invalid('The order has no deadline to extend');
      // The approver may set a date of their own; otherwise the requested working time is added.
      const deadline = action.deadline ?? extendDeadline(ctx.calendar, current, request.extension);
      if (typeof deadline !== 'number' || !Number.isFinite(deadline) || deadline <= Math.max(now, current)) {
        return invalid('The new deadline must be later than both now and the current deadline');
      }
      const data: JsonObject = {
        subTaskId: request.subTaskId,
        extension: { ...request.extension },
        requestedBy: request.requestedBy,
      };
      let next: OrderState = {
        ...order,
        extensionRequests: withoutRequest(order, request),
        extensionCount: order.extensionCount + 1,
      };
      if (subTask) {
        next = { ...next, subTasks: order.subTasks.map((s) => (s === subTask ? { ...s, deadline } : s)) };
        data.subTaskDeadline = deadline;
      }
      // The lead cannot report back before its collaborators, so a sub-task extension beyond the
      // order's deadline carries the order's deadline with it.
      if (!subTask || (order.deadline !== null && deadline > order.deadline)) {
        next = { ...next, deadline };
        data.deadline = deadline;
      }
      return { ok: true, order: next, data };
    },
  },
  denyExtension: {
    check: decidable,
    apply: (order, action) => {
      const request = requestOrFail(order, action.subTaskId);
      if ('ok' in request) return request;
      return (
        requireText(action.reason, 'the reason for denying the extension') ?? {
          ok: true,
          order: { ...order, extensionRequests: withoutRequest(order, request) },
          data: { subTaskId: request.subTaskId, requestedBy: request.requestedBy },
        }
      );
    },
  },
};
