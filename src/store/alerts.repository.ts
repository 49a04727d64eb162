import type { Db } from './database.ts';
import { parseJson, toJson } from './dialect/json.ts';
import type { AlertRuleTable, AlertTable } from './schema.ts';
import { unitPathUnder } from './scope.ts';

/** An alert rule as the services see it. */
export interface AlertRuleRecord {
  id: string;
  name: string;
  kind: string;
  params: Record<string, unknown>;
  unitId: string;
  assetKinds: string[] | null;
  enabled: boolean;
  openOrder: { categoryId: string; stage: 'before' } | null;
  createdAt: number;
  updatedAt: number;
}

/** Alert statuses: open → acknowledged → resolved. */
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';

/** An alert episode as the services see it. */
export interface AlertRecord {
  id: string;
  ruleId: string;
  kind: string;
  assetId: string;
  deviceId: string | null;
  unitId: string;
  startedAt: number;
  raisedAt: number;
  endedAt: number | null;
  lat: number | null;
  lon: number | null;
  status: AlertStatus;
  acknowledgedBy: string | null;
  acknowledgedAt: number | null;
  resolvedBy: string | null;
  resolvedAt: number | null;
  note: string | null;
  orderId: string | null;
}

function toRule(r: AlertRuleTable): AlertRuleRecord {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    params: parseJson<Record<string, unknown>>(r.params) ?? {},
    unitId: r.unit_id,
    assetKinds: parseJson<string[]>(r.asset_kinds),
    enabled: r.enabled === 1,
    openOrder: parseJson<AlertRuleRecord['openOrder']>(r.open_order),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function ruleRow(r: AlertRuleRecord): AlertRuleTable {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    params: toJson(r.params),
    unit_id: r.unitId,
    asset_kinds: toJson(r.assetKinds),
    enabled: r.enabled ? 1 : 0,
    open_order: toJson(r.openOrder),
    created_at: r.createdAt,
    updated_at: r.updatedAt,
  };
}

function toAlert(r: AlertTable): AlertRecord {
  return {
    id: r.id,
    ruleId: r.rule_id,
    kind: r.kind,
    assetId: r.asset_id,
    deviceId: r.device_id,
    unitId: r.unit_id,
    startedAt: Number(r.started_at),
    raisedAt: Number(r.raised_at),
    endedAt: r.ended_at === null ? null : Number(r.ended_at),
    lat: r.lat,
    lon: r.lon,
    status: r.status as AlertStatus,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedAt: r.acknowledged_at === null ? null : Number(r.acknowledged_at),
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at === null ? null : Number(r.resolved_at),
    note: r.note,
    orderId: r.order_id,
  };
}

/** The rule with this id, if any. */
export async function findAlertRule(db: Db, id: string): Promise<AlertRuleRecord | undefined> {
  const row = await db.selectFrom('alert_rules').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRule(row) : undefined;
}

/** Rules held by units under `scopePath` (null: all), by name. */
export async function listAlertRules(
  db: Db,
  filter: { scopePath?: string | null; enabled?: boolean } = {},
): Promise<AlertRuleRecord[]> {
  let q = db
    .selectFrom('alert_rules')
    .innerJoin('units', 'units.id', 'alert_rules.unit_id')
    .selectAll('alert_rules');
  if (filter.scopePath) q = q.where(unitPathUnder('units.path', filter.scopePath));
  if (filter.enabled !== undefined) q = q.where('alert_rules.enabled', '=', filter.enabled ? 1 : 0);
  const rows = await q.orderBy('alert_rules.name').orderBy('alert_rules.id').execute();
  return rows.map(toRule);
}

/** Stores a new rule. */
export async function insertAlertRule(db: Db, rule: AlertRuleRecord): Promise<void> {
  await db.insertInto('alert_rules').values(ruleRow(rule)).execute();
}

/** Replaces a rule's fields. */
export async function updateAlertRule(db: Db, rule: AlertRuleRecord): Promise<void> {
  const { id: _id, created_at: _created, ...row } = ruleRow(rule);
  await db.updateTable('alert_rules').set(row).where('id', '=', rule.id).execute();
}

/** Deletes a rule; its alerts stay (they are history). */
export async function deleteAlertRule(db: Db, id: string): Promise<void> {
  await db.deleteFrom('alert_rules').where('id', '=', id).execute();
}

/** Stores a new alert. */
export async function insertAlert(db: Db, a: AlertRecord): Promise<void> {
  await db
    .insertInto('alerts')
    .values({
      id: a.id,
      rule_id: a.ruleId,
      kind: a.kind,
      asset_id: a.assetId,
      device_id: a.deviceId,
      unit_id: a.unitId,
      started_at: a.startedAt,
      raised_at: a.raisedAt,
      ended_at: a.endedAt,
      lat: a.lat,
      lon: a.lon,
      status: a.status,
      acknowledged_by: a.acknowledgedBy,
      acknowledged_at: a.acknowledgedAt,
      resolved_by: a.resolvedBy,
      resolved_at: a.resolvedAt,
      note: a.note,
      order_id: a.orderId,
    })
    .execute();
}

/** Changes an alert's lifecycle fields. */
export async function updateAlert(
  db: Db,
  id: string,
  patch: Partial<
    Pick<
      AlertRecord,
      | 'endedAt'
      | 'status'
      | 'acknowledgedBy'
      | 'acknowledgedAt'
      | 'resolvedBy'
      | 'resolvedAt'
      | 'note'
      | 'orderId'
    >
  >,
): Promise<void> {
  await db
    .updateTable('alerts')
    .set({
      ...(patch.endedAt !== undefined && { ended_at: patch.endedAt }),
      ...(patch.status !== undefined && { status: patch.status }),
      ...(patch.acknowledgedBy !== undefined && { acknowledged_by: patch.acknowledgedBy }),
      ...(patch.acknowledgedAt !== undefined && { acknowledged_at: patch.acknowledgedAt }),
      ...(patch.resolvedBy !== undefined && { resolved_by: patch.resolvedBy }),
      ...(patch.resolvedAt !== undefined && { resolved_at: patch.resolvedAt }),
      ...(patch.note !== undefined && { note: patch.note }),
      ...(patch.orderId !== undefined && { order_id: patch.orderId }),
    })
    .where('id', '=', id)
    .execute();
}

/** The alert with this id, if any. */
export async function findAlert(db: Db, id: string): Promise<AlertRecord | undefined> {
  const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toAlert(row) : undefined;
}

/** The alerts an order was raised by (one, in practice). */
export async function findAlertsOfOrders(db: Db, orderIds: readonly string[]): Promise<AlertRecord[]> {
  if (orderIds.length === 0) return [];
  const rows = await db.selectFrom('alerts').selectAll().where('order_id', 'in', orderIds).execute();
  return rows.map(toAlert);
}

/** Episodes of an asset that have not ended, for a watch started after a restart. */
export async function listUnendedAlerts(db: Db, assetId: string): Promise<AlertRecord[]> {
  const rows = await db
    .selectFrom('alerts')
    .selectAll()
    .where('asset_id', '=', assetId)
    .where('ended_at', 'is', null)
    .execute();
  return rows.map(toAlert);
}

/** Filters of the alert list; times in epoch ms; the cursor is the last item's (startedAt, id). */
export interface AlertFilter {
  scopePath: string | null;
  /** Only these assets (a crew member sees its own boat's). */
  assetIds?: readonly string[];
  status?: AlertStatus;
  kind?: string;
  assetId?: string;
  unitPath?: string;
  from?: number;
  to?: number;
  after?: { startedAt: number; id: string };
  limit: number;
}

/** Alerts newest first, within the scope (the unit that held the asset when it opened). */
export async function listAlerts(db: Db, f: AlertFilter): Promise<AlertRecord[]> {
  let q = db.selectFrom('alerts').innerJoin('units', 'units.id', 'alerts.unit_id').selectAll('alerts');
  if (f.scopePath) q = q.where(unitPathUnder('units.path', f.scopePath));
  if (f.unitPath) q = q.where(unitPathUnder('units.path', f.unitPath));
  if (f.assetIds) q = q.where('alerts.asset_id', 'in', f.assetIds.length > 0 ? [...f.assetIds] : ['']);
  if (f.status) q = q.where('alerts.status', '=', f.status);
  if (f.kind) q = q.where('alerts.kind', '=', f.kind);
  if (f.assetId) q = q.where('alerts.asset_id', '=', f.assetId);
  if (f.from !== undefined) q = q.where('alerts.started_at', '>=', f.from);
  if (f.to !== undefined) q = q.where('alerts.started_at', '<', f.to);
  const after = f.after;
  if (after) {
    q = q.where((eb) =>
      eb.or([
        eb('alerts.started_at', '<', after.startedAt),
        eb.and([eb('alerts.started_at', '=', after.startedAt), eb('alerts.id', '<', after.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('alerts.started_at', 'desc')
    .orderBy('alerts.id', 'desc')
    .limit(f.limit)
    .execute();
  return rows.map(toAlert);
}

/** Resolves the unresolved alerts that raised an order (its closure, 结案), in the caller's transaction. */
export async function resolveAlertsOfOrder(
  db: Db,
  orderId: string,
  by: { userId: string; at: number; note: string },
): Promise<void> {
  await db
    .updateTable('alerts')
    .set({ status: 'resolved', resolved_by: by.userId, resolved_at: by.at, note: by.note })
    .where('order_id', '=', orderId)
    .where('status', '!=', 'resolved')
    .execute();
}
