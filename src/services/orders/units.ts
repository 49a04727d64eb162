import type { OrderState } from '../../domain/workorder/model.ts';
import type { OrderLevel } from '../../domain/workorder/states.ts';
import { fail } from '../../errors/catalogue.ts';
import type { Category } from '../../store/categories.repository.ts';
import type { OrderRecord } from '../../store/orders.repository.ts';
import { findUnit, listUnits, type Unit } from '../../store/units.repository.ts';
import { findUser } from '../../store/users.repository.ts';
import type { ServiceContext } from '../context.ts';

/** A unit named in a request body, or UNIT_NOT_FOUND naming the field. */
export async function requireUnit(ctx: ServiceContext, id: string, field: string): Promise<Unit> {
  const unit = await findUnit(ctx.db, id);
  if (!unit) fail('UNIT_NOT_FOUND', `${field} ${id} is not an existing unit`, { field });
  return unit;
}

/** A user named as the responsible person must exist and belong to the unit given the order. */
export async function requireUserInUnit(ctx: ServiceContext, userId: string, unitId: string, field: string) {
  const user = await findUser(ctx.db, userId);
  if (!user) fail('USER_NOT_FOUND', `${field} ${userId} is not an existing user`, { field });
  if (user.unitId !== unitId) {
    fail('VALIDATION_FAILED', `${field}: ${user.displayName} does not belong to unit ${unitId}`, { field });
  }
  return user;
}

async function workstationOf(ctx: ServiceContext, gridAreaId: string): Promise<Unit | undefined> {
  return (await listUnits(ctx.db, { scopePath: null, kind: 'workstation', parentId: gridAreaId }))[0];
}

/** Where an escalation goes: the unit one level up and the level it runs the order at. */
export interface EscalationTarget {
  toUnitId: string;
  toLevel: OrderLevel;
}

/**
 * The one unit an order may be escalated to: from a community to the linkage workstation of
 * its grid area (or straight to the subdistrict where the area has none), from a workstation
 * to the subdistrict. The level follows the target's kind, so an order that skips the missing
 * workstation lands at subdistrict level and the centre can run it.
 */
export async function escalationTarget(
  ctx: ServiceContext,
  state: OrderState,
): Promise<EscalationTarget | null> {
  const holder = state.responsibleUnitId ? await findUnit(ctx.db, state.responsibleUnitId) : undefined;
  const gridArea = holder?.parentId ? await findUnit(ctx.db, holder.parentId) : undefined;
  if (!gridArea) return null;
  if (state.level === 'community') {
    const workstation = await workstationOf(ctx, gridArea.id);
    if (workstation) return { toUnitId: workstation.id, toLevel: 'workstation' };
  }
  return gridArea.parentId ? { toUnitId: gridArea.parentId, toLevel: 'subdistrict' } : null;
}

/**
 * Checks an explicit escalation target: one level up, the kind that runs orders there, and the
 * order's own line (the community's workstation, not another grid area's), so an order cannot
 * be pushed onto a unit that has no say over it.
 */
export async function checkEscalationTarget(
  ctx: ServiceContext,
  state: OrderState,
  toUnitId: string,
): Promise<EscalationTarget> {
  const unit = await requireUnit(ctx, toUnitId, 'body.toUnitId');
  const allowed = state.level === 'community' ? ['workstation', 'subdistrict'] : ['subdistrict'];
  if (!allowed.includes(unit.kind)) {
    fail('VALIDATION_FAILED', `body.toUnitId must be a ${allowed.join(' or ')}, not a ${unit.kind}`, {
      field: 'body.toUnitId',
    });
  }
  const expected = await escalationTarget(ctx, state);
  if (expected?.toUnitId !== unit.id) {
    const instead = expected ? await findUnit(ctx.db, expected.toUnitId) : undefined;
    fail(
      'ESCALATION_TARGET_INVALID',
      `body.toUnitId: ${unit.name} is not above this ${state.level} in the grid; ` +
        (instead ? `escalate to ${instead.name} (${instead.id})` : 'the order has no unit to escalate to'),
      { field: 'body.toUnitId', expectedUnitId: expected?.toUnitId ?? null },
    );
  }
  return expected;
}

/** The unit a dispatch goes to when the body names none: the category's default, resolved at the order's position. */
export async function defaultHandler(
  ctx: ServiceContext,
  category: Category | undefined,
  order: OrderRecord,
): Promise<string | null> {
  switch (category?.defaultUnitKind) {
    case 'department':
      return category.defaultUnitId;
    case 'community':
      return order.communityId;
    case 'grid':
      return order.gridId;
    case 'workstation': {
      const community = order.communityId ? await findUnit(ctx.db, order.communityId) : undefined;
      const workstation = community?.parentId ? await workstationOf(ctx, community.parentId) : undefined;
      return workstation?.id ?? null;
    }
    default:
      return null;
  }
}
