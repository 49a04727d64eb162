import { ALERT_KIND_LABEL, type AlertKind, type EpisodeStart } from '../../domain/alerts/index.ts';
import { newId } from '../../ids.ts';
import type { LiveBus } from '../../live/bus.ts';
import {
  type AlertRecord,
  type AlertRuleRecord,
  findAlert,
  insertAlert,
  updateAlert,
} from '../../store/alerts.repository.ts';
import type { Asset } from '../../store/assets.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { type Delivery, notifyPerson, publishNotifications, RecipientCache } from '../notifications/index.ts';
import { actOnOrder, createOrder } from '../orders/index.ts';
import { publishAlert } from './alerts.ts';

/** Beijing wall-clock "MM-DD HH:MM" of an instant, for messages. */
function beijing(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ');
}

/** The command centre of a unit path: the root of its tree (the subdistrict). */
function centreOf(unitPath: string): string | undefined {
  return unitPath.split('/').find(Boolean);
}

/** What an opened episode needs to be stored. */
export interface OpenedEpisode {
  rule: AlertRuleRecord;
  asset: Asset;
  deviceId: string;
  start: EpisodeStart;
  raisedAt: number;
}

/**
 * Stores an episode that has just opened, tells the asset's unit and the centre in their inbox,
 * raises its work order when the rule says so, and pushes it on the live feed. Returns its id.
 */
export async function openEpisode(
  ctx: ServiceContext,
  bus: LiveBus,
  e: OpenedEpisode,
  onOrderFailed: (error: unknown) => void = () => undefined,
): Promise<string> {
  const kind = e.rule.kind as AlertKind;
  const alert: AlertRecord = {
    id: newId(),
    ruleId: e.rule.id,
    kind,
    assetId: e.asset.id,
    deviceId: e.deviceId,
    unitId: e.asset.unitId,
    startedAt: e.start.startedAt,
    raisedAt: e.raisedAt,
    endedAt: null,
    lat: e.start.lat,
    lon: e.start.lon,
    status: 'open',
    acknowledgedBy: null,
    acknowledgedAt: null,
    resolvedBy: null,
    resolvedAt: null,
    note: null,
    orderId: null,
  };
  const message = `告警：${e.asset.name}${ALERT_KIND_LABEL[kind]}（${e.rule.name}），${beijing(alert.startedAt)} 起`;
  const recipients = new RecipientCache();
  const unit = await recipients.of(ctx.db, e.asset.unitId);
  const centreId = centreOf(unit.path ?? '');
  const centre = centreId && centreId !== e.asset.unitId ? await recipients.of(ctx.db, centreId) : undefined;
  const userIds = [...new Set([...unit.userIds, ...(centre?.userIds ?? [])])];
  const deliveries: Delivery[] = await writeTransaction(ctx.db, [], async (trx) => {
    await insertAlert(trx, alert);
    const out: Delivery[] = [];
    const data = { alertId: alert.id, assetId: alert.assetId, alertKind: kind };
    for (const userId of userIds)
      out.push(...(await notifyPerson(trx, userId, 'alert', message, data, ctx.now())));
    return out;
  });
  if (e.rule.openOrder && alert.lat !== null && alert.lon !== null && centreId) {
    try {
      alert.orderId = await raiseOrder(ctx, bus, e, alert, centreId, message);
    } catch (error) {
      // The alert stands without its order (a category retired since the rule was made): say so.
      onOrderFailed(error);
    }
  }
  publishNotifications(bus, deliveries);
  await publishAlert(ctx.db, bus, alert, 'opened');
  return alert.id;
}

/**
 * The episode's work order (事前): reported by the system with source alert and stage before at
 * the alert's position (grid and community located as for any report), registered and dispatched
 * at once to the asset's unit with the alerting asset as its own, and linked to the alert.
 */
async function raiseOrder(
  ctx: ServiceContext,
  bus: LiveBus,
  e: OpenedEpisode,
  alert: AlertRecord,
  centreId: string,
  message: string,
): Promise<string> {
  const system: Principal = {
    userId: 'system',
    username: 'system',
    displayName: '系统',
    role: 'operator',
    unitId: centreId,
    scopePath: null,
  };
  const created = await createOrder(ctx, system, {
    categoryId: e.rule.openOrder?.categoryId ?? '',
    stage: 'before',
    source: 'alert',
    description: message,
    lat: alert.lat ?? 0,
    lon: alert.lon ?? 0,
  });
  const orderId = created.order.id;
  await writeTransaction(ctx.db, [], (trx) => updateAlert(trx, alert.id, { orderId }));
  publishNotifications(bus, created.deliveries);
  const registered = await actOnOrder(ctx, system, orderId, 'register', {});
  publishNotifications(bus, registered.deliveries);
  // Sent with the alerting boat as its asset, so its track is the order's field check (事后).
  const dispatched = await actOnOrder(ctx, system, orderId, 'dispatch', {
    unitId: e.asset.unitId,
    assetIds: [e.asset.id],
  });
  publishNotifications(bus, dispatched.deliveries);
  return orderId;
}

/** Stores an episode's end and pushes it on the live feed. */
export async function endEpisode(
  ctx: ServiceContext,
  bus: LiveBus,
  alertId: string,
  endedAt: number,
): Promise<void> {
  await writeTransaction(ctx.db, [], (trx) => updateAlert(trx, alertId, { endedAt }));
  const alert = await findAlert(ctx.db, alertId);
  if (alert) await publishAlert(ctx.db, bus, alert, 'ended');
}
