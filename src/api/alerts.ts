import { type Static, Type } from 'typebox';
import { ALERT_KINDS } from '../domain/alerts/rules.ts';
import { ASSET_KINDS } from '../domain/assets/kinds.ts';
import { Nullable, RefId, Time } from './common.ts';

/** Alert statuses: open → acknowledged → resolved. */
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;

const Kind = Type.Enum(ALERT_KINDS);
const Params = Type.Record(Type.String(), Type.Unknown(), {
  description:
    'by kind: offline, idle, lateStart { minutes }; outOfSegment { minutes, marginM }; lowCoverage { ratio }; overspeed { speedKmh, seconds }; deviceAlarm { bits: ["sos", "powerCut", "antennaCut", "lowVoltage"] }. minutes ≥ 1',
});
const OpenOrder = Type.Object({
  categoryId: RefId,
  stage: Type.Literal('before'),
});

/** An alert rule (告警规则) as the API sends it. */
export const AlertRuleSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Kind,
  params: Type.Record(Type.String(), Type.Unknown()),
  unitId: Type.String({ description: 'whose assets it watches (the unit and everything under it)' }),
  assetKinds: Nullable(Type.Array(Type.String())),
  enabled: Type.Boolean(),
  openOrder: Nullable(OpenOrder),
  createdAt: Time,
  updatedAt: Time,
});

/** An alert rule as the API sends it. */
export type AlertRuleView = Static<typeof AlertRuleSchema>;

/** POST /api/alert-rules. */
export const NewAlertRuleBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  kind: Kind,
  params: Params,
  unitId: RefId,
  assetKinds: Type.Optional(Nullable(Type.Array(Type.Enum(ASSET_KINDS), { minItems: 1, maxItems: 10 }))),
  enabled: Type.Optional(Type.Boolean()),
  openOrder: Type.Optional(Nullable(OpenOrder)),
});

/** PATCH /api/alert-rules/:id: any of the fields but the kind. */
export const AlertRulePatchBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    params: Type.Optional(Params),
    unitId: Type.Optional(RefId),
    assetKinds: Type.Optional(Nullable(Type.Array(Type.Enum(ASSET_KINDS), { minItems: 1, maxItems: 10 }))),
    enabled: Type.Optional(Type.Boolean()),
    openOrder: Type.Optional(Nullable(OpenOrder)),
  },
  { minProperties: 1 },
);

/** GET /api/alert-rules. */
export const AlertRuleListQuery = Type.Object({ unitId: Type.Optional(RefId) });

/** An alert (告警): one episode of a rule on an asset, and its handling. */
export const AlertSchema = Type.Object({
  id: Type.String(),
  ruleId: Type.String(),
  kind: Kind,
  assetId: Type.String(),
  deviceId: Nullable(Type.String()),
  startedAt: Time,
  endedAt: Nullable(Time),
  lat: Nullable(Type.Number()),
  lon: Nullable(Type.Number()),
  status: Type.Enum(ALERT_STATUSES),
  acknowledgedBy: Nullable(Type.String()),
  acknowledgedAt: Nullable(Time),
  resolvedBy: Nullable(Type.String()),
  resolvedAt: Nullable(Time),
  note: Nullable(Type.String()),
  orderId: Nullable(Type.String({ description: 'the work order it raised' })),
});

/** An alert as the API sends it. */
export type AlertView = Static<typeof AlertSchema>;

/** GET /api/alerts. */
export const AlertListQuery = Type.Object({
  status: Type.Optional(Type.Enum(ALERT_STATUSES)),
  kind: Type.Optional(Kind),
  assetId: Type.Optional(RefId),
  unitId: Type.Optional(RefId),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'exclusive' })),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  cursor: Type.Optional(Type.String({ maxLength: 100 })),
});

/** A page of alerts, newest first. */
export const AlertPageSchema = Type.Object({
  items: Type.Array(AlertSchema),
  nextCursor: Type.Optional(Type.String()),
});

/** POST /api/alerts/:id/resolve. */
export const ResolveAlertBody = Type.Object({
  note: Type.String({ minLength: 1, maxLength: 1000 }),
});
