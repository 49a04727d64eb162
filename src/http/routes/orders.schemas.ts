import { type TSchema, Type } from 'typebox';
import { ORDER_SOURCES, SATISFACTIONS, STAGES } from '../../domain/workorder/dictionary.ts';
import { ACTION_TYPES } from '../../domain/workorder/rules.ts';
import { ORDER_LEVELS, ORDER_STATUSES } from '../../domain/workorder/states.ts';

/** Request schemas of the work-order routes. */

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
/** Attachment ids, uploaded before they are referenced. */
const Photos = Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 20 });
const Instant = Type.String({ format: 'date-time', maxLength: 40 });
const SubTask = Type.Object({
  unitId: Id,
  task: Type.Optional(Text(200)),
  deadline: Type.Optional(Instant),
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
  subTasks: Type.Optional(Type.Array(SubTask, { maxItems: 20 })),
  subTask: Type.Optional(SubTask),
  subTaskId: Type.Optional(Id),
  passed: Type.Optional(Type.Boolean()),
  satisfaction: Type.Optional(literals(SATISFACTIONS)),
  solved: Type.Optional(Type.Boolean()),
  extension: Type.Optional(
    Type.Object({
      amount: Type.Number({ exclusiveMinimum: 0, maximum: 1000 }),
      unit: literals(['hours', 'days'] as const),
    }),
  ),
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
  light: Type.Optional(literals(['green', 'yellow', 'red'] as const)),
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

/** Response schemas: what orders.view.ts returns, so the OpenAPI document shows the names as well. */

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Time = Type.String({ format: 'date-time' });
const Name = (description: string) => Nullable(Type.String({ description }));
const TimeLimit = Type.Object({ amount: Type.Number(), unit: Type.Enum(['hours', 'days']) });

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
      type: Type.String(),
      majorName: Type.String(),
      minorName: Type.String(),
    }),
  ),
  stage: Type.Enum(STAGES),
  source: Type.Enum(ORDER_SOURCES),
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
  timeLimit: Nullable(TimeLimit),
  dispatchedAt: Nullable(Time),
  deadline: Nullable(Time),
  light: Nullable(Type.Enum(['green', 'yellow', 'red'])),
  overdue: Type.Boolean(),
  remainingWorkingMs: Nullable(Type.Number()),
  parked: Nullable(Type.Object({ at: Nullable(Time), reason: Type.String() })),
  supervision: Nullable(Type.Object({ count: Type.Number(), lastAt: Nullable(Time) })),
  subTasks: Type.Array(
    Type.Object({
      id: Type.String(),
      unitId: Type.String(),
      unitName: Name('the sub-task unit’s name'),
      task: Nullable(Type.String()),
      status: Type.String(),
      deadline: Nullable(Time),
      closeReason: Nullable(Type.String()),
    }),
  ),
  extensionRequests: Type.Array(
    Type.Object({
      subTaskId: Nullable(Type.String()),
      extension: TimeLimit,
      reason: Type.String(),
      requestedBy: Type.String(),
      requestedAt: Nullable(Time),
    }),
  ),
  reworkCount: Type.Number(),
  reopenCount: Type.Number(),
  returnCount: Type.Number(),
  extensionCount: Type.Number(),
  resolution: Nullable(Type.String()),
  closedAt: Nullable(Time),
  mergedIntoId: Nullable(Type.String()),
  returnVisit: Nullable(
    Type.Object({
      satisfaction: Type.String(),
      solved: Type.Boolean(),
      at: Nullable(Time),
      byUserId: Type.String(),
    }),
  ),
  version: Type.Number(),
  createdAt: Nullable(Time),
  updatedAt: Nullable(Time),
  allowedActions: Type.Optional(Type.Array(Type.String())),
});

/** One timeline entry as GET /api/orders/:id/events returns it. */
export const OrderEventSchema = Type.Object({
  seq: Type.Number(),
  action: Type.String(),
  fromState: Nullable(Type.String()),
  toState: Type.String(),
  actor: Type.Object({
    userId: Type.String(),
    role: Type.String(),
    unitId: Nullable(Type.String()),
    displayName: Name('the actor’s display name (a resident’s only for those who may read them)'),
    unitName: Name('the actor’s unit’s name'),
  }),
  targetUnit: Nullable(
    Type.Object(
      { id: Type.String(), name: Name('its name') },
      { description: 'where a report, dispatch, escalation or return sent the order' },
    ),
  ),
  at: Nullable(Time),
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

/** POST /api/orders/:id/actions/:action. */
export const ActedSchema = Type.Object({ order: OrderSchema, event: OrderEventSchema });

/** POST /api/orders/:id/merge. */
export const MergedSchema = Type.Object({ order: OrderSchema, into: OrderSchema, event: OrderEventSchema });
