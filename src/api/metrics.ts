import { type Static, Type } from 'typebox';
import {
  METRIC_DIRECTIONS,
  METRIC_KINDS,
  METRIC_SOURCES,
  PERIOD_PATTERN,
  PROGRESS_LIGHTS,
  SCHEDULE_BASES,
} from '../domain/metrics/model.ts';
import { Id, literals, Nullable, Time } from './common.ts';

/**
 * Performance metrics (指标), their targets and actuals, and schedule progress (序时进度): what the
 * routes accept and answer. The services' views and the console's types are Static of these.
 */

const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });
/** Large enough for any money in yuan, small enough to stay exact in a double. */
const Amount = Type.Number({ minimum: -1e15, maximum: 1e15 });

/** The fields that define a metric, as POST /api/metrics takes them. */
export const NewMetricBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z_.-]+$' }),
  name: Text(100),
  unitOfMeasure: Text(20),
  ownerUnitId: Id,
  ownerUserId: Type.Optional(Nullable(Id)),
  kind: literals(METRIC_KINDS),
  direction: literals(METRIC_DIRECTIONS),
  scheduleBasis: literals(SCHEDULE_BASES),
  source: Type.Optional(Nullable(literals(METRIC_SOURCES))),
});

/** PATCH /api/metrics/:id: any of the fields; null clears the owner person or the source. */
export const MetricPatchBody = Type.Partial(NewMetricBody, { minProperties: 1 });

/** PUT /api/metrics/:id/targets/:year. */
export const TargetParams = Type.Object({ id: Id, year: Type.Integer({ minimum: 2000, maximum: 2100 }) });
export const TargetBody = Type.Object({
  annual: Type.Number({ exclusiveMinimum: 0, maximum: 1e15 }),
  monthly: Type.Optional(Type.Array(Amount, { minItems: 12, maxItems: 12 })),
  unitId: Type.Optional(Id),
});

/** PUT /api/metrics/:id/actuals/:period. */
export const ActualParams = Type.Object({
  id: Id,
  period: Type.String({ pattern: PERIOD_PATTERN, description: 'YYYY-MM' }),
});
export const ActualBody = Type.Object({
  value: Amount,
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

/** GET /api/progress. */
export const ProgressQuery = Type.Object({
  date: Type.Optional(
    Type.String({
      pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$',
      description: 'YYYY-MM-DD, Beijing time; default today',
    }),
  ),
  unitId: Type.Optional(Id),
});

/** PATCH /api/settings/progress. */
export const ProgressSettingsBody = Type.Object({
  yellowPoints: Type.Number({ exclusiveMinimum: 0, maximum: 100 }),
});

/** A metric as the API sends it. */
export const MetricSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  unitOfMeasure: Type.String(),
  ownerUnitId: Type.String(),
  ownerUserId: Nullable(Type.String()),
  kind: Type.Enum(METRIC_KINDS),
  direction: Type.Enum(METRIC_DIRECTIONS),
  scheduleBasis: Type.Enum(SCHEDULE_BASES),
  source: Nullable(Type.Enum(METRIC_SOURCES)),
  createdAt: Time,
  updatedAt: Time,
});
export type MetricView = Static<typeof MetricSchema>;

/** A metric's target for a year and unit; `monthly` is the plan as of each month's end, if given. */
export const MetricTargetSchema = Type.Object({
  year: Type.Integer(),
  unitId: Type.String(),
  annual: Type.Number(),
  monthly: Nullable(Type.Array(Type.Number())),
  updatedBy: Nullable(Type.String()),
  updatedAt: Time,
});
export type MetricTargetView = Static<typeof MetricTargetSchema>;

/** A month's actual. */
export const MetricActualSchema = Type.Object({
  period: Type.String(),
  value: Type.Number(),
  note: Nullable(Type.String()),
  enteredBy: Nullable(Type.String()),
  enteredAt: Time,
});
export type MetricActualView = Static<typeof MetricActualSchema>;

/** One metric with the targets of units in the caller's scope and its actuals. */
export const MetricDetailSchema = Type.Object({
  ...MetricSchema.properties,
  targets: Type.Array(MetricTargetSchema),
  actuals: Type.Array(MetricActualSchema),
});
export type MetricDetailView = Static<typeof MetricDetailSchema>;

export const MetricListSchema = Type.Object({ items: Type.Array(MetricSchema), total: Type.Integer() });

/** What an import did: rows imported (metrics created or updated) and, with partial=1, those skipped. */
export const MetricImportSchema = Type.Object({
  imported: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  skipped: Type.Array(Type.Object({ line: Type.Integer(), reasons: Type.Array(Type.String()) })),
});
export type MetricImportView = Static<typeof MetricImportSchema>;

/** One metric against the schedule for one unit's target (formulas: docs/LEADERS.md). */
export const ProgressItemSchema = Type.Object({
  metric: MetricSchema,
  unit: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  year: Type.Integer(),
  target: Type.Number(),
  actual: Nullable(Type.Number()),
  /** The month the actual is of; null when computed from work orders or when there is none. */
  actualPeriod: Nullable(Type.String()),
  completion: Nullable(Type.Number()),
  schedule: Type.Number(),
  gapPoints: Nullable(Type.Number()),
  light: Nullable(Type.Enum(PROGRESS_LIGHTS)),
  halfway: Type.Boolean(),
});
export type ProgressItemView = Static<typeof ProgressItemSchema>;

export const ProgressSchema = Type.Object({
  date: Type.String(),
  yellowPoints: Type.Number(),
  items: Type.Array(ProgressItemSchema),
  /** Years counted without their holiday calendar, for working-day schedules. */
  warnings: Type.Array(Type.String()),
});
export type ProgressView = Static<typeof ProgressSchema>;

export const ProgressSettingsSchema = Type.Object({ yellowPoints: Type.Number() });
export type ProgressSettingsView = Static<typeof ProgressSettingsSchema>;
