/**
 * Alerts on the fleet: the rules and the episodes they open.
 * Times and JSON columns follow the conventions in ../schema.ts.
 */

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
