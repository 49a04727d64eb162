import { CalendarError } from '../calendar/errors.ts';
import { type ActionType, noteOf, type OrderAction } from './actions.ts';
import { AFTERCARE_SPECS } from './aftercare.ts';
import { ASSET_SPECS } from './assets.ts';
import { COLLABORATION_SPECS } from './collaboration.ts';
import { type OrderContext, orderContext } from './context.ts';
import { CONVERSATION_SPECS } from './conversation.ts';
import { type Failure, type OrderErrorCode, orderError } from './errors.ts';
import { EXTENSION_SPECS } from './extension.ts';
import { checkPhotos } from './guards.ts';
import { HANDLING_SPECS } from './handling.ts';
import { INTAKE_SPECS } from './intake.ts';
import type { Actor, OrderEvent, OrderState } from './model.ts';
import { ACTION_RULES, ACTION_TYPES, roleAllows, stateAllows } from './rules.ts';
import type { ActionSpec, ActionSpecs, Step } from './spec.ts';
import { ORDER_STATUS_LABEL, type OrderStatus } from './states.ts';
import { SUPERVISION_SPECS } from './supervision.ts';

/** The outcome of applyAction: the next order and its event, or a refusal with a stable code. */
export type ActionResult = { ok: true; order: OrderState; event: OrderEvent } | Failure;

const SPECS: ActionSpecs<ActionType> = {
  ...INTAKE_SPECS,
  ...HANDLING_SPECS,
  ...ASSET_SPECS,
  ...AFTERCARE_SPECS,
  ...EXTENSION_SPECS,
  ...SUPERVISION_SPECS,
  ...COLLABORATION_SPECS,
  ...CONVERSATION_SPECS,
};

// The union of per-action specs cannot be called with a union of actions without help:
// SPECS is keyed by the action's own type, so this widening is sound.
function specOf(type: ActionType): ActionSpec<ActionType> {
  return SPECS[type] as ActionSpec<ActionType>;
}

/** Table, role and actor checks, without the payload: the common part of apply and allowedActions. */
function refusal(order: OrderState, type: ActionType, actor: Actor, now: number, ctx: OrderContext) {
  const rule = ACTION_RULES[type];
  if (!roleAllows(type, actor.role)) {
    return orderError(
      'FORBIDDEN',
      `A ${actor.role} may not ${type} (${rule.label}): that is for ${rule.roles.join(', ')}`,
      {
        action: type,
        role: actor.role,
        roles: [...rule.roles],
      },
    );
  }
  if (!stateAllows(type, order.status, order.parked !== null)) {
    const allowed = allowedActions(order, actor, now, ctx);
    const state = `${order.status} (${ORDER_STATUS_LABEL[order.status]})${order.parked ? ', parked (挂账)' : ''}`;
    const options =
      allowed.length > 0 ? `allowed now: ${allowed.join(', ')}` : 'no action is open to you now';
    return orderError(
      'TRANSITION_NOT_ALLOWED',
      `Cannot ${type} (${rule.label}) an order that is ${state}; ${options}`,
      {
        action: type,
        state: order.status,
        parked: order.parked !== null,
        allowedActions: allowed,
      },
    );
  }
  return specOf(type).check?.(order, actor, now, ctx);
}

/** The actions this actor may take on the order now: the console's buttons. */
export function allowedActions(
  order: OrderState,
  actor: Actor,
  now: number,
  ctx: Partial<OrderContext> = {},
): ActionType[] {
  const full = orderContext(ctx);
  return ACTION_TYPES.filter(
    (type) =>
      roleAllows(type, actor.role) &&
      stateAllows(type, order.status, order.parked !== null) &&
      specOf(type).check?.(order, actor, now, full) === undefined,
  );
}

/** Refusals that explain a button the caller would otherwise have: something else must happen first. */
const BLOCKING: ReadonlySet<OrderErrorCode> = new Set(['SUBTASKS_OPEN', 'REOPEN_WINDOW_PASSED']);

/** An action the caller's role may take in this state but not yet, and why (the guard's own refusal). */
export interface BlockedAction {
  action: ActionType;
  code: OrderErrorCode;
  message: string;
}

/**
 * Why a button is missing: the actions the table gives this actor now that a guard refuses for a
 * reason they can wait out or act on (open sub-tasks before feedback, a reopen window that has
 * passed). The same checks as allowedActions, so a blocked action is never also allowed.
 */
export function blockedActions(
  order: OrderState,
  actor: Actor,
  now: number,
  ctx: Partial<OrderContext> = {},
): BlockedAction[] {
  const full = orderContext(ctx);
  return ACTION_TYPES.flatMap((type) => {
    if (!roleAllows(type, actor.role) || !stateAllows(type, order.status, order.parked !== null)) return [];
    const refused = specOf(type).check?.(order, actor, now, full);
    if (!refused || !BLOCKING.has(refused.error.code)) return [];
    return [{ action: type, code: refused.error.code, message: refused.error.message }];
  });
}

function resultingStatus(order: OrderState, next: OrderState, type: ActionType): OrderStatus {
  const to = ACTION_RULES[type].to;
  if (to === 'same') return order.status;
  if (typeof to === 'string') return to;
  if (!to.includes(next.status))
    throw new Error(`${type} produced ${next.status}, not one of ${to.join(', ')}`);
  return next.status;
}

/**
 * Applies one action: checks the version, the role, the state table, the actor's unit and
 * level, then the payload; returns the next order (version + 1) and the event that records it.
 * Pure: `now` and every id come in as arguments.
 */
export function applyAction(
  order: OrderState,
  action: OrderAction,
  actor: Actor,
  now: number,
  ctx: Partial<OrderContext> = {},
): ActionResult {
  const full = orderContext(ctx);
  if (action.expectedVersion !== undefined && action.expectedVersion !== order.version) {
    return orderError(
      'VERSION_CONFLICT',
      `The order is at version ${order.version}, not ${action.expectedVersion}: reload it`,
      {
        currentVersion: order.version,
      },
    );
  }
  if (!Object.hasOwn(ACTION_RULES, action.type)) {
    return orderError(
      'VALIDATION_FAILED',
      `Unknown action "${String(action.type)}": one of ${ACTION_TYPES.join(', ')}`,
    );
  }
  const refused = refusal(order, action.type, actor, now, full) ?? checkPhotos(action.photos, undefined);
  if (refused) return refused;
  let step: Step;
  try {
    step = specOf(action.type).apply(order, action, actor, now, full);
  } catch (e) {
    // A deadline on a broken calendar is a configuration problem the caller must see by code.
    if (e instanceof CalendarError) return orderError(e.code, e.message);
    throw e;
  }
  if (!step.ok) return step;
  const status = resultingStatus(order, step.order, action.type);
  const next: OrderState = { ...step.order, status, version: order.version + 1 };
  const event: OrderEvent = {
    orderId: order.id,
    seq: next.version,
    action: action.type,
    fromState: order.status,
    toState: status,
    actor: { ...actor },
    at: now,
    note: noteOf(action),
    photos: [...(action.photos ?? [])],
    data: step.data ?? {},
  };
  return { ok: true, order: next, event };
}
