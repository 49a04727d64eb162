/**
 * The river fleet: segments, assets and crews, docks, devices and their positions, and the days they make.
 * Times and JSON columns follow the conventions in ../schema.ts.
 */

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
