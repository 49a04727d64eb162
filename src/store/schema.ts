/**
 * The one Kysely schema shared by SQLite and PostgreSQL. Times are epoch milliseconds (UTC)
 * in BIGINT columns on both dialects: compact, index-friendly, and identical in behaviour.
 * JSON columns are TEXT on SQLite and JSONB on PostgreSQL; read them through `parseJson`.
 */
export interface UnitTable {
  id: string;
  kind: string;
  parent_id: string | null;
  /** Materialised path of ids, "/root/…/self/", so scope checks are one prefix match. */
  path: string;
  code: string;
  name: string;
  polygon: unknown | null;
  created_at: number;
  updated_at: number;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  unit_id: string;
  /** The grid a resident lives in, when known (their unit is their community). */
  grid_id: string | null;
  phone: string | null;
  active: number;
  failed_logins: number;
  last_failed_at: number | null;
  locked_until: number | null;
  created_at: number;
  updated_at: number;
}

export interface SessionTable {
  token_hash: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  ip: string | null;
}

export interface AuditTable {
  id: string;
  at: number;
  user_id: string | null;
  action: string;
  target: string | null;
  status: number;
  ip: string | null;
  details: unknown | null;
}

export interface SegmentTable {
  id: string;
  code: string;
  name: string;
  /** GeoJSON LineString or MultiLineString of the river's centre line, WGS-84. */
  geometry: unknown;
  /** Half-width of the water surface, for coverage and "outside segment" checks. */
  half_width_m: number;
  unit_id: string | null;
  created_at: number;
}

export interface AssetTable {
  id: string;
  kind: string;
  code: string;
  name: string;
  unit_id: string;
  /** The first of the asset's segments (asset_segments), for readers that know one only. */
  segment_id: string | null;
  /** A crew member's login (a user with role crew), unique among assets. */
  user_id: string | null;
  created_at: number;
  updated_at: number;
}

/** A crew member (a `crew` asset) on a boat: at most one boat each (the key). */
export interface BoatCrewTable {
  member_id: string;
  boat_id: string;
  assigned_at: number;
}

/** A shift plan (排班) of an asset, or of a unit as the default for its assets: the domain's ShiftPlan. */
export interface ShiftPlanTable {
  owner_id: string;
  owner_kind: string;
  plan: unknown;
  updated_at: number;
}

/** The river segments an asset patrols, in order (ordinal 0 is its `segment_id`). */
export interface AssetSegmentTable {
  asset_id: string;
  segment_id: string;
  ordinal: number;
}

/** A crew member's clock-in or clock-out (上班/下班打卡); `flags` is a JSON array of ClockFlag. */
export interface ClockEventTable {
  id: string;
  kind: string;
  member_id: string;
  boat_id: string;
  user_id: string;
  /** When it happened, as the phone says (queued without signal: earlier than recorded_at). */
  at: number;
  recorded_at: number;
  lat: number;
  lon: number;
  distance_m: number | null;
  flags: unknown;
  photo_id: string | null;
}

/** A rubbish unload (卸载): a boat's tonnes at a time, at a dock or a point. */
export interface UnloadTable {
  id: string;
  asset_id: string;
  at: number;
  tonnes: number;
  dock_id: string | null;
  lat: number | null;
  lon: number | null;
  photo_id: string | null;
  /** Who logged it; null for seeded demo records. */
  recorded_by: string | null;
  created_at: number;
}

/** One asset's day (日汇总): the month report's figures as columns, the whole view as JSON in `body`. */
export interface DaySummaryTable {
  asset_id: string;
  /** Local date YYYY-MM-DD (Asia/Shanghai). */
  date: string;
  distance_m: number;
  work_s: number;
  rest_s: number;
  coverage: number | null;
  tonnes: number;
  body: string;
  computed_at: number;
}

/** A day whose summary is out of date: facts for it arrived after (or without) its computation. */
export interface DaySummaryMarkTable {
  asset_id: string;
  date: string;
  marked_at: number;
}

/** A dock (码头/停靠点): a point where boats moor and unload, and how far from it still counts as at it. */
export interface DockTable {
  id: string;
  name: string;
  lat: number;
  lon: number;
  radius_m: number;
  unit_id: string;
  created_at: number;
  updated_at: number;
}

export interface DeviceTable {
  id: string;
  name: string;
  protocol: string;
  /** JT/T 808 terminal phone number, GT06 IMEI, OsmAnd/MQTT id. */
  identifier: string;
  asset_id: string | null;
  unit_id: string;
  auth_code: string | null;
  offline_after_s: number;
  last_seen_at: number | null;
  created_at: number;
  updated_at: number;
}

/** A fix. `time` is the device's fix time; `flags` is a bit set of PositionFlag. */
export interface PositionTable {
  device_id: string;
  time: number;
  server_time: number;
  lat: number;
  lon: number;
  speed: number;
  course: number;
  altitude: number;
  valid: number;
  flags: number;
  attributes: unknown | null;
}

export interface SettingTable {
  key: string;
  value: unknown;
  updated_at: number;
}

/** One photo upload. Identical bytes share one stored file: `sha256` names it, as `thumbnail_sha256` names the thumbnail's. */
export interface AttachmentTable {
  id: string;
  sha256: string;
  mime: string;
  bytes: number;
  /** Display size in pixels, EXIF orientation applied. */
  width: number;
  height: number;
  file_name: string | null;
  uploaded_by: string;
  created_at: number;
  thumbnail_sha256: string | null;
  thumbnail_mime: string | null;
}

/** One minor class of the work-order dictionary (清单制): type → major → minor, with its defaults. */
export interface CategoryTable {
  id: string;
  /** 'component' (部件) or 'event' (事件). */
  type: string;
  major_code: string;
  major_name: string;
  minor_code: string;
  minor_name: string;
  /** The time limit (处置时限) in working hours or working days. */
  time_limit_amount: number;
  time_limit_unit: string;
  /** 'department' (with default_unit_id), or the community/grid/workstation around the order. */
  default_unit_kind: string | null;
  default_unit_id: string | null;
  default_stage: string;
  duplicate_radius_m: number;
  active: number;
  /** Open311 attribute definitions asked for when reporting in this category. */
  extra_fields: unknown | null;
  created_at: number;
  updated_at: number;
}

/** One year of public holidays and make-up working days, in the domain's CalendarYear shape. */
export interface CalendarYearTable {
  year: number;
  data: unknown;
  updated_at: number;
}

/** A named counter, bumped atomically inside the transaction that uses it (order-code sequences). */
export interface CounterTable {
  key: string;
  value: number;
}

/**
 * A work order. `state` is the domain's OrderState as JSON, the one source of truth for the
 * flow; the other columns copy what lists filter, sort and index on, written in the same
 * statement. yellow_at/red_at are when the light turns yellow and red (null: no time limit
 * running); light/overdue are the light as of the last write, which the time-limit job refreshes.
 */
export interface OrderTable {
  id: string;
  code: string;
  status: string;
  level: string;
  category_id: string;
  stage: string;
  source: string;
  description: string;
  address: string | null;
  lat: number;
  lon: number;
  grid_id: string | null;
  community_id: string | null;
  reporter_user_id: string | null;
  responsible_unit_id: string | null;
  responsible_user_id: string | null;
  deadline: number | null;
  yellow_at: number | null;
  red_at: number | null;
  light: string | null;
  overdue: number;
  /** The deadline the scheduler last raised automatic supervision (督办) for: state.supervision.autoForDeadline. */
  auto_supervised_for: number | null;
  /**
   * When the return-visit job reminds the centre of a closed order without a visit (回访); set from
   * the state at every write, cleared by the job once it has reminded (see 0015-turns).
   */
  visit_due_at: number | null;
  parked: number;
  /** When an approved wait (挂账 until a date) is over: state.parked.until; the job resumes the order then (see 0019-park-until). */
  park_until: number | null;
  merged_into_id: string | null;
  /** Lower-cased code, description, address and category name, for the list's text filter. */
  search_text: string;
  /** Values of the category's extra fields (Open311 attributes). */
  attributes: unknown | null;
  state: unknown;
  version: number;
  created_at: number;
  updated_at: number;
  closed_at: number | null;
}

/** One entry of an order's append-only timeline; `seq` is the order's version after it. */
export interface OrderEventTable {
  order_id: string;
  seq: number;
  action: string;
  from_state: string | null;
  to_state: string;
  actor_user_id: string;
  actor_role: string;
  actor_unit_id: string | null;
  at: number;
  note: string | null;
  /** Attachment ids added with the event. */
  photos: unknown;
  data: unknown;
}

/** A unit an order has involved (grid, responsible unit, sub-task unit): the basis of order scope. */
export interface OrderUnitTable {
  order_id: string;
  unit_id: string;
}

/** A user who follows an order: its reporter, and the reporters of duplicates merged into it. */
export interface OrderFollowerTable {
  order_id: string;
  user_id: string;
  since: number;
}

/** A photo an order refers to (an event of the order lists it): what scopes the photo's download. */
export interface AttachmentOrderTable {
  attachment_id: string;
  order_id: string;
}

/** Who runs a periodic job until when: one of several server processes holds it at a time. */
export interface JobLeaseTable {
  name: string;
  holder: string;
  expires_at: number;
}

/** One entry of a user's in-app inbox; `data` holds what the console needs to render and link it. */
export interface NotificationTable {
  id: string;
  user_id: string;
  unit_id: string | null;
  kind: string;
  order_id: string | null;
  order_code: string | null;
  message: string;
  data: unknown;
  created_at: number;
  read_at: number | null;
}

/** A notice to residents (社区公告) by a community or workstation, valid for a period. */
export interface NoticeTable {
  id: string;
  title: string;
  body: string;
  valid_from: number;
  valid_to: number;
  order_id: string | null;
  author_user_id: string;
  author_unit_id: string;
  created_at: number;
}

/** A grid or community a notice is for: the residents there are told. */
export interface NoticeUnitTable {
  notice_id: string;
  unit_id: string;
  /** 'grid' or 'community', as the author named it. */
  unit_kind: string;
}

/** An Open311 client's API key; only its SHA-256 is kept, the key itself is shown once. */
export interface Open311KeyTable {
  id: string;
  name: string;
  key_hash: string;
  created_by: string | null;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

/** What an Open311 client sent with a request besides the order: contact (never public), media, address id. */
export interface Open311RequestTable {
  order_id: string;
  key_id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  device_id: string | null;
  account_id: string | null;
  address_id: string | null;
  /** media_url values as a JSON array of strings. */
  media_urls: unknown;
  created_at: number;
}

/** A performance metric (指标) followed against the schedule (序时进度). */
export interface MetricTable {
  id: string;
  code: string;
  name: string;
  unit_of_measure: string;
  owner_unit_id: string;
  owner_user_id: string | null;
  kind: string;
  direction: string;
  schedule_basis: string;
  /** Null for entered actuals; else what computes them (orders:closureRate…). */
  source: string | null;
  created_at: number;
  updated_at: number;
}

/** A metric's annual target for one year and unit, with the monthly plan if given. */
export interface MetricTargetTable {
  metric_id: string;
  year: number;
  unit_id: string;
  annual: number;
  /** Twelve numbers as JSON, or null. */
  monthly: unknown | null;
  updated_by: string | null;
  updated_at: number;
}

/** A month's actual of a metric ('YYYY-MM'; cumulative as of the month's end for cumulative metrics). */
export interface MetricActualTable {
  metric_id: string;
  period: string;
  value: number;
  note: string | null;
  entered_by: string | null;
  entered_at: number;
}

/** A key task (重点工作); milestones as JSON `[{ title, dueAt, doneAt }]`. */
export interface TaskTable {
  id: string;
  title: string;
  owner_unit_id: string;
  owner_user_id: string;
  deadline: number;
  milestones: unknown;
  done_at: number | null;
  /** The ISO week its owner was last reminded of a missing push-day note. */
  reminded_week: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

/** A progress note on a key task; photos as a JSON array of attachment ids. */
export interface TaskNoteTable {
  id: string;
  task_id: string;
  text: string;
  percent: number | null;
  photos: unknown;
  author_user_id: string;
  created_at: number;
}

/** A supervision letter (督办) sent on a red task. */
export interface TaskSupervisionTable {
  id: string;
  task_id: string;
  text: string;
  by_user_id: string;
  created_at: number;
}

/** An issued report (weekly 量化式报告), archived unchanged as the JSON it was issued with. */
export interface ReportTable {
  id: string;
  kind: string;
  week: string;
  unit_id: string;
  issued_at: number;
  /** Null when the push-day job issued it. */
  issued_by: string | null;
  body: unknown;
}

/** An alert rule (告警规则): what it watches, for whose assets, and whether it opens orders. */
export interface AlertRuleTable {
  id: string;
  name: string;
  kind: string;
  params: unknown;
  unit_id: string;
  asset_kinds: unknown | null;
  enabled: number;
  /** { categoryId, stage } or null. */
  open_order: unknown | null;
  created_at: number;
  updated_at: number;
}

/** One alert episode (告警): open → acknowledged → resolved, the order it raised. */
export interface AlertTable {
  id: string;
  rule_id: string;
  kind: string;
  asset_id: string;
  device_id: string | null;
  /** The asset's unit when it opened: who may see it. */
  unit_id: string;
  started_at: number;
  raised_at: number;
  ended_at: number | null;
  lat: number | null;
  lon: number | null;
  status: string;
  acknowledged_by: string | null;
  acknowledged_at: number | null;
  resolved_by: string | null;
  resolved_at: number | null;
  note: string | null;
  order_id: string | null;
}

/** A field check's answer for an order's closed window and a radius (0018-field-checks). */
export interface OrderFieldCheckTable {
  order_id: string;
  window_from: number;
  window_to: number;
  radius_m: number;
  answer: unknown;
  computed_at: number;
}

/** The answer given to a request sent with an Idempotency-Key, per user and key, kept 24 hours. */
export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  /** sha-256 of the method, the route with its parameters, and the body. */
  fingerprint: string;
  /** The answer's HTTP status; null while the first request with the key is being served. */
  status: number | null;
  /** The answer's body as sent. */
  response: string | null;
  created_at: number;
}

/** Daily order rollups: one unit path's counter changes for facts of `day` made on `as_of_day` (local day numbers). */
export interface OrderRollupTable {
  unit_path: string;
  day: number;
  as_of_day: number;
  registered: number;
  closed: number;
  due: number;
  closed_on_time: number;
  verifications: number;
  reworks: number;
  response_count: number;
  response_ms: number;
  handling_count: number;
  handling_ms: number;
  visited: number;
  satisfied: number;
  solved: number;
}

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
