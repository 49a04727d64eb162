import type { TimeLimit } from '../calendar/time-limit.ts';
import type { OrderSource, Stage } from './dictionary.ts';
import { type Failure, invalid } from './errors.ts';
import { checkPhotos } from './guards.ts';
import type { Actor, JsonObject, OrderEvent, OrderFields, OrderState } from './model.ts';
import { ORDER_LEVELS, type OrderLevel } from './states.ts';

/**
 * What a report carries (POST /api/orders, the console's report form); the service checks it,
 * locates it and turns it into a NewOrderInput.
 */
export interface NewOrderRequest extends Pick<OrderFields, 'categoryId' | 'lat' | 'lon' | 'description'> {
  address?: string;
  /** Defaults to the reporter's own source (a grid worker reports as gridWorker...). */
  source?: OrderSource;
  /** Defaults to the category's stage. */
  stage?: Stage;
  photos?: string[];
  /** Values of the category's extra fields. */
  attributes?: JsonObject;
}

/** What a new report needs besides the reporter: ids and routing decided by the caller. */
export interface NewOrderInput {
  id: string;
  /**
   * Where it lands: 'community' puts it on the community's problem list (a grid worker's
   * report), 'subdistrict' on the command centre's desk (resident app, hotline, Open311, alerts).
   */
  level: OrderLevel;
  /** The community, workstation or centre unit holding it at that level. */
  responsibleUnitId: string;
  timeLimit?: TimeLimit | null;
  note?: string;
  photos?: readonly string[];
}

/** The first state and event of an order: reported (上报) by the actor, version 1. */
export function reportOrder(
  input: NewOrderInput,
  actor: Actor,
  now: number,
): { ok: true; order: OrderState; event: OrderEvent } | Failure {
  if (typeof input.id !== 'string' || input.id === '') return invalid('A new order needs an id');
  if (!ORDER_LEVELS.includes(input.level)) return invalid(`level must be one of ${ORDER_LEVELS.join(', ')}`);
  if (typeof input.responsibleUnitId !== 'string' || input.responsibleUnitId === '') {
    return invalid('A new order needs the unit that receives it');
  }
  const badPhotos = checkPhotos(input.photos, undefined);
  if (badPhotos) return badPhotos;
  const order: OrderState = {
    id: input.id,
    version: 1,
    status: 'reported',
    level: input.level,
    reporterUserId: actor.userId,
    responsibleUnitId: input.responsibleUnitId,
    responsibleUserId: null,
    dispatcherUnitId: null,
    timeLimit: input.timeLimit ?? null,
    dispatchedAt: null,
    deadline: null,
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
    resolution: null,
    closedAt: null,
    mergedIntoId: null,
    returnVisit: null,
  };
  const note = input.note?.trim() ?? '';
  const event: OrderEvent = {
    orderId: input.id,
    seq: 1,
    action: 'report',
    fromState: null,
    toState: 'reported',
    actor: { ...actor },
    at: now,
    note: note === '' ? null : note,
    photos: [...(input.photos ?? [])],
    data: { level: input.level, unitId: input.responsibleUnitId },
  };
  return { ok: true, order, event };
}
