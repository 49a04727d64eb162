import { type Failure, invalid, orderError } from './errors.ts';
import { futureInstant, requireText, runnerCheck } from './guards.ts';
import type { Actor, Consultation, OrderState } from './model.ts';
import type { ActionSpecs } from './spec.ts';

/**
 * Words without a transition: a note on the timeline (备注), and questions put to other units
 * before dispatch (征询意见) with their answers. Each is an event, so the timeline says who said what.
 */

/** The consultation the actor's unit has still to answer, if any: one open question per unit at a time. */
export function openConsultationOf(order: OrderState, unitId: string | null): Consultation | undefined {
  return order.consultations.find((c) => c.unitId === unitId && c.answer === null);
}

function askedCheck(order: OrderState, actor: Actor): Failure | undefined {
  return openConsultationOf(order, actor.unitId)
    ? undefined
    : orderError('NO_CONSULTATION', 'Your unit has no question on this order waiting for its answer');
}

/** Notes, consultations and their answers. */
export const CONVERSATION_SPECS: ActionSpecs<'comment' | 'consult' | 'consultReply'> = {
  comment: {
    apply: (order, action) => requireText(action.note, 'the note') ?? { ok: true, order },
  },
  consult: {
    // The centre, or a workstation while it runs the order at its own level.
    check: runnerCheck,
    apply: (order, action, actor, now) => {
      const bad =
        requireText(action.question, 'the question to ask') ??
        futureInstant(action.dueAt, now, 'dueAt (when the answer is needed)');
      if (bad) return bad;
      if (!Array.isArray(action.asks) || action.asks.length === 0) return invalid('Name the units to ask');
      const seen = new Set<string>();
      const ids = new Set(order.consultations.map((c) => c.id));
      for (const ask of action.asks) {
        if (typeof ask.unitId !== 'string' || ask.unitId === '')
          return invalid('Each asked unit needs an id');
        if (typeof ask.id !== 'string' || ask.id === '' || ids.has(ask.id)) {
          return invalid('Each question needs a new, unique id');
        }
        if (ask.unitId === actor.unitId) return invalid('Your own unit cannot be asked: name another unit');
        if (seen.has(ask.unitId)) return invalid(`Unit ${ask.unitId} is named twice`);
        if (openConsultationOf(order, ask.unitId)) {
          return invalid(`Unit ${ask.unitId} has not answered the earlier question yet`);
        }
        seen.add(ask.unitId);
        ids.add(ask.id);
      }
      const question = action.question.trim();
      const asked: Consultation[] = action.asks.map((ask) => ({
        id: ask.id,
        unitId: ask.unitId,
        question,
        dueAt: action.dueAt,
        askedByUserId: actor.userId,
        askedByUnitId: actor.unitId,
        askedAt: now,
        answer: null,
      }));
      return {
        ok: true,
        order: { ...order, consultations: [...order.consultations, ...asked] },
        data: {
          question,
          dueAt: action.dueAt,
          consultations: asked.map((c) => ({ id: c.id, unitId: c.unitId })),
        },
      };
    },
  },
  consultReply: {
    check: askedCheck,
    apply: (order, action, actor, now) => {
      const asked = openConsultationOf(order, actor.unitId);
      if (!asked) return orderError('NO_CONSULTATION', 'Your unit has no question on this order to answer');
      if (typeof action.agree !== 'boolean')
        return invalid('Say whether your unit agrees: agree true or false');
      const note = typeof action.note === 'string' && action.note.trim() !== '' ? action.note.trim() : null;
      if (!action.agree && note === null) return invalid('Give a note saying why your unit does not agree');
      const answered: Consultation = {
        ...asked,
        answer: { agree: action.agree, note, at: now, byUserId: actor.userId },
      };
      return {
        ok: true,
        order: { ...order, consultations: order.consultations.map((c) => (c === asked ? answered : c)) },
        data: {
          consultationId: asked.id,
          unitId: asked.unitId,
          agree: action.agree,
          askedBy: asked.askedByUserId,
        },
      };
    },
  },
};
