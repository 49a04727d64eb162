import { isTopLevelScope, type OrderVisibility, orderVisibility } from '../../domain/auth/scope.ts';
import { fail } from '../../errors/catalogue.ts';
import { hasSingleRoot, isOrderVisible } from '../../store/order-list.repository.ts';
import { findOrder, type OrderRecord } from '../../store/orders.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';

/**
 * Which orders a caller sees (src/domain/auth/scope.ts `orderVisibility`). The subdistrict's own
 * staff skip the involvement lookup when theirs is the only root, as it would match every order.
 */
export async function visibilityOf(ctx: ServiceContext, who: Principal): Promise<OrderVisibility> {
  const rootScope =
    who.scopePath !== null &&
    who.role !== 'resident' &&
    isTopLevelScope(who.scopePath) &&
    (await hasSingleRoot(ctx.db));
  return orderVisibility(who, rootScope);
}

/** Whether the caller may see one order. */
export async function mayReadOrder(ctx: ServiceContext, who: Principal, id: string): Promise<boolean> {
  const visibility = await visibilityOf(ctx, who);
  return visibility.kind === 'all' || isOrderVisible(ctx.db, id, visibility);
}

/** An order the caller may see, or ORDER_NOT_FOUND: an order outside the scope is not revealed to exist. */
export async function getVisibleOrderOrThrow(
  ctx: ServiceContext,
  who: Principal,
  id: string,
  field?: string,
): Promise<OrderRecord> {
  const order = await findOrder(ctx.db, id);
  if (!order || !(await mayReadOrder(ctx, who, id))) {
    fail('ORDER_NOT_FOUND', `No work order with id ${id}`, field ? { field } : undefined);
  }
  return order;
}
