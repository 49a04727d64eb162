import { distanceToSegmentSq, localProjection, projectX, projectY } from './planar.ts';
import type { LatLon } from './track.ts';

/**
 * The indexes of the points Douglas–Peucker keeps at a tolerance of `toleranceM` metres,
 * ascending; the first and the last point are always kept. Distances are measured on a local
 * planar projection around the first point (planar.ts), which over a day's track errs far less
 * than GPS does. Iterative, so a 17,280-fix day cannot overflow the stack.
 */
export function simplifyIndexes(points: readonly LatLon[], toleranceM: number): number[] {
  const n = points.length;
  if (n <= 2) return points.map((_, i) => i);
  const first = points[0] as LatLon;
  const proj = localProjection(first.lat, first.lon);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = points[i] as LatLon;
    xs[i] = projectX(proj, p.lon);
    ys[i] = projectY(proj, p.lat);
  }
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const toleranceSq = toleranceM * toleranceM;
  const stack: number[] = [0, n - 1];
  while (stack.length > 0) {
    const last = stack.pop() as number;
    const first = stack.pop() as number;
    let farthest = -1;
    let farthestSq = toleranceSq;
    const ax = xs[first] as number;
    const ay = ys[first] as number;
    const bx = xs[last] as number;
    const by = ys[last] as number;
    for (let i = first + 1; i < last; i++) {
      const d = distanceToSegmentSq(xs[i] as number, ys[i] as number, ax, ay, bx, by);
      if (d > farthestSq) {
        farthest = i;
        farthestSq = d;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push(first, farthest, farthest, last);
  }
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) kept.push(i);
  return kept;
}

/** The points Douglas–Peucker keeps at `toleranceM` metres (see simplifyIndexes), in their order. */
export function simplifyTrack<T extends LatLon>(points: readonly T[], toleranceM: number): T[] {
  return simplifyIndexes(points, toleranceM).map((i) => points[i] as T);
}
