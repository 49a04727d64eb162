import type { AlertView } from '../../api/index.ts';
import type { AlertKind } from '../../domain/alerts/index.ts';
import { fail } from '../../errors/catalogue.ts';
import type { LiveBus } from '../../live/bus.ts';
import {
  type AlertRecord,
  type AlertStatus,
  findAlert,
  findAlertsOfOrders,
  listAlerts,
  updateAlert,
} from '../../store/alerts.repository.ts';
import { findAssetByUser } from '../../store/assets.repository.ts';
import type { Db } from '../../store/database.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { findUnit } from '../../store/units.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { instantPage, parseInstantCursor } from '../paging.ts';
import { assertHeldInScope, listScopeUnder } from '../scope/index.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** An alert as the API returns it. */
export function alertView(a: AlertRecord): AlertView {
  return {
    id: a.id,
    ruleId: a.ruleId,
    kind: a.kind as AlertKind,
    assetId: a.assetId,
    deviceId: a.deviceId,
    startedAt: new Date(a.startedAt).toISOString(),
    endedAt: iso(a.endedAt),
    lat: a.lat,
    lon: a.lon,
    status: a.status,
    acknowledgedBy: a.acknowledgedBy,
    acknowledgedAt: iso(a.acknowledgedAt),
    resolvedBy: a.resolvedBy,
    resolvedAt: iso(a.resolvedAt),
    note: a.note,
    orderId: a.orderId,
  };
}

/** What happened to an alert, as the live `alert` event tells it. */
export type AlertChange = 'opened' | 'ended' | 'acknowledged' | 'resolved';

/** Pushes an alert's change to the consoles whose scope holds its asset's unit. */
export async function publishAlert(
  db: Db,
  bus: LiveBus,
  alert: AlertRecord,
  change: AlertChange,
): Promise<void> {
  if (!bus.listening) return;
  const unitPath = (await findUnit(db, alert.unitId))?.path ?? null;
  bus.publish({ type: 'alert', unitPath, data: { ...alertView(alert), change } });
}

/** The alert, if its asset's unit is in the caller's scope; ALERT_NOT_FOUND otherwise (as for an unknown id). */
export async function getAlertOrThrow(
  ctx: ServiceContext,
  who: Principal | null,
  id: string,
): Promise<AlertRecord> {
  const notFound = () => fail('ALERT_NOT_FOUND', `No alert with id ${id}`);
  const alert = await findAlert(ctx.db, id);
  if (!alert) return notFound();
  await assertHeldInScope(ctx, who, alert.unitId, notFound);
  if (who?.role === 'crew' && alert.assetId !== (await crewBoatOf(ctx, who))) notFound();
  return alert;
}

/** A crew member's boat: the alerts it may see are that boat's ('' for none). */
export async function crewBoatOf(ctx: ServiceContext, who: Principal): Promise<string> {
  return (await findAssetByUser(ctx.db, who.userId))?.boatId ?? '';
}

/** GET /api/alerts: the query as the service takes it. */
export interface AlertListQuery {
  status?: AlertStatus;
  kind?: string;
  assetId?: string;
  unitId?: string;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

function instant(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) fail('TIME_RANGE_INVALID', `${field} is not a time`, { field });
  return ms;
}

/** Alerts in the caller's scope (a crew member: its boat's), newest first. */
export async function listVisibleAlerts(
  ctx: ServiceContext,
  who: Principal,
  q: AlertListQuery,
): Promise<{ items: AlertView[]; nextCursor?: string }> {
  const scopePath = await listScopeUnder(ctx, who, q.unitId, () =>
    fail('UNIT_NOT_FOUND', `No unit with id ${q.unitId}`, { field: 'unitId' }),
  );
  const from = instant(q.from, 'from');
  const to = instant(q.to, 'to');
  if (from !== undefined && to !== undefined && from >= to) {
    fail('TIME_RANGE_INVALID', 'from must be before to', { field: 'from' });
  }
  const page = await listAlerts(ctx.db, {
    scopePath,
    assetIds: who.role === 'crew' ? [await crewBoatOf(ctx, who)] : undefined,
    status: q.status,
    kind: q.kind,
    assetId: q.assetId,
    from,
    to,
    after: q.cursor ? parseInstantCursor(q.cursor, 'startedAt') : undefined,
    limit: q.limit + 1,
  });
  return instantPage(page, q.limit, (a) => a.startedAt, alertView);
}

/** POST /api/alerts/:id/acknowledge: open → acknowledged (409 ALERT_STATE_WRONG otherwise). */
export async function acknowledgeAlert(
  ctx: ServiceContext,
  who: Principal,
  id: string,
): Promise<AlertRecord> {
  const alert = await getAlertOrThrow(ctx, who, id);
  if (alert.status !== 'open') {
    fail('ALERT_STATE_WRONG', `The alert is ${alert.status}: only an open alert is acknowledged`);
  }
  const patch = { status: 'acknowledged' as const, acknowledgedBy: who.userId, acknowledgedAt: ctx.now() };
  await writeTransaction(ctx.db, [], (trx) => updateAlert(trx, id, patch));
  return { ...alert, ...patch };
}

/**
 * POST /api/alerts/:id/resolve: open or acknowledged → resolved with a note (409 when already
 * resolved). The order it raised stays as it is.
 */
export async function resolveAlert(
  ctx: ServiceContext,
  who: Principal,
  id: string,
  note: string,
): Promise<AlertRecord> {
  const alert = await getAlertOrThrow(ctx, who, id);
  if (alert.status === 'resolved') fail('ALERT_STATE_WRONG', 'The alert is already resolved');
  const patch = {
    status: 'resolved' as const,
    resolvedBy: who.userId,
    resolvedAt: ctx.now(),
    note: note.trim(),
  };
  await writeTransaction(ctx.db, [], (trx) => updateAlert(trx, id, patch));
  return { ...alert, ...patch };
}

/** Pushes the alerts an order raised to the live feed (after its closure resolved them). */
export async function publishAlertsOfOrder(
  ctx: ServiceContext,
  bus: LiveBus,
  orderId: string,
): Promise<void> {
  for (const a of await findAlertsOfOrders(ctx.db, [orderId])) await publishAlert(ctx.db, bus, a, 'resolved');
}
