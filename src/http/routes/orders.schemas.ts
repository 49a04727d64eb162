import { Type } from 'typebox';
import { ORDER_SOURCES, STAGES } from '../../domain/workorder/dictionary.ts';
import { SATISFACTIONS } from '../../domain/workorder/model.ts';
import { ACTION_TYPES } from '../../domain/workorder/rules.ts';

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
