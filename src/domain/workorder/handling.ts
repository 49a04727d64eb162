import { deadlineFor } from '../calendar/time-limit.ts';
import { assetIdsProblem } from './assets.ts';
import { buildSubTasks, openSubTasks, subTaskData } from './collaboration.ts';
import { invalid, orderError } from './errors.ts';
import {
  checkPhotos,
  futureInstant,
  handlerCheck,
  isCentre,
  levelRunBy,
  requireText,
  runnerCheck,
} from './guards.ts';
import type { JsonObject } from './model.ts';
import type { ActionSpecs, Step } from './spec.ts';

/** The main line: dispatch → sign (or return) → start handling → feedback → verify → close. */
export const HANDLING_SPECS: ActionSpecs<
  'dispatch' | 'sign' | 'return' | 'startHandling' | 'feedback' | 'verify' | 'close'
> = {
  dispatch: {
    check: runnerCheck,
    apply: (order, action, actor, now, ctx) => {
      if (typeof action.unitId !== 'string' || action.unitId === '')
        return invalid('Give unitId: the lead unit');
      // The time limit (处置时限) runs from dispatch, as in digital city management.
      const deadline =
        action.deadline ?? (order.timeLimit ? deadlineFor(ctx.calendar, now, order.timeLimit) : undefined);
      if (deadline === undefined) return invalid('Give a deadline: the order’s category has no time limit');
      const bad =
        futureInstant(deadline, now, 'The deadline') ?? assetIdsProblem(action.assetIds, 'assetIds');
      if (bad) return bad;
      const built = buildSubTasks(order, action.subTasks ?? [], action.unitId, deadline, now);
      if (!built.ok) return built;
      return {
        ok: true,
        order: {
          ...order,
          level: levelRunBy(actor, order.level),
          responsibleUnitId: action.unitId,
          responsibleUserId: action.userId ?? null,
          dispatcherUnitId: actor.unitId,
          dispatchedAt: now,
          deadline,
          subTasks: [...order.subTasks, ...built.subTasks],
          // A new dispatch names its own boats: those sent before belong to the earlier one.
          assetIds: [...(action.assetIds ?? [])],
        },
        data: {
          unitId: action.unitId,
          userId: action.userId ?? null,
          deadline,
          subTasks: built.subTasks.map(subTaskData),
          assetIds: [...(action.assetIds ?? [])],
        },
      };
    },
  },
  sign: {
    check: handlerCheck,
    // The signer becomes the responsible person (责任到人).
    apply: (order, _action, actor) => ({ ok: true, order: { ...order, responsibleUserId: actor.userId } }),
  },
  return: {
    check: handlerCheck,
    apply: (order, action) =>
      requireText(action.reason, 'the reason for returning the order (退单)') ?? {
        ok: true,
        // Back to the dispatcher, who dispatches again with a fresh deadline; sub-tasks stay.
        order: {
          ...order,
          responsibleUnitId: order.dispatcherUnitId,
          responsibleUserId: null,
          deadline: null,
          extensionRequests: [],
          parkRequest: null,
          // The boats were the returning unit's.
          assetIds: [],
          returnCount: order.returnCount + 1,
        },
        data: { fromUnitId: order.responsibleUnitId, toUnitId: order.dispatcherUnitId, deadline: null },
      },
  },
  startHandling: { check: handlerCheck, apply: (order) => ({ ok: true, order }) },
  feedback: {
    check: (order, actor) => {
      const notMine = handlerCheck(order, actor);
      if (notMine) return notMine;
      const open = openSubTasks(order);
      if (open.length === 0) return undefined;
      const list = open.map((s) => `${s.id} (${s.status})`).join(', ');
      return orderError(
        'SUBTASKS_OPEN',
        `Sub-tasks still open: ${list}. Wait for them or close them with a reason`,
        {
          subTaskIds: open.map((s) => s.id),
        },
      );
    },
    apply: (order, action) =>
      checkPhotos(action.photos, 'Attach at least one photo of the result') ?? {
        ok: true,
        order: { ...order, extensionRequests: [], parkRequest: null },
      },
  },
  verify: {
    check: (order, actor) =>
      !isCentre(actor) && actor.unitId === order.responsibleUnitId
        ? orderError('FORBIDDEN', 'The unit that handled the order cannot verify its own work')
        : undefined,
    apply: (order, action): Step => {
      if (typeof action.passed !== 'boolean')
        return invalid('Say whether the check passed: passed true or false');
      // The field check (事后) the service ran on the crew's track, when the order had boats to check.
      const fieldCheck: JsonObject = action.fieldCheck ? { fieldCheck: { ...action.fieldCheck } } : {};
      if (action.passed)
        return { ok: true, order: { ...order, status: 'verified' }, data: { passed: true, ...fieldCheck } };
      const noReason = requireText(action.note, 'a note saying what is still wrong');
      if (noReason) return noReason;
      // A failed check sends the order back to the same unit and counts as rework (返工).
      const reworkCount = order.reworkCount + 1;
      return {
        ok: true,
        order: { ...order, status: 'handling', reworkCount },
        data: { passed: false, reworkCount, ...fieldCheck },
      };
    },
  },
  close: {
    check: runnerCheck,
    apply: (order, _action, _actor, now) => ({
      ok: true,
      order: { ...order, resolution: 'handled', closedAt: now },
    }),
  },
};
