import type { Role } from '../auth/roles.ts';
import type { TimeLimit } from '../calendar/time-limit.ts';
import type { ActionType } from './actions.ts';
import type { OrderSource, Satisfaction, Stage } from './dictionary.ts';
import type { OrderLevel, OrderStatus } from './states.ts';

/** Who acts: a user with one role in one unit, or the time-limit scheduler ('system'). */
export interface Actor {
  userId: string;
  role: Role | 'system';
  unitId: string | null;
}

/** A collaboration sub-task's progress; `closed` means the lead closed it with a reason. */
export const SUB_TASK_STATUSES = ['dispatched', 'signed', 'handled', 'closed'] as const;

/** One of SUB_TASK_STATUSES. */
export type SubTaskStatus = (typeof SUB_TASK_STATUSES)[number];

/** How a closed order was resolved: handled by the units it was sent to, or on the spot by the grid worker who reported it (自处理). */
export const RESOLUTIONS = ['handled', 'selfHandled'] as const;

/** One of RESOLUTIONS. */
export type Resolution = (typeof RESOLUTIONS)[number];

/** A part of the job given to another unit (协办), with its own deadline. */
export interface SubTask {
  id: string;
  unitId: string;
  /** What this unit is asked to do, e.g. "schedule a power outage". */
  task: string | null;
  status: SubTaskStatus;
  deadline: number;
  /** When the unit plans to do its part (a scheduled power outage, say); null when not said. */
  plannedAt: number | null;
  closeReason: string | null;
  /** The boats (assets) this unit sent to its part (事中); empty: none named. */
  assetIds: readonly string[];
}

/** A pending extension request (延期申请), for the order itself (subTaskId null) or a sub-task. */
export interface ExtensionRequest {
  subTaskId: string | null;
  extension: TimeLimit;
  reason: string;
  requestedBy: string;
  requestedAt: number;
}

/** A pending request of the holding unit to park the order (挂账) while it waits on someone outside. */
export interface ParkRequest {
  reason: string;
  /** When the unit expects the outside party (an owner, another authority) to have acted. */
  until: number;
  requestedBy: string;
  requestedAt: number;
}

/** The parking flag (挂账): since when, why, and until when the holding unit expected to wait (null: not said). */
export interface Parked {
  at: number;
  reason: string;
  until: number | null;
}

/** An asked unit's answer to a consultation. */
export interface ConsultAnswer {
  agree: boolean;
  note: string | null;
  at: number;
  byUserId: string;
}

/**
 * A question put to a unit before dispatch (征询意见): greening asked whether the branches may be
 * cut, say. The asked unit may read the order and answers once; dispatch does not wait for it.
 */
export interface Consultation {
  id: string;
  unitId: string;
  question: string;
  dueAt: number;
  askedByUserId: string;
  askedByUnitId: string | null;
  askedAt: number;
  answer: ConsultAnswer | null;
}

/** The result of a return visit (回访); "closed" is not "solved". */
export interface ReturnVisit {
  satisfaction: Satisfaction;
  solved: boolean;
  at: number;
  byUserId: string;
}

/** The supervision flag (督办): how often, when last, and for which deadline it was raised automatically. */
export interface Supervision {
  count: number;
  lastAt: number;
  /** The deadline an automatic supervision was raised for, so the scheduler raises it once per deadline. */
  autoForDeadline: number | null;
}

/** When a record was created and last changed: epoch milliseconds as stored, ISO strings as the API sends them. */
export interface Timestamps<Time = number> {
  createdAt: Time;
  updatedAt: Time;
}

/**
 * What the service records about a work order around its flow state: category, stage, source,
 * text and position, as stored (src/store/orders.repository.ts) and as the API sends it.
 */
export interface OrderFields {
  id: string;
  code: string;
  categoryId: string;
  stage: Stage;
  source: OrderSource;
  description: string;
  address: string | null;
  lat: number;
  lon: number;
  gridId: string | null;
  communityId: string | null;
  /** Values of the category's extra fields. */
  attributes: JsonObject | null;
}

/**
 * The flow-relevant part of a work order. Category, text, position and the like belong to the
 * service's record; the state machine needs only what decides who may do what next.
 */
export interface OrderState {
  id: string;
  /** Increases by one with every event; the report is version 1. */
  version: number;
  status: OrderStatus;
  level: OrderLevel;
  reporterUserId: string | null;
  /** The unit answerable right now (责任制) and, once someone signed, the person. */
  responsibleUnitId: string | null;
  responsibleUserId: string | null;
  /** The unit that registered and dispatched it; a return (退单) and a reopen go back there. */
  dispatcherUnitId: string | null;
  /** The category's time limit, used when a dispatch gives no explicit deadline. */
  timeLimit: TimeLimit | null;
  dispatchedAt: number | null;
  deadline: number | null;
  /**
   * 挂账 is a flag, not a state: a parked order keeps its state and responsible unit, and
   * `resume` continues exactly there with the working time it had left.
   */
  parked: Parked | null;
  /** The holding unit's request to park the order, waiting for the centre's decision. */
  parkRequest: ParkRequest | null;
  supervision: Supervision | null;
  subTasks: readonly SubTask[];
  /**
   * The assets (boats) the lead unit sent (事中), named at dispatch or changed with assignAssets;
   * empty when none were named, and the handling unit's boats are considered instead.
   */
  assetIds: readonly string[];
  extensionRequests: readonly ExtensionRequest[];
  consultations: readonly Consultation[];
  reworkCount: number;
  reopenCount: number;
  returnCount: number;
  extensionCount: number;
  resolution: Resolution | null;
  closedAt: number | null;
  mergedIntoId: string | null;
  returnVisit: ReturnVisit | null;
}

/** A JSON value, for event data that is stored as it is. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A JSON object. */
export type JsonObject = { [key: string]: JsonValue };

/** One entry of an order's append-only timeline. */
export interface OrderEvent {
  orderId: string;
  /** The order's version after this event. */
  seq: number;
  /** An action, or 'report' (the first event) or 'absorb' (a duplicate was merged into this order). */
  action: ActionType | 'report' | 'absorb';
  fromState: OrderStatus | null;
  toState: OrderStatus;
  actor: Actor;
  at: number;
  note: string | null;
  /** Attachment ids added with this event (before-photos on report, after-photos on feedback). */
  photos: readonly string[];
  /** Action specifics: target unit, deadline, satisfaction... A `deadline` key always means the order's deadline changed. */
  data: JsonObject;
}

/**
 * A stored state as this version of the state machine reads it: states written before sub-task
 * plans, park requests, park dates, consultations and assets existed get their empty values.
 */
export function upgradeState(stored: OrderState): OrderState {
  const s = stored as OrderState & Partial<Pick<OrderState, 'parkRequest' | 'consultations' | 'assetIds'>>;
  const needsSubTasks = s.subTasks.some((t) => t.plannedAt === undefined || t.assetIds === undefined);
  const needsParked = s.parked !== null && s.parked.until === undefined;
  if (
    s.parkRequest !== undefined &&
    s.consultations !== undefined &&
    s.assetIds !== undefined &&
    !needsSubTasks &&
    !needsParked
  ) {
    return stored;
  }
  return {
    ...s,
    parked: s.parked === null ? null : { ...s.parked, until: s.parked.until ?? null },
    parkRequest: s.parkRequest ?? null,
    consultations: s.consultations ?? [],
    assetIds: s.assetIds ?? [],
    subTasks: s.subTasks.map((t) => ({ ...t, plannedAt: t.plannedAt ?? null, assetIds: t.assetIds ?? [] })),
  };
}
