/**
 * The one Kysely schema shared by SQLite and PostgreSQL. Times are epoch milliseconds (UTC)
 * in BIGINT columns on both dialects: compact, index-friendly, and identical in behaviour.
 * JSON columns are TEXT on SQLite and JSONB on PostgreSQL; read them through `parseJson`.
 * The tables are declared per feature in ./schema/; this file assembles them into `Database`
 * and hands their types on, so repositories import from here.
 */

import type { AlertRuleTable, AlertTable } from './schema/alerts.ts';
import type {
  AssetSegmentTable,
  AssetTable,
  BoatCrewTable,
  ClockEventTable,
  DaySummaryMarkTable,
  DaySummaryTable,
  DeviceTable,
  DockTable,
  PositionTable,
  SegmentTable,
  ShiftPlanTable,
  UnloadTable,
} from './schema/fleet.ts';
import type {
  MetricActualTable,
  MetricTable,
  MetricTargetTable,
  ReportTable,
  TaskNoteTable,
  TaskSupervisionTable,
  TaskTable,
} from './schema/metrics.ts';
import type { NoticeTable, NoticeUnitTable, NotificationTable } from './schema/notices.ts';
import type { Open311KeyTable, Open311RequestTable } from './schema/open311.ts';
import type {
  AttachmentOrderTable,
  CalendarYearTable,
  CategoryTable,
  CounterTable,
  OrderEventTable,
  OrderFieldCheckTable,
  OrderFollowerTable,
  OrderRollupTable,
  OrderTable,
  OrderUnitTable,
} from './schema/orders.ts';
import type { SessionTable, UnitTable, UserTable } from './schema/org.ts';
import type {
  AttachmentTable,
  AuditTable,
  IdempotencyKeyTable,
  JobLeaseTable,
  SettingTable,
} from './schema/platform.ts';

export type * from './schema/alerts.ts';
export type * from './schema/fleet.ts';
export type * from './schema/metrics.ts';
export type * from './schema/notices.ts';
export type * from './schema/open311.ts';
export type * from './schema/orders.ts';
export type * from './schema/org.ts';
export type * from './schema/platform.ts';

export interface Database {
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditTable;
  segments: SegmentTable;
  assets: AssetTable;
  asset_segments: AssetSegmentTable;
  boat_crew: BoatCrewTable;
  shift_plans: ShiftPlanTable;
  clock_events: ClockEventTable;
  unloads: UnloadTable;
  day_summaries: DaySummaryTable;
  day_summary_marks: DaySummaryMarkTable;
  docks: DockTable;
  alert_rules: AlertRuleTable;
  alerts: AlertTable;
  devices: DeviceTable;
  positions: PositionTable;
  latest_positions: PositionTable;
  settings: SettingTable;
  categories: CategoryTable;
  calendar_years: CalendarYearTable;
  counters: CounterTable;
  orders: OrderTable;
  order_events: OrderEventTable;
  order_units: OrderUnitTable;
  order_followers: OrderFollowerTable;
  attachments: AttachmentTable;
  attachment_orders: AttachmentOrderTable;
  job_leases: JobLeaseTable;
  notifications: NotificationTable;
  notices: NoticeTable;
  notice_units: NoticeUnitTable;
  open311_keys: Open311KeyTable;
  open311_requests: Open311RequestTable;
  metrics: MetricTable;
  metric_targets: MetricTargetTable;
  metric_actuals: MetricActualTable;
  tasks: TaskTable;
  task_notes: TaskNoteTable;
  task_supervisions: TaskSupervisionTable;
  reports: ReportTable;
  order_field_checks: OrderFieldCheckTable;
  idempotency_keys: IdempotencyKeyTable;
  order_rollups: OrderRollupTable;
}
