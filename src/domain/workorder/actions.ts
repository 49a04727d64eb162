import type { TimeLimit } from '../calendar/time-limit.ts';
import type { Satisfaction } from './dictionary.ts';
import type { OrderLevel } from './states.ts';

/** Fields every action may carry. */
export interface ActionBase {
  /** The version the client last saw; a different current version is a VERSION_CONFLICT. */
  expectedVersion?: number;
  note?: string;
  /** Attachment ids, already stored, to link to this event. */
  photos?: readonly string[];
}

/** A sub-task as the dispatcher creates it; ids come from the caller like every id. */
export interface NewSubTask {
  id: string;
  unitId: string;
  task?: string;
  /** Defaults to the order's deadline. */
  deadline?: number;
  /** When the unit plans to do its part, if known. */
  plannedAt?: number;
  /** The boats the unit is sent with; the service checks they are the unit's. */
  assetIds?: readonly string[];
}

/** What the field check (事后) found for a verify: the service computes it from the crew's track. */
export interface FieldCheckSummary {
  reached: boolean;
  /** The closest any boat came, in metres; null when no boat reported in the window. */
  closestM: number | null;
  radiusM: number;
}

/** One unit asked in a consultation (征询), with the id the caller gives the question. */
export interface NewConsultation {
  id: string;
  unitId: string;
}

type Act<T extends string, P = object> = { type: T } & P & ActionBase;

/** Actions that carry the common fields only: a request needs nothing more for them. */
export const BARE_ACTIONS = [
  'register',
  'selfHandle',
  'sign',
  'startHandling',
  'feedback',
  'close',
  'supervise',
  'resume',
  // A note on the timeline without a transition; the note itself is required (see conversation.ts).
  'comment',
  'approvePark',
] as const;

/** Actions that carry a mandatory reason and nothing else. */
export const REASONED_ACTIONS = ['reject', 'void', 'return', 'reopen', 'park', 'denyPark'] as const;

type BareActionType = (typeof BARE_ACTIONS)[number];
type ReasonedActionType = (typeof REASONED_ACTIONS)[number];
// One union member per name (distributed), so that ActionOf<'sign'> finds its own.
type BareAction = { [K in BareActionType]: Act<K> }[BareActionType];
type ReasonedAction = { [K in ReasonedActionType]: Act<K, { reason: string }> }[ReasonedActionType];

/** Whether an action carries the common fields only. */
export function isBareAction(type: string): type is BareActionType {
  return (BARE_ACTIONS as readonly string[]).includes(type);
}

/** Whether an action carries a mandatory reason and nothing else. */
export function isReasonedAction(type: string): type is ReasonedActionType {
  return (REASONED_ACTIONS as readonly string[]).includes(type);
}

/** Everything that can be done to an order after it was reported. */
export type OrderAction =
  | BareAction
  | ReasonedAction
  // toLevel: the level the target unit runs orders at (a community whose grid area has no
  // workstation escalates straight to the subdistrict); defaults to the level above.
  | Act<'escalate', { toUnitId: string; toLevel?: OrderLevel }>
  | Act<'merge', { intoOrderId: string }>
  | Act<
      'dispatch',
      {
        unitId: string;
        userId?: string;
        deadline?: number;
        subTasks?: readonly NewSubTask[];
        assetIds?: readonly string[];
      }
    >
  | Act<'assignAssets', { assetIds: readonly string[] }>
  | Act<'verify', { passed: boolean; fieldCheck?: FieldCheckSummary }>
  | Act<'returnVisit', { satisfaction: Satisfaction; solved: boolean }>
  | Act<'requestExtension', { extension: TimeLimit; reason: string; subTaskId?: string }>
  | Act<'approveExtension', { subTaskId?: string; deadline?: number }>
  | Act<'denyExtension', { reason: string; subTaskId?: string }>
  | Act<'addSubTask', { subTask: NewSubTask }>
  | Act<'signSubTask', { subTaskId: string; plannedAt?: number }>
  | Act<'feedbackSubTask', { subTaskId: string }>
  | Act<'closeSubTask', { subTaskId: string; reason: string }>
  | Act<'requestPark', { reason: string; until: number }>
  | Act<'consult', { asks: readonly NewConsultation[]; question: string; dueAt: number }>
  | Act<'consultReply', { agree: boolean }>;

/** An action's name. */
export type ActionType = OrderAction['type'];

/** The action of one type. */
export type ActionOf<K extends ActionType> = Extract<OrderAction, { type: K }>;

/** The free text an event records: the mandatory reason if the action has one, then the note. */
export function noteOf(action: OrderAction): string | null {
  const reason = 'reason' in action && typeof action.reason === 'string' ? action.reason.trim() : '';
  const note = typeof action.note === 'string' ? action.note.trim() : '';
  const text = [reason, note].filter((t) => t !== '').join('\n');
  return text === '' ? null : text;
}
