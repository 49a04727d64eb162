import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Static } from 'typebox';
import type { positionView } from '../ingest/pipeline.ts';
import type { alertRuleView, alertView, listVisibleAlerts } from '../services/alerts/index.ts';
import type { assetView } from '../services/assets/index.ts';
import type { attachmentView } from '../services/attachments/index.ts';
import type { categoryView } from '../services/categories/index.ts';
import type { deviceView } from '../services/devices/index.ts';
import type { dockView } from '../services/docks/index.ts';
import type { clockEventView, dutyDay, listDutyEvents } from '../services/duty/index.ts';
import type { getFleetSettings } from '../services/fleet-settings/index.ts';
import type { unitIndicators, unitRankings } from '../services/indicators/index.ts';
import type {
  actualView,
  getMetricDetail,
  getProgressSettings,
  importMetrics,
  metricView,
  progressAt,
  targetView,
} from '../services/metrics/index.ts';
import type { listMyNotifications, notificationView } from '../services/notifications/index.ts';
import type { fieldCheckFor, orderAssetsFor } from '../services/order-assets/index.ts';
import type { eventView, findDuplicates, listVisibleOrders, orderView } from '../services/orders/index.ts';
import type { segmentView } from '../services/segments/index.ts';
import type { getAssetShifts, getUnitShifts } from '../services/shifts/index.ts';
import type { fleetDay, fleetMonth, getAssetDay } from '../services/summaries/index.ts';
import type { listAssetStops, listAssetTrips, TrackJsonPoint } from '../services/tracks/index.ts';
import type { buildTree, unitView } from '../services/units/index.ts';
import type { listVisibleUnloads, unloadView } from '../services/unloads/index.ts';
import type { userView } from '../services/users/index.ts';
import type { AlertPageSchema, AlertRuleSchema, AlertSchema } from './alerts.ts';
import type { AssetSchema } from './assets.ts';
import type { AttachmentSchema } from './attachments.ts';
import type { CategorySchema } from './categories.ts';
import type { DeviceSchema } from './devices.ts';
import type { DockSchema } from './docks.ts';
import type { ClockEventSchema, DutyDaySchema, DutyEventListSchema } from './duty.ts';
import type { FleetSettingsSchema } from './fleet-settings.ts';
import type { RankingsSchema, UnitIndicatorsSchema } from './indicators.ts';
import type {
  MetricActualSchema,
  MetricDetailSchema,
  MetricImportSchema,
  MetricSchema,
  MetricTargetSchema,
  ProgressSchema,
  ProgressSettingsSchema,
} from './metrics.ts';
import type { InboxSchema, NotificationSchema } from './notifications.ts';
import type { FieldCheckSchema, OrderAssetsSchema } from './order-assets.ts';
import type { DuplicateSchema, OrderEventSchema, OrderPageSchema, OrderSchema } from './orders.ts';
import type { PositionSchema } from './positions.ts';
import type { SegmentSchema } from './segments.ts';
import type { ShiftPlanSchema } from './shifts.ts';
import type { DaySummarySchema, FleetDaySchema, FleetMonthSchema } from './summaries.ts';
import type { StopListSchema, TrackSchema, TripListSchema } from './tracks.ts';
import type { UnitSchema, UnitTreeNodeView } from './units.ts';
import type { UnloadPageSchema, UnloadSchema } from './unloads.ts';
import type { UserSchema } from './users.ts';

/**
 * True when A and B are the same type. Stricter than mutual assignability, which would take
 * `{ a: string; b?: number }` for `{ a: string }`: a view sending an optional field its schema
 * lacks would pass that, and the serializer would still drop the field.
 */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when the two types are the same: `true` is not a `false`. */
const same = <A, B>(proof: Equals<A, B>): boolean => proof;

type Returned<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

// `npm test` type-checks this file before running it: a view returning a field its schema lacks,
// or lacking one its schema has, fails the build here (and at the view, typed by the schema).
describe('API shapes: each view returns exactly its response schema', () => {
  it('work orders, their timeline, pages and duplicates', () => {
    assert.ok(same<Returned<typeof orderView>, Static<typeof OrderSchema>>(true));
    assert.ok(same<Returned<typeof eventView>, Static<typeof OrderEventSchema>>(true));
    assert.ok(same<Returned<typeof listVisibleOrders>, Static<typeof OrderPageSchema>>(true));
    assert.ok(same<Returned<typeof findDuplicates>, Static<typeof DuplicateSchema>[]>(true));
  });

  it('the boats on an order and their field check', () => {
    assert.ok(same<Returned<typeof orderAssetsFor>, Static<typeof OrderAssetsSchema>>(true));
    assert.ok(same<Returned<typeof fieldCheckFor>, Static<typeof FieldCheckSchema>>(true));
  });

  it('units, users, devices, assets and positions', () => {
    assert.ok(same<Returned<typeof unitView>, Static<typeof UnitSchema>>(true));
    assert.ok(same<Returned<typeof buildTree>, UnitTreeNodeView[]>(true));
    assert.ok(same<Returned<typeof userView>, Static<typeof UserSchema>>(true));
    assert.ok(same<Returned<typeof deviceView>, Static<typeof DeviceSchema>>(true));
    assert.ok(same<Returned<typeof assetView>, Static<typeof AssetSchema>>(true));
    assert.ok(same<Returned<typeof positionView>, Static<typeof PositionSchema>>(true));
  });

  it('an asset’s trips, stops and track', () => {
    assert.ok(same<Returned<typeof listAssetTrips>, Static<typeof TripListSchema>>(true));
    assert.ok(same<Returned<typeof listAssetStops>, Static<typeof StopListSchema>>(true));
    assert.ok(same<{ items: TrackJsonPoint[] }, Static<typeof TrackSchema>>(true));
    assert.ok(same<Returned<typeof getFleetSettings>, Static<typeof FleetSettingsSchema>>(true));
  });

  it('the fleet’s records: docks, segments, shift plans, duty, unloads', () => {
    assert.ok(same<Returned<typeof dockView>, Static<typeof DockSchema>>(true));
    assert.ok(same<Returned<typeof segmentView>, Static<typeof SegmentSchema>>(true));
    assert.ok(same<Returned<typeof getAssetShifts>, Static<typeof ShiftPlanSchema>>(true));
    assert.ok(same<Returned<typeof getUnitShifts>, Static<typeof ShiftPlanSchema>>(true));
    assert.ok(same<Returned<typeof clockEventView>, Static<typeof ClockEventSchema>>(true));
    assert.ok(same<Returned<typeof dutyDay>, Static<typeof DutyDaySchema>>(true));
    assert.ok(same<Returned<typeof listDutyEvents>, Static<typeof DutyEventListSchema>>(true));
    assert.ok(same<Returned<typeof unloadView>, Static<typeof UnloadSchema>>(true));
    assert.ok(same<Returned<typeof listVisibleUnloads>, Static<typeof UnloadPageSchema>>(true));
  });

  it('alert rules, alerts and their pages', () => {
    assert.ok(same<Returned<typeof alertRuleView>, Static<typeof AlertRuleSchema>>(true));
    assert.ok(same<Returned<typeof alertView>, Static<typeof AlertSchema>>(true));
    assert.ok(same<Returned<typeof listVisibleAlerts>, Static<typeof AlertPageSchema>>(true));
  });

  it('daily summaries: an asset’s day, the fleet’s day and month', () => {
    assert.ok(same<Returned<typeof getAssetDay>, Static<typeof DaySummarySchema>>(true));
    assert.ok(same<Returned<typeof fleetDay>, Static<typeof FleetDaySchema>>(true));
    assert.ok(same<Returned<typeof fleetMonth>, Static<typeof FleetMonthSchema>>(true));
  });

  it('categories, notifications and attachments', () => {
    assert.ok(same<Returned<typeof categoryView>, Static<typeof CategorySchema>>(true));
    assert.ok(same<Returned<typeof notificationView>, Static<typeof NotificationSchema>>(true));
    assert.ok(same<Returned<typeof listMyNotifications>, Static<typeof InboxSchema>>(true));
    assert.ok(same<Returned<typeof attachmentView>, Static<typeof AttachmentSchema>>(true));
  });

  it('work-order indicators and rankings', () => {
    assert.ok(same<Returned<typeof unitIndicators>, Static<typeof UnitIndicatorsSchema>>(true));
    assert.ok(same<Returned<typeof unitRankings>, Static<typeof RankingsSchema>>(true));
  });

  it('metrics, their targets and actuals, imports and schedule progress', () => {
    assert.ok(same<Returned<typeof metricView>, Static<typeof MetricSchema>>(true));
    assert.ok(same<Returned<typeof getMetricDetail>, Static<typeof MetricDetailSchema>>(true));
    assert.ok(same<Returned<typeof targetView>, Static<typeof MetricTargetSchema>>(true));
    assert.ok(same<Returned<typeof actualView>, Static<typeof MetricActualSchema>>(true));
    assert.ok(same<Returned<typeof importMetrics>, Static<typeof MetricImportSchema>>(true));
    assert.ok(same<Returned<typeof progressAt>, Static<typeof ProgressSchema>>(true));
    assert.ok(same<Returned<typeof getProgressSettings>, Static<typeof ProgressSettingsSchema>>(true));
  });
});
