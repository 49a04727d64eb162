import { applyAction } from '../../domain/workorder/apply.ts';
import { absorbDuplicate } from '../../domain/workorder/merge.ts';
import type { OrderEvent } from '../../domain/workorder/model.ts';
import { addFollowers, listFollowers } from '../../store/order-links.repository.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import { writeTransaction } from '../../store/read-cache.ts';
import { workingCalendar } from '../calendar/index.ts';
import type { Principal, ServiceContext } from '../context.ts';
import { type Delivery, notifyMerged } from '../notifications/index.ts';
import { getVisibleOrderOrThrow } from '../scope/index.ts';
import { actorOf } from './actor.ts';
import { commitTransition, domainFailure } from './write.ts';

/** What a merge asks for. */
export interface MergeRequest {
  intoOrderId: string;
  /** The duplicate's version as the caller saw it. */
  version?: number;
  note?: string;
}

/** Both sides of a merge after it: the duplicate (now merged) and the surviving order. */
export interface MergedOrders {
  order: OrderRecord;
  event: OrderEvent;
  into: OrderRecord;
  /** Notifications the merge wrote (see notifyMerged), for the caller to push to live consoles. */
  deliveries: Delivery[];
}

/**
 * Merges an order into another it duplicates (合并): the duplicate ends as `merged`, the
 * survivor records the merge in its timeline, whoever followed the duplicate (its reporter
 * first) now follows the survivor and is told so, as is the unit holding the duplicate, all in
 * one transaction guarded by both versions.
 */
export async function mergeOrder(
  ctx: ServiceContext,
  who: Principal,
  orderId: string,
  request: MergeRequest,
): Promise<MergedOrders> {
  const actor = actorOf(who);
  const duplicate = await getVisibleOrderOrThrow(ctx, who, orderId);
  const survivor = await getVisibleOrderOrThrow(ctx, who, request.intoOrderId, 'body.intoOrderId');
  const calendar = await workingCalendar(ctx);
  const now = ctx.now();
  const merged = applyAction(
    duplicate.state,
    {
      type: 'merge',
      intoOrderId: survivor.id,
      ...(request.version !== undefined && { expectedVersion: request.version }),
      ...(request.note !== undefined && { note: request.note }),
    },
    actor,
    now,
    { calendar },
  );
  if (!merged.ok) throw domainFailure(merged.error);
  const absorbed = absorbDuplicate(survivor.state, duplicate.id, actor, now);
  if (!absorbed.ok) throw domainFailure(absorbed.error);
  const order = { ...duplicate, state: merged.order, updatedAt: now };
  const into = { ...survivor, state: absorbed.order, updatedAt: now };
  const deliveries = await writeTransaction(ctx.db, [], async (trx) => {
    await commitTransition(trx, duplicate.state, merged, now, calendar);
    await commitTransition(trx, survivor.state, absorbed, now, calendar);
    const followers = await listFollowers(trx, duplicate.id);
    await addFollowers(trx, survivor.id, followers, now);
    return notifyMerged(trx, order, into, followers, actor.userId, now);
  });
  return { order, event: merged.event, into, deliveries };
}
