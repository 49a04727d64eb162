import { SATISFACTIONS } from './dictionary.ts';
import { invalid, orderError } from './errors.ts';
import { isCentre, requireText, runningUnitId } from './guards.ts';
import type { ActionSpecs } from './spec.ts';

/** After closing: the return visit (回访) and reopening (重办). */
export const AFTERCARE_SPECS: ActionSpecs<'returnVisit' | 'reopen'> = {
  returnVisit: {
    check: (order, actor) => {
      if (actor.role === 'resident' && actor.userId !== order.reporterUserId) {
        return orderError('FORBIDDEN', 'Only the resident who reported the problem may rate it');
      }
      // Once per closure: a reopened and re-closed order gets a new visit.
      return order.returnVisit === null
        ? undefined
        : orderError('RETURN_VISIT_DONE', 'The return visit for this closure is already recorded');
    },
    apply: (order, action, actor, now) => {
      if (!SATISFACTIONS.includes(action.satisfaction)) {
        return invalid(`satisfaction must be one of ${SATISFACTIONS.join(', ')}`);
      }
      if (typeof action.solved !== 'boolean')
        return invalid('Say whether the problem is solved: solved true or false');
      const { satisfaction, solved } = action;
      return {
        ok: true,
        order: { ...order, returnVisit: { satisfaction, solved, at: now, byUserId: actor.userId } },
        data: { satisfaction, solved },
      };
    },
  },
  reopen: {
    check: (order, actor, now, ctx) => {
      if (!isCentre(actor) && actor.userId !== order.reporterUserId) {
        return orderError('FORBIDDEN', 'Only the reporter or the command centre may reopen an order');
      }
      if (order.closedAt !== null && now - order.closedAt > ctx.reopenWindowMs) {
        const days = Math.round(ctx.reopenWindowMs / 86_400_000);
        return orderError('REOPEN_WINDOW_PASSED', `Orders can be reopened within ${days} days of closing`, {
          closedAt: new Date(order.closedAt).toISOString(),
          windowMs: ctx.reopenWindowMs,
        });
      }
      return undefined;
    },
    apply: (order, action) =>
      requireText(action.reason, 'the reason for reopening (重办)') ?? {
        ok: true,
        // Back to whoever ran it, to dispatch again; the old visit and deadline stay in the timeline.
        order: {
          ...order,
          responsibleUnitId: runningUnitId(order),
          responsibleUserId: null,
          deadline: null,
          resolution: null,
          closedAt: null,
          returnVisit: null,
          assetIds: [],
          reopenCount: order.reopenCount + 1,
        },
        data: { reopenCount: order.reopenCount + 1, toUnitId: runningUnitId(order), deadline: null },
      },
  },
};
