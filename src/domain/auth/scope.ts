import type { UnitKind } from '../org/unit-kinds.ts';

/**
 * The visibility rule (who may see what), in one place. The rule is about unit paths: a unit's
 * path lists its ancestors, so "under my scope" is a prefix test. src/services/scope/ applies it
 * to each resource and src/store/scope.ts turns it into SQL; nothing else decides visibility.
 */

/** The part of a unit that scope decisions need. */
export interface ScopedUnit {
  id: string;
  kind: UnitKind | string;
  parentId: string | null;
  path: string;
}

/**
 * The unit path under which a user sees and acts. A workstation serves its whole grid area,
 * so its scope is the parent grid area; everyone else's is their own unit's subtree.
 * Admins are unrestricted (null).
 */
export function scopePath(role: string, unit: ScopedUnit, parent: ScopedUnit | undefined): string | null {
  if (role === 'admin') return null;
  if (unit.kind === 'workstation' && parent) return parent.path;
  return unit.path;
}

/** Whether a unit path lies inside a scope path (null scope = everything). */
export function inScope(scope: string | null, unitPath: string): boolean {
  return scope === null || unitPath.startsWith(scope);
}

/**
 * Whose orders a caller may see: everything, orders involving units under a path (or that they
 * follow), or only the orders they follow (residents: what they reported or had merged).
 */
export type OrderVisibility =
  | { kind: 'all' }
  | { kind: 'units'; unitPath: string; userId: string }
  | { kind: 'followed'; userId: string };

/**
 * Which orders a caller sees. Admins: all. Residents: those they follow. Everyone else: those
 * that involved a unit under their scope (the grid and community an order lies in, each unit
 * that held it, each sub-task unit), plus those they follow. `rootScope` says the caller's scope
 * is the only root of the organisation, where the involvement test would match every order.
 */
export function orderVisibility(
  who: { userId: string; role: string; scopePath: string | null },
  rootScope: boolean,
): OrderVisibility {
  if (who.scopePath === null) return { kind: 'all' };
  if (who.role === 'resident') return { kind: 'followed', userId: who.userId };
  if (rootScope) return { kind: 'all' };
  return { kind: 'units', unitPath: who.scopePath, userId: who.userId };
}

/** Whether a scope path is a top-level unit's (the subdistrict's own staff). */
export function isTopLevelScope(scope: string): boolean {
  return scope.split('/').filter(Boolean).length === 1;
}

/**
 * Which notices to residents (公告) a caller sees. A notice is for grids and communities; it
 * covers a person whose unit (or, for a resident, whose grid) lies at or under one of them.
 * Admins: all. Residents: the notices covering them, while valid. Staff: those for a unit under
 * their scope (what they manage) and those covering their own unit (a grid worker reads their
 * community's). `coveringUnitIds` are the ids on the caller's unit path and grid path.
 */
export type NoticeVisibility =
  | { kind: 'all' }
  | { kind: 'units'; unitPath: string; coveringUnitIds: string[] }
  | { kind: 'resident'; coveringUnitIds: string[] };

/** The ids a unit path names, from the root down. */
function idsOnPath(path: string | null): string[] {
  return path === null ? [] : path.split('/').filter(Boolean);
}

/** The notice rule (see NoticeVisibility) for a caller, their unit's path and their grid's path. */
export function noticeVisibility(
  who: { role: string; scopePath: string | null },
  unitPath: string,
  gridPath: string | null,
): NoticeVisibility {
  if (who.scopePath === null) return { kind: 'all' };
  const coveringUnitIds = [...new Set([...idsOnPath(unitPath), ...idsOnPath(gridPath)])];
  if (who.role === 'resident') return { kind: 'resident', coveringUnitIds };
  return { kind: 'units', unitPath: who.scopePath, coveringUnitIds };
}
