import { addWorkingMs, workingMsBetween } from '../calendar/working-time.ts';
import { requireText } from './guards.ts';
import type { JsonObject, OrderState } from './model.ts';
import type { ActionSpecs } from './spec.ts';

/** Supervision (督办) and the long-term list (挂账). */
export const SUPERVISION_SPECS: ActionSpecs<'supervise' | 'park' | 'resume'> = {
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
        order: { ...order, parked: { at: now, reason: action.reason.trim() } },
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
