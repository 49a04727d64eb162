import type { ActionOf, ActionType } from './actions.ts';
import type { OrderContext } from './context.ts';
import type { Failure } from './errors.ts';
import type { Actor, JsonObject, OrderState } from './model.ts';

/** What an action's implementation returns: the next order (status set if the outcome decides) and event data. */
export type Step = { ok: true; order: OrderState; data?: JsonObject } | Failure;

/** The implementation of one action, beside its row in ACTION_RULES. */
export interface ActionSpec<K extends ActionType> {
  /**
   * Checks that need the actor and the order but no payload (right unit, right level, a
   * pending request to decide...). allowedActions runs them too, so buttons match results.
   */
  check?: (order: OrderState, actor: Actor, now: number, ctx: OrderContext) => Failure | undefined;
  /** Validates the payload and computes the next order. */
  apply: (order: OrderState, action: ActionOf<K>, actor: Actor, now: number, ctx: OrderContext) => Step;
}

/** Specs for a group of actions, one per name. */
export type ActionSpecs<K extends ActionType> = { [P in K]: ActionSpec<P> };
