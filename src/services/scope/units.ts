import { inScope, isTopLevelScope } from '../../domain/auth/scope.ts';
import { findUnit, listUnits } from '../../store/units.repository.ts';
import type { Principal, ServiceContext } from '../context.ts';

/** Whether the caller's scope holds a unit (null caller: a system call, which sees everything). */
export function mayReadUnit(who: Principal | null, unit: { path: string }): boolean {
  return who === null || inScope(who.scopePath, unit.path);
}

/**
 * Refuses, through `notFound`, a resource that belongs to a unit outside the caller's scope, so
 * that an out-of-scope id answers exactly like an id that does not exist. Users, devices and
 * assets are scoped by the unit that holds them.
 */
export async function assertHeldInScope(
  ctx: ServiceContext,
  who: Principal | null,
  unitId: string,
  notFound: () => never,
): Promise<void> {
  if (who === null || who.scopePath === null) return;
  const unit = await findUnit(ctx.db, unitId);
  if (!unit || !mayReadUnit(who, unit)) notFound();
}

/** The unit path a caller's lists are limited to (null = everything), for the repositories' filters. */
export function listScopeOf(who: Principal): string | null {
  return who.scopePath;
}

/**
 * The unit path a list narrowed to one unit's subtree (`?unitId=`) is limited to: that unit's
 * path when the caller may read the unit (refused through `notFound` otherwise, as an unknown
 * unit), the caller's own scope when no unit is named.
 */
export async function listScopeUnder(
  ctx: ServiceContext,
  who: Principal,
  unitId: string | undefined,
  notFound: () => never,
): Promise<string | null> {
  if (unitId === undefined) return listScopeOf(who);
  const unit = await findUnit(ctx.db, unitId);
  if (!unit || !mayReadUnit(who, unit)) notFound();
  return unit.path;
}

/**
 * The items whose holding unit lies in the caller's scope, for lists read whole (segments, docks):
 * an item held by no unit belongs to the whole organisation and is listed to callers whose
 * scope is the whole organisation only.
 */
export async function filterHeldInScope<T>(
  ctx: ServiceContext,
  who: Principal,
  items: readonly T[],
  unitIdOf: (item: T) => string | null,
): Promise<T[]> {
  if (who.scopePath === null) return [...items];
  const visible = new Set((await listUnits(ctx.db, { scopePath: who.scopePath })).map((u) => u.id));
  const wholeOrganisation = isTopLevelScope(who.scopePath);
  return items.filter((item) => {
    const unitId = unitIdOf(item);
    return unitId === null ? wholeOrganisation : visible.has(unitId);
  });
}
