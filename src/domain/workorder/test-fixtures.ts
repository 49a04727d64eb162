import assert from 'node:assert/strict';
import { defaultCalendar } from '../calendar/cn-2026.ts';
import type { OrderAction } from './actions.ts';
import { type ActionResult, applyAction } from './apply.ts';
import type { OrderContext } from './context.ts';
import { reportOrder } from './create.ts';
import type { OrderError } from './errors.ts';
import type { Actor, OrderEvent, OrderState } from './model.ts';
import type { OrderStatus } from './states.ts';

/** Shared by the work-order tests: the cast of the overhanging-branches story and helpers. */

/** A Beijing wall-clock time ('2026-03-09 10:00') as UTC ms. */
export const bj = (local: string): number => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);

/** The 2026 calendar every test counts on. */
export const CAL = defaultCalendar();

/** The context every test passes. */
export const CTX: Partial<OrderContext> = { calendar: CAL };

const actor = (userId: string, role: Actor['role'], unitId: string): Actor => ({ userId, role, unitId });

/** The people of the story and a few outsiders. */
export const A = {
  wang: actor('u-wang', 'gridWorker', 'grid-a1'),
  otherGridWorker: actor('u-li', 'gridWorker', 'grid-b2'),
  commA: actor('u-comm-a', 'community', 'comm-a'),
  commB: actor('u-comm-b', 'community', 'comm-b'),
  ws: actor('u-ws', 'workstation', 'ws-1'),
  op: actor('u-op', 'operator', 'centre'),
  admin: actor('u-admin', 'admin', 'centre'),
  leader: actor('u-leader', 'leader', 'centre'),
  greening: actor('u-green', 'department', 'dept-greening'),
  power: actor('u-power', 'department', 'dept-power'),
  crew: actor('u-crew', 'crew', 'contractor-trim'),
  resident: actor('u-res', 'resident', 'comm-a'),
  otherResident: actor('u-res2', 'resident', 'comm-a'),
} satisfies Record<string, Actor>;

/** Asserts success and returns the order and event. */
export function must(result: ActionResult): { order: OrderState; event: OrderEvent } {
  if (!result.ok) assert.fail(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result;
}

/** Asserts a refusal and returns its error. */
export function refused(result: ActionResult): OrderError {
  if (result.ok) assert.fail(`expected a refusal, got ${result.event.action} → ${result.event.toState}`);
  return result.error;
}

/** A timeline being built: the order so far and every event. */
export interface Run {
  order: OrderState;
  events: OrderEvent[];
}

/** Reports a new order with a 3-working-day limit, at community level (a grid worker's report) or at the centre. */
export function report(
  id: string,
  by: Actor,
  at: number,
  level: 'community' | 'subdistrict' = 'subdistrict',
): Run {
  const unit = level === 'community' ? 'comm-a' : 'centre';
  const timeLimit = { amount: 3, unit: 'days' } as const;
  const r = reportOrder({ id, level, responsibleUnitId: unit, timeLimit, photos: ['p-before'] }, by, at);
  if (!r.ok) assert.fail(r.error.message);
  return { order: r.order, events: [r.event] };
}

/** Applies steps in order, asserting each succeeds. */
export function play(run: Run, steps: readonly [Actor, OrderAction, number][]): Run {
  let { order } = run;
  const events = [...run.events];
  for (const [who, action, at] of steps) {
    const r = must(applyAction(order, action, who, at, CTX));
    order = r.order;
    events.push(r.event);
  }
  return { order, events };
}

/** An order sitting in a given state, consistent enough for every action's checks. */
export function orderIn(status: OrderStatus, patch: Partial<OrderState> = {}): OrderState {
  const now = bj('2026-03-10 10:00');
  const dispatched = !['reported', 'registered', 'rejected', 'voided'].includes(status);
  const closed = status === 'closed' || status === 'merged';
  return {
    id: 'o-1',
    version: 7,
    status,
    level: 'subdistrict',
    reporterUserId: A.resident.userId,
    responsibleUnitId: dispatched ? 'contractor-trim' : 'centre',
    responsibleUserId: null,
    dispatcherUnitId: status === 'reported' ? null : 'centre',
    timeLimit: { amount: 3, unit: 'days' },
    dispatchedAt: dispatched ? now - 3_600_000 : null,
    deadline: dispatched ? bj('2026-03-12 17:30') : null,
    parked: null,
    parkRequest: null,
    supervision: null,
    subTasks: [],
    assetIds: [],
    extensionRequests: [],
    consultations: [],
    reworkCount: 0,
    reopenCount: 0,
    returnCount: 0,
    extensionCount: 0,
    resolution: closed ? 'handled' : null,
    closedAt: closed ? now - 3_600_000 : null,
    mergedIntoId: status === 'merged' ? 'o-0' : null,
    returnVisit: null,
    ...patch,
  };
}
