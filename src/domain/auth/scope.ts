import type { UnitKind } from '../org/unit-kinds.ts';

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
