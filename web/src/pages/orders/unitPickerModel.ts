import type { Unit, UnitKind } from '../../api/types.ts';

/** How many units a user's recent choices keep. */
export const RECENT_LIMIT = 5;

export interface UnitGroup {
  /** 'recent' for the user's recent choices, else the units' kind. */
  key: 'recent' | UnitKind;
  units: Unit[];
}

const normalise = (text: string) => text.normalize('NFKC').toLowerCase().trim();

/** Whether a unit's name or code contains the query (case- and width-insensitive; '' matches all). */
export function matchesUnit(unit: Unit, query: string): boolean {
  const q = normalise(query);
  return q === '' || normalise(unit.name).includes(q) || normalise(unit.code).includes(q);
}

/** The units matching the query: the recent ones first (most recent first), then the rest by kind. */
export function groupUnits(
  units: readonly Unit[],
  query: string,
  recentIds: readonly string[],
  kindOrder: readonly UnitKind[],
): UnitGroup[] {
  const matching = units.filter((u) => matchesUnit(u, query));
  const byId = new Map(matching.map((u) => [u.id, u]));
  const recent = recentIds.flatMap((id) => byId.get(id) ?? []);
  const groups: UnitGroup[] = recent.length > 0 ? [{ key: 'recent', units: recent }] : [];
  for (const kind of kindOrder) {
    const ofKind = matching.filter((u) => u.kind === kind);
    if (ofKind.length > 0) groups.push({ key: kind, units: ofKind });
  }
  return groups;
}

/** The recent list after choosing a unit: it moves to the front, at most RECENT_LIMIT kept. */
export function pushRecent(recentIds: readonly string[], unitId: string): string[] {
  return [unitId, ...recentIds.filter((id) => id !== unitId)].slice(0, RECENT_LIMIT);
}

const storageKey = (userId: string) => `zs.recentUnits.${userId}`;

/** The user's recent unit choices on this browser (none if storage is unreadable). */
export function loadRecent(userId: string): string[] {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(storageKey(userId)) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((id): id is string => typeof id === 'string').slice(0, RECENT_LIMIT)
      : [];
  } catch {
    return [];
  }
}

/** Records a unit the user dispatched to as their most recent choice. */
export function rememberUnit(userId: string, unitId: string): void {
  try {
    window.localStorage.setItem(storageKey(userId), JSON.stringify(pushRecent(loadRecent(userId), unitId)));
  } catch {
    // A browser refusing storage only loses the recent list.
  }
}
