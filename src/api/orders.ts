import { type Static, Type } from 'typebox';
import { ROLES } from '../domain/auth/roles.ts';
import { TIME_LIMIT_UNITS, TRAFFIC_LIGHTS } from '../domain/calendar/time-limit.ts';
import { CATEGORY_TYPES, ORDER_SOURCES, SATISFACTIONS, STAGES } from '../domain/workorder/dictionary.ts';
import { RESOLUTIONS, SUB_TASK_STATUSES } from '../domain/workorder/model.ts';
import { ACTION_TYPES } from '../domain/workorder/rules.ts';
import { ORDER_LEVELS, ORDER_STATUSES } from '../domain/workorder/states.ts';
import { Id, literals, Nullable, Time, TimeLimitSchema } from './common.ts';

/**
 * Work orders (工单) over HTTP: what the routes accept, and what they answer, which is what
 * src/services/orders/view.ts builds and the console reads (web/src/api/orders.ts).
 */

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
/** Attachment ids, uploaded before they are referenced. */
const Photos = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 });
const Instant = Type.String({ format: 'date-time', maxLength: 40 });
/** Assets (boats) sent to an order or a sub-task (事中). */
const AssetIds = Type.Array(Id, { maxItems: 20 });
/** A sub-task (协办) as a request names it; the server gives it its id. */
export const SubTaskBodySchema = Type.Object({
  unitId: Id,
  task: Type.Optional(Text(200)),
  deadline: Type.Optional(Instant),
  plannedAt: Type.Optional(Instant),
  /** The boats the unit is sent with: assets of that unit or under it. */
  assetIds: Type.Optional(AssetIds),
});
const Many = Type.Array(Type.String({ maxLength: 400 }), { maxItems: 50 });

/** POST /api/orders. */
export const NewOrderBody = Type.Object({
  categoryId: Id,
  lat: Type.Number({ minimum: -90, maximum: 90 }),
  lon: Type.Number({ minimum: -180, maximum: 180 }),
  description: Text(2000),
  address: Type.Optional(Type.String({ maxLength: 200 })),
  source: Type.Optional(literals(ORDER_SOURCES)),
  stage: Type.Optional(literals(STAGES)),
  photos: Type.Optional(Photos),
  attributes: Type.Optional(
    Type.Record(
      Type.String(),
      Type.Union([
        Type.String({ maxLength: 1000 }),
        Type.Number(),
        Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 }),
      ]),
      { maxProperties: 50 },
    ),
  ),
});

/** POST /api/orders/:id/actions/:action: the common fields and every action's own, each optional here and required by the action. */
/** The body of POST /api/orders/:id/actions/:action: common fields plus those of the action taken. */
export const ActionBodySchema = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
  photos: Type.Optional(Photos),
  reason: Type.Optional(Text(1000)),
  toUnitId: Type.Optional(Id),
  intoOrderId: Type.Optional(Id),
  unitId: Type.Optional(Id),
  userId: Type.Optional(Id),
  deadline: Type.Optional(Instant),
  subTasks: Type.Optional(Type.Array(SubTaskBodySchema, { maxItems: 20 })),
  subTask: Type.Optional(SubTaskBodySchema),
  subTaskId: Type.Optional(Id),
  passed: Type.Optional(Type.Boolean()),
  satisfaction: Type.Optional(Type.Enum(SATISFACTIONS)),
  solved: Type.Optional(Type.Boolean()),
  extension: Type.Optional(
    Type.Object({
      amount: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
      unit: Type.Enum(TIME_LIMIT_UNITS),
    }),
  ),
  /** requestPark: when the wait on someone outside should be over. */
  until: Type.Optional(Instant),
  /** signSubTask: when the unit plans to do its part. */
  plannedAt: Type.Optional(Instant),
  /** consult: the units asked, the question, and when the answers are needed. */
  unitIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 20 })),
  question: Type.Optional(Text(1000)),
  dueAt: Type.Optional(Instant),
  /** consultReply: whether the asked unit agrees (a note says why not). */
  agree: Type.Optional(Type.Boolean()),
  /** dispatch, assignAssets: the boats sent (事中), assets of the unit holding the order or under it. */
  assetIds: Type.Optional(AssetIds),
});

export const ActionParams = Type.Object({ id: Id, action: literals(ACTION_TYPES) });

/** POST /api/orders/:id/merge. */
export const MergeBody = Type.Object({
  intoOrderId: Id,
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  note: Type.Optional(Type.String({ maxLength: 2000 })),
});

/** GET /api/orders: list values may repeat (status=a&status=b) or be comma-separated (status=a,b). */
export const ListQuery = Type.Object({
  status: Type.Optional(Many),
  categoryId: Type.Optional(Many),
  level: Type.Optional(Many),
  source: Type.Optional(Many),
  stage: Type.Optional(Many),
  unitId: Type.Optional(Id),
  responsibleUnitId: Type.Optional(Id),
  responsibleUserId: Type.Optional(Id),
  light: Type.Optional(literals(TRAFFIC_LIGHTS)),
  overdue: Type.Optional(Type.Boolean()),
  createdFrom: Type.Optional(Instant),
  createdTo: Type.Optional(Instant),
  closedFrom: Type.Optional(Instant),
  closedTo: Type.Optional(Instant),
  bbox: Type.Optional(Type.String({ maxLength: 100, description: 'minLon,minLat,maxLon,maxLat (WGS-84)' })),
  q: Type.Optional(
    Type.String({ maxLength: 100, description: 'text in code, description, address or category' }),
  ),
  sort: Type.Optional(
    Type.String({
      maxLength: 20,
      description: 'createdAt, updatedAt or deadline; a leading - sorts descending',
    }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 400 })),
});

// Response schemas. Each is the one definition of its shape: the view is typed from it (a field
// the schema lacks would be dropped by the serializer, so the view may not return one) and the
// console reads the same types.

const Name = (description: string) => Nullable(Type.String({ description }));

/** A collaboration sub-task (协办) as the API sends it, its unit named. */
export const OrderSubTaskSchema = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  unitName: Name('the sub-task unit’s name (null only for a unit that no longer exists)'),
  task: Nullable(Type.String()),
  status: Type.Enum(SUB_TASK_STATUSES),
  deadline: Time,
  plannedAt: Nullable(Time),
  closeReason: Nullable(Type.String()),
  assetIds: Type.Array(Type.String(), { description: 'the boats sent with this sub-task' }),
});

/** A pending extension request (延期申请), for the order (subTaskId null) or one of its sub-tasks. */
export const ExtensionRequestSchema = Type.Object({
  subTaskId: Nullable(Type.String()),
  extension: TimeLimitSchema,
  reason: Type.String(),
  requestedBy: Type.String(),
  requestedAt: Time,
});

/** The holding unit's pending request to park the order (挂账), for the centre to decide. */
export const ParkRequestSchema = Type.Object({
  reason: Type.String(),
  until: Time,
  requestedBy: Type.String(),
  requestedAt: Time,
});

/** A question put to a unit before dispatch (征询意见), with its answer once given. */
export const ConsultationSchema = Type.Object({
  id: Type.String(),
  unitId: Type.String(),
  unitName: Name('the asked unit’s name'),
  question: Type.String(),
  dueAt: Time,
  askedBy: Type.String({ description: 'the user who asked' }),
  askedAt: Time,
  answer: Nullable(
    Type.Object({
      agree: Type.Boolean(),
      note: Nullable(Type.String()),
      at: Time,
      by: Type.String({ description: 'the user who answered' }),
    }),
  ),
});

/** An action the caller's role could take now but a guard refuses, and why (the console explains the missing button). */
export const BlockedActionSchema = Type.Object({
  action: Type.Enum(ACTION_TYPES),
  code: Type.String({ description: 'the error code taking it now would answer, e.g. SUBTASKS_OPEN' }),
  message: Type.String(),
});

/** A work order as GET /api/orders/:id and the list return it. */
export const OrderSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  status: Type.Enum(ORDER_STATUSES),
  level: Type.Enum(ORDER_LEVELS),
  categoryId: Type.String(),
  category: Nullable(
    Type.Object({
      code: Type.String(),
      type: Type.Enum(CATEGORY_TYPES),
      majorName: Type.String(),
      minorName: Type.String(),
    }),
  ),
  stage: Type.Enum(STAGES),
  source: Type.Enum(ORDER_SOURCES),
  alertId: Nullable(Type.String({ description: 'the alert that raised it (source alert)' })),
  description: Type.String(),
  address: Nullable(Type.String()),
  lat: Type.Number(),
  lon: Type.Number(),
  gridId: Nullable(Type.String()),
  gridName: Name('the grid’s name'),
  communityId: Nullable(Type.String()),
  communityName: Name('the community’s name'),
  attributes: Nullable(Type.Record(Type.String(), Type.Unknown())),
  reporterUserId: Nullable(Type.String()),
  responsibleUnitId: Nullable(Type.String()),
  responsibleUnitName: Name('the responsible unit’s name'),
  responsibleUserId: Nullable(Type.String()),
  responsibleUserName: Name('the responsible person’s display name'),
  dispatcherUnitId: Nullable(Type.String()),
  timeLimit: Nullable(TimeLimitSchema),
  dispatchedAt: Nullable(Time),
  deadline: Nullable(Time),
  light: Nullable(Type.Enum(TRAFFIC_LIGHTS)),
  overdue: Type.Boolean(),
  remainingWorkingMs: Nullable(Type.Number({ description: 'working time left to the deadline' })),
  parked: Nullable(
    Type.Object(
      { at: Time, reason: Type.String(), until: Nullable(Time) },
      { description: '挂账; until: when the holding unit expected the wait to be over' },
    ),
  ),
  parkRequest: Nullable(ParkRequestSchema),
  supervision: Nullable(Type.Object({ count: Type.Number(), lastAt: Time }, { description: '督办' })),
  subTasks: Type.Array(OrderSubTaskSchema),
  assetIds: Type.Array(Type.String(), {
    description: 'the boats sent (事中); empty: the handling unit’s boats are considered',
  }),
  extensionRequests: Type.Array(ExtensionRequestSchema),
  consultations: Type.Array(ConsultationSchema),
  reworkCount: Type.Number(),
  reopenCount: Type.Number(),
  returnCount: Type.Number(),
  extensionCount: Type.Number(),
  resolution: Nullable(Type.Enum(RESOLUTIONS)),
  closedAt: Nullable(Time),
  mergedIntoId: Nullable(Type.String()),
  returnVisit: Nullable(
    Type.Object(
      {
        satisfaction: Type.Enum(SATISFACTIONS),
        solved: Type.Boolean(),
        at: Time,
        byUserId: Type.String(),
      },
      { description: '回访' },
    ),
  ),
  version: Type.Number(),
  createdAt: Time,
  updatedAt: Time,
  allowedActions: Type.Optional(
    Type.Array(Type.Enum(ACTION_TYPES), { description: 'only on the single-order read' }),
  ),
  blockedActions: Type.Optional(
    Type.Array(BlockedActionSchema, {
      description: 'only on the single-order read: actions the caller would have but must wait for',
    }),
  ),
});

/** Who acted on an order, named (a resident's name only for those who may read it). */
export const EventActorSchema = Type.Object({
  userId: Type.String(),
  role: Type.Enum([...ROLES, 'system']),
  unitId: Nullable(Type.String()),
  displayName: Name('the actor’s display name (a resident’s only for those who may read them)'),
  unitName: Name('the actor’s unit’s name'),
});

/** One timeline entry as GET /api/orders/:id/events returns it. */
export const OrderEventSchema = Type.Object({
  seq: Type.Number(),
  action: Type.Enum([...ACTION_TYPES, 'report', 'absorb']),
  fromState: Nullable(Type.Enum(ORDER_STATUSES)),
  toState: Type.Enum(ORDER_STATUSES),
  actor: EventActorSchema,
  targetUnit: Nullable(
    Type.Object(
      { id: Type.String(), name: Name('its name') },
      { description: 'where a report, dispatch, escalation or return sent the order' },
    ),
  ),
  at: Time,
  note: Nullable(Type.String()),
  photos: Type.Array(Type.String()),
  data: Type.Record(Type.String(), Type.Unknown()),
});

export const OrderPageSchema = Type.Object({
  items: Type.Array(OrderSchema),
  total: Type.Optional(Type.Number()),
  nextCursor: Type.Optional(Type.String()),
});

export const OrderEventsSchema = Type.Object({ items: Type.Array(OrderEventSchema) });

/** An open order of the same category nearby, as the API suggests it. */
export const DuplicateSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  status: Type.Enum(ORDER_STATUSES),
  description: Type.String(),
  address: Nullable(Type.String()),
  lat: Type.Number(),
  lon: Type.Number(),
  distanceM: Type.Number({ description: 'metres from the order, rounded' }),
  createdAt: Time,
});

export const DuplicatesSchema = Type.Object({ items: Type.Array(DuplicateSchema) });

/** POST /api/orders: the new order, with open orders nearby that may be the same problem. */
export const CreatedOrderSchema = Type.Object({
  order: OrderSchema,
  duplicates: Type.Array(DuplicateSchema),
});

/** POST /api/orders/:id/actions/:action. */
export const ActedSchema = Type.Object({
  order: OrderSchema,
  event: OrderEventSchema,
  warnings: Type.Array(Type.String(), {
    description:
      'what was accepted but needs attention: a sub-task unit nobody can sign for, a calendar year not loaded',
  }),
});

/** POST /api/orders/:id/merge. */
export const MergedSchema = Type.Object({ order: OrderSchema, into: OrderSchema, event: OrderEventSchema });

/** A work order as the API sends it. */
export type OrderView = Static<typeof OrderSchema>;
/** A sub-task of an order as the API sends it. */
export type OrderSubTaskView = Static<typeof OrderSubTaskSchema>;
/** A consultation as the API sends it. */
export type ConsultationView = Static<typeof ConsultationSchema>;
/** A blocked action as the API sends it. */
export type BlockedActionView = Static<typeof BlockedActionSchema>;
/** A pending extension request as the API sends it. */
export type ExtensionRequestView = Static<typeof ExtensionRequestSchema>;
/** One timeline entry as the API sends it. */
export type OrderEventView = Static<typeof OrderEventSchema>;
/** An event's actor as the API sends it. */
export type EventActorView = Static<typeof EventActorSchema>;
/** A page of GET /api/orders. */
export type OrderPageView = Static<typeof OrderPageSchema>;
/** A possible duplicate as the API suggests it. */
export type DuplicateView = Static<typeof DuplicateSchema>;
