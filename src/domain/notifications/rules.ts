import type { TrafficLight } from '../calendar/time-limit.ts';
import type { OrderEvent, OrderState } from '../workorder/model.ts';

/**
 * What an inbox entry is about. Action kinds tell a unit that an order (or a sub-task of it)
 * has just become its business; time kinds tell the unit holding it that its time limit runs out;
 * `merged` tells the people of a duplicate that it is now followed in another order.
 */
export const NOTIFICATION_KINDS = [
  'reported',
  'dispatched',
  'subTaskAssigned',
  'escalated',
  'returned',
  'reworked',
  'reopened',
  'merged',
  'supervised',
  'yellow',
  'overdue',
] as const;

/** One of NOTIFICATION_KINDS. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** A unit to notify, and why. */
export interface NotificationTarget {
  unitId: string;
  kind: NotificationKind;
}

/**
 * Roles whose users get a unit's notifications. Residents belong to a community without
 * working for it, and leaders follow rankings and reports rather than each order.
 */
export function receivesUnitNotifications(role: string): boolean {
  return role !== 'resident' && role !== 'leader';
}

function subTaskUnits(event: OrderEvent): string[] {
  const list = event.data.subTasks;
  if (!Array.isArray(list)) return [];
  return list.flatMap((s) =>
    s !== null && typeof s === 'object' && !Array.isArray(s) && typeof s.unitId === 'string'
      ? [s.unitId]
      : [],
  );
}

/**
 * The units an action's event notifies: whoever the order (or a new sub-task) now lands on.
 * A new report (上报) → the unit receiving it (the community for its problem list, or the
 * subdistrict's command centre); dispatch → the lead unit and each sub-task unit; adding a
 * sub-task → its unit; escalation → the unit above; return (退单) → the dispatcher it goes back
 * to; failed verification (返工) and supervision (督办) → the unit holding it; reopening (重办) →
 * the unit it goes back to and the command centre (`centreUnitId`, the subdistrict the order
 * belongs to). Other actions are seen in the timeline, not the inbox; a merge tells people, not
 * units (see the notifications service).
 */
export function targetsOfEvent(
  event: OrderEvent,
  after: OrderState,
  context: { centreUnitId?: string | null } = {},
): NotificationTarget[] {
  const holder = after.responsibleUnitId;
  const targets: NotificationTarget[] = [];
  const add = (unitId: string | null, kind: NotificationKind) => {
    if (unitId && !targets.some((t) => t.unitId === unitId)) targets.push({ unitId, kind });
  };
  switch (event.action) {
    case 'report':
      add(holder, 'reported');
      break;
    case 'reopen':
      add(holder, 'reopened');
      add(context.centreUnitId ?? null, 'reopened');
      break;
    case 'dispatch':
      add(holder, 'dispatched');
      for (const unitId of subTaskUnits(event)) add(unitId, 'subTaskAssigned');
      break;
    case 'addSubTask':
      for (const unitId of subTaskUnits(event)) add(unitId, 'subTaskAssigned');
      break;
    case 'escalate':
      add(holder, 'escalated');
      break;
    case 'return':
      add(holder, 'returned');
      break;
    case 'verify':
      if (event.data.passed === false) add(holder, 'reworked');
      break;
    case 'supervise':
      add(holder, 'supervised');
      break;
  }
  return targets;
}

/**
 * The time-limit notice for an order whose light the scheduler has just refreshed, or null.
 * One notice per change: an automatic supervision says "overdue" by itself, and a light that
 * jumped from green to red (the job was down) does not announce yellow as well.
 */
export function timeLimitKind(
  before: TrafficLight | null,
  after: TrafficLight | null,
  autoSupervised: boolean,
): NotificationKind | null {
  if (autoSupervised) return 'supervised';
  if (after === 'red' && before !== 'red') return 'overdue';
  if (after === 'yellow' && (before === 'green' || before === null)) return 'yellow';
  return null;
}
