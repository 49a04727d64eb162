import type { TrafficLight } from '../calendar/time-limit.ts';
import { runningUnitId } from '../workorder/guards.ts';
import type { OrderEvent, OrderState } from '../workorder/model.ts';

/**
 * What an inbox entry is about. Action kinds tell a unit (or a person) that an order, a sub-task,
 * a request or a question of it has just become their business; time kinds tell the unit holding
 * it that its time limit runs out, or the centre that a return visit is owed; `merged` tells the
 * people of a duplicate that it is now followed in another order; `notice` is a notice to residents.
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
  'awaitingVerification',
  'extensionRequested',
  'extensionDecided',
  'subTaskFedBack',
  'closed',
  'returnVisitDue',
  'parkRequested',
  'parkDecided',
  'resumed',
  'consultRequested',
  'consultAnswered',
  'notice',
] as const;

/** One of NOTIFICATION_KINDS. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Whom to notify, and why: every active user of a unit, or one person (residents too). */
export type NotificationTarget =
  | { unitId: string; kind: NotificationKind }
  | { userId: string; kind: NotificationKind };

/** What targetsOfEvent needs to know about the order besides its flow state. */
export interface EventContext {
  /** The command centre the order belongs to (its subdistrict), for reopening and park requests. */
  centreUnitId?: string | null;
  /** The grid the order lies in: its grid workers verify (核查). */
  gridId?: string | null;
  /** Who follows the order (its reporter and the reporters of duplicates merged into it), for its closure. */
  followers?: readonly string[];
}

/**
 * Roles whose users get a unit's notifications. Residents belong to a community without
 * working for it, and leaders follow rankings and reports rather than each order.
 */
export function receivesUnitNotifications(role: string): boolean {
  return role !== 'resident' && role !== 'leader';
}

function unitIdsIn(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((s) =>
    s !== null && typeof s === 'object' && !Array.isArray(s) && typeof s.unitId === 'string'
      ? [s.unitId]
      : [],
  );
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Whom an action's event notifies: whoever it is now the turn of.
 * A new report (上报) → the unit receiving it (the community for its problem list, or the
 * subdistrict's command centre); dispatch → the lead unit and each sub-task unit; adding a
 * sub-task → its unit; escalation → the unit above; return (退单) → the dispatcher it goes back
 * to; failed verification (返工) and supervision (督办) → the unit holding it; reopening (重办) →
 * the unit it goes back to and the command centre (`centreUnitId`, the subdistrict the order
 * belongs to). Feedback (反馈) → the grid workers of its grid and the unit running it, to verify;
 * an extension request → the unit that decides (the one running it), the decision → the
 * requester; a sub-task fed back → the lead unit; closing (结案, 自处理) → whoever follows the order
 * (its reporter, residents included: they rate it); a park request → the command centre, its
 * decision → the requester; resuming a parked order (by the
 * centre, or by the scheduler when the approved wait is over) → the unit holding it; a consultation (征询) → each unit asked, an answer → the asker.
 * Other actions are seen in the timeline, not the inbox; a merge tells people, not units (see
 * the notifications service).
 */
export function targetsOfEvent(
  event: OrderEvent,
  after: OrderState,
  context: EventContext = {},
): NotificationTarget[] {
  const holder = after.responsibleUnitId;
  const targets: NotificationTarget[] = [];
  const add = (unitId: string | null | undefined, kind: NotificationKind) => {
    if (unitId && !targets.some((t) => 'unitId' in t && t.unitId === unitId)) targets.push({ unitId, kind });
  };
  const tell = (userId: string | null | undefined, kind: NotificationKind) => {
    if (userId && !targets.some((t) => 'userId' in t && t.userId === userId)) targets.push({ userId, kind });
  };
  switch (event.action) {
    case 'report':
      add(holder, 'reported');
      break;
    case 'reopen':
      add(holder, 'reopened');
      add(context.centreUnitId, 'reopened');
      break;
    case 'dispatch':
      add(holder, 'dispatched');
      for (const unitId of unitIdsIn(event.data.subTasks)) add(unitId, 'subTaskAssigned');
      break;
    case 'addSubTask':
      for (const unitId of unitIdsIn(event.data.subTasks)) add(unitId, 'subTaskAssigned');
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
    case 'feedback':
      add(context.gridId, 'awaitingVerification');
      add(runningUnitId(after), 'awaitingVerification');
      break;
    case 'requestExtension':
      add(runningUnitId(after), 'extensionRequested');
      break;
    case 'approveExtension':
    case 'denyExtension':
      tell(text(event.data.requestedBy), 'extensionDecided');
      break;
    case 'feedbackSubTask':
      add(holder, 'subTaskFedBack');
      break;
    case 'close':
    case 'selfHandle':
      for (const userId of context.followers ?? [after.reporterUserId]) tell(userId, 'closed');
      break;
    case 'requestPark':
      add(context.centreUnitId, 'parkRequested');
      break;
    case 'approvePark':
    case 'denyPark':
      tell(text(event.data.requestedBy), 'parkDecided');
      break;
    case 'resume':
      add(holder, 'resumed');
      break;
    case 'consult':
      for (const unitId of unitIdsIn(event.data.consultations)) add(unitId, 'consultRequested');
      break;
    case 'consultReply':
      tell(text(event.data.askedBy), 'consultAnswered');
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
