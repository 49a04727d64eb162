import { type Static, Type } from 'typebox';
import { RANKED_UNIT_KINDS, RANKING_KEY } from '../domain/workorder/ranking.ts';
import { Id, Nullable, Time } from './common.ts';

/** Work-order indicators (办结率, 按期办结率…) and rankings: what the routes accept and answer. */

const QueryTime = Type.String({ minLength: 1, maxLength: 64, description: 'ISO-8601 time' });

/** GET /api/indicators?unitId=&from=&to= (your unit and this month so far by default). */
export const IndicatorQuery = Type.Object({
  unitId: Type.Optional(Id),
  from: Type.Optional(QueryTime),
  to: Type.Optional(QueryTime),
});

/** GET /api/indicators/rankings?kind=&from=&to=. */
export const RankingQuery = Type.Object({
  kind: Type.Union(
    RANKED_UNIT_KINDS.map((k) => Type.Literal(k)),
    { default: 'community' },
  ),
  from: Type.Optional(QueryTime),
  to: Type.Optional(QueryTime),
});

const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1, description: 'a fraction; null without cases' }));
const Hours = Nullable(Type.Number({ description: 'working hours; null without cases' }));

/** A set of orders' indicators over a period (formulas in docs/WORK-ORDERS.md#indicators-指标). */
export const IndicatorsSchema = Type.Object({
  registered: Type.Integer(),
  closed: Type.Integer(),
  closureRate: Rate,
  due: Type.Integer(),
  closedOnTime: Type.Integer(),
  onTimeClosureRate: Rate,
  overdueCount: Type.Integer(),
  verifications: Type.Integer(),
  reworks: Type.Integer(),
  reworkRate: Rate,
  visited: Type.Integer(),
  satisfied: Type.Integer(),
  solved: Type.Integer(),
  satisfactionRate: Rate,
  solvedRate: Rate,
  avgResponseHours: Hours,
  avgHandlingHours: Hours,
});
export type IndicatorsView = Static<typeof IndicatorsSchema>;

/** The unit a figure is about. */
export const IndicatorUnitSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  code: Type.String(),
  name: Type.String(),
});

/** The period counted: `asOf` = min(to, the server's now). */
export const IndicatorPeriodSchema = Type.Object({ from: Time, to: Time, asOf: Time });

export const UnitIndicatorsSchema = Type.Object({
  unit: IndicatorUnitSchema,
  period: IndicatorPeriodSchema,
  indicators: IndicatorsSchema,
});
export type UnitIndicatorsView = Static<typeof UnitIndicatorsSchema>;

export const RankingsSchema = Type.Object({
  kind: Type.Enum(RANKED_UNIT_KINDS),
  period: IndicatorPeriodSchema,
  rankedBy: Type.Array(Type.Enum(RANKING_KEY)),
  items: Type.Array(
    Type.Object({
      rank: Nullable(Type.Integer({ minimum: 1, description: 'null: nothing registered or due' })),
      unit: IndicatorUnitSchema,
      indicators: IndicatorsSchema,
    }),
  ),
});
export type RankingsView = Static<typeof RankingsSchema>;
