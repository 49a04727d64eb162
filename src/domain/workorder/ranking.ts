import type { Indicators } from './indicators.ts';

/** The unit kinds leaders rank. */
export const RANKED_UNIT_KINDS = ['community', 'workstation', 'department'] as const;

/** The ranking key, most significant first; each descending, a missing rate below any rate. */
export const RANKING_KEY = ['onTimeClosureRate', 'closureRate', 'registered'] as const;

/** One ranked entry; `rank` is null for a unit with nothing to rank (nothing registered or due in the period). */
export interface Ranked<T> {
  rank: number | null;
  item: T;
  indicators: Indicators;
}

const rated = (i: Indicators) => i.registered > 0 || i.due > 0;

/** Descending on the key, null (no orders to rate) after every number; 0 when tied on the whole key. */
export function compareIndicators(a: Indicators, b: Indicators): number {
  for (const key of RANKING_KEY) {
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return y - x;
  }
  return 0;
}

/**
 * Ranks units by 按期办结率 (on time against deadlines), then 办结率, then the number of cases
 * registered (more work done ranks higher at equal rates). Ties on the whole key share a rank
 * (1, 2, 2, 4) and are listed by `code`; units with nothing registered or due are listed last
 * with no rank, since a rate of nothing is not a result.
 */
export function rankByIndicators<T extends { code: string }>(
  entries: readonly { item: T; indicators: Indicators }[],
): Ranked<T>[] {
  const sorted = [...entries].sort((a, b) => {
    const ra = rated(a.indicators);
    const rb = rated(b.indicators);
    if (ra !== rb) return ra ? -1 : 1;
    return compareIndicators(a.indicators, b.indicators) || a.item.code.localeCompare(b.item.code);
  });
  const ranked: Ranked<T>[] = [];
  for (const [i, e] of sorted.entries()) {
    const previous = ranked[i - 1];
    const tied = previous?.rank != null && compareIndicators(previous.indicators, e.indicators) === 0;
    const rank = !rated(e.indicators) ? null : tied ? (previous?.rank ?? i + 1) : i + 1;
    ranked.push({ rank, item: e.item, indicators: e.indicators });
  }
  return ranked;
}
