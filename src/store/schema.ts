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
  /** GeoJSON LineString of the river's centre line, WGS-84. */
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
  segment_id: string | null;
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

export interface Database {
  units: UnitTable;
  users: UserTable;
  sessions: SessionTable;
  audit_log: AuditTable;
  segments: SegmentTable;
  assets: AssetTable;
  devices: DeviceTable;
  positions: PositionTable;
  latest_positions: PositionTable;
  settings: SettingTable;
}
