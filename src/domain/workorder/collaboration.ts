import type { NewSubTask } from './actions.ts';
import { assetIdsProblem } from './assets.ts';
import { type Failure, invalid, orderError } from './errors.ts';
import { futureInstant, handlerCheck, isCentre, runnerCheck } from './guards.ts';
import type { Actor, JsonObject, OrderState, SubTask, SubTaskStatus } from './model.ts';
import type { ActionSpecs, Step } from './spec.ts';

/**
 * Collaboration (协办): the lead unit holds the order, other units get sub-tasks with their
 * own deadline and progress dispatched → signed → handled, or closed by the lead with a reason.
 */

/** Sub-tasks that still block the order's feedback. */
export function openSubTasks(order: OrderState): SubTask[] {
  return order.subTasks.filter((s) => s.status === 'dispatched' || s.status === 'signed');
}

/** Validates new sub-tasks against the order and each other and fills in their deadline. */
export function buildSubTasks(
  order: OrderState,
  input: readonly NewSubTask[],
  leadUnitId: string,
  defaultDeadline: number,
  now: number,
): { ok: true; subTasks: SubTask[] } | Failure {
  const ids = new Set(order.subTasks.map((s) => s.id));
  const subTasks: SubTask[] = [];
  for (const s of input) {
    if (typeof s.id !== 'string' || s.id === '' || ids.has(s.id))
      return invalid('Each sub-task needs a new, unique id');
    if (typeof s.unitId !== 'string' || s.unitId === '') return invalid(`Sub-task ${s.id} needs a unitId`);
    if (s.unitId === leadUnitId) return invalid(`Sub-task ${s.id} is for the lead unit itself: drop it`);
    const deadline = s.deadline ?? defaultDeadline;
    const bad =
      futureInstant(deadline, now, `The deadline of sub-task ${s.id}`) ??
      plannedAtProblem(s.plannedAt, `sub-task ${s.id}`) ??
      assetIdsProblem(s.assetIds, `The assetIds of sub-task ${s.id}`);
    if (bad) return bad;
    ids.add(s.id);
    subTasks.push({
      id: s.id,
      unitId: s.unitId,
      task: s.task ?? null,
      status: 'dispatched',
      deadline,
      plannedAt: s.plannedAt ?? null,
      closeReason: null,
      assetIds: [...(s.assetIds ?? [])],
    });
  }
  return { ok: true, subTasks };
}

/** A planned date may lie in the past (a visit already made) but must be a real instant. */
function plannedAtProblem(plannedAt: unknown, what: string): Failure | undefined {
  return plannedAt === undefined || (typeof plannedAt === 'number' && Number.isFinite(plannedAt))
    ? undefined
    : invalid(`The planned date of ${what} must be a time`);
}

/** The sub-task data an event records. */
export function subTaskData(s: SubTask): JsonObject {
  return {
    id: s.id,
    unitId: s.unitId,
    task: s.task,
    deadline: s.deadline,
    plannedAt: s.plannedAt,
    assetIds: [...s.assetIds],
  };
}

function findSubTask(order: OrderState, id: unknown): SubTask | Failure {
  const found = order.subTasks.find((s) => s.id === id);
  return found ?? orderError('SUBTASK_NOT_FOUND', `The order has no sub-task "${String(id)}"`);
}

/** A sub-task's unit acting on it; its status must be one of `from`. */
function ownSubTask(order: OrderState, id: unknown, actor: Actor, from: SubTaskStatus): SubTask | Failure {
  const s = findSubTask(order, id);
  if ('ok' in s) return s;
  if (s.unitId !== actor.unitId)
    return orderError('OUT_OF_SCOPE', `Sub-task ${s.id} belongs to another unit`);
  if (s.status !== from) {
    return orderError('TRANSITION_NOT_ALLOWED', `Sub-task ${s.id} is ${s.status}; this needs it ${from}`, {
      subTaskId: s.id,
      subTaskState: s.status,
    });
  }
  return s;
}

/** Whether the actor's unit has a sub-task in the given status (for allowedActions). */
function hasOwn(order: OrderState, actor: Actor, status: SubTaskStatus): Failure | undefined {
  const mine = order.subTasks.filter((s) => s.unitId === actor.unitId);
  if (mine.length === 0) return orderError('OUT_OF_SCOPE', 'Your unit has no sub-task on this order');
  return mine.some((s) => s.status === status)
    ? undefined
    : orderError('TRANSITION_NOT_ALLOWED', `Your unit has no sub-task that is ${status}`);
}

function withSubTask(order: OrderState, next: SubTask, data: JsonObject = {}): Step {
  return {
    ok: true,
    order: { ...order, subTasks: order.subTasks.map((s) => (s.id === next.id ? next : s)) },
    data: { subTaskId: next.id, unitId: next.unitId, ...data },
  };
}

/** Sub-task actions: add (by whoever runs the order), sign and feed back (by its unit), close (by the lead). */
export const COLLABORATION_SPECS: ActionSpecs<
  'addSubTask' | 'signSubTask' | 'feedbackSubTask' | 'closeSubTask'
> = {
  addSubTask: {
    // Only whoever runs the order widens it: without this a unit outside the order (a community
    // on an order the centre dispatched, say) could hand work to other units.
    check: runnerCheck,
    apply: (order, action, _actor, now) => {
      if (order.responsibleUnitId === null || order.deadline === null)
        return invalid('Dispatch the order first');
      const built = buildSubTasks(order, [action.subTask], order.responsibleUnitId, order.deadline, now);
      if (!built.ok) return built;
      return {
        ok: true,
        order: { ...order, subTasks: [...order.subTasks, ...built.subTasks] },
        data: { subTasks: built.subTasks.map(subTaskData) },
      };
    },
  },
  signSubTask: {
    check: (order, actor) => hasOwn(order, actor, 'dispatched'),
    // The unit may say when it will do its part (the outage it scheduled), on signing.
    apply: (order, action, actor) => {
      const s = ownSubTask(order, action.subTaskId, actor, 'dispatched');
      if ('ok' in s) return s;
      const bad = plannedAtProblem(action.plannedAt, `sub-task ${s.id}`);
      if (bad) return bad;
      const plannedAt = action.plannedAt ?? s.plannedAt;
      return withSubTask(
        order,
        { ...s, status: 'signed', plannedAt },
        action.plannedAt === undefined ? {} : { plannedAt },
      );
    },
  },
  feedbackSubTask: {
    check: (order, actor) => hasOwn(order, actor, 'signed'),
    apply: (order, action, actor) => {
      const s = ownSubTask(order, action.subTaskId, actor, 'signed');
      return 'ok' in s ? s : withSubTask(order, { ...s, status: 'handled' });
    },
  },
  closeSubTask: {
    check: (order, actor) => {
      if (!isCentre(actor)) {
        const notLead = handlerCheck(order, actor);
        if (notLead) return orderError('OUT_OF_SCOPE', 'Only the lead unit or the centre closes sub-tasks');
      }
      return openSubTasks(order).length > 0
        ? undefined
        : orderError('TRANSITION_NOT_ALLOWED', 'There is no open sub-task to close');
    },
    apply: (order, action) => {
      const s = findSubTask(order, action.subTaskId);
      if ('ok' in s) return s;
      if (s.status !== 'dispatched' && s.status !== 'signed') {
        return orderError('TRANSITION_NOT_ALLOWED', `Sub-task ${s.id} is already ${s.status}`, {
          subTaskId: s.id,
          subTaskState: s.status,
        });
      }
      if (typeof action.reason !== 'string' || action.reason.trim() === '') {
        return invalid('Give the reason for closing the sub-task');
      }
      return withSubTask(order, { ...s, status: 'closed', closeReason: action.reason.trim() });
    },
  },
};
