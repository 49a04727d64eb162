import { lineString } from '@turf/helpers';
import kinks from '@turf/kinks';
import { type Position, positionProblem } from '../org/polygon.ts';
import type { LineGeometry } from './segment-geometry.ts';

/** Vertices a segment's centre line may have: a river reach of kilometres needs hundreds, not more. */
export const MAX_LINE_POSITIONS = 10_000;

function partProblem(part: unknown, where: string): string | undefined {
  if (!Array.isArray(part)) return `${where} must be an array of [lon, lat] positions`;
  if (part.length < 2) return `${where} has ${part.length} position(s); a line needs at least 2`;
  for (let i = 0; i < part.length; i++) {
    const problem = positionProblem(part[i], `${where}[${i}]`);
    if (problem) return problem;
  }
  const points = part as Position[];
  if (points.every((p) => p[0] === points[0]?.[0] && p[1] === points[0]?.[1])) {
    return `${where} has no length: all its positions are [${points[0]}]`;
  }
  // A river's centre line does not cross itself; a closed loop (a moat 护城河) may end where it began.
  const crossings = kinks(lineString(points.map((p) => [p[0], p[1]]))).features;
  if (crossings.length > 0) return `${where} crosses itself near [${crossings[0]?.geometry.coordinates}]`;
  return undefined;
}

/**
 * What is wrong with a river segment's centre line (GeoJSON LineString or MultiLineString,
 * WGS-84, [lon, lat]), or undefined when it is usable: every line has at least two positions in
 * range, some length, and does not cross itself (the parts of a MultiLineString may meet).
 */
export function lineGeometryProblem(value: unknown, field = 'geometry'): string | undefined {
  if (typeof value !== 'object' || value === null) {
    return `${field} must be a GeoJSON LineString or MultiLineString`;
  }
  const g = value as { type?: unknown; coordinates?: unknown };
  let parts: unknown[];
  if (g.type === 'LineString') parts = [g.coordinates];
  else if (g.type === 'MultiLineString') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
      return `${field}.coordinates must be a non-empty array of lines`;
    }
    parts = g.coordinates;
  } else return `${field}.type must be "LineString" or "MultiLineString", not ${JSON.stringify(g.type)}`;
  const total = parts.reduce<number>((n, p) => n + (Array.isArray(p) ? p.length : 0), 0);
  if (total > MAX_LINE_POSITIONS) {
    return `${field} has ${total} positions; simplify it to at most ${MAX_LINE_POSITIONS}`;
  }
  for (const [i, part] of parts.entries()) {
    const where = g.type === 'LineString' ? `${field}.coordinates` : `${field}.coordinates[${i}]`;
    const problem = partProblem(part, where);
    if (problem) return problem;
  }
  return undefined;
}

/** The geometry as a LineGeometry, once lineGeometryProblem found nothing wrong with it. */
export function asLineGeometry(value: unknown): LineGeometry {
  return value as LineGeometry;
}
