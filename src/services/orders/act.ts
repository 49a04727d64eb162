import type { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import type { ActionType } from '../../domain/workorder/actions.ts';
import { applyAction } from '../../domain/workorder/apply.ts';
import type { Actor, OrderEvent } from '../../domain/workorder/model.ts';
import { DomainError, fail } from '../../errors/catalogue.ts';
import { resolveAlertsOfOrder } from '../../store/alerts.repository.ts';
import { findCategory } from '../../store/categories.repository.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { findUnit } from '../../store/units.repository.ts';
import { missingYearWarnings, workingCalendar } from '../calendar/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { type Delivery, notifyForEvent, RecipientCache } from '../notifications/index.ts';
import { fieldCheckSummaryOf, requireAssetsOfUnit } from '../order-assets/index.ts';
import { getVisibleOrderOrThrow } from '../scope/index.ts';
import { actorOf } from './actor.ts';
import { mergeOrder } from './merge.ts';
import { type ActionBody, actionFromBody } from './payload.ts';
import { checkPhotosExist } from './photos.ts';
import {
  checkEscalationTarget,
  defaultHandler,
  escalationTarget,
  requireUnit,
  requireUserInUnit,
} from './units.ts';
import { commitTransition, domainFailure } from './write.ts';

/**
 * An order after an action, with the event it wrote and warnings for the caller (and the log):
 * a unit given work that nobody can act for, a calendar year not loaded.
 */
export interface ActedOrder {
  order: OrderRecord;
  event: OrderEvent;
  warnings: string[];
  /** Notifications the action wrote (see targetsOfEvent), for the caller to push to live consoles. */
  deliveries: Delivery[];
}

/** Fills in what the body may leave out, and checks that every unit and person it names exists. */
async function resolve(
  ctx: ServiceContext,
  record: OrderRecord,
  type: ActionType,
  body: ActionBody,
  actor: Actor,
  who: Principal,
) {
  const state = record.state;
  if (type === 'escalate') {
    const target = body.toUnitId
      ? await checkEscalationTarget(ctx, state, body.toUnitId)
      : await escalationTarget(ctx, state);
    return { toUnitId: target?.toUnitId, toLevel: target?.toLevel };
  }
  if (type === 'dispatch') {
    const category = await findCategory(ctx.db, record.categoryId);
    const unitId = body.unitId ?? (await defaultHandler(ctx, category, record)) ?? undefined;
    if (unitId) await requireUnit(ctx, unitId, 'body.unitId');
    if (unitId && body.userId) await requireUserInUnit(ctx, body.userId, unitId, 'body.userId');
    for (const [i, s] of (body.subTasks ?? []).entries()) {
      await requireUnit(ctx, s.unitId, `body.subTasks.${i}.unitId`);
      await requireAssetsOfUnit(ctx, who, s.assetIds, s.unitId, `body.subTasks.${i}.assetIds`);
    }
    await requireAssetsOfUnit(ctx, who, body.assetIds, unitId, 'body.assetIds');
    return { unitId };
  }
  if (type === 'addSubTask' && body.subTask) {
    await requireUnit(ctx, body.subTask.unitId, 'body.subTask.unitId');
    await requireAssetsOfUnit(ctx, who, body.subTask.assetIds, body.subTask.unitId, 'body.subTask.assetIds');
  }
  if (type === 'assignAssets')
    await requireAssetsOfUnit(ctx, who, body.assetIds, state.responsibleUnitId, 'body.assetIds');
  // The verifier's decision is recorded with what the crew's track showed (事后), when there were boats.
  if (type === 'verify' && state.status === 'handled')
    return { fieldCheck: await fieldCheckSummaryOf(ctx, record) };
  if (type === 'consult') {
    for (const [i, unitId] of (body.unitIds ?? []).entries())
      await requireUnit(ctx, unitId, `body.unitIds.${i}`);
  }
  if ((type === 'signSubTask' || type === 'feedbackSubTask') && body.subTaskId === undefined) {
    // "Sign our sub-task": the unit's only sub-task waiting for this step, when there is exactly one.
    const waiting = type === 'signSubTask' ? 'dispatched' : 'signed';
    const mine = state.subTasks.filter((s) => s.unitId === actor.unitId && s.status === waiting);
    if (mine.length === 1) return { subTaskId: mine[0]?.id };
  }
  return {};
}

function unitIdsIn(list: unknown): string[] {
  return Array.isArray(list)
    ? list.flatMap((s) =>
        s && typeof s === 'object' && 'unitId' in s && typeof s.unitId === 'string' ? [s.unitId] : [],
      )
    : [];
}

/**
 * Units just given a sub-task or a question that nobody can act for (no active user who gets its
 * notifications): accepted, since someone may be added, but the caller is told, as an open
 * sub-task holds up the lead's feedback until it is closed (关闭协办).
 */
async function unstaffedWarnings(ctx: ServiceContext, event: OrderEvent): Promise<string[]> {
  const subTaskUnits =
    event.action === 'dispatch' || event.action === 'addSubTask' ? unitIdsIn(event.data.subTasks) : [];
  const askedUnits = event.action === 'consult' ? unitIdsIn(event.data.consultations) : [];
  const recipients = new RecipientCache();
  const warnings: string[] = [];
  for (const [unitIds, what] of [
    [
      subTaskUnits,
      'nobody can sign for its sub-task, and the lead cannot feed back until it is closed (关闭协办)',
    ],
    [askedUnits, 'nobody can answer the question'],
  ] as const) {
    for (const unitId of unitIds) {
      if ((await recipients.of(ctx.db, unitId)).userIds.length > 0) continue;
      const name = (await findUnit(ctx.db, unitId))?.name ?? unitId;
      warnings.push(`Unit ${name} (${unitId}) has no active users: ${what}`);
    }
  }
  return warnings;
}

async function attempt(
  ctx: ServiceContext,
  who: Principal,
  orderId: string,
  type: ActionType,
  body: ActionBody,
  calendar: WorkingCalendar,
): Promise<ActedOrder> {
  const actor = actorOf(who);
  const record = await getVisibleOrderOrThrow(ctx, who, orderId);
  const now = ctx.now();
  const action = actionFromBody(type, body, await resolve(ctx, record, type, body, actor, who), now);
  const result = applyAction(record.state, action, actor, now, { calendar });
  if (!result.ok) throw domainFailure(result.error);
  await checkPhotosExist(ctx, who, body.photos);
  const order = { ...record, state: result.order, updatedAt: now };
  const deliveries = await writeTransaction(ctx.db, [], async (trx) => {
    await commitTransition(trx, record.state, result, now, calendar, [record.gridId, record.communityId]);
    // Closing an order an alert raised resolves the alert (issue 12), in the same transaction.
    if (result.order.status === 'closed' && record.source === 'alert') {
      await resolveAlertsOfOrder(trx, orderId, {
        userId: actor.userId,
        at: now,
        note: `工单 ${record.code} 已结案`,
      });
    }
    return notifyForEvent(trx, result.event, order, now);
  });
  const latest = Math.max(now, result.order.deadline ?? now, ...result.order.subTasks.map((s) => s.deadline));
  return {
    order,
    event: result.event,
    warnings: [...(await unstaffedWarnings(ctx, result.event)), ...missingYearWarnings(ctx, now, latest)],
    deliveries,
  };
}

/**
 * Takes one action on an order: read, decide with the state machine, write state and event
 * in one transaction guarded by the version read. A caller that named the version it saw gets
 * a VERSION_CONFLICT when someone else acted first; one that did not is retried on the fresh
 * order, where the action may now be refused for the new state instead.
 */
export async function actOnOrder(
  ctx: ServiceContext,
  who: Principal,
  orderId: string,
  type: ActionType,
  body: ActionBody,
): Promise<ActedOrder> {
  if (type === 'merge') {
    // The survivor's side and the followers belong to a merge too: the same path as POST …/merge.
    const intoOrderId = body.intoOrderId;
    if (!intoOrderId)
      fail('VALIDATION_FAILED', 'body.intoOrderId is required to merge', { field: 'body.intoOrderId' });
    const merged = await mergeOrder(ctx, who, orderId, {
      intoOrderId,
      version: body.version,
      note: body.note,
    });
    return { order: merged.order, event: merged.event, warnings: [], deliveries: merged.deliveries };
  }
  const calendar = await workingCalendar(ctx);
  for (let tries = 1; ; tries++) {
    try {
      return await attempt(ctx, who, orderId, type, body, calendar);
    } catch (error) {
      const lostRace = error instanceof DomainError && error.code === 'VERSION_CONFLICT';
      if (!lostRace || body.version !== undefined || tries >= 3) throw error;
    }
  }
}
