import { ROLES, type Role } from '../../domain/auth/roles.ts';
import type { Actor } from '../../domain/workorder/model.ts';
import { fail } from '../../errors/catalogue.ts';
import { hasSingleRoot, isOrderVisible, type OrderVisibility } from '../../store/order-list.repository.ts';
import { findOrder, type OrderRecord } from '../../store/orders.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';

/** The caller as the state machine sees it (never the scheduler: a person with a role). */
export function actorOf(who: Principal): Actor & { role: Role } {
  const role = ROLES.find((r) => r === who.role);
  if (!role) fail('FORBIDDEN', `Role ${who.role} takes no part in work orders`);
  return { userId: who.userId, role, unitId: who.unitId };
}

/** Whether the caller runs the command centre (and may see every order of its subdistrict). */
export function isCentreRole(role: string): role is Extract<Role, 'admin' | 'operator'> {
  return role === 'admin' || role === 'operator';
}

/**
 * Which orders a caller sees. Admins: all. Residents: those they follow (reported, or merged
 * into). Everyone else: those that involved a unit under their scope (the grid and community
 * an order lies in, each unit that held it, each sub-task unit), plus those they follow. So a
 * community sees its area's orders, a workstation its grid area's, a department what was
 * dispatched to it, and the subdistrict's staff everything.
 */
export async function visibilityOf(ctx: ServiceContext, who: Principal): Promise<OrderVisibility> {
  if (who.scopePath === null) return { kind: 'all' };
  if (who.role === 'resident') return { kind: 'followed', userId: who.userId };
  // The subdistrict's own staff: skip the involvement lookup, which would match every order anyway.
  const isRootScope = who.scopePath.split('/').filter(Boolean).length === 1;
  if (isRootScope && (await hasSingleRoot(ctx.db))) return { kind: 'all' };
  return { kind: 'units', unitPath: who.scopePath, userId: who.userId };
}

/** An order the caller may see, or ORDER_NOT_FOUND: an order outside the scope is not revealed to exist. */
export async function getVisibleOrderOrThrow(
  ctx: ServiceContext,
  who: Principal,
  id: string,
  field?: string,
): Promise<OrderRecord> {
  const order = await findOrder(ctx.db, id);
  const visibility = order ? await visibilityOf(ctx, who) : undefined;
  const visible =
    visibility?.kind === 'all' || (visibility && (await isOrderVisible(ctx.db, id, visibility)));
  if (!order || !visible) {
    fail('ORDER_NOT_FOUND', `No work order with id ${id}`, field ? { field } : undefined);
  }
  return order;
}
